"""searchTasks: Kanboard's task filter language over one project."""

from __future__ import annotations

from kanboard_site.inputs import to_id, to_text
from rpc.authentication import Caller
from rpc.errors import InvalidParams
from rpc.formatters.database_json import JsonText
from rpc.formatters.tasks import encoded_tasks_in_extended_form
from rpc.read_cache import cached_read
from rpc.registry import procedure
from tasks.search import filters_on_dates, matching_tasks


@procedure("searchTasks")
def search_tasks(project_id, query, caller: Caller) -> list | JsonText:
    # PHP reads null as the empty query; an array is no query at all.
    text = "" if query is None else to_text(query)
    if text is None:
        raise InvalidParams("query must be a string")
    project_id = to_id(project_id)

    def render():
        return encoded_tasks_in_extended_form(matching_tasks(project_id, text, caller.user))

    if filters_on_dates(text):
        return render()
    # The caller's id: "me" and the comments a user may read change the result.
    return cached_read(("searchTasks", project_id, text, caller.user_id), project_id, render)
