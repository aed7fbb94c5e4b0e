"""manage.py import_kanboard: a Kanboard database and its files, brought over losslessly."""

from __future__ import annotations

import io
import sqlite3

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import CommandError
from django.core.management.base import OutputWrapper

from accounts.models import Setting, User
from kanboard_import.errors import ImportRefused
from kanboard_import.management.commands.import_kanboard import TableProgress
from kanboard_import.source import SUPPORTED_SCHEMA_VERSION
from kanboard_import.tables import IMPORTED, TableMap
from kanboard_import.verify import verify_row_counts
from projects.models import Project, ProjectFile
from tasks.models import Link, Task, TaskFile
from tests.conftest import Credentials, RpcClient
from tests.factories import ProjectFactory
from tests.kanboard_import.conftest import (
    KANBOARD_FILES,
    change_source,
    import_kanboard,
)

pytestmark = pytest.mark.usefixtures("seeded")

KANBOARD_APP_TOKEN = "test"  # the application token of the Kanboard that made the fixture


def source_rows(path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        rows = db.execute(query).fetchall()
    db.close()
    return rows


def kanboard_rpc() -> RpcClient:
    return RpcClient(Credentials("jsonrpc", KANBOARD_APP_TOKEN))


def test_every_row_of_every_table_arrives_with_its_id(kanboard_db, file_storage):
    import_kanboard(kanboard_db, "--files", KANBOARD_FILES)

    for table in IMPORTED:
        (count,) = source_rows(kanboard_db, f'SELECT count(*) FROM "{table.table}"')[0]
        if table.model is Setting:
            continue
        assert table.model.objects.count() == count, table.table
    for model, table in [(Task, "tasks"), (User, "users"), (Project, "projects")]:
        ids = [row[0] for row in source_rows(kanboard_db, f"SELECT id FROM {table} ORDER BY id")]
        assert list(model.objects.order_by("id").values_list("id", flat=True)) == ids
    settings = dict(Setting.objects.values_list("option", "value"))
    for option, value in source_rows(kanboard_db, "SELECT option, value FROM settings"):
        assert settings[option] == value, option
    assert settings["application_url"] == "https://kanboard.example.com/"


def test_tasks_keep_every_column(kanboard_db, file_storage):
    import_kanboard(kanboard_db)

    columns = [field.column for field in Task._meta.concrete_fields]
    source = source_rows(kanboard_db, f"SELECT {', '.join(columns)} FROM tasks ORDER BY id")
    imported = list(
        Task.objects.order_by("id").values_list(*[f.attname for f in Task._meta.concrete_fields])
    )
    assert [tuple(map(normalize, row)) for row in imported] == [
        tuple(map(normalize, row)) for row in source
    ]


def normalize(value):
    """SQLite's 0/1 flags and whole NUMERIC values against this server's bools and floats."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def test_users_log_in_with_their_kanboard_passwords_and_tokens(kanboard_db, file_storage):
    import_kanboard(kanboard_db)
    rpc = kanboard_rpc()

    assert rpc.call("getMe", as_=Credentials("alice", "alice-password-1"))["username"] == "alice"
    assert rpc.call("getMe", as_=Credentials("bob", "b" * 60))["username"] == "bob"
    assert rpc.status("getMe", as_=Credentials("alice", "wrong")) == 401
    assert rpc.call("getVersion") == "1.2.53"


def test_the_application_token_is_kept_unless_the_environment_overrides_it(
    kanboard_db, file_storage, settings
):
    import_kanboard(kanboard_db)

    assert kanboard_rpc().status("getVersion") == 200
    settings.API_AUTHENTICATION_TOKEN = "f" * 40
    assert kanboard_rpc().status("getVersion") == 401


def test_lockout_two_factor_and_legacy_admin_flag_are_kept(kanboard_db, file_storage):
    change_source(kanboard_db, "UPDATE users SET lock_expiration_date = 4102444800 WHERE id = 5")

    import_kanboard(kanboard_db)

    dave = User.objects.get(username="dave")
    assert (dave.nb_failed_login, dave.lock_expiration_date) == (7, 4102444800)
    # Locked: even the right password is refused, as Kanboard refuses it.
    assert kanboard_rpc().status("getMe", as_=Credentials("dave", "dave-password-1")) == 401
    carol = kanboard_rpc().call("getUserByName", {"username": "carol"})
    assert (carol["twofactor_activated"], carol["twofactor_secret"]) == (1, "JBSWY3DPEHPK3PXP")
    assert kanboard_rpc().call("getUser", {"user_id": 1})["is_admin"] == 1


def test_files_are_copied_under_kanboards_paths_with_their_thumbnails(kanboard_db, file_storage):
    out = import_kanboard(kanboard_db, "--files", KANBOARD_FILES)

    paths = [
        *TaskFile.objects.values_list("path", flat=True),
        *ProjectFile.objects.values_list("path", flat=True),
    ]
    assert len(paths) == 15
    for path in paths:
        assert (file_storage / path).read_bytes() == (KANBOARD_FILES / path).read_bytes()
    thumbnails = sorted(
        p.relative_to(KANBOARD_FILES)
        for p in (KANBOARD_FILES / "thumbnails").rglob("*")
        if p.is_file()
    )
    assert thumbnails and all((file_storage / t).is_file() for t in thumbnails)
    assert f"Files copied: 15 (thumbnails: {len(thumbnails)})" in out


def test_without_files_folder_the_rows_come_and_the_summary_says_so(kanboard_db, file_storage):
    out = import_kanboard(kanboard_db)

    assert TaskFile.objects.count() == 12
    assert "15 files not copied: give Kanboard's data/files folder with --files" in out
    assert not file_storage.exists()


def test_a_file_missing_from_the_folder_is_reported_by_name(kanboard_db, file_storage, tmp_path):
    files = tmp_path / "kanboard-files"
    import shutil

    shutil.copytree(KANBOARD_FILES, files)
    missing = TaskFile._meta.db_table
    (path,) = source_rows(kanboard_db, f"SELECT path FROM {missing} WHERE id = 2")[0]
    (files / path).unlink()

    out = import_kanboard(kanboard_db, "--files", files)

    assert f"Missing from the files folder: {path}" in out
    assert "Files copied: 14" in out


def test_new_objects_get_ids_after_the_imported_ones(kanboard_db, file_storage):
    import_kanboard(kanboard_db)
    highest_task = Task.objects.order_by("-id").first().id
    rpc = kanboard_rpc()

    task_id = rpc.call("createTask", {"title": "after", "project_id": 1})
    user_id = rpc.call("createUser", {"username": "newcomer", "password": "secret123"})
    link_id = rpc.call("createLink", {"label": "newer"})

    assert task_id == highest_task + 1
    assert user_id == 9
    assert link_id == 15


def test_a_deleted_id_is_not_handed_out_again(kanboard_db, file_storage):
    import_kanboard(kanboard_db)
    rpc = kanboard_rpc()
    highest = Task.objects.order_by("-id").first().id

    assert rpc.call("removeTask", {"task_id": highest}) is True
    assert rpc.call("createTask", {"title": "after", "project_id": 1}) == highest + 1


def test_ids_continue_after_the_highest_one_sqlite_sequence_records(kanboard_db, file_storage):
    # A source whose tasks table once handed out id 500 (AUTOINCREMENT keeps the record).
    change_source(
        kanboard_db,
        "CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT)",
        "INSERT INTO sqlite_sequence (name, seq) VALUES ('tasks', 500)",
    )
    import_kanboard(kanboard_db)

    assert kanboard_rpc().call("createTask", {"title": "after", "project_id": 1}) == 501


def test_what_this_server_cannot_hold_is_reported_by_name_and_count(kanboard_db, file_storage):
    change_source(
        kanboard_db,
        "UPDATE project_has_users SET is_owner = 1 WHERE user_id = 2 AND project_id = 1",
    )

    out = import_kanboard(kanboard_db)

    assert "Not kept: project_role_has_restrictions, 1 rows" in out
    assert "Not kept: column_has_restrictions, 1 rows" in out
    assert "Not kept: project_has_users.is_owner, 1 rows" in out


def test_null_where_this_server_needs_a_value_is_counted(kanboard_db, file_storage):
    change_source(kanboard_db, "UPDATE tasks SET owner_id = NULL WHERE id IN (1, 2)")

    out = import_kanboard(kanboard_db)

    assert "tasks.owner_id: 2 empty values" in out
    assert Task.objects.get(pk=1).owner_id == 0


def test_progress_summary_and_time_are_printed(kanboard_db, file_storage):
    out = import_kanboard(kanboard_db)

    assert "  tasks                                34 rows" in out
    assert f"Kanboard schema version {SUPPORTED_SCHEMA_VERSION}:" in out
    assert "rows imported" in out
    assert out.rstrip().splitlines()[-1].startswith("Done in ")


def test_dry_run_validates_everything_and_writes_nothing(kanboard_db, file_storage):
    out = import_kanboard(kanboard_db, "--files", KANBOARD_FILES, "--dry-run")

    assert "rows would be imported" in out
    assert "Dry run: nothing was written." in out
    assert Task.objects.count() == 0
    assert list(User.objects.values_list("username", flat=True)) == ["admin"]
    assert Link.objects.count() == 11
    assert not file_storage.exists() or not any(file_storage.rglob("*"))


def test_a_database_that_is_not_empty_is_refused(kanboard_db, file_storage):
    ProjectFactory(name="Already here")

    with pytest.raises(CommandError, match=r"not empty: projects \(1 rows\)"):
        import_kanboard(kanboard_db)

    assert Task.objects.count() == 0


def test_another_schema_version_is_refused_naming_both(kanboard_db, file_storage):
    change_source(kanboard_db, "PRAGMA user_version = 127")

    with pytest.raises(CommandError, match="schema version 127 found, 128 expected"):
        import_kanboard(kanboard_db)


def test_a_file_that_is_not_a_kanboard_database_is_refused(tmp_path, file_storage):
    not_kanboard = tmp_path / "notes.txt"
    not_kanboard.write_text("hello")

    with pytest.raises(CommandError, match="not a SQLite database"):
        import_kanboard(not_kanboard)


def test_a_refused_row_is_named_and_nothing_stays(kanboard_db, file_storage):
    change_source(
        kanboard_db, "PRAGMA foreign_keys = OFF", "UPDATE tasks SET swimlane_id = 99 WHERE id = 20"
    )

    with pytest.raises(
        CommandError,
        match=r"table tasks, row \(id=20, .*swimlane_id 99 does not exist in swimlanes",
    ):
        import_kanboard(kanboard_db, "--files", KANBOARD_FILES)

    assert User.objects.count() == 1 and Project.objects.count() == 0
    assert not file_storage.exists() or not any(p.is_file() for p in file_storage.rglob("*"))


def test_a_row_the_database_refuses_is_named(kanboard_db, file_storage):
    # Kanboard's SQLite schema does not limit a column title; this server's does (255).
    change_source(kanboard_db, "UPDATE columns SET title = printf('%300s', 'x') WHERE id = 2")

    with pytest.raises(CommandError, match=r"table columns, row \(id=2, .*longer than 255"):
        import_kanboard(kanboard_db)


def test_a_duplicate_the_database_refuses_is_named(kanboard_db, file_storage):
    # Two tags of one project with one name: Kanboard's table without its unique index.
    change_source(
        kanboard_db,
        "PRAGMA foreign_keys = OFF",
        "CREATE TABLE loose_tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "project_id INTEGER NOT NULL, color_id TEXT DEFAULT NULL)",
        "INSERT INTO loose_tags SELECT * FROM tags",
        "INSERT INTO loose_tags (id, name, project_id) VALUES (90, 'backend', 1)",
        "DROP TABLE tags",
        "ALTER TABLE loose_tags RENAME TO tags",
    )

    with pytest.raises(CommandError, match=r"table tags, row \(id=90, name='backend'"):
        import_kanboard(kanboard_db)

    assert Task.objects.count() == 0


def test_the_check_before_commit_refuses_a_table_whose_count_differs():
    with pytest.raises(ImportRefused, match="tasks: 5 in the source, 0 here"):
        verify_row_counts({"tasks": 5}, [TableMap(Task)], set())


def test_on_a_terminal_each_table_gets_a_progress_bar():
    out = OutputWrapper(io.StringIO())
    progress = TableProgress(out, on_terminal=True)

    progress.start("tasks", 4)
    progress.advance(2)
    progress.finish("tasks", 4)

    text = out._out.getvalue()
    assert "\r  tasks" in text and "[" + "#" * 15 + "." * 15 + "] 2/4" in text
    assert text.endswith("  tasks                                 4 rows\n")


def test_a_database_used_in_the_django_admin_is_refused(kanboard_db, file_storage):
    LogEntry.objects.create(user_id=1, action_flag=1, object_repr="x")

    with pytest.raises(CommandError, match=r"not empty: django_admin_log \(1 rows\)"):
        import_kanboard(kanboard_db)
