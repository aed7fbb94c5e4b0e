"""The notification e-mails are Kanboard's: the steps of ``mail_scenario`` are played
against this server, the data of each event is caught by a subscriber, its e-mail is sent
through a real SMTP server and compared with the one Kanboard 1.2.53 sent for the same
step (``data/kanboard_mails.json``, made by ``record_kanboard_mails``).

Only what must differ is normalized: the ids (this database's against Kanboard's fresh
one) and the creation date of a task. The subject, the headers and every other byte of
the body are compared as they are."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import time
from pathlib import Path

import pytest
from django.db.models import F

from accounts.config import set_config
from accounts.models import User
from notifications.emails import notification_email
from tasks import events
from tasks.activity import RECORDED_EVENTS
from tasks.mentions import mentioned_members
from tasks.models import Task
from tests.conftest import Credentials
from tests.notifications import mail_scenario as scenario
from tests.notifications.record_kanboard_mails import KIT, record
from tests.smtp_inbox import Inbox, free_port

RECORDED = json.loads((Path(__file__).parent / "data" / "kanboard_mails.json").read_text())
# The events Kanboard notifies (its NotificationSubscriber's): those of the activity
# stream, and the mentions.
NOTIFIED = (*RECORDED_EVENTS, events.TASK_USER_MENTION, events.COMMENT_USER_MENTION)
TASK_KEYS = ("task", "second_task", "next_occurrence", "overdue_task", "second_overdue_task")
PROJECT_KEYS = ("project", "other_project")

_catching: list[list[tuple[str, dict, int]]] = []


@events.subscribe(*NOTIFIED)
def _catch(event: events.Event) -> None:
    """Keeps the name, data and author of each event while a test is catching them."""
    if _catching:
        _catching[-1].append((event.name, event.data, event.actor_id))


@pytest.fixture
def caught_events():
    caught: list[tuple[str, dict, int]] = []
    _catching.append(caught)
    yield caught
    _catching.remove(caught)


def overdue_event_data(project_id: int) -> dict:
    """task.overdue's data as Kanboard's notification:overdue-tasks command gives it to a
    user notified of every task of the project: the rows of its overdue tasks query."""
    rows = (
        Task.objects.filter(
            project_id=project_id, is_active=1, date_due__gt=0, date_due__lte=time.time()
        )
        .order_by("id")
        .values("id", "title", "date_due", "project_id", "creator_id", "owner_id")
        .annotate(project_name=F("project__name"))
    )
    users = {user.pk: user for user in User.objects.all()}
    tasks = [
        {
            **row,
            "assignee_username": getattr(users.get(row["owner_id"]), "username", None),
            "assignee_name": getattr(users.get(row["owner_id"]), "name", None),
        }
        for row in rows
    ]
    return {"tasks": tasks, "project_name": tasks[0]["project_name"]}


def with_mentions(caught: list[tuple[str, dict, int]]) -> list[tuple[str, dict, int]]:
    """The events, each task.create followed by Kanboard's task.user.mention to each member
    the new task's description mentions, while this server does not emit it (its data is
    task.create's with the mentioned user, as in Kanboard's UserMentionJob)."""
    if any(name == events.TASK_USER_MENTION for name, _, _ in caught):
        return caught
    completed = []
    for name, data, author_id in caught:
        completed.append((name, data, author_id))
        if name == events.TASK_CREATE:
            task = data["task"]
            for mention in mentioned_members(task["description"], task["project_id"], author_id):
                completed.append(
                    (events.TASK_USER_MENTION, {**data, "mention": mention}, author_id)
                )
    return completed


def send_notifications(caught: list[tuple[str, dict, int]], notified: User) -> None:
    """One e-mail per event to the notified member, or to the member it mentions, from the
    event's data as a job of the queue gets it (through JSON)."""
    for name, data, author_id in with_mentions(caught):
        event_data = json.loads(json.dumps(data))
        mention = event_data.get("mention")
        recipient = User.objects.get(pk=mention["id"]) if mention else notified
        notification_email(recipient, name, event_data, author_id).send()


def normalized(mail: dict, ids: dict) -> dict:
    """The mail with its ids replaced by their names in the scenario and the creation date
    of a task by a mark."""
    tasks = {ids[key]: key for key in TASK_KEYS if key in ids}
    projects = {ids[key]: key for key in PROJECT_KEYS}

    def named(text: str) -> str:
        text = re.sub(r"(?<=project_id=)\d+", lambda m: projects.get(int(m[0]), m[0]), text)
        text = re.sub(r"(?<=task_id=)\d+|(?<=#)\d+", lambda m: tasks.get(int(m[0]), m[0]), text)
        return re.sub(r"Created: \d\d/\d\d/\d{4} \d\d:\d\d", "Created: (date)", text)

    headers = {**mail["headers"], "Subject": named(mail["headers"]["Subject"])}
    return {**mail, "headers": headers, "body": named(mail["body"])}


def play(rpc, inbox: Inbox, caught: list, steps, ids: dict, bob: User) -> list[dict]:
    def call(method, params, as_user):
        return rpc.call(
            method, params, as_=Credentials(as_user, scenario.PASSWORD) if as_user else None
        )

    played = []
    for name, step in steps:
        inbox.received.clear()
        caught.clear()
        if step is None:
            overdue = json.loads(json.dumps(overdue_event_data(ids["project"])))
            notification_email(bob, "task.overdue", overdue, 0).send()
        else:
            step(call, ids)
            send_notifications(caught, bob)
        played.append(
            {"step": name, "mails": in_order([normalized(m, ids) for m in inbox.received])}
        )
    return played


def in_order(mails: list[dict]) -> list[dict]:
    """A step's mails by recipient and subject. The order of the events of one change is
    the dispatcher's, not the mail's: closing a recurring task, Kanboard notifies the close
    before the creation of the next occurrence, while here the recurrence's subscriber
    (registered first) creates it, and its task.create goes out, before the close."""
    return sorted(mails, key=lambda mail: (mail["envelope_to"], mail["headers"]["Subject"]))


def differences(ours: list[dict], kanboard: list[dict]) -> str:
    report = []
    for mine, theirs in zip(ours, kanboard, strict=True):
        if mine != theirs:
            report.append(f"--- {theirs['step']}")
            for our_mail, their_mail in zip(mine["mails"], theirs["mails"], strict=False):
                for key in ("envelope_from", "envelope_to", "headers"):
                    if our_mail[key] != their_mail[key]:
                        report.append(f"{key}: {our_mail[key]!r} != {their_mail[key]!r}")
                report += difflib.unified_diff(
                    their_mail["body"].splitlines(), our_mail["body"].splitlines(), lineterm=""
                )
            if len(mine["mails"]) != len(theirs["mails"]):
                report.append(f"{len(mine['mails'])} mails, Kanboard {len(theirs['mails'])}")
    return "\n".join(report)


def assert_mails_are_kanboards(rpc, inbox: Inbox, caught: list, recorded: dict) -> None:
    ids: dict = {}

    def application_call(method, params, as_user):
        return rpc.call(method, params)

    scenario.set_up(application_call, ids)
    for username, notifications_filter in scenario.NOTIFICATIONS_FILTER.items():
        User.objects.filter(username=username).update(
            notifications_enabled=True, notifications_filter=notifications_filter
        )
    bob = User.objects.get(pk=ids["bob"])
    set_config("application_url", scenario.APPLICATION_URL)
    ours = play(rpc, inbox, caught, scenario.STEPS_WITH_URL, ids, bob)
    set_config("application_url", "")
    ours += play(rpc, inbox, caught, scenario.STEPS_WITHOUT_URL, ids, bob)

    kanboard = [
        {
            "step": step["step"],
            "mails": in_order([normalized(m, recorded["ids"]) for m in step["mails"]]),
        }
        for step in recorded["steps"]
    ]
    assert not differences(ours, kanboard), differences(ours, kanboard)
    assert ours == kanboard


def test_every_notification_email_is_the_one_kanboard_sends(rpc, smtp_server, caught_events):
    assert_mails_are_kanboards(rpc, smtp_server, caught_events, RECORDED)


@pytest.mark.slow
def test_kanboard_sends_these_mails_today(rpc, smtp_server, caught_events, tmp_path):
    """Records Kanboard's mails again (about 15 s) and compares this server's with them."""
    if shutil.which("php") is None:
        pytest.skip("PHP is not installed: the real Kanboard cannot run here")
    if not (KIT / "start-kanboard.sh").is_file():
        pytest.skip(f"Kanboard's reference kit is not at {KIT}")
    recording = tmp_path / "kanboard_mails.json"
    record(free_port(), recording)

    assert_mails_are_kanboards(rpc, smtp_server, caught_events, json.loads(recording.read_text()))
