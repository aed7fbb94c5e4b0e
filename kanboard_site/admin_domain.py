"""Admin pages whose saves are the domain functions the API uses.

A ModelAdmin with ``DomainSaveMixin`` never saves the edited row itself: its ``apply``
calls the domain functions (create_task, move_task_position, update_user...), so that the
admin keeps every rule of the API and emits the same events (activity stream, automatic
actions, notifications). The domain is also what validates: the form's ``clean`` runs
``apply`` once inside a savepoint that is always rolled back, so a refusal is shown on the
form in the rule's own words and nothing of the trial remains; the admin's save then runs
it for real. (The trial's rolled-back inserts may still use up a PostgreSQL sequence
number: an id is skipped, nothing else.)
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone


class _TrialUndone(Exception):
    """Raised to roll the trial's savepoint back."""


def trial(write) -> None:
    """Run ``write()`` and undo it; its ValidationError, if any, goes to the caller."""
    try:
        with transaction.atomic():
            write()
            raise _TrialUndone
    except _TrialUndone:
        pass


class DomainSaveMixin:
    """For a ModelAdmin: ``apply(request, obj, data, change)`` writes through the domain
    and returns the row's id (a new one when adding)."""

    def apply(self, request, obj, data: dict, change: bool) -> int:
        raise NotImplementedError

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        model_admin = self

        class CheckedByTheDomain(form_class):
            def clean(self):
                data = super().clean()
                if not self.errors:
                    try:
                        trial(lambda: model_admin.apply(request, obj, data, obj is not None))
                    except ValidationError as refusal:
                        raise forms.ValidationError(refusal.messages) from None
                return data

        return CheckedByTheDomain

    def save_model(self, request, obj, form, change):
        obj.pk = self.apply(request, obj if change else None, form.cleaned_data, change)
        if not change:
            obj.refresh_from_db()


def kanboard_date(moment: dt.datetime | None) -> str:
    """A form's date and time as the API takes it ('' for none): Kanboard's parser reads
    ``Y-m-d H:i`` in any configured date format."""
    if moment is None:
        return ""
    return timezone.localtime(moment, dt.UTC).strftime("%Y-%m-%d %H:%M")


def from_timestamp(value: int | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.UTC) if value else None


def timestamp_display(description: str, field: str):
    """A list or read-only column showing a Unix timestamp column as a date and time."""

    @admin.display(description=description, ordering=field)
    def show(model_admin, obj):
        return from_timestamp(getattr(obj, field)) or "-"

    return show
