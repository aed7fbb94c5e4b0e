"""External links of a task: Kanboard's link providers and the writes.

Three providers, tried in this order when the type is "auto": a local file (any
``scheme://`` text that is not http or ftp), an attachment (an http(s) URL whose path
ends with a file extension other than a web page's) and a web link (any valid http(s)
URL). A link without a title gets its provider's: the file name, or the web page's
<title> when it can be read safely (see tasks.page_titles).
"""

from __future__ import annotations

import posixpath
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from kanboard_site.collation import bytewise
from kanboard_site.inputs import text
from tasks.models import ExternalLink, Task
from tasks.page_titles import PrivateAddress, read_title
from tasks.url_syntax import is_valid_url

AUTO = "auto"
RELATED = {"related": "Related"}
TEXT_MAX_LENGTH = 65535
NAME_MAX_LENGTH = 100
WEB_PAGE_EXTENSIONS = ("html", "htm", "xhtml", "php", "jsp", "do", "action", "asp", "aspx", "cgi")
_ATTACHMENT = re.compile(r"https?://.*/.*\.([^/]+)\Z")


def _basename(path: str) -> str:
    """PHP's basename: the last component, trailing slashes ignored."""
    return posixpath.basename(path.rstrip("/"))


def _is_file(text: str) -> bool:
    return "://" in text and not text.startswith(("http", "ftp"))


def _is_attachment(text: str) -> bool:
    found = _ATTACHMENT.match(text)
    return found is not None and found.group(1).lower() not in WEB_PAGE_EXTENSIONS


def _is_web_page(text: str) -> bool:
    return text.startswith(("http://", "https://")) and is_valid_url(text)


def _file_title(url: str) -> str:
    return _basename(urlsplit(url).path.replace("\\", "/"))


def _attachment_title(url: str) -> str:
    return _basename(urlsplit(url).path)


def _web_page_title(url: str) -> str:
    """The page's <title>; else host and path; the URL itself for a private address."""
    try:
        title = read_title(url)
    except PrivateAddress:
        return url
    if title is not None:
        return title
    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path}" if parts.hostname and parts.path else url


@dataclass(frozen=True)
class Provider:
    type: str
    name: str
    matches: Callable[[str], bool]
    default_title: Callable[[str], str]
    dependencies: dict[str, str]


# In Kanboard's detection order.
PROVIDERS = (
    Provider("file", "Local File", _is_file, _file_title, RELATED),
    Provider("attachment", "Attachment", _is_attachment, _attachment_title, RELATED),
    Provider("weblink", "Web Link", _is_web_page, _web_page_title, RELATED),
)
PROVIDER_BY_TYPE = {provider.type: provider for provider in PROVIDERS}


def link_types() -> dict[str, str]:
    """ "auto" first, then the providers by name."""
    by_name = sorted(PROVIDERS, key=lambda provider: provider.name)
    return {AUTO: "Auto", **{provider.type: provider.name for provider in by_name}}


def dependency_label(link_type: str, dependency: str) -> str:
    provider = PROVIDER_BY_TYPE.get(link_type)
    return provider.dependencies.get(dependency, dependency) if provider else dependency


def provider_dependencies(link_type: Any) -> dict[str, str] | None:
    """The dependencies a provider offers; None when no provider has that type."""
    provider = PROVIDER_BY_TYPE.get(link_type) if isinstance(link_type, str) else None
    return dict(provider.dependencies) if provider else None


def find_provider(text: str, link_type: Any = AUTO) -> Provider:
    """The provider of the text: detected for "auto", else the named one, which must
    recognise the text."""
    if link_type == AUTO:
        for provider in PROVIDERS:
            if provider.matches(text):
                return provider
        raise ValidationError("No link provider recognises this text")
    provider = PROVIDER_BY_TYPE.get(link_type) if isinstance(link_type, str) else None
    if provider is None or not provider.matches(text):
        raise ValidationError("This link type does not recognise this text")
    return provider


def links_of_task(task_id: int | None) -> QuerySet:
    """The task's external links by title in byte order, as Kanboard's SQLite sorts."""
    return ExternalLink.objects.filter(task_id=task_id).order_by(bytewise("title"), "id")


def _url(value: Any) -> str:
    url = text(value, "URL", TEXT_MAX_LENGTH, required=True, default="")
    if not is_valid_url(url):
        raise ValidationError("This URL is invalid")
    return url


def _title(value: Any) -> str:
    return text(value, "title", TEXT_MAX_LENGTH, required=True, default="")


def _dependency(value: Any) -> str:
    # Any name is accepted, not only the provider's (as in Kanboard).
    return text(value, "dependency", NAME_MAX_LENGTH, required=True, default="")


def create_external_link(
    task_id: int | None,
    url: Any,
    dependency: Any,
    link_type: Any = AUTO,
    title: Any = "",
    *,
    actor_id: int = 0,
) -> ExternalLink:
    """A new link. Everything is checked before a web page is read for the title, and
    the page is read before the transaction, so that no transaction waits on the
    network."""
    if not isinstance(url, str):
        raise ValidationError("The URL must be a text")
    trimmed_url = url.strip()
    provider = find_provider(trimmed_url, link_type)
    link = ExternalLink(
        link_type=provider.type,
        dependency=_dependency(dependency),
        url=_url(trimmed_url),
        creator_id=actor_id,
    )
    given_title = text(title, "title", TEXT_MAX_LENGTH, default="")
    if not Task.objects.filter(pk=task_id).exists():
        raise ValidationError("The task does not exist")
    # PHP's "$title ?: ..." takes "0" for no title too.
    link.title = _title(
        given_title if given_title not in ("", "0") else provider.default_title(trimmed_url)
    )
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=task_id).first()
        if task is None:
            raise ValidationError("The task does not exist")
        link.task = task
        link.date_creation = link.date_modification = int(time.time())
        link.save()
    return link


def update_external_link(
    task_id: int | None,
    link_id: int | None,
    title: Any = None,
    url: Any = None,
    dependency: Any = None,
) -> None:
    """Change the given (non-null) fields of a link of that task; the type stays what it
    was, even for another URL."""
    with transaction.atomic():
        link = ExternalLink.objects.select_for_update().filter(pk=link_id).first()
        if link is None or link.task_id != task_id:
            raise ValidationError("The link does not belong to this task")
        if title is not None:
            link.title = _title(title)
        if url is not None:
            link.url = _url(url)
        if dependency is not None:
            link.dependency = _dependency(dependency)
        link.date_modification = int(time.time())
        link.save()


def remove_external_link(task_id: int | None, link_id: int | None) -> None:
    deleted, _ = ExternalLink.objects.filter(pk=link_id, task_id=task_id).delete()
    if not deleted:
        raise ValidationError("The link does not belong to this task")
