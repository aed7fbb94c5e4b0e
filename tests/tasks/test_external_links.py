"""TaskExternalLinkProcedure: link types and dependencies, getExternalTaskLinkById,
getAllExternalTaskLinks, createExternalTaskLink, updateExternalTaskLink,
removeExternalTaskLink. (Web page titles: test_page_titles.py.)"""

from __future__ import annotations

import pytest

from tasks import page_titles
from tasks.models import ExternalLink
from tasks.url_syntax import is_valid_url
from tests.factories import UserFactory

ROW_KEYS = [
    "id", "link_type", "dependency", "title", "url", "date_creation", "date_modification",
    "task_id", "creator_id",
]  # fmt: skip


@pytest.fixture(autouse=True)
def no_page_is_read(monkeypatch):
    """These tests never read a web page: a title read fails the test."""

    def refuse(url):
        raise AssertionError(f"a page was read: {url}")

    monkeypatch.setattr(page_titles, "read_title", refuse)
    monkeypatch.setattr("tasks.external_links.read_title", refuse)


def make_link(task, title="Doc", url="https://example.com/doc.pdf", **fields) -> ExternalLink:
    values = {
        "link_type": "attachment",
        "dependency": "related",
        "date_creation": 1700000000,
        "date_modification": 1700000000,
        "creator_id": 0,
        **fields,
    }
    return ExternalLink.objects.create(task=task, title=title, url=url, **values)


def test_link_types_are_auto_then_the_providers_by_name(rpc):
    reply = rpc.request("getExternalTaskLinkTypes")

    assert reply.body == (
        b'{"jsonrpc":"2.0","result":{"auto":"Auto","attachment":"Attachment",'
        b'"file":"Local File","weblink":"Web Link"},"id":1}'
    )


@pytest.mark.parametrize("provider", ["weblink", "attachment", "file"])
def test_every_provider_offers_the_related_dependency(rpc, provider):
    assert rpc.call("getExternalTaskLinkProviderDependencies", [provider]) == {"related": "Related"}


@pytest.mark.parametrize("provider", ["foobar", "auto", "", None, ["weblink"]])
def test_dependencies_of_an_unknown_provider_are_false(rpc, provider):
    assert rpc.call("getExternalTaskLinkProviderDependencies", [provider]) is False


def test_the_provider_name_parameter_is_camel_case(rpc):
    params = {"providerName": "weblink"}

    assert rpc.call("getExternalTaskLinkProviderDependencies", params) == {"related": "Related"}


# createExternalTaskLink


def test_an_attachment_link_is_titled_with_its_file_name(rpc, task):
    url = "http://localhost/document.pdf"

    link_id = rpc.call("createExternalTaskLink", [task.pk, url, "related", "attachment"])

    link = rpc.call("getExternalTaskLinkById", [task.pk, link_id])
    assert link == {
        "id": link_id,
        "link_type": "attachment",
        "dependency": "related",
        "title": "document.pdf",
        "url": url,
        "date_creation": link["date_creation"],
        "date_modification": link["date_creation"],
        "task_id": task.pk,
        "creator_id": 0,
    }
    assert link["date_creation"] > 0


@pytest.mark.parametrize(
    ("url", "link_type", "title"),
    [
        ("https://example.com/files/report.PDF?version=2#page=3", "attachment", "report.PDF"),
        ("  https://example.com/a/b.tar.gz  ", "attachment", "b.tar.gz"),
        ("smb://server/share/plan.doc", "file", "plan.doc"),
        ("file:///C:/Users/me/notes.txt", "file", "notes.txt"),
        ("file://server/dir\\sub\\list.csv", "file", "list.csv"),
    ],
)
def test_auto_detects_files_and_attachments_without_reading_anything(
    rpc, task, url, link_type, title
):
    link_id = rpc.call("createExternalTaskLink", [task.pk, url, "related"])

    link = ExternalLink.objects.get(pk=link_id)
    assert (link.link_type, link.title, link.url) == (link_type, title, url.strip())


def test_a_given_title_is_kept_and_no_page_is_read(rpc, task):
    link_id = rpc.call(
        "createExternalTaskLink",
        {
            "task_id": task.pk,
            "url": "https://example.com/",
            "dependency": "blocked",
            "title": "Home",
        },
    )

    link = ExternalLink.objects.get(pk=link_id)
    assert (link.link_type, link.title, link.dependency) == ("weblink", "Home", "blocked")


def test_the_creator_is_the_calling_user(rpc, world, task):
    params = [task.pk, "https://example.com/doc.pdf", "related"]

    link_id = rpc.call("createExternalTaskLink", params, as_=world["member"])

    assert ExternalLink.objects.get(pk=link_id).creator_id == world.users["member"].pk


@pytest.mark.parametrize(
    "params",
    [
        ["not a link", "related"],
        ["javascript://%0aalert(1)", "related"],
        ["https://example.com/doc.pdf", ""],
        ["https://example.com/doc.pdf", None],
        ["https://example.com/doc.pdf", "d" * 101],
        ["smb://server/share/doc.pdf", "related", "weblink"],
        ["https://example.com/doc.pdf", "related", "youtube"],
        ["https://example.com/doc.pdf", "related", ["auto"]],
        ["https://exa mple.com/doc.pdf", "related"],
        ["https://example.com/doc.pdf", "related", "auto", ["title"]],
        ["https://example.com/doc.pdf", "related", "auto", "a\0b"],
        ["https://example.com/", "related", "attachment"],
        ["ftp://example.com/doc.pdf", "related"],
        [["https://example.com/doc.pdf"], "related"],
        [42, "related"],
    ],
)
def test_create_external_task_link_refuses_what_kanboard_refuses(rpc, task, params):
    reply = rpc.request("createExternalTaskLink", [task.pk, *params])

    assert reply.body == b'{"jsonrpc":"2.0","result":false,"id":1}'
    assert not ExternalLink.objects.exists()


@pytest.mark.parametrize("task_id", [999999, "abc", None])
def test_create_external_task_link_on_an_unknown_task_is_false(rpc, task_id):
    assert rpc.call("createExternalTaskLink", [task_id, "http://x.org/a.pdf", "related"]) is False


def test_a_viewer_cannot_create_an_external_link(rpc, world, task):
    params = [task.pk, "https://example.com/doc.pdf", "related"]

    assert rpc.status("createExternalTaskLink", params, as_=world["viewer"]) == 403
    assert not ExternalLink.objects.exists()


# getExternalTaskLinkById and getAllExternalTaskLinks


def test_get_external_task_link_by_id_needs_the_link_to_belong_to_the_task(
    rpc, world, task, other_task
):
    link = make_link(task)

    assert list(rpc.call("getExternalTaskLinkById", [task.pk, link.pk])) == ROW_KEYS
    assert rpc.call("getExternalTaskLinkById", [other_task.pk, link.pk]) is False
    assert rpc.call("getExternalTaskLinkById", [task.pk, 999999]) is False
    assert (
        rpc.call("getExternalTaskLinkById", [other_task.pk, link.pk], as_=world["viewer"]) is False
    )


def test_a_link_of_another_project_cannot_be_reached_through_an_own_task(
    rpc, world, task, foreign_task
):
    foreign = make_link(foreign_task, title="Secret")

    member = world["member"]
    assert rpc.call("getExternalTaskLinkById", [task.pk, foreign.pk], as_=member) is False
    assert rpc.call("updateExternalTaskLink", [task.pk, foreign.pk, "x"], as_=member) is False
    assert rpc.call("removeExternalTaskLink", [task.pk, foreign.pk], as_=member) is False
    assert rpc.status("getAllExternalTaskLinks", [foreign_task.pk], as_=member) == 403
    params = [foreign_task.pk, "https://example.com/a.pdf", "related"]
    assert rpc.status("createExternalTaskLink", params, as_=member) == 403
    assert ExternalLink.objects.get().title == "Secret"


def test_get_all_external_task_links_lists_by_title_in_byte_order_with_names(rpc, world, task):
    member = world.users["member"]
    member.name = "Mary"
    member.save()
    lower = make_link(task, title="a.pdf")
    web = make_link(
        task,
        title="X",
        url="https://example.com/",
        link_type="weblink",
        dependency="blocked",
        creator_id=member.pk,
    )
    upper = make_link(task, title="Doc", link_type="retired", creator_id=999999)

    listed = rpc.call("getAllExternalTaskLinks", [task.pk])

    assert [row["id"] for row in listed] == [upper.pk, web.pk, lower.pk]
    assert listed[1] == {
        "id": web.pk,
        "link_type": "weblink",
        "dependency": "blocked",
        "title": "X",
        "url": "https://example.com/",
        "date_creation": 1700000000,
        "date_modification": 1700000000,
        "task_id": task.pk,
        "creator_id": member.pk,
        "creator_name": "Mary",
        "creator_username": "usr",
        "dependency_label": "blocked",
        "type": "Web Link",
    }
    assert {key: listed[2][key] for key in ("creator_name", "dependency_label", "type")} == {
        "creator_name": None,
        "dependency_label": "Related",
        "type": "Attachment",
    }
    assert (listed[0]["dependency_label"], listed[0]["type"]) == ("related", "Unknown")


def test_get_all_external_task_links_of_an_unknown_task_is_empty(rpc):
    assert rpc.call("getAllExternalTaskLinks", [999999]) == []


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_external_task_links_runs_a_fixed_number_of_queries(
    rpc, world, task, size, django_assert_num_queries
):
    creators = [UserFactory().pk for _ in range(3)]
    ExternalLink.objects.bulk_create(
        ExternalLink(
            task=task,
            link_type="weblink",
            dependency="related",
            title=f"link {n}",
            url=f"https://example.com/{n}",
            date_creation=n,
            date_modification=n,
            creator_id=creators[n % 3],
        )
        for n in range(size)
    )
    rpc.call("getVersion", as_=world["member"])

    with django_assert_num_queries(10):
        listed = rpc.call("getAllExternalTaskLinks", [task.pk], as_=world["member"])

    assert len(listed) == size


# updateExternalTaskLink and removeExternalTaskLink


def test_update_external_task_link_changes_the_given_fields_only(rpc, task):
    link = make_link(task)

    params = {"task_id": task.pk, "link_id": link.pk, "title": "New title"}
    assert rpc.call("updateExternalTaskLink", params) is True

    updated = rpc.call("getExternalTaskLinkById", [task.pk, link.pk])
    assert (updated["title"], updated["url"], updated["dependency"]) == (
        "New title",
        "https://example.com/doc.pdf",
        "related",
    )
    assert updated["date_modification"] > updated["date_creation"]


def test_a_new_url_keeps_the_link_type(rpc, task):
    link = make_link(task)

    assert rpc.call("updateExternalTaskLink", [task.pk, link.pk, None, "https://example.com/", "x"])

    updated = ExternalLink.objects.get(pk=link.pk)
    assert (updated.link_type, updated.url, updated.dependency) == (
        "attachment",
        "https://example.com/",
        "x",
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"url": "not a url"},
        {"url": " https://example.com/"},
        {"dependency": ""},
        {"title": ["x"]},
    ],
)
def test_update_external_task_link_refuses_invalid_fields(rpc, task, changes):
    link = make_link(task)

    assert (
        rpc.call("updateExternalTaskLink", {"task_id": task.pk, "link_id": link.pk, **changes})
        is False
    )

    unchanged = ExternalLink.objects.get(pk=link.pk)
    assert (unchanged.title, unchanged.url, unchanged.date_modification) == (
        "Doc",
        "https://example.com/doc.pdf",
        1700000000,
    )


def test_a_viewer_cannot_update_or_remove_an_external_link(rpc, world, task):
    link = make_link(task)

    assert rpc.status("updateExternalTaskLink", [task.pk, link.pk, "x"], as_=world["viewer"]) == 403
    assert rpc.status("removeExternalTaskLink", [task.pk, link.pk], as_=world["viewer"]) == 403
    assert ExternalLink.objects.get().title == "Doc"


def test_remove_external_task_link_needs_the_link_to_belong_to_the_task(rpc, task, other_task):
    link = make_link(task)

    assert rpc.call("removeExternalTaskLink", [other_task.pk, link.pk]) is False
    assert rpc.call("removeExternalTaskLink", [task.pk, link.pk]) is True
    assert rpc.call("removeExternalTaskLink", [task.pk, link.pk]) is False
    assert not ExternalLink.objects.exists()


# URL syntax (PHP's FILTER_VALIDATE_URL)


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("http://localhost/document.pdf", True),
        ("https://example.com", True),
        ("http://[::1]:8080/x", True),
        ("http://user:secret@example.com/", True),
        ("mailto:someone@example.com", True),
        ("file:///home/me/x.txt", True),
        ("smb://server/share", True),
        ("http://", False),
        ("http:example.com", False),
        ("http://exa mple.com/", False),
        ("http://ex_ample.com/", False),
        ("http://-example.com/", False),
        ("http://example.com:port/", False),
        ("http://exämple.com/", False),
        ("//example.com/", False),
        ("smb:share", False),
        ("FILE:///x", False),
        ("", False),
    ],
)
def test_urls_are_validated_as_php_does(text, valid):
    assert is_valid_url(text) is valid
