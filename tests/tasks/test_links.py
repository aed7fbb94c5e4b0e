"""LinkProcedure: getLinkById, getLinkByLabel, getOppositeLinkId, getAllLinks, createLink,
updateLink, removeLink (app-admin)."""

from __future__ import annotations

import pytest

from tasks.models import Link, TaskLink
from tasks.seed import LINKS


def label_pairs() -> dict[str, int]:
    return dict(Link.objects.values_list("label", "opposite_id"))


def test_get_link_by_id_answers_the_row(rpc):
    assert rpc.call("getLinkById", [4]) == {"id": 4, "label": "duplicates", "opposite_id": 5}
    assert rpc.call("getLinkById", ["1"]) == {"id": 1, "label": "relates to", "opposite_id": 0}


@pytest.mark.parametrize("link_id", [999, "abc", None, 1.5])
def test_get_link_by_id_is_null_when_nothing_matches(rpc, link_id):
    assert rpc.call("getLinkById", [link_id]) is None


def test_get_link_by_label_matches_exactly(rpc):
    assert rpc.call("getLinkByLabel", ["blocks"]) == {"id": 2, "label": "blocks", "opposite_id": 3}
    assert rpc.call("getLinkByLabel", ["Blocks"]) is None
    assert rpc.call("getLinkByLabel", [["blocks"]]) is None


@pytest.mark.parametrize(
    ("link_id", "opposite"), [(1, 1), (2, 3), (3, 2), ("2", 3), (999, 999), ("999", "999")]
)
def test_get_opposite_link_id_never_fails(rpc, link_id, opposite):
    assert rpc.call("getOppositeLinkId", [link_id]) == opposite


def test_get_all_links_lists_the_seeded_labels_in_id_order(rpc):
    assert rpc.call("getAllLinks") == [
        {"id": link_id, "label": label, "opposite_id": opposite}
        for link_id, label, opposite in LINKS
    ]


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_links_runs_a_fixed_number_of_queries(rpc, size, django_assert_num_queries):
    Link.objects.bulk_create(Link(label=f"label {n}") for n in range(size))

    with django_assert_num_queries(2):
        listed = rpc.call("getAllLinks")

    assert len(listed) == size + len(LINKS)


def test_create_link_alone_has_no_opposite(rpc):
    link_id = rpc.call("createLink", {"label": "test"})

    assert rpc.call("getLinkById", [link_id]) == {"id": link_id, "label": "test", "opposite_id": 0}


def test_create_link_with_an_opposite_makes_a_pair(rpc):
    link_id = rpc.call("createLink", ["foo", "bar"])

    opposite = rpc.call("getLinkByLabel", ["bar"])
    assert rpc.call("getLinkById", [link_id])["opposite_id"] == opposite["id"]
    assert opposite["opposite_id"] == link_id


@pytest.mark.parametrize(
    "params",
    [
        ["blocks"],
        ["same", "same"],
        ["", "x"],
        [None],
        [["a"]],
        ["x" * 256],
        ["a\0b"],
        ["new", "blocks"],
        ["new", "y" * 256],
    ],
)
def test_create_link_refuses_invalid_or_taken_labels_and_writes_nothing(rpc, params):
    before = label_pairs()

    assert rpc.call("createLink", params) is False

    assert label_pairs() == before


def test_create_link_with_an_opposite_label_of_zero_makes_no_opposite(rpc):
    link_id = rpc.call("createLink", ["alone", "0"])

    assert rpc.call("getLinkById", [link_id])["opposite_id"] == 0
    assert not Link.objects.filter(label="0").exists()


def test_update_link_renames_and_repoints_only_that_link(rpc):
    foo = rpc.call("createLink", ["foo", "bar"])
    test = rpc.call("createLink", ["test"])
    bar = rpc.call("getLinkByLabel", ["bar"])["id"]

    assert rpc.call("updateLink", [bar, test, "my link"]) is True

    assert rpc.call("getLinkById", [bar]) == {"id": bar, "label": "my link", "opposite_id": test}
    assert rpc.call("getLinkById", [foo])["opposite_id"] == bar
    assert rpc.call("getLinkById", [test])["opposite_id"] == 0


def test_update_link_keeps_its_own_label_and_accepts_no_opposite(rpc):
    assert rpc.call("updateLink", [2, 0, "blocks"]) is True
    assert rpc.call("getLinkById", [2]) == {"id": 2, "label": "blocks", "opposite_id": 0}


def test_update_link_of_an_unknown_id_is_true(rpc):
    before = label_pairs()

    assert rpc.call("updateLink", [999, 0, "anything"]) is True
    assert label_pairs() == before


@pytest.mark.parametrize(
    "params", [[2, 3, "duplicates"], [2, 3, ""], [2, None, "x"], [2, "", "x"], [2, "abc", "x"]]
)
def test_update_link_refuses_invalid_input_and_changes_nothing(rpc, params):
    before = label_pairs()

    assert rpc.call("updateLink", params) is False

    assert label_pairs() == before


def test_remove_link_unpairs_its_opposite_and_deletes_its_task_links(rpc, world, task, other_task):
    rpc.call("createTaskLink", [task.pk, other_task.pk, 4])

    assert rpc.call("removeLink", [5]) is True

    assert rpc.call("getLinkById", [5]) is None
    assert rpc.call("getLinkById", [4])["opposite_id"] == 0
    assert list(TaskLink.objects.values_list("link_id", flat=True)) == [4]
    assert rpc.call("removeLink", [5]) is False


@pytest.mark.parametrize("persona", ["manager", "member"])
def test_link_labels_are_for_app_admins(rpc, world, persona):
    before = label_pairs()

    assert rpc.status("getAllLinks", as_=world[persona]) == 403
    assert rpc.status("createLink", ["x"], as_=world[persona]) == 403
    assert rpc.status("updateLink", [2, 3, "x"], as_=world[persona]) == 403
    assert rpc.status("removeLink", [2], as_=world[persona]) == 403

    assert label_pairs() == before


def test_an_app_admin_manages_link_labels(rpc, world):
    link_id = rpc.call("createLink", ["x", "y"], as_=world["admin"])

    assert rpc.call("removeLink", [link_id], as_=world["admin"]) is True


@pytest.mark.django_db(transaction=True)
def test_concurrent_creations_of_the_same_label_make_one_link(concurrently):
    results = concurrently("createLink", ["twin"], 6)

    assert results.count(False) == 5
    assert Link.objects.filter(label="twin").count() == 1
