"""The webhooks' admin: project webhooks through the domain, the global webhook's page,
the delivery logs, and "Send test" to a real receiver."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from django.test import Client
from django.urls import reverse

from accounts.config import get_config, set_config
from tests.factories import PASSWORD, ProjectFactory, UserFactory
from webhooks.models import ProjectWebhook, WebhookAttempt, WebhookDelivery
from webhooks.project_webhooks import create_project_webhook

pytestmark = pytest.mark.usefixtures("private_networks_allowed")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_send_test_delivers_a_webhook_test_event_now_and_shows_the_outcome(
    admin_client, global_webhook
):
    response = admin_client.post(
        reverse("admin:webhooks_global_webhook_operation", args=["send-test"]), follow=True
    )

    assert messages_of(response) == ["Test event delivered: HTTP 200."]
    [request] = global_webhook.received
    assert json.loads(request.body) == {
        "event_name": "webhook.test",
        "event_data": {"project_id": None},
        "event_author": "boss",
    }
    expected = hmac.new(b"s3cret", request.body, hashlib.sha256).hexdigest()
    assert request.header("X-Kanboard-Signature") == f"sha256={expected}"
    assert b"webhook.test" in response.content  # the log, on the same page
    assert WebhookDelivery.objects.get().state == WebhookDelivery.DELIVERED


def test_a_failed_test_is_shown_as_such_and_not_retried(admin_client, global_webhook):
    global_webhook.statuses = [500]

    response = admin_client.post(
        reverse("admin:webhooks_global_webhook_operation", args=["send-test"]), follow=True
    )

    assert messages_of(response) == ["Test event not delivered: HTTP 500."]
    assert len(global_webhook.received) == 1
    assert WebhookDelivery.objects.get().state == WebhookDelivery.FAILED


def test_send_test_to_a_private_address_is_refused_by_default(
    admin_client, global_webhook, settings
):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False

    response = admin_client.post(
        reverse("admin:webhooks_global_webhook_operation", args=["send-test"]), follow=True
    )

    assert messages_of(response) == [
        "Test event not delivered: refused: not a public http(s) address."
    ]
    assert global_webhook.received == []


def test_send_test_without_a_url_sends_nothing(admin_client):
    response = admin_client.post(
        reverse("admin:webhooks_global_webhook_operation", args=["send-test"]), follow=True
    )

    assert messages_of(response) == ["Nothing sent: the webhook has no URL or is disabled."]
    assert not WebhookDelivery.objects.exists()


def test_a_project_webhooks_send_test_goes_to_its_url_only(admin_client, global_webhook):
    project = ProjectFactory()
    webhook = create_project_webhook(project.pk, global_webhook.url + "/project", ["task.close"])

    response = admin_client.post(
        reverse("admin:webhooks_projectwebhook_send_test", args=[webhook.pk]), follow=True
    )

    assert messages_of(response) == ["Test event delivered: HTTP 200."]
    [request] = global_webhook.received
    assert request.path == "/hook/project"
    assert json.loads(request.body)["event_data"] == {"project_id": project.pk}
    page = admin_client.get(reverse("admin:webhooks_projectwebhook_change", args=[webhook.pk]))
    assert b"webhook.test" in page.content
    assert webhook.secret.encode() in page.content


def test_the_global_webhook_page_saves_the_url_through_the_settings(admin_client, seeded):
    url = reverse("admin:webhooks_global_webhook")

    response = admin_client.post(url, {"url": "https://hooks.example.com/kanboard"})

    assert response.status_code == 302
    assert get_config("webhook_url") == "https://hooks.example.com/kanboard"
    assert admin_client.get(url).status_code == 200


def test_the_global_webhook_page_refuses_a_url_that_is_not_http(admin_client, seeded):
    set_config("webhook_url", "https://before.example.com/")

    response = admin_client.post(
        reverse("admin:webhooks_global_webhook"), {"url": "javascript:alert(1)"}
    )

    assert response.status_code == 200
    assert b"must be an http or https URL" in response.content
    assert get_config("webhook_url") == "https://before.example.com/"


def test_renewing_the_token_and_the_secret_changes_them(admin_client, seeded):
    set_config("webhook_token", "old-token")
    set_config("webhook_secret", "old-secret")

    for operation in ("renew-token", "renew-secret"):
        admin_client.post(reverse("admin:webhooks_global_webhook_operation", args=[operation]))

    assert get_config("webhook_token") not in ("", "old-token")
    assert get_config("webhook_secret") not in ("", "old-secret")


def test_the_environment_overrides_are_not_editable(admin_client, seeded, settings):
    settings.WEBHOOK_URL = "https://env.example.com/hook"
    settings.WEBHOOK_TOKEN = "env-token"
    set_config("webhook_url", "https://stored.example.com/")

    page = admin_client.get(reverse("admin:webhooks_global_webhook"))
    admin_client.post(reverse("admin:webhooks_global_webhook"), {"url": "https://x.example/"})
    renew = admin_client.post(
        reverse("admin:webhooks_global_webhook_operation", args=["renew-token"])
    )

    assert b"WEBHOOK_URL is set in the environment" in page.content
    assert b"https://env.example.com/hook" in page.content
    assert get_config("webhook_url") == "https://stored.example.com/"
    assert renew.status_code == 403


def test_a_project_webhook_is_added_with_a_generated_secret_and_disabled(admin_client, seeded):
    project = ProjectFactory()

    response = admin_client.post(
        reverse("admin:webhooks_projectwebhook_add"),
        {"project": project.pk, "url": "https://ci.example.com/hook", "active": "on",
         "events": ["task.create", "task.close"]},
    )  # fmt: skip
    assert response.status_code == 302
    webhook = ProjectWebhook.objects.get()
    assert (webhook.url, webhook.events, webhook.active) == (
        "https://ci.example.com/hook",
        ["task.create", "task.close"],
        True,
    )
    assert len(webhook.secret) == 60

    admin_client.post(
        reverse("admin:webhooks_projectwebhook_changelist"),
        {"action": "disable", "_selected_action": [webhook.pk]},
    )
    webhook.refresh_from_db()
    assert webhook.active is False


def test_a_project_webhook_with_a_url_that_is_not_http_is_refused(admin_client, seeded):
    response = admin_client.post(
        reverse("admin:webhooks_projectwebhook_add"),
        {"project": ProjectFactory().pk, "url": "ftp://files.example.com/", "active": "on"},
    )

    assert response.status_code == 200
    assert not ProjectWebhook.objects.exists()


def test_the_log_lists_every_webhook_and_filters_by_webhook(admin_client, global_webhook):
    project = ProjectFactory()
    webhook = create_project_webhook(project.pk, global_webhook.url + "/project", [])
    for operation in (
        reverse("admin:webhooks_global_webhook_operation", args=["send-test"]),
        reverse("admin:webhooks_projectwebhook_send_test", args=[webhook.pk]),
    ):
        admin_client.post(operation)
    changelist = reverse("admin:webhooks_webhookattempt_changelist")

    everything = admin_client.get(changelist)
    only_global = admin_client.get(changelist, {"webhook": "global"})

    assert everything.context["cl"].result_count == 2
    assert [a.webhook for a in only_global.context["cl"].result_list] == [None]
    assert WebhookAttempt.objects.count() == 2


def test_only_app_admins_reach_the_global_webhook_page(seeded):
    UserFactory(username="manager", role="app-manager")
    client = Client(HTTP_HOST="localhost")
    client.login(username="manager", password=PASSWORD)

    assert client.get(reverse("admin:webhooks_global_webhook")).status_code == 302


def test_renewing_a_project_webhooks_secret_changes_it(admin_client, seeded):
    webhook = create_project_webhook(ProjectFactory().pk, "https://ci.example.com/hook", [])

    admin_client.post(
        reverse("admin:webhooks_projectwebhook_changelist"),
        {"action": "renew_secret", "_selected_action": [webhook.pk]},
    )

    renewed = ProjectWebhook.objects.get().secret
    assert len(renewed) == 60
    assert renewed != webhook.secret
