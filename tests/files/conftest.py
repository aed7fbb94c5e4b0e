"""Fixtures for the file procedures: a task in P, project Q with a task, image bytes,
and what the storage holds."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from tests.factories import MembershipFactory, ProjectFactory, TaskFactory


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


def png(width: int = 40, height: int = 20) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), (255, 0, 0)).save(output, "PNG")
    return output.getvalue()


def stored(root) -> list[str]:
    """The blobs under the storage root, as keys, sorted."""
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def task(world):
    return TaskFactory(project=world.project, title="Task in P")


@pytest.fixture
def foreign_project(world):
    """Project Q: the manager is its project-manager, nobody else has a role in it."""
    project = ProjectFactory(name="Q")
    MembershipFactory(project=project, user=world.users["manager"], role="project-manager")
    return project


@pytest.fixture
def foreign_task(foreign_project):
    return TaskFactory(project=foreign_project, title="Task in Q")


@pytest.fixture
def upload(rpc, world, task):
    """createTaskFile on P's task (application credential unless ``as_`` is given); the id."""

    def create(name="a.txt", content=b"hello", as_=None, task_id=None):
        file_id = rpc.call(
            "createTaskFile",
            [world.project.pk, task_id or task.pk, name, b64(content)],
            as_=as_,
        )
        assert isinstance(file_id, int) and file_id > 0, file_id
        return file_id

    return create


@pytest.fixture
def upload_to_project(rpc, world):
    def create(name="a.txt", content=b"hello", as_=None, project_id=None):
        file_id = rpc.call(
            "createProjectFile", [project_id or world.project.pk, name, b64(content)], as_=as_
        )
        assert isinstance(file_id, int) and file_id > 0, file_id
        return file_id

    return create
