"""manage.py cronjob: the daily event for the actions, once per day across hosts."""

from __future__ import annotations

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from actions.daily import run_daily_job
from actions.models import DailyJobRun
from projects.models import Action
from tasks.models import ProjectActivity, Task
from tests.factories import MembershipFactory, ProjectFactory, TaskFactory, UserFactory

PREFIX = "\\Kanboard\\Action\\"
DAY = 86400


def idle_task(project, days: float = 3, **values) -> Task:
    then = int(time.time() - days * DAY)
    return TaskFactory(project=project, date_modification=then, date_moved=then, **values)


def close_when_idle(project) -> None:
    action = Action.objects.create(
        project=project, event_name="task.cronjob.daily", action_name=PREFIX + "TaskCloseNoActivity"
    )
    action.params.create(name="duration", value="2")


def run_cronjob() -> str:
    out = io.StringIO()
    call_command("cronjob", stdout=out)
    return out.getvalue()


def test_the_cronjob_runs_the_daily_actions_once_a_day(world):
    close_when_idle(world.project)
    first = idle_task(world.project)

    assert run_cronjob() == "Daily job done.\n"
    second = idle_task(world.project)
    assert run_cronjob() == "The daily job already ran today.\n"

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_active, second.is_active) == (False, True)
    assert DailyJobRun.objects.count() == 1


def test_only_open_tasks_of_projects_with_daily_actions_are_seen(world):
    close_when_idle(world.project)
    other = ProjectFactory()
    untouched = idle_task(other)
    recent = idle_task(world.project, days=1)

    assert run_daily_job() is True

    untouched.refresh_from_db()
    recent.refresh_from_db()
    assert untouched.is_active and recent.is_active


def test_daily_actions_of_a_project_without_open_tasks_do_nothing(world):
    close_when_idle(world.project)
    closed = idle_task(world.project, is_active=False)

    assert run_daily_job() is True

    closed.refresh_from_db()
    assert closed.date_completed in (None, 0)


def test_the_daily_job_acts_as_nobody_and_leaves_no_activity(world):
    """Kanboard's command line has no user session."""
    close_when_idle(world.project)
    task = idle_task(world.project)

    run_daily_job()

    task.refresh_from_db()
    assert not task.is_active
    assert not ProjectActivity.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_of_one_day_run_once(seeded, mailoutbox):
    """Several hosts start the job at the same moment: one runs it, the others see that
    the day is taken; the e-mail of an idle task leaves once."""
    project = ProjectFactory()
    recipient = UserFactory(email="lead@example.org", name="Lead")
    MembershipFactory(project=project, user=recipient)
    action = Action.objects.create(
        project=project, event_name="task.cronjob.daily", action_name=PREFIX + "TaskEmailNoActivity"
    )
    for name, value in (("user_id", str(recipient.pk)), ("subject", "Idle"), ("duration", "1")):
        action.params.create(name=name, value=value)
    idle_task(project)
    results = []
    start = threading.Barrier(4)

    def run():
        start.wait()
        try:
            results.append(run_daily_job())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, False, False, True]
    assert DailyJobRun.objects.count() == 1
    assert [(mail.subject, mail.to) for mail in mailoutbox] == [
        ("Idle", ["Lead <lead@example.org>"])
    ]
