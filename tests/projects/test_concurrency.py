"""Concurrent writes to one project's board never hand out a position twice, and a
membership added twice at once is added once (security.md F17, F18)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from accounts.config import get_config
from projects.models import Column, ProjectUserRole, Swimlane
from tests.conftest import Credentials, RpcClient
from tests.factories import ColumnFactory, ProjectFactory, SwimlaneFactory, UserFactory

THREADS = 4
CALLS_PER_THREAD = 12

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def app(seeded) -> Credentials:
    return Credentials("jsonrpc", get_config("api_token"))


def run_threads(app: Credentials, work: Callable[[RpcClient, random.Random], list]) -> list:
    """Run ``work`` in THREADS threads started together; every result they gathered."""
    results: list = []
    errors: list = []
    start = threading.Barrier(THREADS)

    def thread(seed: int) -> None:
        client = RpcClient(app)
        start.wait()
        try:
            results.extend(work(client, random.Random(seed)))
        except Exception as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=thread, args=(seed,)) for seed in range(THREADS)]
    for started in threads:
        started.start()
    for started in threads:
        started.join()
    assert not errors, errors
    return results


def positions(model, **conditions) -> list[int]:
    return sorted(model.objects.filter(**conditions).values_list("position", flat=True))


def test_concurrent_column_moves_keep_positions_unique(app):
    project = ProjectFactory(board=False)
    ids = [ColumnFactory(project=project, position=n).pk for n in range(1, 7)]

    def work(client: RpcClient, rng: random.Random) -> list:
        return [
            client.call("changeColumnPosition", [project.pk, rng.choice(ids), rng.randint(1, 6)])
            for _ in range(CALLS_PER_THREAD)
        ]

    assert run_threads(app, work) == [True] * THREADS * CALLS_PER_THREAD
    assert positions(Column, project=project) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(("method", "model"), [("addColumn", Column), ("addSwimlane", Swimlane)])
def test_concurrent_additions_get_the_next_positions(app, method, model):
    project = ProjectFactory()
    already = model.objects.filter(project=project).count()

    def work(client: RpcClient, rng: random.Random) -> list:
        return [
            client.call(method, [project.pk, f"{rng.random()} {call}"])
            for call in range(CALLS_PER_THREAD)
        ]

    added = run_threads(app, work)

    assert len(set(added)) == THREADS * CALLS_PER_THREAD
    assert positions(model, project=project) == list(range(1, already + len(added) + 1))


def test_concurrent_swimlane_changes_keep_active_positions_unique(app):
    project = ProjectFactory(board=False)
    ids = [SwimlaneFactory(project=project, position=n).pk for n in range(1, 7)]

    def work(client: RpcClient, rng: random.Random) -> list:
        results = []
        for _ in range(CALLS_PER_THREAD):
            swimlane_id = rng.choice(ids)
            action = rng.choice(["move", "toggle", "add"])
            if action == "move":
                results.append(client.call("changeSwimlanePosition", [project.pk, swimlane_id, 1]))
            elif action == "toggle":
                client.call("disableSwimlane", [project.pk, swimlane_id])
                results.append(client.call("enableSwimlane", [project.pk, swimlane_id]))
            else:
                name = f"Lane {rng.random()}"
                results.append(type(client.call("addSwimlane", [project.pk, name])) is int)
        return results

    assert all(run_threads(app, work))
    active = positions(Swimlane, project=project, is_active=True)
    assert len(active) == len(set(active))
    assert 0 not in active


def test_concurrent_additions_of_one_member_add_it_once(app):
    project = ProjectFactory()
    newcomer = UserFactory()

    def work(client: RpcClient, rng: random.Random) -> list:
        return [client.call("addProjectUser", [project.pk, newcomer.pk, "project-viewer"])]

    assert sorted(run_threads(app, work)) == [False] * (THREADS - 1) + [True]
    assert ProjectUserRole.objects.filter(project=project, user=newcomer).count() == 1
