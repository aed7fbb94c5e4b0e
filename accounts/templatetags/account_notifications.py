"""The account area's navigation shows how many web notifications are waiting."""

from __future__ import annotations

from django import template

from notifications import web

register = template.Library()


@register.simple_tag
def unread_notification_count(user) -> int:
    return web.unread_count(user)
