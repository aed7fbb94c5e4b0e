"""The README's command alone delivers notifications: gunicorn starts a worker beside its
own workers, and stops it with itself; WORKER_WITH_SERVER=false leaves it to a worker run
apart."""

from __future__ import annotations

import base64
import json
import os
import signal
import time
from pathlib import Path

import pytest

from accounts.config import get_config
from notifications.models import UnreadNotification

pytestmark = pytest.mark.django_db(transaction=True)


def call(server, method: str, params) -> object:
    token = base64.b64encode(f"jsonrpc:{get_config('api_token')}".encode()).decode()
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1})
    status, answer = server.request(
        "POST", "/jsonrpc.php", body.encode(), Authorization=f"Basic {token}"
    )
    assert status == 200, answer
    return json.loads(answer)["result"]


def job_workers(master: int) -> list[int]:
    """The pids of the server's job workers (run_worker processes below its master)."""
    parents, commands = {}, {}
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(status.parent.name)] = int(status.read_text().rsplit(")", 1)[1].split()[1])
            commands[int(status.parent.name)] = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue

    def below_master(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == master:
                return True
        return False

    return [
        pid for pid, command in commands.items() if b"run_worker" in command and below_master(pid)
    ]


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_the_server_runs_a_worker_that_delivers_and_stops_with_it(
    world, subscriber, start_gunicorn
):
    alice = subscriber("alice", channels=("web",))
    server = start_gunicorn("--workers=1")
    master = server.process.pid

    task_id = call(server, "createTask", {"title": "Served", "project_id": world.project.pk})
    wait_for(
        lambda: UnreadNotification.objects.filter(user=alice).exists(),
        "no worker delivered the notification",
    )
    [worker] = job_workers(master)
    server.process.terminate()
    server.process.wait(timeout=60)

    notification = UnreadNotification.objects.get(user=alice)
    assert notification.event_name == "task.create"
    assert json.loads(notification.event_data)["task_id"] == task_id
    assert not Path(f"/proc/{worker}").exists()


def test_without_worker_with_server_the_server_runs_no_worker(world, start_gunicorn):
    with_worker = start_gunicorn("--workers=1")
    without = start_gunicorn("--workers=1", WORKER_WITH_SERVER="false")
    wait_for(lambda: job_workers(with_worker.process.pid), "the first server has no worker")

    assert call(without, "getVersion", []) == call(with_worker, "getVersion", [])
    assert job_workers(without.process.pid) == []


def test_a_job_worker_that_dies_is_started_again(world, start_gunicorn):
    server = start_gunicorn("--workers=1")
    master = server.process.pid
    wait_for(lambda: job_workers(master), "the server has no worker")
    [first] = job_workers(master)

    os.kill(first, signal.SIGKILL)

    wait_for(lambda: job_workers(master) not in ([], [first]), "no worker was started again")
    assert len(job_workers(master)) == 1


def test_a_server_killed_outright_takes_its_job_worker_with_it(world, start_gunicorn):
    server = start_gunicorn("--workers=1")
    wait_for(lambda: job_workers(server.process.pid), "the server has no worker")
    [worker] = job_workers(server.process.pid)

    server.process.kill()
    server.process.wait(timeout=10)

    wait_for(
        lambda: (
            not Path(f"/proc/{worker}/cmdline").exists()
            or not Path(f"/proc/{worker}/cmdline").read_bytes()
        ),
        "the job worker outlived its server",
    )
