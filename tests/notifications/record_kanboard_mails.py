"""Records the notification e-mails the real Kanboard 1.2.53 sends for the steps of
``mail_scenario`` into ``data/kanboard_mails.json``, which ``test_emails`` compares with
this server's.

Run from the project root, with the Kanboard kit of ``../shared/kanboard-ref`` (or
``$KANBOARD_REF``) and its work dir in ``$KANBOARD_REF_HOME``::

    KANBOARD_REF_HOME=/tmp/kanboard-ref \
        .venv/bin/python -m tests.notifications.record_kanboard_mails 8092

It points Kanboard's SMTP transport at an aiosmtpd server of its own (a block of its own in
Kanboard's config.php; no queue worker is configured, so Kanboard sends during the
request), starts Kanboard on a fresh database, makes the scenario's users notified by
e-mail (through the database: the API has no procedure for it), plays every step through
the API and keeps the mails each step made. The overdue notifications come from Kanboard's
``notification:overdue-tasks`` command. Kanboard is stopped at the end.
"""

from __future__ import annotations

import base64
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.notifications.mail_scenario import (
    APPLICATION_URL,
    NOTIFICATIONS_FILTER,
    PASSWORD,
    STEPS_WITH_URL,
    STEPS_WITHOUT_URL,
    set_up,
)
from tests.notifications.smtp_inbox import Inbox, start_smtp_server

FIXTURE = Path(__file__).parent / "data" / "kanboard_mails.json"
KIT = Path(os.environ.get("KANBOARD_REF", "../shared/kanboard-ref"))
HOME = Path(os.environ["KANBOARD_REF_HOME"])
CONFIG_BEGIN, CONFIG_END = "// notification mails: begin", "// notification mails: end"


def point_mail_at(smtp_port: int) -> None:
    config = HOME / "kanboard" / "config.php"
    text = re.sub(
        rf"\n{re.escape(CONFIG_BEGIN)}.*{re.escape(CONFIG_END)}\n",
        "\n",
        config.read_text(),
        flags=re.S,
    )
    block = (
        f"{CONFIG_BEGIN}\n"
        "define('MAIL_TRANSPORT', 'smtp');\n"
        "define('MAIL_SMTP_HOSTNAME', '127.0.0.1');\n"
        f"define('MAIL_SMTP_PORT', {smtp_port});\n"
        "define('MAIL_FROM', 'notifications@kanboard.local');\n"
        f"{CONFIG_END}\n"
    )
    config.write_text(text.rstrip("\n") + "\n" + block)


class Kanboard:
    def __init__(self, port: int) -> None:
        self.port = port
        self.env = {**os.environ, "KANBOARD_REF_HOME": str(HOME)}
        self.data = HOME / "run" / str(port) / "data"

    def start(self) -> None:
        subprocess.run([KIT / "start-kanboard.sh", str(self.port)], env=self.env, check=True)

    def stop(self) -> None:
        subprocess.run([KIT / "stop-kanboard.sh", str(self.port)], env=self.env, check=True)

    def call(self, method: str, params, as_user: str | None):
        user, secret = (as_user, PASSWORD) if as_user else ("jsonrpc", "test")
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


def play(kanboard: Kanboard, inbox: Inbox, steps, ids: dict) -> list[dict]:
    recorded = []
    for name, step in steps:
        inbox.received.clear()
        if step is None:
            kanboard.notify_overdue_tasks()
        else:
            step(kanboard.call, ids)
        time.sleep(0.2)  # the SMTP session's last reply may precede the handler's append
        recorded.append({"step": name, "mails": list(inbox.received)})
    return recorded


def main(port: int) -> None:
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    point_mail_at(controller.port)
    kanboard = Kanboard(port)
    kanboard.start()
    try:
        ids: dict = {}
        set_up(kanboard.call, ids)
        kanboard.sql(
            *[
                (
                    "UPDATE users SET notifications_enabled = 1, notifications_filter = ? "
                    "WHERE username = ?",
                    (notifications_filter, username),
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
            ("UPDATE settings SET value = ? WHERE option = 'application_url'", (APPLICATION_URL,)),
        )
        steps = play(kanboard, inbox, STEPS_WITH_URL, ids)
        kanboard.sql(("UPDATE settings SET value = '' WHERE option = 'application_url'",))
        steps += play(kanboard, inbox, STEPS_WITHOUT_URL, ids)
    finally:
        kanboard.stop()
        controller.stop()
    FIXTURE.parent.mkdir(exist_ok=True)
    FIXTURE.write_text(
        json.dumps({"ids": ids, "steps": steps}, indent=1, ensure_ascii=False) + "\n"
    )
    print(f"{sum(len(step['mails']) for step in steps)} mails recorded in {FIXTURE}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8092)
