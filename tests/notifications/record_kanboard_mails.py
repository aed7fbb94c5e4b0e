"""Records the notification e-mails the real Kanboard 1.2.53 sends for the steps of
``mail_scenario`` into ``data/kanboard_mails.json``, which ``test_emails`` compares with
this server's.

Run from the project root, with the Kanboard kit beside the clone in
``../shared/kanboard-ref`` (or ``$KANBOARD_REF_DIR``) and its work dir in
``$KANBOARD_REF_HOME`` (the kit's default: the temporary directory's ``kanboard-ref``)::

    .venv/bin/python -m tests.notifications.record_kanboard_mails [PORT]

It points Kanboard's SMTP transport at an aiosmtpd server of its own (a block added to
Kanboard's config.php for the run, then taken out; no queue worker is configured, so
Kanboard sends during the request), starts Kanboard on a fresh database, makes the
scenario's users notified by e-mail (through the database: the API has no procedure for
it), plays every step through the API and keeps the mails each step made. The overdue
notifications come from Kanboard's ``notification:overdue-tasks`` command. Kanboard is
stopped at the end.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.notifications.mail_scenario import (
    APPLICATION_URL,
    NOTIFICATIONS_FILTER,
    PASSWORD,
    STEPS_WITH_URL,
    STEPS_WITHOUT_URL,
    set_up,
)
from tests.smtp_inbox import Inbox, start_smtp_server

FIXTURE = Path(__file__).parent / "data" / "kanboard_mails.json"
REPO = Path(__file__).resolve().parents[2]
KIT = Path(os.environ.get("KANBOARD_REF_DIR") or REPO.parent / "shared" / "kanboard-ref")
HOME = Path(os.environ.get("KANBOARD_REF_HOME") or Path(tempfile.gettempdir()) / "kanboard-ref")
APP_TOKEN = "test"  # the kit's default application token
KIT_ENVIRONMENT = ("PATH", "HOME", "LANG", "TMPDIR")


@contextmanager
def mail_sent_to(smtp_port: int) -> Iterator[None]:
    """Kanboard's config.php sends mail by SMTP to the port, until the block ends."""
    config = HOME / "kanboard" / "config.php"
    original = config.read_text()
    config.write_text(
        original.rstrip("\n") + "\n"
        "define('MAIL_TRANSPORT', 'smtp');\n"
        "define('MAIL_SMTP_HOSTNAME', '127.0.0.1');\n"
        f"define('MAIL_SMTP_PORT', {smtp_port});\n"
        "define('MAIL_FROM', 'notifications@kanboard.local');\n"
    )
    try:
        yield
    finally:
        config.write_text(original)


class Kanboard:
    def __init__(self, port: int) -> None:
        self.port = port
        # Only what the kit needs: Kanboard reads DATABASE_URL, among others, as its own.
        inherited = {name: os.environ[name] for name in KIT_ENVIRONMENT if name in os.environ}
        self.env = {**inherited, "KANBOARD_REF_HOME": str(HOME), "KB_API_TOKEN": APP_TOKEN}
        self.data = HOME / "run" / str(port) / "data"

    def kit(self, script: str) -> None:
        subprocess.run([KIT / script, str(self.port)], env=self.env, check=True)

    def call(self, method: str, params, as_user: str | None):
        user, secret = (as_user, PASSWORD) if as_user else ("jsonrpc", APP_TOKEN)
        body = json.dumps({"jsonrpc": "2.0", "method": method, "id": 1, "params": params})
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/jsonrpc.php",
            body.encode(),
            {"Authorization": "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
        if "error" in answer or answer["result"] is False:
            raise RuntimeError(f"{method} {params}: {answer}")
        return answer["result"]

    def sql(self, *statements: tuple) -> None:
        with sqlite3.connect(self.data / "db.sqlite") as db:
            for statement in statements:
                db.execute(*statement)
        db.close()

    def notify_overdue_tasks(self) -> None:
        subprocess.run(
            ["php", HOME / "kanboard" / "cli", "notification:overdue-tasks"],
            env={**self.env, "DATA_DIR": str(self.data)},
            check=True,
        )

    def notify_by_email(self, ids: dict) -> None:
        """The scenario's notified users, as Kanboard's notification settings save them."""
        self.sql(
            *[
                (
                    "UPDATE users SET notifications_enabled = 1, notifications_filter = ? "
                    "WHERE id = ?",
                    (notifications_filter, ids[username]),
                )
                for username, notifications_filter in NOTIFICATIONS_FILTER.items()
            ],
            *[
                (
                    "INSERT INTO user_has_notification_types (user_id, notification_type) "
                    "VALUES (?, 'email')",
                    (ids[username],),
                )
                for username in NOTIFICATIONS_FILTER
            ],
        )

    def set_application_url(self, url: str) -> None:
        self.sql(("UPDATE settings SET value = ? WHERE option = 'application_url'", (url,)))


def play(kanboard: Kanboard, inbox: Inbox, steps, ids: dict) -> list[dict]:
    """The mails of each step. Kanboard sends them before it answers, and the SMTP server
    keeps a mail before it accepts it: they are all in the inbox when the step ends."""
    recorded = []
    for name, step in steps:
        inbox.received.clear()
        if step is None:
            kanboard.notify_overdue_tasks()
        else:
            step(kanboard.call, ids)
        recorded.append({"step": name, "mails": list(inbox.received)})
    return recorded


def record(port: int, destination: Path) -> None:
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    kanboard = Kanboard(port)
    try:
        with mail_sent_to(controller.port):
            kanboard.kit("start-kanboard.sh")
            try:
                ids: dict = {}
                set_up(kanboard.call, ids)
                kanboard.notify_by_email(ids)
                kanboard.set_application_url(APPLICATION_URL)
                steps = play(kanboard, inbox, STEPS_WITH_URL, ids)
                kanboard.set_application_url("")
                steps += play(kanboard, inbox, STEPS_WITHOUT_URL, ids)
            finally:
                kanboard.kit("stop-kanboard.sh")
    finally:
        controller.stop()
    destination.write_text(
        json.dumps({"ids": ids, "steps": steps}, indent=1, ensure_ascii=False) + "\n"
    )


if __name__ == "__main__":
    record(int(sys.argv[1]) if len(sys.argv) > 1 else 8092, FIXTURE)
    print(f"recorded in {FIXTURE}")
