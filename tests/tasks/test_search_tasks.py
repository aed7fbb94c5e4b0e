"""searchTasks end to end: what each attribute of the filter language selects, how terms
combine, the result rows, who may search, and hostile input (security.md D24, K10)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tasks.models import Comment, Subtask, Task, TaskLink, TaskTag
from tasks.search import MAX_VALUES
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    ProjectFactory,
    SubtaskFactory,
    SwimlaneFactory,
    TagFactory,
    TaskFactory,
    UserFactory,
)

BLOCKS, IS_BLOCKED_BY, IS_A_MILESTONE_OF = 2, 3, 9


def at(*moment: int) -> int:
    return int(dt.datetime(*moment, tzinfo=dt.UTC).timestamp())


class Board:
    """Four tasks of project P with different values of every attribute, and a task of
    another project Q that would match most queries."""

    def __init__(self, world):
        project = world.project
        self.project = project
        self.users = world.users
        member, manager = world.users["member"], world.users["manager"]
        self.alice = UserFactory(username="alice", name="Alice Liddell")
        columns = {column.title: column for column in project.columns.all()}
        self.columns = columns
        default_lane = project.swimlanes.get()
        second_lane = SwimlaneFactory(project=project, name="Second lane")
        self.bug = CategoryFactory(project=project, name="Bug")
        self.feature = CategoryFactory(project=project, name="Feature")
        backend = TagFactory(project_id=project.pk, name="backend")
        frontend = TagFactory(project_id=0, name="front-end")

        def task(title: str, column: str, created: int, **values) -> Task:
            """A task of P, modified and moved when it was created unless told."""
            values.setdefault("swimlane", default_lane)
            values.setdefault("date_modification", created)
            values.setdefault("date_moved", created)
            return TaskFactory(
                project=project,
                title=title,
                column=columns[column],
                date_creation=created,
                **values,
            )

        self.login = task(
            "Fix login page",
            "Backlog",
            at(2030, 1, 1, 9),
            description="Users cannot log in",
            owner_id=member.pk,
            creator_id=manager.pk,
            category_id=self.bug.pk,
            color_id="red",
            priority=2,
            score=5,
            reference="REF-1",
            date_due=at(2030, 6, 15, 10),
            date_modification=at(2030, 1, 2, 9),
            date_moved=at(2030, 1, 3, 9),
        )
        self.docs = task(
            "Write docs",
            "Ready",
            at(2030, 1, 5, 9),
            swimlane=second_lane,
            description="how to use",
            creator_id=member.pk,
            category_id=self.feature.pk,
            color_id="blue",
            score=1,
            is_active=False,
            date_completed=at(2030, 2, 1, 18),
            date_modification=at(2030, 2, 1, 18),
        )
        self.deploy = task(
            "Deploy at full % speed",
            "Work in progress",
            at(2030, 3, 1, 9),
            description="Use the CDN_cache",
            owner_id=self.alice.pk,
            color_id="deep_orange",
            priority=3,
            score=8,
            reference="ref_2",
            date_due=at(2030, 6, 16, 23),
            date_started=at(2030, 3, 10, 8),
        )
        self.refactor = task(
            "Refactor_core",
            "Done",
            at(2030, 4, 1, 9),
            description=None,
            owner_id=manager.pk,
            creator_id=manager.pk,
            priority=1,
            reference="REF-10",
        )
        TaskTag.objects.create(task=self.login, tag=backend)
        TaskTag.objects.create(task=self.deploy, tag=backend)
        TaskTag.objects.create(task=self.deploy, tag=frontend)
        CommentFactory(task=self.login, comment="Password reset flow", user_id=member.pk)
        CommentFactory(task=self.docs, comment="secret roadmap", visibility="app-manager")
        SubtaskFactory(task=self.deploy, user_id=member.pk, status=Subtask.TODO)
        SubtaskFactory(task=self.refactor, user_id=self.alice.pk, status=Subtask.DONE)
        SubtaskFactory(task=self.refactor, user_id=0, status=Subtask.IN_PROGRESS)
        TaskLink.objects.create(link_id=BLOCKS, task=self.deploy, opposite_task=self.login)
        TaskLink.objects.create(link_id=IS_BLOCKED_BY, task=self.login, opposite_task=self.deploy)

        self.other_project = ProjectFactory(name="Q")
        self.elsewhere = TaskFactory(
            project=self.other_project,
            title="Fix login page elsewhere % _",
            owner_id=member.pk,
            creator_id=manager.pk,
            category_id=self.bug.pk,
            color_id="red",
            priority=2,
            reference="REF-1",
            date_due=at(2030, 6, 15, 10),
        )
        TaskTag.objects.create(task=self.elsewhere, tag=backend)
        CommentFactory(task=self.elsewhere, comment="Password reset flow")

    def names(self, *tasks: Task) -> list[str]:
        return [task.title for task in sorted(tasks, key=lambda task: task.pk)]


@pytest.fixture
def board(world) -> Board:
    return Board(world)


def titles(rpc, project, query, as_=None) -> list[str]:
    rows = rpc.call("searchTasks", {"project_id": project.pk, "query": query}, as_=as_)
    return [row["title"] for row in rows]


# (query, tasks of the board it selects); each attribute, then how terms combine.
SELECTIONS = [
    ("", "login docs deploy refactor"),
    ("status:open", "login deploy refactor"),
    ("status:closed", "docs"),
    ("status:all", "login docs deploy refactor"),
    ("status:1", "login deploy refactor"),
    ("status:0", "docs"),
    ("status:2", ""),
    ("status:OPEN", "login docs deploy refactor"),
    ("assignee:usr", "login"),
    ("assignee:Liddell", "deploy"),
    ("assignee:ALI", "deploy"),
    ("assignee:nobody", "docs"),
    ("assignee:anybody", "login deploy refactor"),
    ("creator:mgr", "login refactor"),
    ("creator:nobody", "deploy"),
    ("creator:usr", "docs"),
    ("color:red", "login"),
    ("colour:Red", "login"),
    ('color:"Deep Orange"', "deploy"),
    ("color:deep_orange", "deploy"),
    ("color:purple", ""),
    ("color:rouge", ""),
    ("category:Bug", "login"),
    ("category:bug", "login"),
    ("category:Feature", "docs"),
    ("category:none", "deploy refactor"),
    ("category:Nothing", ""),
    ("column:Backlog", "login"),
    ('column:"Work in progress"', "deploy"),
    ("column:backlog", ""),
    ('swimlane:"Second lane"', "docs"),
    ('swimlane:"second LANE"', "docs"),
    ('swimlane:"Default swimlane"', "login deploy refactor"),
    ("swimlane:Second", ""),
    ("priority:2", "login"),
    ("priority:>=2", "login deploy"),
    ("priority:>2", "deploy"),
    ("priority:<1", "docs"),
    ("priority:<=1", "docs refactor"),
    ("priority:high", ""),
    ("score:5", "login"),
    ("complexity:>5", "deploy"),
    ("score:<1", "refactor"),
    ("reference:REF-1", "login"),
    ("ref:ref-1", "login"),
    ("ref:REF*", "login deploy refactor"),
    ("ref:*1*", "login refactor"),
    ("ref:none", "docs"),
    ("ref:ref_2", "deploy"),
    ("ref:REF", ""),
    ("description:cannot", "login"),
    ("desc:cdn_cache", "deploy"),
    ("description:use", "login docs deploy"),
    ("title:login", "login"),
    ("login", "login"),
    ("LOGIN PAGE", "login"),
    ('title:"login page"', "login"),
    ("page login", ""),
    ("due:2030-06-15", "login"),
    ("due:<=2030-06-15", "login"),
    ("due:<2030-06-16", "login"),
    ("due:>2030-06-15", "deploy"),
    ("due:>=2030-06-15", "login deploy"),
    ("due:2030-06-14", ""),
    ("due:none", "docs refactor"),
    ('due:"June 16, 2030"', "deploy"),
    ("due:06/16/2030", "deploy"),
    ("created:2030-01-01", "login"),
    ("created:>2030-01-01", "docs deploy refactor"),
    ("created:<2030-03-01", "login docs"),
    ("modified:2030-01-02", "login"),
    ("updated:>=2030-02-01", "docs deploy refactor"),
    ("moved:2030-01-03", "login"),
    ("started:2030-03-10", "deploy"),
    ("started:<2030-03-10", "login docs refactor"),
    ("completed:2030-02-01", "docs"),
    ("completed:<2030-02-01", ""),
    ('createdRange:"2030-01-01..2030-01-05"', "login docs"),
    ("createdRange:01/01/2030..01/04/2030", "login"),
    ('modifiedRange:"2030-02-01..2030-04-01"', "docs deploy refactor"),
    ('completedRange:"2030-02-01..2030-02-01"', "docs"),
    ('movedRange:"2030-01-03..2030-01-05"', "login docs"),
    ("comment:password", "login"),
    ("comment:PASSWORD", "login"),
    ("comment:nothing", ""),
    ('link:"is blocked by"', "login"),
    ("link:blocks", "deploy"),
    ("link:BLOCKS", "deploy"),
    ("link:block", ""),
    ("tag:backend", "login deploy"),
    ("tag:front", "deploy"),
    ("tag:END", "login deploy"),
    ("tag:none", "docs refactor"),
    ("subtask:assignee:usr", "deploy"),
    ("subtask:assignee:anybody", "deploy"),
    ("subtask:assignee:nobody", ""),
    ("subtask:assignee:alice", ""),
    ("subtask:assignee:sr", ""),
    ("subtask:assignee:nobody subtask:assignee:usr", "deploy"),
    ("search:docs", "docs"),
    ("search:password", "login"),
    ("search:cannot", "login"),
    ("project:P", "login docs deploy refactor"),
    ("project:p", "login docs deploy refactor"),
    ("project:Q", ""),
    ("foo:bar", ""),
    ('"login', "login"),
    # Same attribute: OR; different attributes (even two names of one filter): AND.
    ("status:open assignee:usr", "login"),
    ("color:red color:blue", "login docs"),
    ("color:red colour:blue", ""),
    ("status:open status:closed", "login docs deploy refactor"),
    ("title:login title:docs", "login docs"),
    ("title:docs login", "login"),
    ("tag:backend tag:none", "login docs deploy refactor"),
    ("tag:backend status:open priority:2", "login"),
    # Kanboard ORs each condition of repeated date values, so two days select every
    # task with a date at all.
    ("due:2030-06-15 due:2030-06-14", "login docs deploy refactor"),
    # The piece after an attribute is consumed: "open" becomes a title word.
    ("status: open", ""),
    # A Unicode space makes Kanboard drop the whole query.
    ("color:red\u00a0", "login docs deploy refactor"),
]


@pytest.mark.parametrize(("query", "selected"), SELECTIONS)
def test_each_term_selects_exactly_its_tasks(rpc, board, query, selected):
    expected = board.names(*(getattr(board, name) for name in selected.split()))

    assert titles(rpc, board.project, query) == expected


def test_ids_select_their_task(rpc, board):
    docs = board.docs

    assert titles(rpc, board.project, f"id:{docs.pk}") == [docs.title]
    assert titles(rpc, board.project, f"#{docs.pk}") == [docs.title]
    assert titles(rpc, board.project, str(docs.pk)) == [docs.title]
    assert titles(rpc, board.project, f"id:{board.elsewhere.pk}") == []


def test_numeric_ids_of_users_categories_and_columns_select_their_tasks(rpc, board):
    assert titles(rpc, board.project, f"assignee:{board.alice.pk}") == [board.deploy.title]
    assert titles(rpc, board.project, f"category:{board.bug.pk}") == [board.login.title]
    assert titles(rpc, board.project, f"column:{board.columns['Ready'].pk}") == [board.docs.title]
    assert titles(rpc, board.project, f"project:{board.project.pk}") == board.names(
        board.login, board.docs, board.deploy, board.refactor
    )
    assert titles(rpc, board.project, f"project:{board.other_project.pk}") == []


def test_me_is_the_calling_user(rpc, world, board):
    assert titles(rpc, board.project, "assignee:me", world["member"]) == [board.login.title]
    assert titles(rpc, board.project, "assignee:me", world["manager"]) == [board.refactor.title]
    assert titles(rpc, board.project, "creator:me", world["member"]) == [board.docs.title]
    assert titles(rpc, board.project, "subtask:assignee:me", world["member"]) == [
        board.deploy.title
    ]


def test_the_application_credential_has_no_me(rpc, board):
    assert titles(rpc, board.project, "assignee:me") == []
    assert titles(rpc, board.project, "creator:me") == []
    assert titles(rpc, board.project, "subtask:assignee:me") == []
    assert titles(rpc, board.project, "assignee:me assignee:usr") == [board.login.title]
    assert titles(rpc, board.project, "subtask:assignee:me subtask:assignee:usr") == [
        board.deploy.title
    ]


def test_comments_a_user_may_not_read_are_not_searched(rpc, world, board):
    docs = [board.docs.title]

    assert titles(rpc, board.project, "comment:secret", world["member"]) == []
    assert titles(rpc, board.project, "search:roadmap", world["viewer"]) == []
    assert titles(rpc, board.project, "comment:secret", world["manager"]) == docs
    assert titles(rpc, board.project, "comment:secret") == docs


def test_date_words_count_from_today(rpc, world):
    today = int(time.time()) // 86400 * 86400
    due = {
        name: TaskFactory(project=world.project, title=name, date_due=today + offset * 86400 + 3600)
        for name, offset in (("yesterday", -1), ("today", 0), ("tomorrow", 1), ("next week", 7))
    }
    project = world.project

    assert titles(rpc, project, "due:today") == ["today"]
    assert titles(rpc, project, "due:tomorrow") == ["tomorrow"]
    assert titles(rpc, project, "due:yesterday") == ["yesterday"]
    assert titles(rpc, project, "due:<today") == ["yesterday"]
    assert titles(rpc, project, "due:<=today") == ["yesterday", "today"]
    assert titles(rpc, project, "due:>today") == ["tomorrow", "next week"]
    assert titles(rpc, project, 'due:"+1 week"') == ["next week"]
    assert titles(rpc, project, 'due:<"+1 day"') == ["yesterday", "today"]
    assert titles(rpc, project, 'due:>="next week"') == ["next week"]
    assert titles(rpc, project, "due:garbage") == []
    assert titles(rpc, project, "due:>garbage") == list(due)


# Hostile input (security.md D24, K10): only tasks of P, wildcards literal, no error.


@pytest.mark.parametrize(
    ("query", "selected"),
    [
        ("' OR 1=1 --", ""),
        ('" OR ""="', ""),
        ("%", "deploy"),
        ('"%"', "deploy"),
        ("_", "refactor"),
        ("title:%_", ""),
        ("\\", ""),
        ("assignee:%", ""),
        ("ref:%", ""),
        ("ref:REF_1", ""),
        ("swimlane:%", ""),
        ("link:%", ""),
        ("tag:%", ""),
        ("project:Q", ""),
        ("status:all project:Q", ""),
        (f"project:{2**31}", ""),
        (f"id:{2**70}", ""),
        (f"assignee:{2**70}", ""),
        (f"priority:>{2**70}", ""),
        (f"priority:<{2**70}", "login docs deploy refactor"),
        ("due:<" + "9" * 5000, "login deploy"),
        ("a" * 10_000, ""),
        ("status:open " * 1_000, ""),
        ("due:today " * 800, ""),
        ('"' * 10_000, "login docs deploy refactor"),
        ("<" * 10_000, ""),
        ("title:\0", ""),
        ("login\0", ""),
        ("\ud7ff\ue000\U0010ffff", ""),
        ("DROP TABLE tasks; --", ""),
    ],
)
def test_hostile_queries_stay_in_the_project_and_match_literally(rpc, board, query, selected):
    expected = board.names(*(getattr(board, name) for name in selected.split()))

    assert titles(rpc, board.project, query) == expected
    assert Task.objects.count() == 5


@pytest.mark.parametrize("term", ["due:2030-06-15", "search:#1", "subtask:assignee:usr"])
def test_a_query_of_as_many_terms_as_allowed_runs_on_the_database(rpc, board, term):
    query = " ".join([term] * MAX_VALUES)

    assert titles(rpc, board.project, query) == titles(rpc, board.project, f"{term} {term}")


def test_a_query_never_returns_tasks_of_another_project(rpc, board):
    for query, _ in SELECTIONS:
        rows = rpc.call("searchTasks", [board.project.pk, query])
        assert {row["project_id"] for row in rows} <= {board.project.pk}, query


# The result rows.

EXTENDED_KEYS = [
    "nb_comments", "nb_files", "nb_subtasks", "nb_completed_subtasks", "nb_links",
    "nb_external_links", "is_milestone", "id", "reference", "title", "description",
    "date_creation", "date_modification", "date_completed", "date_started", "date_due",
    "color_id", "project_id", "column_id", "swimlane_id", "owner_id", "creator_id", "position",
    "is_active", "score", "category_id", "priority", "date_moved", "recurrence_status",
    "recurrence_trigger", "recurrence_factor", "recurrence_timeframe", "recurrence_basedate",
    "recurrence_parent", "recurrence_child", "time_estimated", "time_spent", "assignee_username",
    "assignee_name", "assignee_email", "assignee_avatar_path", "category_name",
    "category_description", "category_color_id", "column_name", "column_position",
    "swimlane_name", "project_name",
]  # fmt: skip


def test_rows_are_tasks_in_the_extended_form(rpc, world, board):
    login = board.login

    (row,) = rpc.call("searchTasks", {"project_id": board.project.pk, "query": "login"})

    assert list(row) == EXTENDED_KEYS
    assert row == {
        "nb_comments": 1,
        "nb_files": 0,
        "nb_subtasks": 0,
        "nb_completed_subtasks": 0,
        "nb_links": 1,
        "nb_external_links": 0,
        "is_milestone": None,
        "id": login.pk,
        "reference": "REF-1",
        "title": "Fix login page",
        "description": "Users cannot log in",
        "date_creation": at(2030, 1, 1, 9),
        "date_modification": at(2030, 1, 2, 9),
        "date_completed": None,
        "date_started": 0,
        "date_due": at(2030, 6, 15, 10),
        "color_id": "red",
        "project_id": board.project.pk,
        "column_id": board.columns["Backlog"].pk,
        "swimlane_id": login.swimlane_id,
        "owner_id": world.users["member"].pk,
        "creator_id": world.users["manager"].pk,
        "position": login.position,
        "is_active": 1,
        "score": 5,
        "category_id": board.bug.pk,
        "priority": 2,
        "date_moved": at(2030, 1, 3, 9),
        "recurrence_status": 0,
        "recurrence_trigger": 0,
        "recurrence_factor": 0,
        "recurrence_timeframe": 0,
        "recurrence_basedate": 0,
        "recurrence_parent": None,
        "recurrence_child": None,
        "time_estimated": None,
        "time_spent": None,
        "assignee_username": "usr",
        "assignee_name": "",
        "assignee_email": "",
        "assignee_avatar_path": None,
        "category_name": "Bug",
        "category_description": None,
        "category_color_id": None,
        "column_name": "Backlog",
        "column_position": 1,
        "swimlane_name": "Default swimlane",
        "project_name": "P",
    }


def test_rows_of_unassigned_closed_tasks_have_nulls_and_flags_as_integers(rpc, board):
    TaskLink.objects.create(
        link_id=IS_A_MILESTONE_OF, task=board.refactor, opposite_task=board.docs
    )

    rows = rpc.call("searchTasks", {"project_id": board.project.pk, "query": "status:closed"})
    (docs,) = rows
    (refactor,) = rpc.call("searchTasks", [board.project.pk, "Refactor_core"])

    assert docs["is_active"] == 0
    assert docs["date_completed"] == at(2030, 2, 1, 18)
    assert docs["assignee_username"] is None
    assert docs["assignee_name"] is None
    assert docs["swimlane_name"] == "Second lane"
    assert refactor["is_milestone"] == 1
    assert refactor["nb_subtasks"] == 2
    assert refactor["nb_completed_subtasks"] == 1
    assert refactor["description"] is None


def test_tasks_come_in_id_order_open_and_closed_alike(rpc, board):
    rows = rpc.call("searchTasks", [board.project.pk, ""])

    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    assert [row["is_active"] for row in rows] == [1, 0, 1, 1]


# Parameters.


def test_positional_and_digit_string_parameters(rpc, board):
    assert titles(rpc, board.project, "docs") == [board.docs.title]
    assert rpc.call("searchTasks", [str(board.project.pk), "docs"])[0]["id"] == board.docs.pk


def test_a_null_query_is_the_empty_query(rpc, board):
    rows = rpc.call("searchTasks", {"project_id": board.project.pk, "query": None})

    assert len(rows) == 4


def test_a_number_query_is_read_as_text(rpc, board):
    rows = rpc.call("searchTasks", {"project_id": board.project.pk, "query": board.docs.pk})

    assert [row["id"] for row in rows] == [board.docs.pk]


@pytest.mark.parametrize("query", [["status:open"], {"status": "open"}])
def test_an_array_query_is_invalid_params(rpc, board, query):
    error = rpc.error("searchTasks", {"project_id": board.project.pk, "query": query})

    assert error == {"code": -32602, "message": "Invalid params", "data": "query must be a string"}


@pytest.mark.parametrize("project_id", [0, -1, 999_999, 2**40, "abc", 1.5, True, None])
def test_an_unknown_or_malformed_project_gives_no_tasks(rpc, board, project_id):
    assert rpc.call("searchTasks", {"project_id": project_id, "query": ""}) == []


def test_a_missing_query_is_refused(rpc, board):
    error = rpc.error("searchTasks", {"project_id": board.project.pk})

    assert error["code"] == -32602
    assert error["data"] == "Wrong number of arguments"


def test_an_unknown_key_is_ignored_when_the_count_fits(rpc, board):
    error = rpc.error("searchTasks", {"project_id": board.project.pk, "status_id": 1})

    assert error == {"code": -32602, "message": "Invalid params", "data": "Missing argument: query"}


def test_extra_filter_keys_as_kanboard_mcp_sends_are_too_many_arguments(rpc, board):
    params = {"project_id": board.project.pk, "query": "", "category_id": 1, "status_id": 1}

    error = rpc.error("searchTasks", params)

    assert error == {"code": -32602, "message": "Invalid params", "data": "Too many arguments"}


# Who may search.


@pytest.mark.parametrize("persona", ["app", "manager", "member", "viewer"])
def test_the_project_team_and_the_application_may_search(rpc, world, board, persona):
    assert titles(rpc, board.project, "status:closed", world[persona]) == [board.docs.title]


@pytest.mark.parametrize("persona", ["admin", "outsider"])
def test_users_outside_the_project_are_refused(rpc, world, board, persona):
    reply = rpc.request("searchTasks", [board.project.pk, ""], as_=world[persona])

    assert reply.status == 403
    assert reply.json == {
        "jsonrpc": "2.0",
        "error": {"code": 403, "message": "Forbidden"},
        "id": None,
    }


def test_a_member_cannot_search_another_project_through_the_query(rpc, world, board):
    reply = rpc.request("searchTasks", [board.other_project.pk, ""], as_=world["member"])

    assert reply.status == 403
    assert titles(rpc, board.project, "project:Q", world["member"]) == []


# Query count.


def fill(project, count: int, owner, category) -> None:
    """``count`` open tasks, each assigned, categorised, tagged, commented, with a subtask."""
    column = project.columns.order_by("position").first()
    swimlane = project.swimlanes.first()
    tag = TagFactory(project_id=project.pk, name="bulk")
    tasks = Task.objects.bulk_create(
        Task(
            project=project,
            column=column,
            swimlane=swimlane,
            title=f"Bulk {number}",
            owner_id=owner.pk,
            category_id=category.pk,
            position=number,
            date_creation=0,
        )
        for number in range(count)
    )
    TaskTag.objects.bulk_create(TaskTag(task=task, tag=tag) for task in tasks)
    Subtask.objects.bulk_create(Subtask(task=task, title="s", user_id=owner.pk) for task in tasks)
    Comment.objects.bulk_create(
        Comment(task=task, comment="bulk comment", date_creation=0) for task in tasks
    )


@pytest.mark.parametrize("size", [10, 500])
def test_a_search_runs_a_fixed_number_of_queries(rpc, world, size, django_assert_num_queries):
    member = world.users["member"]
    fill(world.project, size, member, CategoryFactory(project=world.project))
    query = "status:open assignee:me tag:bulk comment:bulk subtask:assignee:usr category:none bulk"
    params = [world.project.pk, query.replace("category:none ", "")]
    # The password check is cached now (another query: this one's reply is not).
    rpc.call("searchTasks", [world.project.pk, "status:open"], as_=world["member"])

    # The caller; their login recorded in a savepoint (row touched, history written and
    # trimmed); their role in the project; the versions of the data
    # (tests/test_read_cache.py); then the ids of the tasks found, and the tasks with
    # their counts, assignees and categories.
    with django_assert_num_queries(10):
        rows = rpc.call("searchTasks", params, as_=world["member"])

    assert len(rows) == size
    assert {row["assignee_username"] for row in rows} == {"usr"}
