"""Load benchmark: the API under gunicorn on SQLite and PostgreSQL, next to a bare WSGI app.

    .venv/bin/python bench/run.py [--seconds 5] [--clients 4] [--databases sqlite postgres]
                                  [--worker-classes gthread sync] [--cases getVersion ...]

For each database the script creates a fresh database (a temporary SQLite file; a
temporary PostgreSQL database on 127.0.0.1:5432, user postgres), migrates and seeds it,
starts gunicorn with deploy/gunicorn.conf.py (4 workers), and runs every case with
closed-loop clients, each a separate process on its own keep-alive connection, for a fixed
time, best of two runs — the method of the Kanboard figures in the specification. The
bare WSGI app answers a fixed JSON body under the same gunicorn settings: the ceiling of
the machine and the server. It prints a Markdown table; docs/benchmarks.md keeps one.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import multiprocessing
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "bench-password"
POSTGRES = "postgres://postgres@127.0.0.1:5432"

# Kanboard 1.2.53 behind nginx + php-fpm (4 workers), from the specification.
KANBOARD = {
    "getVersion": 367,
    "getMe": 32,
    "batch of 10 getUser": 32,
    "getTask": 478,
    "getAllTasks (200 tasks)": 222,
    "batch of 10 getTask": 180,
    "getBoard (200 tasks)": 142,
    "searchTasks (200 tasks)": 181,
    "createTask (8 writers)": 95,
}
# getMe and user-API batches compare with Kanboard's getMe (bcrypt on every call).


@dataclass
class Case:
    name: str
    body: object  # a JSON-RPC request object or batch; "{...}" placeholders from the seed
    user: bool = False  # User API (password) instead of the application token
    writers: int = 0  # concurrent clients for write cases (0: the --clients default)
    kanboard: str | None = None


CASES = [
    Case("getVersion", {"jsonrpc": "2.0", "method": "getVersion", "id": 1}),
    Case("getMe", {"jsonrpc": "2.0", "method": "getMe", "id": 1}, user=True, kanboard="getMe"),
    Case("getAllUsers (200 users)", {"jsonrpc": "2.0", "method": "getAllUsers", "id": 1}),
    Case(
        "batch of 10 getUser",
        [
            {"jsonrpc": "2.0", "method": "getUser", "params": ["{user_id}"], "id": n}
            for n in range(10)
        ],
        user=True,
        kanboard="getMe",
    ),
    Case("getTask", {"jsonrpc": "2.0", "method": "getTask", "params": ["{task_id}"], "id": 1}),
    Case(
        "batch of 10 getTask",
        [
            {"jsonrpc": "2.0", "method": "getTask", "params": ["{task_id}"], "id": n}
            for n in range(10)
        ],
    ),
    Case(
        "getAllTasks (200 tasks)",
        {"jsonrpc": "2.0", "method": "getAllTasks", "params": ["{project_id}"], "id": 1},
    ),
    Case(
        "getBoard (200 tasks)",
        {"jsonrpc": "2.0", "method": "getBoard", "params": ["{project_id}"], "id": 1},
    ),
    Case(
        "searchTasks (200 tasks)",
        {
            "jsonrpc": "2.0",
            "method": "searchTasks",
            "params": ["{project_id}", "status:open"],
            "id": 1,
        },
    ),
    Case(
        "createTask (8 writers)",
        {
            "jsonrpc": "2.0",
            "method": "createTask",
            "params": {"title": "load", "project_id": "{write_project_id}"},
            "id": 1,
        },
        writers=8,
    ),
    Case(
        "createProject",
        {"jsonrpc": "2.0", "method": "createProject", "params": {"name": "load"}, "id": 1},
    ),
]


SEED = """
import json, sys
from accounts.config import get_config
from accounts.models import User
from accounts.passwords import hash_password
from projects.models import Column, Project, Swimlane
from tasks.models import Task

password = hash_password(sys.argv[1])
User.objects.filter(username="admin").update(password=password)
User.objects.bulk_create(User(username=f"user{n:03}", password=password) for n in range(199))
def board(name):
    project = Project.objects.create(name=name)
    columns = [Column.objects.create(project=project, title=title, position=position)
               for position, title in enumerate(["Backlog", "Ready", "Work in progress", "Done"], 1)]
    swimlane = Swimlane.objects.create(project=project, name="Default swimlane", position=1)
    return project, columns, swimlane
project, columns, swimlane = board("Bench")
Task.objects.bulk_create(
    Task(title=f"Task {n}", project=project, column=columns[n % 4], swimlane=swimlane,
         position=n // 4 + 1, color_id="yellow", date_creation=0, date_due=0, date_started=0)
    for n in range(200))
write_project, _, _ = board("Writes")
print(json.dumps({"token": get_config("api_token"), "project_id": project.pk,
                  "write_project_id": write_project.pk,
                  "task_id": Task.objects.filter(project=project).first().pk,
                  "user_id": User.objects.get(username="user000").pk}))
"""


def fill(body, values: dict):
    if isinstance(body, dict):
        return {key: fill(value, values) for key, value in body.items()}
    if isinstance(body, list):
        return [fill(item, values) for item in body]
    if isinstance(body, str) and body.startswith("{") and body.endswith("}"):
        return values[body[1:-1]]
    return body


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, worker_class: str, app: str | None, log_dir: Path) -> Server:
    port = free_port()
    log = log_dir / f"gunicorn-{port}.log"
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "-c",
        "deploy/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "4",
        "--worker-class",
        worker_class,
    ]
    if app:
        command.append(app)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return Server(port, process, log)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not start, see {log}")


def client_loop(port: int, payload: bytes, auth: str, seconds: float, start_at: float, queue):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": auth, "Content-Type": "application/json"}
    latencies, failures = [], 0
    while time.time() < start_at:
        time.sleep(0.001)
    end = time.perf_counter() + seconds
    while (began := time.perf_counter()) < end:
        try:
            connection.request("POST", "/jsonrpc.php", payload, headers)
            response = connection.getresponse()
            body = response.read()
            ok = response.status == 200 and b'"error"' not in body
        except (OSError, http.client.HTTPException):
            connection.close()
            ok = False
        latencies.append(time.perf_counter() - began)
        failures += not ok
    queue.put((latencies, failures))


@dataclass
class Measure:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    failures: int
    calls: int = field(default=0)


def measure(port: int, payload: bytes, auth: str, clients: int, seconds: float) -> Measure:
    queue = multiprocessing.Queue()
    start_at = time.time() + 0.5
    workers = [
        multiprocessing.Process(
            target=client_loop, args=(port, payload, auth, seconds, start_at, queue)
        )
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    latencies = sorted(latency for result in results for latency in result[0])
    failures = sum(result[1] for result in results)
    return Measure(
        requests_per_second=len(latencies) / seconds,
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=latencies[int(len(latencies) * 0.99) - 1] * 1000,
        failures=failures,
        calls=len(latencies),
    )


def best_of_two(*args) -> Measure:
    return max((measure(*args) for _ in range(2)), key=lambda m: m.requests_per_second)


def basic(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()


def prepare_database(kind: str, work_dir: Path) -> tuple[dict, dict, callable]:
    env = {**os.environ, "DATA_DIR": str(work_dir), "PYTHONPATH": str(ROOT)}
    cleanup = lambda: None  # noqa: E731
    if kind == "postgres":
        name = f"kb_bench_{os.getpid()}"
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f'CREATE DATABASE "{name}"'],
            check=True,
        )
        env["DATABASE_URL"] = f"{POSTGRES}/{name}"

        def cleanup():
            subprocess.run(
                [
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-qc",
                    f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
                ],
                check=False,
            )
    else:
        env.pop("DATABASE_URL", None)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    seeded = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", SEED.replace("sys.argv[1]", repr(PASSWORD))],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return env, json.loads(seeded.stdout.strip().splitlines()[-1]), cleanup


def available(port: int, auth: str, method: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": [], "id": 1})
    connection.request("POST", "/jsonrpc.php", body, {"Authorization": auth})
    return b"-32601" not in connection.getresponse().read()


def run(args) -> None:
    rows = []
    for database in args.databases:
        with tempfile.TemporaryDirectory() as work:
            work_dir = Path(work)
            env, seed, cleanup = prepare_database(database, work_dir)
            try:
                for worker_class in args.worker_classes:
                    bare = start_gunicorn(
                        env, worker_class, "bench.bare_wsgi:application", work_dir
                    )
                    try:
                        ceiling = best_of_two(bare.port, b"{}", "", args.clients, args.seconds)
                    finally:
                        bare.stop()
                    rows.append((database, worker_class, "bare WSGI app (ceiling)", ceiling, None))
                    server = start_gunicorn(env, worker_class, None, work_dir)
                    try:
                        for case in CASES:
                            if args.cases and case.name.split(" ")[0] not in args.cases:
                                continue
                            app_auth = basic("jsonrpc", seed["token"])
                            method = (case.body[0] if isinstance(case.body, list) else case.body)[
                                "method"
                            ]
                            if not available(server.port, app_auth, method):
                                continue
                            auth = basic("admin", PASSWORD) if case.user else app_auth
                            payload = json.dumps(fill(case.body, seed)).encode()
                            clients = case.writers or args.clients
                            result = best_of_two(server.port, payload, auth, clients, args.seconds)
                            rows.append(
                                (
                                    database,
                                    worker_class,
                                    case.name,
                                    result,
                                    KANBOARD.get(case.kanboard or case.name),
                                )
                            )
                    finally:
                        server.stop()
            finally:
                cleanup()
    print_table(rows, args)


def print_table(rows, args) -> None:
    print(
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{args.clients} closed-loop clients on keep-alive connections (8 for createTask), "
        f"{args.seconds:g} s per run, best of two.\n"
    )
    print(
        "| database | workers | case | requests/s | p50 ms | p99 ms | failed calls | Kanboard req/s | × Kanboard |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for database, worker_class, name, result, kanboard in rows:
        ratio = f"{result.requests_per_second / kanboard:.1f}×" if kanboard else ""
        print(
            f"| {database} | {worker_class} | {name} | {result.requests_per_second:,.0f} | "
            f"{result.p50_ms:.1f} | {result.p99_ms:.1f} | {result.failures} | {kanboard or ''} | {ratio} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--worker-classes", nargs="+", default=["gthread"])
    parser.add_argument("--cases", nargs="*", help="first word of the case names to run")
    args = parser.parse_args()
    if shutil.which("psql") is None and "postgres" in args.databases:
        parser.error("psql is needed to create the PostgreSQL benchmark database")
    run(args)


if __name__ == "__main__":
    main()
