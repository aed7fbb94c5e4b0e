"""Notifications in the admin: the web notifications waiting to be read (read-only; an
operator may delete them, as their user would mark them read), and a project's
notification types shown with the project. A user's notification settings are part of the
user's page (accounts.admin), saved through notifications.preferences."""

from __future__ import annotations

from django.contrib import admin

from kanboard_site.admin_domain import timestamp_display
from notifications import web
from notifications.models import ProjectNotificationType, UnreadNotification


@admin.register(UnreadNotification)
class UnreadNotificationAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "title", "project", "created")
    list_select_related = ("user",)
    list_filter = ("event_name",)
    search_fields = ("user__username", "event_name")
    ordering = ("-date_creation", "-id")
    fields = ("user", "event_name", "title", "project", "created", "event_data")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # the notification job writes them

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="title")
    def title(self, notification: UnreadNotification) -> str:
        return web.decoded(notification).title

    @admin.display(description="project")
    def project(self, notification: UnreadNotification) -> str:
        return web.decoded(notification).project_name or "-"

    created = timestamp_display("date", "date_creation")

    def delete_model(self, request, obj):
        web.mark_read(obj.user, obj.pk)

    def delete_queryset(self, request, queryset):
        for notification in queryset.select_related("user"):
            web.mark_read(notification.user, notification.pk)


class ProjectNotificationTypeInline(admin.TabularInline):
    """Kanboard's project-level channels (a plugin's, such as a chat integration; stock
    Kanboard has none to choose): shown as imported, not edited."""

    model = ProjectNotificationType
    fields = ("notification_type",)
    readonly_fields = fields
    extra = 0
    verbose_name = "notification type"

    def has_view_permission(self, request, obj=None) -> bool:
        """Shown, read-only; left out of a posted project form, which then needs no
        formset data for it (as the project's files)."""
        return request.method != "POST" and super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
