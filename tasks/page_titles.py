"""Reading a web page's <title> for a new web link, without opening a way into private
networks (server-side request forgery).

The host is resolved once and every address it resolves to must be public, unless
``EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS`` is set; the connection then goes to the address
that was checked, so a second DNS answer cannot point it elsewhere. Redirects are not
followed, at most ``MAX_BYTES`` are read, and the whole exchange (resolution included)
ends after ``EXTERNAL_LINK_TIMEOUT`` seconds.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import re
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as ResolutionTimeout
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

MAX_BYTES = 1024 * 1024
USER_AGENT = "Mozilla/5.0 (compatible; Kanboard link title reader)"
# Kanboard's pattern: the first <title>...</title>, any case, across lines.
_TITLE = re.compile(rb"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# getaddrinfo cannot be given a timeout; a resolver thread can be waited for with one.
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="link-title-dns")


class PrivateAddress(Exception):
    """The URL's host is (or resolves to) an address that is not public."""


# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64), and the one
# reserved for NAT64 inside private networks.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def is_public_address(address: str) -> bool:
    """A globally reachable unicast address; an IPv6 address that embeds an IPv4 one
    (mapped, 6to4, NAT64) is judged by the IPv4 address."""
    ip = ipaddress.ip_address(address.partition("%")[0])
    if ip.version == 6:
        if ip in _LOCAL_NAT64:
            return False
        nat64 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None
        ip = ip.ipv4_mapped or ip.sixtofour or nat64 or ip
    return ip.is_global and not (ip.is_multicast or ip.is_reserved)


def read_title(url: str) -> str | None:
    """The page's title, trimmed; None when the page cannot be read in time or has no
    title. Raises PrivateAddress, before any connection, for a non-public host."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    deadline = time.monotonic() + settings.EXTERNAL_LINK_TIMEOUT
    addresses = _resolve(parts.hostname, port, deadline)
    if not addresses:
        return None
    if not settings.EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS and not all(
        is_public_address(sockaddr[0]) for _, sockaddr in addresses
    ):
        raise PrivateAddress(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        body = _get(parts.scheme.lower(), parts.hostname, port, addresses[0], target, deadline)
    except (OSError, http.client.HTTPException) as error:
        logger.info("no title read from %s: %s", url, error)
        return None
    found = _TITLE.search(body)
    if found is None:
        return None
    return found.group(1).decode("utf-8", "replace").strip(" \t\n\r\0\x0b")


def _resolve(host: str | None, port: int, deadline: float) -> list[tuple]:
    if not host:
        return []
    lookup = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        found = lookup.result(timeout=max(deadline - time.monotonic(), 0))
    except (OSError, ResolutionTimeout):
        lookup.cancel()
        return []
    return [(family, sockaddr) for family, _, _, _, sockaddr in found]


def _get(scheme: str, host: str, port: int, address: tuple, target: str, deadline: float):
    """The first ``MAX_BYTES`` of the response body (whatever its status), or less once
    the title has been read."""
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(host, port, address, deadline)
    try:
        connection.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
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


class _Deadline:
    """Every read and write of the socket must end before ``deadline``, so that a server
    sending one byte at a time cannot hold the request open."""

    deadline = 0.0

    def _arm(self) -> None:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the page took too long to answer")
        self.settimeout(remaining)

    def recv_into(self, buffer, *args, **kwargs) -> int:
        self._arm()
        return super().recv_into(buffer, *args, **kwargs)

    def sendall(self, data, *args, **kwargs) -> None:
        self._arm()
        return super().sendall(data, *args, **kwargs)


class _DeadlineSocket(_Deadline, socket.socket):
    pass


class _DeadlineSSLSocket(_Deadline, ssl.SSLSocket):
    pass


def _connect(address: tuple, deadline: float) -> socket.socket:
    """A connection to the checked address (family, socket address)."""
    family, sockaddr = address
    sock = _DeadlineSocket(family, socket.SOCK_STREAM)
    sock.deadline = deadline
    try:
        sock._arm()
        sock.connect(sockaddr)
    except OSError:
        sock.close()
        raise
    return sock


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to the address that was checked, with the URL's host in the Host header."""

    def __init__(self, host: str, port: int, address: tuple, deadline: float) -> None:
        super().__init__(host, port)
        self._address = address
        self._deadline = deadline

    def connect(self) -> None:
        self.sock = _connect(self._address, self._deadline)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the address that was checked; the certificate must name the URL's host."""

    def __init__(self, host: str, port: int, address: tuple, deadline: float) -> None:
        context = ssl.create_default_context()
        context.sslsocket_class = _DeadlineSSLSocket
        super().__init__(host, port, context=context)
        self._address = address
        self._deadline = deadline

    def connect(self) -> None:
        sock = self._context.wrap_socket(
            _connect(self._address, self._deadline), server_hostname=self.host
        )
        sock.deadline = self._deadline
        self.sock = sock
