"""Fixtures of the project and board tests: a second project "A" managed by the outsider
(for forged pairs), and helpers to read rows back."""

from __future__ import annotations

import pytest
from django.db.models import Model

from tests.factories import MembershipFactory, ProjectFactory

FORBIDDEN = b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'


@pytest.fixture
def foreign(world):
    """Project A, with the default board, of which the outsider is project-manager."""
    project = ProjectFactory(name="A")
    MembershipFactory(project=project, user=world.users["outsider"], role="project-manager")
    return project


def snapshot(model: type[Model], **conditions) -> list[dict]:
    """Every column of the matching rows, in id order: compared before and after a call
    that must change nothing."""
    return list(model.objects.filter(**conditions).order_by("id").values())


def assert_forbidden(rpc, method: str, params, as_) -> None:
    reply = rpc.request(method, params, as_=as_)
    assert (reply.status, reply.body) == (403, FORBIDDEN)
