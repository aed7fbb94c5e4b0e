"""The operators' view of users, groups and settings: the same domain functions as
the API, and never a password hash, 2FA secret or token on screen."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import Group as AuthGroup
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from accounts import groups, lockout, tokens, users
from accounts.config import rotate_application_token, set_config
from accounts.models import (
    Group,
    GroupMember,
    LastLogin,
    PersonalToken,
    Setting,
    User,
)
from accounts.roles import APP_USER, APPLICATION_ROLES
from kanboard_site.admin_domain import DomainSaveMixin, timestamp_display
from notifications.forms import NotificationSettingsFields
from notifications.preferences import save_settings

SECRET_FIELDS = ("password", "twofactor_secret", "api_access_token", "token")
SECRET_SETTINGS = ("api_token", "webhook_token", "webhook_secret")


class NoSecretLookups:
    """Refuse filtering by secrets in the changelist URL (Django's #20078)."""

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__")[0] in SECRET_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)


class UserForm(forms.ModelForm):
    """What updateUser changes, and the account's status and password."""

    role = forms.ChoiceField(choices=[("", "(no role: refused everywhere)"),
                                      *APPLICATION_ROLES.items()], required=False)  # fmt: skip
    new_password = forms.CharField(
        widget=forms.PasswordInput, strip=False, required=False,
        help_text="Leave empty to keep the current password.",
    )  # fmt: skip

    class Meta:
        model = User
        fields = ("username", "name", "email", "role", "is_active")
        widgets = {"username": forms.TextInput(attrs={"class": "vTextField"})}


class UserChangeForm(NotificationSettingsFields, UserForm):
    """With the user's notification settings, as the user sets them in the account area."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.show_settings_of(self.instance)


NOTIFICATION_FIELDS = ("notification_types", "notifications_filter", "notification_projects")


class UserCreationForm(UserForm):
    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    role = forms.ChoiceField(choices=list(APPLICATION_ROLES.items()), initial=APP_USER)


CREATION_FIELDS = ("username", "password", "name", "email", "role")


class LockedFilter(admin.SimpleListFilter):
    title = "lockout"
    parameter_name = "lockout"

    def lookups(self, request, model_admin):
        return [("locked", "Locked now"), ("failures", "With failed logins")]

    def queryset(self, request, queryset):
        if self.value() == "locked":
            return queryset.filter(lock_expiration_date__gte=lockout.now())
        if self.value() == "failures":
            return queryset.filter(nb_failed_login__gt=0)
        return queryset


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    raw_id_fields = ("user",)
    extra = 0


@admin.register(User)
class UserAdmin(NoSecretLookups, DomainSaveMixin, admin.ModelAdmin):
    """Creations, changes (updateUser's fields), disabling and enabling, passwords and
    removals through accounts.users, as the API and the commands do."""

    list_display = (
        "username", "name", "email", "role", "is_active", "is_locked", "failed_logins",
        "last_login_at",
    )  # fmt: skip
    ordering = ("username",)
    list_filter = ("role", "is_active", LockedFilter, "twofactor_activated")
    search_fields = ("username", "name", "email")
    readonly_fields = (
        "nb_failed_login", "locked_until", "last_login_at", "has_api_token",
        "twofactor_activated", "notifications_enabled", "timezone", "language",
        "disable_login_form", "is_ldap_user",
    )  # fmt: skip
    fieldsets = (
        (None, {"fields": ("username", "name", "email", "role", "is_active", "new_password")}),
        ("Logins", {"fields": ("nb_failed_login", "locked_until", "last_login_at",
                               "has_api_token", "twofactor_activated")}),
        ("Preferences", {"fields": ("timezone", "language", "disable_login_form",
                                    "is_ldap_user"),
                         "description": "Kept as Kanboard's own user settings wrote them; "
                                        "the API does not change them."}),
        ("Notifications", {"fields": ("notifications_enabled", *NOTIFICATION_FIELDS),
                           "description": "The user's own settings (account area, "
                                          "Notification settings); notifications are "
                                          "enabled while a method is selected."}),
    )  # fmt: skip
    add_fieldsets = ((None, {"fields": CREATION_FIELDS}),)
    form = UserChangeForm
    actions = ["unlock", "disable", "enable", "revoke_api_tokens"]

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets if obj else self.add_fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = UserCreationForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(last_login_date=Max("last_logins__date_creation"))
        )

    def apply(self, request, user, data, change):
        if not change:
            return users.create_user(*[data.get(field) or "" for field in CREATION_FIELDS]).pk
        users.update_user(user.pk, data["username"], data["name"] or "", data["email"] or "",
                          data["role"])  # fmt: skip
        if data["is_active"] != User.objects.get(pk=user.pk).is_active:
            (users.enable_user if data["is_active"] else users.disable_user)(user.pk)
        if data.get("new_password"):
            users.set_password(user, data["new_password"])
        save_settings(user, data["notification_types"], data["notifications_filter"],
                      data["notification_projects"])  # fmt: skip
        return user.pk

    @admin.display(boolean=True, description="locked")
    def is_locked(self, obj):
        return lockout.is_locked(obj)

    @admin.display(description="failed logins", ordering="nb_failed_login")
    def failed_logins(self, obj):
        return obj.nb_failed_login

    locked_until = timestamp_display("locked until", "lock_expiration_date")
    last_login_at = timestamp_display("last login", "last_login_date")

    @admin.display(boolean=True, description="personal API token")
    def has_api_token(self, obj):
        return bool(obj.api_access_token)

    def delete_model(self, request, obj):
        users.remove_user(obj.pk)

    def delete_queryset(self, request, queryset):
        for user_id in queryset.values_list("pk", flat=True):
            users.remove_user(user_id)

    @admin.action(description="Unlock selected users")
    def unlock(self, request, queryset):
        unlocked = sum(users.unlock_user(user) for user in queryset)
        self.message_user(request, f"{unlocked} user(s) unlocked.")

    @admin.action(description="Disable selected users")
    def disable(self, request, queryset):
        for user_id in queryset.values_list("pk", flat=True):
            users.disable_user(user_id)
        self.message_user(request, "Users disabled.")

    @admin.action(description="Enable selected users")
    def enable(self, request, queryset):
        for user_id in queryset.values_list("pk", flat=True):
            users.enable_user(user_id)
        self.message_user(request, "Users enabled.")

    @admin.action(description="Revoke personal API tokens")
    def revoke_api_tokens(self, request, queryset):
        revoked = sum(users.revoke_api_token(user) for user in queryset)
        self.message_user(request, f"{revoked} token(s) revoked.")


@admin.register(Group)
class GroupAdmin(DomainSaveMixin, admin.ModelAdmin):
    """Groups and their members through accounts.groups, as createGroup, updateGroup,
    addGroupMember and removeGroupMember."""

    list_display = ("name", "external_id")
    ordering = ("name",)
    search_fields = ("name", "external_id")
    inlines = [GroupMemberInline]

    def apply(self, request, group, data, change):
        external_id = data.get("external_id") or ""
        if not change:
            return groups.create_group(data["name"], external_id).pk
        groups.update_group(group.pk, data["name"], external_id)
        return group.pk

    def save_formset(self, request, form, formset, change):
        # What the admin's history reads (formset.save() would have set these).
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        group_id = formset.instance.pk
        for member_form in formset.forms:
            before = member_form.initial.get("user")
            if member_form in formset.deleted_forms:
                if before is not None:
                    groups.remove_member(group_id, before)
                    formset.deleted_objects.append(member_form.instance)
            elif member_form.has_changed():
                if before is not None:
                    groups.remove_member(group_id, before)
                groups.add_member(group_id, member_form.cleaned_data["user"].pk)
                formset.new_objects.append(member_form.instance)

    def delete_model(self, request, obj):
        groups.remove_group(obj.pk)

    def delete_queryset(self, request, queryset):
        for group_id in queryset.values_list("pk", flat=True):
            groups.remove_group(group_id)


@admin.register(LastLogin)
class LastLoginAdmin(admin.ModelAdmin):
    list_display = ("user", "auth_type", "ip", "user_agent", "date_creation")
    list_select_related = ("user",)
    search_fields = ("user__username", "ip")
    raw_id_fields = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Setting)
class SettingAdmin(admin.ModelAdmin):
    list_display = ("option", "shown_value", "changed_on")
    ordering = ("option",)
    search_fields = ("option",)

    @admin.display(description="value")
    def shown_value(self, obj):
        return "(hidden)" if obj.option in SECRET_SETTINGS else obj.value

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.option in SECRET_SETTINGS:
            return ("option", "value")
        return ("option",) if obj else ()

    def get_fields(self, request, obj=None):
        if obj is not None and obj.option in SECRET_SETTINGS:
            return ("option",)
        return ("option", "value")

    def save_model(self, request, obj, form, change):
        set_config(obj.option, obj.value or "", changed_by=request.user.pk)

    def get_urls(self):
        rotate = path(
            "rotate-api-token/",
            self.admin_site.admin_view(self.rotate_token_view),
            name="accounts_setting_rotate_api_token",
        )
        return [rotate, *super().get_urls()]

    @method_decorator(never_cache)
    def rotate_token_view(self, request):
        """Confirm, then rotate as ``manage.py rotate_api_token`` does and show the new
        token this once (it is never stored anywhere but in the settings table)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Rotate the application API token",
            "opts": self.opts,
            "overridden": bool(settings.API_AUTHENTICATION_TOKEN),
        }
        if request.method == "POST" and not context["overridden"]:
            context["token"] = rotate_application_token()
        return TemplateResponse(request, "admin/accounts/setting/rotate_token.html", context)


# Personal access tokens: operators see and revoke them; only their owners create them.
@admin.register(PersonalToken)
class PersonalTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "shown_token", "read_only", "created", "expires", "last_used")
    list_display += ("revoked",)
    list_filter = ("read_only",)
    list_select_related = ("user",)
    search_fields = ("user__username", "name", "prefix")
    fields = ("user", "name", "shown_token", "read_only", "created", "expires", "last_used")
    fields += ("revoked",)
    readonly_fields = fields
    actions = ["revoke"]

    @admin.display(description="token")
    def shown_token(self, obj):
        return str(obj)

    def has_add_permission(self, request):
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request, queryset):
        count = sum(tokens.revoke_token(token.user, token.pk) for token in queryset)
        self.message_user(request, f"{count} token(s) revoked.", messages.SUCCESS)


# Django's own groups are not Kanboard's (accounts.Group) and nothing reads them.
admin.site.unregister(AuthGroup)
# The lists need the width: operators navigate from the dashboard and the breadcrumbs.
admin.site.enable_nav_sidebar = False


def change_own_password(request, extra_context=None):
    """The header's "change password" link leads to the operator's own user page, where
    a new password goes through users.set_password (Kanboard's rules), not Django's form."""
    return redirect("admin:accounts_user_change", request.user.pk)


admin.site.password_change = change_own_password
admin.site.site_header = "Kanboard administration"
# "View site": the operator's own account area (this server has no other web pages).
admin.site.site_url = "/account/"
admin.site.site_title = "Kanboard admin"
admin.site.index_title = "Dashboard"
admin.site.index_template = "admin/kanboard_index.html"
