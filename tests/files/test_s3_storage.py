"""The S3 backend (django-storages) against a real S3-compatible server: moto's
standalone server, started once for the session on a free local port. The suite skips
these tests, saying why, only when that server cannot start."""

from __future__ import annotations

import base64
import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3
import pytest
from django.core.management import call_command

from kanboard_site.settings import file_storage
from projects.models import ProjectFile
from tasks.models import TaskFile
from tests.files.conftest import b64, png

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGION = "us-east-1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    port = free_port()
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        pytest.skip(f"moto's S3 server cannot start: {exc}")
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.skip(f"moto's S3 server did not answer on {endpoint}")
            time.sleep(0.2)
    yield endpoint
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A new bucket, configured as the operator would: FILE_STORAGE_S3_* variables, read
    by the same settings function as in production; the bucket's client."""
    name = f"kanboard-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS)
    client.create_bucket(Bucket=name)
    for variable, value in {
        "FILE_STORAGE_S3_BUCKET": name,
        "FILE_STORAGE_S3_ENDPOINT_URL": s3_endpoint,
        "FILE_STORAGE_S3_REGION": REGION,
        "FILE_STORAGE_S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "FILE_STORAGE_S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "FILE_STORAGE_S3_PREFIX": "/kanboard/",
    }.items():
        monkeypatch.setenv(variable, value)
    settings.STORAGES = {**settings.STORAGES, "files": file_storage(settings.FILE_STORAGE_DIR)}
    client.bucket = name
    return client


def objects(client) -> list[str]:
    listed = client.list_objects_v2(Bucket=client.bucket).get("Contents", [])
    return sorted(item["Key"] for item in listed)


def test_the_settings_choose_s3_when_a_bucket_is_named(bucket, settings):
    files = settings.STORAGES["files"]
    assert files["BACKEND"] == "storages.backends.s3.S3Storage"
    assert files["OPTIONS"]["location"] == "kanboard"
    assert files["OPTIONS"]["bucket_name"] == bucket.bucket


@pytest.mark.django_db(transaction=True)
def test_task_files_live_in_the_bucket_from_upload_to_removal(bucket, rpc, world):
    from tests.factories import TaskFactory

    task = TaskFactory(project=world.project)
    image = png(300, 300)
    text_id = rpc.call("createTaskFile", [world.project.pk, task.pk, "a.txt", b64(b"text")])
    image_id = rpc.call("createTaskFile", [world.project.pk, task.pk, "b.png", b64(image)])
    text_path = TaskFile.objects.get(pk=text_id).path
    image_path = TaskFile.objects.get(pk=image_id).path

    assert objects(bucket) == sorted(
        [f"kanboard/{text_path}", f"kanboard/{image_path}", f"kanboard/thumbnails/{image_path}"]
    )
    assert rpc.call("getTaskFile", [image_id])["is_image"] == 1
    assert base64.b64decode(rpc.call("downloadTaskFile", [image_id])) == image
    assert rpc.call("downloadTaskFile", [text_id]) == b64(b"text")

    assert rpc.call("removeTaskFile", [image_id]) is True
    assert objects(bucket) == [f"kanboard/{text_path}"]
    assert rpc.call("removeTask", [task.pk]) is True
    assert objects(bucket) == []


@pytest.mark.django_db(transaction=True)
def test_project_files_and_a_missing_object(bucket, rpc, world):
    file_id = rpc.call("createProjectFile", [world.project.pk, "p.txt", b64(b"project")])
    path = ProjectFile.objects.get(pk=file_id).path

    assert rpc.call("downloadProjectFile", [world.project.pk, file_id]) == b64(b"project")
    bucket.delete_object(Bucket=bucket.bucket, Key=f"kanboard/{path}")
    assert rpc.call("downloadProjectFile", [world.project.pk, file_id]) == ""
    assert rpc.call("removeAllProjectFiles", [world.project.pk]) is True
    assert not ProjectFile.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_blob_saved_under_a_kanboard_key_keeps_its_name(bucket):
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    key = "tasks/7/c5ff38d2c567aefdffb3216878ee25a4472397b7"

    assert storages["files"].save(key, ContentFile(b"imported")) == key
    assert storages["files"].save(key, ContentFile(b"again")) == key
    assert objects(bucket) == [f"kanboard/{key}"]


@pytest.mark.django_db(transaction=True)
def test_check_files_reports_and_deletes_orphans_in_the_bucket(bucket, rpc, world):
    from io import StringIO

    rpc.call("createProjectFile", [world.project.pk, "kept.txt", b64(b"kept")])
    bucket.put_object(Bucket=bucket.bucket, Key="kanboard/tasks/9/orphan", Body=b"x")
    output = StringIO()

    call_command("check_files", "--delete-orphans", "--min-age", "0", stdout=output)

    assert "tasks/9/orphan" in output.getvalue()
    assert len(objects(bucket)) == 1
