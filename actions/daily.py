"""The daily job (Kanboard's ``cronjob`` command): the overdue tasks' notifications, then
``task.cronjob.daily`` for the actions of every project that has some, with the project's
open tasks; and the pruning of the job queue's old finished jobs.

It runs at most once per day: the job's first step is to insert the day's row in
``daily_job_runs``, whose unique day makes every other run of that day (another host's,
or a second start) give up, and everything the job changes commits with that row or not
at all. Mails leave once it has committed.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from django.db import IntegrityError, transaction
from django.utils import timezone

from actions.catalog import TASK_CRONJOB_DAILY
from actions.engine import run_actions
from actions.models import DailyJobRun
from notifications.overdue import notify_overdue_tasks
from notifications.worker import prune_finished_jobs
from projects.models import Action
from tasks.events import TASK_COLUMNS, plain
from tasks.models import Task

logger = logging.getLogger(__name__)


def run_daily_job(day: dt.date | None = None) -> bool:
    """Run the day's job; False when it already ran that day."""
    day = day or timezone.now().date()
    with transaction.atomic():
        try:
            with transaction.atomic():
                DailyJobRun.objects.create(day=day, started=int(time.time()))
        except IntegrityError:
            logger.info("the daily job of %s already ran", day)
            return False
        # Kanboard's cronjob tells of overdue tasks before it runs the daily actions.
        notify_overdue_tasks()
        prune_finished_jobs()
        project_ids = (
            Action.objects.filter(event_name=TASK_CRONJOB_DAILY)
            .order_by("project_id")
            .values_list("project_id", flat=True)
            .distinct()
        )
        for project_id in project_ids:
            tasks = open_tasks(project_id)
            if tasks:
                run_actions(TASK_CRONJOB_DAILY, {"project_id": project_id, "tasks": tasks}, 0)
    return True


def open_tasks(project_id: int) -> list[dict]:
    """The project's open tasks as Kanboard's TaskFinderModel::getAll lists them."""
    rows = Task.objects.filter(project_id=project_id, is_active=True).order_by("pk")
    return [
        {field: plain(row[field]) for field in TASK_COLUMNS} for row in rows.values(*TASK_COLUMNS)
    ]
