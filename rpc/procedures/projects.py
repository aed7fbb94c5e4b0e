"""ProjectProcedure: projects (getProjectActivity and getProjectActivities live with the
activity stream)."""

from __future__ import annotations

from kanboard_site.collation import bytewise
from kanboard_site.inputs import to_id
from projects import lifecycle
from projects.models import Project
from rpc.authentication import Caller
from rpc.formatters.projects import project, projects
from rpc.registry import procedure


@procedure("getProjectById")
def get_project_by_id(project_id):
    return project(Project.objects.filter(pk=to_id(project_id)).first())


@procedure("getProjectByName")
def get_project_by_name(name):
    return project(Project.objects.found_by("name", name).first()) or False


@procedure("getProjectByIdentifier")
def get_project_by_identifier(identifier):
    return project(Project.objects.found_by("identifier", identifier).first()) or False


@procedure("getProjectByEmail")
def get_project_by_email(email):
    return project(Project.objects.found_by("email", email).first()) or False


@procedure("getAllProjects")
def get_all_projects() -> list:
    return projects(Project.objects.order_by(bytewise("name"), "id"))


@procedure("createProject", invalid=False)
def create_project(
    name,
    description=None,
    owner_id=0,
    identifier=None,
    start_date=None,
    end_date=None,
    priority_default=None,
    priority_start=None,
    priority_end=None,
    email=None,
    caller: Caller = None,
) -> int:
    fields = locals()  # Kanboard's parameters, passed on by name
    del fields["caller"]
    return lifecycle.create_project(fields, acting_user_id=caller.user_id)


@procedure("updateProject", invalid=False, legacy_names={"project_id": "id"})
def update_project(
    project_id,
    name=None,
    description=None,
    owner_id=None,
    identifier=None,
    start_date=None,
    end_date=None,
    priority_default=None,
    priority_start=None,
    priority_end=None,
    email=None,
) -> bool:
    fields = locals()  # Kanboard's parameters, passed on by name
    lifecycle.update_project(to_id(fields.pop("project_id")), fields)
    return True


@procedure("removeProject")
def remove_project(project_id) -> bool:
    return lifecycle.remove_project(to_id(project_id))


@procedure("enableProject")
def enable_project(project_id) -> bool:
    return lifecycle.set_active(to_id(project_id), True)


@procedure("disableProject")
def disable_project(project_id) -> bool:
    return lifecycle.set_active(to_id(project_id), False)


@procedure("enableProjectPublicAccess")
def enable_project_public_access(project_id) -> bool:
    return lifecycle.enable_public_access(to_id(project_id))


@procedure("disableProjectPublicAccess")
def disable_project_public_access(project_id) -> bool:
    return lifecycle.disable_public_access(to_id(project_id))
