"""/readyz: database, migrations and file storage, named when one fails."""

from __future__ import annotations

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

from operations.readiness import forget_migration_check


@pytest.fixture(autouse=True)
def _fresh_migration_check():
    forget_migration_check()
    yield
    forget_migration_check()


def readyz():
    return Client().get("/readyz")


def test_ready_when_every_check_passes(db, settings, tmp_path):
    settings.FILE_STORAGE_DIR = tmp_path / "files"

    response = readyz()

    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "file_storage": "ok"},
        "failing": [],
    }
    assert response["Cache-Control"] == "no-store"
    assert list((tmp_path / "files").iterdir()) == []  # the probe is removed


def test_an_unwritable_file_storage_is_named(db, settings, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    settings.FILE_STORAGE_DIR = tmp_path / "a-file" / "files"

    response = readyz()

    assert response.status_code == 503
    assert response.json()["failing"] == ["file_storage"]
    assert response.json()["checks"]["file_storage"] == "failing"


def test_an_unapplied_migration_is_named(db, settings, tmp_path):
    settings.FILE_STORAGE_DIR = tmp_path
    MigrationRecorder.Migration.objects.filter(app="tasks").order_by("-id").first().delete()

    response = readyz()

    assert response.status_code == 503
    assert response.json()["failing"] == ["migrations"]


def test_the_files_storage_alias_is_probed_when_defined(db, settings, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    settings.FILE_STORAGE_DIR = tmp_path / "unused"
    storages = dict(settings.STORAGES)
    storages["files"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "a-file" / "files")},
    }
    settings.STORAGES = storages

    assert readyz().json()["failing"] == ["file_storage"]

    storages["files"]["OPTIONS"]["location"] = str(tmp_path / "files")
    settings.STORAGES = dict(storages)
    assert readyz().status_code == 200
    assert not (tmp_path / "unused").exists()
    assert list((tmp_path / "files").iterdir()) == []


def test_polling_costs_one_query_once_the_migrations_passed(
    db, settings, tmp_path, django_assert_num_queries
):
    settings.FILE_STORAGE_DIR = tmp_path
    assert readyz().status_code == 200

    with django_assert_num_queries(1):
        assert readyz().status_code == 200
