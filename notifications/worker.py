"""The job queue's worker: django_tasks_db's loop, plus the recovery of the jobs of dead
workers, and the queue's housekeeping.

A worker claims a job by marking it RUNNING (under SELECT ... FOR UPDATE SKIP LOCKED on
PostgreSQL, an exclusive transaction on SQLite), so several workers on several hosts never
run one job at once. A worker that dies (SIGKILL, lost host) leaves its job RUNNING for
ever; every job finishes well within WORKER_JOB_LEASE seconds (mail and webhook calls
have deadlines far below it), so a job RUNNING for longer belongs to a dead worker and is
put back in the queue, for any worker to take.

The recovery is one conditional UPDATE (RUNNING and started before the lease's start ->
READY): when two workers recover at once, the database lets only one of them change each
row, and the job is queued once. The jobs make their second run harmless (see
notifications.jobs).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.models import FinishedJob

logger = logging.getLogger(__name__)

# Finished jobs are kept this long (what the admin shows, what doctor counts), then pruned.
FINISHED_JOBS_KEPT_DAYS = 7


def job_lease_seconds() -> int:
    return settings.WORKER_JOB_LEASE


def recover_expired_jobs(lease_seconds: int | None = None) -> int:
    """Put back in the queue the jobs RUNNING for longer than the lease; how many."""
    lease = job_lease_seconds() if lease_seconds is None else lease_seconds
    expired_before = timezone.now() - timedelta(seconds=lease)
    recovered = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=expired_before
    ).update(status=TaskResultStatus.READY, started_at=None)
    if recovered:
        logger.warning(
            "%s job(s) RUNNING for more than %s s (their worker died) queued again",
            recovered,
            lease,
        )
    return recovered


class LeaseKeeper(threading.Thread):
    """Recovers expired jobs every few seconds beside the worker's loop."""

    def __init__(self) -> None:
        super().__init__(name="job-lease-keeper", daemon=True)
        self.period = max(1.0, job_lease_seconds() / 4)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.period):
            try:
                recover_expired_jobs()
            except Exception:
                logger.exception("recovery of expired jobs failed; tried again later")
            finally:
                close_old_connections()


def prune_finished_jobs(days: int = FINISHED_JOBS_KEPT_DAYS) -> int:
    """Delete the jobs finished more than ``days`` ago, and their FinishedJob rows; how
    many jobs."""
    before = timezone.now() - timedelta(days=days)
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=before).delete()
    FinishedJob.objects.filter(finished_at__lt=before).delete()
    return deleted
