"""BoardProcedure: the board of a project."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.formatters.board import board
from rpc.formatters.database_json import JsonText
from rpc.read_cache import cached_read
from rpc.registry import procedure
from tasks.board import board_of


@procedure("getBoard")
def get_board(project_id, caller: Caller) -> list | JsonText:
    """By viewer: whether it may move the tasks (is_draggable) depends on its role."""
    project_id, viewer_id = to_id(project_id), caller.user_id
    return cached_read(
        ("getBoard", project_id, viewer_id),
        project_id,
        lambda: board(board_of(project_id, viewer_id)),
    )
