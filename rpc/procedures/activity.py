"""The project activity procedures of ProjectProcedure: newest events first."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.formatters.activity import activity_events
from rpc.registry import procedure
from tasks.models import ProjectActivity

PROJECT_EVENTS_LIMIT = 50


@procedure("getProjectActivity")
def get_project_activity(project_id, caller: Caller) -> list:
    events = ProjectActivity.objects.newest_of([to_id(project_id)], PROJECT_EVENTS_LIMIT)
    return activity_events(events, caller.user and caller.user.role)


@procedure("getProjectActivities")
def get_project_activities(project_ids: list, caller: Caller) -> list:
    project_ids = [to_id(project_id) for project_id in project_ids]
    events = ProjectActivity.objects.newest_of(project_ids, PROJECT_EVENTS_LIMIT)
    return activity_events(events, caller.user and caller.user.role)
