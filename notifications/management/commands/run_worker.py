import signal

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from notifications.worker import LeaseKeeper, recover_expired_jobs

HANDLED_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


class Command(DatabaseWorkerCommand):
    help = (
        "Run the job queue's worker (notifications: web, e-mail, webhooks). Several may run "
        "at once, on several hosts. Jobs left RUNNING by a dead worker for longer than "
        "WORKER_JOB_LEASE seconds are queued again. --batch: run what is due, then exit."
    )

    def handle(self, *args, **options) -> None:
        recover_expired_jobs()
        keeper = None if options["batch"] else LeaseKeeper()
        if keeper:
            keeper.start()
        # The worker installs its own handlers for a graceful stop; a caller in the same
        # process (a test, a shell) gets its own back afterwards.
        previous_handlers = {number: signal.getsignal(number) for number in HANDLED_SIGNALS}
        try:
            super().handle(*args, **options)
        finally:
            if keeper:
                keeper.stopped.set()
            for number, handler in previous_handlers.items():
                signal.signal(number, handler)
