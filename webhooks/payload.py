"""The body of a webhook request, byte for byte as Kanboard sends it.

Kanboard posts ``json_encode(["event_name", "event_data", "event_author"])``: PHP's
encoding, which escapes "/" as "\\/" and every character outside ASCII as \\uXXXX, and
writes an empty array as ``[]``. Receivers written for Kanboard may compare or parse it
as such, so it is reproduced here."""

from __future__ import annotations

import json
from typing import Any


def webhook_body(event_name: str, event_data: dict, event_author: str | None) -> str:
    return php_json_encode(
        {"event_name": event_name, "event_data": event_data, "event_author": event_author}
    )


def php_json_encode(value: Any) -> str:
    text = json.dumps(_php_arrays(value), ensure_ascii=True, separators=(",", ":"))
    # A "/" can only occur inside a JSON string, where PHP writes it escaped.
    return text.replace("/", "\\/")


def _php_arrays(value: Any) -> Any:
    """PHP has one array type: an empty one is written as a list."""
    if isinstance(value, dict):
        return {key: _php_arrays(item) for key, item in value.items()} if value else []
    if isinstance(value, list | tuple):
        return [_php_arrays(item) for item in value]
    return value
