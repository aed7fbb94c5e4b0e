from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from operations.views import metrics, readyz
from rpc.health import healthcheck
from rpc.protocol import jsonrpc_view

urlpatterns = [
    path("jsonrpc.php", jsonrpc_view),
    path("healthcheck.php", healthcheck),
    # The admin signs in through the account area: lockout, captcha and two-factor apply.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:sign_in", query_string=True)),
    path("admin/", admin.site.urls),
    path("account/", include("accounts.urls")),
    # django-simple-captcha reverses its URL names without a namespace.
    path("account/captcha/", include("captcha.urls")),
    path("readyz", readyz),
    path("metrics", metrics),
]
