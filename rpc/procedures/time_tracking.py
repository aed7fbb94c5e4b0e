"""SubtaskTimeTrackingProcedure: users' timers on subtasks."""

from __future__ import annotations

from kanboard_site.inputs import to_id, to_int
from rpc.authentication import Caller
from rpc.formatters import number
from rpc.registry import procedure
from tasks import time_tracking


@procedure("hasSubtaskTimer")
def has_subtask_timer(subtask_id, user_id) -> bool:
    return time_tracking.has_running_timer(to_id(subtask_id), to_int(user_id))


@procedure("setSubtaskStartTime", invalid=False)
def set_subtask_start_time(subtask_id, user_id, *, caller: Caller) -> bool:
    time_tracking.start_timer(to_id(subtask_id), to_int(user_id), caller.user_id)
    return True


@procedure("setSubtaskEndTime", invalid=False)
def set_subtask_end_time(subtask_id, user_id, *, caller: Caller) -> bool:
    time_tracking.stop_timer(to_id(subtask_id), to_int(user_id), caller.user_id)
    return True


@procedure("getSubtaskTimeSpent")
def get_subtask_time_spent(subtask_id, user_id):
    return number(time_tracking.running_hours(to_id(subtask_id), to_int(user_id)))
