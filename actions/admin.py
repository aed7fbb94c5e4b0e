"""Automatic actions in the admin: listed with their parameters, created and removed
through the same domain functions as createAction and removeAction (so with the same
checks); an action is never edited in place, as in Kanboard."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from actions import creation
from actions.catalog import available_actions, available_events
from actions.models import DailyJobRun
from projects.models import Action


class ActionCreationForm(forms.ModelForm):
    event_name = forms.ChoiceField(choices=list(available_events().items()))
    action_name = forms.ChoiceField(
        choices=[
            (name, f"{description} ({name})") for name, description in available_actions().items()
        ]
    )
    params = forms.JSONField(
        initial=dict,
        help_text='The action\'s parameters as a JSON object, e.g. {"column_id": 4}.',
    )

    class Meta:
        model = Action
        fields = ("project", "event_name", "action_name")

    def __init__(self, *args, **kwargs) -> None:
        # Here, not on the class: the admin is loaded before the actions are registered.
        super().__init__(*args, **kwargs)
        self.fields["event_name"].choices = list(available_events().items())
        self.fields["action_name"].choices = [
            (name, f"{description} ({name})") for name, description in available_actions().items()
        ]

    def clean(self):
        """createAction runs here, so that its refusals are the form's errors; the admin
        wraps the whole view in a transaction."""
        cleaned = super().clean()
        project = cleaned.get("project")
        params = cleaned.get("params")
        if project is None or "event_name" not in cleaned or "action_name" not in cleaned:
            return cleaned
        if not isinstance(params, dict | list):
            raise ValidationError("The parameters must be a JSON object.")
        try:
            self.created_id = creation.create_action(
                project.pk, cleaned["event_name"], cleaned["action_name"], params
            )
        except ValidationError as refused:
            raise ValidationError(f"Kanboard refuses this action: {refused.messages[0]}") from None
        return cleaned


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("id", "project", "event_name", "action_name", "parameters")
    list_select_related = ("project",)
    list_filter = ("event_name",)
    search_fields = ("action_name", "project__name")
    raw_id_fields = ("project",)
    readonly_fields = ("project", "event_name", "action_name", "parameters")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("params")

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ActionCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("project", "event_name", "action_name", "params")
        return self.readonly_fields

    @admin.display(description="parameters")
    def parameters(self, action: Action) -> str:
        return json.dumps({param.name: param.value for param in action.params.all()})

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request)

    def save_model(self, request, obj, form, change):
        """createAction already ran in the form's validation."""
        obj.pk = form.created_id
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        creation.remove_action(obj.pk)

    def delete_queryset(self, request, queryset):
        for action_id in queryset.values_list("pk", flat=True):
            creation.remove_action(action_id)


@admin.register(DailyJobRun)
class DailyJobRunAdmin(admin.ModelAdmin):
    """When the daily job (manage.py cronjob) ran: read-only."""

    list_display = ("day", "started")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
