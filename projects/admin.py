"""The operators' view of projects and their board structure.

Creations, removals and status changes of projects, columns, swimlanes and categories go
through the same domain functions as the API, so the admin keeps the same rules: a new
project gets its default board, positions are handed out and renumbered by the board
rules (and so are read-only here), and a column or swimlane holding tasks is not removed.
"""

from __future__ import annotations

import time

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from projects import categories, columns, lifecycle, swimlanes
from projects.models import (
    Action,
    ActionParam,
    Category,
    Column,
    Project,
    ProjectFile,
    ProjectGroupRole,
    ProjectMetadata,
    ProjectRole,
    ProjectUserRole,
    Swimlane,
)
from projects.removal import remove_projects


class BoardInline(admin.TabularInline):
    """Columns and swimlanes are listed with their project, and edited on their own page."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class ColumnInline(BoardInline):
    model = Column
    fields = ("title", "position", "task_limit", "hide_in_dashboard")
    readonly_fields = ("position",)


class SwimlaneInline(BoardInline):
    model = Swimlane
    fields = ("name", "position", "is_active", "task_limit")
    readonly_fields = ("position", "is_active")


class UserRoleInline(admin.TabularInline):
    model = ProjectUserRole
    raw_id_fields = ("user",)
    extra = 0


class GroupRoleInline(admin.TabularInline):
    model = ProjectGroupRole
    raw_id_fields = ("group",)
    extra = 0


class BoardPartAdmin(admin.ModelAdmin):
    """Columns, swimlanes and categories: they stay in their project (tasks point at
    them), and are deleted through the domain's ``remove``, which may refuse."""

    list_select_related = ("project",)
    raw_id_fields = ("project",)

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return (*readonly, "project") if obj is not None else readonly

    def remove(self, obj) -> None:
        raise NotImplementedError

    def delete_model(self, request, obj):
        try:
            self.remove(obj)
        except ValidationError as refusal:
            self.message_user(request, f"{obj} was kept: {refusal.messages[0]}", messages.ERROR)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "identifier", "is_active", "is_private", "is_public", "owner_id")
    list_filter = ("is_active", "is_private", "is_public")
    search_fields = ("name", "identifier", "email")
    exclude = ("token", "last_modified")
    inlines = [ColumnInline, SwimlaneInline, UserRoleInline, GroupRoleInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.last_modified = int(time.time())
        super().save_model(request, obj, form, change)
        if not change:
            lifecycle.create_default_board(obj)

    def delete_model(self, request, obj):
        remove_projects(Project.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        remove_projects(queryset)


@admin.register(Column)
class ColumnAdmin(BoardPartAdmin):
    list_display = ("title", "project", "position", "task_limit")
    search_fields = ("title", "project__name")
    readonly_fields = ("position",)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            obj.pk = columns.add_column(obj.project_id, obj.title, obj.task_limit, obj.description)

    def remove(self, obj):
        columns.remove_column(obj.pk)


@admin.register(Swimlane)
class SwimlaneAdmin(BoardPartAdmin):
    list_display = ("name", "project", "position", "is_active")
    search_fields = ("name", "project__name")
    readonly_fields = ("position", "is_active")
    actions = ["enable", "disable"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            obj.pk = swimlanes.add_swimlane(obj.project_id, obj.name, obj.description)

    def remove(self, obj):
        swimlanes.remove_swimlane(obj.project_id, obj.pk)

    @admin.action(description="Enable selected swimlanes")
    def enable(self, request, queryset):
        for project_id, swimlane_id in queryset.values_list("project_id", "pk"):
            swimlanes.enable_swimlane(project_id, swimlane_id)

    @admin.action(description="Disable selected swimlanes")
    def disable(self, request, queryset):
        for project_id, swimlane_id in queryset.values_list("project_id", "pk"):
            swimlanes.disable_swimlane(project_id, swimlane_id)


@admin.register(Category)
class CategoryAdmin(BoardPartAdmin):
    list_display = ("name", "project", "color_id")
    search_fields = ("name", "project__name")

    def remove(self, obj):
        categories.remove_category(obj.pk)


@admin.register(ProjectMetadata)
class ProjectMetadataAdmin(admin.ModelAdmin):
    list_display = ("project", "name", "value")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")
    raw_id_fields = ("project",)


@admin.register(ProjectFile)
class ProjectFileAdmin(admin.ModelAdmin):
    list_display = ("name", "project", "size", "date")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")
    raw_id_fields = ("project",)
    readonly_fields = ("path",)


class ActionParamInline(admin.TabularInline):
    model = ActionParam
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("project", "event_name", "action_name")
    list_select_related = ("project",)
    search_fields = ("action_name", "project__name")
    raw_id_fields = ("project",)
    inlines = [ActionParamInline]


@admin.register(ProjectRole)
class ProjectRoleAdmin(admin.ModelAdmin):
    """Custom project roles: their holders are refused every project call of the API."""

    list_display = ("role", "project")
    list_select_related = ("project",)
    search_fields = ("role", "project__name")
    raw_id_fields = ("project",)
