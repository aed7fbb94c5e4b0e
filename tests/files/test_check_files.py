"""manage.py check_files: rows without blob, blobs without row, --delete-orphans."""

from __future__ import annotations

import os
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from projects.models import ProjectFile
from tasks.models import TaskFile
from tests.files.conftest import b64, png, stored


def run(*args) -> tuple[str, int]:
    output = StringIO()
    try:
        call_command("check_files", *args, stdout=output)
    except CommandError as error:
        return output.getvalue(), error.returncode
    return output.getvalue(), 0


def age(path, minutes: int) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_a_consistent_storage_reports_nothing(rpc, world, upload):
    upload("a.png", png())
    rpc.call("createProjectFile", [world.project.pk, "p.txt", b64(b"p")])

    assert run() == ("0 row(s) without blob, 0 orphan blob(s), 0 deleted.\n", 0)


def test_a_new_installation_without_storage_folder_is_consistent(db, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "files": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "not-yet"},
        },
    }

    assert run()[1] == 0


def test_rows_without_blob_and_orphans_are_reported(rpc, world, task, upload, file_storage):
    missing = upload("gone.txt")
    (file_storage / TaskFile.objects.get(pk=missing).path).unlink()
    ProjectFile.objects.create(project=world.project, name="x", path="../outside")
    orphan = file_storage / "tasks" / "9" / "orphan"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x")

    output, status = run()

    assert status == 1
    assert f"missing blob: task file #{missing}" in output
    assert "missing blob: project file" in output and "'../outside'" in output
    assert "orphan blob: tasks/9/orphan" in output
    assert orphan.exists()


def test_delete_orphans_spares_young_blobs_and_used_ones(upload, file_storage):
    kept = TaskFile.objects.get(pk=upload("pic.png", png())).path
    old = file_storage / "projects" / "3" / "old"
    young = file_storage / "projects" / "3" / "young"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old")
    young.write_bytes(b"young")
    age(old, 90)

    output, status = run("--delete-orphans")

    assert "deleted blob: projects/3/old" in output and "orphan blob: projects/3/young" in output
    assert status == 1
    assert stored(file_storage) == sorted([kept, f"thumbnails/{kept}", "projects/3/young"])
    assert run("--delete-orphans", "--min-age", "0")[1] == 0
    assert stored(file_storage) == sorted([kept, f"thumbnails/{kept}"])


@pytest.mark.django_db(transaction=True)
def test_an_upload_failing_halfway_leaves_nothing_to_report(rpc, world, task, monkeypatch):
    from tasks import events

    def broken(event):
        raise RuntimeError("subscriber failed")

    monkeypatch.setitem(events._subscribers, events.TASK_FILE_CREATE, [broken])
    rpc.request("createTaskFile", [world.project.pk, task.pk, "a.png", b64(png())])

    assert run()[1] == 0
