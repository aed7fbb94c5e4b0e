"""The operators' view of projects and their board structure.

Every change of projects, memberships, columns, swimlanes and categories goes through the
same domain functions as the API, so the admin keeps the same rules: a new project gets
its default board, positions are handed out and renumbered by the board rules, roles must
be the project's, and a column or swimlane holding tasks is not removed.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery

from accounts.models import User
from kanboard_site.admin_domain import DomainSaveMixin
from notifications.admin import ProjectNotificationTypeInline
from projects import categories, columns, lifecycle, members, swimlanes
from projects.files import remove_project_file
from projects.metadata import Metadata, project_metadata
from projects.models import (
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
from projects.roles import PROJECT_ROLES, is_grantable
from tasks.file_admin import FileAdmin, FileInline


class BoardInline(admin.TabularInline):
    """Columns and swimlanes are listed with their project, and edited on their own page
    (where changes go through the board's domain functions)."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class ColumnInline(BoardInline):
    model = Column
    fields = readonly_fields = ("title", "position", "task_limit", "hide_in_dashboard")


class SwimlaneInline(BoardInline):
    model = Swimlane
    fields = readonly_fields = ("name", "position", "is_active", "task_limit")


class MemberForm(forms.ModelForm):
    """A built-in project role or one of the project's custom roles (projects.roles)."""

    role = forms.ChoiceField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every project's custom roles are offered; clean_role keeps only this project's
        # (a new row learns its project after this runs).
        custom = ProjectRole.objects.order_by("role").values_list("role", flat=True).distinct()
        self.fields["role"].choices = [
            *PROJECT_ROLES.items(), *((role, f"{role} (custom)") for role in custom)
        ]  # fmt: skip

    def clean_role(self):
        role = self.cleaned_data["role"]
        if not is_grantable(self.instance.project_id, role):
            raise forms.ValidationError("This role is neither a project role nor the project's")
        return role


class UserRoleInline(admin.TabularInline):
    model = ProjectUserRole
    form = MemberForm
    raw_id_fields = ("user",)
    extra = 0


class GroupRoleInline(admin.TabularInline):
    model = ProjectGroupRole
    form = MemberForm
    raw_id_fields = ("group",)
    extra = 0


# The member field of each membership inline, and its add, change-role and remove functions.
MEMBERSHIPS = {
    ProjectUserRole: ("user", members.add_user, members.change_user_role, members.remove_user),
    ProjectGroupRole: (
        "group", members.add_group, members.change_group_role, members.remove_group,
    ),
}  # fmt: skip


class BoardPartForm(forms.ModelForm):
    position = forms.IntegerField(
        required=False, min_value=1, help_text="Moving it renumbers the others, from 1."
    )


class BoardPartAdmin(DomainSaveMixin, admin.ModelAdmin):
    """Columns, swimlanes and categories: they stay in their project (tasks point at
    them), are written by the board's domain functions, and are deleted through the
    domain's ``remove``, which may refuse."""

    form = BoardPartForm
    list_select_related = ("project",)
    list_filter = ("project",)

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


class ProjectFileInline(FileInline):
    model = ProjectFile


def user_choices() -> list[tuple[int, str]]:
    return [(0, "Nobody"), *User.objects.order_by("username").values_list("pk", "username")]


class ProjectForm(forms.ModelForm):
    owner_id = forms.TypedChoiceField(label="Owner", coerce=int, required=False, empty_value=0)

    class Meta:
        model = Project
        fields = ()
        widgets = {"name": forms.TextInput(attrs={"class": "vTextField"}),
                   "identifier": forms.TextInput(attrs={"class": "vTextField"}),
                   "email": forms.TextInput(attrs={"class": "vTextField"})}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_id"].choices = user_choices()


PROJECT_FIELDS = (
    "name", "description", "identifier", "email", "owner_id", "start_date", "end_date",
    "priority_default", "priority_start", "priority_end",
)  # fmt: skip


@admin.register(Project)
class ProjectAdmin(DomainSaveMixin, admin.ModelAdmin):
    """Creation (with the default board), changes, status, public access, membership and
    removal through the projects app's domain functions, as createProject, updateProject,
    enableProject, enableProjectPublicAccess, addProjectUser... do."""

    form = ProjectForm
    list_display = (
        "name", "identifier", "is_active", "is_private", "is_public", "owner", "open_tasks",
    )  # fmt: skip
    list_filter = ("is_active", "is_private", "is_public")
    search_fields = ("name", "identifier", "email")
    fieldsets = (
        (None, {"fields": PROJECT_FIELDS}),
        ("Status", {"fields": ("is_active", "is_public", "is_private"),
                    "description": "A project is made private when it is created (the "
                                   "API's createMyPrivateProject); that does not change "
                                   "afterwards."}),
    )  # fmt: skip
    actions = ["enable", "disable"]
    inlines = [ColumnInline, SwimlaneInline, UserRoleInline, GroupRoleInline, ProjectFileInline,
               ProjectNotificationTypeInline]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return ("is_private",)

    def get_queryset(self, request):
        owners = User.objects.filter(pk=OuterRef("owner_id")).values("username")
        return (
            super()
            .get_queryset(request)
            .annotate(
                owner_name=Subquery(owners),
                open_task_count=Count("tasks", filter=Q(tasks__is_active=True)),
            )
        )

    @admin.display(description="owner", ordering="owner_name")
    def owner(self, project):
        return project.owner_name or "-"

    @admin.display(description="open tasks", ordering="open_task_count")
    def open_tasks(self, project):
        return project.open_task_count

    def apply(self, request, project, data, change):
        fields = {field: data.get(field) for field in PROJECT_FIELDS}
        if not change:
            project_id = lifecycle.create_project(fields, acting_user_id=request.user.pk)
            stored = Project.objects.get(pk=project_id)
        else:
            project_id = project.pk
            stored = Project.objects.get(pk=project_id)
            changed = {
                f: v for f, v in fields.items() if (v or None) != (getattr(stored, f) or None)
            }
            if changed:
                lifecycle.update_project(project_id, changed)
        if data["is_active"] != stored.is_active:
            lifecycle.set_active(project_id, data["is_active"])
        if data["is_public"] != stored.is_public:
            if data["is_public"]:
                lifecycle.enable_public_access(project_id)
            else:
                lifecycle.disable_public_access(project_id)
        return project_id

    def save_formset(self, request, form, formset, change):
        # What the admin's history reads (formset.save() would have set these).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        if formset.model not in MEMBERSHIPS:
            return  # the board's inlines are read-only
        field, add, change_role, remove = MEMBERSHIPS[formset.model]
        project_id = formset.instance.pk
        for member_form in formset.forms:
            before = member_form.initial.get(field)
            if member_form in formset.deleted_forms:
                if before is not None:
                    remove(project_id, before)
                    formset.deleted_objects.append(member_form.instance)
                continue
            if not member_form.has_changed():
                continue
            member_id = member_form.cleaned_data[field].pk
            role = member_form.cleaned_data["role"]
            if before is not None and before != member_id:
                remove(project_id, before)
                before = None
            if before is None:
                add(project_id, member_id, role)
                formset.new_objects.append(member_form.instance)
            else:
                change_role(project_id, member_id, role)
                formset.changed_objects.append((member_form.instance, member_form.changed_data))

    def delete_model(self, request, obj):
        remove_projects(Project.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        remove_projects(queryset)

    @admin.action(description="Enable selected projects")
    def enable(self, request, queryset):
        for project_id in queryset.values_list("pk", flat=True):
            lifecycle.set_active(project_id, True)
        self.message_user(request, "Projects enabled.")

    @admin.action(description="Disable selected projects")
    def disable(self, request, queryset):
        for project_id in queryset.values_list("pk", flat=True):
            lifecycle.set_active(project_id, False)
        self.message_user(request, "Projects disabled.")


@admin.register(Column)
class ColumnAdmin(BoardPartAdmin):
    """Added after the last column (addColumn), changed as updateColumn (which shows the
    column on the dashboard again), moved as changeColumnPosition."""

    list_display = ("title", "project", "position", "task_limit")
    search_fields = ("title", "project__name")
    ordering = ("project", "position")
    fieldsets = (
        (None, {"fields": ("project", "title", "position", "task_limit", "description")}),
        ("Dashboard", {"fields": ("hide_in_dashboard",),
                       "description": "Set in Kanboard's board settings; saving the column "
                                      "here shows it on the dashboard again, as updateColumn "
                                      "does."}),
    )  # fmt: skip
    readonly_fields = ("hide_in_dashboard",)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return readonly if obj is not None else (*readonly, "position")

    def apply(self, request, column, data, change):
        values = (data["title"], data["task_limit"], data["description"] or "")
        if not change:
            return columns.add_column(data["project"].pk, *values)
        columns.update_column(column.pk, *values)
        stored = Column.objects.get(pk=column.pk)
        if data["position"] is not None and data["position"] != stored.position:
            columns.change_column_position(column.project_id, column.pk, data["position"])
        return column.pk

    def remove(self, obj):
        columns.remove_column(obj.pk)


@admin.register(Swimlane)
class SwimlaneAdmin(BoardPartAdmin):
    """Added after the active swimlanes (addSwimlane), renamed as updateSwimlane, moved as
    changeSwimlanePosition, enabled and disabled by the actions."""

    list_display = ("name", "project", "position", "is_active")
    search_fields = ("name", "project__name")
    ordering = ("project", "-is_active", "position")
    fieldsets = (
        (None, {"fields": ("project", "name", "description", "position")}),
        ("Status", {"fields": ("is_active", "task_limit"),
                    "description": "Enabled and disabled with the list's actions; the task "
                                   "limit is set in Kanboard's board settings (no API "
                                   "procedure changes it)."}),
    )  # fmt: skip
    actions = ["enable", "disable"]

    def get_readonly_fields(self, request, obj=None):
        readonly = (*super().get_readonly_fields(request, obj), "is_active", "task_limit")
        if obj is None or not obj.is_active:
            readonly = (*readonly, "position")  # a disabled swimlane has no place
        return readonly

    def apply(self, request, swimlane, data, change):
        if not change:
            return swimlanes.add_swimlane(data["project"].pk, data["name"], data["description"])
        swimlanes.update_swimlane(
            swimlane.project_id, swimlane.pk, data["name"], data["description"] or ""
        )
        stored = Swimlane.objects.get(pk=swimlane.pk)
        if data.get("position") is not None and data["position"] != stored.position:
            swimlanes.change_swimlane_position(swimlane.project_id, swimlane.pk, data["position"])
        return swimlane.pk

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
    fields = ("project", "name", "color_id", "description")
    readonly_fields = ("description",)

    def apply(self, request, category, data, change):
        if not change:
            return categories.create_category(data["project"].pk, data["name"], data["color_id"])
        categories.update_category(category.pk, data["name"], data["color_id"])
        return category.pk

    def remove(self, obj):
        categories.remove_category(obj.pk)


class MetadataAdmin(DomainSaveMixin, admin.ModelAdmin):
    """Name/value pairs saved and removed through projects.metadata (Kanboard's limits,
    who changed them); a pair is renamed by removing it and saving the new name."""

    store: Metadata
    owner: str

    def get_fields(self, request, obj=None):
        return (self.owner, "name", "value")

    def get_readonly_fields(self, request, obj=None):
        return (self.owner,) if obj is not None else ()

    def apply(self, request, pair, data, change):
        owner_id = getattr(pair, f"{self.owner}_id") if change else data[self.owner].pk
        if change and data["name"] != type(pair).objects.get(pk=pair.pk).name:
            self.store.remove(owner_id, type(pair).objects.get(pk=pair.pk).name)
        self.store.save(owner_id, {data["name"]: data["value"] or ""}, request.user.pk)
        rows = self.model.objects.filter(**{f"{self.owner}_id": owner_id, "name": data["name"]})
        return rows.values_list("pk", flat=True).get()

    def delete_model(self, request, obj):
        self.store.remove(getattr(obj, f"{self.owner}_id"), obj.name)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(ProjectMetadata)
class ProjectMetadataAdmin(MetadataAdmin):
    store, owner = project_metadata, "project"
    list_display = ("project", "name", "value")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")
    raw_id_fields = ("project",)


@admin.register(ProjectFile)
class ProjectFileAdmin(FileAdmin):
    remove = staticmethod(lambda file: remove_project_file(file.project_id, file.pk))
    list_display = ("name", "project", "size", "uploader", "date", "download")
    list_select_related = ("project",)
    search_fields = ("name", "project__name")


@admin.register(ProjectRole)
class ProjectRoleAdmin(admin.ModelAdmin):
    """Custom project roles: their holders are refused every project call of the API.

    Added here; never renamed or removed here, since Kanboard then renames the role of
    its holders, or makes them project members, which no domain function of this
    project does yet (a raw change would leave holders with a role that is not the
    project's)."""

    list_display = ("role", "project")
    list_select_related = ("project",)
    search_fields = ("role", "project__name")
    raw_id_fields = ("project",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
