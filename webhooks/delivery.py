"""One attempt at delivering an event to a webhook, and its entry in the webhook's log.

The request is Kanboard's (a POST of the JSON body with Kanboard's headers, to the URL
with its token for the global webhook), plus three headers of ours: X-Kanboard-Delivery
(the same for every attempt of a delivery, so that a receiver can ignore a repeat),
X-Kanboard-Event and X-Kanboard-Signature (``sha256=`` and the HMAC-SHA256 of the body,
in hex, keyed with the webhook's secret).

The target is checked by kanboard_site.outbound_http: private, loopback, link-local,
multicast and reserved addresses are refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is
set, the connection goes to the address checked, a redirect is a failure (never
followed), and the whole attempt ends after WEBHOOK_TIMEOUT seconds. A refused target is
not tried again; any other failure (a status other than 2xx, a timeout, a connection
error) is, by the delivery job.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kanboard_site.outbound_http import RefusedURL, checked_target
from webhooks.global_webhook import global_webhook_secret, global_webhook_token, global_webhook_url
from webhooks.global_webhook import with_token as url_with_token
from webhooks.models import ProjectWebhook, WebhookAttempt, WebhookDelivery
from webhooks.payload import webhook_body

logger = logging.getLogger(__name__)

USER_AGENT = "Kanboard"


@dataclass(frozen=True)
class Destination:
    url: str
    secret: str


def destination(webhook: ProjectWebhook | None) -> Destination | None:
    """Where a delivery to the webhook goes now; None when the webhook takes no more
    deliveries (the global URL removed, the project's webhook disabled)."""
    if webhook is None:
        url = global_webhook_url()
        if not url:
            return None
        return Destination(url_with_token(url, global_webhook_token()), global_webhook_secret())
    return Destination(webhook.url, webhook.secret) if webhook.active else None


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def request_headers(delivery: WebhookDelivery, body: bytes, secret: str) -> list[tuple[str, str]]:
    """After Host: the headers of Kanboard's HTTP client (cURL), in its order, then ours."""
    return [
        ("User-Agent", USER_AGENT),
        ("Accept", "*/*"),
        ("Content-type", "application/json"),
        ("Content-Length", str(len(body))),
        ("X-Kanboard-Delivery", str(delivery.delivery_id)),
        ("X-Kanboard-Event", delivery.event_name),
        ("X-Kanboard-Signature", signature(secret, body)),
    ]


@dataclass
class Outcome:
    """What an attempt came to: ``state`` is the delivery's state if no attempt follows
    (DELIVERED, REFUSED, or FAILED, which the job may turn into another attempt)."""

    state: str
    attempt: WebhookAttempt


def attempt_delivery(delivery: WebhookDelivery, number: int) -> Outcome | None:
    """Send the delivery once (outside any transaction: the receiver may be slow); None
    when its webhook no longer takes it. Nothing is written: see ``record``."""
    target = destination(delivery.webhook)
    if target is None:
        return None
    body = delivery.body.encode("ascii")
    attempted_at = timezone.now()
    started = time.monotonic()
    status, error, state = None, "", WebhookDelivery.FAILED
    try:
        status = _post(target.url, request_headers(delivery, body, target.secret), body)
    except RefusedURL:
        error, state = "refused: not a public http(s) address", WebhookDelivery.REFUSED
    except (OSError, http.client.HTTPException) as failure:
        error = _describe(failure)
    if status is not None and 200 <= status < 300:
        state = WebhookDelivery.DELIVERED
    elif status is not None and 300 <= status < 400:
        error = f"redirect not followed (HTTP {status})"
    attempt = WebhookAttempt(
        delivery=delivery,
        webhook=delivery.webhook,
        number=number,
        attempted_at=attempted_at,
        http_status=status,
        error=error,
        duration_ms=round((time.monotonic() - started) * 1000),
    )
    log = logger.info if state == WebhookDelivery.DELIVERED else logger.warning
    log("webhook delivery %s attempt %d: %s", delivery.delivery_id, number, attempt.outcome)
    return Outcome(state, attempt)


def _post(url: str, headers: list[tuple[str, str]], body: bytes) -> int:
    deadline = time.monotonic() + settings.WEBHOOK_TIMEOUT
    target = checked_target(url, deadline, settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS)
    connection = target.connection(deadline)
    try:
        connection.putrequest("POST", target.request_target, skip_accept_encoding=True)
        for name, value in headers:
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status
    finally:
        connection.close()


def _describe(failure: Exception) -> str:
    if isinstance(failure, TimeoutError):
        return "timeout: no answer in time"
    return f"{type(failure).__name__}: {failure}"[:500]


def record(delivery: WebhookDelivery, outcome: Outcome, state: str) -> None:
    """Log the attempt, set the delivery's state, and keep the webhook's log to its last
    WEBHOOK_LOG_SIZE attempts (prune on write). In the caller's transaction."""
    outcome.attempt.save()
    WebhookDelivery.objects.filter(pk=delivery.pk).update(state=state)
    delivery.state = state
    _prune_log(delivery.webhook_id)


def _prune_log(webhook_id: int | None) -> None:
    log = WebhookAttempt.objects.filter(webhook_id=webhook_id)
    oldest_kept = log.order_by("-id").values_list("id", flat=True)[
        settings.WEBHOOK_LOG_SIZE - 1 : settings.WEBHOOK_LOG_SIZE
    ]
    if oldest_kept:
        log.filter(id__lt=oldest_kept[0]).delete()
    # Finished deliveries whose every attempt has left the log are of no more use.
    WebhookDelivery.objects.filter(webhook_id=webhook_id, attempts__isnull=True).exclude(
        state=WebhookDelivery.PENDING
    ).delete()


def new_delivery(webhook: ProjectWebhook | None, event_name: str, body: str) -> WebhookDelivery:
    return WebhookDelivery.objects.create(webhook=webhook, event_name=event_name, body=body)


def send_test_event(webhook: ProjectWebhook | None, author: str | None) -> WebhookAttempt | None:
    """Deliver a ``webhook.test`` event to the webhook now, once, and return the logged
    attempt (None when the webhook takes no deliveries: no URL, or disabled). The request
    is made outside any transaction: the receiver may be slow."""
    project_id = webhook.project_id if webhook else None
    body = webhook_body("webhook.test", {"project_id": project_id}, author)
    delivery = new_delivery(webhook, "webhook.test", body)
    outcome = attempt_delivery(delivery, 1)
    if outcome is None:
        delivery.delete()
        return None
    with transaction.atomic():
        record(delivery, outcome, outcome.state)
    return outcome.attempt
