"""ColumnProcedure: the columns of a project's board, and the 1.0-era names moveColumnUp
and moveColumnDown."""

from __future__ import annotations

from kanboard_site.inputs import to_id, to_int
from projects import columns
from projects.models import Column
from rpc.formatters.structure import column
from rpc.registry import procedure


@procedure("getColumns")
def get_columns(project_id) -> list:
    listed = Column.objects.filter(project_id=to_id(project_id)).in_board_order()
    return [column(row) for row in listed]


@procedure("getColumn")
def get_column(column_id):
    return column(Column.objects.filter(pk=to_id(column_id)).first())


@procedure("updateColumn", invalid=False)
def update_column(column_id, title, task_limit=0, description="") -> bool:
    columns.update_column(to_id(column_id), title, task_limit, description)
    return True


@procedure("addColumn", invalid=False)
def add_column(project_id, title, task_limit=0, description="") -> int:
    return columns.add_column(to_id(project_id), title, task_limit, description)


@procedure("removeColumn", invalid=False)
def remove_column(column_id) -> bool:
    columns.remove_column(to_id(column_id))
    return True


@procedure("changeColumnPosition", invalid=False)
def change_column_position(project_id, column_id, position) -> bool:
    columns.change_column_position(to_id(project_id), to_id(column_id), to_int(position))
    return True


# Kanboard 1.0's names: one place towards the start or the end of the board.


@procedure("moveColumnUp", invalid=False)
def move_column_up(project_id, column_id) -> bool:
    columns.move_column(to_id(project_id), to_id(column_id), -1)
    return True


@procedure("moveColumnDown", invalid=False)
def move_column_down(project_id, column_id) -> bool:
    columns.move_column(to_id(project_id), to_id(column_id), 1)
    return True
