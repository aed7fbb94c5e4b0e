"""The HTML of an activity event (``event_content``), as Kanboard's templates
``app/Template/event/*.php`` and ``task/changes.php`` render it, byte for byte: links are
relative, texts escaped with PHP's htmlspecialchars, dates in the configured formats."""

from __future__ import annotations

from kanboard_site.php_html import (  # noqa: F401  (datetime_format: used by activity.py)
    datetime_format,
    escape,
    format_datetime,
    markdown,
    php_text,
)
from tasks.colors import COLORS


def task_link(task_id) -> str:
    href = f"/?controller=TaskViewController&amp;action=show&amp;task_id={task_id}"
    return f'<a href="{href}" class="" title=\'\' >#{int(task_id or 0)}</a>'


def _page(title: str, date: str, description: str) -> str:
    return (
        '<p class="activity-title">\n'
        f'{title}    <small class="activity-date">{date}</small>\n'
        "</p>\n"
        '<div class="activity-description">\n'
        f"{description}</div>\n"
    )


def _task_title(task: dict) -> str:
    return f'    <p class="activity-task-title">{escape(task.get("title"))}</p>\n'


def _simple(sentence: str):
    """Templates whose title is '<author> <sentence> <link to the task>'."""

    def title(event: dict, author: str, task: dict) -> str:
        return f"    {author} {sentence} {task_link(task.get('id'))}"

    return title


def _assignee_title(event: dict, author: str, task: dict) -> str:
    assignee = task.get("assignee_name") or task.get("assignee_username")
    link = task_link(task.get("id"))
    if assignee:
        line = f"{author} changed the assignee of the task {link} to {escape(assignee)}"
    else:
        line = f"{author} removed the assignee of the task {link}"
    return f"    \n            {line}    "


def _swimlane_title(event: dict, author: str, task: dict) -> str:
    link = task_link(task.get("id"))
    if not task.get("swimlane_id"):
        line = f"{author} moved the task {link} to the first swimlane"
    else:
        line = (
            f'{author} moved the task {link} to the swimlane "{escape(task.get("swimlane_name"))}"'
        )
    return f"            {line}    "


def _column_title(event: dict, author: str, task: dict) -> str:
    column = escape(task.get("column_title"))
    return f'    {author} moved the task {task_link(task.get("id"))} to the column "{column}"'


def _position_title(event: dict, author: str, task: dict) -> str:
    return (
        f"    {author} moved the task {task_link(task.get('id'))} to the position "
        f'#{int(task.get("position") or 0)} in the column "{escape(task.get("column_title"))}"'
    )


def _project_title(event: dict, author: str, task: dict) -> str:
    return (
        f"    {author} moved the task #{int(task.get('id') or 0)} "
        f'"{escape(task.get("title"))}" to the project "{escape(task.get("project_name"))}"'
    )


def _comment_body(event: dict, task: dict, pattern: str) -> str:
    comment = (event.get("comment") or {}).get("comment")
    return _task_title(task) + f'    <div class="markdown">{markdown(comment)}</div>\n'


def _updated_comment_body(event: dict, task: dict, pattern: str) -> str:
    comment = (event.get("comment") or {}).get("comment")
    shown = f'        <div class="markdown">{markdown(comment)}</div>\n    ' if comment else ""
    return _task_title(task) + "    " + shown


def _subtask_body(event: dict, task: dict, pattern: str) -> str:
    subtask = event.get("subtask") or {}
    if subtask.get("username"):
        who = subtask.get("name") or subtask.get("username")
        estimate = (
            f"Assigned to {escape(who)} with an estimate of "
            f"{escape(php_text(subtask.get('time_spent')))}/{escape(php_text(subtask.get('time_estimated')))}h"
        )
    else:
        estimate = f"Not assigned, estimate of {escape(php_text(subtask.get('time_estimated')))}h"
    return (
        _task_title(task)
        + "\n    <ul>\n        <li>\n"
        + _subtask_line(subtask)
        + "        </li>\n        <li>\n"
        + f"                {estimate}            "
        + "        </li>\n    </ul>\n"
    )


def _subtask_line(subtask: dict) -> str:
    title, status = escape(subtask.get("title")), escape(subtask.get("status_name"))
    return f"            {title} (<strong>{status}</strong>)\n"


def _removed_subtask_body(event: dict, task: dict, pattern: str) -> str:
    subtask = event.get("subtask") or {}
    return (
        _task_title(task)
        + "    <ul>\n        <li>\n"
        + _subtask_line(subtask)
        + "        </li>\n    </ul>\n"
    )


def _file_body(event: dict, task: dict, pattern: str) -> str:
    name = (event.get("file") or {}).get("name")
    return f'    <p class="activity-task-title">{escape(name)}</p>\n'


def _link_body(event: dict, task: dict, pattern: str) -> str:
    link = event.get("task_link") or {}
    other, label = task_link(link.get("opposite_task_id")), escape(link.get("label"))
    if event["event_name"].endswith("delete"):
        sentence = f'The link with the relation "{label}" to the task {other} has been removed'
    else:
        sentence = f'This task is now linked to the task {other} with the relation "{label}"'
    return f'    <p class="activity-task-title">\n        {sentence}    </p>\n'


def _task_body(event: dict, task: dict, pattern: str) -> str:
    return _task_title(task)


def _updated_task_body(event: dict, task: dict, pattern: str) -> str:
    changes = ""
    if "changes" in event:
        changes = (
            '        <div class="activity-changes">\n            '
            + _changes(event["changes"], task, pattern)
            + "        </div>\n    "
        )
    return _task_title(task) + "    " + changes


def _changes(changes, task: dict, pattern: str) -> str:
    """task/changes.php: one line per changed field, then the new description."""
    if not changes:
        return ""
    lines = (_change_line(field, value, task, pattern) for field, value in changes.items())
    items = "".join(f"<li>{line}</li>" for line in lines if line is not None)
    html = f"    <ul>\n        {items}    </ul>\n\n    "
    if changes.get("description"):
        html += (
            "        <p><strong>The description has been modified:</strong></p>\n        "
            f'            <div class="markdown">{markdown(task.get("description"))}</div>\n        '
            "    "
        )
    return html


def _change_line(field: str, value, task: dict, pattern: str) -> str | None:
    """One line of task/changes.php; None where the template prints nothing."""
    if field == "title":
        return f"New title: {escape(task.get('title'))}"
    if field == "owner_id":
        if not task.get("owner_id"):
            return "The task is not assigned anymore"
        return f"New assignee: {escape(task.get('assignee_name') or task.get('assignee_username'))}"
    if field == "category_id":
        if not task.get("category_id"):
            return "There is no category now"
        return f"New category: {escape(task.get('category_name'))}"
    if field == "color_id":
        name = COLORS.get(task.get("color_id"), {}).get("name")
        return f"New color: {escape(name) if name else '?'}"
    if field == "score":
        return f"New complexity: {int(task.get('score') or 0)}"
    if field == "date_due":
        if not task.get("date_due"):
            return "The due date has been removed"
        return "New due date: " + format_datetime(task["date_due"], pattern)
    if field == "description":
        return None if task.get("description") else "There is no description anymore"
    if field.startswith("recurrence_"):
        return "Recurrence settings has been modified"
    if field in ("time_spent", "time_estimated"):
        label = "Time spent" if field == "time_spent" else "Time estimated"
        return f"{label} changed: {escape(php_text(task.get(field)))}h"
    if field == "date_started":
        if not value:
            return None
        return "Start date changed: " + format_datetime(task.get("date_started"), pattern)
    # Kanboard's t() escapes the sentence itself too.
    return f"The field &quot;{escape(field)}&quot; has been updated"


# event name -> (title line, description block)
TEMPLATES = {
    "task.create": (_simple("created the task"), _task_body),
    "task.update": (_simple("updated the task"), _updated_task_body),
    "task.close": (_simple("closed the task"), _task_body),
    "task.open": (_simple("opened the task"), _task_body),
    "task.assignee_change": (_assignee_title, _task_body),
    "task.move.column": (_column_title, _task_body),
    "task.move.position": (_position_title, _task_body),
    "task.move.swimlane": (_swimlane_title, _task_body),
    "task.move.project": (_project_title, _task_body),
    "comment.create": (_simple("commented the task"), _comment_body),
    "comment.update": (_simple("updated a comment on the task"), _updated_comment_body),
    "comment.delete": (_simple("removed a comment on the task"), _comment_body),
    "subtask.create": (_simple("created a subtask for the task"), _subtask_body),
    "subtask.update": (_simple("updated a subtask for the task"), _subtask_body),
    "subtask.delete": (_simple("removed a subtask for the task"), _removed_subtask_body),
    "task.file.create": (_simple("attached a new file to the task"), _file_body),
    "task.file.destroy": (_simple("removed a file from the task"), _file_body),
    "task_internal_link.create_update": (
        _simple("set a new internal link for the task"),
        _link_body,
    ),
    "task_internal_link.delete": (_simple("removed an internal link for the task"), _link_body),
}


def render(event: dict, pattern: str) -> str:
    """The event's HTML; '' for an event without a template (as Kanboard's empty render)."""
    template = TEMPLATES.get(event["event_name"])
    if template is None:
        return ""
    title, body = template
    task = event.get("task") or {}
    author = escape(event["author"])
    date = format_datetime(event["date_creation"], pattern)
    return _page(title(event, author, task), date, body(event, task, pattern))
