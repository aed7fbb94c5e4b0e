"""Rows encoded as JSON by the database itself (SQLite's ``json_object``, PostgreSQL's
``to_json`` of each string), one text per row, spliced into the reply without Python work per key.

Both databases write strings exactly as the reply encoder does (compact, non-ASCII kept,
the same escapes), integers and NULLs too. Fractional numbers are where they differ
(SQLite prints 15 significant digits, PostgreSQL ``1e-07`` where the encoder prints
``1e-7``): a statement that reads hours also answers, per row, whether a value is not a
whole number of safe size, and the caller then renders that list in Python instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import orjson

from tasks.colors import COLORS, FALLBACK_COLOR

# Integers up to 2**53 are exact in a float; beyond, the Python rendering decides.
_SAFE_WHOLE = 2**53


class JsonText:
    """A value already encoded as JSON, written into the reply as it is."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"JsonText({self.text[:60]!r})"


def encoded_with_splices(value) -> str:
    """``value`` as compact JSON, each JsonText in it written as it is (orjson's
    encoding: raises TypeError or orjson.JSONEncodeError for what it cannot write)."""
    return orjson.dumps(value, default=_spliced, option=orjson.OPT_NON_STR_KEYS).decode()


def _spliced(value) -> orjson.Fragment:
    if isinstance(value, JsonText):
        return orjson.Fragment(value.text)
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_array(texts: Sequence[str]) -> JsonText:
    return JsonText("[" + ",".join(texts) + "]")


def row_json_sql(vendor: str, fields: Sequence[tuple[str, str]]) -> str:
    """Select expression encoding ``fields`` — (key, SQL expression over the statement's
    tables) in key order — as one JSON object per row. An expression whose value is JSON
    text to embed (an object, an array) is written ``json:EXPR``; one whose value is an
    integer or NULL, ``number:EXPR``.

    PostgreSQL's ``row_to_json`` and ``json_build_object`` look up the type of every
    value on every row (and the latter writes spaces): the object is concatenated
    instead, strings through ``to_json`` (the same escapes), numbers as their text —
    a third less of the server's time on a board of 2,000 tasks."""
    if vendor == "postgresql":
        pieces = [
            f"('{separator}\"{key}\":' || COALESCE({_postgresql_value(expression)}, 'null'))"
            for separator, (key, expression) in zip(_separators(len(fields)), fields, strict=True)
        ]
        return _concatenated([*pieces, "'}'"])
    pairs = ", ".join(f"'{key}', {_sqlite_value(expression)}" for key, expression in fields)
    return f"json_object({pairs})"


def _concatenated(pieces: list[str]) -> str:
    """The pieces joined by ``||`` in a balanced tree: each join copies both sides, so a
    chain of a hundred pieces copies the beginning of the row a hundred times (a sixth
    more of the server's time on a board of 2,000 tasks)."""
    while len(pieces) > 1:
        pairs = [pieces[index : index + 2] for index in range(0, len(pieces), 2)]
        pieces = [f"({pair[0]} || {pair[1]})" if len(pair) == 2 else pair[0] for pair in pairs]
    return pieces[0]


def _postgresql_value(expression: str) -> str:
    if expression.startswith(_EMBEDDED):
        return f"({expression[len(_EMBEDDED) :]})"
    if expression.startswith(NUMBER):
        return f"CAST({expression[len(NUMBER) :]} AS TEXT)"
    return f"to_json({expression})::text"


def _sqlite_value(expression: str) -> str:
    if expression.startswith(_EMBEDDED):
        return f"json({expression[len(_EMBEDDED) :]})"
    return expression.removeprefix(NUMBER)


def _separators(count: int) -> list[str]:
    return ["{"] + [","] * (count - 1)


_EMBEDDED = "json:"
NUMBER = "number:"


def number_sql(expression: str) -> str:
    """The expression marked as an integer or NULL for row_json_sql."""
    return NUMBER + expression


def whole_hours_sql(vendor: str, column: str) -> str:
    """The column's value as an integer (callers use it only where it is one)."""
    return f"CAST({column} AS {'BIGINT' if vendor == 'postgresql' else 'INTEGER'})"


def text_sql(expression: str) -> str:
    return f"CAST({expression} AS TEXT)"


def not_whole_sql(vendor: str, columns: Sequence[str]) -> str:
    """True where one of the columns holds a number the JSON of the database would not
    write as the reply encoder does: a fraction, or a whole number beyond 2**53."""
    tests = [
        f"({column} IS NOT NULL AND ({column} <> {whole_hours_sql(vendor, column)} "
        f"OR abs({column}) >= {_SAFE_WHOLE}))"
        for column in columns
    ]
    return "(" + " OR ".join(tests) + ")"


def color_sql(column: str) -> str:
    """``json:`` expression of a color id's properties; the fallback's properties (a
    parameter, JSON text) for an unknown id — tasks.colors.color_properties in SQL."""
    cases = " ".join(
        f"WHEN '{color_id}' THEN '{orjson.dumps(properties).decode()}'"
        for color_id, properties in COLORS.items()
    )
    return f"json:CASE {column} {cases} ELSE %s END"


def fallback_color_json(fallback_color: str) -> str:
    """The parameter of color_sql: the properties an unknown color id shows."""
    return orjson.dumps(COLORS.get(fallback_color, COLORS[FALLBACK_COLOR])).decode()
