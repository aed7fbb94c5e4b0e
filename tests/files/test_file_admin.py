"""Files in the Django admin: listed under their task and project, downloadable by
app-admins, removed through the domain (rows, then blobs after commit)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import ProjectFile
from tasks.models import TaskFile
from tests.factories import PASSWORD, UserFactory
from tests.files.conftest import b64, png, stored


@pytest.fixture
def admin_client(seeded):
    UserFactory(username="boss", role="app-admin")
    client = Client(HTTP_HOST="localhost")
    assert client.login(username="boss", password=PASSWORD)
    return client


def download_url(file) -> str:
    info = (file._meta.app_label, file._meta.model_name)
    return reverse("admin:{}_{}_download".format(*info), args=[file.pk])


def test_the_changelist_shows_name_size_uploader_date_and_a_download_link(
    admin_client, world, upload
):
    file = TaskFile.objects.get(pk=upload("report.txt", as_=world["member"]))

    page = admin_client.get(reverse("admin:tasks_taskfile_changelist")).content.decode()

    assert "report.txt" in page and "usr" in page and download_url(file) in page


def test_files_appear_on_their_task_and_project_pages(admin_client, world, task, upload, rpc):
    upload("on-task.txt")
    rpc.call("createProjectFile", [world.project.pk, "on-project.txt", b64(b"p")])

    task_page = admin_client.get(reverse("admin:tasks_task_change", args=[task.pk]))
    project_page = admin_client.get(
        reverse("admin:projects_project_change", args=[world.project.pk])
    )

    assert b"on-task.txt" in task_page.content
    assert b"on-project.txt" in project_page.content


def test_an_app_admin_downloads_the_bytes_as_an_attachment(admin_client, upload):
    file = TaskFile.objects.get(pk=upload("evil\r\nSet-Cookie: x=1\u202e.png", png()))

    response = admin_client.get(download_url(file))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png()
    assert response["Content-Type"] == "application/octet-stream"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition and "\u202e" not in disposition
    assert "Set-Cookie" not in response


def test_a_project_file_downloads_too(admin_client, rpc, world):
    file_id = rpc.call("createProjectFile", [world.project.pk, "p.txt", b64(b"project")])

    response = admin_client.get(download_url(ProjectFile.objects.get(pk=file_id)))

    assert b"".join(response.streaming_content) == b"project"


def test_a_missing_blob_or_a_path_outside_the_storage_is_not_found(
    admin_client, task, upload, file_storage
):
    file = TaskFile.objects.get(pk=upload())
    (file_storage / file.path).unlink()
    outside = TaskFile.objects.create(task=task, name="x", path="../secret")

    assert admin_client.get(download_url(file)).status_code == 404
    assert admin_client.get(download_url(outside)).status_code == 404


@pytest.mark.parametrize("role", ["app-manager", "app-user"])
def test_other_users_cannot_download(seeded, upload, role):
    UserFactory(username="someone", role=role)
    client = Client(HTTP_HOST="localhost")
    client.login(username="someone", password=PASSWORD)
    file = TaskFile.objects.get(pk=upload())

    response = client.get(download_url(file))

    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db(transaction=True)
def test_deleting_in_the_admin_goes_through_the_domain(admin_client, upload, file_storage):
    file = TaskFile.objects.get(pk=upload("pic.png", png()))
    url = reverse("admin:tasks_taskfile_delete", args=[file.pk])

    response = admin_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not TaskFile.objects.exists()
    assert stored(file_storage) == []


@pytest.mark.django_db(transaction=True)
def test_the_delete_action_removes_project_files_with_their_blobs(
    admin_client, rpc, world, file_storage
):
    ids = [
        rpc.call("createProjectFile", [world.project.pk, name, b64(b"x")])
        for name in ("a.txt", "b.txt")
    ]

    admin_client.post(
        reverse("admin:projects_projectfile_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )

    assert not ProjectFile.objects.exists()
    assert stored(file_storage) == []


def test_files_are_not_added_or_edited_in_the_admin(admin_client, upload):
    file = TaskFile.objects.get(pk=upload())

    assert admin_client.get(reverse("admin:tasks_taskfile_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:tasks_taskfile_change", args=[file.pk]), {"name": "renamed"}
    )
    assert response.status_code == 403
    assert TaskFile.objects.get(pk=file.pk).name == "a.txt"
