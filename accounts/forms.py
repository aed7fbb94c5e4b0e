"""Forms of the account area; the rules themselves live in the domain modules."""

from __future__ import annotations

from datetime import timedelta

from captcha.fields import CaptchaField
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import passwords, tokens, users
from accounts.models import User

BAD_CREDENTIALS = "Bad username or password"


class SignInForm(forms.Form):
    username = forms.CharField(max_length=users.USERNAME_MAX_LENGTH, strip=False)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, captcha: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            autocomplete="username", autocapitalize="none", autofocus=True
        )
        self.fields["password"].widget.attrs.update(autocomplete="current-password")
        if captcha:
            self.fields["captcha"] = CaptchaField(
                label="Characters in the image",
                error_messages={"invalid": BAD_CREDENTIALS, "required": BAD_CREDENTIALS},
            )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app, or a recovery code",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


EXPIRY_CHOICES = [("", "Never"), ("7", "In 7 days"), ("30", "In 30 days"), ("90", "In 90 days")]
EXPIRY_CHOICES.append(("365", "In a year"))


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=tokens.NAME_MAX_LENGTH,
        help_text="What will use it, e.g. “phone” or “backup script”.",
    )
    expires_in = forms.ChoiceField(label="Expires", choices=EXPIRY_CHOICES, required=False)
    read_only = forms.BooleanField(
        label="Read-only (only procedures that change nothing)", required=False
    )

    def expiry(self):
        days = self.cleaned_data.get("expires_in")
        return timezone.now() + timedelta(days=int(days)) if days else None


class CurrentPasswordForm(forms.Form):
    """Confirms a sensitive change with the password of the signed-in user."""

    current_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False
    )

    def __init__(self, user: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_current_password(self) -> str:
        password = self.cleaned_data["current_password"]
        if not passwords.verify_password(password, self.user.password):
            raise ValidationError("Wrong password")
        return password


class PasswordChangeForm(CurrentPasswordForm):
    new_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text=f"At least {users.PASSWORD_MIN_LENGTH} characters.",
    )
    confirmation = forms.CharField(
        label="New password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean_new_password(self) -> str:
        try:
            return users.check_password(self.cleaned_data["new_password"])
        except ValidationError as invalid:
            raise ValidationError(invalid.messages) from None

    def clean(self):
        data = super().clean()
        if data.get("new_password") and data.get("new_password") != data.get("confirmation"):
            self.add_error("confirmation", "Passwords don't match")
        return data
