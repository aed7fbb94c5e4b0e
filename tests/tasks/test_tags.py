"""TagProcedure and TaskTagProcedure."""

from __future__ import annotations

import pytest

from tasks.models import Tag, TaskTag
from tests.factories import MembershipFactory, ProjectFactory, TagFactory


def test_create_tag_answers_the_id_and_refuses_an_exact_duplicate(rpc, world):
    tag_id = rpc.call(
        "createTag", {"project_id": world.project.pk, "tag": "Urgent"}, as_=world["member"]
    )

    assert Tag.objects.get(pk=tag_id).name == "Urgent"
    assert rpc.call("createTag", [world.project.pk, "Urgent"]) is False
    assert rpc.call("createTag", [world.project.pk, "urgent"]) > 0


def test_tags_lists_have_kanboard_shape_and_byte_order(rpc, world):
    TagFactory(project_id=world.project.pk, name="beta", color_id="red")
    TagFactory(project_id=world.project.pk, name="Alpha")
    TagFactory(project_id=0, name="global")

    listed = rpc.call("getTagsByProject", [world.project.pk], as_=world["viewer"])

    assert [list(tag) for tag in listed] == [["id", "name", "project_id", "color_id"]] * 2
    assert [(tag["name"], tag["color_id"]) for tag in listed] == [("Alpha", None), ("beta", "red")]
    assert [tag["name"] for tag in rpc.call("getTagsByProject", [0])] == ["global"]


def test_users_cannot_create_global_tags(rpc, world):
    assert rpc.status("createTag", [0, "x"], as_=world["manager"]) == 403
    assert rpc.call("createTag", [0, "x"]) > 0


@pytest.mark.parametrize("values", [["x" * 256], ["a\u0000"], [["x"]], ["x", "c" * 51]])
def test_invalid_names_and_colors_answer_false(rpc, world, values):
    assert rpc.call("createTag", [world.project.pk, *values]) is False
    assert not Tag.objects.exists()


def test_update_tag_resets_an_omitted_color_and_is_true_for_unknown_ids(rpc, world):
    tag = TagFactory(project_id=world.project.pk, name="a", color_id="red")
    TagFactory(project_id=world.project.pk, name="taken")

    assert rpc.call("updateTag", {"tag_id": tag.pk, "tag": "b"}, as_=world["member"]) is True
    assert (Tag.objects.get(pk=tag.pk).name, Tag.objects.get(pk=tag.pk).color_id) == ("b", None)
    assert rpc.call("updateTag", [tag.pk, "taken"]) is False
    assert rpc.call("updateTag", [999999, "x"], as_=world["outsider"]) is True


def test_remove_tag(rpc, world, new_task):
    task = new_task(tags=["gone"])
    tag = Tag.objects.get(name="gone")

    assert rpc.call("removeTag", [tag.pk], as_=world["member"]) is True
    assert not TaskTag.objects.filter(task=task).exists()
    assert rpc.call("removeTag", [tag.pk], as_=world["outsider"]) is False


def test_viewers_cannot_change_tags(rpc, world):
    tag = TagFactory(project_id=world.project.pk, name="a")

    assert rpc.status("updateTag", [tag.pk, "b"], as_=world["viewer"]) == 403
    assert rpc.status("removeTag", [tag.pk], as_=world["viewer"]) == 403
    assert Tag.objects.get(pk=tag.pk).name == "a"


def test_get_all_tags_is_filtered_for_users_who_are_not_admins(rpc, world, other_project):
    TagFactory(project_id=0, name="global")
    TagFactory(project_id=world.project.pk, name="p")
    TagFactory(project_id=other_project.pk, name="q")
    disabled = ProjectFactory(is_active=False)
    MembershipFactory(project=disabled, user=world.users["member"])
    TagFactory(project_id=disabled.pk, name="off")

    assert [tag["name"] for tag in rpc.call("getAllTags", as_=world["member"])] == ["global", "p"]
    assert [tag["name"] for tag in rpc.call("getAllTags", as_=world["outsider"])] == ["global"]
    assert [tag["name"] for tag in rpc.call("getAllTags", as_=world["admin"])] == [
        "global",
        "off",
        "p",
        "q",
    ]
    assert len(rpc.call("getAllTags")) == 4


def test_set_task_tags_finds_case_insensitively_but_keeps_case_sensitively(rpc, world, new_task):
    task = new_task()
    TagFactory(project_id=0, name="Shared")

    assert rpc.call("setTaskTags", [world.project.pk, task.pk, ["tag1", "shared", "", "0"]]) is True
    tags = rpc.call("getTaskTags", {"task_id": task.pk})
    assert sorted(tags.values()) == ["Shared", "tag1"]
    assert all(isinstance(key, str) for key in tags)

    rpc.call("setTaskTags", [world.project.pk, task.pk, ["TAG1", "Shared"]])

    assert list(rpc.call("getTaskTags", [task.pk]).values()) == ["Shared"]
    assert Tag.objects.filter(name="tag1", project_id=world.project.pk).exists()


def test_set_task_tags_refuses_a_task_of_another_project(rpc, world, new_task):
    task = new_task()
    other = ProjectFactory(name="A")
    MembershipFactory(project=other, user=world.users["member"])

    assert rpc.call("setTaskTags", [other.pk, task.pk, ["a-tag"]], as_=world["member"]) is False
    assert rpc.call("getTaskTags", [task.pk]) == {}
    assert not Tag.objects.filter(project_id=other.pk).exists()


def test_set_task_tags_needs_member_roles_and_an_array(rpc, world, new_task):
    task = new_task()

    assert rpc.status("setTaskTags", [world.project.pk, task.pk, ["x"]], as_=world["viewer"]) == 403
    assert rpc.error("setTaskTags", [world.project.pk, task.pk, "x"])["code"] == -32602
    assert rpc.call("getTaskTags", [task.pk], as_=world["viewer"]) == {}
    assert rpc.status("getTaskTags", [task.pk], as_=world["outsider"]) == 403
