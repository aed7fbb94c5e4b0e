"""The served bytes of getBoard, getAllTasks, searchTasks and getMyDashboard are those of
the previous renderers (tests/tasks/previous_rendering.py) on randomized projects: odd
text, closed tasks, assignees, categories, tags, counts, fractional hours, several
swimlanes (one of them inactive) and per-swimlane limits; every other project with whole
hours only (whose lists the database encodes), the others with fractions too."""

from __future__ import annotations

import random

import pytest

from rpc.protocol import dumps
from tasks.models import (
    Comment,
    ExternalLink,
    Link,
    Subtask,
    Tag,
    Task,
    TaskFile,
    TaskLink,
    TaskTag,
)
from tasks.search import matching_tasks
from tasks.shapes.subtasks import subtasks_in_list_form
from tests.factories import CategoryFactory, ColumnFactory, SwimlaneFactory, UserFactory
from tests.tasks import previous_rendering as previous

TEXTS = [
    "",
    None,
    "plain",
    'quotes " and \\ backslash',
    "tab\tnew\nline\r\x01\x1f\x7f",
    "unicode é ü 漢字 🚀 \u2028 \u2029",
    "</script> & <b>",
    "Zebra",
    "apple",
]
WHOLE_HOURS = [0, 0.0, 1.0, 40.0, None]
# Fractions, and whole numbers that a float holds but JSON engines print differently.
ANY_HOURS = [*WHOLE_HOURS, 1.5, 0.1 + 0.2, 2.25, 1e-7, 123456.789, 1e16, 2.0**60]
QUERIES = [
    "status:open",
    "status:closed",
    "",
    "assignee:me",
    "assignee:nobody",
    "tag:alpha",
    "color:blue",
    "column:Ready",
    'title:"Task"',
    "category:Bugs",
]


def randomized_project(world, seed: int) -> None:
    rng = random.Random(seed)
    hours = WHOLE_HOURS if seed % 2 == 0 else ANY_HOURS
    project = world.project
    project.per_swimlane_task_limits = rng.random() < 0.5
    project.save()
    for position in range(5, 5 + rng.randrange(2)):
        ColumnFactory(project=project, title=rng.choice(TEXTS) or "Extra", position=position)
    SwimlaneFactory(project=project, name="Second", position=2, description=rng.choice(TEXTS))
    SwimlaneFactory(project=project, name="Hidden", position=3, is_active=False)
    columns = list(project.columns.all())
    swimlanes = list(project.swimlanes.all())
    users = [
        world.users["member"],
        UserFactory(name=rng.choice(TEXTS), email="x@example.org", avatar_path="a/b.png"),
    ]
    categories = [
        CategoryFactory(project=project, name="Bugs", description=rng.choice(TEXTS)),
        CategoryFactory(project=project, name="Ideas", color_id="green"),
    ]
    tags = [
        Tag.objects.create(name=name, project_id=project.pk, color_id=rng.choice([None, "red"]))
        for name in ("alpha", "Beta", "zeta", "Émile")
    ]
    milestone = Link.objects.get(label="is a milestone of")
    related = Link.objects.get(label="relates to")
    tasks = []
    for n in range(rng.randrange(10, 40)):
        task = Task.objects.create(
            title=f"Task {n} {rng.choice(TEXTS) or ''}",
            description=rng.choice(TEXTS),
            project=project,
            column=rng.choice(columns),
            swimlane=rng.choice(swimlanes),
            position=rng.randrange(1, 20),
            is_active=rng.random() < 0.8,
            color_id=rng.choice(["yellow", "blue", "nonexistent", None]),
            owner_id=rng.choice([0, 0, 999, *(user.pk for user in users)]),
            creator_id=rng.choice([0, users[0].pk]),
            category_id=rng.choice([0, 0, 12345, *(category.pk for category in categories)]),
            score=rng.choice([None, 0, 3, 8]),
            reference=rng.choice(TEXTS),
            date_creation=rng.choice([None, 1700000000]),
            date_due=rng.choice([None, 0, 1800000000]),
            date_started=rng.choice([None, 0, 1700000100]),
            date_completed=rng.choice([None, 1700000200]),
            time_estimated=rng.choice(hours),
            time_spent=rng.choice(hours),
            priority=rng.randrange(4),
            recurrence_parent=rng.choice([None, 1]),
        )
        tasks.append(task)
        for tag in rng.sample(tags, rng.randrange(len(tags) + 1)):
            TaskTag.objects.create(task=task, tag=tag)
        for _ in range(rng.randrange(3)):
            Comment.objects.create(task=task, comment="c", date_creation=1)
        for _ in range(rng.randrange(3)):
            Subtask.objects.create(
                task=task, title="s", status=rng.randrange(3), user_id=rng.choice([0, users[0].pk])
            )
        if rng.random() < 0.3:
            TaskFile.objects.create(task=task, name="f.txt")
        if rng.random() < 0.3:
            ExternalLink.objects.create(
                task=task,
                link_type="weblink",
                dependency="related",
                title="t",
                url="http://x",
                date_creation=1,
                date_modification=1,
            )
    for task in tasks:
        if rng.random() < 0.3:
            TaskLink.objects.create(
                task=task, opposite_task=rng.choice(tasks), link=rng.choice([milestone, related])
            )


def served(rpc, method, params, as_=None) -> bytes:
    reply = rpc.request(method, params, as_)
    assert reply.status == 200
    return reply.body


def expected(result) -> bytes:
    return dumps({"jsonrpc": "2.0", "result": result, "id": 1}).encode()


@pytest.fixture(params=range(4))
def project(request, world):
    randomized_project(world, request.param)
    return world.project


@pytest.mark.parametrize("persona", ["app", "member", "viewer"])
def test_get_board_serves_the_previous_bytes(rpc, world, project, persona):
    viewer_id = 0 if persona == "app" else world.users[persona].pk
    body = served(rpc, "getBoard", [project.pk], world[persona])

    assert body == expected(previous.board(project.pk, viewer_id))


@pytest.mark.parametrize("status", [0, 1])
def test_get_all_tasks_serves_the_previous_bytes(rpc, project, status):
    body = served(rpc, "getAllTasks", [project.pk, status])
    tasks = Task.objects.filter(project_id=project.pk, is_active=status).order_by("pk")

    assert body == expected(previous.tasks_in_full(tasks))


@pytest.mark.parametrize("query", QUERIES)
def test_search_tasks_serves_the_previous_bytes(rpc, world, project, query):
    body = served(rpc, "searchTasks", [project.pk, query], world["member"])
    member = world.users["member"]

    assert body == expected(
        previous.tasks_in_extended_form(matching_tasks(project.pk, query, member))
    )


def test_dashboard_serves_the_previous_bytes(rpc, world, project):
    member = world.users["member"]
    body = served(rpc, "getMyDashboard", None, world["member"])
    queryset = Task.objects.on_dashboard_of(member.pk)
    listed = previous.tasks_in_extended_form(queryset.order_by("pk"))
    tags = previous.tags_by_task(queryset)
    mine = Subtask.objects.filter(task__in=queryset.values("pk"), user_id=member.pk).order_by(
        "position", "pk"
    )
    subtasks: dict = {}
    for row in subtasks_in_list_form(mine, member.pk):
        subtasks.setdefault(row["task_id"], []).append(row)
    result = [
        {**task, "tags": tags.get(task["id"], []), "subtasks": subtasks.get(task["id"], [])}
        for task in listed
    ]

    assert body == expected(result)


def test_a_missing_project_serves_the_previous_bytes(rpc, world):
    assert served(rpc, "getBoard", [987654]) == expected(previous.board(987654, 0))
    assert served(rpc, "getAllTasks", [987654, 1]) == expected([])


def test_a_request_id_beyond_64_bits_gets_the_same_encoded_list(rpc, project):
    # orjson refuses such an integer: the reply goes through the standard encoder, which
    # decodes the lists the database encoded.
    big = 2**70
    body = rpc.post(
        f'{{"jsonrpc":"2.0","method":"getAllTasks","params":[{project.pk},1],"id":{big}}}',
        rpc.app,
    ).body
    tasks = Task.objects.filter(project_id=project.pk, is_active=1).order_by("pk")

    assert (
        body
        == dumps({"jsonrpc": "2.0", "result": previous.tasks_in_full(tasks), "id": big}).encode()
    )
