"""What an uploaded attachment becomes before it is stored: its display name, its bytes
decoded from base64, and for a real image a thumbnail, shared by task and project files.

Decoding tolerates what real clients send (MIME line breaks, missing padding) but refuses
text that is not base64 at all (Kanboard drops the invalid characters and stores the
rest). A file named like an image is an image only when Pillow reads it as one and it is
small enough to make a thumbnail from; otherwise it is stored as a plain file.
"""

from __future__ import annotations

import binascii
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageOps

from kanboard_site.inputs import to_text
from tasks.storage import StorageError, delete_blobs, save_blob, thumbnail_key

logger = logging.getLogger(__name__)

NAME_MAX_BYTES = 255
# Kanboard's FileModel::isImage, by extension; the formats its GD thumbnails read.
IMAGE_EXTENSIONS = ("jpeg", "jpg", "png", "gif")
IMAGE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP")
THUMBNAIL_SIZE = (250, 100)
_BASE64 = re.compile(r"[A-Za-z0-9+/ \t\r\n]*=?=?[ \t\r\n]*\Z")
_WHITESPACE = " \t\r\n"


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    thumbnail: bytes | None

    @property
    def is_image(self) -> bool:
        return self.thumbnail is not None

    @property
    def size(self) -> int:
        return len(self.content)


def prepare_upload(filename: Any, blob: Any) -> Upload:
    """The upload, or ValidationError: a name that is not text or holds NUL, a blob that
    is not base64, decodes to nothing or is larger than MAX_FILE_BYTES."""
    name = display_name(filename)
    content = decode_blob(blob)
    thumbnail = make_thumbnail(content) if has_image_extension(name) else None
    return Upload(name, content, thumbnail)


def display_name(filename: Any) -> str:
    """The name as Kanboard keeps it (null is "", numbers are text), cut to 255 bytes of
    UTF-8 without splitting a character. It is only ever shown, never a storage key."""
    name = "" if filename is None else to_text(filename)
    if name is None:
        raise ValidationError("The file name must be a text")
    if "\0" in name:
        raise ValidationError("The file name cannot contain NUL characters")
    encoded = name.encode("utf-8")
    if len(encoded) <= NAME_MAX_BYTES:
        return name
    return encoded[:NAME_MAX_BYTES].decode("utf-8", errors="ignore")


def decode_blob(blob: Any) -> bytes:
    """The bytes of base64 text (numbers are text, as in PHP), decoded in place: the
    text is checked and counted, never stripped into a copy."""
    text = "" if blob is None or isinstance(blob, bool) else to_text(blob)
    if text is None or not _BASE64.match(text):
        raise ValidationError("The file content must be base64")
    padding = text.count("=")
    data_chars = len(text) - padding - sum(text.count(space) for space in _WHITESPACE)
    if data_chars % 4 == 1:
        raise ValidationError("The file content must be base64")
    if data_chars * 3 // 4 > settings.MAX_FILE_BYTES:
        raise ValidationError(f"The file is larger than {settings.MAX_FILE_BYTES} bytes")
    if padding == 0 and data_chars % 4:
        text += "=" * (-data_chars % 4)
    try:
        content = binascii.a2b_base64(text)
    except binascii.Error:
        raise ValidationError("The file content must be base64") from None
    if not content:
        raise ValidationError("The file is empty")
    return content


def file_extension(name: str) -> str:
    """PHP's pathinfo() extension, lower-cased: after the last dot of the last segment."""
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base else ""


def has_image_extension(name: str) -> bool:
    return file_extension(name) in IMAGE_EXTENSIONS


def make_thumbnail(content: bytes) -> bytes | None:
    """Kanboard's thumbnail (250 x 100, cropped to fill, PNG), or None when the bytes are
    not an image of a known format or have more than THUMBNAIL_MAX_PIXELS pixels to
    decode: the size is read from the header, before anything is decoded."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.format not in IMAGE_FORMATS:
                return None
            # JPEG decodes straight at a reduced scale, still at least the thumbnail's size.
            image.draft("RGB", THUMBNAIL_SIZE)
            if image.width * image.height > settings.THUMBNAIL_MAX_PIXELS:
                logger.info("no thumbnail for a %dx%d image", image.width, image.height)
                return None
            thumbnail = ImageOps.fit(
                image.convert("RGBA"), THUMBNAIL_SIZE, Image.Resampling.BILINEAR
            )
    except Exception:
        # Pillow's errors on hostile input are many (OSError, SyntaxError, ValueError...).
        logger.info("not an image, stored as a plain file", exc_info=True)
        return None
    output = io.BytesIO()
    thumbnail.save(output, "PNG")
    return output.getvalue()


def store_upload(key: str, upload: Upload, written: list[str]) -> None:
    """Write the blob and its thumbnail (ValidationError when the storage fails); ``key``
    is added to ``written`` first, so that ``discarded_on_failure`` removes whatever part
    got written."""
    written.append(key)
    try:
        save_blob(key, upload.content)
        if upload.thumbnail is not None:
            save_blob(thumbnail_key(key), upload.thumbnail)
    except StorageError as exc:
        # Kanboard answers false when the storage fails.
        logger.error("%s", exc)
        raise ValidationError("The file could not be stored") from exc


@contextmanager
def discarded_on_failure() -> Iterator[list[str]]:
    """Collects the keys of blobs written for a new row; if the block fails (the row is
    not saved, or its transaction does not commit), they are deleted. Placed outside the
    ``transaction.atomic()`` block, it also sees a failed commit."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        delete_blobs(written)
        raise
