"""Kanboard's task filter lexer: a query string to the values given to each attribute.

Kanboard (``app/Core/Filter/Lexer.php``) reads the query from left to right, trying at each
position, in order: an attribute name followed by a colon (any letter case), ASCII
whitespace, an ISO date with an optional comparison operator, an operator followed by a
word, an operator followed by a quoted text (up to the *last* quote of the line), a quoted
text (up to the next quote), and finally any run of non-whitespace characters. Double
quotes are then removed from every piece.

The piece right after an attribute is always consumed: when it is a value, the attribute
gets it; when it is whitespace or another attribute, it is dropped (``status: open``
gives ``status`` nothing). Every other piece, whitespace included, is concatenated into
the leftover text, which, trimmed and non-empty, *replaces* the values of the default
attribute (title). A position where no pattern applies (a Unicode space such as U+00A0,
which ``\\S`` refuses but ASCII whitespace does not cover) makes Kanboard drop the whole
query: no values at all, so every task matches.
"""

from __future__ import annotations

import re

# The task lexer's attributes, in the order app/ServiceProvider/FilterProvider.php
# registers them; names that share a filter (color/colour) stay distinct attributes.
ATTRIBUTES = (
    "assignee",
    "category",
    "color",
    "colour",
    "priority",
    "column",
    "comment",
    "created",
    "createdRange",
    "creator",
    "description",
    "desc",
    "due",
    "started",
    "completed",
    "completedRange",
    "id",
    "link",
    "updated",
    "modified",
    "updatedRange",
    "modifiedRange",
    "moved",
    "movedRange",
    "project",
    "reference",
    "ref",
    "score",
    "complexity",
    "status",
    "subtask:assignee",
    "swimlane",
    "tag",
    "search",
    "title",
)
# Where the leftover text goes. Kanboard sends it to "search" instead for users who
# enabled "search all fields" in their profile, a preference this server does not store.
DEFAULT_ATTRIBUTE = "title"

_CANONICAL = {name.lower(): name for name in ATTRIBUTES}
# Longest names first, so that "description:" is not read as "desc" + "ription:".
_ATTRIBUTE = re.compile(
    "(" + "|".join(re.escape(name) for name in sorted(ATTRIBUTES, key=len, reverse=True)) + "):",
    re.IGNORECASE | re.ASCII,
)
WHITESPACE = "whitespace"
STRING = "string"
_PIECES = (
    (WHITESPACE, re.compile(r"[ \t\n\x0b\f\r]+")),
    (STRING, re.compile(r"[<=>]{0,2}[0-9]{4}-[0-9]{2}-[0-9]{2}")),
    (STRING, re.compile(r"[<=>]{1,2}\w+")),
    (STRING, re.compile(r'[<=>]{1,2}".+"')),
    (STRING, re.compile(r'"(.*?)"')),
    # PCRE's Unicode \S: Python's \s also counts U+001C..U+001F as whitespace, PCRE does not.
    (STRING, re.compile(r"(?:[^\s]|[\x1c-\x1f])+")),
)
# PHP's trim(): no form feed, but NUL.
_TRIMMED = " \t\n\r\0\x0b"


def pieces(query: str) -> list[tuple[str, str]] | None:
    """(kind, text) pieces, kind being an attribute name, STRING or WHITESPACE; None when
    some position matches no pattern."""
    found = []
    position = 0
    while position < len(query):
        attribute = _ATTRIBUTE.match(query, position)
        if attribute:
            found.append((_CANONICAL[attribute.group(1).lower()], attribute.group(0)))
            position = attribute.end()
            continue
        for kind, pattern in _PIECES:
            match = pattern.match(query, position)
            if match:
                found.append((kind, match.group(0).replace('"', "")))
                position = match.end()
                break
        else:
            return None
    return found


def tokenize(query: str) -> dict[str, list[str]]:
    """The values of each attribute of the query, attributes in order of appearance."""
    found = pieces(query)
    if found is None:
        return {}
    values: dict[str, list[str]] = {}
    leftover = []
    index = 0
    while index < len(found):
        kind, text = found[index]
        if kind in (STRING, WHITESPACE):
            leftover.append(text)
        else:
            following = found[index + 1] if index + 1 < len(found) else None
            if following is not None and following[0] == STRING:
                values.setdefault(kind, []).append(following[1])
            index += 1
        index += 1
    text = "".join(leftover).strip(_TRIMMED)
    if text:
        values[DEFAULT_ATTRIBUTE] = [text]
    return values
