"""TaskExternalLinkProcedure: links from tasks to web pages, attachments and files."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.formatters.external_links import external_link, external_links_in_list_form
from rpc.registry import procedure
from tasks import external_links
from tasks.models import ExternalLink


@procedure("getExternalTaskLinkTypes")
def get_external_task_link_types() -> dict:
    return external_links.link_types()


@procedure("getExternalTaskLinkProviderDependencies")
def get_external_task_link_provider_dependencies(providerName):
    return external_links.provider_dependencies(providerName) or False


@procedure("getExternalTaskLinkById")
def get_external_task_link_by_id(task_id, link_id):
    found = ExternalLink.objects.filter(pk=to_id(link_id), task_id=to_id(task_id)).first()
    return external_link(found) if found else False


@procedure("getAllExternalTaskLinks")
def get_all_external_task_links(task_id) -> list:
    return external_links_in_list_form(external_links.links_of_task(to_id(task_id)))


@procedure("createExternalTaskLink", invalid=False)
def create_external_task_link(
    task_id, url, dependency, type=external_links.AUTO, title="", *, caller: Caller
) -> int:
    created = external_links.create_external_link(
        to_id(task_id), url, dependency, type, title, actor_id=caller.user_id
    )
    return created.pk


@procedure("updateExternalTaskLink", invalid=False)
def update_external_task_link(task_id, link_id, title=None, url=None, dependency=None) -> bool:
    external_links.update_external_link(to_id(task_id), to_id(link_id), title, url, dependency)
    return True


@procedure("removeExternalTaskLink", invalid=False)
def remove_external_task_link(task_id, link_id) -> bool:
    external_links.remove_external_link(to_id(task_id), to_id(link_id))
    return True
