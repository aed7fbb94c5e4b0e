"""Webhooks: a project's own webhooks (Kanboard has only the global one, in the settings
table), the deliveries queued for each event, and the log of their attempts."""

from __future__ import annotations

import uuid

from django.db import models

from projects.models import Project


class ProjectWebhook(models.Model):
    """A webhook receiving the events of one project, next to the global one. Its events
    are the names it takes; none means every event."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=2000)
    secret = models.CharField(max_length=64)
    active = models.BooleanField(default=True)
    events = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ("project_id", "id")

    def __str__(self) -> str:
        return f"{self.url} ({self.project})"

    def takes(self, event_name: str) -> bool:
        return not self.events or event_name in self.events


class WebhookDelivery(models.Model):
    """One event to deliver to one webhook (``webhook`` null: the global one). The body is
    fixed when the event happens, so every attempt sends, and signs, the same bytes."""

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    REFUSED = "refused"
    STATES = [(state, state) for state in (PENDING, DELIVERED, FAILED, REFUSED)]

    webhook = models.ForeignKey(
        ProjectWebhook, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    delivery_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event_name = models.CharField(max_length=100)
    body = models.TextField()
    state = models.CharField(max_length=10, choices=STATES, default=PENDING)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event_name} {self.delivery_id}"


class WebhookAttempt(models.Model):
    """An entry of a webhook's delivery log: one attempt, its HTTP status or its error.
    ``webhook`` repeats the delivery's, so that each log is kept to its size by one query."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    webhook = models.ForeignKey(
        ProjectWebhook, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    number = models.PositiveIntegerField()
    attempted_at = models.DateTimeField()
    http_status = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    duration_ms = models.PositiveIntegerField()

    class Meta:
        verbose_name = "delivery attempt"
        verbose_name_plural = "delivery log entries"
        ordering = ("-id",)
        indexes = [models.Index(fields=["webhook", "id"], name="webhook_attempt_log")]

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.delivery_id}"

    @property
    def outcome(self) -> str:
        if self.error:
            return self.error
        return f"HTTP {self.http_status}"
