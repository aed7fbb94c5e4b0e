"""The worker delivers each committed change once: a job run again delivers nothing twice,
the job of a worker killed mid-delivery is taken over after its lease, a failed mail is
tried again later and, at last, given up loudly."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.worker import recover_expired_jobs
from tests.notifications.conftest import mail_recipients, run_worker, web_notifications
from tests.test_durability import database_url

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
MAIL_JOB = "notifications.jobs.send_notification_email"


@pytest.fixture
def alice(subscriber):
    return subscriber("alice")


@pytest.fixture
def create_task(rpc, world):
    def create(title="Spec") -> int:
        return rpc.call("createTask", {"title": title, "project_id": world.project.pk})

    return create


def mail_jobs():
    return DBTaskResult.objects.filter(task_path=MAIL_JOB).order_by("enqueued_at")


def test_jobs_run_again_deliver_nothing_twice(alice, create_task, smtp_server):
    create_task()
    run_worker()
    assert len(web_notifications(alice)) == len(smtp_server.received) == 1

    # Workers that died after the jobs' work committed, before marking them done: the
    # jobs are RUNNING again for whoever takes them next.
    DBTaskResult.objects.update(status=TaskResultStatus.READY, finished_at=None)
    run_worker()

    assert len(web_notifications(alice)) == len(smtp_server.received) == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def worker_process(
    tmp_path, smtp_port: int, *arguments: str, **environment: str
) -> subprocess.Popen:
    """``manage.py run_worker`` in a process of its own, on the test database."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DATA_DIR": str(tmp_path),
        "MAIL_TRANSPORT": "smtp",
        "MAIL_SMTP_HOSTNAME": "127.0.0.1",
        "MAIL_SMTP_PORT": str(smtp_port),
        "MAIL_SMTP_ENCRYPTION": "",
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-reload", *arguments],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / f"worker-{time.monotonic_ns()}.log").open("w"),
    )


def test_workers_running_at_once_deliver_each_job_once(
    settings, tmp_path, alice, create_task, smtp_server
):
    task_ids = [create_task(f"Task {n}") for n in range(8)]
    workers = [
        worker_process(tmp_path, settings.EMAIL_PORT, "--batch", "--no-startup-delay")
        for _ in range(3)
    ]
    for worker in workers:
        assert worker.wait(timeout=120) == 0

    assert sorted(data["task_id"] for _, data in web_notifications(alice)) == task_ids
    assert sorted(subject for _, subject in mail_recipients(smtp_server)) == sorted(
        f"[P] New task #{task_id}: Task {n}" for n, task_id in enumerate(task_ids)
    )
    jobs = DBTaskResult.objects.all()
    assert len(jobs) == 16
    assert {(job.status, len(job.worker_ids)) for job in jobs} == {("SUCCESSFUL", 1)}


def test_only_jobs_running_past_the_lease_are_queued_again(settings, alice, create_task):
    settings.WORKER_JOB_LEASE = 300
    create_task("old")
    create_task("recent")
    old, recent = DBTaskResult.objects.order_by("enqueued_at")
    now = timezone.now()
    DBTaskResult.objects.filter(pk=old.pk).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=301)
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=200)
    )

    assert recover_expired_jobs() == 1
    assert recover_expired_jobs() == 0  # a second worker recovering at once: nothing left

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.status, old.started_at) == ("READY", None)
    assert recent.status == "RUNNING"


class SilentSmtpServer:
    """Accepts connections and never greets: a mail server that hangs."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connected = threading.Event()
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(connection)
            self.connected.set()

    def close(self) -> None:
        for connection in self.held:
            connection.close()
        self.listener.close()


@pytest.fixture
def silent_smtp_server():
    server = SilentSmtpServer()
    yield server
    server.close()


def test_a_worker_killed_mid_delivery_is_taken_over_and_the_mail_arrives_once(
    settings, tmp_path, alice, create_task, smtp_server, silent_smtp_server
):
    task_id = create_task()
    worker = worker_process(tmp_path, silent_smtp_server.port, "--interval", "0.1")
    try:
        assert silent_smtp_server.connected.wait(60), "the worker never tried to send the mail"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)

    # The dead worker had delivered the web notification and was sending the mail.
    assert len(web_notifications(alice)) == 1
    [mail_job] = mail_jobs()
    assert mail_job.status == "RUNNING"
    assert smtp_server.received == []

    settings.WORKER_JOB_LEASE = 0  # the lease of the dead worker's job is over
    run_worker()

    assert mail_recipients(smtp_server) == [("alice@example.org", f"[P] New task #{task_id}: Spec")]
    assert len(web_notifications(alice)) == 1
    mail_job.refresh_from_db()
    assert mail_job.status == "SUCCESSFUL"
    assert len(mail_job.worker_ids) == 2


@pytest.fixture
def unreachable_mail_server(settings, smtp_server):
    """The SMTP settings, pointing at a port nobody listens on."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        working_port, settings.EMAIL_PORT = settings.EMAIL_PORT, closed.getsockname()[1]
        yield working_port


def test_a_failed_mail_is_logged_and_tried_again_later(
    settings, caplog, alice, create_task, smtp_server, unreachable_mail_server
):
    settings.NOTIFICATION_RETRY_DELAYS = (3600,)
    task_id = create_task()

    with caplog.at_level(logging.WARNING, logger="notifications.jobs"):
        run_worker()

    [warning] = [record for record in caplog.records if record.name == "notifications.jobs"]
    assert warning.levelno == logging.WARNING
    assert "task.create" in warning.message and "alice@example.org" in warning.message
    assert "attempt 1" in warning.message
    first, retry = mail_jobs()
    assert first.status == "SUCCESSFUL"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(minutes=59)

    # An hour later, the mail server is back.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    settings.EMAIL_PORT = unreachable_mail_server
    run_worker()

    assert mail_recipients(smtp_server) == [("alice@example.org", f"[P] New task #{task_id}: Spec")]


def test_the_last_failed_attempt_is_an_error_and_a_failed_job(
    settings, caplog, alice, create_task, unreachable_mail_server
):
    settings.NOTIFICATION_RETRY_DELAYS = (0,)
    create_task()

    with caplog.at_level(logging.WARNING, logger="notifications.jobs"):
        run_worker()

    records = [record for record in caplog.records if record.name == "notifications.jobs"]
    assert [record.levelno for record in records] == [
        logging.WARNING,
        logging.WARNING,
        logging.ERROR,
    ]
    assert "given up after 2 attempts" in records[-1].message
    assert list(mail_jobs().values_list("status", flat=True)) == ["SUCCESSFUL", "FAILED"]


def test_a_running_worker_takes_over_the_job_of_a_worker_that_died_beside_it(
    settings, tmp_path, alice, create_task, smtp_server, silent_smtp_server
):
    create_task()
    dying = worker_process(tmp_path, silent_smtp_server.port, "--interval", "0.1")
    try:
        assert silent_smtp_server.connected.wait(60), "the worker never tried to send the mail"
    finally:
        dying.send_signal(signal.SIGKILL)
        dying.wait(timeout=10)
    survivor = worker_process(
        tmp_path, settings.EMAIL_PORT, "--interval", "0.1", WORKER_JOB_LEASE="3"
    )
    try:
        deadline = time.monotonic() + 60
        while not smtp_server.received:
            assert time.monotonic() < deadline, "the dead worker's mail was never sent"
            time.sleep(0.2)
    finally:
        survivor.terminate()
        survivor.wait(timeout=30)

    assert len(smtp_server.received) == 1
    [mail_job] = mail_jobs()
    assert (mail_job.status, len(mail_job.worker_ids)) == ("SUCCESSFUL", 2)
