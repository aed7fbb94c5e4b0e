"""SwimlaneProcedure: the swimlanes of a project's board."""

from __future__ import annotations

from kanboard_site.inputs import searchable, to_id, to_int
from projects import swimlanes
from projects.models import Project, Swimlane
from rpc.formatters.structure import swimlane
from rpc.registry import procedure


@procedure("getActiveSwimlanes")
def get_active_swimlanes(project_id) -> list:
    listed = Swimlane.objects.filter(project_id=to_id(project_id)).active().in_board_order()
    return [swimlane(row) for row in listed]


@procedure("getAllSwimlanes")
def get_all_swimlanes(project_id) -> list:
    listed = Swimlane.objects.filter(project_id=to_id(project_id)).in_board_order()
    return [swimlane(row) for row in listed]


@procedure("getSwimlaneById")
def get_swimlane_by_id(swimlane_id):
    return swimlane(Swimlane.objects.filter(pk=to_id(swimlane_id)).first())


@procedure("getSwimlane")
def get_swimlane(swimlane_id):
    return get_swimlane_by_id(swimlane_id)


@procedure("getSwimlaneByName")
def get_swimlane_by_name(project_id, name):
    name = searchable(name)
    if name is None:
        return None
    return swimlane(Swimlane.objects.filter(project_id=to_id(project_id), name=name).first())


@procedure("addSwimlane", invalid=False)
def add_swimlane(project_id, name, description=""):
    try:
        return swimlanes.add_swimlane(to_id(project_id), name, description)
    except Project.DoesNotExist:
        return 0  # Kanboard's answer for an unknown project, false for the rest


@procedure("updateSwimlane", invalid=False)
def update_swimlane(project_id, swimlane_id, name, description=None) -> bool:
    swimlanes.update_swimlane(to_id(project_id), to_id(swimlane_id), name, description)
    return True


@procedure("removeSwimlane", invalid=False)
def remove_swimlane(project_id, swimlane_id) -> bool:
    swimlanes.remove_swimlane(to_id(project_id), to_id(swimlane_id))
    return True


@procedure("disableSwimlane", invalid=False)
def disable_swimlane(project_id, swimlane_id) -> bool:
    swimlanes.disable_swimlane(to_id(project_id), to_id(swimlane_id))
    return True


@procedure("enableSwimlane", invalid=False)
def enable_swimlane(project_id, swimlane_id) -> bool:
    swimlanes.enable_swimlane(to_id(project_id), to_id(swimlane_id))
    return True


@procedure("changeSwimlanePosition", invalid=False)
def change_swimlane_position(project_id, swimlane_id, position) -> bool:
    swimlanes.change_swimlane_position(to_id(project_id), to_id(swimlane_id), to_int(position))
    return True
