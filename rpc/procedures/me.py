"""MeProcedure: the caller's own account and work (User API only)."""

from __future__ import annotations

from rpc.authentication import Caller
from rpc.formatters.users import me
from rpc.registry import procedure


@procedure("getMe")
def get_me(caller: Caller) -> dict:
    return me(caller.user)
