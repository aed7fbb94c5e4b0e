"""When a failed delivery (an e-mail, a webhook call) is tried again.

A delivery job that fails queues itself again, to run after the delay of its attempt; after
the last delay it gives up, and the failure stays in the log. The delays grow so that a
receiver that is down for a few hours still gets what happened meanwhile."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks.base import Task


def queue_retry(job: Task, attempt: int, *args, **kwargs) -> bool:
    """Queue ``job`` again for attempt ``attempt + 1`` (``attempt`` counts from 1), passing
    ``attempt=attempt + 1`` along with the arguments; False when no attempt is left."""
    delays = settings.NOTIFICATION_RETRY_DELAYS  # seconds before attempt 2, 3, ...
    if attempt > len(delays):
        return False
    run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
    job.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True
