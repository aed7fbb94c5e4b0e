"""Links and metadata written in the admin go through their domain functions: the
opposite task link follows, the link type comes from the URL, metadata keeps Kanboard's
limits and who changed it."""

from __future__ import annotations

import pytest
from django.test import Client

from projects.models import ProjectMetadata
from tasks.models import ExternalLink, TaskLink, TaskMetadata
from tests.factories import TaskFactory


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def test_a_task_link_added_in_the_admin_gets_its_opposite(operator, world):
    first, second = TaskFactory(project=world.project), TaskFactory(project=world.project)

    response = operator.post("/admin/tasks/tasklink/add/",
                             {"task": first.pk, "link": 2, "opposite_task": second.pk})  # fmt: skip

    assert response.status_code == 302, response.content
    assert set(TaskLink.objects.values_list("task_id", "link_id", "opposite_task_id")) == {
        (first.pk, 2, second.pk), (second.pk, 3, first.pk),
    }  # fmt: skip


def test_a_task_link_changed_in_the_admin_changes_its_opposite(operator, world):
    from tasks.task_links import create_task_link

    first, second = TaskFactory(project=world.project), TaskFactory(project=world.project)
    link = create_task_link(first.pk, second.pk, 2)

    response = operator.post(f"/admin/tasks/tasklink/{link.pk}/change/",
                             {"link": 4, "opposite_task": second.pk})  # fmt: skip

    assert response.status_code == 302, response.content
    assert set(TaskLink.objects.values_list("task_id", "link_id", "opposite_task_id")) == {
        (first.pk, 4, second.pk), (second.pk, 5, first.pk),
    }  # fmt: skip


def test_an_external_link_added_in_the_admin_gets_its_type_from_the_url(operator, world):
    task = TaskFactory(project=world.project)

    response = operator.post("/admin/tasks/externallink/add/", {
        "task": task.pk, "title": "Spec", "url": "https://example.com/spec.pdf",
        "dependency": "related",
    })  # fmt: skip

    assert response.status_code == 302, response.content
    link = ExternalLink.objects.get(task=task)
    assert (link.link_type, link.creator_id) == ("attachment", world.users["admin"].pk)


def test_metadata_saved_in_the_admin_keeps_kanboards_limits(operator, world):
    url = "/admin/projects/projectmetadata/add/"

    refused = operator.post(url, {"project": world.project.pk, "name": "n" * 51, "value": "v"})
    saved = operator.post(url, {"project": world.project.pk, "name": "budget", "value": "10"})

    assert refused.status_code == 200 and saved.status_code == 302
    pair = ProjectMetadata.objects.get(project=world.project)
    assert (pair.name, pair.value, pair.changed_by) == ("budget", "10", world.users["admin"].pk)


def test_renaming_a_task_metadata_pair(operator, world):
    from tasks.metadata import task_metadata

    task = TaskFactory(project=world.project)
    task_metadata.save(task.pk, {"old": "1"}, 0)
    pair = TaskMetadata.objects.get(task=task)

    response = operator.post(f"/admin/tasks/taskmetadata/{pair.pk}/change/",
                             {"name": "new", "value": "2"})  # fmt: skip

    assert response.status_code == 302, response.content
    assert task_metadata.pairs(task.pk) == {"new": "2"}


def test_a_link_label_added_with_its_opposite(operator, world):
    from tasks.models import Link

    response = operator.post("/admin/tasks/link/add/",
                             {"label": "feeds", "opposite_label": "is fed by"})  # fmt: skip

    assert response.status_code == 302, response.content
    feeds, fed = Link.objects.get(label="feeds"), Link.objects.get(label="is fed by")
    assert (feeds.opposite_id, fed.opposite_id) == (fed.pk, feeds.pk)
    taken = operator.post("/admin/tasks/link/add/", {"label": "feeds", "opposite_label": ""})
    assert taken.status_code == 200 and Link.objects.filter(label="feeds").count() == 1
