"""TaskMetadataProcedure."""

from __future__ import annotations

import pytest

from tasks.models import TaskMetadata


def test_save_get_and_remove(rpc, world, new_task):
    task = new_task()

    assert (
        rpc.call(
            "saveTaskMetadata",
            {"task_id": task.pk, "values": {"b": 2, "a": "x"}},
            as_=world["member"],
        )
        is True
    )
    assert rpc.call("saveTaskMetadata", [task.pk, {"a": "y"}]) is True

    assert rpc.call("getTaskMetadata", [task.pk], as_=world["viewer"]) == {"a": "y", "b": "2"}
    assert rpc.call("getTaskMetadataByName", [task.pk, "b"]) == "2"
    row = TaskMetadata.objects.get(task=task, name="b")
    assert row.changed_by == world.users["member"].pk and row.changed_on > 0
    assert rpc.call("removeTaskMetadata", [task.pk, "a"]) is True
    assert rpc.call("removeTaskMetadata", [task.pk, "a"]) is False
    assert rpc.call("getTaskMetadataByName", [task.pk, "a"]) == ""


def test_empty_results_are_an_object_and_an_empty_string(rpc, world, new_task):
    task = new_task()
    TaskMetadata.objects.create(task=task, name="zero", value="0")

    assert rpc.call("getTaskMetadata", [999999]) == {}
    assert rpc.call("getTaskMetadataByName", [task.pk, "zero"]) == ""
    assert rpc.request("getTaskMetadata", [task.pk]).body.endswith(b'"result":{"zero":"0"},"id":1}')


def test_a_json_array_names_values_by_index(rpc, world, new_task):
    task = new_task()

    rpc.call("saveTaskMetadata", [task.pk, ["first", "second"]])

    assert rpc.call("getTaskMetadata", [task.pk]) == {"0": "first", "1": "second"}


@pytest.mark.parametrize(
    "values", [{"k" * 51: "v"}, {"k": "v" * 256}, {"k": {"nested": 1}}, {"a\u0000": "v"}]
)
def test_refused_values_write_nothing(rpc, world, new_task, values):
    task = new_task()

    assert rpc.call("saveTaskMetadata", [task.pk, {"fine": "1", **values}]) is False
    assert not TaskMetadata.objects.exists()


def test_unknown_task_and_scalar_values(rpc, world):
    assert rpc.call("saveTaskMetadata", [999999, {"k": "v"}]) is False
    assert rpc.error("saveTaskMetadata", [1, "x"])["code"] == -32602


def test_viewers_read_but_do_not_write(rpc, world, new_task):
    task = new_task()

    assert rpc.status("saveTaskMetadata", [task.pk, {"k": "v"}], as_=world["viewer"]) == 403
    assert rpc.status("removeTaskMetadata", [task.pk, "k"], as_=world["viewer"]) == 403
    assert rpc.status("getTaskMetadata", [task.pk], as_=world["outsider"]) == 403
    assert not TaskMetadata.objects.exists()
