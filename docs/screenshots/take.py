"""Screenshots of the admin's main pages for the README, taken with headless Chromium.

    .venv/bin/pip install -e ".[test]" && .venv/bin/python docs/screenshots/take.py

Starts from an empty data directory: migrates, fills in a small demo through the domain
functions (the API's), serves it with the README's gunicorn command and photographs the
pages into this directory. Needs Debian's ``chromium`` and ``chromium-driver``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent.parent
WINDOW = (1280, 860)


def seed_demo() -> None:
    """A project with members, tasks in several columns (one overdue) and a locked user."""
    from accounts import lockout, users
    from accounts.models import User
    from projects import lifecycle, members
    from projects.models import Column
    from tasks.creation import create_task
    from tasks.positions import move_task_position

    admin = User.objects.get(username="admin")
    people = {
        name: users.create_user(name, "password1", full_name, f"{name}@example.com")
        for name, full_name in (("alice", "Alice Martin"), ("bob", "Bob Chen"),
                                ("carol", "Carol Diaz"))
    }  # fmt: skip
    project_id = lifecycle.create_project(
        {"name": "Website relaunch", "identifier": "WEB", "description": "New public site"},
        acting_user_id=admin.pk,
    )
    lifecycle.create_project({"name": "Support desk", "identifier": "SUP"}, acting_user_id=0)
    for name in ("alice", "bob"):
        members.add_user(project_id, people[name].pk, "project-member")
    columns = {c.title: c.pk for c in Column.objects.filter(project_id=project_id)}
    tasks = [
        ("Write the style guide", "Backlog", "alice", ""),
        ("Choose the hosting", "Ready", "bob", "2024-03-01 12:00"),
        ("Fix the login page", "Ready", "alice", "2031-06-30 17:00"),
        ("Migrate the blog posts", "Work in progress", "bob", "2024-02-15 09:00"),
        ("Set up the redirects", "Work in progress", "", ""),
        ("Announce the launch", "Backlog", "", "2031-09-01 10:00"),
    ]
    for title, column, owner, due in tasks:
        values = {
            "title": title, "project_id": project_id, "column_id": columns[column],
            "owner_id": people[owner].pk if owner else 0, "creator_id": 0, "date_due": due,
            "tags": [],
        }  # fmt: skip
        create_task(values, admin.pk)
    finished = create_task(
        {"title": "Register the domain", "project_id": project_id, "owner_id": 0,
         "creator_id": 0, "tags": []}, admin.pk,
    )  # fmt: skip
    move_task_position(project_id, finished.pk, columns["Done"], 1, 0, admin.pk)
    for _ in range(8):
        lockout.record_failure(people["carol"].pk)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (the local server)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} never answered")


def photograph(base: str) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1",
                     "--hide-scrollbars"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.implicitly_wait(5)
    css = lambda selector: driver.find_element(By.CSS_SELECTOR, selector)  # noqa: E731
    try:
        # The admin signs in through the account area's form.
        driver.get(base + "/admin/")
        driver.save_screenshot(str(HERE / "login.png"))
        css("#id_username").send_keys("admin")
        css("#id_password").send_keys("admin")
        css("button[type=submit]").click()
        css("#operator-summary")
        driver.save_screenshot(str(HERE / "dashboard.png"))
        driver.get(base + "/admin/tasks/task/?project__id__exact=1&is_active__exact=1")
        driver.save_screenshot(str(HERE / "tasks.png"))
        driver.find_element(By.LINK_TEXT, "Fix the login page").click()
        Select(css("#id_column")).select_by_visible_text("Work in progress")
        driver.save_screenshot(str(HERE / "task-change.png"))
        driver.get(base + "/admin/accounts/user/")
        driver.save_screenshot(str(HERE / "users.png"))
    finally:
        driver.quit()


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="kanboard-screenshots-")
    os.environ.update(DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="kanboard_site.settings")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(PROJECT_ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    seed_demo()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 (this checkout's gunicorn)
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"],
        cwd=PROJECT_ROOT,
        env={**os.environ, "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port} --workers 1"},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/admin/login/")
        photograph(base)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
