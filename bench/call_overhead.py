"""In-process cost of one getVersion call through the API view, without HTTP or gunicorn.

    .venv/bin/python bench/call_overhead.py [--calls 20000]

Migrates a temporary SQLite database, then times ``jsonrpc_view`` on prepared requests in
CPU time, steadier than wall time on a busy machine (best of five rounds), and prints
microseconds per call: the figure to compare before and after a change to the per-call
path (protocol, accounting, logging). Set LOG_CALLS=false to leave out the call log line,
and send standard error elsewhere: the line is written there for every call.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BODY = b'{"jsonrpc":"2.0","method":"getVersion","id":1}'


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["DATA_DIR"] = data_dir
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kanboard_site.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import RequestFactory

        from accounts.config import get_config
        from rpc.protocol import jsonrpc_view

        call_command("migrate", verbosity=0)
        credentials = base64.b64encode(f"jsonrpc:{get_config('api_token')}".encode()).decode()
        factory = RequestFactory(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Basic {credentials}")
        rounds = []
        for _ in range(5):
            requests = [
                factory.post("/jsonrpc.php", BODY, content_type="application/json")
                for _ in range(arguments.calls)
            ]
            started = time.process_time()
            for request in requests:
                response = jsonrpc_view(request)
            rounds.append((time.process_time() - started) / arguments.calls)
            assert response.status_code == 200, response.content
        print(f"getVersion in-process: {min(rounds) * 1e6:.1f} µs per call of CPU time (best of 5)")


if __name__ == "__main__":
    main()
