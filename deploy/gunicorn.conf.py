"""gunicorn settings for the Kanboard JSON-RPC API.

Start with ``gunicorn -c deploy/gunicorn.conf.py`` from anywhere; gunicorn's
``GUNICORN_CMD_ARGS`` (for example ``--bind 127.0.0.1:9000 --workers 8``) overrides what
is set here, and command-line flags override both.

The worker class is gthread: unlike sync workers it keeps client connections alive, which
Kanboard clients that reuse a connection (httpx) benefit from; docs/benchmarks.md has the
measurements. Behind nginx, keep nginx's request buffering on (slow clients tie up nginx,
not workers).
"""

import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "kanboard_site.wsgi:application"

bind = "127.0.0.1:8000"
workers = 4
worker_class = "gthread"
threads = 4

# A silent worker is restarted after this many seconds; a slower call is cut short.
timeout = 30
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory hygiene), not all at once.
max_requests = 5000
max_requests_jitter = 500

limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Only a proxy on this host may set X-Forwarded-* headers.
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = None
errorlog = "-"


# Metrics of every worker in one scrape (prometheus_client's multiprocess mode): workers
# keep their values in files of PROMETHEUS_MULTIPROC_DIR, and /metrics adds them up. Give
# each server instance its own directory (the systemd unit uses its runtime directory);
# without one, a temporary directory is made for this run and removed at exit. It is set
# here, in the master, so that every worker inherits it before importing the app.
# (A reload on SIGHUP reads this file again: the marker keeps the directory ours.)
_metrics_directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if not _metrics_directory:
    _metrics_directory = tempfile.mkdtemp(prefix="kanboard-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_directory
    os.environ["KANBOARD_TEMPORARY_METRICS_DIR"] = _metrics_directory
_metrics_directory_is_ours = os.environ.get("KANBOARD_TEMPORARY_METRICS_DIR") == _metrics_directory


def on_starting(server):
    """Before any worker starts: forget the metric values of a previous run (they must not
    be added to this one's), then collect the static files (the admin's CSS and
    JavaScript).

    WhiteNoise serves them from STATIC_ROOT under hashed names read from the manifest that
    collectstatic writes, and outside DEBUG it looks for files only when a worker starts.
    Running it here, once in the master and before the workers fork, means that every way
    of starting the server (the README's command, the systemd unit) serves a styled admin
    from a fresh clone, that an upgrade's new files are picked up at the next restart, and
    that workers never race to write the same files. It is incremental: unchanged files are
    not copied again.
    """
    directory = Path(_metrics_directory)
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()

    import django
    from django.core.management import call_command

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kanboard_site.settings")
    django.setup(set_prefix=False)
    call_command("collectstatic", interactive=False, verbosity=0)

    from django.conf import settings

    if settings.WORKER_WITH_SERVER:
        _job_worker.start(server.log)


def post_worker_init(worker):
    """The application is loaded, and its objects (modules, classes, the procedures'
    registry) live as long as the worker: moved out of the collector's generations, they
    are not scanned again at every full collection, which a busy worker runs often."""
    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    """A dead worker's counters still count; its live gauges do not."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    _job_worker.stop(server.log)
    if _metrics_directory_is_ours:
        shutil.rmtree(_metrics_directory, ignore_errors=True)


class JobWorker:
    """One ``manage.py run_worker`` beside the server, so that the README's command alone
    delivers notifications. Where workers run apart (kanboard-django-worker.service),
    WORKER_WITH_SERVER=false leaves it out.

    A small supervisor process, forked from the arbiter before any web worker, starts the
    job worker, starts it again if it dies, and on SIGTERM or SIGINT stops it (SIGTERM: it
    finishes the job in hand) and exits; the arbiter stops the supervisor when it exits.
    The supervisor is a process of its own, single-threaded, because starting a process
    from a thread of the arbiter races with the arbiter's forks of web workers (a worker
    forked meanwhile inherits the pipe on which the start waits, and holds it open for
    its whole life). The job worker runs in its own session, so a Ctrl-C reaches it only
    through the supervisor."""

    RESTART_DELAY_SECONDS = 2

    def __init__(self) -> None:
        self.supervisor: int | None = None

    def start(self, log) -> None:
        pid = os.fork()
        if pid:
            self.supervisor = pid
            return
        end_with_parent()  # an arbiter killed outright takes the supervisor with it
        status = 0
        try:
            self._supervise(log)
        except BaseException:
            log.exception("job worker supervisor failed")
            status = 1
        finally:
            os._exit(status)

    def _supervise(self, log) -> None:
        stopping = threading.Event()
        current: list[subprocess.Popen] = []

        def stop(signum, frame) -> None:
            stopping.set()
            for process in current:
                process.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while not stopping.is_set():
            try:
                process = subprocess.Popen(
                    [sys.executable, "manage.py", "run_worker", "--no-reload"],
                    cwd=chdir,
                    start_new_session=True,
                    preexec_fn=end_with_parent,  # safe here: the supervisor has one thread
                )
            except OSError:
                log.exception("job worker could not be started; trying again")
            else:
                current[:] = [process]
                if stopping.is_set():  # told to stop while it was starting
                    process.terminate()
                log.info("job worker started (pid %s)", process.pid)
                status = process.wait()
                if stopping.is_set():
                    return
                log.error("job worker exited with status %s; starting another", status)
            stopping.wait(self.RESTART_DELAY_SECONDS)

    def stop(self, log) -> None:
        """Stop the supervisor, which stops the job worker; kill it after the graceful
        timeout."""
        if self.supervisor is None:
            return
        try:
            os.kill(self.supervisor, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + graceful_timeout + 5
        while time.monotonic() < deadline:
            try:
                pid, _ = os.waitpid(self.supervisor, os.WNOHANG)
            except ChildProcessError:  # already reaped by the arbiter
                return
            if pid:
                return
            time.sleep(0.1)
        log.warning("job worker still busy after %s s: killed", graceful_timeout)
        os.kill(self.supervisor, signal.SIGKILL)


def end_with_parent() -> None:
    """Linux: receive SIGTERM when the parent process dies, so that neither the supervisor
    nor the job worker outlives what started it. Elsewhere, nothing."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


_job_worker = JobWorker()
