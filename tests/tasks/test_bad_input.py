"""Ids that name nothing, given to the application credential: Kanboard's empty answers,
never an error."""

from __future__ import annotations

import pytest

from tasks.models import Tag, Task

EMPTY_ANSWERS = {
    "getTaskByReference": (["{id}", "ref"], None),
    "getAllTasks": (["{id}"], []),
    "getOverdueTasksByProject": (["{id}"], []),
    "getBoard": (["{id}"], []),
    "getProjectActivity": (["{id}"], []),
    "getProjectActivities": ([["{id}"]], []),
    "getTagsByProject": (["{id}"], []),
    "getTaskTags": (["{id}"], {}),
    "getTaskMetadata": (["{id}"], {}),
    "getTaskMetadataByName": (["{id}", "k"], ""),
    "removeTaskMetadata": (["{id}", "k"], False),
    "saveTaskMetadata": (["{id}", {"k": "v"}], False),
    "setTaskTags": (["{id}", "{id}", ["x"]], False),
    "moveTaskPosition": (["{id}", "{id}", "{id}", 1, 0], False),
    "moveTaskToProject": (["{id}", "{id}"], False),
    "duplicateTaskToProject": (["{id}", "{id}"], 0),
    "removeTag": (["{id}"], False),
    "createTag": (["{id}", "x"], False),
}
BAD_IDS = ["abc", 1.5, True, None, -1, 2**31, 2**63]


def fill(params, bad_id):
    if isinstance(params, list):
        return [fill(value, bad_id) for value in params]
    return bad_id if params == "{id}" else params


# A negative project id is an integer to createTag, which stores it as Kanboard does.
CASES = [
    (procedure, bad_id)
    for procedure in sorted(EMPTY_ANSWERS)
    for bad_id in BAD_IDS
    if (procedure, bad_id) != ("createTag", -1)
]


@pytest.mark.parametrize(("procedure", "bad_id"), CASES, ids=str)
def test_ids_that_name_nothing_get_the_empty_answer(rpc, world, procedure, bad_id):
    params, expected = EMPTY_ANSWERS[procedure]

    assert rpc.call(procedure, fill(params, bad_id)) == expected
    assert not Task.objects.exists() and not Tag.objects.exists()
