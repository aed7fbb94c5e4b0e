"""From task events to the notification queue (Kanboard's NotificationSubscriber).

For each event Kanboard notifies of, this runs inside the change's transaction and decides
cheaply whether anyone could be told: a mentioned user, a webhook of the project, or a
member of the project, other than the author, who wants notifications. Only then it queues
one ``notify_event`` job with the event's data as of the change; who exactly receives what
is worked out by the job, in the worker. The job's row is written in the change's
transaction: a change that rolls back queues nothing, and nothing is sent before the
change commits.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder

from notifications.jobs import notify_event
from notifications.recipients import anyone_notified
from tasks import events
from tasks.activity import RECORDED_EVENTS
from tasks.models import Task
from webhooks.dispatch import has_webhooks

# Kanboard's NotificationSubscriber: the events of the activity stream, and the mentions.
NOTIFIED_EVENTS = (events.TASK_USER_MENTION, events.COMMENT_USER_MENTION, *RECORDED_EVENTS)


@events.subscribe(*NOTIFIED_EVENTS)
def queue_notification(event: events.Event) -> None:
    if not worth_a_job(event):
        return
    if event.task is None:
        return
    notify_event.enqueue(event.name, as_json(event.data), event.actor_id)


def worth_a_job(event: events.Event) -> bool:
    """Whether the event may be delivered to anyone. A mention names its recipient (who
    was chosen by the mention's own rules when the event was emitted). Asked inside every
    change's transaction, so without reading the task's details (several statements,
    read only when a job is queued): its project is all it needs."""
    if event.carries("mention"):
        return True
    project_id = Task.objects.filter(pk=event.task_id).values_list("project_id", flat=True).first()
    if project_id is None:
        return False
    return has_webhooks(project_id) or anyone_notified(project_id, event.actor_id)


def as_json(data: dict) -> str:
    """The event data as a job carries it: JSON text, not a JSON value, because
    PostgreSQL's jsonb (the queue's arguments column) would reorder its keys, and
    Kanboard's webhook payloads and web notifications keep the order of its event data."""
    return json.dumps(data, cls=DjangoJSONEncoder)
