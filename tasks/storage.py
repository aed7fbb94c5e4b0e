"""Where attachment blobs live: Django's ``storages["files"]`` (a directory, or an
S3-compatible bucket), under keys the server makes (Kanboard's ``path`` column).

A key names a blob for as long as a row uses it: blobs follow the database. A new blob is
written before its row and deleted again if the row is not saved; a removed row's blob is
deleted only after the removal has committed, and only when no other row (a duplicated
task's file) still uses it. Keys read back from the database are never followed outside
the storage: a key that climbs out of it (``..``), is absolute or carries a backslash or
NUL is treated as missing.
"""

from __future__ import annotations

import logging
import posixpath
import secrets
from collections.abc import Iterable, Iterator

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction

logger = logging.getLogger(__name__)

THUMBNAILS = "thumbnails"


class StorageError(Exception):
    """A blob could not be written."""


def file_storage() -> Storage:
    return storages["files"]


def new_key(prefix: str, owner_id: int) -> str:
    """``tasks/<task id>/<40 hex>`` or ``projects/<project id>/<40 hex>``: random, so two
    uploads of one name in the same second never share a blob (Kanboard hashes the name
    and the time)."""
    return f"{prefix}/{owner_id}/{secrets.token_hex(20)}"


def thumbnail_key(key: str) -> str:
    """Kanboard keeps an image's thumbnail under ``thumbnails/<key>``."""
    return f"{THUMBNAILS}/{key}"


def is_safe_key(key: object) -> bool:
    """A relative, normalised key inside the storage."""
    return (
        isinstance(key, str)
        and key != ""
        and "\\" not in key
        and "\0" not in key
        and not key.startswith("/")
        and posixpath.normpath(key) == key
        and key != ".."
        and not key.startswith("../")
    )


def save_blob(key: str, content: bytes) -> None:
    """Write the blob under exactly ``key`` (an existing blob of that key is replaced)."""
    if not is_safe_key(key):
        raise StorageError(f"refusing to write {key!r}: not a storage key")
    try:
        saved = file_storage().save(key, ContentFile(content))
    except Exception as exc:
        raise StorageError(f"cannot write {key!r}: {exc}") from exc
    if saved != key:
        raise StorageError(f"the storage saved {key!r} as {saved!r}")


def read_blob(key: str | None) -> bytes | None:
    """The blob's bytes, or None when it is missing, unreadable or not a storage key."""
    if not is_safe_key(key):
        if key:
            logger.warning("refusing to read %r: outside the file storage", key)
        return None
    try:
        with file_storage().open(key, "rb") as blob:
            return blob.read()
    except Exception:
        logger.warning("cannot read the blob %r", key, exc_info=True)
        return None


def blob_exists(key: str | None) -> bool:
    if not is_safe_key(key):
        return False
    try:
        return file_storage().exists(key)
    except Exception:
        logger.warning("cannot check the blob %r", key, exc_info=True)
        return False


def delete_blobs(keys: Iterable[str]) -> None:
    """Delete the blobs and their thumbnails now; a missing one is no error."""
    delete_exactly(name for key in keys for name in (key, thumbnail_key(key)))


def delete_exactly(keys: Iterable[str]) -> None:
    """Delete these blobs (only these) now; a missing one is no error."""
    storage = file_storage()
    for key in keys:
        if not is_safe_key(key):
            logger.warning("refusing to delete %r: outside the file storage", key)
            continue
        try:
            storage.delete(key)
        except Exception:
            logger.warning("cannot delete the blob %r", key, exc_info=True)


def delete_unreferenced_after_commit(keys: set[str]) -> None:
    if keys:
        transaction.on_commit(lambda: delete_unreferenced(keys))


def delete_unreferenced(keys: set[str]) -> None:
    delete_blobs(sorted(set(keys) - referenced_keys(keys)))


def referenced_keys(keys: Iterable[str]) -> set[str]:
    """Those of the keys that a task or project file row uses."""
    from projects.models import ProjectFile
    from tasks.models import TaskFile

    keys = set(keys)
    used = set(TaskFile.objects.filter(path__in=keys).values_list("path", flat=True))
    return used | set(ProjectFile.objects.filter(path__in=keys).values_list("path", flat=True))


def stored_keys(directory: str = "") -> Iterator[str]:
    """Every blob in the storage (thumbnails included), walking its folders."""
    storage = file_storage()
    folders, files = storage.listdir(directory)
    for name in files:
        yield posixpath.join(directory, name) if directory else name
    for folder in folders:
        yield from stored_keys(posixpath.join(directory, folder) if directory else folder)
