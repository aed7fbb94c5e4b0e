"""TaskLinkProcedure: internal links between tasks."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks import task_links
from tasks.models import TaskLink
from tasks.shapes.links import task_link, task_links_in_list_form


@procedure("getTaskLinkById")
def get_task_link_by_id(task_link_id):
    found = TaskLink.objects.select_related("link").filter(pk=to_id(task_link_id)).first()
    return task_link(found) if found else None


@procedure("getAllTaskLinks")
def get_all_task_links(task_id) -> list:
    return task_links_in_list_form(task_links.links_of_task(to_id(task_id)))


@procedure("createTaskLink", invalid=False)
def create_task_link(task_id, opposite_task_id, link_id, *, caller: Caller) -> int:
    created = task_links.create_task_link(
        to_id(task_id), to_id(opposite_task_id), to_id(link_id), actor=caller.user
    )
    return created.pk


@procedure("updateTaskLink", invalid=False)
def update_task_link(task_link_id, task_id, opposite_task_id, link_id, *, caller: Caller) -> bool:
    task_links.update_task_link(
        to_id(task_link_id),
        to_id(task_id),
        to_id(opposite_task_id),
        to_id(link_id),
        actor=caller.user,
    )
    return True


@procedure("removeTaskLink", invalid=False)
def remove_task_link(task_link_id, *, caller: Caller) -> bool:
    return task_links.remove_task_link(to_id(task_link_id), actor=caller.user)
