"""The operators' view of attachments, shared by task and project files: listed with
their name, size, uploader and date, downloadable by app-admins (the only users of the
admin), removed through the same domain functions as the API (events, blobs after
commit). Files are uploaded through the API only: the admin neither adds nor edits them.
"""

from __future__ import annotations

import unicodedata

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from accounts.models import User
from tasks.storage import file_storage, is_safe_key

FIELDS = ("name", "size", "uploader", "date", "download")


def download_name(name: str) -> str:
    """The display name made safe for a Content-Disposition header: control and
    formatting characters (CR/LF, NUL, RTL overrides) and slashes replaced."""
    cleaned = "".join(
        "_" if unicodedata.category(char) in ("Cc", "Cf") or char in "/\\" else char
        for char in name
    ).strip()
    return cleaned or "file"


def with_uploader(queryset):
    """The uploader's username in the same query (user_id has no foreign key)."""
    username = User.objects.filter(pk=OuterRef("user_id")).values("username")[:1]
    return queryset.annotate(uploader_username=Subquery(username))


class FileDisplay:
    """Columns shared by the file admins and inlines."""

    @admin.display(description="uploader")
    def uploader(self, obj) -> str:
        return getattr(obj, "uploader_username", None) or "(application)"

    @admin.display(description="download")
    def download(self, obj):
        if obj.pk is None:
            return ""
        info = (obj._meta.app_label, obj._meta.model_name)
        url = reverse("admin:{}_{}_download".format(*info), args=[obj.pk])
        return format_html('<a href="{}">download</a>', url)


class FileInline(FileDisplay, admin.TabularInline):
    """A task's or project's files on its page; removed from their own page."""

    extra = 0
    max_num = 0
    can_delete = False
    fields = readonly_fields = FIELDS

    def get_queryset(self, request):
        return with_uploader(super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        """Shown, read-only. A posted form has nothing to save here, so the inline is
        left out of POSTs, which then need no formset data for it."""
        return request.method != "POST" and super().has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class FileAdmin(FileDisplay, admin.ModelAdmin):
    """``remove(file)`` is the domain's removal of one file."""

    readonly_fields = ("name", "path", "is_image", "size", "uploader", "date", "download")
    exclude = ("user_id",)
    search_fields = ("name",)

    @staticmethod
    def remove(file) -> None:
        raise NotImplementedError

    def get_queryset(self, request):
        return with_uploader(super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        self.remove(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.remove(obj)

    def get_urls(self):
        info = (self.opts.app_label, self.opts.model_name)
        download = path(
            "<int:file_id>/download/",
            self.admin_site.admin_view(self.download_view),
            name="{}_{}_download".format(*info),
        )
        return [download, *super().get_urls()]

    def download_view(self, request, file_id: int):
        """The blob as an attachment, streamed; never rendered by the browser."""
        if not self.has_view_permission(request):
            raise Http404
        file = get_object_or_404(self.model, pk=file_id)
        if not is_safe_key(file.path):
            raise Http404
        try:
            blob = file_storage().open(file.path, "rb")
        except Exception as exc:
            raise Http404("The blob of this file is missing") from exc
        return FileResponse(
            blob,
            as_attachment=True,
            filename=download_name(file.name),
            content_type="application/octet-stream",
        )
