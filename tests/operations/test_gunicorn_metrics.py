"""Metrics under gunicorn with deploy/gunicorn.conf.py: several worker processes, one
scrape that adds them all up, the workers that have exited included."""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "scrape-" + "s" * 30
GET_VERSION = b'{"jsonrpc":"2.0","method":"getVersion","id":1}'

pytestmark = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    """The test database, for the server processes."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, port: int, process: subprocess.Popen) -> None:
        self.port = port
        self.process = process

    def request(self, method: str, path: str, body: bytes | None = None, **headers) -> tuple:
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            return response.status, response.read()
        finally:
            client.close()


@pytest.fixture
def start_gunicorn(tmp_path):
    started = []

    def start(*arguments: str, **environment: str) -> Server:
        port = free_port()
        # Each server gets the directory it is given, or none (made by the configuration).
        env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
        env.update(
            DATABASE_URL=database_url(),
            DATA_DIR=str(settings.DATA_DIR),
            METRICS_TOKEN=TOKEN,
            PASSWORD_BCRYPT_ROUNDS="4",
            **environment,
        )
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            *arguments,
        ]
        log = (tmp_path / f"gunicorn-{port}.log").open("wb")
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        server = Server(port, process)
        started.append(server)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                server.request("GET", "/healthcheck.php")
                return server
            except OSError:
                assert process.poll() is None, (tmp_path / f"gunicorn-{port}.log").read_text()
                time.sleep(0.2)
        pytest.fail("gunicorn did not start")

    yield start
    for server in started:
        server.process.terminate()
        server.process.wait(timeout=30)


def scrape(server: Server) -> dict[str, float]:
    status, body = server.request("GET", "/metrics", Authorization=f"Bearer {TOKEN}")
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
