"""manage.py backup: SQLite's online backup to a new file."""

from __future__ import annotations

import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.factories import UserFactory

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's backup")


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_the_copy_is_a_consistent_database_with_the_data(tmp_path):
    UserFactory(username="kept-in-backup")

    call_command("backup", str(tmp_path / "copy.sqlite3"), stdout=None)

    assert [path.name for path in tmp_path.iterdir()] == ["copy.sqlite3"]
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = {row[0] for row in copy.execute("SELECT username FROM users")}
    finally:
        copy.close()
    assert "kept-in-backup" in names


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_directory_receives_a_dated_file(tmp_path):
    call_command("backup", str(tmp_path))

    (backup,) = tmp_path.iterdir()
    assert backup.name.startswith("kanboard-") and backup.suffix == ".sqlite3"


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / "copy.sqlite3").write_text("precious")

    with pytest.raises(CommandError, match="exists"):
        call_command("backup", str(tmp_path / "copy.sqlite3"))

    assert (tmp_path / "copy.sqlite3").read_text() == "precious"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_on_postgresql_the_command_points_to_pg_dump(db, tmp_path):
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup", str(tmp_path / "copy"))
