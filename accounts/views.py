"""The account area at /account/: sign in and out, personal access tokens, password,
two-factor authentication, web notifications and notification settings, for every active
user.

Views parse forms and call the domain (``signin``, ``tokens``, ``twofactor``, ``users``);
secrets (a new token, recovery codes) are shown once and never cached by the browser.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as start_session
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LogoutView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import lockout, signin, tokens, twofactor, users
from accounts.credentials import AUTH_DATABASE, UserLogin
from accounts.forms import (
    BAD_CREDENTIALS,
    CodeForm,
    CurrentPasswordForm,
    PasswordChangeForm,
    SignInForm,
    TokenForm,
)
from accounts.lookups import user_with_id
from notifications import web
from notifications.forms import NotificationSettingsForm

SESSION_BACKEND = "accounts.backends.KanboardPasswordBackend"
PENDING_SIGN_IN = "account_pending_sign_in"
PENDING_SECRET = "account_pending_twofactor_secret"
NEW_TOKEN = "account_new_token"
# How long the code step waits after the password step.
PENDING_SECONDS = 300
INVALID_CODE = "The code is not valid"
TOO_MANY = "Too many attempts. Wait a few minutes, then try again."


def _visitor(request: HttpRequest) -> signin.Visitor:
    return signin.Visitor(_client_address(request), request.headers.get("User-Agent", ""))


def _client_address(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind a proxy the last address of the header it sets (the one it
    added itself; whatever a client sent comes before it)."""
    header = settings.SIGN_IN_ADDRESS_HEADER
    forwarded = request.headers.get(header, "") if header else ""
    if forwarded.strip():
        return forwarded.split(",")[-1].strip()[:45]
    return request.META.get("REMOTE_ADDR")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("accounts:home")


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "accounts/too_many.html", {"message": TOO_MANY}, status=429)
    response["Retry-After"] = "300"
    return response


def _finish_sign_in(request: HttpRequest, login: UserLogin, next_url: str) -> HttpResponse:
    signin.complete(login, _visitor(request))
    start_session(request, login.user, backend=SESSION_BACKEND)
    return redirect(next_url)


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        # Not to ``next``: the admin sends signed-in users who may not use it here.
        if _next_url(request).startswith(reverse("admin:index")) and not request.user.is_staff:
            messages.error(request, "Only administrators may use the admin.")
        return redirect("accounts:home")
    visitor = _visitor(request)
    username = request.POST.get("username", "")
    captcha = signin.captcha_required(username, visitor)
    form = SignInForm(captcha=captcha)
    error = None
    if request.method == "POST":
        if not signin.within_rate_limits(username, visitor):
            return _too_many(request)
        bound = SignInForm(request.POST, captcha=captcha)
        login = None
        if bound.is_valid():
            login = signin.check_password(
                username, bound.cleaned_data["password"], visitor, captcha_solved=captcha
            )
        if login is not None and login.user.twofactor_activated:
            request.session[PENDING_SIGN_IN] = {
                "user_id": login.user.pk,
                "at": int(time.time()),
                "unlocking": captcha,
                "next": _next_url(request),
            }
            return redirect("accounts:sign_in_code")
        if login is not None:
            return _finish_sign_in(request, login, _next_url(request))
        # A fresh form: a new captcha (each is good for one try), no password kept.
        form = SignInForm(
            initial={"username": username},
            captcha=signin.captcha_required(username, visitor),
        )
        error = BAD_CREDENTIALS
    context = {"form": form, "error": error, "next": _next_url(request)}
    return render(request, "accounts/sign_in.html", context)


@never_cache
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step for two-factor users, after the right password."""
    pending = request.session.get(PENDING_SIGN_IN)
    user = user_with_id(pending["user_id"]) if pending else None
    expired = pending is None or time.time() - pending["at"] > PENDING_SECONDS
    if user is None or expired or not user.is_active:
        request.session.pop(PENDING_SIGN_IN, None)
        return redirect("accounts:sign_in")
    visitor = _visitor(request)
    error = None
    if request.method == "POST":
        if not signin.within_rate_limits(user.username, visitor):
            return _too_many(request)
        if lockout.is_locked(user) and not pending["unlocking"]:
            # Locked by wrong codes meanwhile: back to the password and the captcha.
            request.session.pop(PENDING_SIGN_IN, None)
            return redirect("accounts:sign_in")
        form = CodeForm(request.POST)
        login = UserLogin(user, AUTH_DATABASE)
        if form.is_valid() and signin.check_second_factor(
            login, form.cleaned_data["code"], visitor
        ):
            request.session.pop(PENDING_SIGN_IN, None)
            return _finish_sign_in(request, login, pending["next"])
        error = INVALID_CODE
    return render(request, "accounts/sign_in_code.html", {"form": CodeForm(), "error": error})


class SignOutView(LogoutView):
    next_page = "accounts:sign_in"


@never_cache
@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = TokenForm()
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            token, secret = tokens.create_token(
                user,
                form.cleaned_data["name"],
                read_only=form.cleaned_data["read_only"],
                expires=form.expiry(),
            )
            request.session[NEW_TOKEN] = {"id": token.pk, "secret": secret}
            return redirect("accounts:home")
    return render(
        request,
        "accounts/home.html",
        {
            "form": form,
            "tokens": tokens.tokens_of(user),
            "new_token": request.session.pop(NEW_TOKEN, None),
            "legacy_token": bool(user.api_access_token),
            "now": timezone.now(),
        },
    )


@require_POST
@login_required
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    if tokens.revoke_token(request.user, token_id):
        messages.success(request, "The token is revoked: clients using it are refused.")
    return redirect("accounts:home")


@require_POST
@login_required
def remove_legacy_token(request: HttpRequest) -> HttpResponse:
    if users.revoke_api_token(request.user):
        messages.success(request, "The Kanboard API token is removed.")
    return redirect("accounts:home")


@never_cache
@login_required
def password(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PasswordChangeForm(user)
    if request.method == "POST":
        if not signin.within_rate_limits(user.username, _visitor(request)):
            return _too_many(request)
        form = PasswordChangeForm(user, request.POST)
        if form.is_valid():
            users.set_password(user, form.cleaned_data["new_password"])
            # This session stays signed in; the others, and every API client still
            # sending the old password, are refused from now on.
            update_session_auth_hash(request, user)
            messages.success(request, "Your password is changed.")
            return redirect("accounts:home")
    return render(request, "accounts/password.html", {"form": form})


@never_cache
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.twofactor_activated:
        return _two_factor_active(request, user)
    secret = request.session.get(PENDING_SECRET) or twofactor.new_secret()
    request.session[PENDING_SECRET] = secret
    error = None
    if request.method == "POST":
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                codes = twofactor.enable(user, secret, form.cleaned_data["code"])
            except ValidationError:
                pass
            else:
                request.session.pop(PENDING_SECRET, None)
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
        error = f"{INVALID_CODE}: scan the QR code again, then retry."
    uri = twofactor.provisioning_uri(user, secret)
    context = {
        "form": CodeForm(),
        "error": error,
        "secret": secret,
        "qr_code": twofactor.qr_code_svg(uri),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _two_factor_active(request: HttpRequest, user) -> HttpResponse:
    form = CurrentPasswordForm(user)
    if request.method == "POST":
        if not signin.within_rate_limits(user.username, _visitor(request)):
            return _too_many(request)
        form = CurrentPasswordForm(user, request.POST)
        if form.is_valid():
            if request.POST.get("action") == "recovery_codes":
                codes = twofactor.new_recovery_codes(user)
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
            twofactor.disable(user)
            messages.success(request, "Two-factor authentication is off.")
            return redirect("accounts:home")
    context = {"form": form, "unused_codes": twofactor.unused_recovery_codes(user)}
    return render(request, "accounts/two_factor_active.html", context)


@never_cache
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    context = {"notifications": web.unread_notifications(request.user)}
    return render(request, "accounts/notifications.html", context)


@require_POST
@login_required
def dismiss_notification(request: HttpRequest, notification_id: int) -> HttpResponse:
    # Someone else's id, or one already read, changes nothing: the list shows what is left.
    web.mark_read(request.user, notification_id)
    return redirect("accounts:notifications")


@require_POST
@login_required
def dismiss_all_notifications(request: HttpRequest) -> HttpResponse:
    web.mark_all_read(request.user)  # the page then says there is none, as Kanboard's
    return redirect("accounts:notifications")


@never_cache
@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = NotificationSettingsForm(user)
    if request.method == "POST":
        form = NotificationSettingsForm(user, request.POST)
        if form.is_valid():
            try:
                form.save_settings(user)
            except ValidationError as refused:  # e.g. removed from a project meanwhile
                form.add_error(None, refused)
            else:
                messages.success(request, "Your notification settings are saved.")
                return redirect("accounts:notification_settings")
    return render(request, "accounts/notification_settings.html", {"form": form})
