"""removeProject takes the whole project graph and nothing else (security.md F9)."""

from __future__ import annotations

import time

import pytest
from django.apps import apps

from projects.models import Action, ActionParam, ProjectFile, ProjectMetadata, ProjectUserRole
from tasks.models import (
    ExternalLink,
    ProjectActivity,
    SubtaskTimer,
    TaskFile,
    TaskLink,
    TaskMetadata,
    TaskTag,
    Transition,
)
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    GroupFactory,
    GroupRoleFactory,
    ProjectFactory,
    SubtaskFactory,
    TagFactory,
    TaskFactory,
    UserFactory,
)


def every_row() -> dict:
    """Every row of the project and task tables."""
    return {
        model._meta.db_table: list(model.objects.order_by("pk").values())
        for app in ("projects", "tasks")
        for model in apps.get_app_config(app).get_models()
    }


def store_blob(storage, key: str) -> None:
    path = storage / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"data")


def build_project(name: str, user, group, storage) -> dict:
    """A project with one of everything; its tasks, by name."""
    now = int(time.time())
    project = ProjectFactory(name=name)
    column = project.columns.order_by("position").last()
    task = TaskFactory(project=project, category_id=CategoryFactory(project=project).pk)
    other = TaskFactory(project=project)
    SubtaskTimer.objects.create(user=user, subtask=SubtaskFactory(task=task), start=now)
    CommentFactory(task=task)
    TaskTag.objects.create(task=task, tag=TagFactory(project_id=project.pk))
    TaskLink.objects.create(link_id=1, task=task, opposite_task=other)
    TaskLink.objects.create(link_id=1, task=other, opposite_task=task)
    ExternalLink.objects.create(
        task=task,
        link_type="weblink",
        dependency="related",
        title="t",
        url="https://example.com/",
        date_creation=now,
        date_modification=now,
    )
    TaskMetadata.objects.create(task=task, name="k", value="v")
    TaskFile.objects.create(task=task, name="a.txt", path=f"tasks/{task.pk}/blob")
    store_blob(storage, f"tasks/{task.pk}/blob")
    ProjectFile.objects.create(project=project, name="b.txt", path=f"projects/{project.pk}/blob")
    store_blob(storage, f"projects/{project.pk}/blob")
    ProjectMetadata.objects.create(project=project, name="k", value="v")
    ProjectUserRole.objects.create(project=project, user=user, role="project-manager")
    GroupRoleFactory(project=project, group=group)
    action = Action.objects.create(project=project, event_name="e", action_name="\\A")
    ActionParam.objects.create(action=action, name="column_id", value=str(column.pk))
    Transition.objects.create(
        user=user, project=project, task=task, src_column=column, dst_column=column, date=now
    )
    ProjectActivity.objects.create(
        date_creation=now, event_name="task.create", creator=user, project=project, task=task
    )
    return {"task": task, "other": other}


@pytest.mark.django_db
def test_remove_project_takes_its_whole_graph_and_nothing_else(
    rpc, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.FILE_STORAGE_DIR = tmp_path
    user, group = UserFactory(), GroupFactory()
    TagFactory(project_id=0)
    kept = build_project("S", user, group, tmp_path)
    before = every_row()
    blobs_before = sorted(tmp_path.rglob("blob"))
    removed = build_project("P", user, group, tmp_path)
    # Links from the kept project's task to the removed one's, both ways.
    TaskLink.objects.create(link_id=1, task=kept["task"], opposite_task=removed["task"])
    TaskLink.objects.create(link_id=1, task=removed["task"], opposite_task=kept["task"])

    with django_capture_on_commit_callbacks(execute=True):
        assert rpc.call("removeProject", [removed["task"].project_id]) is True

    assert every_row() == before
    assert sorted(tmp_path.rglob("blob")) == blobs_before
