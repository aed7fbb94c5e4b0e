"""Creating and removing a project's automatic actions (Kanboard's ActionModel and the
checks of ActionProcedure::createAction).

One rule is ours: a parameter that names a column, swimlane, category, user or project
must name one the acting user may use in that project (the application credential: one
that exists there), so that a project-manager of one project cannot plant an action that
writes into another project.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from actions.catalog import REGISTRY, available_actions
from kanboard_site.inputs import to_id, to_int
from projects.models import Action, ActionParam, Category, Column, Project, Swimlane
from projects.roles import PROJECT_MEMBER, is_assignable, project_role_at_least, role_for

COLUMN_PARAMETERS = ("column_id", "src_column_id", "dest_column_id")
SWIMLANE_PARAMETERS = ("swimlane_id", "dest_swimlane_id")


def create_action(
    project_id: Any, event_name: Any, action_name: Any, params: dict | list, *, actor_id: int = 0
) -> int:
    """The new action's id. ValidationError (createAction's ``false``) for a project id
    that is not an integer or not a project, an empty event or action name, an action
    that is not offered, an event it does not support, a parameter missing, extra, not a
    scalar, or naming something outside the project."""
    project = _integer_id(project_id)
    if project is None or not event_name or not action_name:
        raise ValidationError("project_id, event_name, action_name and params are required")
    if not isinstance(action_name, str) or action_name not in available_actions():
        raise ValidationError("This automatic action does not exist")
    action = REGISTRY[action_name]
    if event_name not in action.events:
        raise ValidationError("This event is not compatible with the action")
    given = dict(enumerate(params)) if isinstance(params, list) else dict(params)
    if any(given.get(name) is None for name in action.parameters):
        raise ValidationError("A parameter of the action is missing")
    if any(str(name) not in action.parameters for name in given):
        raise ValidationError("A parameter is not one of the action's")
    values = {name: _stored(value) for name, value in given.items()}
    with transaction.atomic():
        if not Project.objects.filter(pk=project).exists():
            raise ValidationError("The project does not exist")
        for name, value in values.items():
            _check_reference(project, name, value, actor_id)
        created = Action.objects.create(
            project_id=project, event_name=event_name, action_name=action_name
        )
        ActionParam.objects.bulk_create(
            ActionParam(action=created, name=name, value=value) for name, value in values.items()
        )
    return created.pk


def remove_action(action_id: int | None) -> bool:
    """Its parameters go with it."""
    return Action.objects.filter(pk=action_id).delete()[0] > 0


def _integer_id(value: Any) -> int | None:
    """Kanboard's Integer validator: an integer or a string of digits."""
    if isinstance(value, bool | float):
        return None
    return to_id(value)


def _stored(value: Any) -> str:
    """A parameter as Kanboard stores it: text (true "1", false "", numbers as PHP prints
    them). Arrays and objects are refused (Kanboard stores the word "Array")."""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.14G}"
    if isinstance(value, str):
        if "\x00" in value:
            raise ValidationError("A parameter cannot contain NUL characters")
        return value
    raise ValidationError("A parameter must be a string or a number")


def _check_reference(project_id: int, name: str, value: str, actor_id: int) -> None:
    """Ours: the column, swimlane, category, user or project a parameter names must be
    usable in the project by the acting user."""
    object_id = to_id(value)
    nobody = to_int(value) == 0  # no category, nobody assigned
    if name in COLUMN_PARAMETERS:
        allowed = Column.objects.filter(pk=object_id, project_id=project_id).exists()
    elif name in SWIMLANE_PARAMETERS:
        allowed = Swimlane.objects.filter(pk=object_id, project_id=project_id).exists()
    elif name == "category_id":
        allowed = nobody or Category.objects.filter(pk=object_id, project_id=project_id).exists()
    elif name == "user_id":
        allowed = nobody or (object_id is not None and is_assignable(object_id, project_id))
    elif name == "project_id":
        allowed = _may_work_in(object_id, actor_id)
    else:
        return
    if not allowed:
        raise ValidationError(f"{name}: not usable in this project")


def _may_work_in(project_id: int | None, actor_id: int) -> bool:
    """A project the user may create and move tasks in (any project for the application)."""
    if not Project.objects.filter(pk=project_id).exists():
        return False
    return not actor_id or project_role_at_least(role_for(actor_id, project_id), PROJECT_MEMBER)
