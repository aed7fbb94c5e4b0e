"""The README's command alone delivers notifications: gunicorn starts a worker beside its
own workers, and stops it with itself; WORKER_WITH_SERVER=false leaves it to a worker run
apart."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from accounts.config import get_config
from notifications.models import UnreadNotification
from tests.test_durability import database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def start_server(tmp_path, **environment) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url(), "DATA_DIR": str(tmp_path), **environment}
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "deploy/gunicorn.conf.py",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
        start_new_session=True,
    )
    return process, port


def call(port: int, method: str, params) -> object:
    token = base64.b64encode(f"jsonrpc:{get_config('api_token')}".encode()).decode()
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1})
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/jsonrpc.php",
        body.encode(),
        {"Authorization": f"Basic {token}"},
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())["result"]
        except OSError:
            assert time.monotonic() < deadline, "the server never answered"
            time.sleep(0.2)


def job_workers(master: int) -> list[str]:
    """The command lines of the server's job workers."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            command = (status.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if int(fields[1]) == master and b"run_worker" in command:
            found.append(status.parent.name)
    return found


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)


def test_the_server_runs_a_worker_that_delivers_and_stops_with_it(tmp_path, world, subscriber):
    alice = subscriber("alice", channels=("web",))
    server, port = start_server(tmp_path)
    try:
        task_id = call(port, "createTask", {"title": "Served", "project_id": world.project.pk})
        deadline = time.monotonic() + 60
        while not UnreadNotification.objects.filter(user=alice).exists():
            assert time.monotonic() < deadline, (tmp_path / "gunicorn.log").read_text()
            time.sleep(0.2)
        [worker] = job_workers(server.pid)
    finally:
        stop(server)

    assert UnreadNotification.objects.get(user=alice).event_name == "task.create"
    assert json.loads(UnreadNotification.objects.get(user=alice).event_data)["task_id"] == task_id
    assert not Path(f"/proc/{worker}").exists()


def test_without_worker_with_server_the_server_runs_no_worker(tmp_path, world):
    server, port = start_server(tmp_path, WORKER_WITH_SERVER="false")
    try:
        call(port, "getVersion", [])
        assert job_workers(server.pid) == []
    finally:
        stop(server)
