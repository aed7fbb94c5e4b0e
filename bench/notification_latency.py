"""What notifications add to a request: createTask and moveTaskPosition, in-process,
through the API view (no HTTP), on a temporary SQLite database.

    .venv/bin/python bench/notification_latency.py [--calls 100] [--rounds 4]

Three projects, the same calls in each, interleaved by rounds (A-B-C then C-B-A):

- quiet: nobody to notify, no webhook;
- queued: 5 members who want every notification by web and e-mail, and a webhook
  configured (Kanboard's webhook_url setting): the request queues one job per event;
- synchronous: the same, with the jobs run inside the request (django_tasks'
  ImmediateBackend), as Kanboard does: web rows, one mail per member through a local SMTP
  server, in the request.

Prints the median and 90th percentile wall time per call of each, and the median CPU time\n(steadier on a busy machine), in milliseconds.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBSCRIBERS = 5
SYNCHRONOUS_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["DATA_DIR"] = data_dir
        os.environ.pop("DATABASE_URL", None)
        os.environ["LOG_CALLS"] = "false"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kanboard_site.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        run(arguments.calls, arguments.rounds)


def run(calls: int, rounds: int) -> None:
    from aiosmtpd.controller import Controller
    from django.core.management import call_command
    from django.test import RequestFactory, override_settings

    from accounts.config import get_config, set_config
    from accounts.models import User, UserNotificationType
    from projects.models import ProjectUserRole
    from rpc.protocol import jsonrpc_view

    call_command("migrate", verbosity=0)
    credentials = base64.b64encode(f"jsonrpc:{get_config('api_token')}".encode()).decode()
    factory = RequestFactory(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Basic {credentials}")

    def call(method: str, params) -> object:
        body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1})
        response = jsonrpc_view(factory.post("/jsonrpc.php", body, content_type="application/json"))
        answer = json.loads(response.content)
        assert "error" not in answer and answer["result"] is not False, answer
        return answer["result"]

    projects = {
        name: call("createProject", {"name": name}) for name in ("quiet", "queued", "synchronous")
    }
    set_config("webhook_url", "http://127.0.0.1:9/webhook")
    for n in range(SUBSCRIBERS):
        user = User.objects.create(
            username=f"member{n}",
            email=f"member{n}@example.org",
            notifications_enabled=True,
            notifications_filter=1,
        )
        for name in ("queued", "synchronous"):
            ProjectUserRole.objects.create(
                project_id=projects[name], user=user, role="project-member"
            )
        UserNotificationType.objects.bulk_create(
            UserNotificationType(user=user, notification_type=kind) for kind in ("email", "web")
        )

    class Discard:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = Controller(Discard(), hostname="127.0.0.1", port=port)
    smtp.start()
    mail = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": smtp.port,
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
    }
    columns = {
        name: [column["id"] for column in call("getColumns", [project_id])[1:3]]
        for name, project_id in projects.items()
    }
    wall: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}

    def timed(name: str, method: str, params) -> None:
        started, started_cpu = time.perf_counter(), time.process_time()
        call(method, params)
        wall.setdefault((name, method), []).append(time.perf_counter() - started)
        cpu.setdefault((name, method), []).append(time.process_time() - started_cpu)

    def measure(name: str) -> None:
        project_id = projects[name]
        # The moved task goes between Ready and Work in progress, where it is alone: the
        # cost of a move does not grow with the tasks created meanwhile (in Backlog).
        task_id = call(
            "createTask",
            {"title": "moved", "project_id": project_id, "column_id": columns[name][0]},
        )
        for n in range(calls):
            timed(name, "createTask", {"title": f"task {n}", "project_id": project_id})
            column_id = columns[name][(n + 1) % 2]
            timed(name, "moveTaskPosition", [project_id, task_id, column_id, 1, 0])

    with override_settings(**mail):
        for round_number in range(rounds):
            order = ["quiet", "queued", "synchronous"]
            for name in order if round_number % 2 == 0 else reversed(order):
                if name == "synchronous":
                    with override_settings(TASKS=SYNCHRONOUS_TASKS):
                        measure(name)
                else:
                    measure(name)
    smtp.stop()

    print(f"{calls * rounds} calls each, {os.cpu_count()} cores; per call, in ms")
    print(
        f"{'project':<12} {'procedure':<17} {'wall median':>11} {'wall p90':>9} {'CPU median':>10}"
    )
    for key, samples in wall.items():
        samples.sort()
        p90 = samples[int(len(samples) * 0.9)]
        print(
            f"{key[0]:<12} {key[1]:<17} {statistics.median(samples) * 1e3:>11.2f}"
            f" {p90 * 1e3:>9.2f} {statistics.median(cpu[key]) * 1e3:>10.2f}"
        )


if __name__ == "__main__":
    main()
