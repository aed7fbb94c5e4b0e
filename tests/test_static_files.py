"""The admin's CSS and JavaScript, served by the app itself under the README's command."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import User

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, dict, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def wait_for(url: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        assert server.poll() is None, server.stderr.read()
        try:
            get(url)
            return
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{url} answered {error.code}") from error
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


@pytest.fixture
def gunicorn(tmp_path):
    """``gunicorn -c deploy/gunicorn.conf.py`` from the README, on a fresh data directory."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DATA_DIR": str(tmp_path),
        "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port} --workers 1",
    }
    manage = [sys.executable, "manage.py"]
    for command in ("migrate", "show_api_token"):
        subprocess.run([*manage, command], cwd=settings.BASE_DIR, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "deploy/gunicorn.conf.py"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/account/sign-in/", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_admin_stylesheet_answers_under_the_readme_command(gunicorn, tmp_path):
    # gunicorn's start collected the files; the admin's pages name them by their hashes.
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["admin/css/base.css"]
    assert re.fullmatch(r"admin/css/base\.[0-9a-f]{12}\.css", hashed)

    status, headers, css = get(f"{gunicorn}/static/{hashed}")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "immutable" in headers["Cache-Control"]
    assert b"--body-bg" in css


def test_static_files_are_served_compressed_through_the_middleware(seeded):
    operator = Client(HTTP_HOST="localhost")
    operator.force_login(User.objects.get(username="admin"))
    page = operator.get("/admin/").content.decode()
    stylesheet = re.search(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', page).group(1)

    response = Client(HTTP_HOST="localhost").get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
