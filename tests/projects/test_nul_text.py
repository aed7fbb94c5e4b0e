"""Text with NUL characters, which PostgreSQL cannot hold: lookups find nothing and
writes are refused, with the same answer on every database (security.md D8)."""

from __future__ import annotations

import pytest

from projects.models import ProjectMetadata, ProjectUserRole
from tests.projects.conftest import snapshot

NUL = "a\u0000b"


@pytest.mark.parametrize(
    ("method", "params", "result"),
    [
        ("getProjectByName", [NUL], False),
        ("getProjectByIdentifier", [NUL], False),
        ("getProjectByEmail", [NUL], False),
        ("getSwimlaneByName", ["P", NUL], None),
        ("getProjectMetadataByName", ["P", NUL], ""),
        ("removeProjectMetadata", ["P", NUL], False),
        ("addProjectUser", ["P", "outsider", NUL], False),
        ("changeProjectUserRole", ["P", "member", NUL], False),
        ("saveProjectMetadata", ["P", {NUL: "v"}], False),
        ("addColumn", ["P", NUL], False),
        ("addSwimlane", ["P", NUL], False),
        ("createCategory", ["P", NUL], False),
        ("updateProject", ["P", NUL], False),
    ],
)
@pytest.mark.parametrize("persona", ["app", "manager"])
def test_text_with_nul_matches_nothing_and_is_never_stored(
    rpc, world, persona, method, params, result
):
    named = {"P": world.project.pk, **{name: user.pk for name, user in world.users.items()}}
    before = (snapshot(ProjectUserRole), snapshot(ProjectMetadata))
    params = [named.get(value, value) if isinstance(value, str) else value for value in params]

    answer = rpc.call(method, params, as_=world[persona])

    assert answer == result and type(answer) is type(result)
    assert (snapshot(ProjectUserRole), snapshot(ProjectMetadata)) == before
