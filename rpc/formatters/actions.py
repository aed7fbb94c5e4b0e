"""Automatic actions as getActions answers them: parameters as an object of strings, or
``[]`` (PHP's empty array) for an action without any."""

from __future__ import annotations


def actions(listed) -> list[dict]:
    """The actions of the queryset, with their parameters fetched in one query."""
    return [
        {
            "id": action.pk,
            "project_id": action.project_id,
            "event_name": action.event_name,
            "action_name": action.action_name,
            "params": {param.name: param.value for param in action.params.all()} or [],
        }
        for action in listed.prefetch_related("params")
    ]
