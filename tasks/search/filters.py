"""What each attribute of a task query selects, as Kanboard's ``app/Filter/Task*Filter.php``.

A filter turns one value into a list of conditions. Kanboard's query builder ANDs the
conditions of a single value together, but puts *every* condition of a repeated
attribute's values into one OR group: ``created:2024-01-01 created:2024-01-02`` is
``created >= day1 OR created <= end1 OR created >= day2 OR ...``. Keeping each value's
conditions as a flat list lets ``criteria`` reproduce that exactly.

Kanboard compares with SQL ``LIKE``/``ILIKE`` and lets ``%`` and ``_`` in the input act as
wildcards; here they are literal (Django escapes them), and ``*`` stays the one wildcard
of ``reference:``. Case-insensitive comparisons are those of the database (ASCII letters
only on SQLite, as in Kanboard).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from django.db.models import F, Q, QuerySet
from django.db.models.lookups import BuiltinLookup, IContains

from accounts.models import User
from projects.models import Category
from tasks.colors import COLORS
from tasks.models import Comment, Subtask, TaskLink, TaskTag
from tasks.search.dates import DAY, day_start, range_start
from tasks.visibility import VISIBLE_TO_ROLE

# A condition no row meets, for values that can match nothing.
NOTHING = Q(pk__in=[])
_DIGITS = re.compile(r"[0-9]+\Z")
# What SQLite reads as a number when it compares text with an integer column.
_NUMBER = re.compile(
    r"[ \t\n\f\r\x0b]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\f\r\x0b]*\Z"
)
# Any number beyond this compares as "larger than every column": Django then answers
# "no row" or "every row" by itself, as for any integer out of a column's range.
_HUGE = 2**64
OPERATORS = (("<=", "lte"), (">=", "gte"), ("<", "lt"), (">", "gt"))
# How a date comparison widens the day (timestamp of its midnight) it was given.
_DAY_OFFSETS = {"lte": DAY - 1, "lt": 0, "gte": 0, "gt": DAY}
# project: Kanboard reads longer digit strings as a project name (PostgreSQL's integer).
POSTGRES_INTEGER_MAX = 2**31 - 1


@dataclass(frozen=True)
class Searcher:
    """Who searches: ``me`` in a query, the comments they may read, and when "today" is."""

    user_id: int  # 0 for the application credential, which has no "me"
    role: str | None  # application role; None for the application credential
    now: dt.datetime

    def comments(self) -> QuerySet:
        if self.role is None:
            return Comment.objects.all()
        return Comment.objects.filter(visibility__in=VISIBLE_TO_ROLE.get(self.role, ()))


Filter = Callable[[str, Searcher], list[Q]]


class LikePattern(IContains):
    """Case-insensitive match of a whole value in which ``*`` is any text and everything
    else is literal (Kanboard's ``reference:`` filter)."""

    def process_rhs(self, compiler, connection):
        rhs, params = BuiltinLookup.process_rhs(self, compiler, connection)
        params[0] = "%".join(
            connection.ops.prep_for_like_query(part) for part in self.rhs.split("*")
        )
        return rhs, params


def split_operator(value: str) -> tuple[str | None, str]:
    """A leading ``<=``, ``>=``, ``<`` or ``>`` as a lookup name, and the rest."""
    for operator, lookup in OPERATORS:
        if value.startswith(operator):
            return lookup, value[len(operator) :]
    return None, value


def sqlite_number(text: str) -> Decimal | None:
    """The number SQLite reads in a text compared with an integer column (Kanboard binds
    every value as text), within plus or minus _HUGE; None for a text that is no number."""
    if not _NUMBER.match(text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # an exponent beyond Decimal's: ±infinity or 0, as a float
        number = Decimal(float(text))
    return max(Decimal(-_HUGE), min(Decimal(_HUGE), number))


def whole_number(value: str) -> int | None:
    """The number a string of ASCII digits means (PHP's ctype_digit), else None."""
    if not _DIGITS.match(value):
        return None
    digits = value.lstrip("0") or "0"
    return int(digits) if len(digits) <= len(str(_HUGE)) else _HUGE


def number_conditions(field: str, lookup: str, number: Decimal) -> list[Q]:
    """``field <lookup> number`` for an integer column, exactly, for fractions too."""
    if lookup == "exact":
        if number != number.to_integral_value():
            return [NOTHING]
        return [Q(**{field: int(number)})]
    rounding = ROUND_FLOOR if lookup in ("gt", "lte") else ROUND_CEILING
    return [Q(**{f"{field}__{lookup}": int(number.to_integral_value(rounding))})]


def id_like(value: str) -> int | None:
    """The task id that ``123`` or ``#123`` names in a text search."""
    return whole_number(value[1:] if len(value) > 1 and value[0] == "#" else value)


# The filters, by kind.


def comparison(field: str) -> Filter:
    """priority, score: ``3``, ``>=3``, ``<3``... A value that is no number matches
    nothing (SQLite would compare it as a text, after every integer)."""

    def conditions(value: str, searcher: Searcher) -> list[Q]:
        lookup, rest = split_operator(value)
        number = sqlite_number(rest)
        if number is None:
            return [NOTHING]
        return number_conditions(field, lookup or "exact", number)

    return conditions


def date_conditions(field: str, value: str, now: dt.datetime) -> list[Q]:
    lookup, rest = split_operator(value)
    day = day_start(rest, now)
    if lookup is None:
        return [Q(**{f"{field}__gte": day}), Q(**{f"{field}__lte": day + DAY - 1})]
    return [Q(**{f"{field}__{lookup}": day + _DAY_OFFSETS[lookup]})]


def date(field: str) -> Filter:
    """created, completed, started, modified, moved: a day, or a day with an operator."""
    return lambda value, searcher: date_conditions(field, value, searcher.now)


def date_range(field: str) -> Filter:
    """createdRange:FROM..TO, both days included; a value without exactly one ``..`` adds
    no condition."""

    def conditions(value: str, searcher: Searcher) -> list[Q]:
        ends = value.split("..")
        if len(ends) != 2:
            return []
        return [
            Q(**{f"{field}__gte": range_start(ends[0])}),
            Q(**{f"{field}__lte": range_start(ends[1]) + DAY - 1}),
        ]

    return conditions


def due(value: str, searcher: Searcher) -> list[Q]:
    if value == "none":
        return [Q(date_due=0)]
    # SQL's "date_due != 0", which a NULL does not meet either.
    not_zero = Q(date_due__lt=0) | Q(date_due__gt=0)
    return [not_zero, Q(date_due__isnull=False), *date_conditions("date_due", value, searcher.now)]


def person(field: str, username_lookup: str = "icontains") -> Filter:
    """assignee, creator: an id, ``me``, ``nobody``, ``anybody``, or part of a username
    or name."""

    def conditions(value: str, searcher: Searcher) -> list[Q]:
        number = whole_number(value)
        if number is not None:
            return [Q(**{field: number})]
        if value == "me":
            # Ours: Kanboard matches user 0 (nobody) for the application credential.
            return [Q(**{field: searcher.user_id})] if searcher.user_id else [NOTHING]
        if value == "nobody":
            return [Q(**{field: 0})]
        if value == "anybody":
            return [Q(**{f"{field}__gt": 0})]
        users = User.objects.filter(
            Q(**{f"username__{username_lookup}": value}) | Q(name__icontains=value)
        )
        return [Q(**{f"{field}__in": users.values("pk")})]

    return conditions


_subtask_person = person("user_id", username_lookup="istartswith")


def subtask_assignee(value: str, searcher: Searcher) -> list[Q]:
    """Tasks with an unfinished subtask of that person. Kanboard joins the subtask's user,
    so ``nobody`` matches nothing, and a username matches by its beginning."""
    (assigned,) = _subtask_person(value, searcher)
    subtasks = (
        Subtask.objects.exclude(status=Subtask.DONE)
        .filter(user_id__in=User.objects.values("pk"))
        .filter(assigned)
    )
    return [Q(pk__in=subtasks.values("task_id"))]


def category(value: str, searcher: Searcher) -> list[Q]:
    # Kanboard's category names compare without letter case (NOCASE on SQLite).
    named = Q(category_id__in=Category.objects.filter(name__iexact=value).values("pk"))
    number = whole_number(value)
    if number is not None:
        return [Q(category_id=number) | named]
    if value == "none":
        return [Q(category_id=0)]
    return [named]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def color(value: str, searcher: Searcher) -> list[Q]:
    """A color id or name in any letter case; an unknown one means color ``''``."""
    wanted = value.translate(_ASCII_LOWER)
    found = next(
        (
            color_id
            for color_id, properties in COLORS.items()
            if wanted in (color_id, properties["name"].translate(_ASCII_LOWER))
        ),
        "",
    )
    return [Q(color_id=found)]


def column(value: str, searcher: Searcher) -> list[Q]:
    number = whole_number(value)
    return [Q(column__title=value) if number is None else Q(column_id=number)]


def comment(value: str, searcher: Searcher) -> list[Q]:
    """Ours: only comments the searcher may read count (Kanboard searches them all)."""
    return [Q(pk__in=searcher.comments().filter(comment__icontains=value).values("task_id"))]


def task_id(value: str, searcher: Searcher) -> list[Q]:
    number = sqlite_number(value)
    return [NOTHING] if number is None else number_conditions("pk", "exact", number)


def link(value: str, searcher: Searcher) -> list[Q]:
    links = TaskLink.objects.filter(link__label__iexact=value)
    return [Q(pk__in=links.values("task_id"))]


def project(value: str, searcher: Searcher) -> list[Q]:
    number = whole_number(value)
    if number is not None and number < POSTGRES_INTEGER_MAX:
        return [Q(project_id=number)]
    return [Q(project__name__iexact=value)]


def reference(value: str, searcher: Searcher) -> list[Q]:
    if value == "none":
        return [Q(reference="") | Q(reference__isnull=True)]
    return [Q(LikePattern(F("reference"), value))]


def status(value: str, searcher: Searcher) -> list[Q]:
    """``open``, ``closed`` or 0/1; anything else (``all``) keeps every task."""
    if value in ("open", "closed"):
        return [Q(is_active=value == "open")]
    number = whole_number(value)
    if number is None:
        return []
    return [Q(is_active=bool(number))] if number in (0, 1) else [NOTHING]


def swimlane(value: str, searcher: Searcher) -> list[Q]:
    return [Q(swimlane__name__iexact=value)]


def tag(value: str, searcher: Searcher) -> list[Q]:
    if value == "none":
        return [~Q(pk__in=TaskTag.objects.values("task_id"))]
    tagged = TaskTag.objects.filter(tag__name__icontains=value)
    return [Q(pk__in=tagged.values("task_id"))]


def text(*fields: str, in_comments: bool = False) -> Filter:
    """title (and the leftover words), description, search: a part of the text, or a
    task id (``123``, ``#123``) for title and search."""

    def conditions(value: str, searcher: Searcher) -> list[Q]:
        found = Q()
        for field in fields:
            found |= Q(**{f"{field}__icontains": value})
        if in_comments:
            found |= comment(value, searcher)[0]
        number = id_like(value) if "title" in fields else None
        return [found if number is None else Q(pk=number) | found]

    return conditions


FILTERS: dict[str, Filter] = {
    "assignee": person("owner_id"),
    "category": category,
    "color": color,
    "colour": color,
    "priority": comparison("priority"),
    "column": column,
    "comment": comment,
    "created": date("date_creation"),
    "createdRange": date_range("date_creation"),
    "creator": person("creator_id"),
    "description": text("description"),
    "desc": text("description"),
    "due": due,
    "started": date("date_started"),
    "completed": date("date_completed"),
    "completedRange": date_range("date_completed"),
    "id": task_id,
    "link": link,
    "updated": date("date_modification"),
    "modified": date("date_modification"),
    "updatedRange": date_range("date_modification"),
    "modifiedRange": date_range("date_modification"),
    "moved": date("date_moved"),
    "movedRange": date_range("date_moved"),
    "project": project,
    "reference": reference,
    "ref": reference,
    "score": comparison("score"),
    "complexity": comparison("score"),
    "status": status,
    "subtask:assignee": subtask_assignee,
    "swimlane": swimlane,
    "tag": tag,
    "search": text("title", "description", in_comments=True),
    "title": text("title"),
}

# The attributes that compare dates. Their days may be relative ("tomorrow", "-2 days",
# read against the clock), so what they select can change with time alone.
DATE_ATTRIBUTES = frozenset(
    {
        "created",
        "createdRange",
        "due",
        "started",
        "completed",
        "completedRange",
        "updated",
        "modified",
        "updatedRange",
        "modifiedRange",
        "moved",
        "movedRange",
    }
)
