"""ActionProcedure: automatic actions, what can be configured and what is."""

from __future__ import annotations

from actions import catalog, creation
from kanboard_site.inputs import to_id
from projects.models import Action
from rpc.authentication import Caller
from rpc.errors import ProcedureFailure
from rpc.formatters.actions import actions
from rpc.registry import procedure


@procedure("getAvailableActions")
def get_available_actions() -> dict:
    return catalog.available_actions()


@procedure("getAvailableActionEvents")
def get_available_action_events() -> dict:
    return catalog.available_events()


@procedure("getCompatibleActionEvents")
def get_compatible_action_events(action_name) -> dict:
    try:
        return catalog.compatible_events(action_name)
    except catalog.ActionNotFound as missing:
        raise ProcedureFailure(str(missing)) from None


@procedure("getActions")
def get_actions(project_id) -> list:
    return actions(Action.objects.filter(project_id=to_id(project_id)).order_by("pk"))


@procedure("createAction", invalid=False)
def create_action(project_id, event_name, action_name, params: dict | list, caller: Caller):
    return creation.create_action(
        project_id, event_name, action_name, params, actor_id=caller.user_id
    )


@procedure("removeAction")
def remove_action(action_id) -> bool:
    return creation.remove_action(to_id(action_id))
