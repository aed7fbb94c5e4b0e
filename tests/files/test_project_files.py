"""ProjectFileProcedure: exact shapes, forged project/file pairs, removal and events."""

from __future__ import annotations

import hashlib
import re

import pytest

from projects import events
from projects.models import ProjectFile
from tests.factories import ProjectFactory
from tests.files.conftest import b64, png, stored

KEY = re.compile(r"projects/(\d+)/[0-9a-f]{40}\Z")
FORBIDDEN = b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'


def test_get_project_file_has_kanboards_keys_order_and_types(rpc, world, upload_to_project):
    file_id = upload_to_project("My file.txt", b"content")

    found = rpc.call("getProjectFile", [world.project.pk, file_id])

    assert list(found) == [
        "id", "project_id", "name", "path", "is_image", "size", "user_id", "date", "etag",
    ]  # fmt: skip
    assert KEY.match(found["path"]).group(1) == str(world.project.pk)
    assert isinstance(found["date"], int)
    assert {k: found[k] for k in ("id", "project_id", "name", "is_image", "size", "user_id")} == {
        "id": file_id,
        "project_id": world.project.pk,
        "name": "My file.txt",
        "is_image": 0,
        "size": 7,
        "user_id": 0,
    }
    assert found["etag"] == hashlib.md5(found["path"].encode()).hexdigest()


def test_get_all_project_files_lists_by_name_without_case(rpc, world, upload_to_project):
    zeta = upload_to_project("Zeta.txt")
    alpha = upload_to_project("alpha.png", png(), as_=world["member"])

    listed = rpc.call("getAllProjectFiles", [world.project.pk])

    assert [item["id"] for item in listed] == [alpha, zeta]
    assert list(listed[0]) == [
        "id", "name", "path", "is_image", "project_id", "date", "user_id", "size",
        "username", "user_name", "etag",
    ]  # fmt: skip
    assert (listed[0]["is_image"], listed[0]["username"], listed[0]["user_name"]) == (1, "usr", "")
    assert (listed[1]["username"], listed[1]["user_name"]) == (None, None)


def test_download_and_remove(rpc, world, upload_to_project, file_storage):
    file_id = upload_to_project("pic.gif", png())
    assert len(stored(file_storage)) == 2

    assert rpc.call("downloadProjectFile", [world.project.pk, file_id]) == b64(png())
    assert rpc.call("removeProjectFile", [world.project.pk, file_id]) is True
    assert rpc.call("removeProjectFile", [world.project.pk, file_id]) is False


@pytest.mark.django_db(transaction=True)
def test_remove_all_removes_the_projects_files_and_blobs(
    rpc, world, upload_to_project, file_storage
):
    other = ProjectFactory()
    upload_to_project("a.txt")
    upload_to_project("b.png", png())
    kept = upload_to_project("c.txt", project_id=other.pk)

    assert rpc.call("removeAllProjectFiles", [world.project.pk]) is True
    assert rpc.call("removeAllProjectFiles", [world.project.pk]) is True

    assert list(ProjectFile.objects.values_list("pk", flat=True)) == [kept]
    assert stored(file_storage) == [ProjectFile.objects.get().path]


@pytest.mark.django_db(transaction=True)
def test_removing_the_project_removes_its_blobs(rpc, world, upload_to_project, file_storage):
    upload_to_project()

    assert rpc.call("removeProject", [world.project.pk]) is True

    assert stored(file_storage) == []


def test_unknown_ids_answer_kanboards_failure_values(rpc, world):
    project_id = world.project.pk
    assert rpc.call("getProjectFile", [project_id, 999]) is False
    assert rpc.call("getAllProjectFiles", [project_id]) == []
    assert rpc.call("downloadProjectFile", [project_id, 999]) == ""
    assert rpc.call("removeProjectFile", [project_id, 999]) is False
    assert rpc.call("removeAllProjectFiles", [project_id]) is True


@pytest.mark.parametrize("project_id", [0, -1, "abc"])
def test_an_id_that_names_no_folder_is_kanboards_error(rpc, project_id, file_storage):
    error = rpc.error("createProjectFile", [project_id, "a.txt", b64(b"x")])

    assert error == {"code": 0, "message": "Invalid ID provided for file path generation"}
    assert stored(file_storage) == []


def test_an_unknown_project_answers_false_and_stores_nothing(rpc, file_storage):
    assert rpc.call("createProjectFile", [999, "a.txt", b64(b"x")]) is False
    assert stored(file_storage) == []


def test_a_forged_project_and_file_pair_is_refused(rpc, world, foreign_project):
    """security.md B15: the file of Q through the member's own project P."""
    foreign = rpc.call("createProjectFile", [foreign_project.pk, "q.txt", b64(b"q")])
    member, project_id = world["member"], world.project.pk

    assert rpc.call("getProjectFile", [project_id, foreign], as_=member) is False
    assert rpc.call("downloadProjectFile", [project_id, foreign], as_=member) == ""
    assert rpc.call("removeProjectFile", [project_id, foreign], as_=member) is False
    assert rpc.call("downloadProjectFile", [foreign_project.pk, foreign], as_=world["manager"]) == (
        b64(b"q")
    )


def test_the_other_projects_own_procedures_are_refused(rpc, world, foreign_project):
    foreign = rpc.call("createProjectFile", [foreign_project.pk, "q.txt", b64(b"q")])
    for method, params in (
        ("getAllProjectFiles", [foreign_project.pk]),
        ("getProjectFile", [foreign_project.pk, foreign]),
        ("downloadProjectFile", [foreign_project.pk, foreign]),
        ("createProjectFile", [foreign_project.pk, "x.txt", b64(b"x")]),
        ("removeProjectFile", [foreign_project.pk, foreign]),
        ("removeAllProjectFiles", [foreign_project.pk]),
    ):
        reply = rpc.request(method, params, as_=world["member"])
        assert (reply.status, reply.body) == (403, FORBIDDEN), method
    assert ProjectFile.objects.filter(pk=foreign).exists()


def test_a_viewer_reads_but_cannot_write(rpc, world, upload_to_project):
    file_id = upload_to_project()
    viewer, project_id = world["viewer"], world.project.pk

    assert rpc.call("getProjectFile", [project_id, file_id], as_=viewer)["id"] == file_id
    assert rpc.call("downloadProjectFile", [project_id, file_id], as_=viewer) == b64(b"hello")
    for method, params in (
        ("createProjectFile", [project_id, "v.txt", b64(b"v")]),
        ("removeProjectFile", [project_id, file_id]),
        ("removeAllProjectFiles", [project_id]),
    ):
        assert rpc.request(method, params, as_=viewer).status == 403, method
    assert ProjectFile.objects.count() == 1


def test_project_file_events_carry_the_row(rpc, world, upload_to_project):
    seen = []

    def record(event):
        seen.append((event.name, event.project_id, event.actor_id, event.data["file"]["name"]))

    events.subscribe(events.PROJECT_FILE_CREATE, events.PROJECT_FILE_DESTROY)(record)
    try:
        file_id = upload_to_project("a.txt", as_=world["member"])
        rpc.call("removeProjectFile", [world.project.pk, file_id])
    finally:
        events.unsubscribe(record)

    member_id = world.users["member"].pk
    assert seen == [
        ("project.file.create", world.project.pk, member_id, "a.txt"),
        ("project.file.destroy", world.project.pk, 0, "a.txt"),
    ]
