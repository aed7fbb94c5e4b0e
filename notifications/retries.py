"""When a failed delivery (an e-mail, a webhook call) is tried again.

A delivery job that fails queues itself again, to run after the delay of its attempt; after
the last delay it gives up, and the failure stays in the log. The delays grow so that a
receiver that is down for a few hours still gets what happened meanwhile."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import Task

# Seconds before attempt 2, 3, ...: 1 min, 5 min, 30 min, 2 h, 12 h.
DEFAULT_RETRY_DELAYS = (60, 300, 1800, 7200, 43200)


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "NOTIFICATION_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def queue_retry(job: Task, attempt: int, *args, **kwargs) -> bool:
    """Queue ``job`` again for attempt ``attempt + 1`` (``attempt`` counts from 1), passing
    ``attempt=attempt + 1`` along with the arguments; False when no attempt is left."""
    delays = retry_delays()
    if attempt > len(delays):
        return False
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    job.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True
