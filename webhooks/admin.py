"""The admin of webhooks: the project webhooks (added, changed, disabled through
webhooks.project_webhooks), the global webhook's page (URL, token, secret, through
webhooks.global_webhook), every webhook's delivery log, and "Send test"."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kanboard_site.admin_domain import DomainSaveMixin
from webhooks import global_webhook, project_webhooks
from webhooks.delivery import send_test_event
from webhooks.models import ProjectWebhook, WebhookAttempt


def log_of(webhook: ProjectWebhook | None) -> list[WebhookAttempt]:
    return list(
        WebhookAttempt.objects.filter(webhook=webhook)
        .select_related("delivery")
        .order_by("-id")[: settings.WEBHOOK_LOG_SIZE]
    )


def send_test(request, webhook: ProjectWebhook | None) -> None:
    """Send the test event now and tell the outcome on the next page."""
    attempt = send_test_event(webhook, request.user.username)
    if attempt is None:
        messages.warning(request, "Nothing sent: the webhook has no URL or is disabled.")
    elif attempt.error or not 200 <= attempt.http_status < 300:
        messages.error(request, f"Test event not delivered: {attempt.outcome}.")
    else:
        messages.success(request, f"Test event delivered: {attempt.outcome}.")


class ProjectWebhookForm(forms.ModelForm):
    url = forms.URLField(label="URL", max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=[(name, name) for name in project_webhooks.EVENT_NAMES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="None checked: every event.",
    )

    class Meta:
        model = ProjectWebhook
        fields = ("project", "url", "active", "events")


@admin.register(ProjectWebhook)
class ProjectWebhookAdmin(DomainSaveMixin, admin.ModelAdmin):
    form = ProjectWebhookForm
    list_display = ("url", "project", "active", "taken_events")
    list_filter = ("active",)
    list_select_related = ("project",)
    search_fields = ("url", "project__name")
    raw_id_fields = ("project",)
    actions = ["disable", "renew_secret"]
    change_form_template = "admin/webhooks/projectwebhook/change_form.html"

    def get_readonly_fields(self, request, obj=None):
        return ("project", "secret") if obj else ()

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("project", "url", "active", "events")
        return ("project", "url", "active", "events", "secret")

    @admin.display(description="events")
    def taken_events(self, webhook):
        return ", ".join(webhook.events) or "all"

    def apply(self, request, obj, data, change):
        if change:
            webhook = project_webhooks.update_project_webhook(
                obj.pk, data["url"], data["events"], data["active"]
            )
        else:
            webhook = project_webhooks.create_project_webhook(
                data["project"].pk, data["url"], data["events"], data["active"]
            )
        return webhook.pk

    @admin.action(description="Disable the selected webhooks")
    def disable(self, request, queryset):
        count = project_webhooks.disable_project_webhooks(
            list(queryset.values_list("pk", flat=True))
        )
        self.message_user(request, f"{count} webhook(s) disabled.", messages.SUCCESS)

    @admin.action(description="Renew the secret of the selected webhooks")
    def renew_secret(self, request, queryset):
        for webhook_id in queryset.values_list("pk", flat=True):
            project_webhooks.renew_project_webhook_secret(webhook_id)
        self.message_user(request, "New secrets made: give each to its receiver.", messages.SUCCESS)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        webhook = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "log": log_of(webhook) if webhook else []}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        send = path(
            "<int:webhook_id>/send-test/",
            self.admin_site.admin_view(self.send_test_view),
            name="webhooks_projectwebhook_send_test",
        )
        return [send, *super().get_urls()]

    @method_decorator(require_POST)
    def send_test_view(self, request, webhook_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        webhook = get_object_or_404(ProjectWebhook, pk=webhook_id)
        send_test(request, webhook)
        return redirect("admin:webhooks_projectwebhook_change", webhook_id)


class GlobalWebhookForm(forms.Form):
    url = forms.CharField(
        label="Webhook URL", required=False, max_length=2000, help_text="Empty: none."
    )


class WebhookFilter(admin.SimpleListFilter):
    title = "webhook"
    parameter_name = "webhook"

    def lookups(self, request, model_admin):
        hooks = ProjectWebhook.objects.select_related("project")
        return [("global", "Global webhook")] + [(str(hook.pk), str(hook)) for hook in hooks]

    def queryset(self, request, queryset):
        if self.value() == "global":
            return queryset.filter(webhook=None)
        if self.value():
            return queryset.filter(webhook_id=self.value())
        return queryset


@admin.register(WebhookAttempt)
class WebhookAttemptAdmin(admin.ModelAdmin):
    """Every webhook's delivery log (each keeps its last WEBHOOK_LOG_SIZE attempts), and
    the global webhook's page."""

    list_display = ("attempted_at", "webhook_name", "event", "delivery_id", "number")
    list_display += ("http_status", "error", "duration_ms")
    list_filter = (WebhookFilter,)
    list_select_related = ("delivery", "webhook__project")
    change_list_template = "admin/webhooks/webhookattempt/change_list.html"

    @admin.display(description="webhook")
    def webhook_name(self, attempt):
        return str(attempt.webhook) if attempt.webhook else "Global webhook"

    @admin.display(description="event", ordering="delivery__event_name")
    def event(self, attempt):
        return attempt.delivery.event_name

    @admin.display(description="delivery id")
    def delivery_id(self, attempt):
        return attempt.delivery.delivery_id

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        urls = [
            path(
                "global/",
                self.admin_site.admin_view(self.global_webhook_view),
                name="webhooks_global_webhook",
            ),
            path(
                "global/<str:operation>/",
                self.admin_site.admin_view(self.global_webhook_operation),
                name="webhooks_global_webhook_operation",
            ),
        ]
        return [*urls, *super().get_urls()]

    def _require_operator(self, request) -> None:
        if not request.user.is_superuser:
            raise PermissionDenied

    @method_decorator(never_cache)
    def global_webhook_view(self, request):
        """The URL (editable unless WEBHOOK_URL overrides it), the token and the secret
        (shown, renewable unless overridden), "Send test" and the log."""
        self._require_operator(request)
        initial = {"url": global_webhook.global_webhook_url()}
        form = GlobalWebhookForm(
            request.POST if request.method == "POST" else None, initial=initial
        )
        if request.method == "POST" and not settings.WEBHOOK_URL and form.is_valid():
            try:
                global_webhook.configure_global_webhook(form.cleaned_data["url"], request.user.pk)
            except ValidationError as refusal:
                form.add_error("url", refusal)
            else:
                messages.success(request, "The global webhook was saved.")
                return redirect("admin:webhooks_global_webhook")
        context = {
            **self.admin_site.each_context(request),
            "title": "Global webhook",
            "opts": self.opts,
            "form": form,
            "url_overridden": bool(settings.WEBHOOK_URL),
            "token": global_webhook.global_webhook_token(),
            "token_overridden": bool(settings.WEBHOOK_TOKEN),
            "secret": global_webhook.global_webhook_secret(),
            "secret_overridden": bool(settings.WEBHOOK_SECRET),
            "log": log_of(None),
        }
        return TemplateResponse(request, "admin/webhooks/global_webhook.html", context)

    @method_decorator(require_POST)
    def global_webhook_operation(self, request, operation):
        self._require_operator(request)
        if operation == "send-test":
            send_test(request, None)
        elif operation == "renew-token" and not settings.WEBHOOK_TOKEN:
            global_webhook.renew_global_webhook_token(request.user.pk)
            messages.success(request, "A new token was made: give it to the receiver.")
        elif operation == "renew-secret" and not settings.WEBHOOK_SECRET:
            global_webhook.renew_global_webhook_secret(request.user.pk)
            messages.success(request, "A new secret was made: give it to the receiver.")
        else:
            raise PermissionDenied
        return redirect(reverse("admin:webhooks_global_webhook"))
