"""Who may call what: the one access table of the API, denying by default.

Every procedure has a row. A row says which application role a user caller needs
(checked before the parameters are bound, as Kanboard does), whether the procedure is for
users only, and which project role the caller needs in the project(s) the call touches,
found from the bound parameters. The application credential passes every check except
``user_only``. A procedure without a row cannot be called.

Project roles are resolved through direct and group membership; being app-admin gives
no project access (Kanboard's API has no administrator bypass at project level).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from accounts.roles import APP_ADMIN, APP_MANAGER, APP_USER, app_role_at_least
from kanboard_site.inputs import to_id
from projects.models import Action, Category, Column, Project, Swimlane
from projects.roles import (
    PROJECT_MANAGER,
    PROJECT_MEMBER,
    PROJECT_VIEWER,
    project_role_at_least,
    role_for,
)
from rpc.authentication import Caller
from rpc.errors import Forbidden
from tasks.models import Comment, Subtask, Tag, Task, TaskFile, TaskLink
from tasks.visibility import comment_visible_to

Bound = dict[str, Any]
# A resolver names the project(s) a call touches: an id, None when the parameter names
# nothing (refused for users), a list of ids, or SKIP (no project check at all).
Resolver = Callable[[Bound], Any]
SKIP = object()
FORBID = object()


@dataclass(frozen=True)
class Rule:
    app_role: str = APP_USER
    user_only: bool = False
    project_role: str | None = None
    resolvers: tuple[Resolver, ...] = ()
    # For user callers refused at project level: FORBID (HTTP 403), or the result to
    # answer instead, so that a refusal looks exactly like "not found".
    denied_result: Any = FORBID
    # An object-level rule on top of the project role (comment visibility).
    object_check: Callable[[Caller, Bound], bool] | None = None
    # Changes nothing: callable with a read-only token. Set from READ_PROCEDURES below.
    reads: bool = False


class Refused:
    """The result a procedure answers instead of running (``Rule.denied_result``)."""

    def __init__(self, result: Any) -> None:
        self.result = result


def check_procedure(rule: Rule | None, caller: Caller) -> None:
    """Before binding: the user-only list, then the application role."""
    if rule is None:
        raise Forbidden
    if caller.is_application:
        if rule.user_only:
            raise Forbidden
        return
    if not app_role_at_least(caller.user.role, rule.app_role):
        raise Forbidden
    if caller.read_only and not rule.reads:
        raise Forbidden


def check_project(rule: Rule, caller: Caller, bound: Bound) -> Refused | None:
    """After binding: the caller's role in every project the call touches."""
    if caller.is_application or rule.project_role is None:
        return None
    for resolver in rule.resolvers:
        found = resolver(bound)
        if found is SKIP:
            continue
        for project_id in found if isinstance(found, list) else [found]:
            if project_id is None or not project_role_at_least(
                role_for(caller.user_id, project_id), rule.project_role
            ):
                if rule.denied_result is FORBID:
                    raise Forbidden
                return Refused(rule.denied_result)
    if rule.object_check is not None and not rule.object_check(caller, bound):
        raise Forbidden
    return None


# Resolvers: from a bound parameter to the project it belongs to.


def _object_resolver(model, default_parameter: str, field: str = "project_id"):
    """A resolver factory: the project of the ``model`` row named by a parameter."""

    def factory(parameter: str = default_parameter) -> Resolver:
        def resolve(bound: Bound) -> int | None:
            object_id = to_id(bound[parameter])
            if object_id is None:
                return None
            return model.objects.filter(pk=object_id).values_list(field, flat=True).first()

        return resolve

    return factory


task = _object_resolver(Task, "task_id")
subtask = _object_resolver(Subtask, "subtask_id", "task__project_id")
comment = _object_resolver(Comment, "comment_id", "task__project_id")
column = _object_resolver(Column, "column_id")
swimlane = _object_resolver(Swimlane, "swimlane_id")
category = _object_resolver(Category, "category_id")
action = _object_resolver(Action, "action_id")
task_link = _object_resolver(TaskLink, "task_link_id", "task__project_id")
task_file = _object_resolver(TaskFile, "file_id", "task__project_id")


def task_of_project(
    task_parameter: str = "task_id", project_parameter: str = "project_id"
) -> Resolver:
    """The task's project when it is the project named too. Otherwise no check: the
    procedure answers false for a task that is missing or in another project, as
    Kanboard does once the named project is authorised."""

    def resolve(bound: Bound) -> Any:
        project_id = to_id(bound[project_parameter])
        found = (
            Task.objects.filter(pk=to_id(bound[task_parameter]))
            .values_list("project_id", flat=True)
            .first()
        )
        return found if found is not None and found == project_id else SKIP

    return resolve


def project(parameter: str = "project_id") -> Resolver:
    return lambda bound: to_id(bound[parameter])


def projects_listed(parameter: str) -> Resolver:
    return lambda bound: [to_id(value) for value in bound[parameter]]


def project_found_by(field: str, parameter: str) -> Resolver:
    def resolve(bound: Bound) -> int | None:
        found = Project.objects.found_by(field, bound[parameter])
        return found.values_list("id", flat=True).first()

    return resolve


def tag(parameter: str = "tag_id") -> Resolver:
    """Kanboard skips the check for a tag that does not exist; a global tag (project
    0) belongs to no project, so users are refused."""

    def resolve(bound: Bound) -> Any:
        tag_id = to_id(bound[parameter])
        found = Tag.objects.filter(pk=tag_id).values_list("project_id", flat=True).first()
        return SKIP if found is None else found or None

    return resolve


def visible_comment(parameter: str) -> Callable[[Caller, Bound], bool]:
    def check(caller: Caller, bound: Bound) -> bool:
        visibility = (
            Comment.objects.filter(pk=to_id(bound[parameter]))
            .values_list("visibility", flat=True)
            .first()
        )
        return visibility is None or comment_visible_to(visibility, caller.user.role)

    return check


# Row builders.

ANYONE = Rule()
ADMIN = Rule(app_role=APP_ADMIN)
USER_ONLY = Rule(user_only=True)


def viewer(*resolvers: Resolver, **options) -> Rule:
    return Rule(project_role=PROJECT_VIEWER, resolvers=resolvers, **options)


def member(*resolvers: Resolver, **options) -> Rule:
    return Rule(project_role=PROJECT_MEMBER, resolvers=resolvers, **options)


def manager(*resolvers: Resolver, **options) -> Rule:
    return Rule(project_role=PROJECT_MANAGER, resolvers=resolvers, **options)


ACCESS: dict[str, Rule] = {
    # Application
    "getVersion": ANYONE,
    "getTimezone": ANYONE,
    "getDefaultTaskColor": ANYONE,
    "getDefaultTaskColors": ANYONE,
    "getColorList": ANYONE,
    "getApplicationRoles": ANYONE,
    "getProjectRoles": ANYONE,
    # Me
    "getMe": USER_ONLY,
    "getMyDashboard": USER_ONLY,
    "getMyActivityStream": USER_ONLY,
    "createMyPrivateProject": USER_ONLY,
    "getMyProjectsList": USER_ONLY,
    "getMyOverdueTasks": USER_ONLY,
    "getMyProjects": USER_ONLY,
    # Projects
    "getProjectById": viewer(project()),
    # Ours (security.md P5): "hidden" answers like "not found", so names cannot be probed.
    "getProjectByName": viewer(project_found_by("name", "name"), denied_result=False),
    "getProjectByIdentifier": viewer(
        project_found_by("identifier", "identifier"), denied_result=False
    ),
    "getProjectByEmail": viewer(project_found_by("email", "email"), denied_result=False),
    "getAllProjects": ADMIN,
    "removeProject": manager(project()),
    "enableProject": manager(project()),
    "disableProject": manager(project()),
    "enableProjectPublicAccess": manager(project()),
    "disableProjectPublicAccess": manager(project()),
    "getProjectActivities": viewer(projects_listed("project_ids")),
    "getProjectActivity": viewer(project()),
    "createProject": Rule(app_role=APP_MANAGER),
    "updateProject": manager(project()),
    # Project permissions
    "getProjectUsers": viewer(project()),
    "getAssignableUsers": viewer(project()),
    "addProjectUser": manager(project()),
    "addProjectGroup": manager(project()),
    "removeProjectUser": manager(project()),
    "removeProjectGroup": manager(project()),
    "changeProjectUserRole": manager(project()),
    "changeProjectGroupRole": manager(project()),
    "getProjectUserRole": viewer(project()),
    # Project metadata
    "getProjectMetadata": viewer(project()),
    "getProjectMetadataByName": viewer(project()),
    "saveProjectMetadata": member(project()),
    "removeProjectMetadata": member(project()),
    # Project files
    "getProjectFile": viewer(project()),
    "getAllProjectFiles": viewer(project()),
    "downloadProjectFile": viewer(project()),
    "createProjectFile": member(project()),
    "removeProjectFile": member(project()),
    "removeAllProjectFiles": member(project()),
    # Board, columns, swimlanes, categories
    "getBoard": viewer(project()),
    "getColumns": viewer(project()),
    "getColumn": viewer(column()),
    "updateColumn": manager(column()),
    "addColumn": manager(project()),
    "removeColumn": manager(column()),
    "changeColumnPosition": manager(project()),
    "getActiveSwimlanes": viewer(project()),
    "getAllSwimlanes": viewer(project()),
    "getSwimlaneById": viewer(swimlane()),
    "getSwimlaneByName": viewer(project()),
    "getSwimlane": viewer(swimlane()),
    "addSwimlane": manager(project()),
    "updateSwimlane": manager(project()),
    "removeSwimlane": manager(project()),
    "disableSwimlane": manager(project()),
    "enableSwimlane": manager(project()),
    "changeSwimlanePosition": manager(project()),
    "getCategory": viewer(category()),
    "getAllCategories": viewer(project()),
    "removeCategory": manager(category()),
    "createCategory": manager(project()),
    "updateCategory": manager(category("id")),
    # Tasks
    "searchTasks": viewer(project()),
    "getTask": viewer(task()),
    "getTaskByReference": viewer(project()),
    "getAllTasks": viewer(project()),
    "getOverdueTasks": ADMIN,
    "getOverdueTasksByProject": viewer(project()),
    "openTask": member(task()),
    "closeTask": member(task()),
    "removeTask": member(task()),
    "moveTaskPosition": member(task(), project()),
    "moveTaskToProject": member(task(), project()),
    "duplicateTaskToProject": member(task(), project()),
    "createTask": member(project()),
    "updateTask": member(task("id")),
    # Task metadata and tags
    "getTaskMetadata": viewer(task()),
    "getTaskMetadataByName": viewer(task()),
    "saveTaskMetadata": member(task()),
    "removeTaskMetadata": member(task()),
    "setTaskTags": member(project(), task()),
    "getTaskTags": viewer(task()),
    "getAllTags": ANYONE,
    "getTagsByProject": viewer(project()),
    "createTag": member(project()),
    "updateTag": member(tag()),
    "removeTag": member(tag()),
    # Task files
    "getTaskFile": viewer(task_file()),
    "getAllTaskFiles": viewer(task()),
    "downloadTaskFile": viewer(task_file()),
    "createTaskFile": member(project(), task_of_project()),
    "removeTaskFile": member(task_file()),
    "removeAllTaskFiles": member(task()),
    # Internal and external links
    "getTaskLinkById": viewer(task_link()),
    "getAllTaskLinks": viewer(task()),
    "createTaskLink": member(task()),
    "updateTaskLink": member(task()),
    "removeTaskLink": member(task_link()),
    "getExternalTaskLinkTypes": ANYONE,
    "getExternalTaskLinkProviderDependencies": ANYONE,
    "getExternalTaskLinkById": viewer(task()),
    "getAllExternalTaskLinks": viewer(task()),
    "createExternalTaskLink": member(task()),
    "updateExternalTaskLink": member(task()),
    "removeExternalTaskLink": member(task()),
    # Subtasks and time tracking
    "getSubtask": viewer(subtask()),
    "getAllSubtasks": viewer(task()),
    "removeSubtask": member(subtask()),
    "createSubtask": member(task()),
    "updateSubtask": member(task()),
    "hasSubtaskTimer": viewer(subtask()),
    "setSubtaskStartTime": member(subtask()),
    "setSubtaskEndTime": member(subtask()),
    "getSubtaskTimeSpent": viewer(subtask()),
    # Comments
    "getComment": viewer(comment(), object_check=visible_comment("comment_id")),
    "getAllComments": viewer(task()),
    "removeComment": member(comment(), object_check=visible_comment("comment_id")),
    "createComment": member(task()),
    "updateComment": member(comment("id"), object_check=visible_comment("id")),
    # Automatic actions
    "getAvailableActions": ANYONE,
    "getAvailableActionEvents": ANYONE,
    "getCompatibleActionEvents": ANYONE,
    "removeAction": manager(action()),
    "getActions": manager(project()),
    "createAction": manager(project()),
    # Users, groups, group members, link labels
    "getUser": ADMIN,
    "getUserByName": ADMIN,
    "getAllUsers": ADMIN,
    "removeUser": ADMIN,
    "disableUser": ADMIN,
    "enableUser": ADMIN,
    "isActiveUser": ADMIN,
    "createUser": ADMIN,
    "createLdapUser": ADMIN,
    "updateUser": ADMIN,
    "createGroup": ADMIN,
    "updateGroup": ADMIN,
    "removeGroup": ADMIN,
    "getGroup": ADMIN,
    "getAllGroups": ADMIN,
    "getMemberGroups": ADMIN,
    "getGroupMembers": ADMIN,
    "addGroupMember": ADMIN,
    "removeGroupMember": ADMIN,
    "isGroupMember": ADMIN,
    "getLinkById": ADMIN,
    "getLinkByLabel": ADMIN,
    "getOppositeLinkId": ADMIN,
    "getAllLinks": ADMIN,
    "createLink": ADMIN,
    "updateLink": ADMIN,
    "removeLink": ADMIN,
    # Names from Kanboard's older API documentation, ruled like their modern twins.
    "getAllowedUsers": viewer(project()),
    "allowUser": manager(project()),
    "revokeUser": manager(project()),
    "moveColumnUp": manager(project()),
    "moveColumnDown": manager(project()),
}


# Procedures that change nothing, the only ones a read-only personal token may call.
# Deny by default: a procedure missing from this set is refused to such a token (403),
# so a new row is safe until someone decides it is a read and adds its name here.
READ_PROCEDURES = frozenset(
    {
        # Application
        "getVersion",
        "getTimezone",
        "getDefaultTaskColor",
        "getDefaultTaskColors",
        "getColorList",
        "getApplicationRoles",
        "getProjectRoles",
        # Me
        "getMe",
        "getMyDashboard",
        "getMyActivityStream",
        "getMyProjectsList",
        "getMyOverdueTasks",
        "getMyProjects",
        # Projects, permissions, metadata, files
        "getProjectById",
        "getProjectByName",
        "getProjectByIdentifier",
        "getProjectByEmail",
        "getAllProjects",
        "getProjectActivities",
        "getProjectActivity",
        "getProjectUsers",
        "getAssignableUsers",
        "getProjectUserRole",
        "getProjectMetadata",
        "getProjectMetadataByName",
        "getProjectFile",
        "getAllProjectFiles",
        "downloadProjectFile",
        # Board, columns, swimlanes, categories
        "getBoard",
        "getColumns",
        "getColumn",
        "getActiveSwimlanes",
        "getAllSwimlanes",
        "getSwimlaneById",
        "getSwimlaneByName",
        "getSwimlane",
        "getCategory",
        "getAllCategories",
        # Tasks, metadata, tags, files, links
        "searchTasks",
        "getTask",
        "getTaskByReference",
        "getAllTasks",
        "getOverdueTasks",
        "getOverdueTasksByProject",
        "getTaskMetadata",
        "getTaskMetadataByName",
        "getTaskTags",
        "getAllTags",
        "getTagsByProject",
        "getTaskFile",
        "getAllTaskFiles",
        "downloadTaskFile",
        "getTaskLinkById",
        "getAllTaskLinks",
        "getExternalTaskLinkTypes",
        "getExternalTaskLinkProviderDependencies",
        "getExternalTaskLinkById",
        "getAllExternalTaskLinks",
        # Subtasks, time tracking, comments
        "getSubtask",
        "getAllSubtasks",
        "hasSubtaskTimer",
        "getSubtaskTimeSpent",
        "getComment",
        "getAllComments",
        # Automatic actions
        "getAvailableActions",
        "getAvailableActionEvents",
        "getCompatibleActionEvents",
        "getActions",
        # Users, groups, link labels
        "getUser",
        "getUserByName",
        "getAllUsers",
        "isActiveUser",
        "getGroup",
        "getAllGroups",
        "getMemberGroups",
        "getGroupMembers",
        "isGroupMember",
        "getLinkById",
        "getLinkByLabel",
        "getOppositeLinkId",
        "getAllLinks",
        # Older names
        "getAllowedUsers",
    }
)
ACCESS.update({name: replace(ACCESS[name], reads=True) for name in READ_PROCEDURES})
