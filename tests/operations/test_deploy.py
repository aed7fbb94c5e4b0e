"""The files of deploy/: nginx accepts the site, systemd the units, and their limits match
the app's."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
PROJECT = DEPLOY.parent
NGINX_SITE = DEPLOY / "nginx.conf.example"
UNITS = (
    "kanboard-django.service",
    "kanboard-django-cronjob.service",
    "kanboard-django-cronjob.timer",
    "kanboard-django-worker.service",
)
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def nginx_locations(text: str) -> dict[str, str]:
    """Each ``location`` with its body, the first one of a name (the site nests no deeper)."""
    locations: dict[str, str] = {}
    for name, body in re.findall(r"location\s+([^{]+?)\s*\{([^}]*)\}", text):
        locations.setdefault(name, body)
    return locations


@pytest.mark.skipif(
    shutil.which("nginx") is None or shutil.which("openssl") is None,
    reason="nginx or openssl is not installed",
)
def test_nginx_accepts_the_site(tmp_path):
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=kanboard.example.com",
            "-keyout", str(tmp_path / "site.key"), "-out", str(tmp_path / "site.pem"),
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (
        NGINX_SITE.read_text()
        .replace("/etc/ssl/kanboard.pem", str(tmp_path / "site.pem"))
        .replace("/etc/ssl/kanboard.key", str(tmp_path / "site.key"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    access_log off;\n    include {tmp_path}/site.conf;\n}}\n"
    )

    checked = subprocess.run(
        ["nginx", "-t", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True,
    )  # fmt: skip

    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


def test_the_request_size_limit_matches_the_app():
    (limit,) = re.findall(r"client_max_body_size\s+(\d+)([kmg]?);", NGINX_SITE.read_text())

    assert int(limit[0]) * SIZE_UNITS[limit[1]] == settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_the_api_is_never_redirected():
    text = NGINX_SITE.read_text()
    https_server = text[text.index("server_name kanboard.example.com") :]
    api = nginx_locations(https_server)["= /jsonrpc.php"]

    assert "proxy_pass" in api and "return" not in api
    # On plain HTTP the API is refused, not redirected.
    assert "location = /jsonrpc.php { return 403; }" in text


def test_the_proxy_sets_the_headers_the_app_trusts():
    text = NGINX_SITE.read_text()

    assert "proxy_set_header Host $host;" in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "proxy_set_header X-Request-ID $request_id;" in text


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_accepts_the_units(tmp_path):
    # The units name the installed layout; point them at this checkout's to verify them.
    venv_bin = str(Path(sys.executable).parent) + "/"
    for unit in UNITS:
        text = (DEPLOY / unit).read_text()
        text = text.replace("/srv/kanboard-django/.venv/bin/", venv_bin)
        text = text.replace("/srv/kanboard-django", str(PROJECT))
        (tmp_path / unit).write_text(text)

    verified = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / unit) for unit in UNITS)],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip

    # Unknown or misspelt options are only warned about: any message is a failure here.
    assert (verified.returncode, verified.stderr) == (0, "")


def test_the_units_are_hardened():
    for unit in (
        "kanboard-django.service",
        "kanboard-django-cronjob.service",
        "kanboard-django-worker.service",
    ):
        text = (DEPLOY / unit).read_text()
        for option in (
            "NoNewPrivileges=true",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/kanboard-django",
            "PrivateTmp=true",
            "ProtectHome=true",
            "CapabilityBoundingSet=\n",
        ):
            assert option in text, (unit, option)


def test_the_timer_runs_the_daily_jobs():
    assert "OnCalendar=daily" in (DEPLOY / "kanboard-django-cronjob.timer").read_text()
    assert "manage.py cronjob" in (DEPLOY / "kanboard-django-cronjob.service").read_text()
