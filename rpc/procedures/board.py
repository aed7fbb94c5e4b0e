"""BoardProcedure: the board of a project."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.formatters.board import board
from rpc.registry import procedure
from tasks.board import board_of


@procedure("getBoard")
def get_board(project_id, caller: Caller) -> list:
    return board(board_of(to_id(project_id), caller.user_id))
