from django.contrib import admin
from django.urls import include, path

from rpc.health import healthcheck
from rpc.protocol import jsonrpc_view

urlpatterns = [
    path("jsonrpc.php", jsonrpc_view),
    path("healthcheck.php", healthcheck),
    path("admin/", admin.site.urls),
    path("account/", include("accounts.urls")),
    # django-simple-captcha reverses its URL names without a namespace.
    path("account/captcha/", include("captcha.urls")),
]
