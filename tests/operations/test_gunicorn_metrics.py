"""Metrics under gunicorn with deploy/gunicorn.conf.py: several worker processes, one
scrape that adds them all up, the workers that have exited included."""

from __future__ import annotations

import base64
import json

import pytest

from tests.operations.conftest import SCRAPE_TOKEN, Server

GET_VERSION = b'{"jsonrpc":"2.0","method":"getVersion","id":1}'

pytestmark = pytest.mark.django_db(transaction=True)


def scrape(server: Server) -> dict[str, float]:
    status, body = server.request("GET", "/metrics", Authorization=f"Bearer {SCRAPE_TOKEN}")
    assert status == 200, body
    samples = {}
    for line in body.decode().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


CALLS = 'kanboard_rpc_calls_total{outcome="result",procedure="getVersion"}'
DURATIONS = 'kanboard_rpc_call_duration_seconds_count{procedure="getVersion"}'


def test_a_scrape_adds_up_every_worker_including_the_exited_ones(
    start_gunicorn, app_token, tmp_path
):
    metrics_dir = tmp_path / "metrics"
    # Two workers, each replaced after two requests: the calls are served by several
    # processes, most of them gone by the time of the scrape.
    server = start_gunicorn(
        "--workers",
        "2",
        "--max-requests",
        "2",
        "--max-requests-jitter",
        "0",
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
    )
    credentials = base64.b64encode(f"jsonrpc:{app_token}".encode()).decode()
    for _ in range(8):
        status, body = server.request(
            "POST", "/jsonrpc.php", GET_VERSION, Authorization=f"Basic {credentials}"
        )
        assert (status, json.loads(body)["result"]) == (200, "1.2.53")

    samples = scrape(server)

    assert samples[CALLS] == 8
    assert samples[DURATIONS] == 8
    writers = {path.stem.rpartition("_")[2] for path in metrics_dir.glob("counter_*.db")}
    assert len(writers) >= 3


def test_without_a_directory_the_configuration_makes_one(start_gunicorn, app_token):
    server = start_gunicorn("--workers", "2")
    credentials = base64.b64encode(f"jsonrpc:{app_token}".encode()).decode()
    for _ in range(3):
        server.request("POST", "/jsonrpc.php", GET_VERSION, Authorization=f"Basic {credentials}")

    assert scrape(server)[CALLS] == 3
