"""The Prometheus metrics of the server, served at ``/metrics`` (``operations.views``).

Under gunicorn every worker is a process of its own: ``deploy/gunicorn.conf.py`` points
``PROMETHEUS_MULTIPROC_DIR`` at a directory where each worker keeps its values in
memory-mapped files, and a scrape adds up the files of all workers, the dead ones
included (counters never go back). Without that variable (``manage.py runserver``, a
single process) the values live in the process and are served from it.

Label values are bounded: procedure names come from the access table, never from the
request, and outcomes from the error codes the server itself answers.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROCESS_DIRECTORY_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"

RPC_CALLS = Counter(
    "kanboard_rpc_calls",
    "JSON-RPC calls by procedure and outcome: result, a JSON-RPC error code, 401 or 403.",
    ["procedure", "outcome"],
)
RPC_CALL_DURATION = Histogram(
    "kanboard_rpc_call_duration_seconds",
    "Time spent in one JSON-RPC call (authentication, access checks, procedure, encoding).",
    ["procedure"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
RPC_BATCH_SIZE = Histogram(
    "kanboard_rpc_batch_size",
    "Number of request objects in a JSON-RPC batch.",
    buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
)
AUTHENTICATION_FAILURES = Counter(
    "kanboard_authentication_failures",
    "API requests refused with 401, by the credential they named: "
    "application (user jsonrpc), user, or none.",
    ["credential"],
)
ACCOUNT_LOCKOUTS = Counter(
    "kanboard_account_lockouts",
    "User accounts locked after too many failed logins.",
)


def exposition() -> tuple[bytes, str]:
    """The text format of every metric (all workers' in multiprocess mode), its type."""
    if os.environ.get(MULTIPROCESS_DIRECTORY_VARIABLE):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return generate_latest(registry), CONTENT_TYPE_LATEST
