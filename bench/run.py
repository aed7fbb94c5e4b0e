"""Side-by-side load benchmark: Kanboard 1.2.53 and this server, in one run, interleaved.

    .venv/bin/python bench/run.py [--database sqlite postgres] [--duration 5] [--rounds 1]
                                  [--clients 4] [--workers 4] [--cases getBoard ...]
                                  [--kanboard-port 8082] [--output FILE]

One command does everything:

1. starts the real Kanboard 1.2.53 behind nginx + php-fpm (``--workers`` static children)
   with ``start-kanboard-fpm.sh`` from ``--kanboard-ref`` (default ``../shared/kanboard-ref``,
   next to the project), on a fresh SQLite database;
2. for each ``--database``: creates a fresh database for this server (a temporary SQLite
   file, or the PostgreSQL database ``--postgres-database`` dropped and created again on
   ``--postgres-url``), migrates it, starts gunicorn with ``deploy/gunicorn.conf.py`` and
   ``--workers`` workers, and the bare WSGI app (``bench/bare_wsgi.py``) under the same
   settings: the ceiling of the machine and the server;
3. seeds both servers identically through the JSON-RPC API (a 200-task project, a
   2,000-task project, a project that receives the writes);
4. runs every case with ``--clients`` closed-loop clients (separate processes, each on its
   own keep-alive connection) for ``--duration`` seconds per measurement, interleaved
   Kanboard, this server, this server, Kanboard (A-B-B-A), ``--rounds`` times; each side's
   best measurement is reported, so slow drift of the machine falls on both sides alike;
5. reads the peak resident memory of the workers of both servers after the 2,000-task
   cases, and writes the Markdown tables (with the machine's description) to stdout and
   to ``--output``.

Both servers are stopped on the way out, on failure and on Ctrl-C as well. Kanboard runs
on SQLite in every table: the PostgreSQL table compares this server on PostgreSQL with
Kanboard on SQLite. The default run took 15 minutes on a heavily loaded 2-core machine.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import multiprocessing
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
KANBOARD_TOKEN = "bench-token"
ADMIN = ("admin", "admin")  # both servers' fresh databases hold this account
TASKS = 200
GROWTH_TASKS = 2000
MEASURE_GRACE = 60  # seconds beyond --duration before a measurement is declared stuck


def rpc(method: str, params=None, request_id: int = 1) -> dict:
    body = {"jsonrpc": "2.0", "method": method, "id": request_id}
    if params is not None:
        body["params"] = params
    return body


@dataclass
class Case:
    name: str
    body: object  # a request object or a batch; "{name}" strings are filled from the seed
    user: bool = False  # User API (admin's password) instead of the application token
    clients: int = 0  # 0: --clients
    write: bool = False  # counted in successful calls (a failed write is not a request served)
    memory: bool = False  # read the workers' peak memory after this case


CASES = [
    Case("getVersion", rpc("getVersion")),
    Case("getMe (User API)", rpc("getMe"), user=True),
    Case("getTask", rpc("getTask", ["{task_id}"])),
    Case("batch of 10 getTask", [rpc("getTask", ["{task_id}"], n) for n in range(1, 11)]),
    Case(f"getAllTasks, {TASKS} tasks", rpc("getAllTasks", ["{project_id}"])),
    Case(f"getBoard, {TASKS} tasks", rpc("getBoard", ["{project_id}"])),
    Case(
        f'searchTasks "status:open", {TASKS} tasks',
        rpc("searchTasks", ["{project_id}", "status:open"]),
    ),
    Case(
        f"getAllTasks, {GROWTH_TASKS:,} tasks",
        rpc("getAllTasks", ["{growth_project_id}"]),
        memory=True,
    ),
    Case(
        f"getBoard, {GROWTH_TASKS:,} tasks", rpc("getBoard", ["{growth_project_id}"]), memory=True
    ),
    Case(
        "createTask, 4 writers",
        rpc("createTask", {"title": "load", "project_id": "{write_project_id}"}),
        clients=4,
        write=True,
    ),
]


def fill(body, values: dict):
    if isinstance(body, dict):
        return {key: fill(value, values) for key, value in body.items()}
    if isinstance(body, list):
        return [fill(item, values) for item in body]
    if isinstance(body, str) and body.startswith("{") and body.endswith("}"):
        return values[body[1:-1]]
    return body


def basic(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()


class Endpoint:
    """One server's /jsonrpc.php with the two credentials the cases use."""

    def __init__(
        self, label: str, port: int, token: str, pids: callable, cpu_roots: callable
    ) -> None:
        self.label = label
        self.port = port
        self.application = basic("jsonrpc", token)
        self.user = basic(*ADMIN)
        self.worker_pids = pids  # () -> the pids of the processes that serve requests
        # () -> the pids whose process trees do the serving's work (database server included)
        self.cpu_roots = cpu_roots

    def cpu_seconds(self) -> float:
        return sum(tree_cpu_seconds(root) for root in self.cpu_roots())

    def call(self, body, auth: str | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(
                "POST",
                "/jsonrpc.php",
                json.dumps(body),
                {"Authorization": auth or self.application, "Content-Type": "application/json"},
            )
            response = connection.getresponse()
            answer = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise RuntimeError(f"{self.label}: HTTP {response.status} for {body!r:.200}")
        return json.loads(answer)

    def result(self, method: str, params=None):
        answer = self.call(rpc(method, params))
        if "error" in answer or answer.get("result") is False:
            raise RuntimeError(f"{self.label}: {method} answered {answer!r:.300}")
        return answer["result"]


# --- seeding, identical on both servers, through the API only ---------------------------

SEED_COLORS = ["yellow", "blue", "green", "red", "grey"]


def seed(endpoint: Endpoint) -> dict:
    admin_id = endpoint.call(rpc("getMe"), endpoint.user)["result"]["id"]
    project_id = _project_with_tasks(endpoint, "Bench", TASKS, admin_id)
    growth_project_id = _project_with_tasks(endpoint, "Growth", GROWTH_TASKS, admin_id)
    write_project_id = endpoint.result("createProject", {"name": "Writes"})
    first_task = endpoint.result("getAllTasks", [project_id, 1])[0]["id"]
    return {
        "project_id": project_id,
        "growth_project_id": growth_project_id,
        "write_project_id": write_project_id,
        "task_id": first_task,
    }


def _project_with_tasks(endpoint: Endpoint, name: str, count: int, admin_id: int) -> int:
    """Tasks spread over the four default columns, a fifth of them assigned, some tagged,
    with scores, due dates and descriptions; one in ten closed."""
    project_id = endpoint.result("createProject", {"name": name})
    endpoint.result("addProjectUser", [project_id, admin_id, "project-member"])
    columns = [column["id"] for column in endpoint.result("getColumns", [project_id])]
    bodies = []
    for n in range(count):
        params = {
            "title": f"Task {n}",
            "project_id": project_id,
            "column_id": columns[n % len(columns)],
            "color_id": SEED_COLORS[n % len(SEED_COLORS)],
            "score": n % 8,
            "description": f"Description of task {n}" if n % 3 == 0 else "",
        }
        if n % 5 == 0:
            params["owner_id"] = admin_id
        if n % 7 == 0:
            params["tags"] = ["bench", f"tag{n % 3}"]
        if n % 4 == 0:
            params["date_due"] = "2030-01-15"
        bodies.append(rpc("createTask", params, n + 1))
    created = []
    for start in range(0, len(bodies), 50):
        for answer in endpoint.call(bodies[start : start + 50]):
            if not isinstance(answer.get("result"), int) or answer["result"] is False:
                raise RuntimeError(f"{endpoint.label}: createTask answered {answer!r:.300}")
            created.append(answer["result"])
    closing = [rpc("closeTask", [task_id], n) for n, task_id in enumerate(created[::10], 1)]
    for start in range(0, len(closing), 50):
        endpoint.call(closing[start : start + 50])
    return project_id


# --- load generation -------------------------------------------------------------------


class KeepAliveConnection:
    """A lean HTTP/1.1 client on one keep-alive connection: the request is encoded once,
    and a response is read by its Content-Length or its chunks (nginx chunks Kanboard's
    replies). It costs about 17 µs of CPU per call, where http.client costs about 100 µs:
    the load generator shares the two cores with the servers, and what it spends is taken
    from both."""

    def __init__(self, port: int, request: bytes) -> None:
        self.port = port
        self.request = request
        self.sock: socket.socket | None = None
        self.pending = b""

    def call(self) -> tuple[int, bytes]:
        """(HTTP status, body); reconnects when the server has closed the connection
        (nginx does after 1,000 requests, gunicorn when it recycles a worker)."""
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.pending = b""
        try:
            self.sock.sendall(self.request)
            return self._response()
        except OSError:
            self.close()
            raise

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def _receive(self) -> None:
        data = self.sock.recv(262144)
        if not data:
            raise ConnectionError("closed by the server")
        self.pending += data

    def _response(self) -> tuple[int, bytes]:
        while (end := self.pending.find(b"\r\n\r\n")) < 0:
            self._receive()
        head = self.pending[:end].lower()
        self.pending = self.pending[end + 4 :]
        status = int(head[9:12])
        if b"connection: close" in head:
            body = self._sized(head) if b"content-length:" in head else self._until_closed()
            self.close()
            return status, body
        if b"transfer-encoding: chunked" in head:
            return status, self._chunked()
        return status, self._sized(head)

    def _sized(self, head: bytes) -> bytes:
        start = head.index(b"content-length:") + 15
        stop = head.find(b"\r\n", start)
        size = int(head[start : stop if stop >= 0 else None])
        while len(self.pending) < size:
            self._receive()
        body, self.pending = self.pending[:size], self.pending[size:]
        return body

    def _chunked(self) -> bytes:
        parts = []
        while True:
            while (line_end := self.pending.find(b"\r\n")) < 0:
                self._receive()
            size = int(self.pending[:line_end].split(b";")[0], 16)
            while len(self.pending) < line_end + 2 + size + 2:
                self._receive()
            parts.append(self.pending[line_end + 2 : line_end + 2 + size])
            self.pending = self.pending[line_end + 2 + size + 2 :]
            if size == 0:
                return b"".join(parts)

    def _until_closed(self) -> bytes:
        try:
            while True:
                self._receive()
        except ConnectionError:
            return self.pending


def client_loop(port, payload, auth, write, duration, start_at, queue):
    request = (
        f"POST /jsonrpc.php HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: {auth}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode() + payload
    connection = KeepAliveConnection(port, request)
    latencies, failures = [], 0
    while time.time() < start_at:
        time.sleep(0.001)
    end = time.perf_counter() + duration
    while (began := time.perf_counter()) < end:
        try:
            status, body = connection.call()
            ok = status == 200 and b'"error"' not in body
            ok = ok and not (write and b'"result":false' in body)
        except (OSError, ValueError):
            ok = False
        latencies.append(time.perf_counter() - began)
        failures += not ok
    connection.close()
    queue.put((latencies, failures))


@dataclass
class Measure:
    requests_per_second: float  # successful calls per second for writes
    p50_ms: float
    p99_ms: float
    failures: int
    cpu_ms: float | None  # the server's CPU time per call (all calls), None if unknown


def measure(endpoint: Endpoint, case: Case, payload: bytes, clients: int, duration: float):
    queue = multiprocessing.Queue()
    start_at = time.time() + 0.3
    auth = endpoint.user if case.user else endpoint.application
    workers = [
        multiprocessing.Process(
            target=client_loop,
            args=(endpoint.port, payload, auth, case.write, duration, start_at, queue),
            daemon=True,
        )
        for _ in range(clients)
    ]
    cpu_before = endpoint.cpu_seconds()
    for worker in workers:
        worker.start()
    try:
        results = [queue.get(timeout=duration + MEASURE_GRACE) for _ in workers]
    finally:
        for worker in workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
    cpu_used = endpoint.cpu_seconds() - cpu_before
    latencies = sorted(latency for result in results for latency in result[0])
    failures = sum(result[1] for result in results)
    served = len(latencies) - failures if case.write else len(latencies)
    return Measure(
        requests_per_second=served / duration,
        p50_ms=statistics.median(latencies) * 1000,
        p99_ms=latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000,
        failures=failures,
        cpu_ms=cpu_used * 1000 / len(latencies) if latencies and cpu_used > 0 else None,
    )


def interleaved(first: Endpoint, second: Endpoint, measure_one, rounds: int):
    """A-B-B-A, ``rounds`` times; each side's best measurement."""
    found: dict[str, list[Measure]] = {first.label: [], second.label: []}
    for _ in range(rounds):
        for endpoint in (first, second, second, first):
            found[endpoint.label].append(measure_one(endpoint))
    return tuple(
        max(found[endpoint.label], key=lambda m: m.requests_per_second)
        for endpoint in (first, second)
    )


# --- processes -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited at start-up, see {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not start, see {log}")


def stop_group(process: subprocess.Popen) -> None:
    """Stop a server started in its own session: its whole process group."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and int(entry.name) != pgid:
            members.append(int(entry.name))
    return members


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(root: int) -> float:
    """CPU time (user and system) of a process, of the children it has reaped (recycled
    workers) and of its live descendants."""
    total, pending, first = 0, [root], True
    while pending:
        pid = pending.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        if first:
            total += int(fields[13]) + int(fields[14])
            first = False
        pending.extend(children_of(pid))
    return total / CLOCK_TICKS


def postgres_server_pids() -> list[int]:
    """The PostgreSQL server's main process (its backends are its children)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().split()
            parent = (Path("/proc") / fields[3] / "comm").read_text().strip()
        except (OSError, IndexError):
            continue
        if fields[1] == "(postgres)" and parent != "postgres":
            found.append(int(entry.name))
    return found


def peak_memory_mb(pids: list[int]) -> float:
    """The largest peak resident size (VmHWM) among the processes, in MiB."""
    peaks = [0]
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        peaks.extend(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return max(peaks) / 1024


def start_gunicorn(stack: ExitStack, env: dict, workers: int, log_dir: Path, app=None):
    port = free_port()
    log = log_dir / f"gunicorn-{port}.log"
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "-c",
        "deploy/gunicorn.conf.py",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        *([app] if app else []),
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    stack.callback(stop_group, process)
    wait_for_port(port, process, log)
    return port, process


def start_kanboard(stack: ExitStack, args) -> Endpoint:
    script = args.kanboard_ref / "start-kanboard-fpm.sh"
    stop = args.kanboard_ref / "stop-kanboard-fpm.sh"
    port = str(args.kanboard_port)
    stack.callback(subprocess.run, [str(stop), port], check=False, capture_output=True)
    env = {**os.environ, "KB_API_TOKEN": KANBOARD_TOKEN, "KB_VERSION": "1.2.53"}
    subprocess.run([str(script), port, str(args.workers)], env=env, check=True)
    run_dir = _kanboard_run_dir(args)
    fpm_group = int((run_dir / "fpm.pidg").read_text())
    nginx_group = int((run_dir / "nginx.pidg").read_text())
    return Endpoint(
        "Kanboard",
        args.kanboard_port,
        KANBOARD_TOKEN,
        lambda: group_members(fpm_group),
        lambda: [fpm_group, nginx_group],
    )


def _kanboard_run_dir(args) -> Path:
    default = Path(os.environ.get("TMPDIR", "/tmp"), "kanboard-ref")
    home = os.environ.get("KANBOARD_REF_HOME") or default
    return Path(home).resolve() / "run" / str(args.kanboard_port)


def prepare_database(stack: ExitStack, args, database: str, work_dir: Path) -> dict:
    env = {**os.environ, "DATA_DIR": str(work_dir), "PYTHONPATH": str(ROOT)}
    env.pop("API_AUTHENTICATION_TOKEN", None)
    if database == "postgres":
        name = args.postgres_database
        drop = ["psql", args.postgres_url, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)']
        subprocess.run(drop, check=True, capture_output=True)
        subprocess.run(["psql", args.postgres_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
        stack.callback(subprocess.run, drop, check=False, capture_output=True)
        env["DATABASE_URL"] = args.postgres_url.rsplit("/", 1)[0] + f"/{name}"
    else:
        env.pop("DATABASE_URL", None)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    return env


def stored_token(env: dict) -> str:
    shown = subprocess.run(
        [PYTHON, "manage.py", "show_api_token"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return shown.stdout.split("token ")[-1].strip()


# --- the run ---------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    kanboard: Measure | None
    ours: Measure
    kanboard_memory: float | None = None
    ours_memory: float | None = None
    reply_bytes: int = 0  # the size of this server's reply


def run_database(args, database: str, kanboard: Endpoint, kanboard_seed: dict) -> tuple:
    with ExitStack() as stack, tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        env = prepare_database(stack, args, database, work_dir)
        port, master = start_gunicorn(stack, env, args.workers, work_dir)
        database_server = postgres_server_pids() if database == "postgres" else []
        ours = Endpoint(
            "this server",
            port,
            stored_token(env),
            lambda: children_of(master.pid),
            lambda: [master.pid, *database_server],
        )
        bare_port, bare_master = start_gunicorn(
            stack, env, args.workers, work_dir, app="bench.bare_wsgi:application"
        )
        bare = Endpoint("bare WSGI app", bare_port, "", lambda: [], lambda: [bare_master.pid])
        print(f"[{database}] seeding this server through the API", file=sys.stderr)
        ours_seed = seed(ours)
        rows = []
        selected = [case for case in CASES if _selected(case, args.cases)]
        for case in selected:
            print(f"[{database}] {case.name}", file=sys.stderr)
            clients = case.clients or args.clients

            def measure_one(endpoint, case=case, clients=clients):
                values = kanboard_seed if endpoint is kanboard else ours_seed
                payload = json.dumps(fill(case.body, values)).encode()
                return measure(endpoint, case, payload, clients, args.duration)

            before = (
                peak_memory_mb(kanboard.worker_pids()),
                peak_memory_mb(ours.worker_pids()),
            )
            theirs, mine = interleaved(kanboard, ours, measure_one, args.rounds)
            row = Row(case.name, theirs, mine)
            if not case.write:
                body = fill(case.body, ours_seed)
                row.reply_bytes = len(json.dumps(ours.call(body, ours.user if case.user else None)))
            if case.memory:
                row.kanboard_memory = max(before[0], peak_memory_mb(kanboard.worker_pids()))
                row.ours_memory = max(before[1], peak_memory_mb(ours.worker_pids()))
            rows.append(row)
            if case.name == "getVersion":

                def measure_ceiling(endpoint, case=case, clients=clients):
                    payload = json.dumps(rpc("getVersion")).encode()
                    return measure(endpoint, case, payload, clients, args.duration)

                ceiling, version = interleaved(bare, ours, measure_ceiling, args.rounds)
                rows.append(Row("bare WSGI app (ceiling)", None, ceiling))
                rows.append(Row("getVersion, next to the ceiling", None, version))
        return rows


def _selected(case: Case, wanted: list[str] | None) -> bool:
    return not wanted or any(case.name.startswith(prefix) for prefix in wanted)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def table(database: str, rows: list[Row], args) -> str:
    lines = [
        f"### This server on {'PostgreSQL' if database == 'postgres' else 'SQLite'}, "
        "Kanboard 1.2.53 on SQLite",
        "",
        "| case | Kanboard req/s | p50 ms | p99 ms | failed | CPU ms/call "
        "| this server req/s | p50 ms | p99 ms | failed | CPU ms/call | ratio | CPU ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        ours = row.ours
        theirs_cells, ratio, cpu_ratio = " |  |  |  | ", "", ""
        if row.kanboard is not None:
            theirs = row.kanboard
            theirs_cells = (
                f"{theirs.requests_per_second:,.0f} | {theirs.p50_ms:.1f} | "
                f"{theirs.p99_ms:.1f} | {theirs.failures} | {_cpu(theirs)} "
            )
            ratio = (
                f"{ours.requests_per_second / theirs.requests_per_second:.2f}×"
                if theirs.requests_per_second
                else "∞"
            )
            if theirs.cpu_ms and ours.cpu_ms:
                cpu_ratio = f"{theirs.cpu_ms / ours.cpu_ms:.2f}×"
        lines.append(
            f"| {row.case} | {theirs_cells}| {ours.requests_per_second:,.0f} | "
            f"{ours.p50_ms:.1f} | {ours.p99_ms:.1f} | {ours.failures} | {_cpu(ours)} | "
            f"{ratio} | {cpu_ratio} |"
        )
    by_name = {row.case: row for row in rows}
    ceiling = by_name.get("bare WSGI app (ceiling)")
    version = by_name.get("getVersion, next to the ceiling")
    notes = []
    if ceiling and version and ceiling.ours.requests_per_second:
        share = version.ours.requests_per_second / ceiling.ours.requests_per_second
        notes.append(f"getVersion at {share:.0%} of the bare WSGI ceiling (measured B-A-A-B).")
    notes.extend(_growth_notes(by_name))
    memory = [row for row in rows if row.ours_memory is not None]
    if memory:
        row = memory[-1]
        notes.append(
            f"Peak resident memory of one worker after the {GROWTH_TASKS:,}-task cases: "
            f"this server {row.ours_memory:.0f} MiB (gunicorn worker), "
            f"Kanboard {row.kanboard_memory:.0f} MiB (php-fpm child)."
        )
    return "\n".join(lines + [""] + [f"- {note}" for note in notes]) + "\n"


def _cpu(measured: Measure) -> str:
    return "" if measured.cpu_ms is None else f"{measured.cpu_ms:.2f}"


def _growth_notes(by_name: dict[str, Row]) -> list[str]:
    """How time grows from the 200-task case to the 2,000-task one, next to the output."""
    notes = []
    for method in ("getAllTasks", "getBoard"):
        small = by_name.get(f"{method}, {TASKS} tasks")
        large = by_name.get(f"{method}, {GROWTH_TASKS:,} tasks")
        if not (small and large and small.reply_bytes and large.ours.requests_per_second):
            continue
        output = large.reply_bytes / small.reply_bytes
        ours = small.ours.requests_per_second / large.ours.requests_per_second
        theirs = small.kanboard.requests_per_second / max(large.kanboard.requests_per_second, 1)
        notes.append(
            f"{method} from {TASKS} to {GROWTH_TASKS:,} tasks: the output grows "
            f"{output:.1f}× ({small.reply_bytes / 1024:,.0f} KiB to "
            f"{large.reply_bytes / 1024:,.0f} KiB), the time per call {ours:.1f}× here and "
            f"{theirs:.1f}× on Kanboard."
        )
    return notes


def run(args) -> str:
    started = time.time()
    with ExitStack() as stack:
        kanboard = start_kanboard(stack, args)
        print("[kanboard] seeding Kanboard through the API", file=sys.stderr)
        kanboard_seed = seed(kanboard)
        sections = [
            table(database, run_database(args, database, kanboard, kanboard_seed), args)
            for database in args.database
        ]
    command = " ".join(["bench/run.py", *_options_shown(sys.argv[1:])])
    header = (
        f"Measured with `{command}`"
        + f" on {time.strftime('%Y-%m-%d', time.gmtime())}: {machine()}. "
        f"Kanboard 1.2.53 under nginx + php-fpm ({args.workers} static children, opcache), "
        f"this server under gunicorn ({args.workers} workers, deploy/gunicorn.conf.py); "
        f"{args.clients} closed-loop keep-alive clients per case, {args.duration:g} s per "
        f"measurement, A-B-B-A × {args.rounds}, best measurement of each side; "
        f"{time.time() - started:.0f} s in all.\n"
    )
    return header + "\n" + "\n".join(sections)


def _options_shown(argv: list[str]) -> list[str]:
    """The command line without where the report was written (a path of this machine)."""
    shown, skip = [], False
    for arg in argv:
        if skip or arg.startswith("--output="):
            skip = False
            continue
        if arg == "--output":
            skip = True
            continue
        shown.append(arg)
    return shown


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", nargs="+", choices=["sqlite", "postgres"],
                        default=["sqlite", "postgres"])  # fmt: skip
    parser.add_argument("--duration", type=float, default=5, help="seconds per measurement")
    parser.add_argument("--rounds", type=int, default=1, help="A-B-B-A rounds per case")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="on both servers")
    parser.add_argument("--cases", nargs="*", help="run only the cases whose names start so")
    parser.add_argument("--kanboard-port", type=int, default=8082)
    parser.add_argument("--kanboard-ref", type=Path, default=ROOT.parent / "shared/kanboard-ref")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="a database to connect to for creating the benchmark database")  # fmt: skip
    parser.add_argument("--postgres-database", default="kb_bench",
                        help="dropped and created again on every run")  # fmt: skip
    parser.add_argument("--output", type=Path, help="also write the tables to this file")
    args = parser.parse_args()
    if not (args.kanboard_ref / "start-kanboard-fpm.sh").exists():
        parser.error(f"no start-kanboard-fpm.sh in {args.kanboard_ref}: see --kanboard-ref")
    # Ctrl-C (even where a shell started this in the background with SIGINT ignored) and
    # a stop signal unwind the run, so that both servers are stopped.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    report = run(args)
    print(report)
    if args.output:
        args.output.write_text(report)


if __name__ == "__main__":
    main()
