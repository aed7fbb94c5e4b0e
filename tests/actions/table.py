"""Every core action on every one of its events (see scenarios.py for the vocabulary)."""

from __future__ import annotations

from tests.actions.scenarios import (
    BLOCKS,
    RELATES_TO,
    Scenario,
    comments,
    constant,
    copies_in_q,
    days_ahead,
    field,
    fields,
    for_users,
    is_set,
    subtasks,
    with_timer,
)

S = Scenario
SCENARIOS = [
    S(
        "CommentCreationMoveTaskColumn",
        "task.move.column",
        lambda b: {"column_id": b.c[2]},
        lambda b: b.created_then_moved(b.c[2]),
        lambda b: b.created_then_moved(b.c[1]),
        comments,
        for_users(lambda b: [("Moved to column Work in progress", b.m)], []),
        constant([]),
    ),
    S(
        "SubtaskTimerMoveTaskColumn",
        "task.move.column",
        lambda b: {"column_id": b.c[2], "subtask": "Work"},
        lambda b: b.created_then_moved(b.c[2]),
        lambda b: b.created_then_moved(b.c[1]),
        subtasks,
        lambda b: [("Work", 1, b.m, True)],
        constant([]),
    ),
    S(
        "StopSubtaskTimerMoveTaskColumn",
        "task.move.column",
        lambda b: {"column_id": b.c[2]},
        lambda b: b.move(with_timer(b), b.c[2]),
        lambda b: b.move(with_timer(b), b.c[1]),
        subtasks,
        lambda b: [("S", 2, b.m, False)],
        lambda b: [("S", 0, b.m, True)],
    ),
]


def _swimlane_cases(action, params, observe, fired, untouched):
    return [
        S(
            action,
            "task.create",
            params,
            lambda b: b.create(swimlane_id=b.l2),
            lambda b: b.create(swimlane_id=b.l3),
            observe,
            fired,
            untouched,
        ),
        S(
            action,
            "task.move.swimlane",
            params,
            lambda b: b.move(b.create(), b.c[0], b.l2),
            lambda b: b.move(b.create(), b.c[0], b.l3),
            observe,
            fired,
            untouched,
        ),
    ]


def _column_cases(action, events, params, observe, fired, untouched):
    """On creation in column c1, or a move into it; the misses go to c2."""
    cases = []
    if "task.create" in events or "task.create_update" in events:
        event = "task.create" if "task.create" in events else "task.create_update"
        cases.append(
            S(
                action,
                event,
                params,
                lambda b: b.create(column_id=b.c[1]),
                lambda b: b.create(column_id=b.c[2]),
                observe,
                fired,
                untouched,
            )
        )
    if "task.move.column" in events:
        cases.append(
            S(
                action,
                "task.move.column",
                params,
                lambda b: b.created_then_moved(b.c[1]),
                lambda b: b.created_then_moved(b.c[2]),
                observe,
                fired,
                untouched,
            )
        )
    if "task.close" in events:
        cases.append(
            S(
                action,
                "task.close",
                params,
                lambda b: b.close(b.create(column_id=b.c[1])),
                lambda b: b.close(b.create(column_id=b.c[2])),
                observe,
                fired,
                untouched,
            )
        )
    return cases


SCENARIOS += _swimlane_cases(
    "TaskAssignCategorySwimlaneChange",
    lambda b: {"swimlane_id": b.l2, "category_id": b.k1},
    field("category_id"),
    lambda b: b.k1,
    constant(0),
)
SCENARIOS += _swimlane_cases(
    "TaskAssignColorSwimlane",
    lambda b: {"swimlane_id": b.l2, "color_id": "red"},
    field("color_id"),
    constant("red"),
    constant("yellow"),
)
SCENARIOS += _swimlane_cases(
    "TaskAssignPrioritySwimlane",
    lambda b: {"swimlane_id": b.l2, "priority": 3},
    field("priority"),
    constant(3),
    constant(0),
)
SCENARIOS += _swimlane_cases(
    "TaskAssignUserSwimlaneChange",
    lambda b: {"swimlane_id": b.l2, "user_id": b.m},
    field("owner_id"),
    lambda b: b.m,
    constant(0),
)
SCENARIOS += [
    S(
        "TaskAssignColorUser",
        "task.create",
        lambda b: {"color_id": "red", "user_id": b.m},
        lambda b: b.create(owner_id=b.m),
        lambda b: b.create(owner_id=b.g),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    S(
        "TaskAssignColorUser",
        "task.assignee_change",
        lambda b: {"color_id": "red", "user_id": b.m},
        lambda b: b.update(b.create(), owner_id=b.m),
        lambda b: b.update(b.create(), owner_id=b.g),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
]
SCENARIOS += _column_cases(
    "TaskAssignColorColumn",
    ("task.create", "task.move.column"),
    lambda b: {"column_id": b.c[1], "color_id": "red"},
    field("color_id"),
    constant("red"),
    constant("yellow"),
)
SCENARIOS += _column_cases(
    "TaskAssignCurrentUserColumnIfNoUserAlreadySet",
    ("task.move.column",),
    lambda b: {"column_id": b.c[1]},
    field("owner_id"),
    for_users(lambda b: b.m, 0),
    constant(0),
)
SCENARIOS += _column_cases(
    "TaskAssignCurrentUserColumn",
    ("task.move.column",),
    lambda b: {"column_id": b.c[1]},
    field("owner_id"),
    for_users(lambda b: b.m, 0),
    constant(0),
)
SCENARIOS += _column_cases(
    "TaskAssignSpecificUser",
    ("task.create_update", "task.move.column"),
    lambda b: {"column_id": b.c[1], "user_id": b.m},
    field("owner_id"),
    lambda b: b.m,
    constant(0),
)
SCENARIOS += _column_cases(
    "TaskAssignCreator",
    ("task.move.column",),
    lambda b: {"column_id": b.c[1]},
    field("owner_id"),
    lambda b: b.m,
    constant(0),
)
SCENARIOS += _column_cases(
    "TaskAssignToUserOnCreationInColumn",
    ("task.create",),
    lambda b: {"column_id": b.c[1]},
    field("owner_id"),
    lambda b: b.m,
    constant(0),
)
SCENARIOS += _column_cases(
    "TaskUpdateStartDate",
    ("task.move.column",),
    lambda b: {"column_id": b.c[1]},
    is_set("date_started"),
    constant(True),
    constant(False),
)
SCENARIOS += _column_cases(
    "TaskCloseColumn",
    ("task.move.column",),
    lambda b: {"column_id": b.c[1]},
    field("is_active"),
    constant(0),
    constant(1),
)
SCENARIOS += _column_cases(
    "TaskDuplicateAnotherProject",
    ("task.create", "task.move.column", "task.close"),
    lambda b: {"column_id": b.c[1], "project_id": b.q},
    copies_in_q,
    lambda b: [("T", b.q_first_column, 1)],
    constant([]),
)
SCENARIOS += _column_cases(
    "TaskMoveAnotherProject",
    ("task.move.column", "task.close"),
    lambda b: {"column_id": b.c[1], "project_id": b.q},
    field("project_id"),
    lambda b: b.q,
    lambda b: b.p,
)
SCENARIOS += _column_cases(
    "TaskEmail",
    ("task.create", "task.move.column", "task.close"),
    lambda b: {"column_id": b.c[1], "user_id": b.m, "subject": "Task #{{id}}: {{title}}"},
    lambda b, task_id: [(mail.subject.split(":")[1], mail.to) for mail in b.outbox],
    constant([(" T", ["Member <member@example.org>"])]),
    constant([]),
)
SCENARIOS += [
    S(
        "TaskAssignCategoryColor",
        "task.create_update",
        lambda b: {"color_id": "red", "category_id": b.k1},
        lambda b: b.update(b.create(), color_id="red"),
        lambda b: b.update(b.create(), color_id="blue"),
        field("category_id"),
        lambda b: b.k1,
        constant(0),
    ),
    S(
        "TaskAssignColorCategory",
        "task.create_update",
        lambda b: {"color_id": "red", "category_id": b.k1},
        lambda b: b.create(category_id=b.k1),
        lambda b: b.create(category_id=b.k2),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    S(
        "TaskAssignColorPriority",
        "task.create_update",
        lambda b: {"color_id": "red", "priority": 2},
        lambda b: b.update(b.create(), priority=2),
        lambda b: b.update(b.create(), priority=1),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    S(
        "TaskAssignCategoryLink",
        "task_internal_link.create_update",
        lambda b: {"category_id": b.k1, "link_id": RELATES_TO},
        lambda b: b.link(b.create(), RELATES_TO),
        lambda b: b.link(b.create(), BLOCKS),
        field("category_id"),
        lambda b: b.k1,
        constant(0),
    ),
    S(
        "TaskAssignColorLink",
        "task_internal_link.create_update",
        lambda b: {"color_id": "red", "link_id": BLOCKS},
        lambda b: b.link(b.create(), BLOCKS),
        lambda b: b.link(b.create(), RELATES_TO),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    S(
        "TaskAssignCurrentUser",
        "task.create",
        constant({}),
        lambda b: b.create(),
        lambda b: b.create(project=b.q),
        field("owner_id"),
        for_users(lambda b: b.m, 0),
        constant(0),
    ),
    S(
        "TaskAssignDueDateOnCreation",
        "task.create",
        constant({"duration": 3}),
        lambda b: b.create(),
        lambda b: b.create(project=b.q),
        days_ahead("date_due"),
        constant(3),
        constant(0),
    ),
    S(
        "TaskAssignDueDateOnMoveColumn",
        "task.move.column",
        lambda b: {"duration": 2, "column_id": b.c[0]},
        lambda b: b.move(b.create(), b.c[1]),
        lambda b: b.move(b.create(column_id=b.c[1]), b.c[2]),
        days_ahead("date_due"),
        constant(2),
        constant(0),
    ),
    S(
        "TaskUpdateStartDateOnMoveColumn",
        "task.move.column",
        lambda b: {"column_id": b.c[0]},
        lambda b: b.move(b.create(), b.c[1]),
        lambda b: b.move(b.create(column_id=b.c[1]), b.c[2]),
        is_set("date_started"),
        constant(True),
        constant(False),
    ),
    S(
        "TaskMoveColumnClosed",
        "task.close",
        lambda b: {"dest_column_id": b.c[3]},
        lambda b: b.close(b.create(column_id=b.c[3]) and b.create()),
        lambda b: b.close(b.create(column_id=b.c[3]) and b.create(column_id=b.c[3])),
        fields("column_id", "position"),
        lambda b: (b.c[3], 1),
        lambda b: (b.c[3], 2),
    ),
    S(
        "TaskMoveSwimlaneCategoryChange",
        "task.update",
        lambda b: {"dest_swimlane_id": b.l2, "category_id": b.k1},
        lambda b: b.update(b.create(), category_id=b.k1),
        lambda b: b.update(b.create(), category_id=b.k2),
        field("swimlane_id"),
        lambda b: b.l2,
        lambda b: b.l1,
    ),
]
for event in ("task.assignee_change", "task.update"):
    extra = {"title": "Renamed"} if event == "task.update" else {}
    SCENARIOS += [
        S(
            "TaskMoveColumnAssigned",
            event,
            lambda b: {"src_column_id": b.c[0], "dest_column_id": b.c[1]},
            lambda b, extra=extra: b.update(b.create(), owner_id=b.m, **extra),
            lambda b, extra=extra: b.update(b.create(column_id=b.c[2]), owner_id=b.m, **extra),
            field("column_id"),
            lambda b: b.c[1],
            lambda b: b.c[2],
        ),
        S(
            "TaskMoveColumnUnAssigned",
            event,
            lambda b: {"src_column_id": b.c[0], "dest_column_id": b.c[1]},
            lambda b, extra=extra: b.update(b.create(owner_id=b.m), owner_id=0, **extra),
            lambda b, extra=extra: b.update(
                b.create(owner_id=b.m, column_id=b.c[2]), owner_id=0, **extra
            ),
            field("column_id"),
            lambda b: b.c[1],
            lambda b: b.c[2],
        ),
    ]
for event, change in (
    ("task.create_update", lambda b, **values: b.create(**values)),
    ("task.assignee_change", lambda b, **values: b.update(b.create(), **values)),
    ("task.update", lambda b, **values: b.update(b.create(), title="Renamed", **values)),
):
    SCENARIOS.append(
        S(
            "TaskMoveSwimlaneAssigned",
            event,
            lambda b: {"user_id": b.m, "dest_swimlane_id": b.l2},
            lambda b, change=change: change(b, owner_id=b.m),
            lambda b, change=change: change(b, owner_id=b.g),
            field("swimlane_id"),
            lambda b: b.l2,
            lambda b: b.l1,
        )
    )
for event, change in (
    ("task.create", lambda b, category: b.create(category_id=category)),
    ("task.create_update", lambda b, category: b.create(category_id=category)),
    ("task.update", lambda b, category: b.update(b.create(), category_id=category)),
):
    SCENARIOS.append(
        S(
            "TaskMoveColumnCategoryChange",
            event,
            lambda b: {"dest_column_id": b.c[2], "category_id": b.k1},
            lambda b, change=change: change(b, b.k1),
            lambda b, change=change: change(b, b.k2),
            field("column_id"),
            lambda b: b.c[2],
            lambda b: b.c[0],
        )
    )


def _daily(action, params, hit, miss, observe, fired, untouched):
    """The daily job after a task was prepared (its dates set in the past or future)."""
    return S(
        action,
        "task.cronjob.daily",
        params,
        lambda b: b.daily(hit(b)),
        lambda b: b.daily(miss(b)),
        observe,
        fired,
        untouched,
    )


SCENARIOS += [
    _daily(
        "TaskAssignColorOnDueDate",
        constant({"color_id": "red"}),
        lambda b: b.dated(b.create(), "date_due", -1),
        lambda b: b.dated(b.create(), "date_due", 1),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    _daily(
        "TaskAssignColorOnStartDate",
        constant({"color_id": "red"}),
        lambda b: b.dated(b.create(), "date_started", -1),
        lambda b: b.dated(b.create(), "date_started", 1),
        field("color_id"),
        constant("red"),
        constant("yellow"),
    ),
    _daily(
        "TaskCloseNotMovedColumn",
        lambda b: {"duration": 2, "column_id": b.c[0]},
        lambda b: b.aged(b.create(), 3, "date_moved"),
        lambda b: b.aged(b.create(), 1, "date_moved"),
        field("is_active"),
        constant(0),
        constant(1),
    ),
    _daily(
        "TaskCloseNoActivity",
        constant({"duration": 2}),
        lambda b: b.aged(b.create(), 3, "date_modification"),
        lambda b: b.aged(b.create(), 1, "date_modification"),
        field("is_active"),
        constant(0),
        constant(1),
    ),
    _daily(
        "TaskCloseNoActivityColumn",
        lambda b: {"duration": 2, "column_id": b.c[0]},
        lambda b: b.aged(b.create(), 3, "date_modification"),
        lambda b: b.aged(b.create(column_id=b.c[1]), 3, "date_modification"),
        field("is_active"),
        constant(0),
        constant(1),
    ),
    _daily(
        "TaskMoveColumnOnStartDate",
        lambda b: {"src_column_id": b.c[0], "dest_column_id": b.c[2]},
        lambda b: b.dated(b.create(), "date_started", -1),
        lambda b: b.dated(b.create(), "date_started", 1),
        field("column_id"),
        lambda b: b.c[2],
        lambda b: b.c[0],
    ),
    _daily(
        "TaskMoveColumnNotMovedPeriod",
        lambda b: {"duration": 2, "src_column_id": b.c[0], "dest_column_id": b.c[2]},
        lambda b: b.aged(b.create(), 3, "date_moved"),
        lambda b: b.aged(b.create(), 1, "date_moved"),
        field("column_id"),
        lambda b: b.c[2],
        lambda b: b.c[0],
    ),
    _daily(
        "TaskMoveColumnOnDueDate",
        lambda b: {"duration": 2, "src_column_id": b.c[0], "dest_column_id": b.c[2]},
        lambda b: b.dated(b.create(), "date_due", 1),
        lambda b: b.dated(b.create(), "date_due", 3),
        field("column_id"),
        lambda b: b.c[2],
        lambda b: b.c[0],
    ),
    _daily(
        "TaskEmailNoActivity",
        lambda b: {"user_id": b.m, "subject": "Idle task", "duration": 2},
        lambda b: b.aged(b.create(), 3, "date_modification"),
        lambda b: b.aged(b.create(), 1, "date_modification"),
        lambda b, task_id: [(mail.subject, mail.to) for mail in b.outbox],
        constant([("Idle task", ["Member <member@example.org>"])]),
        constant([]),
    ),
]
