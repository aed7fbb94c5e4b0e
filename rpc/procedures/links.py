"""LinkProcedure: link labels (app-admin)."""

from __future__ import annotations

from kanboard_site.inputs import to_id, to_int, to_text
from rpc.registry import procedure
from tasks import links
from tasks.models import Link
from tasks.shapes.links import link


@procedure("getLinkById")
def get_link_by_id(link_id):
    found = Link.objects.filter(pk=to_id(link_id)).first()
    return link(found) if found else None


@procedure("getLinkByLabel")
def get_link_by_label(label):
    found = Link.objects.filter(label=to_text(label)).first()
    return link(found) if found else None


@procedure("getOppositeLinkId")
def get_opposite_link_id(link_id):
    # Never a failure: without an opposite (or a link), the given id comes back as given.
    return links.opposite_link_id(to_id(link_id)) or link_id


@procedure("getAllLinks")
def get_all_links() -> list:
    return [link(item) for item in Link.objects.order_by("id")]


@procedure("createLink", invalid=False)
def create_link(label, opposite_label="") -> int:
    return links.create_link(label, opposite_label).pk


@procedure("updateLink", invalid=False)
def update_link(link_id, opposite_link_id, label) -> bool:
    links.update_link(to_int(link_id), opposite_link_id, label)
    return True


@procedure("removeLink")
def remove_link(link_id) -> bool:
    return links.remove_link(to_id(link_id))
