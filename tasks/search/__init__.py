"""Kanboard's task filter language (searchTasks): a query string to the tasks it selects.

``status:open assignee:me due:<=tomorrow "fix login"`` reads as: the attributes' values
(``lexer``), each value turned into conditions (``filters``), a repeated attribute's
conditions ORed, different attributes ANDed (``app/Core/Filter/LexerBuilder.php``), and
the whole narrowed to one project. The conditions are Django ``Q`` objects: what the
client typed only ever reaches the database as a bound parameter.
"""

from __future__ import annotations

import datetime as dt
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from accounts.models import User
from tasks.models import Task
from tasks.search.filters import DATE_ATTRIBUTES, FILTERS, NOTHING, Searcher
from tasks.search.lexer import tokenize

# More values than this is not a query a person wrote; it would also take the SQL
# beyond SQLite's expression depth. Such a query matches nothing.
MAX_VALUES = 100


def criteria(query: str, searcher: Searcher) -> Q:
    """The condition a query puts on tasks; ``Q()`` (every task) for an empty one."""
    values = tokenize(query)
    if sum(len(given) for given in values.values()) > MAX_VALUES:
        return NOTHING
    conditions: list[Q] = []
    for attribute, given in values.items():
        build = FILTERS[attribute]
        if len(given) == 1:
            conditions.extend(build(given[0], searcher))
        else:
            alternatives = [condition for value in given for condition in build(value, searcher)]
            # Kanboard's empty OR group is an SQL syntax error; here it matches nothing.
            conditions.append(reduce(or_, alternatives) if alternatives else NOTHING)
    return Q(*conditions)


def filters_on_dates(query: str) -> bool:
    """Whether the query compares dates: the tasks it selects may then change with the
    time alone, the data unchanged."""
    return not DATE_ATTRIBUTES.isdisjoint(tokenize(query))


def searcher_for(user: User | None, now: dt.datetime | None = None) -> Searcher:
    """The searcher a caller is: a user, or the application credential (None)."""
    return Searcher(
        user_id=user.pk if user is not None else 0,
        role=user.role if user is not None else None,
        now=now or dt.datetime.now(dt.UTC),
    )


def matching_tasks(project_id: int | None, query: str, user: User | None) -> QuerySet:
    """The tasks of the project that the query selects, open and closed, by id (the
    order of Kanboard's SQLite table). ``project:`` in the query can only narrow it."""
    if project_id is None or "\0" in query:
        # PostgreSQL refuses a NUL inside a text: such a query matches nothing, everywhere.
        return Task.objects.none()
    selected = criteria(query, searcher_for(user))
    return Task.objects.filter(selected, project_id=project_id).order_by("id")
