"""The production settings the README documents pass Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "SECRET_KEY": "a-long-random-secret-for-this-test-only-0123456789abcdefghijkl",
    "ALLOWED_HOSTS": "kanboard.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://kanboard.example.com",
    "BEHIND_TLS_PROXY": "true",
}


def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")}
    env.update(PRODUCTION, DATA_DIR=str(tmp_path))

    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert checked.returncode == 0, checked.stderr
    assert "no issues" in checked.stdout
