from django.contrib import admin
from django.urls import path

from operations.views import metrics, readyz
from rpc.health import healthcheck
from rpc.protocol import jsonrpc_view

urlpatterns = [
    path("jsonrpc.php", jsonrpc_view),
    path("healthcheck.php", healthcheck),
    path("admin/", admin.site.urls),
    path("readyz", readyz),
    path("metrics", metrics),
]
