"""Project events: Kanboard's ``project.file.create`` and ``project.file.destroy``,
dispatched synchronously, inside the change's transaction, to their subscribers.

Kanboard's own code subscribes nothing to them (they are there for plugins and
integrations); the event carries the file row and the project's id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PROJECT_FILE_CREATE = "project.file.create"
PROJECT_FILE_DESTROY = "project.file.destroy"


@dataclass(frozen=True)
class ProjectEvent:
    name: str
    project_id: int
    actor_id: int  # 0 when the application credential made the change
    data: dict[str, Any] = field(default_factory=dict)


Subscriber = Callable[[ProjectEvent], None]
_subscribers: dict[str, list[Subscriber]] = defaultdict(list)


def subscribe(*names: str) -> Callable[[Subscriber], Subscriber]:
    def register(handler: Subscriber) -> Subscriber:
        for name in names:
            if handler not in _subscribers[name]:
                _subscribers[name].append(handler)
        return handler

    return register


def unsubscribe(handler: Subscriber) -> None:
    for handlers in _subscribers.values():
        if handler in handlers:
            handlers.remove(handler)


def emit(name: str, project_id: int, actor_id: int, **data: Any) -> None:
    event = ProjectEvent(name, project_id, actor_id, data)
    for handler in _subscribers.get(name, ()):
        handler(event)
