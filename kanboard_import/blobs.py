"""Copying Kanboard's files (``data/files``) into this server's file storage.

Each task and project file is saved under Kanboard's own ``path`` through Django's
storage API (``STORAGES["files"]``: a local folder or an S3-compatible bucket), so the
file rows keep pointing at the same bytes; a thumbnail Kanboard made
(``thumbnails/<path>``) comes along too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages

from kanboard_import.errors import ImportRefused

THUMBNAIL_FOLDER = "thumbnails"


@dataclass
class BlobCopy:
    """What a copy did: saved storage names (removed again if the import fails) and
    the files the source folder lacks."""

    saved: list[str] = field(default_factory=list)
    thumbnails: int = 0
    missing: list[str] = field(default_factory=list)

    def undo(self) -> None:
        storage = storages["files"]
        for name in self.saved:
            storage.delete(name)
        self.saved.clear()


def source_file(files_dir: Path, path: str) -> Path | None:
    """The file of ``path`` inside ``files_dir``, or None when absent or outside it."""
    root = files_dir.resolve()
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def copy_blobs(paths: list[str], files_dir: Path, dry_run: bool) -> BlobCopy:
    storage = storages["files"]
    copy = BlobCopy()
    try:
        for path in paths:
            original = source_file(files_dir, path)
            if original is None:
                copy.missing.append(path)
                continue
            thumbnail = source_file(files_dir, f"{THUMBNAIL_FOLDER}/{path}")
            copy.thumbnails += thumbnail is not None
            if dry_run:
                continue
            save(storage, path, original, copy)
            if thumbnail is not None:
                save(storage, f"{THUMBNAIL_FOLDER}/{path}", thumbnail, copy)
    except BaseException:
        copy.undo()
        raise
    return copy


def save(storage, name: str, original: Path, copy: BlobCopy) -> None:
    if storage.exists(name):
        raise ImportRefused(f"the file storage already holds {name}; import into empty storage")
    with original.open("rb") as content:
        saved = storage.save(name, File(content, name=original.name))
    copy.saved.append(saved)
    if saved != name:
        raise ImportRefused(f"the file storage saved {name} as {saved}")
