"""TagProcedure and TaskTagProcedure: tags, and the tags of a task."""

from __future__ import annotations

from kanboard_site.collation import bytewise
from kanboard_site.inputs import to_id, to_int
from rpc.authentication import Caller
from rpc.formatters.tags import tag, tag_names_by_id
from rpc.registry import procedure
from tasks import tags as tag_rules
from tasks.models import Tag


@procedure("getAllTags")
def get_all_tags(caller: Caller) -> list:
    """Every tag for the application and administrators; for other users the global tags
    and those of their active projects."""
    listed = Tag.objects.all()
    if caller.user is not None and not caller.user.is_staff:
        listed = listed.visible_to_member(caller.user_id)
    return [tag(item) for item in listed.order_by(bytewise("name"), "pk")]


@procedure("getTagsByProject")
def get_tags_by_project(project_id) -> list:
    listed = Tag.objects.filter(project_id=to_int(project_id)).order_by(bytewise("name"), "pk")
    return [tag(item) for item in listed]


@procedure("createTag", invalid=False)
def create_tag(project_id, tag, color_id=None) -> int:
    return tag_rules.create_tag(to_int(project_id), tag, color_id).pk


@procedure("updateTag", invalid=False)
def update_tag(tag_id, tag, color_id=None) -> bool:
    return tag_rules.update_tag(to_id(tag_id), tag, color_id)


@procedure("removeTag", invalid=False)
def remove_tag(tag_id) -> bool:
    return tag_rules.remove_tag(to_id(tag_id))


@procedure("setTaskTags", invalid=False)
def set_task_tags(project_id, task_id, tags: list) -> bool:
    return tag_rules.set_task_tags(to_id(project_id), to_id(task_id), tags)


@procedure("getTaskTags")
def get_task_tags(task_id) -> dict:
    return tag_names_by_id(
        Tag.objects.filter(task_tags__task_id=to_id(task_id)).order_by("task_tags__pk")
    )
