"""The automatic actions Kanboard 1.2.53 offers: the events they listen to, and the base
class that each action (one class per Kanboard action, in ``actions.builtin``) fills in.

An action is named by Kanboard's class name with its leading backslash
(``\\Kanboard\\Action\\TaskCloseColumn``), which is what clients send to createAction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from tasks import events
from tasks.changes import php_string

TASK_CRONJOB_DAILY = "task.cronjob.daily"

# Kanboard's EventManager: the events an action can be attached to, and their labels.
EVENT_DESCRIPTIONS = {
    events.TASK_LINK_CREATE_UPDATE: "Task link creation or modification",
    events.TASK_MOVE_COLUMN: "Move a task to another column",
    events.TASK_UPDATE: "Task modification",
    events.TASK_CREATE: "Task creation",
    events.TASK_OPEN: "Reopen a task",
    events.TASK_CLOSE: "Closing a task",
    events.TASK_CREATE_UPDATE: "Task creation or modification",
    events.TASK_ASSIGNEE_CHANGE: "Task assignee change",
    TASK_CRONJOB_DAILY: "Daily background job for tasks",
    events.TASK_MOVE_SWIMLANE: "Move a task to another swimlane",
    events.SUBTASK_CREATE_UPDATE: "Subtask creation or modification",
}

CLASS_PREFIX = "\\Kanboard\\Action\\"


class ActionNotFound(LookupError):
    """Kanboard's "Automatic Action Not Found: <name>"."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Automatic Action Not Found: {name}")


@dataclass(frozen=True)
class Run:
    """One action of one project running on one event: its parameters as stored
    (strings) and who caused the event (0: the application credential, or the daily
    job)."""

    action_id: int
    project_id: int
    params: dict[str, str]
    actor_id: int
    event_name: str

    def param(self, name: str) -> str | None:
        return self.params.get(name)


# The event data an action needs, as Kanboard's getEventRequiredParameters: names of
# keys, or (key, names of keys inside it).
Requirement = str | tuple[str, tuple[str, ...]]


class AutomaticAction:
    """What Kanboard's Action\\Base declares; subclasses are registered by class name."""

    description: ClassVar[str]
    events: ClassVar[tuple[str, ...]]
    parameters: ClassVar[dict[str, str]] = {}
    event_requirements: ClassVar[tuple[Requirement, ...]] = ()

    @classmethod
    def name(cls) -> str:
        return CLASS_PREFIX + cls.__name__

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        raise NotImplementedError

    def act(self, data: dict[str, Any], run: Run) -> bool:
        raise NotImplementedError

    def is_executable(self, data: dict[str, Any], run: Run) -> bool:
        return (
            run.event_name in self.events
            and _in_project(data, run.project_id)
            and has_required_data(data, self.event_requirements)
            and self.condition(data, run)
        )


REGISTRY: dict[str, AutomaticAction] = {}


def register(cls: type[AutomaticAction]) -> type[AutomaticAction]:
    REGISTRY[cls.name()] = cls()
    return cls


def get_action(name: Any) -> AutomaticAction:
    found = REGISTRY.get(name) if isinstance(name, str) else None
    if found is None:
        raise ActionNotFound(php_string(name))
    return found


def available_actions() -> dict[str, str]:
    """Every action with at least one event, by description (PHP's asort: byte order)."""
    listed = {name: action.description for name, action in REGISTRY.items() if action.events}
    return dict(sorted(listed.items(), key=lambda item: item[1].encode()))


def available_events() -> dict[str, str]:
    return dict(sorted(EVENT_DESCRIPTIONS.items(), key=lambda item: item[1].encode()))


def compatible_events(action_name: Any) -> dict[str, str]:
    action = get_action(action_name)
    return {name: label for name, label in available_events().items() if name in action.events}


def _in_project(data: dict[str, Any], project_id: int) -> bool:
    """Kanboard's hasRequiredProject: the event's project_id, else its task's."""
    task = data.get("task") or {}
    return (
        data.get("project_id") is not None and loosely_equal(data["project_id"], project_id)
    ) or (task.get("project_id") is not None and loosely_equal(task["project_id"], project_id))


def has_required_data(data: dict[str, Any], requirements: tuple[Requirement, ...]) -> bool:
    """Kanboard's hasRequiredParameters, with PHP's isset (null is absent). As in
    Kanboard, a nested requirement decides alone: the keys after it are not checked."""
    for requirement in requirements:
        if isinstance(requirement, tuple):
            key, inner = requirement
            nested = data.get(key)
            return isinstance(nested, dict) and has_required_data(nested, inner)
        if data.get(requirement) is None:
            return False
    return True


_NUMERIC = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str) and _NUMERIC.fullmatch(value):
        return float(value)
    return None


def _truthy(value: Any) -> bool:
    """PHP's boolean conversion: "", "0", 0, 0.0 and null are false."""
    return value not in (None, "", "0", 0, 0.0, False)


def loosely_equal(left: Any, right: Any) -> bool:
    """PHP 8's ``==`` on the scalars actions compare (an event's value with a parameter
    stored as text): numbers and numeric strings as numbers, anything else as text."""
    if isinstance(left, bool) or isinstance(right, bool):
        return _truthy(left) == _truthy(right)
    if left is None or right is None:
        other = right if left is None else left
        if other is None:
            return True
        return other == "" if isinstance(other, str) else not _truthy(other)
    left_number, right_number = _number(left), _number(right)
    if left_number is not None and right_number is not None:
        return left_number == right_number
    return str(left) == str(right)


def days(value: str | None) -> int:
    """PHP's (int) on a duration parameter: its leading integer, else 0."""
    match = re.match(r"\s*[+-]?\d+", value or "")
    return int(match.group()) if match else 0
