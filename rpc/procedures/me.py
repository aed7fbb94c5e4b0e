"""MeProcedure: the caller's own account and work (User API only)."""

from __future__ import annotations

import time

from kanboard_site.collation import bytewise
from projects import lifecycle
from projects.models import Project
from rpc.authentication import Caller
from rpc.formatters.activity import activity_events
from rpc.formatters.projects import projects
from rpc.formatters.tasks import dashboard_tasks, overdue_tasks
from rpc.formatters.users import me
from rpc.registry import procedure
from tasks.models import ProjectActivity, Task

MY_EVENTS_LIMIT = 100


@procedure("getMe")
def get_me(caller: Caller) -> dict:
    return me(caller.user)


@procedure("getMyDashboard")
def get_my_dashboard(caller: Caller) -> list:
    return dashboard_tasks(Task.objects.on_dashboard_of(caller.user_id), caller.user_id)


@procedure("getMyOverdueTasks")
def get_my_overdue_tasks(caller: Caller) -> list:
    overdue = Task.objects.overdue(int(time.time())).of_member(caller.user_id)
    return overdue_tasks(overdue.filter(owner_id=caller.user_id))


@procedure("getMyActivityStream")
def get_my_activity_stream(caller: Caller) -> list:
    """The newest events of the active projects the user belongs to."""
    project_ids = Project.objects.with_member(caller.user_id).active().values("id")
    events = ProjectActivity.objects.newest_of(project_ids, MY_EVENTS_LIMIT)
    return activity_events(events, caller.user.role)


@procedure("createMyPrivateProject", invalid=False)
def create_my_private_project(name, description=None, caller: Caller = None) -> int:
    return lifecycle.create_private_project(name, description, user_id=caller.user_id)


@procedure("getMyProjectsList")
def get_my_projects_list(caller: Caller) -> dict:
    """Active and disabled projects alike."""
    mine = Project.objects.with_member(caller.user_id).order_by(bytewise("name"), "id")
    return dict(mine.values_list("id", "name"))


@procedure("getMyProjects")
def get_my_projects(caller: Caller) -> list:
    mine = Project.objects.with_member(caller.user_id).active()
    return projects(mine.order_by(bytewise("name"), "id"))
