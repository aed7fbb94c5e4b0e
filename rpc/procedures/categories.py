"""CategoryProcedure: the task categories of a project."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from projects import categories
from projects.models import Category
from rpc.formatters.structure import category
from rpc.registry import procedure


@procedure("getCategory")
def get_category(category_id):
    return category(Category.objects.filter(pk=to_id(category_id)).first())


@procedure("getAllCategories")
def get_all_categories(project_id) -> list:
    listed = Category.objects.filter(project_id=to_id(project_id)).in_name_order()
    return [category(row) for row in listed]


@procedure("createCategory", invalid=False)
def create_category(project_id, name, color_id=None) -> int:
    return categories.create_category(project_id, name, color_id)


@procedure("updateCategory", invalid=False)
def update_category(id, name, color_id=None) -> bool:
    categories.update_category(id, name, color_id)
    return True


@procedure("removeCategory")
def remove_category(category_id) -> bool:
    return categories.remove_category(to_id(category_id))
