"""A Kanboard 1.2.53 database made by Kanboard itself (``data/kanboard.sql``, rebuilt with
``python -m tests.kanboard_import.kanboard_dataset``), its files, and a file storage."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.kanboard_import.kanboard_dataset import load_database

DATA = Path(__file__).parent / "data"
KANBOARD_FILES = DATA / "files"


@pytest.fixture
def kanboard_db(tmp_path) -> Path:
    path = tmp_path / "db.sqlite"
    load_database((DATA / "kanboard.sql").read_text(), str(path))
    return path


def change_source(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    db.close()


@pytest.fixture
def file_storage(settings, tmp_path) -> Path:
    """STORAGES["files"] in an empty folder of its own."""
    location = tmp_path / "storage"
    settings.STORAGES = {
        **settings.STORAGES,
        "files": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location},
        },
    }
    return location


def import_kanboard(*args: str) -> str:
    out = io.StringIO()
    call_command("import_kanboard", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()
