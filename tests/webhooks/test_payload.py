"""The webhook body is encoded as PHP's json_encode encodes it."""

from __future__ import annotations

import pytest

from webhooks.payload import php_json_encode, webhook_body


@pytest.mark.parametrize(
    ("value", "php"),
    [
        ({"url": "http://x/y"}, '{"url":"http:\\/\\/x\\/y"}'),
        ({"text": "caf\u00e9 \u2013 \u2713"}, '{"text":"caf\\u00e9 \\u2013 \\u2713"}'),
        ({"emoji": "\U0001f600"}, '{"emoji":"\\ud83d\\ude00"}'),
        ({"html": "<b>&'</b>"}, '{"html":"<b>&\'<\\/b>"}'),
        ({"quote": 'a "b" \\ c\n'}, '{"quote":"a \\"b\\" \\\\ c\\n"}'),
        ({"changes": {}, "tags": []}, '{"changes":[],"tags":[]}'),
        ({"nested": {"empty": {}}}, '{"nested":{"empty":[]}}'),
        ({"n": None, "t": True, "i": 0, "f": 1.5}, '{"n":null,"t":true,"i":0,"f":1.5}'),
        ([], "[]"),
    ],
)
def test_php_json_encode(value, php):
    assert php_json_encode(value) == php


def test_the_body_has_kanboards_three_keys_in_order():
    assert webhook_body("task.close", {"task_id": 1}, None) == (
        '{"event_name":"task.close","event_data":{"task_id":1},"event_author":null}'
    )
