"""Settings from the environment: small helpers that fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kanboard_site.settings import (
    BASE_DIR,
    database_from_url,
    env_bool,
    env_int,
    env_str,
    persistent_secret_key,
)


def test_no_url_means_a_sqlite_file_in_the_data_directory(tmp_path):
    database = database_from_url("", tmp_path)

    assert database["ENGINE"] == "kanboard_site.sqlite_backend"
    assert database["NAME"] == tmp_path / "kanboard.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["TEST"]["NAME"] == str(tmp_path / "test-kanboard.sqlite3")


def test_sqlite_urls_relative_and_absolute(tmp_path):
    assert (
        database_from_url("sqlite:///db/k.sqlite3", tmp_path)["NAME"] == BASE_DIR / "db/k.sqlite3"
    )
    assert database_from_url("sqlite:////var/k.sqlite3", tmp_path)["NAME"] == Path("/var/k.sqlite3")


def test_postgres_url(tmp_path):
    database = database_from_url("postgres://kb:p%40ss@db.example:6543/kanboard", tmp_path)

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("kanboard", "kb", "p@ss")
    assert (database["HOST"], database["PORT"]) == ("db.example", "6543")
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"] == {"server_side_binding": True, "prepare_threshold": 5}


def test_postgres_statements_are_not_prepared_when_the_threshold_is_zero(monkeypatch, tmp_path):
    monkeypatch.setenv("DB_PREPARE_THRESHOLD", "0")

    database = database_from_url("postgres://kb@db.example/kanboard", tmp_path)

    assert database["OPTIONS"]["prepare_threshold"] is None


@pytest.mark.django_db
def test_a_statement_run_again_and_again_is_prepared_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    with connection.cursor() as cursor:
        for _ in range(6):
            cursor.execute("SELECT COUNT(*) FROM tasks WHERE project_id = %s", [1])
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]

    assert "SELECT COUNT(*) FROM tasks WHERE project_id = $1" in prepared


@pytest.mark.parametrize("url", ["mysql://x@y/z", "postgres://x@y/", "ftp://nope"])
def test_unsupported_database_urls_fail_loudly(url, tmp_path):
    with pytest.raises(ImproperlyConfigured):
        database_from_url(url, tmp_path)


def test_env_bool_accepts_clear_words_only(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG") is False
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_fails_loudly(monkeypatch):
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="COUNT"):
        env_int("COUNT", 1)
    monkeypatch.delenv("COUNT")
    assert env_int("COUNT", 7) == 7


def test_secrets_can_come_from_files(monkeypatch, tmp_path):
    secret_file = tmp_path / "token"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("API_AUTHENTICATION_TOKEN_FILE", str(secret_file))

    assert env_str("API_AUTHENTICATION_TOKEN") == "from-a-file"

    monkeypatch.setenv("API_AUTHENTICATION_TOKEN_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured):
        env_str("API_AUTHENTICATION_TOKEN")


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)

    first = persistent_secret_key(tmp_path)

    assert len(first) >= 50
    assert persistent_secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
