"""Kanboard's notification templates (app/Template/notification/*.php and task/changes.php)
rendered as Kanboard renders them, byte for byte.

The templates in ``mail_templates/`` follow Kanboard's line for line, in Django's template
language with PHP's manners: a template tag that ends a line takes that line's newline
with it, as PHP's ``?>`` does, and nothing is escaped unless the template says so (``|e``
is Kanboard's ``$this->text->e``, ``{% t %}`` its ``t()``, which escapes the message and
its arguments, ``{% raw_t %}`` its ``e()``, which escapes nothing). The templates whose
names start with ``_`` hold lines that several of Kanboard's templates repeat.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

from django.template import Context, Engine, Library
from django.template.loaders.filesystem import Loader

from accounts.config import DEFAULT_APPLICATION_URL, get_config
from kanboard_site import php_html
from tasks.colors import COLORS
from tasks.events import TASK_COLUMNS

TEMPLATES = Path(__file__).parent / "mail_templates"
RECURRENCE_FIELDS = {column for column in TASK_COLUMNS if column.startswith("recurrence_")}

register = Library()


class PhpNewlineLoader(Loader):
    """Drops the newline right after a tag, as PHP drops the one after ``?>``."""

    def get_contents(self, origin) -> str:
        return re.sub(r"(%\}|\}\}|#\})\n", r"\1", super().get_contents(origin))


_engine = Engine(
    dirs=[str(TEMPLATES)],
    loaders=[
        (
            "django.template.loaders.cached.Loader",
            ["notifications.email_templates.PhpNewlineLoader"],
        )
    ],
    builtins=["notifications.email_templates"],
    autoescape=False,
)


def render_notification(event_name: str, event_data: dict) -> str:
    """The HTML body Kanboard's MailNotification renders for the event:
    ``notification/<event name with "_" for ".">``."""
    application_url = get_config("application_url", "")
    context = {
        **event_data,
        "application_url": application_url,
        "base_url": application_url or DEFAULT_APPLICATION_URL,
        "date_format": php_html.datetime_format(),
    }
    template = _engine.get_template(f"notification/{event_name.replace('.', '_')}.html")
    return template.render(Context(context, autoescape=False))


@register.filter(name="e")
def escape(value) -> str:
    return php_html.escape(php_html.php_text(value))


@register.filter
def markdown(value) -> str:
    return php_html.markdown(value)


@register.filter
def datetime(timestamp, date_format: str) -> str:
    return php_html.format_datetime(timestamp, date_format)


@register.filter
def n(value) -> str:
    return php_html.number(value)


@register.filter(name="or")
def php_or(value, alternative):
    """PHP's ``?:``: the value unless PHP finds it false ("0" included)."""
    return value if value and value != "0" else alternative


@register.simple_tag(name="t")
def translate(message, *args) -> str:
    return php_html.translate(message, *args)


@register.simple_tag(name="raw_t")
def translate_raw(message, *args) -> str:
    return php_html.sprintf(message, *args)


@register.simple_tag(takes_context=True)
def absolute_link(context, label: str, controller: str, action: str, **params) -> str:
    """Kanboard's UrlHelper::absoluteLink (a new tab, from the application URL)."""
    query = urlencode({"controller": controller, "action": action, **params}).replace("&", "&amp;")
    href = f"{context['base_url']}?{query}"
    return f'<a href="{href}" class="" title=\'\' target="_blank">{label}</a>'


@register.filter
def change_items(changes: dict, task: dict) -> list[str]:
    """The list items of Kanboard's task/changes template, one per changed field."""
    date_format = php_html.datetime_format()
    items = (_change(field, value, task, date_format) for field, value in changes.items())
    return [f"<li>{item}</li>" for item in items if item is not None]


def _change(field: str, value, task: dict, date_format: str) -> str | None:
    """The item of one changed field; None for a change the list leaves out."""
    t = php_html.translate
    match field:
        case "title":
            return t("New title: %s", task["title"])
        case "owner_id" if not task["owner_id"]:
            return t("The task is not assigned anymore")
        case "owner_id":
            return t("New assignee: %s", php_or(task["assignee_name"], task["assignee_username"]))
        case "category_id" if not task["category_id"]:
            return t("There is no category now")
        case "category_id":
            return t("New category: %s", task["category_name"])
        case "color_id":
            color = COLORS.get(task["color_id"])
            return t("New color: %s", php_html.escape(color["name"]) if color else "?")
        case "score":
            return t("New complexity: %d", task["score"])
        case "date_due" if not task["date_due"]:
            return t("The due date has been removed")
        case "date_due":
            return t("New due date: ") + php_html.format_datetime(task["date_due"], date_format)
        case "description":
            # A new description is shown below the list; only its removal is an item.
            return None if task["description"] else t("There is no description anymore")
        case "time_spent":
            return t("Time spent changed: %sh", task["time_spent"])
        case "time_estimated":
            return t("Time estimated changed: %sh", task["time_estimated"])
        case "date_started":
            started = php_html.format_datetime(task["date_started"], date_format)
            return t("Start date changed: ") + started if _php_nonzero(value) else None
        case _ if field in RECURRENCE_FIELDS:
            return t("Recurrence settings has been modified")
    return t('The field "%s" has been updated', field)


def _php_nonzero(value) -> bool:
    """PHP 8's ``$value != 0``."""
    if value is None or value is False:
        return False
    try:
        return float(value) != 0
    except (TypeError, ValueError):
        return True
