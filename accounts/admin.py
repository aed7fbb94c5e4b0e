"""The operators' view of users, groups and settings: the same domain functions as
the API, and never a password hash, 2FA secret or token on screen."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from accounts import lockout, tokens, users
from accounts.config import rotate_application_token
from accounts.models import (
    Group,
    GroupMember,
    LastLogin,
    PersonalToken,
    Setting,
    User,
    UserNotificationType,
)
from accounts.roles import APPLICATION_ROLES

SECRET_FIELDS = ("password", "twofactor_secret", "api_access_token", "token")
SECRET_SETTINGS = ("api_token", "webhook_token")


class NoSecretLookups:
    """Refuse filtering by secrets in the changelist URL (Django's #20078)."""

    def lookup_allowed(self, lookup, value, request=None):
        if lookup.split("__")[0] in SECRET_FIELDS:
            return False
        return super().lookup_allowed(lookup, value, request)


class UserCreationForm(forms.ModelForm):
    """Kanboard's rules for a new user (users.new_user), checked before saving."""

    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    role = forms.ChoiceField(choices=list(APPLICATION_ROLES.items()))

    class Meta:
        model = User
        fields = ("username", "name", "email", "role")

    def clean(self):
        data = super().clean()
        try:
            users.new_user(*creation_values(data))
        except ValidationError as invalid:
            raise forms.ValidationError(invalid.messages) from None
        return data


CREATION_FIELDS = ("username", "password", "name", "email", "role")


def creation_values(data: dict) -> list[str]:
    return [data.get(field) or "" for field in CREATION_FIELDS]


class NotificationTypeInline(admin.TabularInline):
    model = UserNotificationType
    extra = 0


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    raw_id_fields = ("user",)
    extra = 0


@admin.register(User)
class UserAdmin(NoSecretLookups, admin.ModelAdmin):
    list_display = ("username", "name", "email", "role", "is_active", "is_locked")
    ordering = ("username",)
    list_filter = ("role", "is_active", "twofactor_activated")
    search_fields = ("username", "name", "email")
    readonly_fields = ("nb_failed_login", "lock_expiration_date", "has_api_token")
    exclude = ("password", "twofactor_secret", "api_access_token", "token")
    actions = ["unlock", "disable", "enable", "revoke_api_tokens"]
    inlines = [NotificationTypeInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []  # a new user is made by the domain function alone

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = UserCreationForm
            kwargs["exclude"] = None
            kwargs["fields"] = CREATION_FIELDS
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        obj.pk = users.create_user(*creation_values(form.cleaned_data)).pk

    @admin.display(boolean=True, description="locked")
    def is_locked(self, obj):
        return lockout.is_locked(obj)

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
        for user in queryset:
            users.unlock_user(user)
        self.message_user(request, f"{queryset.count()} user(s) unlocked.")

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
class GroupAdmin(admin.ModelAdmin):
    list_display = ("name", "external_id")
    ordering = ("name",)
    search_fields = ("name", "external_id")
    inlines = [GroupMemberInline]


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
    actions = ["rotate_token"]

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

    @admin.action(description="Rotate the application API token")
    def rotate_token(self, request, queryset):
        rotate_application_token()
        self.message_user(
            request,
            "Application token rotated. Read it with 'manage.py show_api_token'.",
            messages.SUCCESS,
        )


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
