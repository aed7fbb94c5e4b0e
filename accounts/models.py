"""Users, groups, login history and the application settings store.

Table and column names are Kanboard's, so a Kanboard database maps onto them one to one
and the API returns the same rows Kanboard returns.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models

from accounts import passwords
from accounts.roles import APP_ADMIN, APP_USER


class UserManager(BaseUserManager):
    def create_user(self, username: str, password: str | None = None, **fields) -> User:
        user = self.model(username=username, **fields)
        if password:
            user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, username: str, password: str | None = None, **fields) -> User:
        fields["role"] = APP_ADMIN
        return self.create_user(username, password, **fields)


class User(AbstractBaseUser):
    """Kanboard's ``users`` row.

    The application role (``role``) is the single source of truth for rights: it decides
    API access and, through ``is_staff``/``is_superuser``, access to the Django admin.
    """

    username = models.TextField(unique=True)
    password = models.CharField(max_length=255, null=True, blank=True)
    # Legacy columns that Kanboard's SQLite schema still returns; never written by the API.
    is_admin = models.IntegerField(default=0)
    is_ldap_user = models.BooleanField(default=False)
    name = models.CharField(max_length=255, null=True, blank=True)
    email = models.CharField(max_length=255, null=True, blank=True)
    google_id = models.CharField(max_length=255, null=True, blank=True)
    github_id = models.CharField(max_length=30, null=True, blank=True)
    notifications_enabled = models.BooleanField(default=False)
    timezone = models.CharField(max_length=50, null=True, blank=True)
    language = models.CharField(max_length=11, null=True, blank=True)
    disable_login_form = models.BooleanField(default=False)
    twofactor_activated = models.BooleanField(default=False)
    # Ours: 32 base32 characters (160 bits, RFC 4226); Kanboard writes 16 into VARCHAR(16).
    twofactor_secret = models.CharField(max_length=32, null=True, blank=True)
    token = models.CharField(max_length=255, null=True, blank=True, default="")
    notifications_filter = models.IntegerField(default=4)
    nb_failed_login = models.IntegerField(default=0)
    lock_expiration_date = models.BigIntegerField(default=0)
    is_project_admin = models.IntegerField(default=0)
    gitlab_id = models.IntegerField(null=True, blank=True)
    role = models.CharField(max_length=25, default=APP_USER)
    is_active = models.BooleanField(default=True)
    avatar_path = models.CharField(max_length=255, null=True, blank=True)
    api_access_token = models.CharField(max_length=255, null=True, blank=True, default=None)
    filter = models.TextField(null=True, blank=True)
    theme = models.TextField(default="light")

    # Kanboard keeps login history in last_logins, not on the row.
    last_login = None

    objects = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        db_table = "users"

    def __str__(self) -> str:
        return self.username

    @property
    def display_name(self) -> str:
        return self.name or self.username

    @property
    def is_staff(self) -> bool:
        return self.is_active and self.role == APP_ADMIN

    @property
    def is_superuser(self) -> bool:
        return self.is_staff

    def has_perm(self, perm: str, obj=None) -> bool:
        return self.is_superuser

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_superuser

    def set_password(self, raw_password: str | None) -> None:
        self.password = passwords.hash_password(raw_password) if raw_password else None

    def check_password(self, raw_password: str) -> bool:
        return passwords.verify_password(raw_password, self.password)

    def set_unusable_password(self) -> None:
        self.password = None

    def has_usable_password(self) -> bool:
        return bool(self.password)


class LastLogin(models.Model):
    """One row per successful User API authentication; the newest 10 are kept per user."""

    auth_type = models.CharField(max_length=25, null=True, blank=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="last_logins")
    ip = models.CharField(max_length=45, null=True, blank=True)
    user_agent = models.CharField(max_length=255, null=True, blank=True)
    date_creation = models.BigIntegerField(null=True, blank=True)

    class Meta:
        db_table = "last_logins"
        indexes = [models.Index(fields=["user"], name="last_logins_user_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.auth_type} {self.date_creation}"


class UserNotificationType(models.Model):
    """How a user wants to be notified ("email", "web")."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notification_types")
    notification_type = models.CharField(max_length=50, null=True, blank=True)

    class Meta:
        db_table = "user_has_notification_types"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "notification_type"], name="user_has_notification_types_user_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.notification_type}"


class Group(models.Model):
    external_id = models.CharField(max_length=255, null=True, blank=True, default="")
    name = models.TextField(unique=True)

    class Meta:
        db_table = "groups"

    def __str__(self) -> str:
        return self.name


class GroupMember(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="group_memberships")

    class Meta:
        db_table = "group_has_users"
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="group_has_users_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id}"


class Setting(models.Model):
    """Kanboard's key/value ``settings`` table (application token, URL, defaults...)."""

    option = models.CharField(max_length=100, primary_key=True)
    value = models.TextField(null=True, blank=True, default="")
    changed_by = models.IntegerField(default=0)
    changed_on = models.IntegerField(default=0)

    class Meta:
        db_table = "settings"

    def __str__(self) -> str:
        return self.option


class PersonalToken(models.Model):
    """A named personal access token, sent as the Basic-auth password like Kanboard's.

    Only a salted hash of the secret is kept; ``prefix`` (the start of the secret, unique)
    finds the row, ``last_characters`` lets its owner recognise it. Ours: Kanboard has a
    single clear-text token per user (``users.api_access_token``)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="personal_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    salt = models.CharField(max_length=32)
    secret_hash = models.CharField(max_length=64)
    last_characters = models.CharField(max_length=4)
    read_only = models.BooleanField(default=False)
    created = models.DateTimeField()
    expires = models.DateTimeField(null=True, blank=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "personal_tokens"

    def __str__(self) -> str:
        return f"{self.prefix}…{self.last_characters}"


class RecoveryCode(models.Model):
    """A one-time code that replaces the authenticator app once (hashed, like tokens)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    used = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "recovery_codes"

    def __str__(self) -> str:
        return f"recovery code {self.pk} of {self.user_id}"


class SignInBucket(models.Model):
    """A token bucket that paces sign-in attempts (per address, per account name).

    ``key`` is a keyed hash, never the address or the name itself."""

    key = models.CharField(max_length=80, unique=True)
    tokens = models.FloatField()
    updated = models.DateTimeField()

    class Meta:
        db_table = "sign_in_buckets"

    def __str__(self) -> str:
        return self.key


class TwoFactorStep(models.Model):
    """The newest 30-second step whose code signed the user in: each code works once
    (RFC 6238 §5.2), even within its validity window."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True)
    last_step = models.BigIntegerField(default=0)

    class Meta:
        db_table = "twofactor_steps"

    def __str__(self) -> str:
        return f"{self.user_id} {self.last_step}"
