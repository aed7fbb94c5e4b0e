from __future__ import annotations

from django.db import models


class DailyJobRun(models.Model):
    """One row per day the daily job ran: the unique day lets one run win when several
    hosts start the job at once."""

    day = models.DateField(unique=True)
    started = models.BigIntegerField()

    class Meta:
        db_table = "daily_job_runs"

    def __str__(self) -> str:
        return f"daily job of {self.day}"
