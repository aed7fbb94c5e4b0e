"""Kanboard's notification settings form (its user_view/notifications page), used by the
account area and by the user admin."""

from __future__ import annotations

from django import forms

from accounts.models import User
from notifications import preferences


class NotificationSettingsFields(forms.Form):
    """The settings' fields; ``show_settings_of`` fills them for one user. A mixin for the
    user admin's form as well."""

    notification_types = forms.MultipleChoiceField(
        label="Notification methods",
        choices=list(preferences.CHANNELS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="None selected: no notification at all.",
    )
    notifications_filter = forms.TypedChoiceField(
        label="I want to receive notifications for",
        choices=list(preferences.FILTERS.items()),
        coerce=int,
        widget=forms.RadioSelect,
    )
    notification_projects = forms.TypedMultipleChoiceField(
        label="I only want to receive notifications for these projects",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="None selected: all of them.",
    )

    def show_settings_of(self, user: User) -> None:
        self.fields["notification_projects"].choices = [
            (project.pk, project.name) for project in preferences.selectable_projects(user)
        ]
        stored = preferences.read_settings(user)
        self.initial.setdefault("notification_types", stored.types)
        self.initial.setdefault("notifications_filter", stored.filter)
        self.initial.setdefault("notification_projects", stored.project_ids)

    def save_settings(self, user: User) -> None:
        preferences.save_settings(
            user,
            self.cleaned_data["notification_types"],
            self.cleaned_data["notifications_filter"],
            self.cleaned_data["notification_projects"],
        )


class NotificationSettingsForm(NotificationSettingsFields):
    def __init__(self, user: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.show_settings_of(user)
