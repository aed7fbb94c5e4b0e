"""Accounting of every JSON-RPC call: metrics, one log line, and the request id.

``rpc.protocol`` calls ``observe_call`` once per request object that named a method,
with its outcome: ``RESULT``, the JSON-RPC error code answered, or the HTTP status (401,
403) that ended the request. The log line holds who called what and how it ended, never
a parameter other than the project id: no password, token or file content can reach it.

The per-call path is kept small: the metric children are looked up once per procedure
and outcome, and the log line is only built when the ``kanboard.calls`` logger is on.
"""

from __future__ import annotations

import inspect
import logging
import os
import re
from collections.abc import Callable
from functools import wraps
from time import perf_counter
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from kanboard_site.log_format import request_id as current_request_id
from operations.metrics import (
    AUTHENTICATION_FAILURES,
    RPC_BATCH_SIZE,
    RPC_CALL_DURATION,
    RPC_CALLS,
)
from rpc.access import ACCESS
from rpc.authentication import RequestAuthentication
from rpc.errors import Unauthorized
from rpc.registry import CALLER_PARAMETER, procedures

calls_logger = logging.getLogger("kanboard.calls")

RESULT = "result"
# Names a client sent that are no procedure: never a label or a log field (unbounded).
UNKNOWN_PROCEDURE = "(unknown)"
CALL_MESSAGE = (
    "%(procedure)s %(outcome)s %(duration_ms).3fms caller=%(caller)s user_id=%(user_id)s "
    "project_id=%(project_id)s"
)
# What a trusted proxy may send as X-Request-ID (nginx's $request_id, UUIDs, and the like):
# anything else is replaced, so that a log line never carries a client's arbitrary text.
REQUEST_ID_FORMAT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

_call_counters: dict[tuple[str, Any], Any] = {}
_duration_histograms: dict[str, Any] = {}
_project_positions: dict[str, int | None] = {}


def observe_call(
    authentication: RequestAuthentication, method: str, params: Any, outcome: Any, started: float
) -> None:
    """Count one call (``outcome``: RESULT, an error code, 401 or 403) and log it."""
    duration = perf_counter() - started
    procedure = method if method in ACCESS else UNKNOWN_PROCEDURE
    key = (procedure, outcome)
    counter = _call_counters.get(key)
    if counter is None:
        counter = _call_counters[key] = RPC_CALLS.labels(procedure, str(outcome))
    counter.inc()
    histogram = _duration_histograms.get(procedure)
    if histogram is None:
        histogram = _duration_histograms[procedure] = RPC_CALL_DURATION.labels(procedure)
    histogram.observe(duration)
    if outcome == Unauthorized.status:
        AUTHENTICATION_FAILURES.labels(authentication.credential_kind()).inc()
    if calls_logger.isEnabledFor(logging.INFO):
        _log_call(authentication, procedure, params, outcome, duration)


def observe_batch(size: int) -> None:
    RPC_BATCH_SIZE.observe(size)


class _CallFields(dict):
    """The fields of a call line; an unknown one reads as "-" in the text format."""

    def __missing__(self, key: str) -> str:
        return "-"


def _log_call(
    authentication: RequestAuthentication, procedure: str, params: Any, outcome: Any, duration
) -> None:
    fields = _CallFields(
        procedure=procedure,
        outcome=outcome,
        duration_ms=round(duration * 1000, 3),
        caller=authentication.credential_kind(),
    )
    if authentication.user_id is not None:
        fields["user_id"] = authentication.user_id
    project_id = _project_id(procedure, params)
    if project_id is not None:
        fields["project_id"] = project_id
    calls_logger.info(CALL_MESSAGE, fields)


def _project_id(procedure: str, params: Any) -> int | None:
    """The project a call names by its ``project_id`` parameter, when it names one."""
    if isinstance(params, dict):
        value = params.get("project_id")
    elif isinstance(params, list):
        position = _project_position(procedure)
        value = params[position] if position is not None and position < len(params) else None
    else:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def _project_position(procedure: str) -> int | None:
    if procedure not in _project_positions:
        wrapper = procedures.procedures.get(procedure)
        names = []
        if wrapper is not None:
            signature = inspect.signature(wrapper.func_or_coro)
            names = [name for name in signature.parameters if name != CALLER_PARAMETER]
        _project_positions[procedure] = names.index("project_id") if "project_id" in names else None
    return _project_positions[procedure]


def request_id_of(request: HttpRequest) -> str:
    """The proxy's X-Request-ID when the proxy is trusted and the id well-formed, else new."""
    if settings.REQUEST_ID_FROM_PROXY:
        offered = request.META.get("HTTP_X_REQUEST_ID")
        if offered and REQUEST_ID_FORMAT.fullmatch(offered):
            return offered
    return os.urandom(16).hex()


def with_request_id(view: Callable[[HttpRequest], HttpResponse]) -> Callable:
    """The view, its log lines tagged with the request id, which its response carries."""

    @wraps(view)
    def tagged_view(request: HttpRequest) -> HttpResponse:
        request_id = request_id_of(request)
        token = current_request_id.set(request_id)
        try:
            response = view(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response

    return tagged_view
