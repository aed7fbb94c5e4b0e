"""The figures an operator looks at first, on the admin's home page, each a link to the
list that answers the question."""

from __future__ import annotations

import time

from django import template
from django.urls import reverse

from accounts import lockout
from accounts.models import User
from projects.models import Project
from tasks.models import Task

register = template.Library()


@register.inclusion_tag("admin/operator_summary.html")
def operator_summary() -> dict:
    users = reverse("admin:accounts_user_changelist")
    tasks = reverse("admin:tasks_task_changelist")
    projects = reverse("admin:projects_project_changelist")
    figures = [
        ("Active projects", Project.objects.filter(is_active=True).count(),
         f"{projects}?is_active__exact=1"),
        ("Open tasks", Task.objects.open().count(), f"{tasks}?is_active__exact=1"),
        ("Overdue tasks", Task.objects.overdue(int(time.time())).count(),
         f"{tasks}?due=overdue"),
        ("Locked users", User.objects.filter(lock_expiration_date__gte=lockout.now()).count(),
         f"{users}?lockout=locked"),
        ("Disabled users", User.objects.filter(is_active=False).count(),
         f"{users}?is_active__exact=0"),
    ]  # fmt: skip
    return {"figures": figures}
