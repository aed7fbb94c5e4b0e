"""``manage.py doctor``: the readiness checks, then the sanity of the settings, one line
each. The settings are judged by Django's system checks (``check --deploy``, ours in
``operations.checks`` and ``rpc.checks`` included), grouped under the names operators
look for; a message no group claims gets a line of its own."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import checks
from django.core.mail import get_connection
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from notifications.worker import job_lease_seconds
from operations.readiness import readiness

OK, WARN, FAIL = "ok", "warn", "FAIL"
MAIL_TIMEOUT_SECONDS = 5


@dataclass(frozen=True)
class Line:
    status: str
    name: str
    detail: str


def _debug() -> str:
    return "DEBUG is off"


def _secret_key() -> str:
    if os.environ.get("SECRET_KEY") or os.environ.get("SECRET_KEY_FILE"):
        return "from the environment"
    return "generated once into DATA_DIR/secret_key (app servers behind one balancer need the same)"


def _allowed_hosts() -> str:
    return ", ".join(settings.ALLOWED_HOSTS)


def _tls_proxy() -> str:
    return "BEHIND_TLS_PROXY is on: X-Forwarded-Proto trusted, cookies Secure"


def _metrics() -> str:
    ways = []
    if settings.METRICS_TOKEN:
        ways.append("bearer token")
    if settings.METRICS_ALLOWED_ADDRESSES:
        ways.append("addresses " + ", ".join(settings.METRICS_ALLOWED_ADDRESSES))
    return "/metrics with " + " and ".join(ways) if ways else "/metrics is off"


def _api() -> str:
    return "every procedure has an access rule"


# Line name, the system check ids it gathers, and its detail when they are all quiet.
SETTINGS_LINES: tuple[tuple[str, tuple[str, ...], Callable[[], str]], ...] = (
    ("debug", ("kanboard.W001", "security.W018"), _debug),
    ("secret_key", ("security.W009",), _secret_key),
    ("allowed_hosts", ("kanboard.W101", "kanboard.W102", "security.W020"), _allowed_hosts),
    (
        "tls_proxy",
        (
            "kanboard.W103",
            *("security.W004", "security.W005", "security.W008", "security.W012"),
            *("security.W016", "security.W021"),
        ),
        _tls_proxy,
    ),
    ("metrics", ("kanboard.E101", "kanboard.E102"), _metrics),
    ("api", ("kanboard.E001", "kanboard.E002"), _api),
)


def _status(message: checks.CheckMessage) -> str:
    if message.level >= checks.ERROR:
        return FAIL
    return WARN if message.level >= checks.WARNING else OK


def _text(message: checks.CheckMessage) -> str:
    hint = f" ({message.hint})" if message.hint else ""
    return f"{message.msg}{hint} [{message.id}]"


def settings_lines() -> list[Line]:
    messages = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if not message.is_silenced()
    ]
    lines = []
    claimed = set()
    for name, ids, describe in SETTINGS_LINES:
        mine = [message for message in messages if message.id in ids]
        claimed.update(id(message) for message in mine)
        if mine:
            lines.extend(Line(_status(message), name, _text(message)) for message in mine)
        else:
            lines.append(Line(OK, name, describe()))
    lines.extend(
        Line(_status(message), "system", _text(message))
        for message in messages
        if id(message) not in claimed
    )
    return lines


def mail_line() -> Line:
    backend = settings.EMAIL_BACKEND
    if not backend.endswith("smtp.EmailBackend"):
        return Line(WARN, "mail", f"not delivered: EMAIL_BACKEND is {backend}")
    where = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    try:
        connection = get_connection(timeout=settings.EMAIL_TIMEOUT or MAIL_TIMEOUT_SECONDS)
        connection.open()
        connection.close()
    except Exception as error:
        return Line(WARN, "mail", f"SMTP server {where} unreachable: {error}")
    return Line(OK, "mail", f"SMTP server {where} answers")


# A job due for longer than this has no worker taking it.
QUEUE_WAIT_LIMIT = timedelta(minutes=10)


def queue_line() -> Line:
    """The notification queue: jobs nobody takes (no worker running?), jobs of dead
    workers not recovered (no worker running either), deliveries given up on lately."""
    try:
        waiting, problems = queue_problems()
    except DatabaseError as error:  # no database, or not migrated: said on their lines
        return Line(FAIL, "job_queue", f"the queue cannot be read: {error}")
    if problems:
        return Line(FAIL if waiting else WARN, "job_queue", "; ".join(problems))
    return Line(OK, "job_queue", "no job waiting for a worker, none failed in the last day")


def queue_problems() -> tuple[int, list[str]]:
    """How many jobs wait for a worker, and what is wrong with the queue."""
    now = timezone.now()
    due_before = now - QUEUE_WAIT_LIMIT
    jobs = DBTaskResult.objects
    # A job queued without a date to run after is due from when it was queued.
    waiting = (
        jobs.ready()
        .filter(
            Q(run_after__lte=due_before) | Q(run_after=get_date_max(), enqueued_at__lte=due_before)
        )
        .count()
    )
    lease_expired = jobs.filter(
        status=TaskResultStatus.RUNNING,
        started_at__lt=now - timedelta(seconds=job_lease_seconds()),
    ).count()
    failed = jobs.failed().filter(finished_at__gte=now - timedelta(days=1)).count()
    problems = []
    if waiting:
        problems.append(f"{waiting} job(s) due for more than 10 minutes: is a worker running?")
    if lease_expired:
        problems.append(f"{lease_expired} job(s) RUNNING past the lease: their worker died")
    if failed:
        problems.append(f"{failed} job(s) failed in the last day")
    return waiting, problems


def diagnose() -> list[Line]:
    lines = [Line(OK if result.ok else FAIL, result.name, result.detail) for result in readiness()]
    lines.extend(settings_lines())
    lines.append(mail_line())
    lines.append(queue_line())
    return lines
