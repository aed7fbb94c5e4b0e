"""The admin of automatic actions: created and removed as through the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import Action, ActionParam
from tests.factories import PASSWORD, ProjectFactory, UserFactory

CLOSE = "\\Kanboard\\Action\\TaskCloseColumn"


@pytest.fixture
def admin_client(seeded):
    UserFactory(username="boss", role="app-admin")
    client = Client(HTTP_HOST="localhost")
    assert client.login(username="boss", password=PASSWORD)
    return client


def add(admin_client, project, action, event, params):
    return admin_client.post(
        reverse("admin:projects_action_add"),
        {
            "project": project.pk,
            "event_name": event,
            "action_name": action,
            "params": json.dumps(params),
        },
    )


def test_an_action_created_in_the_admin_is_stored_like_createactions(admin_client):
    project = ProjectFactory()
    done = project.columns.order_by("position").last()

    response = add(admin_client, project, CLOSE, "task.move.column", {"column_id": done.pk})

    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.project_id, action.event_name, action.action_name) == (
        project.pk,
        "task.move.column",
        CLOSE,
    )
    assert list(action.params.values_list("name", "value")) == [("column_id", str(done.pk))]
    listing = admin_client.get(reverse("admin:projects_action_changelist")).content.decode()
    assert f"{{&quot;column_id&quot;: &quot;{done.pk}&quot;}}" in listing


def test_the_admin_refuses_what_createaction_refuses(admin_client):
    project = ProjectFactory()
    foreign_column = ProjectFactory().columns.first()

    response = add(
        admin_client, project, CLOSE, "task.move.column", {"column_id": foreign_column.pk}
    )

    assert response.status_code == 200
    assert b"Kanboard refuses this action" in response.content
    assert not Action.objects.exists()


def test_deleting_in_the_admin_removes_the_action_and_its_params(admin_client):
    project = ProjectFactory()
    done = project.columns.order_by("position").last()
    add(admin_client, project, CLOSE, "task.move.column", {"column_id": done.pk})
    action = Action.objects.get()

    response = admin_client.post(
        reverse("admin:projects_action_delete", args=[action.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Action.objects.exists() and not ActionParam.objects.exists()
