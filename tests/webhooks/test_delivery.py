"""Webhook deliveries: Kanboard's request, signed, queued in the event's transaction,
delivered by the worker, retried, refused where the target is not allowed, logged."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import socket
from pathlib import Path

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from accounts.config import get_config, set_config
from kanboard_site import outbound_http
from tests.factories import ProjectFactory
from tests.webhooks.conftest import run_worker
from webhooks.dispatch import queue_webhook_deliveries
from webhooks.jobs import deliver_webhook
from webhooks.models import ProjectWebhook, WebhookAttempt, WebhookDelivery
from webhooks.project_webhooks import create_project_webhook, update_project_webhook

KANBOARD_REQUESTS = json.loads(
    (Path(__file__).parent / "data" / "kanboard_webhook_requests.json").read_text()
)
EVENT = {"task_id": 7, "task": {"id": 7, "title": "Ship / \u00e9t\u00e9 \u2713", "tags": {}}}


def deliver(event_name="task.create", data=EVENT, author="alice", project_id=None) -> None:
    project_id = project_id or ProjectFactory().pk
    with transaction.atomic():
        queue_webhook_deliveries(event_name, data, author, project_id)
    run_worker()


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# The worker closes the test's connection between jobs, as it does in production: the
# tests commit for real.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_networks_allowed"),
]


# Kanboard's request


def test_the_body_and_token_are_kanboards(global_webhook):
    deliver(author="alice")

    [request] = global_webhook.received
    assert request.path == "/hook?token=tok3n"
    assert request.body == (
        b'{"event_name":"task.create","event_data":{"task_id":7,"task":{"id":7,'
        b'"title":"Ship \\/ \\u00e9t\\u00e9 \\u2713","tags":[]}},"event_author":"alice"}'
    )


def test_a_url_with_a_query_gets_the_token_after_an_ampersand(global_webhook, settings):
    settings.WEBHOOK_URL = global_webhook.url + "?channel=ci"
    settings.WEBHOOK_TOKEN = "from-env"

    deliver(author=None)

    [request] = global_webhook.received
    assert request.path == "/hook?channel=ci&token=from-env"
    assert json.loads(request.body)["event_author"] is None


@pytest.mark.parametrize(
    "recorded", KANBOARD_REQUESTS, ids=lambda r: json.loads(r["body"])["event_name"]
)
def test_the_request_is_byte_for_byte_kanboards_for_the_same_event(global_webhook, recorded):
    """The same event data sent by Kanboard 1.2.53 (recorded in data/): same path and
    query, same body bytes, same headers in the same order, plus ours."""
    base, _, query = recorded["path"].partition("?")
    token_free = "&".join(part for part in query.split("&") if not part.startswith("token="))
    token = query.rsplit("token=", 1)[1]
    url = global_webhook.url + (f"?{token_free}" if token_free else "")
    set_config("webhook_url", url)
    set_config("webhook_token", token)
    sent = json.loads(recorded["body"])

    deliver(sent["event_name"], sent["event_data"], sent["event_author"])

    [request] = global_webhook.received
    assert (base, request.path) == ("/hook", recorded["path"])
    assert request.body.decode() == recorded["body"]
    ours = [(name, value) for name, value in request.headers if not name.startswith("X-Kanboard-")]
    host = ("Host", f"127.0.0.1:{global_webhook.server_address[1]}")
    assert ours == [
        host if name == "Host" else (name, value) for name, value in recorded["headers"]
    ]
    assert [name for name, _ in request.headers if name.startswith("X-Kanboard-")] == [
        "X-Kanboard-Delivery",
        "X-Kanboard-Event",
        "X-Kanboard-Signature",
    ]


def normalized(body: bytes | str) -> str:
    """Ids and timestamps, which differ between two databases, as 0."""
    text = body.decode() if isinstance(body, bytes) else body
    return re.sub(r'"(id|\w+_id|date_\w+)":\d+', r'"\1":0', text)


def test_a_task_created_here_is_sent_as_kanboard_sent_the_same_creation(global_webhook, rpc):
    """The same createTask as the recorded one (application credential), through the
    notification job and the worker, gives Kanboard's bytes."""
    recorded = KANBOARD_REQUESTS[0]
    project_id = rpc.call("createProject", {"name": 'Demo / "\u00fc" <b>'})
    task_id = rpc.call(
        "createTask",
        {"project_id": project_id, "title": "Ship it / now \u00e9 \u2713",
         "description": 'a <b>bold</b> "quote" and http://x/y'},
    )  # fmt: skip

    run_worker()

    [request] = global_webhook.received
    assert f'"task_id":{task_id},' in request.body.decode()
    assert normalized(request.body) == normalized(recorded["body"])
    assert request.body != recorded["body"].encode()  # the timestamps did differ


# Ours: signature, delivery id, event header


def test_the_signature_is_the_hmac_of_the_body_with_the_global_secret(global_webhook):
    deliver()

    [request] = global_webhook.received
    assert request.header("X-Kanboard-Signature") == signature("s3cret", request.body)
    assert request.header("X-Kanboard-Event") == "task.create"


def test_the_environment_secret_wins_over_the_setting(global_webhook, settings):
    settings.WEBHOOK_SECRET = "env-secret"

    deliver()

    [request] = global_webhook.received
    assert request.header("X-Kanboard-Signature") == signature("env-secret", request.body)


def test_a_missing_global_secret_is_generated_once_and_kept(global_webhook):
    set_config("webhook_secret", "")

    deliver()
    deliver()

    secret = get_config("webhook_secret")
    assert len(secret) == 60
    for request in global_webhook.received:
        assert request.header("X-Kanboard-Signature") == signature(secret, request.body)


def test_a_project_webhook_signs_with_its_own_secret(seeded, receiver):
    project = ProjectFactory()
    webhook = create_project_webhook(project.pk, receiver.url, [])

    deliver(project_id=project.pk)

    [request] = receiver.received
    assert request.path == "/hook"
    assert request.header("X-Kanboard-Signature") == signature(webhook.secret, request.body)


# Retries


def test_a_failure_is_retried_and_delivered_with_the_same_delivery_id(
    global_webhook, immediate_retries
):
    global_webhook.statuses = [500, 200]

    deliver()

    first, second = global_webhook.received
    assert first.body == second.body
    assert first.header("X-Kanboard-Delivery") == second.header("X-Kanboard-Delivery")
    assert first.header("X-Kanboard-Signature") == second.header("X-Kanboard-Signature")
    delivery = WebhookDelivery.objects.get()
    assert str(delivery.delivery_id) == first.header("X-Kanboard-Delivery")
    assert delivery.state == WebhookDelivery.DELIVERED
    assert [(a.number, a.http_status) for a in delivery.attempts.order_by("number")] == [
        (1, 500),
        (2, 200),
    ]


def test_after_the_last_retry_the_delivery_fails_and_stays_in_the_log(
    global_webhook, immediate_retries, caplog
):
    global_webhook.statuses = [503]

    deliver()

    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        f"webhook delivery {WebhookDelivery.objects.get().delivery_id} given up after 4 attempts"
    ]
    assert len(global_webhook.received) == 4  # the first attempt and three retries
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == WebhookDelivery.FAILED
    assert delivery.attempts.count() == 4


def test_a_redirect_is_a_failure_and_is_not_followed(global_webhook, immediate_retries):
    global_webhook.statuses = [302, 200]
    global_webhook.headers_to_send = {"Location": "http://127.0.0.1:9/elsewhere"}

    deliver()

    first, second = global_webhook.received
    assert (first.path, second.path) == ("/hook?token=tok3n", "/hook?token=tok3n")
    errors = list(WebhookAttempt.objects.order_by("number").values_list("error", flat=True))
    assert errors == ["redirect not followed (HTTP 302)", ""]


def test_a_receiver_that_does_not_answer_in_time_is_a_timeout(global_webhook, settings):
    settings.WEBHOOK_TIMEOUT = 0.3
    settings.NOTIFICATION_RETRY_DELAYS = ()
    global_webhook.statuses = [None]

    deliver()

    attempt = WebhookAttempt.objects.get()
    assert (attempt.http_status, attempt.error) == (None, "timeout: no answer in time")
    assert WebhookDelivery.objects.get().state == WebhookDelivery.FAILED


def test_a_connection_error_is_retried(seeded, settings, immediate_retries):
    with socket.socket() as bound_not_listening:
        bound_not_listening.bind(("127.0.0.1", 0))
        settings.WEBHOOK_URL = f"http://127.0.0.1:{bound_not_listening.getsockname()[1]}/hook"

        deliver()

    assert WebhookAttempt.objects.count() == 4
    assert all(a.error.startswith("ConnectionRefusedError") for a in WebhookAttempt.objects.all())


# The address guard


@pytest.mark.parametrize(
    "url",
    [
        None,  # the receiver, on 127.0.0.1
        "http://10.0.0.8/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://224.0.0.1/hook",
        "http://240.0.0.1/hook",
        "http://localhost/hook",
        "ftp://example.com/hook",
    ],
)
def test_a_private_or_non_http_target_is_refused_and_not_retried(
    global_webhook, settings, immediate_retries, caplog, url
):
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_URL = url or ""

    deliver()

    [warning] = [r for r in caplog.records if r.name == "webhooks.delivery"]
    assert warning.levelname == "WARNING"
    assert warning.getMessage().endswith(": refused: not a public http(s) address")


@pytest.fixture
def resolver(monkeypatch):
    """Names resolve to the addresses the test gives, one answer per lookup (the last one
    repeats); connections are recorded and refused before they are made, so that no test
    reaches an address other than 127.0.0.1."""
    answers: dict[str, list[list[str]]] = {}
    connections: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        found = answers[host].pop(0) if len(answers[host]) > 1 else answers[host][0]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in found]

    def connect(address, deadline):
        connections.append(address[1][0])
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(outbound_http, "connect", connect)
    return answers, connections


def test_the_connection_goes_to_the_address_checked_not_a_second_answer(seeded, settings, resolver):
    """DNS rebinding: a second lookup answering a private address is never made."""
    answers, connections = resolver
    answers["hooks.example.com"] = [["93.184.215.14"], ["127.0.0.1"]]
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_URL = "http://hooks.example.com/hook"
    settings.NOTIFICATION_RETRY_DELAYS = ()

    deliver()

    assert connections == ["93.184.215.14"]
    assert WebhookAttempt.objects.get().error == "ConnectionRefusedError: refused by the test"


def test_a_name_with_any_private_address_is_refused(seeded, settings, resolver):
    answers, connections = resolver
    answers["hooks.example.com"] = [["93.184.215.14", "10.0.0.7"]]
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = False
    settings.WEBHOOK_URL = "http://hooks.example.com/hook"

    deliver()

    assert connections == []
    assert WebhookDelivery.objects.get().state == WebhookDelivery.REFUSED


def test_https_to_a_server_without_tls_fails_without_sending(global_webhook, settings):
    settings.WEBHOOK_URL = global_webhook.url.replace("http://", "https://")
    settings.NOTIFICATION_RETRY_DELAYS = ()

    deliver()

    assert global_webhook.received == []
    assert WebhookAttempt.objects.get().error.startswith("SSLError")


# Which webhooks take an event


def test_project_webhooks_take_their_events_only(seeded, receiver):
    project, other = ProjectFactory(), ProjectFactory()
    everything = create_project_webhook(project.pk, receiver.url + "/all", [])
    create_project_webhook(project.pk, receiver.url + "/comments", ["comment.create"])
    create_project_webhook(other.pk, receiver.url + "/other", [])
    disabled = create_project_webhook(project.pk, receiver.url + "/disabled", [])
    update_project_webhook(disabled.pk, disabled.url, [], active=False)

    deliver("task.create", project_id=project.pk)
    deliver("comment.create", project_id=project.pk)

    assert sorted((r.path, json.loads(r.body)["event_name"]) for r in receiver.received) == [
        ("/hook/all", "comment.create"),
        ("/hook/all", "task.create"),
        ("/hook/comments", "comment.create"),
    ]
    assert WebhookDelivery.objects.filter(webhook=everything).count() == 2


def test_a_webhook_disabled_after_queueing_sends_nothing(seeded, receiver):
    project = ProjectFactory()
    webhook = create_project_webhook(project.pk, receiver.url, [])
    with transaction.atomic():
        queue_webhook_deliveries("task.create", EVENT, None, project.pk)
    update_project_webhook(webhook.pk, webhook.url, [], active=False)

    run_worker()

    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()  # cancelled, with nothing to log


def test_a_rolled_back_transaction_queues_nothing(global_webhook):
    project = ProjectFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_webhook_deliveries("task.create", EVENT, None, project.pk)
        raise RuntimeError("the change failed")
    run_worker()

    assert not WebhookDelivery.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert global_webhook.received == []


# The log


def test_each_log_keeps_its_last_attempts(global_webhook, settings, receiver):
    settings.WEBHOOK_LOG_SIZE = 3
    project = ProjectFactory()
    webhook = create_project_webhook(project.pk, receiver.url, [])

    for number in range(5):
        deliver("task.update", {"task_id": number}, project_id=project.pk)

    for hook in (None, webhook):
        kept = WebhookAttempt.objects.filter(webhook=hook).order_by("id")
        assert [json.loads(a.delivery.body)["event_data"]["task_id"] for a in kept] == [2, 3, 4]
    assert WebhookDelivery.objects.count() == 6


def test_removing_a_project_removes_its_webhooks_and_their_log(global_webhook, rpc):
    project_id = rpc.call("createProject", {"name": "Short-lived"})
    webhook = create_project_webhook(project_id, global_webhook.url, [])
    deliver(project_id=project_id)

    assert rpc.call("removeProject", {"project_id": project_id}) is True

    assert not ProjectWebhook.objects.filter(pk=webhook.pk).exists()
    assert list(WebhookAttempt.objects.values_list("webhook", flat=True)) == [None]


def test_a_delivery_job_run_again_after_success_sends_nothing_more(global_webhook):
    """A job the queue runs twice (its worker died before recording the job's end)."""
    deliver()
    delivery = WebhookDelivery.objects.get()

    deliver_webhook.enqueue(delivery.pk)
    run_worker()

    assert len(global_webhook.received) == 1
    assert delivery.attempts.count() == 1
