from django.core.management.base import BaseCommand

from actions.daily import run_daily_job


class Command(BaseCommand):
    help = (
        "Run the daily job (Kanboard's cronjob): the overdue tasks' notifications, the "
        "automatic actions of the daily event, the pruning of old finished jobs. Once per "
        "day; later runs of the same day do nothing."
    )

    def handle(self, *args, **options) -> None:
        if run_daily_job():
            self.stdout.write("Daily job done.")
        else:
            self.stdout.write("The daily job already ran today.")
