"""Which texts are URLs, by PHP's FILTER_VALIDATE_URL (Kanboard's URL validator).

Only the characters of RFC 2396 are allowed (no spaces, no non-ASCII), a scheme is
required, http and https need a valid host name (or a bracketed IPv6 address), and other
schemes need a host except mailto, news and file.
"""

from __future__ import annotations

import ipaddress
import re
import string
from urllib.parse import urlsplit

_ALLOWED = frozenset(string.ascii_letters + string.digits + "$-_.+!*'(),{}|\\^~[]`<>#%\";/?:@&=")
_USERINFO = re.compile(r"([A-Za-z0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*\Z")
HOSTLESS_SCHEMES = ("mailto", "news", "file")


def is_valid_url(text: str) -> bool:
    if not text or not _ALLOWED.issuperset(text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 (a port that is not a number makes the URL invalid)
    except ValueError:
        return False
    scheme = text.partition(":")[0] if parts.scheme else ""
    userinfo, _, hostport = parts.netloc.rpartition("@")
    if hostport.startswith("["):
        host = hostport.partition("]")[0] + "]"
    else:
        host = hostport.partition(":")[0]
    if not scheme:
        return False
    if scheme.lower() in ("http", "https"):
        if host.startswith("[") and host.endswith("]"):
            return _is_ipv6(host[1:-1])
        if not _is_host_name(host):
            return False
    elif not host and scheme not in HOSTLESS_SCHEMES:
        return False
    user, _, password = userinfo.partition(":")
    return bool(_USERINFO.match(user)) and bool(_USERINFO.match(password))


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _is_host_name(host: str) -> bool:
    """PHP's domain check with FILTER_FLAG_HOSTNAME: letters, digits and inner hyphens,
    labels of 1 to 63 characters, 253 in all (a final dot is allowed)."""
    host = host.removesuffix(".")
    if not host or len(host) > 253:
        return False
    return all(
        0 < len(label) <= 63
        and label[0].isascii()
        and label[0].isalnum()
        and label[-1].isascii()
        and label[-1].isalnum()
        and all(char.isascii() and (char.isalnum() or char == "-") for char in label)
        for label in host.split(".")
    )
