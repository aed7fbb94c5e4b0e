"""Running automatic actions on the events of task changes.

The engine listens to the events actions can be attached to. For each event it runs, in
id order, the actions of the event's project configured for that event, inside the
transaction of the change that caused it: whatever an action changes commits or rolls
back with that change. Each action runs in a savepoint, so an action whose own change is
refused (a ValidationError of a domain function) does nothing and the change that fired
it still goes through.

Actions change tasks through the domain functions, which emit their own events: those can
fire further actions. As in Kanboard, an action is not run again on an event whose data it
has already seen in this chain, which stops a cycle once the task comes back to a state it
was in (Kanboard compares the data with its timestamps, so it stops there when the chain
stays within one second; the timestamps are left out here, so it always does). Chains
deeper than MAX_CHAIN_DEPTH stop too, whatever the data.

Every project's actions run, whoever made the change and whether the project is active
or not: Kanboard's API attaches all of them before it knows the caller (observed on
1.2.53: a user's move in a disabled project still closes the task).
"""

from __future__ import annotations

import hashlib
import json
import logging
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from actions import builtin
from actions.catalog import EVENT_DESCRIPTIONS, REGISTRY, TASK_CRONJOB_DAILY, Run
from projects.models import Action
from tasks import events

logger = logging.getLogger(__name__)

MAX_CHAIN_DEPTH = 16
# Values that change with the clock, not with what happened to the task.
CLOCK_FIELDS = ("date_modification", "date_moved", "date_completed")


@dataclass
class Chain:
    """The actions run since the change that started the chain."""

    seen: set = field(default_factory=set)  # (action id, event name, data fingerprint)
    depth: int = 0


_chain: ContextVar[Chain | None] = ContextVar("automatic_action_chain", default=None)

builtin.load_all()
LISTENED_EVENTS = tuple(
    name
    for name in EVENT_DESCRIPTIONS
    if name != TASK_CRONJOB_DAILY and any(name in action.events for action in REGISTRY.values())
)


@events.subscribe(*LISTENED_EVENTS)
def on_task_event(event: events.Event) -> None:
    if not has_actions(event):
        return
    data = event.data
    if data["task"] is None:
        return
    run_actions(event.name, data, event.actor_id)


def has_actions(event: events.Event) -> bool:
    """Whether a project of the event (as run_actions finds them) has an action for it:
    asked on every event, mostly of projects without any, so as one statement written
    once and without reading the task's details."""
    with connection.cursor() as cursor:
        cursor.execute(
            _PROJECT_ACTION_FOR_EVENT, [event.name, event.given("project_id"), event.task_id]
        )
        return cursor.fetchone() is not None


_PROJECT_ACTION_FOR_EVENT = (
    'SELECT 1 FROM "actions" WHERE "event_name" = %s AND "project_id" IN '
    '(%s, (SELECT "project_id" FROM "tasks" WHERE "id" = %s)) LIMIT 1'
)


def run_actions(event_name: str, data: dict[str, Any], actor_id: int) -> None:
    """Run the actions attached to ``event_name`` in the event's project."""
    project_ids = {data.get("project_id"), (data.get("task") or {}).get("project_id")}
    project_ids.discard(None)
    attached = (
        Action.objects.filter(event_name=event_name, project_id__in=project_ids)
        .prefetch_related("params")
        .order_by("pk")
    )
    chain = _chain.get()
    token = _chain.set(Chain()) if chain is None else None
    try:
        for action in attached:
            _run_one(action, event_name, data, actor_id)
    finally:
        if token is not None:
            _chain.reset(token)


def _run_one(action: Action, event_name: str, data: dict[str, Any], actor_id: int) -> None:
    definition = REGISTRY.get(action.action_name)
    if definition is None:
        return
    run = Run(
        action_id=action.pk,
        project_id=action.project_id,
        params={param.name: param.value for param in action.params.all()},
        actor_id=actor_id,
        event_name=event_name,
    )
    if not definition.is_executable(data, run):
        return
    chain = _chain.get()
    key = (action.pk, event_name, fingerprint(data))
    if key in chain.seen:
        logger.info("automatic action %s skipped: it already saw this event", action.pk)
        return
    if chain.depth >= MAX_CHAIN_DEPTH:
        logger.warning("automatic action %s skipped: chain deeper than %s", action.pk, chain.depth)
        return
    chain.seen.add(key)
    chain.depth += 1
    try:
        with transaction.atomic():
            definition.act(data, run)
    except ValidationError as refused:
        logger.info("automatic action %s did nothing: %s", action.pk, refused.messages[0])
    finally:
        chain.depth -= 1


def fingerprint(data: dict[str, Any]) -> str:
    """The event data without its clock values, as a digest."""

    def without_clock(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: without_clock(v) for k, v in value.items() if k not in CLOCK_FIELDS}
        if isinstance(value, list):
            return [without_clock(item) for item in value]
        return value

    encoded = json.dumps(without_clock(data), sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()
