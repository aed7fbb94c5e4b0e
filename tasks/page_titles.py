"""Reading a web page's <title> for a new web link, without opening a way into private
networks (server-side request forgery: see kanboard_site.outbound_http).

Private, loopback and link-local hosts are refused unless
``EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS`` is set; redirects are not followed, at most
``MAX_BYTES`` are read, and the whole exchange (resolution included) ends after
``EXTERNAL_LINK_TIMEOUT`` seconds.
"""

from __future__ import annotations

import http.client
import logging
import re
import time

from django.conf import settings

from kanboard_site.outbound_http import (
    PrivateAddress,
    RefusedURL,
    Target,
    UnresolvedHost,
    checked_target,
    is_public_address,
)

__all__ = ["MAX_BYTES", "PrivateAddress", "is_public_address", "read_title"]

logger = logging.getLogger(__name__)

MAX_BYTES = 1024 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; Kanboard link title reader)"
# Kanboard's pattern: the first <title>...</title>, any case, across lines.
_TITLE = re.compile(rb"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def read_title(url: str) -> str | None:
    """The page's title, trimmed; None when the page cannot be read in time or has no
    title. Raises PrivateAddress, before any connection, for a non-public host."""
    deadline = time.monotonic() + settings.EXTERNAL_LINK_TIMEOUT
    allow_private = settings.EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS
    try:
        target = checked_target(url, deadline, allow_private)
    except PrivateAddress:
        raise
    except (RefusedURL, UnresolvedHost):
        return None
    try:
        body = _get(target, deadline)
    except (OSError, http.client.HTTPException) as error:
        logger.info("no title read from %s: %s", url, error)
        return None
    found = _TITLE.search(body)
    if found is None:
        return None
    return found.group(1).decode("utf-8", "replace").strip(" \t\n\r\0\x0b")


def _get(target: Target, deadline: float) -> bytes:
    """The first ``MAX_BYTES`` of the response body (whatever its status), or less once
    the title has been read."""
    connection = target.connection(deadline)
    try:
        connection.request(
            "GET",
            target.request_target,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html"},
        )
        response = connection.getresponse()
        body = b""
        while len(body) < MAX_BYTES and not _TITLE.search(body):
            chunk = response.read1(MAX_BYTES - len(body))
            if not chunk:
                break
            body += chunk
        return body
    finally:
        connection.close()
