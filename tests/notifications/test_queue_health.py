"""The queue's housekeeping: doctor tells of jobs no worker takes, of jobs of dead workers
and of given-up deliveries; the daily job prunes old finished jobs."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.jobs import send_notification_email
from notifications.models import FinishedJob
from operations.doctor import queue_line

pytestmark = pytest.mark.django_db


def queued_job(**fields) -> DBTaskResult:
    """A mail job as the queue holds it, then with ``fields`` changed."""
    result = send_notification_email.enqueue(1, "task.create", "{}", 0)
    DBTaskResult.objects.filter(pk=result.id).update(**fields)
    return DBTaskResult.objects.get(pk=result.id)


def test_a_quiet_queue_is_ok():
    queued_job()  # just queued: a worker will take it
    queued_job(status=TaskResultStatus.FAILED, finished_at=timezone.now() - timedelta(days=2))

    line = queue_line()

    assert (line.status, line.name) == ("ok", "job_queue")


def test_jobs_due_for_more_than_ten_minutes_fail(settings):
    now = timezone.now()
    queued_job(enqueued_at=now - timedelta(minutes=11))
    queued_job(run_after=now - timedelta(minutes=20))
    queued_job(enqueued_at=now - timedelta(minutes=11), run_after=now + timedelta(minutes=5))

    line = queue_line()

    assert line.status == "FAIL"
    assert line.detail == "2 job(s) due for more than 10 minutes: is a worker running?"


def test_dead_workers_jobs_and_failures_of_the_day_are_warnings(settings):
    settings.WORKER_JOB_LEASE = 300
    now = timezone.now()
    queued_job(status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=301))
    queued_job(status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=10))
    queued_job(status=TaskResultStatus.FAILED, finished_at=now - timedelta(hours=23))

    line = queue_line()

    assert line.status == "warn"
    assert line.detail == (
        "1 job(s) RUNNING past the lease: their worker died; 1 job(s) failed in the last day"
    )


def test_the_daily_job_prunes_jobs_finished_a_week_ago():
    now = timezone.now()
    old = queued_job(status=TaskResultStatus.SUCCESSFUL, finished_at=now - timedelta(days=8))
    recent = queued_job(status=TaskResultStatus.FAILED, finished_at=now - timedelta(days=6))
    waiting = queued_job(enqueued_at=now - timedelta(days=9))
    FinishedJob.objects.create(job_id=str(old.pk))
    FinishedJob.objects.filter(job_id=str(old.pk)).update(finished_at=now - timedelta(days=8))
    FinishedJob.objects.create(job_id=str(recent.pk))

    call_command("cronjob", stdout=io.StringIO())

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert list(FinishedJob.objects.values_list("job_id", flat=True)) == [str(recent.pk)]
