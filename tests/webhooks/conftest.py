"""A real HTTP receiver on 127.0.0.1 (a thread), the settings that let the tests reach it,
and the worker run for real."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from accounts.config import set_config
from tests.test_admin import admin_client  # noqa: F401 (the admin's client, app-admin "boss")


@dataclass
class Received:
    path: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


class Receiver(ThreadingHTTPServer):
    """Answers each POST with the next of ``statuses`` (the last one repeats), or hangs
    until the test ends when that status is None; keeps every request received."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.statuses: list[int | None] = [200]
        self.headers_to_send: dict[str, str] = {}
        self.received: list[Received] = []
        self.released = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"

    def next_status(self) -> int | None:
        return self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]


class ReceiverHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append(Received(self.path, list(self.headers.items()), body))
        status = self.server.next_status()
        if status is None:
            self.server.released.wait(30)
            return
        self.send_response(status)
        for name, value in self.server.headers_to_send.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver():
    server = Receiver()
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def private_networks_allowed(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True


@pytest.fixture
def immediate_retries(settings):
    settings.NOTIFICATION_RETRY_DELAYS = (0, 0, 0)


@pytest.fixture
def global_webhook(seeded, receiver):
    """Kanboard's settings pointing the global webhook at the receiver."""
    set_config("webhook_url", receiver.url)
    set_config("webhook_token", "tok3n")
    set_config("webhook_secret", "s3cret")
    return receiver


def run_worker() -> None:
    """Run every job that is due, as `manage.py db_worker` does, then return."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
