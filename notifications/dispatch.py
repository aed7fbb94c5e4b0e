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
from django.db import connection

from notifications.jobs import notify_event
from tasks import events
from tasks.activity import RECORDED_EVENTS
from webhooks.global_webhook import global_webhook_url

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
    was chosen by the mention's own rules when the event was emitted). Otherwise the task
    must exist, and a webhook take every event (the global one) or the project's events
    (an active one of the project), or a member of the project, other than the author,
    want notifications (the candidates of recipients.notified_members). Asked inside
    every change's transaction, so as one statement written once, without reading the
    task's details (read only when a job is queued)."""
    if event.carries("mention"):
        return True
    candidate = [True, True, event.actor_id]  # wants notifications, active, not the author
    with connection.cursor() as cursor:
        cursor.execute(
            _TASK_OF_A_PROJECT_TOLD,
            [event.task_id, bool(global_webhook_url()), True, *candidate, *candidate],
        )
        return cursor.fetchone() is not None


# The parameters: the task, whether the global webhook is set, the "active" of a project
# webhook, then for the direct members and for the members through a group:
# notifications_enabled, is_active and the author.
_TASK_OF_A_PROJECT_TOLD = """
SELECT 1 FROM "tasks" WHERE "tasks"."id" = %s AND (
    %s
    OR EXISTS (
        SELECT 1 FROM "webhooks_projectwebhook" AS "webhook"
        WHERE "webhook"."project_id" = "tasks"."project_id" AND "webhook"."active" = %s
    )
    OR EXISTS (
        SELECT 1 FROM "project_has_users" AS "member"
        INNER JOIN "users" ON "users"."id" = "member"."user_id"
        WHERE "member"."project_id" = "tasks"."project_id"
        AND "users"."notifications_enabled" = %s AND "users"."is_active" = %s
        AND "users"."id" <> %s
    )
    OR EXISTS (
        SELECT 1 FROM "project_has_groups" AS "team"
        INNER JOIN "group_has_users" AS "in_team" ON "in_team"."group_id" = "team"."group_id"
        INNER JOIN "users" ON "users"."id" = "in_team"."user_id"
        WHERE "team"."project_id" = "tasks"."project_id"
        AND "users"."notifications_enabled" = %s AND "users"."is_active" = %s
        AND "users"."id" <> %s
    )
)
"""


def as_json(data: dict) -> str:
    """The event data as a job carries it: JSON text, not a JSON value, because
    PostgreSQL's jsonb (the queue's arguments column) would reorder its keys, and
    Kanboard's webhook payloads and web notifications keep the order of its event data."""
    return json.dumps(data, cls=DjangoJSONEncoder)
