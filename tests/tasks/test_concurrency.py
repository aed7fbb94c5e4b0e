"""Concurrent moves and creations keep positions dense and unique, and every call gets an
answer (F1, F2), on SQLite and PostgreSQL."""

from __future__ import annotations

import random
import threading
from collections import Counter

import pytest
from django.db import connection

from projects.models import Project
from tasks.creation import create_task
from tasks.models import Task
from tasks.positions import move_task_position
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True)


def run_threads(count: int, work) -> list:
    answers, errors = [], []

    def target(seed: int) -> None:
        try:
            answers.extend(work(random.Random(seed)))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(seed,)) for seed in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return answers


def assert_dense(project: Project) -> None:
    cells = Counter()
    for column_id, swimlane_id, position in Task.objects.filter(
        project=project, is_active=True
    ).values_list("column_id", "swimlane_id", "position"):
        cells[(column_id, swimlane_id, position)] += 1
    by_cell: dict = {}
    for (column_id, swimlane_id, position), count in cells.items():
        assert count == 1
        by_cell.setdefault((column_id, swimlane_id), []).append(position)
    for taken in by_cell.values():
        assert sorted(taken) == list(range(1, len(taken) + 1))


def new_values(project: Project, **values) -> dict:
    defaults = {
        "title": "t", "project_id": project.pk, "color_id": "", "column_id": 0, "owner_id": 0,
        "creator_id": 0, "date_due": "", "description": "", "category_id": 0, "score": 0,
        "swimlane_id": None, "priority": 0, "recurrence_status": 0, "recurrence_trigger": 0,
        "recurrence_factor": 0, "recurrence_timeframe": 0, "recurrence_basedate": 0,
        "reference": "", "tags": [], "date_started": "", "time_spent": None, "time_estimated": None,
    }  # fmt: skip
    return {**defaults, **values}


def test_concurrent_moves_keep_positions_dense_and_unique(seeded):
    project = ProjectFactory()
    columns = list(project.columns.order_by("position")[:2])
    for _ in range(40):
        create_task(new_values(project, column_id=columns[0].pk), 0)
    task_ids = list(Task.objects.values_list("pk", flat=True))

    def moves(rng):
        return [
            move_task_position(
                project.pk, rng.choice(task_ids), rng.choice(columns).pk, rng.randint(1, 30), 0, 0
            )
            for _ in range(50)
        ]

    answers = run_threads(8, moves)

    assert len(answers) == 400 and all(isinstance(answer, bool) for answer in answers)
    assert_dense(project)


def test_concurrent_creations_get_distinct_positions(seeded):
    project = ProjectFactory()
    column = project.columns.order_by("position").first()

    def creations(rng):
        return [create_task(new_values(project, column_id=column.pk), 0).pk for _ in range(20)]

    answers = run_threads(6, creations)

    assert len(set(answers)) == 120
    positions = sorted(Task.objects.filter(column=column).values_list("position", flat=True))
    assert positions == list(range(1, 121))
