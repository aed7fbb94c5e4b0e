"""The operators' view of tasks and what hangs on them."""

from __future__ import annotations

from django.contrib import admin

from tasks.comments import remove_comment
from tasks.external_links import remove_external_link
from tasks.file_admin import FileAdmin, FileInline
from tasks.files import remove_task_file
from tasks.links import remove_link
from tasks.models import (
    Comment,
    ExternalLink,
    Link,
    ProjectActivity,
    Subtask,
    SubtaskTimer,
    Tag,
    Task,
    TaskFile,
    TaskLink,
    TaskMetadata,
    TaskTag,
    Transition,
)
from tasks.removal import remove_tasks
from tasks.task_links import remove_task_link


class RemovesThroughTheDomain:
    """Deletions go through the same domain function as the API's removals (events,
    reverse rows, timers, blobs), one object at a time."""

    @staticmethod
    def remove(obj) -> None:
        raise NotImplementedError

    def delete_model(self, request, obj):
        self.remove(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.remove(obj)


class SubtaskInline(admin.TabularInline):
    """Shown, not edited here: subtask changes roll their times up into the task."""

    model = Subtask
    extra = 0
    max_num = 0
    can_delete = False
    fields = readonly_fields = (
        "title", "status", "user_id", "position", "time_estimated", "time_spent",
    )  # fmt: skip


class TaskFileInline(FileInline):
    model = TaskFile


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "project", "column", "swimlane", "is_active", "position")
    list_filter = ("is_active",)
    list_select_related = ("project", "column", "swimlane")
    search_fields = ("title", "reference", "project__name")
    raw_id_fields = ("project", "column", "swimlane")
    inlines = [SubtaskInline, TaskFileInline]

    # Through the domain, so that file blobs no other row uses are removed too.
    def delete_model(self, request, obj):
        remove_tasks(Task.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        remove_tasks(queryset)


@admin.register(Comment)
class CommentAdmin(RemovesThroughTheDomain, admin.ModelAdmin):
    remove = staticmethod(lambda comment: remove_comment(comment.pk))
    list_display = ("id", "task", "user_id", "visibility", "date_creation")
    list_select_related = ("task",)
    search_fields = ("comment", "task__title")
    raw_id_fields = ("task",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "project_id", "color_id")
    search_fields = ("name",)


@admin.register(Link)
class LinkAdmin(RemovesThroughTheDomain, admin.ModelAdmin):
    remove = staticmethod(lambda link: remove_link(link.pk))
    list_display = ("id", "label", "opposite_id")
    search_fields = ("label",)


@admin.register(TaskLink)
class TaskLinkAdmin(RemovesThroughTheDomain, admin.ModelAdmin):
    remove = staticmethod(lambda task_link: remove_task_link(task_link.pk))
    list_display = ("task", "link", "opposite_task")
    list_select_related = ("task", "link", "opposite_task")
    raw_id_fields = ("task", "opposite_task")


@admin.register(ExternalLink)
class ExternalLinkAdmin(RemovesThroughTheDomain, admin.ModelAdmin):
    remove = staticmethod(lambda link: remove_external_link(link.task_id, link.pk))
    list_display = ("title", "task", "link_type", "url")
    list_select_related = ("task",)
    search_fields = ("title", "url")
    raw_id_fields = ("task",)


@admin.register(TaskFile)
class TaskFileAdmin(FileAdmin):
    remove = staticmethod(lambda file: remove_task_file(file.pk))
    list_display = ("name", "task", "size", "uploader", "date", "download")
    list_select_related = ("task",)
    search_fields = ("name", "task__title")


class HistoryAdmin(admin.ModelAdmin):
    """Records of what happened: read, never written here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ProjectActivity)
class ProjectActivityAdmin(HistoryAdmin):
    list_display = ("event_name", "project", "task", "creator", "date_creation")
    list_select_related = ("project", "task", "creator")
    raw_id_fields = ("project", "task", "creator")


@admin.register(TaskTag)
class TaskTagAdmin(admin.ModelAdmin):
    list_display = ("task", "tag")
    list_select_related = ("task", "tag")
    raw_id_fields = ("task", "tag")


@admin.register(TaskMetadata)
class TaskMetadataAdmin(admin.ModelAdmin):
    list_display = ("task", "name", "value")
    list_select_related = ("task",)
    search_fields = ("name", "task__title")
    raw_id_fields = ("task",)


@admin.register(SubtaskTimer)
class SubtaskTimerAdmin(HistoryAdmin):
    list_display = ("subtask", "user", "start", "end", "time_spent")
    list_select_related = ("subtask", "user")
    raw_id_fields = ("subtask", "user")


@admin.register(Transition)
class TransitionAdmin(HistoryAdmin):
    list_display = ("task", "src_column", "dst_column", "user", "date")
    list_select_related = ("task", "src_column", "dst_column", "user")
    raw_id_fields = ("task", "src_column", "dst_column", "user", "project")
