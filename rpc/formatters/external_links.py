"""External links: the row (getExternalTaskLinkById) and the list form
(getAllExternalTaskLinks)."""

from __future__ import annotations

from collections.abc import Iterable

from accounts.models import User
from tasks.external_links import dependency_label, link_types
from tasks.models import ExternalLink


def external_link(item: ExternalLink) -> dict:
    return {
        "id": item.pk,
        "link_type": item.link_type,
        "dependency": item.dependency,
        "title": item.title,
        "url": item.url,
        "date_creation": item.date_creation,
        "date_modification": item.date_modification,
        "task_id": item.task_id,
        "creator_id": item.creator_id,
    }


def external_links_in_list_form(items: Iterable[ExternalLink]) -> list[dict]:
    """Rows plus the creator's names (one query) and the provider's labels."""
    items = list(items)
    creators = {
        row["id"]: row
        for row in User.objects.filter(pk__in={item.creator_id for item in items}).values(
            "id", "name", "username"
        )
    }
    types = link_types()
    listed = []
    for item in items:
        creator = creators.get(item.creator_id, {})
        listed.append(
            {
                **external_link(item),
                "creator_name": creator.get("name"),
                "creator_username": creator.get("username"),
                "dependency_label": dependency_label(item.link_type, item.dependency),
                "type": types.get(item.link_type, "Unknown"),
            }
        )
    return listed
