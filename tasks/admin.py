"""The operators' view of tasks and what hangs on them."""

from __future__ import annotations

import time

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, Subquery

from accounts.models import User
from kanboard_site.admin_domain import (
    DomainSaveMixin,
    from_timestamp,
    kanboard_date,
    timestamp_display,
)
from projects.admin import MetadataAdmin
from projects.models import Category, Column, Swimlane
from tasks.colors import COLORS
from tasks.comments import create_comment, remove_comment, update_comment
from tasks.creation import create_task
from tasks.external_links import (
    create_external_link,
    remove_external_link,
    update_external_link,
)
from tasks.file_admin import FileAdmin, FileInline
from tasks.files import remove_task_file
from tasks.links import create_link, remove_link, update_link
from tasks.metadata import task_metadata
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
from tasks.modification import update_task
from tasks.positions import move_task_position
from tasks.removal import remove_tasks
from tasks.status import close_task, open_task
from tasks.tags import create_tag, remove_tag, update_tag
from tasks.task_links import create_task_link, remove_task_link, update_task_link


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


class OverdueFilter(admin.SimpleListFilter):
    title = "due date"
    parameter_name = "due"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("none", "No due date")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.overdue(int(time.time()))
        if self.value() == "none":
            return queryset.filter(Q(date_due=0) | Q(date_due__isnull=True))
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    """The users tasks are assigned to (owner_id is Kanboard's plain integer column)."""

    title = "assignee"
    parameter_name = "owner_id"

    def lookups(self, request, model_admin):
        owners = Task.objects.exclude(owner_id=0).values("owner_id").distinct()
        named = User.objects.filter(pk__in=owners).order_by("username")
        return [("0", "Nobody"), *((str(user.pk), user.username) for user in named)]

    def queryset(self, request, queryset):
        return queryset.filter(owner_id=self.value()) if self.value() is not None else queryset


class ColumnTitleFilter(admin.SimpleListFilter):
    """Columns by title (projects have their own columns, often with the same titles)."""

    title = "column"
    parameter_name = "column_title"

    def lookups(self, request, model_admin):
        columns = Column.objects.all()
        if request.GET.get("project__id__exact"):
            columns = columns.filter(project_id=request.GET["project__id__exact"])
        titles = columns.order_by("position").values_list("title", flat=True).distinct()
        return [(title, title) for title in dict.fromkeys(titles)]

    def queryset(self, request, queryset):
        return queryset.filter(column__title=self.value()) if self.value() else queryset


def user_choices(empty: str) -> list[tuple[int, str]]:
    active = User.objects.filter(is_active=True).order_by("username")
    return [(0, empty), *((user.pk, user.username) for user in active)]


STATUS_CHOICES = [("open", "Open"), ("closed", "Closed")]
COLOR_CHOICES = [("", "(the default color)")] + [(c, p["name"]) for c, p in COLORS.items()]
TASK_FIELDS = (
    "title", "description", "owner_id", "color_id", "category_id", "priority", "score",
    "reference", "time_estimated", "time_spent",
)  # fmt: skip
DATE_FIELDS = {"date_due": "due_date", "date_started": "start_date"}
MOVE_FIELDS = ("column", "swimlane", "position")


class TaskForm(forms.ModelForm):
    """Dates and users as an operator reads them; what the API takes goes to the domain."""

    owner_id = forms.TypedChoiceField(label="Assignee", coerce=int, required=False, empty_value=0)
    color_id = forms.ChoiceField(label="Color", choices=COLOR_CHOICES, required=False)
    category_id = forms.TypedChoiceField(
        label="Category", coerce=int, required=False, empty_value=0
    )
    # Not the model's names: the model's columns hold Unix times, not date objects.
    due_date = forms.DateTimeField(label="Due date", required=False)
    start_date = forms.DateTimeField(label="Start date", required=False)
    status = forms.ChoiceField(choices=STATUS_CHOICES)
    position = forms.IntegerField(min_value=1, help_text="1 is the top of the cell.")

    class Meta:
        model = Task
        fields = ()
        widgets = {"title": forms.TextInput(attrs={"class": "vTextField"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        task = self.instance
        if not task.pk:
            del self.fields["status"], self.fields["position"]
            for field in ("column", "swimlane"):
                self.fields[field].required = False
                self.fields[field].queryset = self.fields[field].queryset.select_related("project")
                self.fields[field].label_from_instance = lambda part: (
                    f"{part.project.name} / {part}"
                )
        self.fields["owner_id"].choices = user_choices("Nobody")
        categories = Category.objects.order_by("name")
        if task.pk:
            categories = categories.filter(project_id=task.project_id)
            for field, model in (("column", Column), ("swimlane", Swimlane)):
                self.fields[field].queryset = model.objects.filter(project_id=task.project_id)
            self.initial.update(
                due_date=from_timestamp(task.date_due),
                start_date=from_timestamp(task.date_started),
                status="open" if task.is_active else "closed",
            )
        self.fields["category_id"].choices = [(0, "None")] + [
            (category.pk, category.name) for category in categories
        ]


def _differs(stored: Task, field: str, value) -> bool:
    """Whether a submitted value (as the API takes it) changes the stored one; only the
    changes go to updateTask's domain function, so its events name just those."""
    current = getattr(stored, field)
    if field in ("date_due", "date_started"):
        return value != kanboard_date(from_timestamp(current))
    if field == "color_id" and not value:
        return False
    return (value or None) != (current or None)


@admin.register(Task)
class TaskAdmin(DomainSaveMixin, admin.ModelAdmin):
    """Creations, changes, moves and status changes through createTask's, updateTask's,
    moveTaskPosition's and closeTask/openTask's domain functions, with the operator as
    the actor: positions are renumbered, events and activity recorded as through the API.
    """

    form = TaskForm
    list_display = (
        "id", "title", "project", "column", "swimlane", "position", "assignee", "due", "is_open",
    )  # fmt: skip
    list_display_links = ("id", "title")
    list_filter = ("project", ColumnTitleFilter, AssigneeFilter, OverdueFilter, "is_active")
    list_select_related = ("project", "column", "swimlane")
    search_fields = ("title", "reference", "project__name")
    ordering = ("project", "swimlane__position", "column__position", "position", "id")
    actions = ["close", "reopen"]
    inlines = [SubtaskInline, TaskFileInline]
    add_fieldsets = (
        (None, {"fields": ("project", "title", "description")}),
        ("Where", {"fields": ("column", "swimlane"),
                   "description": "Left empty: the first column and swimlane. A new task "
                                  "goes to the end of its cell."}),
        ("Details", {"fields": ("owner_id", "color_id", "category_id", "due_date",
                                "start_date", "priority", "score", "reference")}),
    )  # fmt: skip
    fieldsets = (
        (None, {"fields": ("project", "title", "description", "status")}),
        ("Board", {"fields": MOVE_FIELDS,
                   "description": "Changing these moves the task, as moveTaskPosition: the "
                                  "other tasks of both cells are renumbered. Moving it to "
                                  "another project is the API's moveTaskToProject."}),
        ("Details", {"fields": ("owner_id", "color_id", "category_id", "due_date",
                                "start_date", "priority", "score", "reference",
                                "time_estimated", "time_spent")}),
        ("History", {"fields": ("created", "modified", "moved", "completed", "creator")}),
    )  # fmt: skip

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj else self.add_fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Plain selects: columns and swimlanes are added and changed on their own pages."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            field.widget = field.widget.widget
        return field

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("project", "created", "modified", "moved", "completed", "creator")

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_queryset(self, request):
        owners = User.objects.filter(pk=OuterRef("owner_id")).values("username")
        return super().get_queryset(request).annotate(assignee_name=Subquery(owners))

    @admin.display(description="assignee", ordering="assignee_name")
    def assignee(self, task):
        return task.assignee_name or "-"

    @admin.display(boolean=True, description="open", ordering="is_active")
    def is_open(self, task):
        return task.is_active

    @admin.display(description="due", ordering="date_due")
    def due(self, task):
        moment = from_timestamp(task.date_due)
        if moment is None:
            return "-"
        shown = moment.strftime("%Y-%m-%d %H:%M")
        return f"{shown} (overdue)" if task.is_active and task.date_due <= time.time() else shown

    created = timestamp_display("created", "date_creation")
    modified = timestamp_display("modified", "date_modification")
    moved = timestamp_display("moved", "date_moved")
    completed = timestamp_display("completed", "date_completed")

    @admin.display(description="creator")
    def creator(self, task):
        return User.objects.filter(pk=task.creator_id).first() or "-"

    def apply(self, request, task, data, change):
        actor = request.user.pk
        values = {field: data.get(field) for field in TASK_FIELDS if field in data}
        for field, date_field in DATE_FIELDS.items():
            values[field] = kanboard_date(data.get(date_field))
        if not change:
            values.update(
                project_id=data["project"].pk,
                column_id=data["column"].pk if data.get("column") else 0,
                swimlane_id=data["swimlane"].pk if data.get("swimlane") else None,
                creator_id=0,
                tags=[],
                recurrence_status=0, recurrence_trigger=0, recurrence_factor=0,
                recurrence_timeframe=0, recurrence_basedate=0,
            )  # fmt: skip
            created = create_task(values, actor)
            if created is None:
                raise ValidationError("The project has no column or no active swimlane")
            return created.pk
        # The row as stored: by now the form has written the submitted values on ``task``.
        stored = Task.objects.get(pk=task.pk)
        update_task(task.pk, {f: v for f, v in values.items() if _differs(stored, f, v)}, actor)
        if (stored.column_id, stored.swimlane_id, stored.position) != (
            data["column"].pk,
            data["swimlane"].pk,
            data["position"],
        ):
            move_task_position(task.project_id, task.pk, data["column"].pk, data["position"],
                               data["swimlane"].pk, actor)  # fmt: skip
        if data["status"] != ("open" if stored.is_active else "closed"):
            (open_task if data["status"] == "open" else close_task)(task.pk, actor)
        return task.pk

    @admin.action(description="Close selected tasks")
    def close(self, request, queryset):
        closed = sum(close_task(task_id, request.user.pk) for task_id in self._ids(queryset))
        self.message_user(request, f"{closed} task(s) closed.")

    @admin.action(description="Open selected tasks")
    def reopen(self, request, queryset):
        opened = sum(open_task(task_id, request.user.pk) for task_id in self._ids(queryset))
        self.message_user(request, f"{opened} task(s) opened.")

    @staticmethod
    def _ids(queryset) -> list[int]:
        return list(queryset.values_list("pk", flat=True))

    # Through the domain, so that file blobs no other row uses are removed too.
    def delete_model(self, request, obj):
        remove_tasks(Task.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        remove_tasks(queryset)


@admin.register(Comment)
class CommentAdmin(DomainSaveMixin, RemovesThroughTheDomain, admin.ModelAdmin):
    """Written as createComment and updateComment (events, mentions); once written,
    only the text changes."""

    remove = staticmethod(lambda comment: remove_comment(comment.pk))
    list_display = ("id", "task", "user_id", "visibility", "date_creation")
    list_select_related = ("task",)
    search_fields = ("comment", "task__title")
    raw_id_fields = ("task",)
    fields = ("task", "user_id", "comment", "reference", "visibility")

    def get_readonly_fields(self, request, obj=None):
        return ("task", "user_id", "reference", "visibility") if obj else ()

    def apply(self, request, comment, data, change):
        if change:
            update_comment(comment.pk, data["comment"])
            return comment.pk
        created = create_comment(data["task"].pk, data["user_id"], data["comment"],
                                 data["reference"] or "", data["visibility"])  # fmt: skip
        return created.pk


@admin.register(Tag)
class TagAdmin(DomainSaveMixin, RemovesThroughTheDomain, admin.ModelAdmin):
    """Written as createTag and updateTag: a name unique in its project (0: global)."""

    remove = staticmethod(lambda tag: remove_tag(tag.pk))
    list_display = ("name", "project_id", "color_id")
    search_fields = ("name",)

    def get_readonly_fields(self, request, obj=None):
        return ("project_id",) if obj else ()

    def apply(self, request, tag, data, change):
        if change:
            update_tag(tag.pk, data["name"], data["color_id"] or None)
            return tag.pk
        return create_tag(data["project_id"], data["name"], data["color_id"] or None).pk


class LinkForm(forms.ModelForm):
    opposite_label = forms.CharField(
        required=False, help_text="Creates the opposite label too (e.g. 'is blocked by')."
    )

    class Meta:
        model = Link
        fields = ("label", "opposite_id")


@admin.register(Link)
class LinkAdmin(DomainSaveMixin, RemovesThroughTheDomain, admin.ModelAdmin):
    """Link labels as createLink (with its opposite) and updateLink."""

    remove = staticmethod(lambda link: remove_link(link.pk))
    form = LinkForm
    list_display = ("id", "label", "opposite_id")
    search_fields = ("label",)

    def get_fields(self, request, obj=None):
        return ("label", "opposite_id") if obj is not None else ("label", "opposite_label")

    def apply(self, request, link, data, change):
        if not change:
            return create_link(data["label"], data.get("opposite_label") or "").pk
        update_link(link.pk, data["opposite_id"] or 0, data["label"])
        return link.pk


@admin.register(TaskLink)
class TaskLinkAdmin(DomainSaveMixin, RemovesThroughTheDomain, admin.ModelAdmin):
    """Written as createTaskLink and updateTaskLink: the opposite row follows."""

    remove = staticmethod(lambda task_link: remove_task_link(task_link.pk))
    list_display = ("task", "link", "opposite_task")
    list_select_related = ("task", "link", "opposite_task")
    raw_id_fields = ("task", "opposite_task")

    def get_readonly_fields(self, request, obj=None):
        return ("task",) if obj is not None else ()

    def apply(self, request, task_link, data, change):
        ends = (data["opposite_task"].pk, data["link"].pk)
        if not change:
            return create_task_link(data["task"].pk, *ends).pk
        update_task_link(task_link.pk, task_link.task_id, *ends)
        return task_link.pk


@admin.register(ExternalLink)
class ExternalLinkAdmin(DomainSaveMixin, RemovesThroughTheDomain, admin.ModelAdmin):
    """Written as createExternalTaskLink (the link type found from the URL) and
    updateExternalTaskLink (the type stays)."""

    remove = staticmethod(lambda link: remove_external_link(link.task_id, link.pk))
    list_display = ("title", "task", "link_type", "url")
    list_select_related = ("task",)
    search_fields = ("title", "url")
    raw_id_fields = ("task",)
    fields = ("task", "title", "url", "dependency", "link_type")

    def get_readonly_fields(self, request, obj=None):
        return ("task", "link_type") if obj is not None else ("link_type",)

    def apply(self, request, link, data, change):
        values = (data["title"], data["url"], data["dependency"])
        if change:
            update_external_link(link.task_id, link.pk, *values)
            return link.pk
        title, url, dependency = values
        created = create_external_link(
            data["task"].pk, url, dependency, title=title, actor_id=request.user.pk
        )
        return created.pk


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
class TaskMetadataAdmin(MetadataAdmin):
    store, owner = task_metadata, "task"
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
