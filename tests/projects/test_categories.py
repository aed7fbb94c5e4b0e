"""CategoryProcedure: a project's task categories."""

from __future__ import annotations

import pytest

from projects.models import Category
from tasks.models import Task
from tests.factories import CategoryFactory, TaskFactory
from tests.projects.conftest import assert_forbidden, snapshot


def test_categories_have_kanboards_shape_and_case_insensitive_name_order(rpc, world):
    bug = CategoryFactory(project=world.project, name="bug", description="d", color_id="red")
    feature = CategoryFactory(project=world.project, name="Feature")

    assert rpc.call("getAllCategories", [world.project.pk], as_=world["viewer"]) == [
        {
            "id": bug.pk,
            "name": "bug",
            "project_id": world.project.pk,
            "description": "d",
            "color_id": "red",
        },
        {
            "id": feature.pk,
            "name": "Feature",
            "project_id": world.project.pk,
            "description": None,
            "color_id": None,
        },
    ]
    assert rpc.call("getCategory", [bug.pk], as_=world["viewer"])["name"] == "bug"


def test_only_ascii_letters_are_folded_when_sorting_categories(rpc, world):
    for name in ("éclair", "Zebra", "apple", "Éclat"):
        CategoryFactory(project=world.project, name=name)

    listed = rpc.call("getAllCategories", [world.project.pk])

    assert [category["name"] for category in listed] == ["apple", "Zebra", "Éclat", "éclair"]


@pytest.mark.parametrize("category_id", [999999, "abc"])
def test_unknown_categories(rpc, category_id):
    assert rpc.call("getCategory", [category_id]) is None
    assert rpc.call("getAllCategories", [999999]) == []


def test_create_category(rpc, world):
    new_id = rpc.call("createCategory", [world.project.pk, "Bug", "blue"], as_=world["manager"])

    assert snapshot(Category, pk=new_id) == [
        {
            "id": new_id,
            "name": "Bug",
            "project_id": world.project.pk,
            "description": None,
            "color_id": "blue",
        }
    ]


def test_create_category_accepts_a_digit_string_project_id(rpc, world):
    assert type(rpc.call("createCategory", [str(world.project.pk), "Bug"])) is int


@pytest.mark.parametrize(
    ("project", "name", "color_id"),
    [
        ("P", "", None),
        ("P", None, None),
        ("P", "n" * 192, None),
        ("P", "BUG", None),
        ("P", ["x"], None),
        ("P", "New", "c" * 51),
        ("P", "a\u0000b", None),
        (999999, "New", None),
        ("1.0", "New", None),
        (1.0, "New", None),
        ("", "New", None),
        (None, "New", None),
        (2**40, "New", None),
    ],
)
def test_invalid_categories_are_false(rpc, world, project, name, color_id):
    CategoryFactory(project=world.project, name="bug")
    project_id = world.project.pk if project == "P" else project
    before = snapshot(Category)

    assert rpc.call("createCategory", [project_id, name, color_id]) is False

    assert snapshot(Category) == before


def test_update_category_always_writes_the_color(rpc, world):
    category = CategoryFactory(project=world.project, name="bug", color_id="red")

    assert rpc.call("updateCategory", {"id": category.pk, "name": "Bug"}, as_=world["manager"])

    assert snapshot(Category, pk=category.pk)[0] == {
        "id": category.pk,
        "name": "Bug",
        "project_id": world.project.pk,
        "description": None,
        "color_id": None,
    }


def test_updating_an_unknown_category_is_true(rpc):
    assert rpc.call("updateCategory", [999999, "x"]) is True


@pytest.mark.parametrize(
    ("category", "name"), [("bug", "FEATURE"), ("bug", ""), ("bug", "n" * 192), ("abc", "x")]
)
def test_invalid_category_changes_are_false(rpc, world, category, name):
    ids = {
        name: CategoryFactory(project=world.project, name=name).pk for name in ("bug", "feature")
    }
    before = snapshot(Category)

    assert rpc.call("updateCategory", [ids.get(category, category), name]) is False

    assert snapshot(Category) == before


def test_the_same_name_may_be_used_in_another_project(rpc, world, foreign):
    CategoryFactory(project=world.project, name="bug")

    assert type(rpc.call("createCategory", [foreign.pk, "bug"])) is int


def test_remove_category_takes_it_off_its_tasks(rpc, world):
    category = CategoryFactory(project=world.project)
    other = CategoryFactory(project=world.project)
    tagged = TaskFactory(project=world.project, category_id=category.pk)
    kept = TaskFactory(project=world.project, category_id=other.pk)

    assert rpc.call("removeCategory", [category.pk], as_=world["manager"]) is True
    assert rpc.call("removeCategory", [category.pk]) is False

    assert Task.objects.get(pk=tagged.pk).category_id == 0
    assert Task.objects.get(pk=kept.pk).category_id == other.pk
    assert list(Category.objects.values_list("pk", flat=True)) == [other.pk]


def test_removing_an_unknown_category_is_false(rpc):
    assert rpc.call("removeCategory", [1111]) is False


@pytest.mark.parametrize(
    ("persona", "method", "params"),
    [
        ("outsider", "getCategory", ["C"]),
        ("outsider", "getAllCategories", ["P"]),
        ("member", "createCategory", ["P", "x"]),
        ("member", "updateCategory", ["C", "x"]),
        ("member", "removeCategory", ["C"]),
        ("outsider", "updateCategory", ["C", "x"]),
        ("outsider", "removeCategory", ["C"]),
        ("outsider", "createCategory", ["P", "x"]),
        ("manager", "getCategory", [999999]),
    ],
)
def test_categories_need_their_projects_role(rpc, world, persona, method, params):
    category = CategoryFactory(project=world.project)
    TaskFactory(project=world.project, category_id=category.pk)
    named = {"P": world.project.pk, "C": category.pk}
    before = (snapshot(Category), snapshot(Task))

    assert_forbidden(rpc, method, [named.get(value, value) for value in params], world[persona])

    assert (snapshot(Category), snapshot(Task)) == before
