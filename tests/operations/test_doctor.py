"""manage.py doctor: one line per check, non-zero exit on a failure."""

from __future__ import annotations

import io
import socket
import socketserver
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from operations.readiness import forget_migration_check
from tests.operations.conftest import store_files_in

PRODUCTION = {
    "DEBUG": False,
    "ALLOWED_HOSTS": ["kanboard.example.com"],
    "BEHIND_TLS_PROXY": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "METRICS_TOKEN": "t" * 40,
}


class SmtpGreeter(socketserver.StreamRequestHandler):
    """Enough of an SMTP server for a client to connect, greet and leave."""

    def handle(self):
        self.wfile.write(b"220 test.example ESMTP\r\n")
        for line in self.rfile:
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 test.example\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"502 not here\r\n")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpGreeter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def production(settings, tmp_path, smtp_server):
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server
    forget_migration_check()
    return settings


def doctor(*arguments) -> tuple[list[tuple[str, str]], str | None]:
    out = io.StringIO()
    try:
        call_command("doctor", *arguments, stdout=out)
        error = None
    except CommandError as failure:
        error = str(failure)
    lines = [(line[:4].strip(), line[6:19].strip()) for line in out.getvalue().splitlines()]
    return lines, error


def test_a_production_setup_is_all_ok(db, production):
    lines, error = doctor("--fail-on-warning")

    assert error is None
    assert lines == [
        ("ok", name)
        for name in (
            "database", "migrations", "file_storage", "debug", "secret_key",
            "allowed_hosts", "tls_proxy", "metrics", "api", "mail", "job_queue",
        )
    ]  # fmt: skip


def test_an_unwritable_file_storage_fails(db, production, tmp_path):
    (tmp_path / "a-file").write_text("")
    store_files_in(production, tmp_path / "a-file" / "files")

    lines, error = doctor()

    assert ("FAIL", "file_storage") in lines
    assert error == "1 failing: file_storage"


def test_debug_and_local_host_names_are_warnings(db, production):
    production.DEBUG = True
    production.ALLOWED_HOSTS = ["localhost"]

    lines, error = doctor()

    assert ("warn", "debug") in lines and ("warn", "allowed_hosts") in lines
    assert error is None
    assert doctor("--fail-on-warning")[1] == "2 failing: allowed_hosts, debug"


def test_without_the_tls_proxy_the_line_says_so(db, production, capsys):
    production.BEHIND_TLS_PROXY = False
    out = io.StringIO()

    call_command("doctor", stdout=out)

    assert "warn  tls_proxy     BEHIND_TLS_PROXY is off" in out.getvalue()


def test_invalid_metrics_addresses_fail(db, production):
    production.METRICS_ALLOWED_ADDRESSES = ["10.0.0.0/8", "not-an-address"]

    lines, error = doctor()

    assert ("FAIL", "metrics") in lines
    assert error == "1 failing: metrics"


def test_an_unreachable_mail_server_is_a_warning(db, production):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        production.EMAIL_PORT = closed.getsockname()[1]  # bound, not listening

        lines, error = doctor()

    assert ("warn", "mail") in lines
    assert error is None


def test_mail_that_is_not_delivered_is_a_warning(db, production):
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    lines, _ = doctor()

    assert ("warn", "mail") in lines
