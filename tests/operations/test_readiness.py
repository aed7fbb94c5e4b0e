"""/readyz: database, migrations and file storage, named when one fails."""

from __future__ import annotations

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from operations.readiness import forget_migration_check
from tests.operations.conftest import store_files_in


@pytest.fixture(autouse=True)
def _fresh_migration_check():
    forget_migration_check()
    yield
    forget_migration_check()


def readyz():
    return Client().get("/readyz")


def test_ready_when_every_check_passes(db, file_storage):
    response = readyz()

    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "file_storage": "ok"},
        "failing": [],
    }
    assert response["Cache-Control"] == "no-store"
    assert list(file_storage.iterdir()) == []  # the probe is removed


def test_an_unwritable_file_storage_is_named(db, settings, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    store_files_in(settings, tmp_path / "a-file" / "files")

    response = readyz()

    assert response.status_code == 503
    assert response.json()["failing"] == ["file_storage"]
    assert response.json()["checks"]["file_storage"] == "failing"


def test_an_unapplied_migration_is_named(db):
    MigrationRecorder.Migration.objects.filter(app="tasks").order_by("-id").first().delete()

    response = readyz()

    assert response.status_code == 503
    assert response.json()["failing"] == ["migrations"]


def test_polling_costs_one_query_once_the_migrations_passed(db, django_assert_num_queries):
    assert readyz().status_code == 200

    with django_assert_num_queries(1):
        assert readyz().status_code == 200
