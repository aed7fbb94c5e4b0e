"""Import benchmark: how long ``manage.py import_kanboard`` takes for 10,000 tasks.

    .venv/bin/python bench/import_kanboard.py [--tasks 10000] [--databases sqlite postgres]

The source is a Kanboard 1.2.53 database made by Kanboard itself (the import tests'
fixture, ``tests/kanboard_import/data/kanboard.sql``), so the schema is Kanboard's own; the
script writes more rows into a copy of it the way Kanboard stores them: ``--tasks`` tasks
spread over its projects, columns and swimlanes, each with two subtasks, a comment, a tag,
a metadata pair and an activity entry, and a link on every fifth. For each database it
creates an empty target (a temporary SQLite file; a temporary PostgreSQL database on
127.0.0.1:5432, user postgres), migrates it, and times the import command, which runs in
one transaction: the command's own time, its CPU time (what a busy machine's other load
does not inflate) and the wall time with Python's start-up. It prints a Markdown table;
docs/benchmarks.md keeps one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "kanboard_import" / "data" / "kanboard.sql"
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def build_source(path: Path, tasks: int) -> dict[str, int]:
    """Kanboard's database with ``tasks`` more tasks and their details; row counts."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.executescript(FIXTURE.read_text())
        cells = db.execute(
            "SELECT c.project_id, c.id, s.id FROM columns c JOIN swimlanes s USING (project_id)"
        ).fetchall()
        tags = dict(db.execute("SELECT project_id, min(id) FROM tags GROUP BY project_id"))
        first = db.execute("SELECT max(id) FROM tasks").fetchone()[0] + 1
        now = int(time.time())
        rows: dict[str, list[tuple]] = {
            name: []
            for name in (
                "tasks",
                "subtasks",
                "comments",
                "task_has_tags",
                "task_has_metadata",
                "task_has_links",
                "project_activities",
            )
        }
        for n in range(tasks):
            task = first + n
            project, column, swimlane = cells[n % len(cells)]
            rows["tasks"].append(
                (
                    task,
                    f"Benchmark task {n}",
                    f"Description {n}",
                    now - n,
                    "yellow",
                    project,
                    column,
                    2,
                    n,
                    1,
                    n % 13,
                    now + 86400 * (n % 30),
                    0,
                    1,
                    now,
                    f"B-{n}",
                    now,
                    swimlane,
                    now,
                    n % 4,
                )
            )
            rows["subtasks"] += [(f"Step {k} of {task}", k % 3, task, 2, k + 1) for k in range(2)]
            rows["comments"].append((task, 3, now, f"Comment on {task}", "app-user"))
            if project in tags:
                rows["task_has_tags"].append((task, tags[project]))
            rows["task_has_metadata"].append((task, "source", "bench", 1, now))
            if n % 5 == 0 and n:
                rows["task_has_links"].append((2, task, task - 1))
            rows["project_activities"].append((now, "task.create", 2, project, task, "{}"))
        statements = {
            "tasks": "INSERT INTO tasks (id, title, description, date_creation, color_id, "
            "project_id, column_id, owner_id, position, is_active, score, date_due, category_id, "
            "creator_id, date_modification, reference, date_moved, swimlane_id, date_started, "
            "priority) VALUES (" + ", ".join(["?"] * 20) + ")",
            "subtasks": "INSERT INTO subtasks (title, status, task_id, user_id, position) "
            "VALUES (?, ?, ?, ?, ?)",
            "comments": "INSERT INTO comments (task_id, user_id, date_creation, comment, "
            "visibility) VALUES (?, ?, ?, ?, ?)",
            "task_has_tags": "INSERT INTO task_has_tags (task_id, tag_id) VALUES (?, ?)",
            "task_has_metadata": "INSERT INTO task_has_metadata (task_id, name, value, "
            "changed_by, changed_on) VALUES (?, ?, ?, ?, ?)",
            "task_has_links": "INSERT INTO task_has_links (link_id, task_id, opposite_task_id) "
            "VALUES (?, ?, ?)",
            "project_activities": "INSERT INTO project_activities (date_creation, event_name, "
            "creator_id, project_id, task_id, data) VALUES (?, ?, ?, ?, ?, ?)",
        }
        for table, statement in statements.items():
            db.executemany(statement, rows[table])
        db.commit()
        names = [
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


@contextlib.contextmanager
def target(database: str, workdir: Path):
    env = {**os.environ, "DATA_DIR": str(workdir / database)}
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'target.sqlite3'}"
        yield env
        return
    import psycopg

    name = f"bench_import_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env["DATABASE_URL"] = f"{POSTGRES}/{name}"
        yield env
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        source = workdir / "kanboard.sqlite"
        counts = build_source(source, options.tasks)
        total = sum(counts.values())
        print(
            f"Source: {counts['tasks']} tasks, {counts['subtasks']} subtasks, "
            f"{counts['comments']} comments, {total} rows in all; "
            f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
        )
        print(f"Load average before: {os.getloadavg()[0]:.1f}\n")
        print(
            "| database | tasks | rows imported | import (the command's figure) "
            "| CPU time of the command | wall time with start-up |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for database in options.databases:
            with target(database, workdir) as env:
                manage(env, "migrate", "-v0")
                started = time.monotonic()
                cpu_before = children_cpu_seconds()
                out = manage(env, "import_kanboard", str(source))
                wall = time.monotonic() - started
                cpu = children_cpu_seconds() - cpu_before
                rows = re.search(r"(\d+) rows imported", out).group(1)
                took = re.search(r"Done in ([\d.]+) s", out).group(1)
                print(
                    f"| {database} | {counts['tasks']:,} | {int(rows):,} | {took} s | {cpu:.1f} s "
                    f"| {wall:.1f} s |"
                )


if __name__ == "__main__":
    main()
