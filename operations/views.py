"""``/readyz`` for load balancers and orchestrators, ``/metrics`` for Prometheus."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_GET

from operations.checks import parse_networks
from operations.metrics import exposition
from operations.readiness import readiness


@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """200 when every check passes, else 503 naming the failing checks."""
    results = readiness()
    failing = [result.name for result in results if not result.ok]
    body = {
        "status": "not ready" if failing else "ready",
        "checks": {result.name: "ok" if result.ok else "failing" for result in results},
        "failing": failing,
    }
    response = JsonResponse(body, status=503 if failing else 200)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Off (404) unless METRICS_TOKEN or METRICS_ALLOWED_ADDRESSES is set; with both, a
    scraper needs both."""
    token = settings.METRICS_TOKEN
    allowed = settings.METRICS_ALLOWED_ADDRESSES
    if not token and not allowed:
        return HttpResponse("Metrics are off.\n", status=404, content_type="text/plain")
    if allowed and not _address_allowed(request.META.get("REMOTE_ADDR", ""), allowed):
        return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    if token:
        scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not constant_time_compare(offered.strip(), token):
            response = HttpResponse("Unauthorized\n", status=401, content_type="text/plain")
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    body, content_type = exposition()
    return HttpResponse(body, content_type=content_type)


def _address_allowed(address: str, entries: list[str]) -> bool:
    try:
        client = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks, _ = parse_networks(entries)
    return any(client in network for network in networks)
