"""The replies of getBoard, getAllTasks and searchTasks kept across requests
(rpc/read_cache.py) are never stale: whatever writes (the ORM, raw SQL, the API, the
admin, a command, a cascade, an automatic action), the next read shows the write, byte
for byte as an uncached read renders it; and every table those reads run their SQL on
has the triggers that version it (data_versions/triggers.py)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time

import pytest
from django.core.exceptions import EmptyResultSet
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from accounts.config import set_config
from accounts.models import Group, GroupMember, User
from data_versions.triggers import trigger_names
from data_versions.versions import versions_of
from projects.models import Action, Category, Column, Project, ProjectGroupRole, ProjectUserRole
from projects.models import Swimlane as SwimlaneRow
from rpc.authentication import Caller
from rpc.procedures.board import get_board
from rpc.procedures.search import search_tasks
from rpc.procedures.tasks import get_all_tasks
from rpc.read_cache import ReplyCache, replies
from tasks.models import (
    Comment,
    Link,
    Subtask,
    Tag,
    Task,
    TaskFile,
    TaskLink,
    TaskTag,
)
from tasks.search import filters_on_dates
from tasks.search.filters import DATE_ATTRIBUTES, FILTERS, Searcher
from tests.conftest import PASSWORD, Credentials
from tests.factories import (
    CategoryFactory,
    GroupFactory,
    GroupMemberFactory,
    GroupRoleFactory,
    ProjectFactory,
    TaskFactory,
    UserFactory,
)
from tests.tasks.conftest import add_external_link


@pytest.fixture
def scene(world):
    """P with a task of the member's (category, tag, comment, subtask, file, external
    link, a milestone link to a second task), and a user whose only role in P is a group's
    (project-viewer)."""
    project = world.project
    category = CategoryFactory(project=project, name="Bugs")
    tag = Tag.objects.create(name="alpha", project_id=project.pk)
    task = TaskFactory(
        project=project, title="Fix", owner_id=world.users["member"].pk, category_id=category.pk
    )
    second = TaskFactory(project=project, title="Second")
    TaskTag.objects.create(task=task, tag=tag)
    Comment.objects.create(task=task, comment="note", date_creation=1)
    Subtask.objects.create(task=task, title="step")
    TaskFile.objects.create(task=task, name="f.txt")
    add_external_link(task)
    TaskLink.objects.create(
        task=task, opposite_task=second, link=Link.objects.get(label="is a milestone of")
    )
    grouped = UserFactory(username="grouped")
    viewers = GroupFactory(name="Viewers")
    GroupMemberFactory(group=viewers, user=grouped)
    GroupRoleFactory(group=viewers, project=project, role="project-viewer")
    world.credentials["grouped"] = Credentials("grouped", PASSWORD)
    world.users["grouped"] = grouped
    return {"task": task, "second": second, "tag": tag, "category": category}


def reads(world) -> list[tuple[str, list, str]]:
    """(method, params, persona): the board as a member (tasks draggable) and as the
    grouped user (not), the open and the closed tasks as the application, a search of
    the member's."""
    project_id = world.project.pk
    return [
        ("getBoard", [project_id], "member"),
        ("getBoard", [project_id], "grouped"),
        ("getAllTasks", [project_id, 1], "app"),
        ("getAllTasks", [project_id, 0], "app"),
        ("searchTasks", [project_id, "status:open"], "member"),
        ("searchTasks", [project_id, "tag:alpha comment:note assignee:me"], "member"),
    ]


def served(rpc, world, read) -> bytes:
    method, params, persona = read
    reply = rpc.request(method, params, world[persona])
    assert reply.status == 200, reply.body
    return reply.body


def uncached(rpc, world, read) -> bytes:
    with override_settings(READ_CACHE_BYTES=0):
        return served(rpc, world, read)


def read_all(rpc, world) -> list[bytes]:
    return [served(rpc, world, read) for read in reads(world)]


def assert_reads_show_the_write(rpc, world, write, shown=True) -> None:
    """Read everything twice (the second time from the cache), write, then every read
    gives what an uncached read gives; ``shown``: at least one of them changed."""
    read_all(rpc, world)
    before = read_all(rpc, world)
    write()
    after = read_all(rpc, world)
    assert after == [uncached(rpc, world, read) for read in reads(world)]
    if shown:
        assert after != before


# A second identical read.


@pytest.mark.parametrize("index", range(6))
def test_a_second_identical_read_is_served_from_the_cache_with_the_same_bytes(
    rpc, world, scene, index
):
    read = reads(world)[index]
    served(rpc, world, read)  # the password check is cached from now on
    replies.clear()
    with CaptureQueriesContext(connection) as first:
        cold = served(rpc, world, read)
        cold_queries = len(first)
    with CaptureQueriesContext(connection) as second:
        warm = served(rpc, world, read)
        warm_tables = [tables_in(query["sql"]) for query in second.captured_queries]

    assert len(warm_tables) < cold_queries
    assert {"data_versions"} in warm_tables
    assert not set().union(*warm_tables) & {"tasks", "columns", "swimlanes"}
    assert warm == cold == uncached(rpc, world, read)


# Every watched table: a write shows at the next read.


def rename(model, pk, **values):
    return lambda: model.objects.filter(pk=pk).update(**values)


def raw(sql: str, params: list):
    def write():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    return write


def writes(world, scene) -> dict[str, object]:
    """A write to each watched table, through the ORM, that changes what a read shows."""
    project, task = world.project, scene["task"]
    member, grouped = world.users["member"], world.users["grouped"]
    managers = GroupFactory(name="Members")
    GroupRoleFactory(group=managers, project=project, role="project-member")
    return {
        "projects": rename(Project, project.pk, name="Renamed"),
        "columns": rename(Column, task.column_id, title="Renamed"),
        "swimlanes": lambda: SwimlaneRow.objects.filter(project=project).update(name="Renamed"),
        "project_has_categories": rename(Category, scene["category"].pk, name="Renamed"),
        "project_has_users": lambda: ProjectUserRole.objects.filter(user=member).update(
            role="project-viewer"
        ),
        "project_has_groups": lambda: ProjectGroupRole.objects.filter(
            project=project, group__name="Viewers"
        ).update(role="project-member"),
        "group_has_users": lambda: GroupMember.objects.create(group=managers, user=grouped),
        "groups": None,  # nothing of a group shows; its removal empties the tables above
        "tasks": rename(Task, task.pk, title="Renamed"),
        "tags": rename(Tag, scene["tag"].pk, name="renamed"),
        "comments": lambda: Comment.objects.create(task=task, comment="more", date_creation=1),
        "subtasks": lambda: Subtask.objects.create(task=task, title="more", status=2),
        "task_has_files": lambda: TaskFile.objects.create(task=task, name="more.txt"),
        "task_has_external_links": lambda: add_external_link(task),
        "task_has_tags": lambda: TaskTag.objects.create(task=scene["second"], tag=scene["tag"]),
        "task_has_links": lambda: TaskLink.objects.create(
            task=scene["second"], opposite_task=task, link=Link.objects.get(label="relates to")
        ),
        "users": rename(User, member.pk, name="Renamed member"),
        "links": lambda: Link.objects.filter(label="is a milestone of").update(label="renamed"),
        "settings": lambda: set_config("application_url", "https://kanboard.example/"),
    }


WATCHED_TABLES = [
    "projects", "columns", "swimlanes", "project_has_categories", "project_has_users",
    "project_has_groups", "group_has_users", "groups", "tasks", "tags", "comments",
    "subtasks", "task_has_files", "task_has_external_links", "task_has_tags",
    "task_has_links", "users", "links", "settings",
]  # fmt: skip


@pytest.mark.parametrize("table", WATCHED_TABLES)
def test_a_write_to_a_watched_table_shows_at_the_next_read(rpc, world, scene, table):
    write = writes(world, scene)[table]
    if write is None:
        write = rename(Group, Group.objects.get(name="Viewers").pk, name="Renamed")
    versions = versions_of(world.project.pk)

    assert_reads_show_the_write(rpc, world, write, shown=table != "groups")

    assert versions_of(world.project.pk) != versions


def test_every_table_with_triggers_has_a_write_tested(world, scene):
    assert set(writes(world, scene)) == set(WATCHED_TABLES) == tables_with_triggers()


def test_writes_in_raw_sql_show_at_the_next_read(rpc, world, scene):
    task = scene["task"]
    assert_reads_show_the_write(
        rpc, world, raw('UPDATE "tasks" SET "title" = %s WHERE "id" = %s', ["Raw", task.pk])
    )
    assert_reads_show_the_write(
        rpc, world, raw('DELETE FROM "comments" WHERE "task_id" = %s', [task.pk])
    )
    assert_reads_show_the_write(
        rpc,
        world,
        raw(
            'INSERT INTO "comments" ("task_id", "user_id", "date_creation", "comment", '
            '"visibility") VALUES (%s, 0, 1, %s, %s)',
            [task.pk, "raw note", "app-user"],
        ),
    )


def test_a_task_moved_to_another_project_leaves_both_projects_fresh(rpc, world, scene):
    other = ProjectFactory(name="Q")
    other_read = ("getAllTasks", [other.pk, 1], "app")
    served(rpc, world, other_read)
    column, swimlane = other.columns.first(), other.swimlanes.first()

    assert_reads_show_the_write(
        rpc,
        world,
        rename(Task, scene["task"].pk, project=other, column=column, swimlane=swimlane),
    )
    assert served(rpc, world, other_read) == uncached(rpc, world, other_read)
    assert b'"Fix"' in served(rpc, world, other_read)


def test_a_category_or_tag_of_another_project_shown_by_a_task_stays_fresh(rpc, world, scene):
    """Kanboard let a task take another project's category (imported data keeps it), and
    a tag of another project: renaming it changes what this project's reads show."""
    other = ProjectFactory(name="Q")
    foreign_category = CategoryFactory(project=other, name="Foreign")
    foreign_tag = Tag.objects.create(name="foreign", project_id=other.pk)
    Task.objects.filter(pk=scene["task"].pk).update(category_id=foreign_category.pk)
    TaskTag.objects.create(task=scene["task"], tag=foreign_tag)

    assert_reads_show_the_write(rpc, world, rename(Category, foreign_category.pk, name="Renamed"))
    assert_reads_show_the_write(rpc, world, rename(Tag, foreign_tag.pk, name="renamed"))


def test_a_login_changes_no_version(rpc, world, scene):
    """Every User API request writes the caller's row (lockout bookkeeping): the columns
    the reads show are unchanged, so the cache stays valid."""
    versions = versions_of(world.project.pk)
    read_all(rpc, world)
    assert versions_of(world.project.pk) == versions


def test_what_a_rolled_back_transaction_read_is_never_served(rpc, world, scene):
    """A reader inside a transaction that rolls back caches what it saw under a version
    that no later write can take again."""
    read = reads(world)[2]
    served(rpc, world, read)
    with pytest.raises(RuntimeError), transaction.atomic():
        rename(Task, scene["task"].pk, title="Rolled back")()
        assert b"Rolled back" in served(rpc, world, read)
        raise RuntimeError
    rename(Task, scene["task"].pk, title="Committed")()

    assert served(rpc, world, read) == uncached(rpc, world, read)
    assert b"Committed" in served(rpc, world, read)


# Write paths.


def api_writes(rpc, world, scene) -> dict[str, object]:
    project_id, task = world.project.pk, scene["task"]
    ready = Column.objects.get(project=world.project, title="Ready")
    done = Column.objects.get(project=world.project, title="Done")

    def succeeds(method: str, params: dict):
        return lambda: rpc.call(method, params) not in (False, None) or pytest.fail(method)

    return {
        "createTask": succeeds("createTask", {"title": "New", "project_id": project_id}),
        "updateTask": succeeds("updateTask", {"id": task.pk, "title": "Updated"}),
        "moveTaskPosition": succeeds(
            "moveTaskPosition",
            {
                "project_id": project_id,
                "task_id": task.pk,
                "column_id": ready.pk,
                "position": 1,
                "swimlane_id": task.swimlane_id,
            },
        ),
        "createComment": succeeds(
            "createComment", {"task_id": task.pk, "user_id": 0, "content": "API note"}
        ),
        "removeTask": succeeds("removeTask", {"task_id": task.pk}),
        "updateUser": succeeds("updateUser", {"id": world.users["member"].pk, "name": "New"}),
        "setTaskTags": succeeds(
            "setTaskTags", {"project_id": project_id, "task_id": task.pk, "tags": ["beta"]}
        ),
        "removeColumn": succeeds("removeColumn", {"column_id": done.pk}),
        "removeUser": succeeds("removeUser", {"user_id": world.users["member"].pk}),
        "removeProject": succeeds("removeProject", {"project_id": project_id}),
    }


@pytest.mark.parametrize(
    "method",
    [
        "createTask",
        "updateTask",
        "moveTaskPosition",
        "createComment",
        "removeTask",
        "updateUser",
        "setTaskTags",
        "removeColumn",
        "removeUser",
        "removeProject",
    ],
)
def test_a_write_through_the_api_shows_at_the_next_read(rpc, world, scene, method):
    write = api_writes(rpc, world, scene)[method]
    if method in ("removeUser", "removeProject"):
        # The member's and the grouped user's reads are refused from then on: the
        # application's stand for them.
        app_reads = [read for read in reads(world) if read[2] == "app"]
        read_all(rpc, world)
        before = [served(rpc, world, read) for read in app_reads]
        write()
        after = [served(rpc, world, read) for read in app_reads]
        assert after == [uncached(rpc, world, read) for read in app_reads] != before
        return
    assert_reads_show_the_write(rpc, world, write)


def test_a_read_after_a_write_in_the_same_batch_sees_the_write(rpc, world, scene):
    task_id = scene["task"].pk
    rpc.call("getAllTasks", [world.project.pk, 1])
    batch = [
        {"jsonrpc": "2.0", "method": "updateTask", "params": [task_id, "In the batch"], "id": 1},
        {"jsonrpc": "2.0", "method": "getAllTasks", "params": [world.project.pk, 1], "id": 2},
    ]

    updated, listed = json.loads(rpc.post(json.dumps(batch), rpc.app).body)

    assert updated["result"] is True
    assert "In the batch" in [task["title"] for task in listed["result"]]


def test_a_change_in_the_admin_shows_at_the_next_read(rpc, world, scene):
    operator = Client(HTTP_HOST="localhost")
    operator.force_login(world.users["admin"])
    task = scene["task"]
    fields = {
        "title": "Changed in the admin", "description": "", "status": "open",
        "column": task.column_id, "swimlane": task.swimlane_id, "position": task.position,
        "owner_id": task.owner_id, "color_id": task.color_id or "",
        "category_id": task.category_id, "due_date": "", "start_date": "",
        "priority": task.priority, "score": 0, "reference": "", "time_estimated": "",
        "time_spent": "", "subtasks-TOTAL_FORMS": 0, "subtasks-INITIAL_FORMS": 0,
    }  # fmt: skip

    def change():
        response = operator.post(f"/admin/tasks/task/{task.pk}/change/", fields)
        assert response.status_code == 302, response.content

    assert_reads_show_the_write(rpc, world, change)


def test_an_automatic_action_of_the_daily_command_shows_at_the_next_read(rpc, world, scene):
    """manage.py cronjob runs the daily event's actions: an idle task is closed."""
    action = Action.objects.create(
        project=world.project,
        event_name="task.cronjob.daily",
        action_name="\\Kanboard\\Action\\TaskCloseNoActivity",
    )
    action.params.create(name="duration", value="2")
    idle = int(time.time()) - 3 * 86400
    Task.objects.filter(pk=scene["task"].pk).update(date_modification=idle, date_moved=idle)

    assert_reads_show_the_write(rpc, world, lambda: call_command("cronjob", stdout=io.StringIO()))
    assert not Task.objects.get(pk=scene["task"].pk).is_active


def test_a_command_writing_the_settings_invalidates_every_reply(world):
    versions = versions_of(world.project.pk)
    call_command("rotate_api_token", stdout=io.StringIO())
    assert versions_of(world.project.pk)[1] != versions[1]


def test_a_cascade_from_removing_a_column_shows_at_the_next_read(rpc, world, scene):
    assert_reads_show_the_write(
        rpc, world, lambda: Column.objects.filter(pk=scene["task"].column_id).delete()
    )


# What the key holds.


def test_callers_whose_replies_differ_do_not_share_them(rpc, world, scene):
    project_id = world.project.pk
    board_reads = [("getBoard", [project_id], persona) for persona in ("member", "viewer")]
    mine = [("searchTasks", [project_id, "assignee:me"], p) for p in ("member", "manager")]
    for read in [*board_reads, *mine]:
        served(rpc, world, read)

    boards = [served(rpc, world, read) for read in board_reads]
    searches = [served(rpc, world, read) for read in mine]

    assert boards == [uncached(rpc, world, read) for read in board_reads]
    assert b'"is_draggable":true' in boards[0] and b'"is_draggable":true' not in boards[1]
    assert searches == [uncached(rpc, world, read) for read in mine]
    assert [task["title"] for task in json.loads(searches[0])["result"]] == ["Fix"]
    assert json.loads(searches[1])["result"] == []


@pytest.mark.parametrize(
    "query",
    ["due:tomorrow", "status:open created:today", "modified:>=-2days", "createdRange:a..b"],
)
def test_a_search_on_dates_is_not_cached(rpc, world, scene, query):
    replies.clear()
    rpc.call("searchTasks", [world.project.pk, query])
    rpc.call("searchTasks", [world.project.pk, query])
    assert len(replies) == 0
    assert filters_on_dates(query)


def selected_sql(conditions) -> str:
    try:
        return str(Task.objects.filter(*conditions).query)
    except EmptyResultSet:
        return "nothing"


def test_every_filter_that_reads_the_clock_counts_as_a_date_filter(db):
    today = Searcher(user_id=0, role=None, now=dt.datetime(2024, 1, 10, tzinfo=dt.UTC))
    later = Searcher(user_id=0, role=None, now=dt.datetime(2024, 3, 20, tzinfo=dt.UTC))
    for attribute, build in FILTERS.items():
        for value in ("tomorrow", "<=today", "-2 days", "today..tomorrow"):
            if selected_sql(build(value, today)) != selected_sql(build(value, later)):
                assert attribute in DATE_ATTRIBUTES, attribute
    assert not filters_on_dates("status:open assignee:me tag:alpha due title")
    assert not filters_on_dates("due: open")  # an attribute without a value is dropped


# The budget.


def test_the_cache_keeps_the_most_recently_used_replies_within_its_budget():
    cache = ReplyCache()
    text = "x" * 1000
    for key in range(10):
        cache.put((key,), text, budget=3500)
        assert cache.size <= 3500
    assert len(cache) == 3
    assert cache.get((7,)) == text
    cache.put((10,), text, budget=3500)
    assert [cache.get((key,)) is not None for key in (7, 8, 9, 10)] == [True, False, True, True]
    cache.put((11,), "y" * 5000, budget=3500)
    assert cache.get((11,)) is None and len(cache) == 3


def test_a_budget_of_zero_disables_the_cache(rpc, world, scene, settings):
    settings.READ_CACHE_BYTES = 0
    read = reads(world)[0]
    served(rpc, world, read)
    replies.clear()
    with CaptureQueriesContext(connection) as first:
        served(rpc, world, read)
    with CaptureQueriesContext(connection) as second:
        served(rpc, world, read)
    assert len(replies) == 0
    assert len(second) == len(first)


# Completeness: every table the reads' SQL reads is versioned.

_TABLE_AFTER = re.compile(r'\b(?:FROM|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?', re.IGNORECASE)


def tables_in(sql: str) -> set[str]:
    return set(_TABLE_AFTER.findall(sql)) & set(connection.introspection.table_names())


def tables_with_triggers() -> set[str]:
    """Tables with all three data_versions triggers."""
    if connection.vendor == "postgresql":
        listing = (
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal"
        )
    else:
        listing = "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
    with connection.cursor() as cursor:
        cursor.execute(listing)
        found = set(cursor.fetchall())
    tables = {table for table, name in found if name.startswith("data_versions_")}
    return {
        table for table in tables if all((table, name) in found for name in trigger_names(table))
    }


def test_every_table_the_cached_reads_query_has_the_version_triggers(world, scene):
    project_id = world.project.pk
    member, grouped = world.users["member"], world.users["grouped"]
    many_filters = (
        "status:open assignee:me creator:usr category:Bugs color:yellow column:Backlog "
        "comment:note swimlane:Default tag:alpha link:milestone subtask:assignee:usr "
        "reference:R* priority:>=0 score:0 id:1 project:P description:d search:fix Fix "
        "tag:none category:none"
    )
    with override_settings(READ_CACHE_BYTES=0), CaptureQueriesContext(connection) as captured:
        get_board(project_id, Caller(member))
        get_board(project_id, Caller(grouped))  # the role through a group
        get_board(project_id, Caller(None))
        get_all_tasks(project_id, 1)
        search_tasks(project_id, many_filters, Caller(member))
        search_tasks(project_id, "assignee:usr creator:nobody", Caller(None))
    read = {table for query in captured.captured_queries for table in tables_in(query["sql"])}

    assert {"tasks", "users", "comments", "group_has_users", "settings"} <= read
    assert read - tables_with_triggers() == set()
