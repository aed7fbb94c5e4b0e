"""Hostile and odd uploads (security.md G1-G6, F14, D8): the same answer on SQLite and
PostgreSQL, never a 500, and nothing stored when the answer is false."""

from __future__ import annotations

import base64
import io
import zlib

import pytest
from PIL import Image

from tasks import events
from tasks.models import TaskFile
from tests.files.conftest import b64, png, stored


def create(rpc, world, task, name, blob):
    reply = rpc.request("createTaskFile", [world.project.pk, task.pk, name, blob])
    assert reply.status == 200, reply.body
    return reply.json["result"]


@pytest.mark.parametrize(
    "blob",
    [
        "!!!not base64@@@",  # Kanboard stores the junk
        "",
        b64(b""),
        "-_-_",  # url-safe alphabet
        "aGVsbG8=aGVs",  # data after the padding
        "a",  # one character cannot encode a byte
        ["aGVsbG8="],
        {"blob": "aGVsbG8="},
        None,
        True,
    ],
)
def test_content_that_is_not_base64_or_empty_answers_false_storing_nothing(
    rpc, world, task, file_storage, blob
):
    assert create(rpc, world, task, "a.txt", blob) is False
    assert not TaskFile.objects.exists()
    assert stored(file_storage) == []


@pytest.mark.parametrize(
    ("blob", "content"),
    [
        ("aGVs\nbG8=", b"hello"),  # MIME line breaks
        ("aGVs\r\nbG8=\r\n", b"hello"),
        ("  aGVsbG8=  ", b"hello"),
        ("aGVsbG8", b"hello"),  # padding left out
        (12345678, base64.b64decode("12345678")),  # PHP reads the number as text
    ],
)
def test_lenient_base64_that_real_clients_send_is_accepted(rpc, world, task, blob, content):
    file_id = create(rpc, world, task, "a.txt", blob)

    assert base64.b64decode(rpc.call("downloadTaskFile", [file_id])) == content


def test_a_file_over_the_size_limit_answers_false(rpc, world, task, settings, file_storage):
    settings.MAX_FILE_BYTES = 10

    assert create(rpc, world, task, "big.txt", b64(b"x" * 11)) is False
    assert stored(file_storage) == []
    assert isinstance(create(rpc, world, task, "fits.txt", b64(b"x" * 10)), int)


def test_the_size_limit_defaults_to_and_cannot_exceed_the_request_limit(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from kanboard_site.settings import max_file_bytes

    assert max_file_bytes(1000) == 1000
    monkeypatch.setenv("MAX_FILE_BYTES", "1001")
    with pytest.raises(ImproperlyConfigured, match="MAX_FILE_BYTES"):
        max_file_bytes(1000)


@pytest.mark.parametrize(
    ("name", "stored_name"),
    [
        ("../../../../etc/passwd", "../../../../etc/passwd"),
        ("/etc/passwd", "/etc/passwd"),
        ("..\\..\\win.ini", "..\\..\\win.ini"),
        ("a/b/c.txt", "a/b/c.txt"),
        ("cr\r\nlf.txt", "cr\r\nlf.txt"),
        ("\u202eexe.txt", "\u202eexe.txt"),
        ("   ", "   "),
        ("", ""),
        (None, ""),
        (123, "123"),
        ("x" * 300, "x" * 255),
        ("x" * 70_000, "x" * 255),
        ("é" * 200, "é" * 127),  # 255 bytes of UTF-8, no character cut in two
    ],
)
def test_names_are_display_names_only(rpc, world, task, file_storage, name, stored_name):
    file_id = create(rpc, world, task, name, b64(b"data"))

    found = rpc.call("getTaskFile", [file_id])
    assert found["name"] == stored_name
    assert found["path"].startswith(f"tasks/{task.pk}/")
    assert stored(file_storage) == [found["path"]]
    assert rpc.call("downloadTaskFile", [file_id]) == b64(b"data")


@pytest.mark.parametrize("name", ["nul\x00name.txt", ["a"], {"a": 1}])
def test_names_that_cannot_be_stored_answer_false(rpc, world, task, file_storage, name):
    assert create(rpc, world, task, name, b64(b"data")) is False
    assert stored(file_storage) == []


def huge_png(width: int, height: int) -> bytes:
    """A valid PNG header announcing width x height pixels, with a tiny compressed body:
    the "pixel bomb"."""
    image = Image.new("1", (1, 1))
    output = io.BytesIO()
    image.save(output, "PNG")
    data = bytearray(output.getvalue())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    crc = zlib.crc32(bytes(data[12:29]))
    data[29:33] = crc.to_bytes(4, "big")
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("img.png", b"not an image"),  # Kanboard: HTTP 500 and an orphan blob
        ("trunc.png", png(400, 400)[:200]),
        ("bomb.png", huge_png(20_000, 20_000)),
        ("image.txt", png()),  # Kanboard decides by the extension first
    ],
)
def test_what_is_not_a_usable_image_is_stored_as_a_plain_file(
    rpc, world, task, file_storage, name, content
):
    file_id = create(rpc, world, task, name, b64(content))

    found = rpc.call("getTaskFile", [file_id])
    assert (found["is_image"], found["size"]) == (0, len(content))
    assert stored(file_storage) == [found["path"]]
    assert rpc.call("downloadTaskFile", [file_id]) == b64(content)


def test_a_large_jpeg_gets_a_thumbnail_decoded_at_a_reduced_scale(
    rpc, world, task, file_storage, settings
):
    settings.THUMBNAIL_MAX_PIXELS = 100_000
    output = io.BytesIO()
    Image.new("RGB", (2000, 1000), (0, 0, 255)).save(output, "JPEG")

    found = rpc.call("getTaskFile", [create(rpc, world, task, "photo.jpg", b64(output.getvalue()))])

    assert found["is_image"] == 1
    assert (file_storage / "thumbnails" / found["path"]).exists()


def test_a_failure_after_the_blob_is_written_leaves_no_blob(
    rpc, world, task, file_storage, monkeypatch
):
    def broken(event):
        raise RuntimeError("subscriber failed")

    monkeypatch.setitem(events._subscribers, events.TASK_FILE_CREATE, [broken])

    error = rpc.error("createTaskFile", [world.project.pk, task.pk, "p.png", b64(png())])

    assert error == {"code": -32603, "message": "Internal error"}
    assert not TaskFile.objects.exists()
    assert stored(file_storage) == []


def test_a_storage_that_fails_to_write_answers_false(rpc, world, task, file_storage):
    (file_storage / "tasks").write_text("a file where the folder should be")

    assert create(rpc, world, task, "a.txt", b64(b"data")) is False
    assert not TaskFile.objects.exists()
