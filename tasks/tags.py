"""Tags and the tags of a task (Kanboard's TagModel, TaskTagModel, TagDuplicationModel).

A tag belongs to one project, or to none (project 0: a global tag, usable everywhere).
Names are unique per project, case-sensitively; finding a tag by name is case-insensitive
and prefers the global tag.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kanboard_site.inputs import text
from tasks.models import Tag, Task, TaskTag
from tasks.validation import tag_names

NAME_MAX_LENGTH = 255
COLOR_MAX_LENGTH = 50


def _color(color_id) -> str | None:
    return None if color_id is None else text(color_id, "color_id", COLOR_MAX_LENGTH)


def create_tag(project_id: int | None, name, color_id=None) -> Tag:
    """A new tag; project_id 0 makes it global. Refused when the project already has a tag
    of exactly this name."""
    if project_id is None:
        raise ValidationError("The project id must be an integer")
    tag = Tag(
        project_id=project_id, name=text(name, "tag", NAME_MAX_LENGTH), color_id=_color(color_id)
    )
    try:
        with transaction.atomic():
            tag.save()
    except IntegrityError:
        raise ValidationError("This tag already exists") from None
    return tag


def update_tag(tag_id: int | None, name, color_id=None) -> bool:
    """Rename the tag and set its color (None clears it); true for an unknown id too."""
    changes = {"name": text(name, "tag", NAME_MAX_LENGTH), "color_id": _color(color_id)}
    try:
        with transaction.atomic():
            Tag.objects.filter(pk=tag_id).update(**changes)
    except IntegrityError:
        raise ValidationError("This tag already exists") from None
    return True


def remove_tag(tag_id: int | None) -> bool:
    """Delete the tag; its task associations go with it."""
    deleted, _ = Tag.objects.filter(pk=tag_id).delete()
    return deleted > 0


def find_or_create_tag(project_id: int, name: str, color_id: str | None = None) -> Tag:
    found = (
        Tag.objects.usable_in(project_id).filter(name__iexact=name).order_by("project_id").first()
    )
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Tag.objects.create(project_id=project_id, name=name, color_id=color_id)
    except IntegrityError:  # created meanwhile by a concurrent call
        return Tag.objects.get(project_id=project_id, name=name)


def save_task_tags(project_id: int, task_id: int, names: list) -> None:
    """Make the task's tags the named ones, creating missing tags in the project.

    Kanboard's quirk is kept: names are found case-insensitively, but a tag already on the
    task stays only when its name is listed with the same case.
    """
    wanted = tag_names(names)
    current = dict(Tag.objects.filter(task_tags__task_id=task_id).values_list("id", "name"))
    for name in wanted:
        tag = find_or_create_tag(project_id, name)
        if tag.pk not in current:
            TaskTag.objects.get_or_create(task_id=task_id, tag=tag)
    unwanted = [tag_id for tag_id, name in current.items() if name not in wanted]
    TaskTag.objects.filter(task_id=task_id, tag_id__in=unwanted).delete()


def set_task_tags(project_id: int | None, task_id: int | None, names: list) -> bool:
    """setTaskTags: the task must be in the project whose tags it gets."""
    tag_names(names)
    with transaction.atomic():
        if not Task.objects.filter(pk=task_id, project_id=project_id).exists():
            raise ValidationError("The task is not in this project")
        save_task_tags(project_id, task_id, names)
    return True


def copy_tags_to_project(source_task_id: int, copy_id: int, project_id: int) -> None:
    """Give the copy the source's tags, by name in the destination (created when missing)."""
    for tag in Tag.objects.filter(task_tags__task_id=source_task_id):
        found = find_or_create_tag(project_id, tag.name, tag.color_id)
        TaskTag.objects.get_or_create(task_id=copy_id, tag=found)


def move_tags_to_project(task_id: int, project_id: int) -> None:
    """Replace the task's tags that the destination cannot use by its tags of that name."""
    foreign = Tag.objects.filter(task_tags__task_id=task_id).exclude(project_id__in=(0, project_id))
    for tag in foreign:
        found = find_or_create_tag(project_id, tag.name, tag.color_id)
        TaskTag.objects.filter(task_id=task_id, tag=tag).delete()
        TaskTag.objects.get_or_create(task_id=task_id, tag=found)


def copy_task_tags(source_task_id: int, copy_id: int) -> None:
    """The same tags on a copy in the same project (a recurring task's next occurrence)."""
    TaskTag.objects.bulk_create(
        TaskTag(task_id=copy_id, tag_id=tag_id)
        for tag_id in TaskTag.objects.filter(task_id=source_task_id).values_list(
            "tag_id", flat=True
        )
    )
