"""A board to run automatic actions on, and the table of scenarios: for each of the 43
actions and each of its events, a change that fires it and one that does not meet its
condition, what to read afterwards, and what Kanboard leaves there in each case."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from actions.daily import run_daily_job
from tasks.models import Comment, Subtask, SubtaskTimer, Task
from tests.factories import CategoryFactory, MembershipFactory, ProjectFactory, SwimlaneFactory

PREFIX = "\\Kanboard\\Action\\"
DAY = 86400
RELATES_TO, BLOCKS = 1, 2


class Board:
    """Project P (columns c[0..3], swimlanes l1..l3, categories k1 k2), project Q where
    the member and the manager work too, and the changes a client makes, with the
    persona's credentials."""

    def __init__(self, rpc, world, persona: str) -> None:
        self.rpc, self.world, self.persona = rpc, world, persona
        self.as_ = world[persona]
        project = world.project
        self.p = project.pk
        self.c = [column.pk for column in project.columns.order_by("position")]
        self.l1 = project.swimlanes.get().pk
        self.l2 = SwimlaneFactory(project=project, position=2, name="Second").pk
        self.l3 = SwimlaneFactory(project=project, position=3, name="Third").pk
        self.k1 = CategoryFactory(project=project, name="K1").pk
        self.k2 = CategoryFactory(project=project, name="K2").pk
        self.m = world.users["member"].pk
        self.g = world.users["manager"].pk
        other = ProjectFactory(name="Q")
        for persona in ("member", "manager"):
            MembershipFactory(project=other, user=world.users[persona], role="project-member")
        self.q = other.pk
        self.q_first_column = other.columns.order_by("position").first().pk
        member = world.users["member"]
        member.email, member.name = "member@example.org", "Member"
        member.save(update_fields=["email", "name"])

    @property
    def by_user(self) -> bool:
        return self.persona != "app"

    def add_action(self, action: str, event: str, params: dict) -> int:
        manager = self.world["manager"] if self.by_user else None
        created = self.rpc.call("createAction", [self.p, event, PREFIX + action, params], manager)
        assert type(created) is int, created
        return created

    def create(self, project: int | None = None, **values: Any) -> int:
        fields = {"title": "T", "project_id": project or self.p, "creator_id": self.m, **values}
        task_id = self.rpc.call("createTask", fields, as_=self.as_)
        assert type(task_id) is int and task_id > 0, task_id
        return task_id

    def move(self, task_id: int, column: int, swimlane: int = 0) -> int:
        project = Task.objects.get(pk=task_id).project_id
        moved = self.rpc.call(
            "moveTaskPosition", [project, task_id, column, 1, swimlane], as_=self.as_
        )
        assert moved is True
        return task_id

    def created_then_moved(self, column: int = 0, swimlane: int = 0, **values: Any) -> int:
        return self.move(self.create(**values), column or self.c[0], swimlane)

    def update(self, task_id: int, **values: Any) -> int:
        assert self.rpc.call("updateTask", {"id": task_id, **values}, as_=self.as_) is True
        return task_id

    def close(self, task_id: int) -> int:
        assert self.rpc.call("closeTask", [task_id], as_=self.as_) is True
        return task_id

    def link(self, task_id: int, link_id: int) -> int:
        other = self.create()
        created = self.rpc.call("createTaskLink", [task_id, other, link_id], as_=self.as_)
        assert type(created) is int, created
        return task_id

    def task(self, task_id: int) -> dict:
        return self.rpc.call("getTask", [task_id])

    def aged(self, task_id: int, days: float, *fields: str) -> int:
        then = int(time.time() - days * DAY)
        Task.objects.filter(pk=task_id).update(**dict.fromkeys(fields, then))
        return task_id

    def dated(self, task_id: int, field: str, days: float) -> int:
        Task.objects.filter(pk=task_id).update(**{field: int(time.time() + days * DAY)})
        return task_id

    def daily(self, task_id: int) -> int:
        assert run_daily_job() is True
        return task_id


@dataclass(frozen=True)
class Scenario:
    action: str
    event: str
    params: Callable[[Board], dict]
    hit: Callable[[Board], int]  # a change that fires the action; the task to look at
    miss: Callable[[Board], int]  # a change on that event that does not meet the condition
    observe: Callable[[Board, int], Any]
    fired: Callable[[Board], Any]  # what Kanboard leaves after ``hit``
    untouched: Callable[[Board], Any]  # ... and after ``miss``

    @property
    def id(self) -> str:
        return f"{self.action}-{self.event}"


def field(name: str) -> Callable[[Board, int], Any]:
    return lambda board, task_id: board.task(task_id)[name]


def fields(*names: str) -> Callable[[Board, int], Any]:
    return lambda board, task_id: tuple(board.task(task_id)[name] for name in names)


def days_ahead(name: str) -> Callable[[Board, int], Any]:
    """How many days from now the date field is (0 when unset)."""

    def read(board: Board, task_id: int) -> int:
        value = board.task(task_id)[name]
        return round((value - time.time()) / DAY) if value else 0

    return read


def is_set(name: str) -> Callable[[Board, int], Any]:
    return lambda board, task_id: board.task(task_id)[name] > 0


def comments(board: Board, task_id: int) -> list:
    return list(Comment.objects.filter(task_id=task_id).values_list("comment", "user_id"))


def subtasks(board: Board, task_id: int) -> list:
    return [
        (title, status, user_id, SubtaskTimer.objects.filter(subtask_id=pk, end=0).exists())
        for pk, title, status, user_id in Subtask.objects.filter(task_id=task_id)
        .order_by("pk")
        .values_list("pk", "title", "status", "user_id")
    ]


def copies_in_q(board: Board, task_id: int) -> list:
    return list(
        Task.objects.filter(project_id=board.q).values_list("title", "column_id", "is_active")
    )


def with_timer(board: Board) -> int:
    task_id = board.create(owner_id=board.m)
    subtask = board.rpc.call(
        "createSubtask", {"task_id": task_id, "title": "S", "user_id": board.m}
    )
    assert board.rpc.call("setSubtaskStartTime", [subtask, board.m]) is True
    return task_id


def constant(value: Any) -> Callable[[Board], Any]:
    return lambda board: value


def for_users(value: Callable[[Board], Any], otherwise: Any) -> Callable[[Board], Any]:
    """Actions of "the person who does the action": nothing for the application."""
    return lambda board: value(board) if board.by_user else otherwise
