"""TaskFileProcedure: exact shapes, ordering, downloads, removal and its blobs, events,
and the refusals of the User API."""

from __future__ import annotations

import base64
import hashlib
import re
import time

import pytest
from django.db import connection

from tasks import events
from tasks.models import ProjectActivity, Task, TaskFile
from tests.factories import TaskFactory
from tests.files.conftest import b64, png, stored

KEY = re.compile(r"tasks/(\d+)/[0-9a-f]{40}\Z")
FORBIDDEN = b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'


def test_get_task_file_has_kanboards_keys_order_and_types(rpc, task, upload):
    before = int(time.time())
    file_id = upload("notes.txt", b"hello world")

    found = rpc.call("getTaskFile", [file_id])

    assert list(found) == [
        "id", "name", "path", "is_image", "task_id", "date", "user_id", "size", "etag",
    ]  # fmt: skip
    path = found.pop("path")
    assert KEY.match(path) and KEY.match(path).group(1) == str(task.pk)
    assert found.pop("date") >= before
    assert found == {
        "id": file_id,
        "name": "notes.txt",
        "is_image": 0,
        "task_id": task.pk,
        "user_id": 0,
        "size": 11,
        "etag": hashlib.md5(path.encode()).hexdigest(),
    }


def test_a_real_png_is_an_image_with_kanboards_thumbnail(rpc, upload, file_storage):
    from PIL import Image

    file_id = upload("picture.PNG", png(40, 20))

    found = rpc.call("getTaskFile", [file_id])
    assert found["is_image"] == 1 and found["size"] == len(png(40, 20))
    with Image.open(file_storage / "thumbnails" / found["path"]) as thumbnail:
        assert (thumbnail.format, thumbnail.size, thumbnail.mode) == ("PNG", (250, 100), "RGBA")
    assert stored(file_storage) == sorted([found["path"], "thumbnails/" + found["path"]])


def test_get_all_task_files_lists_by_name_without_case_with_the_uploader(rpc, world, task, upload):
    member = world.users["member"]
    member.name = "Member Name"
    member.save()
    pic = upload("pic.png", png())
    lower = upload("b.txt", b"b")
    upper = upload("A.txt", b"a", as_=world["member"])
    mixed = upload("c.TXT", b"c")

    listed = rpc.call("getAllTaskFiles", [task.pk])

    assert [item["id"] for item in listed] == [upper, lower, mixed, pic]
    first = listed[0]
    assert list(first) == [
        "id", "name", "path", "is_image", "task_id", "date", "user_id", "size",
        "username", "user_name", "etag",
    ]  # fmt: skip
    assert (first["user_id"], first["username"], first["user_name"]) == (
        member.pk,
        "usr",
        "Member Name",
    )
    assert (listed[1]["user_id"], listed[1]["username"], listed[1]["user_name"]) == (0, None, None)
    assert (
        listed[3]["is_image"] == 1
        and first["etag"] == hashlib.md5(first["path"].encode()).hexdigest()
    )


def test_get_all_task_files_reads_the_uploaders_in_one_query(
    rpc, world, task, upload, django_assert_num_queries
):
    from rpc.formatters.files import task_files_in_list_form
    from tasks.files import files_of_task

    for persona in ("member", "manager", "app"):
        upload(f"{persona}.txt", as_=world[persona])

    with django_assert_num_queries(2):
        listed = task_files_in_list_form(files_of_task(task.pk))

    assert [item["username"] for item in listed] == [None, "mgr", "usr"]


def test_unknown_ids_answer_kanboards_failure_values(rpc, task):
    assert rpc.call("getTaskFile", [999]) is None
    assert rpc.call("getAllTaskFiles", [999]) == []
    assert rpc.call("downloadTaskFile", [999]) == ""
    assert rpc.call("removeTaskFile", [999]) is False
    assert rpc.call("removeAllTaskFiles", [999]) is True
    assert rpc.call("removeAllTaskFiles", [task.pk]) is True


def test_download_answers_the_bytes_in_base64(rpc, upload):
    content = bytes(range(256)) * 4
    file_id = upload("binary.bin", content)

    assert base64.b64decode(rpc.call("downloadTaskFile", [file_id])) == content


def test_same_name_twice_in_one_second_keeps_both_blobs(rpc, upload):
    first = upload("same.txt", b"first")
    second = upload("same.txt", b"second")

    paths = {rpc.call("getTaskFile", [i])["path"] for i in (first, second)}
    assert len(paths) == 2
    assert rpc.call("downloadTaskFile", [first]) == b64(b"first")
    assert rpc.call("removeTaskFile", [second]) is True
    assert rpc.call("downloadTaskFile", [first]) == b64(b"first")


@pytest.mark.django_db(transaction=True)
def test_remove_deletes_the_row_then_the_blob_and_thumbnail(rpc, upload, file_storage):
    file_id = upload("pic.jpg", png())
    assert len(stored(file_storage)) == 2

    assert rpc.call("removeTaskFile", [file_id]) is True

    assert not TaskFile.objects.exists()
    assert stored(file_storage) == []
    assert rpc.call("removeTaskFile", [file_id]) is False


@pytest.mark.django_db(transaction=True)
def test_remove_all_deletes_every_file_of_the_task_only(rpc, world, task, upload, file_storage):
    other = TaskFactory(project=world.project)
    upload("a.txt")
    upload("b.png", png())
    kept = upload("c.txt", b"kept", task_id=other.pk)

    assert rpc.call("removeAllTaskFiles", [task.pk]) is True

    assert list(TaskFile.objects.values_list("pk", flat=True)) == [kept]
    assert stored(file_storage) == [rpc.call("getTaskFile", [kept])["path"]]


def test_the_blob_goes_only_after_commit(
    rpc, upload, file_storage, django_capture_on_commit_callbacks
):
    from tasks.files import remove_task_file

    file_id = upload()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert remove_task_file(file_id) is True
    assert len(stored(file_storage)) == 1  # not committed yet
    for callback in callbacks:
        callback()
    assert stored(file_storage) == []


@pytest.mark.django_db(transaction=True)
def test_a_failed_commit_keeps_the_blob(upload, file_storage, monkeypatch):
    from django.db import transaction

    from tasks.files import remove_task_file

    file_id = upload()
    with pytest.raises(RuntimeError), transaction.atomic():
        remove_task_file(file_id)
        raise RuntimeError("the outer transaction fails")

    assert TaskFile.objects.filter(pk=file_id).exists()
    assert len(stored(file_storage)) == 1


@pytest.mark.django_db(transaction=True)
def test_a_duplicated_tasks_file_shares_the_blob_until_the_last_row(
    rpc, world, task, upload, file_storage
):
    original = upload("shared.txt", b"shared")
    copy_task = rpc.call("duplicateTaskToProject", [task.pk, world.project.pk])
    (copy,) = rpc.call("getAllTaskFiles", [copy_task])
    assert copy["path"] == rpc.call("getTaskFile", [original])["path"]

    assert rpc.call("removeTaskFile", [copy["id"]]) is True
    assert rpc.call("downloadTaskFile", [original]) == b64(b"shared")
    assert rpc.call("removeTask", [task.pk]) is True
    assert stored(file_storage) == []


def test_a_missing_blob_downloads_as_empty_and_removes_cleanly(rpc, upload, file_storage):
    file_id = upload()
    (file_storage / rpc.call("getTaskFile", [file_id])["path"]).unlink()

    assert rpc.call("downloadTaskFile", [file_id]) == ""
    assert rpc.call("getTaskFile", [file_id])["id"] == file_id
    assert rpc.call("removeTaskFile", [file_id]) is True


def test_an_unreadable_blob_downloads_as_empty(rpc, task, file_storage):
    (file_storage / "tasks" / "folder").mkdir(parents=True)
    file = TaskFile.objects.create(task=task, name="x", path="tasks/folder")

    assert rpc.call("downloadTaskFile", [file.pk]) == ""


@pytest.mark.parametrize("path", ["../../settings.py", "/etc/passwd", "tasks/../../x", "a\\b"])
@pytest.mark.django_db(transaction=True)
def test_a_path_outside_the_storage_is_never_followed(rpc, task, file_storage, path):
    outside = file_storage.parent / "settings.py"
    outside.write_text("secret")
    file = TaskFile.objects.create(task=task, name="x", path=path)

    assert rpc.call("downloadTaskFile", [file.pk]) == ""
    assert rpc.call("removeTaskFile", [file.pk]) is True
    assert outside.read_text() == "secret"


def test_events_and_activity_for_a_user(rpc, world, task, upload, monkeypatch):
    seen = []
    monkeypatch.setitem(
        events._subscribers,
        events.TASK_FILE_CREATE,
        [*events._subscribers[events.TASK_FILE_CREATE], lambda e: seen.append(e.name)],
    )
    monkeypatch.setitem(
        events._subscribers,
        events.TASK_FILE_DESTROY,
        [*events._subscribers[events.TASK_FILE_DESTROY], lambda e: seen.append(e.name)],
    )
    file_id = upload("report.txt", as_=world["member"])
    assert rpc.call("removeTaskFile", [file_id], as_=world["member"]) is True
    upload("by-app.txt")

    assert seen == ["task.file.create", "task.file.destroy", "task.file.create"]
    activity = rpc.call("getProjectActivity", [world.project.pk])
    assert [event["event_name"] for event in activity] == ["task.file.destroy", "task.file.create"]
    created = activity[1]
    assert created["event_title"] == f"usr attached a file to the task #{task.pk}"
    assert created["file"]["name"] == "report.txt" and created["file"]["id"] == file_id
    assert list(created["file"]) == [
        "id", "name", "path", "is_image", "task_id", "date", "user_id", "size", "etag",
    ]  # fmt: skip


def test_the_application_leaves_no_activity(rpc, upload):
    rpc.call("removeTaskFile", [upload()])

    assert not ProjectActivity.objects.exists()


# Refusals through the User API.


def test_a_viewer_reads_but_cannot_write(rpc, world, task, upload):
    file_id = upload()
    viewer = world["viewer"]

    assert rpc.call("getTaskFile", [file_id], as_=viewer)["id"] == file_id
    assert len(rpc.call("getAllTaskFiles", [task.pk], as_=viewer)) == 1
    assert rpc.call("downloadTaskFile", [file_id], as_=viewer) == b64(b"hello")
    for method, params in (
        ("createTaskFile", [world.project.pk, task.pk, "v.txt", b64(b"v")]),
        ("removeTaskFile", [file_id]),
        ("removeAllTaskFiles", [task.pk]),
    ):
        reply = rpc.request(method, params, as_=viewer)
        assert (reply.status, reply.body) == (403, FORBIDDEN), method
    assert TaskFile.objects.count() == 1


def test_a_member_writes(rpc, world, task, upload):
    file_id = upload(as_=world["member"])

    assert rpc.call("getTaskFile", [file_id], as_=world["member"])["user_id"] == (
        world.users["member"].pk
    )
    assert rpc.call("removeTaskFile", [file_id], as_=world["member"]) is True


@pytest.mark.parametrize(
    "method", ["getTaskFile", "downloadTaskFile", "removeTaskFile", "getAllTaskFiles"]
)
def test_an_outsider_is_refused(rpc, world, task, upload, method):
    file_id = upload()
    param = task.pk if method == "getAllTaskFiles" else file_id

    reply = rpc.request(method, [param], as_=world["outsider"])

    assert (reply.status, reply.body) == (403, FORBIDDEN)
    assert TaskFile.objects.filter(pk=file_id).exists()


def test_files_of_another_project_are_refused(rpc, world, foreign_task):
    foreign = rpc.call(
        "createTaskFile", [foreign_task.project_id, foreign_task.pk, "q.txt", b64(b"q")]
    )
    member = world["member"]

    for method, params in (
        ("getTaskFile", [foreign]),
        ("downloadTaskFile", [foreign]),
        ("removeTaskFile", [foreign]),
        ("getAllTaskFiles", [foreign_task.pk]),
        ("removeAllTaskFiles", [foreign_task.pk]),
        ("createTaskFile", [foreign_task.project_id, foreign_task.pk, "x.txt", b64(b"x")]),
    ):
        assert rpc.request(method, params, as_=member).status == 403, method
    assert rpc.call("downloadTaskFile", [foreign], as_=world["manager"]) == b64(b"q")


def test_a_task_of_another_project_answers_false_and_stores_nothing(
    rpc, world, foreign_task, file_storage
):
    """Kanboard checks the named project (the member's own), then that the task is in
    it: false, no 403 (security.md B14)."""
    for task_id in (foreign_task.pk, 999):
        result = rpc.call(
            "createTaskFile", [world.project.pk, task_id, "x.txt", b64(b"x")], as_=world["member"]
        )
        assert result is False
    assert not TaskFile.objects.exists()
    assert stored(file_storage) == []


@pytest.mark.django_db(transaction=True)
def test_concurrent_removals_remove_once(concurrently_files, upload):
    file_id = upload()

    results = concurrently_files("removeTaskFile", [file_id], 2)

    assert sorted(results) == [False, True]


@pytest.fixture
def concurrently_files(seeded):
    import threading

    from accounts.config import get_config
    from tests.conftest import Credentials, RpcClient

    def run(method, params, times):
        app = Credentials("jsonrpc", get_config("api_token"))
        results, start = [], threading.Barrier(times)

        def call():
            try:
                start.wait()
                results.append(RpcClient(app).call(method, params))
            finally:
                connection.close()

        threads = [threading.Thread(target=call) for _ in range(times)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    return run


def test_removing_a_task_removes_its_files_and_blobs(
    rpc, task, upload, file_storage, django_capture_on_commit_callbacks
):
    upload()
    with django_capture_on_commit_callbacks(execute=True):
        assert rpc.call("removeTask", [task.pk]) is True

    assert not Task.objects.filter(pk=task.pk).exists()
    assert stored(file_storage) == []


def test_a_blob_saved_under_a_kanboard_key_keeps_its_name(file_storage):
    """What an import of Kanboard's files folder relies on: the key given is the key kept,
    even when a blob of that key exists already."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    key = "tasks/7/c5ff38d2c567aefdffb3216878ee25a4472397b7"

    assert storages["files"].save(key, ContentFile(b"imported")) == key
    assert storages["files"].save(key, ContentFile(b"again")) == key
    assert stored(file_storage) == [key]
    assert (file_storage / key).read_bytes() == b"again"
