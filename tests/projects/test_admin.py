"""The Django admin changes projects and boards through the API's domain functions."""

from __future__ import annotations

import pytest
from django.test import Client

from projects.models import Category, Column, Project, Swimlane
from tasks.models import Task
from tests.factories import CategoryFactory, SwimlaneFactory, TaskFactory


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def delete(operator: Client, model: str, pk: int) -> list[str]:
    """The messages the admin shows after the deletion."""
    response = operator.post(f"/admin/projects/{model}/{pk}/delete/", {"post": "yes"}, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_a_column_holding_tasks_is_kept(operator, world):
    ready = Column.objects.get(project=world.project, title="Ready")
    TaskFactory(project=world.project, column=ready, is_active=False)

    shown = delete(operator, "column", ready.pk)

    assert "Ready was kept: This column cannot be removed because it contains tasks" in shown
    assert Column.objects.filter(pk=ready.pk).exists()


def test_an_empty_column_is_removed_and_leaves_a_gap(operator, world):
    ready = Column.objects.get(project=world.project, title="Ready")

    delete(operator, "column", ready.pk)

    assert list(
        Column.objects.filter(project=world.project).values_list("position", flat=True)
    ) == [1, 3, 4]


def test_a_removed_category_is_taken_off_its_tasks(operator, world):
    category = CategoryFactory(project=world.project)
    task = TaskFactory(project=world.project, category_id=category.pk)

    delete(operator, "category", category.pk)

    assert not Category.objects.filter(pk=category.pk).exists()
    assert Task.objects.get(pk=task.pk).category_id == 0


def test_a_swimlane_holding_tasks_is_kept(operator, world):
    swimlane = Swimlane.objects.get(project=world.project)
    TaskFactory(project=world.project)

    shown = delete(operator, "swimlane", swimlane.pk)

    assert any("was kept" in message for message in shown)
    assert Swimlane.objects.filter(pk=swimlane.pk).exists()


def test_a_column_added_in_the_admin_goes_after_the_last(operator, world):
    response = operator.post(
        "/admin/projects/column/add/",
        {"title": "Review", "project": world.project.pk, "task_limit": 0, "description": ""},
    )

    assert response.status_code == 302
    assert Column.objects.get(project=world.project, title="Review").position == 5


def test_disabling_swimlanes_in_the_admin_renumbers_the_others(operator, world):
    second = SwimlaneFactory(project=world.project, name="Second", position=2)
    default = Swimlane.objects.get(project=world.project, name="Default swimlane")

    operator.post(
        "/admin/projects/swimlane/",
        {"action": "disable", "_selected_action": [default.pk]},
    )

    assert Swimlane.objects.get(pk=default.pk).position == 0
    assert Swimlane.objects.get(pk=second.pk).position == 1


def test_a_project_created_in_the_admin_gets_the_default_board(operator):
    response = operator.post(
        "/admin/projects/project/add/",
        {
            "name": "Made by hand",
            "is_active": "on",
            "is_everybody_allowed": 0,
            "default_swimlane": "Default swimlane",
            "show_default_swimlane": 1,
            "owner_id": 0,
            "priority_default": 0,
            "priority_start": 0,
            "priority_end": 3,
            "task_limit": 0,
            "enable_global_tags": "on",
            **{
                f"{prefix}-{field}": value
                for prefix in ("columns", "swimlanes", "user_roles", "group_roles")
                for field, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
            },
        },
    )

    assert response.status_code == 302
    project = Project.objects.get(name="Made by hand")
    assert Column.objects.filter(project=project).count() == 4
    assert Swimlane.objects.filter(project=project, name="Default swimlane").exists()
    assert project.last_modified > 0


def test_a_column_stays_in_its_project(operator, world, foreign):
    ready = Column.objects.get(project=world.project, title="Ready")

    response = operator.post(
        f"/admin/projects/column/{ready.pk}/change/",
        {"title": "Renamed", "project": foreign.pk, "task_limit": 1, "description": ""},
    )

    assert response.status_code == 302
    ready.refresh_from_db()
    assert (ready.title, ready.project_id, ready.position) == ("Renamed", world.project.pk, 2)
