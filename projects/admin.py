"""The operators' view of projects and their board structure."""

from __future__ import annotations

from django.contrib import admin

from projects.models import (
    Action,
    ActionParam,
    Category,
    Column,
    Project,
    ProjectFile,
    ProjectGroupRole,
    ProjectMetadata,
    ProjectUserRole,
    Swimlane,
)
from projects.removal import remove_projects


class ColumnInline(admin.TabularInline):
    model = Column
    extra = 0
    fields = ("title", "position", "task_limit", "hide_in_dashboard")


class SwimlaneInline(admin.TabularInline):
    model = Swimlane
    extra = 0
    fields = ("name", "position", "is_active", "task_limit")


class UserRoleInline(admin.TabularInline):
    model = ProjectUserRole
    raw_id_fields = ("user",)
    extra = 0


class GroupRoleInline(admin.TabularInline):
    model = ProjectGroupRole
    raw_id_fields = ("group",)
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "identifier", "is_active", "is_private", "is_public", "owner_id")
    list_filter = ("is_active", "is_private", "is_public")
    search_fields = ("name", "identifier", "email")
    exclude = ("token",)
    inlines = [ColumnInline, SwimlaneInline, UserRoleInline, GroupRoleInline]

    def delete_model(self, request, obj):
        remove_projects(Project.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        remove_projects(queryset)


@admin.register(Column)
class ColumnAdmin(admin.ModelAdmin):
    list_display = ("title", "project", "position", "task_limit")
    list_select_related = ("project",)
    search_fields = ("title", "project__name")
    raw_id_fields = ("project",)


@admin.register(Swimlane)
class SwimlaneAdmin(admin.ModelAdmin):
    list_display = ("name", "project", "position", "is_active")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")
    raw_id_fields = ("project",)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "project", "color_id")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")
    raw_id_fields = ("project",)


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
