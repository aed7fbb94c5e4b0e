"""Memory of a server process for a 24 MiB attachment: createTaskFile, then
downloadTaskFile; this project on SQLite, and Kanboard next to it when asked.

    .venv/bin/python bench/file_memory.py [--mebibytes 24]
                     [--kanboard http://127.0.0.1:8111/jsonrpc.php --kanboard-fpm-master PID]

The script migrates a temporary SQLite database and starts gunicorn with
deploy/gunicorn.conf.py and one worker (MAX_REQUEST_BYTES raised to fit the base64 of the
file). Kanboard (started with ``start-kanboard-fpm.sh 8111 4``) is measured through its
php-fpm children. Each server is warmed up with a small upload and download; then, for
each call, the peak resident memory of every worker is reset (Linux:
``/proc/<pid>/clear_refs``), the call is made, and the new peaks (``VmHWM``) are read: the
worker that grew most is the one that served it. It prints a Markdown table: resident
memory before the call, the peak during it, the growth, and the growth in units of the
file's size (the copies of it held at once).
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PYTHON, basic, free_port  # noqa: E402

SETUP = """
import json
from accounts.config import get_config
print(json.dumps({"token": get_config("api_token")}))
"""


@dataclass
class Target:
    name: str
    url: str
    auth: str
    workers: list[int]

    def call(self, method: str, params):
        parts = urlsplit(self.url)
        body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1})
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        connection.request(
            "POST",
            parts.path,
            body=body.encode(),
            headers={"Authorization": self.auth, "Content-Type": "application/json"},
        )
        reply = json.loads(connection.getresponse().read())
        connection.close()
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]


def kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def children(master: int) -> list[int]:
    deadline = time.time() + 30
    while time.time() < deadline:
        found = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        if found:
            return [int(pid) for pid in found]
        time.sleep(0.2)
    raise RuntimeError(f"process {master} has no worker")


def measure(workers: list[int], action) -> tuple[int, int]:
    """(resident KiB before, peak KiB during) of the worker that grew most."""
    for pid in workers:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    before = {pid: kib(pid, "VmRSS") for pid in workers}
    action()
    peaks = {pid: kib(pid, "VmHWM") for pid in workers}
    served = max(workers, key=lambda pid: peaks[pid] - before[pid])
    return before[served], peaks[served]


def wait_until_ready(target: Target) -> None:
    deadline = time.time() + 30
    while True:
        try:
            target.call("getVersion", [])
            return
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def measure_target(target: Target, content: bytes, blob: str) -> list[tuple]:
    wait_until_ready(target)
    project = target.call("createProject", {"name": "Files"})
    task = target.call("createTask", {"title": "Attachments", "project_id": project})
    small = target.call("createTaskFile", [project, task, "warm.txt", "eA=="])
    target.call("downloadTaskFile", [small])
    created = {}

    def upload():
        created["id"] = target.call("createTaskFile", [project, task, "big.bin", blob])

    def download():
        created["content"] = base64.b64decode(target.call("downloadTaskFile", [created["id"]]))

    rows = [(target.name, "createTaskFile", *measure(target.workers, upload))]
    rows.append((target.name, "downloadTaskFile", *measure(target.workers, download)))
    assert created["content"] == content, f"{target.name}: the download differs"
    return rows


def measure_project(size: int, content: bytes, blob: str) -> list[tuple]:
    with tempfile.TemporaryDirectory() as work_dir:
        env = {
            **os.environ,
            "DATA_DIR": work_dir,
            "PYTHONPATH": str(ROOT),
            # 24 MiB is 32 MiB of base64: just over the default request limit (32 MiB).
            "MAX_REQUEST_BYTES": str(size * 4 // 3 + 1024 * 1024),
        }
        env.pop("DATABASE_URL", None)
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        setup = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", SETUP],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        token = json.loads(setup.stdout.strip().splitlines()[-1])["token"]
        port = free_port()
        log = Path(work_dir) / "gunicorn.log"
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        server = subprocess.Popen(
            [gunicorn, "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "-w", "1"],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            target = Target(
                "this project (gunicorn, 1 worker)",
                f"http://127.0.0.1:{port}/jsonrpc.php",
                basic("jsonrpc", token),
                children(server.pid),
            )
            return measure_target(target, content, blob)
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mebibytes", type=int, default=24)
    parser.add_argument("--kanboard", help="Kanboard's JSON-RPC URL (application token 'test')")
    parser.add_argument("--kanboard-fpm-master", type=int, help="pid of its php-fpm master")
    args = parser.parse_args()
    size = args.mebibytes * 1024 * 1024
    content = os.urandom(size)
    blob = base64.b64encode(content).decode()

    rows = measure_project(size, content, blob)
    if args.kanboard:
        kanboard = Target(
            "Kanboard 1.2.53 (php-fpm)",
            args.kanboard,
            basic("jsonrpc", "test"),
            children(args.kanboard_fpm_master),
        )
        rows += measure_target(kanboard, content, blob)

    mib = size / 1024 / 1024
    print(f"File of {mib:.0f} MiB ({len(blob) / 1024 / 1024:.0f} MiB of base64):\n")
    print(
        "| server | call | resident before (MiB) | peak during (MiB) | growth (MiB) | growth ÷ file size |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for server, name, before, peak in rows:
        growth = (peak - before) / 1024
        print(
            f"| {server} | {name} | {before / 1024:.0f} | {peak / 1024:.0f} | {growth:.0f} "
            f"| {growth / mib:.1f} |"
        )


if __name__ == "__main__":
    main()
