"""Servers for the deployment tests: gunicorn with deploy/gunicorn.conf.py on the test
database (the tests that use it commit their data: ``transaction=True``)."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

SCRAPE_TOKEN = "scrape-" + "s" * 30
ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


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
            METRICS_TOKEN=SCRAPE_TOKEN,
            PASSWORD_BCRYPT_ROUNDS="4",
            **environment,
        )
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            str(DEPLOY / "gunicorn.conf.py"),
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
    # Every line the server wrote could be written: a format asking for a record field the
    # logging set-up leaves out makes the logging module print its error instead.
    for log in tmp_path.glob("gunicorn-*.log"):
        assert "--- Logging error ---" not in log.read_text(errors="replace"), log.read_text()


def store_files_in(settings, location: Path) -> None:
    """Point ``STORAGES["files"]`` (where uploads go, and what readiness probes) there."""
    settings.STORAGES = {
        **settings.STORAGES,
        "files": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location},
        },
    }
