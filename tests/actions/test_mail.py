"""TaskEmail and TaskEmailNoActivity send real mail: through an SMTP server started by the
test, or to the log when no transport is configured."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time

import pytest

from actions.daily import run_daily_job
from tasks.models import Task
from tests.factories import TaskFactory

PREFIX = "\\Kanboard\\Action\\"


@pytest.fixture
def recipient(world):
    lead = world.users["manager"]
    lead.email, lead.name = "lead@example.org", "Team Lead"
    lead.save(update_fields=["email", "name"])
    return lead


def test_task_email_sends_the_task_through_smtp(
    rpc, world, board, smtp_server, recipient, django_capture_on_commit_callbacks
):
    """Subject, headers and body as Kanboard 1.2.53 sent them for the same task (recorded
    from its SMTP transport; its Markdown's emphasis aside)."""
    member = world.users["member"]
    member.name, member.email = "Mia", "mia@example.org"
    member.save(update_fields=["name", "email"])
    ready = board["columns"][1]
    subject = "Ready: {{title}} #{{id}} {{category_name}} {{date_due}}"
    params = {"column_id": ready.pk, "user_id": recipient.pk, "subject": subject}
    rpc.call("createAction", [world.project.pk, "task.move.column", PREFIX + "TaskEmail", params])
    task_id = rpc.call(
        "createTask",
        {
            "title": "Ship <it> & go",
            "project_id": world.project.pk,
            "description": "Line one\nline two\n\nPara two",
            "date_due": "2027-01-05 10:00",
            "owner_id": member.pk,
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        rpc.call(
            "moveTaskPosition", [world.project.pk, task_id, ready.pk, 1, 0], as_=world["member"]
        )

    [mail] = smtp_server.received
    sender, recipients, message = mail["envelope_from"], mail["envelope_to"], mail["headers"]
    created = time.strftime(
        "%m/%d/%Y %H:%M", time.gmtime(Task.objects.get(pk=task_id).date_creation)
    )
    assert sender == "notifications@kanboard.local"
    assert recipients == ["lead@example.org"]
    assert (
        message["Subject"] == f"Ready: Ship <it> & go #{task_id} {{{{category_name}}}} 1799143200"
    )
    assert message["From"] == "Mia via Kanboard <notifications@kanboard.local>"
    assert message["Reply-To"] == "mia@example.org"
    assert message["To"] == "Team Lead <lead@example.org>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Content-Type"].startswith("text/html")
    # The transport ends the message with a line break.
    assert mail["body"].removesuffix("\n") == (
        "<html>\n<body>\n"
        f"<h2>Ship &lt;it&gt; &amp; go (#{task_id})</h2>\n\n"
        "<ul>\n"
        f"    <li>\n        Created: {created}    </li>\n"
        "        <li>\n        <strong>Due date: 01/05/2027 10:00</strong>\n    </li>\n"
        "            <li>\n        <strong>\n"
        "                    Assigned to Mia                </strong>\n    </li>\n"
        "    <li>\n        Column on the board:        <strong>Ready</strong>\n    </li>\n"
        "    <li>Task position: 1</li>\n"
        "    </ul>\n\n"
        "    <h2>Description</h2>\n"
        "    <p>Line one<br />\nline two</p>\n<p>Para two</p>\n"
        "<hr/>\nKanboard\n\n"
        "</body>\n</html>"
    )


def test_no_mail_leaves_when_the_change_rolls_back(
    rpc, world, board, smtp_server, recipient, django_capture_on_commit_callbacks
):
    ready = board["columns"][1]
    params = {"column_id": ready.pk, "user_id": recipient.pk, "subject": "S"}
    rpc.call("createAction", [world.project.pk, "task.create", PREFIX + "TaskEmail", params])

    with django_capture_on_commit_callbacks(execute=True):
        reply = rpc.call(
            "createTask",
            {
                "title": "T",
                "project_id": world.project.pk,
                "column_id": ready.pk,
                "date_due": "not a date",
            },
        )

    assert reply is False
    assert smtp_server.received == []


def test_no_mail_for_a_user_without_an_address(
    rpc, world, board, smtp_server, django_capture_on_commit_callbacks
):
    ready = board["columns"][1]
    params = {"column_id": ready.pk, "user_id": world.users["member"].pk, "subject": "S"}
    rpc.call("createAction", [world.project.pk, "task.create", PREFIX + "TaskEmail", params])

    with django_capture_on_commit_callbacks(execute=True):
        rpc.call(
            "createTask", {"title": "T", "project_id": world.project.pk, "column_id": ready.pk}
        )

    assert smtp_server.received == []


def test_the_daily_mail_of_idle_tasks_goes_through_smtp(
    world, smtp_server, recipient, django_capture_on_commit_callbacks
):
    action = world.project.actions.create(
        event_name="task.cronjob.daily", action_name=PREFIX + "TaskEmailNoActivity"
    )
    for name, value in (("user_id", str(recipient.pk)), ("subject", "Idle"), ("duration", "1")):
        action.params.create(name=name, value=value)
    long_ago = int(time.time()) - 3 * 86400
    idle = TaskFactory(project=world.project, title="Idle one", date_modification=long_ago)
    TaskFactory(project=world.project, title="Busy one")

    with django_capture_on_commit_callbacks(execute=True):
        run_daily_job()

    [mail] = smtp_server.received
    sender, recipients, message = mail["envelope_from"], mail["envelope_to"], mail["headers"]
    assert (sender, recipients, message["Subject"]) == (
        "notifications@kanboard.local",
        ["lead@example.org"],
        "Idle",
    )
    assert message["From"] == "Kanboard <notifications@kanboard.local>"
    assert f"<h2>Idle one (#{idle.pk})</h2>" in mail["body"]


def test_without_a_transport_mail_is_written_to_the_log(
    rpc, world, board, recipient, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "kanboard_site.mail.LogBackend"
    ready = board["columns"][1]
    params = {"column_id": ready.pk, "user_id": recipient.pk, "subject": "Logged"}
    rpc.call("createAction", [world.project.pk, "task.create", PREFIX + "TaskEmail", params])

    with (
        caplog.at_level(logging.WARNING, logger="kanboard.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        rpc.call(
            "createTask", {"title": "T", "project_id": world.project.pk, "column_id": ready.pk}
        )

    [record] = [record for record in caplog.records if record.name == "kanboard.mail"]
    assert record.levelno == logging.WARNING
    assert "Team Lead <lead@example.org>" in record.getMessage()
    assert "'Logged'" in record.getMessage()


def test_a_failing_transport_is_logged_and_the_change_stays(
    rpc, world, board, recipient, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    ready = board["columns"][1]
    params = {"column_id": ready.pk, "user_id": recipient.pk, "subject": "S"}
    rpc.call("createAction", [world.project.pk, "task.create", PREFIX + "TaskEmail", params])

    with django_capture_on_commit_callbacks(execute=True):
        task_id = rpc.call(
            "createTask", {"title": "T", "project_id": world.project.pk, "column_id": ready.pk}
        )

    assert type(task_id) is int
    assert any("could not be sent" in record.getMessage() for record in caplog.records)


def mail_settings(tmp_path, **environment) -> list[str]:
    code = (
        "from kanboard_site import settings as s;"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL,"
        " s.MAIL_FROM, sep='|')"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAIL_")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DATA_DIR": str(tmp_path), **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip().split("|") if done.returncode == 0 else ["failed", done.stderr]


def test_mail_settings_come_from_kanboards_names(tmp_path):
    assert mail_settings(tmp_path) == [
        "kanboard_site.mail.LogBackend",
        "",
        "25",
        "False",
        "False",
        "notifications@kanboard.local",
    ]
    assert mail_settings(
        tmp_path,
        MAIL_SMTP_HOSTNAME="smtp.example.org",
        MAIL_SMTP_PORT="587",
        MAIL_SMTP_ENCRYPTION="tls",
        MAIL_FROM="kanboard@example.org",
    ) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "587",
        "True",
        "False",
        "kanboard@example.org",
    ]


@pytest.mark.parametrize(
    "environment", [{"MAIL_TRANSPORT": "sendmail"}, {"MAIL_SMTP_ENCRYPTION": "starttls"}]
)
def test_unknown_mail_settings_fail_loudly(tmp_path, environment):
    outcome = mail_settings(tmp_path, **environment)

    assert outcome[0] == "failed" and "ImproperlyConfigured" in outcome[1]
