"""Kanboard's ``/healthcheck.php``: the same JSON, so existing container checks keep working."""

from __future__ import annotations

import json
import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)


def healthcheck(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("health check failed")
        return _response(503, "Database connection failed")
    return _response(200, "Database connection is OK")


def _response(status: int, message: str) -> HttpResponse:
    body = json.dumps({"status": status, "message": message}, separators=(",", ":"))
    return HttpResponse(body, status=status, content_type="application/json")
