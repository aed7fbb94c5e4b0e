"""ProjectMetadataProcedure: name/value pairs on a project, values as text."""

from __future__ import annotations

import time

import pytest

from projects.models import ProjectMetadata
from tests.projects.conftest import assert_forbidden, snapshot


def test_saved_values_read_back_as_text_in_name_order(rpc, world):
    values = {"b": 2, "a": "one", "C": True, "d": None, "e": 1.5}

    assert rpc.call("saveProjectMetadata", [world.project.pk, values], as_=world["member"])

    assert rpc.call("getProjectMetadata", [world.project.pk], as_=world["viewer"]) == {
        "C": "1",
        "a": "one",
        "b": "2",
        "d": "",
        "e": "1.5",
    }
    assert list(rpc.call("getProjectMetadata", [world.project.pk])) == ["C", "a", "b", "d", "e"]


def test_saving_records_who_and_when(rpc, world):
    before = int(time.time())

    rpc.call("saveProjectMetadata", [world.project.pk, {"k": "v"}], as_=world["member"])
    rpc.call("saveProjectMetadata", [world.project.pk, {"j": "w"}])

    rows = {row.name: row for row in ProjectMetadata.objects.all()}
    assert rows["k"].changed_by == world.users["member"].pk
    assert rows["j"].changed_by == 0
    assert before <= rows["k"].changed_on <= int(time.time())


def test_saving_again_updates_in_place(rpc, world):
    rpc.call("saveProjectMetadata", [world.project.pk, {"k": "old", "other": "x"}])

    assert rpc.call("saveProjectMetadata", {"project_id": world.project.pk, "values": {"k": "new"}})

    assert rpc.call("getProjectMetadata", [world.project.pk]) == {"k": "new", "other": "x"}
    assert ProjectMetadata.objects.count() == 2


def test_a_list_is_saved_under_its_indexes(rpc, world):
    assert rpc.call("saveProjectMetadata", [world.project.pk, ["a", "b"]]) is True

    assert rpc.call("getProjectMetadata", [world.project.pk]) == {"0": "a", "1": "b"}


def test_an_empty_object_saves_nothing_and_is_true(rpc, world):
    assert rpc.call("saveProjectMetadata", [world.project.pk, {}]) is True

    assert rpc.request("getProjectMetadata", [world.project.pk]).body == (
        b'{"jsonrpc":"2.0","result":{},"id":1}'
    )


@pytest.mark.parametrize(
    "values",
    [
        {"k": "v", "n" * 51: "too long a name"},
        {"k": "v", "long": "v" * 256},
        {"k": "v", "nested": {"a": 1}},
        {"k": "v", "list": [1]},
        {"k": "v", "a\u0000b": "nul"},
        {"k": "v", "nul": "a\u0000b"},
    ],
)
def test_invalid_pairs_are_refused_whole(rpc, world, values):
    assert rpc.call("saveProjectMetadata", [world.project.pk, values]) is False

    assert not ProjectMetadata.objects.exists()


def test_saving_on_an_unknown_project_is_false(rpc):
    assert rpc.call("saveProjectMetadata", [999999, {"k": "v"}]) is False

    assert not ProjectMetadata.objects.exists()


@pytest.mark.parametrize("values", ["text", 5, None, True])
def test_values_must_be_an_object_or_a_list(rpc, world, values):
    error = rpc.error("saveProjectMetadata", [world.project.pk, values])

    assert (error["code"], error["data"]) == (-32602, "Parameter values must be an array")


@pytest.mark.parametrize(("stored", "read"), [("v", "v"), ("", ""), ("0", ""), ("00", "00")])
def test_metadata_by_name_reads_falsy_values_as_empty(rpc, world, stored, read):
    ProjectMetadata.objects.create(project=world.project, name="k", value=stored)

    assert rpc.call("getProjectMetadataByName", [world.project.pk, "k"]) == read


@pytest.mark.parametrize("name", ["missing", 5, None, ["k"]])
def test_unknown_names_read_as_empty(rpc, world, name):
    ProjectMetadata.objects.create(project=world.project, name="k", value="v")

    assert rpc.call("getProjectMetadataByName", [world.project.pk, name]) == ""


def test_metadata_of_another_project_is_not_read(rpc, world, foreign):
    ProjectMetadata.objects.create(project=foreign, name="k", value="secret")

    assert rpc.call("getProjectMetadataByName", [world.project.pk, "k"]) == ""
    assert rpc.call("getProjectMetadata", [world.project.pk]) == {}


def test_remove_metadata(rpc, world):
    ProjectMetadata.objects.create(project=world.project, name="k", value="v")

    assert rpc.call("removeProjectMetadata", [world.project.pk, "k"], as_=world["member"]) is True
    assert rpc.call("removeProjectMetadata", [world.project.pk, "k"]) is False
    assert rpc.call("removeProjectMetadata", [world.project.pk, 5]) is False


def test_removing_through_another_project_is_false(rpc, world, foreign):
    ProjectMetadata.objects.create(project=world.project, name="k", value="v")

    assert rpc.call("removeProjectMetadata", [foreign.pk, "k"], as_=world["outsider"]) is False

    assert ProjectMetadata.objects.filter(project=world.project, name="k").exists()


@pytest.mark.parametrize(
    ("persona", "method", "params"),
    [
        ("viewer", "saveProjectMetadata", [{"k": "x"}]),
        ("viewer", "removeProjectMetadata", ["k"]),
        ("outsider", "saveProjectMetadata", [{"k": "x"}]),
        ("outsider", "removeProjectMetadata", ["k"]),
        ("outsider", "getProjectMetadata", []),
        ("outsider", "getProjectMetadataByName", ["k"]),
    ],
)
def test_metadata_needs_membership_and_writes_a_member(rpc, world, persona, method, params):
    ProjectMetadata.objects.create(project=world.project, name="k", value="v")
    before = snapshot(ProjectMetadata)

    assert_forbidden(rpc, method, [world.project.pk, *params], world[persona])

    assert snapshot(ProjectMetadata) == before
