"""MeProcedure: the caller's own account and work (User API only)."""

from __future__ import annotations

from kanboard_site.collation import bytewise
from projects import lifecycle
from projects.models import Project
from rpc.authentication import Caller
from rpc.formatters.projects import projects
from rpc.formatters.users import me
from rpc.registry import procedure


@procedure("getMe")
def get_me(caller: Caller) -> dict:
    return me(caller.user)


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
