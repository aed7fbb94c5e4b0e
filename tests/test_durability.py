"""A write acknowledged to the client survives a worker killed under write load: the
real gunicorn on the test database, writers creating tasks, one worker SIGKILLed."""

from __future__ import annotations

import base64
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from accounts.config import get_config
from tasks.models import Task
from tests.factories import ProjectFactory

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 4


def database_url() -> str:
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(database['NAME']).resolve()}"
    user = database["USER"] or "postgres"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{database['PORT'] or 5432}/{database['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text()
    return [int(pid) for pid in children.split()]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    # The web workers alone: no job worker (and its supervisor) among the master's children.
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DATA_DIR": str(tmp_path),
        "WORKER_WITH_SERVER": "false",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "deploy/gunicorn.conf.py",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("w"),
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers_of(process.pid)) < 2 or not _answers(port):
            assert process.poll() is None and time.monotonic() < deadline, "no gunicorn"
            time.sleep(0.2)
        yield port, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.django_db(transaction=True)
def test_every_acknowledged_task_survives_a_killed_worker(seeded, server):
    port, master = server
    project = ProjectFactory(name="Durable")
    token = base64.b64encode(f"jsonrpc:{get_config('api_token')}".encode()).decode()
    acknowledged: list[int] = []
    stop = threading.Event()

    def write(writer: int) -> None:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = 0
        while not stop.is_set():
            n += 1
            body = json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "createTask",
                    "params": {"title": f"w{writer}-{n}", "project_id": project.pk},
                    "id": n,
                }
            )
            try:
                client.request("POST", "/jsonrpc.php", body, {"Authorization": f"Basic {token}"})
                answer = json.loads(client.getresponse().read())
            except (OSError, http.client.HTTPException, ValueError):
                client.close()  # the killed worker's connection: not acknowledged
                continue
            if isinstance(answer.get("result"), int) and answer["result"] is not False:
                acknowledged.append(answer["result"])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        while len(acknowledged) < 20:
            time.sleep(0.05)
        victim = workers_of(master)[0]
        os.kill(victim, signal.SIGKILL)
        before_kill = len(acknowledged)
        deadline = time.monotonic() + 60
        while len(acknowledged) < before_kill + 20 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert victim not in workers_of(master)
    assert len(acknowledged) >= before_kill + 20, "the writes did not go on after the kill"
    stored = set(Task.objects.filter(project=project).values_list("pk", flat=True))
    assert set(acknowledged) <= stored
