"""Requests this server makes to URLs its users give (web link titles, webhooks), without
opening a way into private networks (server-side request forgery).

The host is resolved once and every address it resolves to must be public, unless the
caller allows private networks; the connection then goes to the address that was checked,
so a second DNS answer cannot point it elsewhere. Nothing here follows a redirect, and
every exchange (resolution included) ends at its deadline.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as ResolutionTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit

# getaddrinfo cannot be given a timeout; a resolver thread can be waited for with one.
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="outbound-dns")


class RefusedURL(Exception):
    """The URL is not one this server sends requests to (not http(s), or its host is or
    resolves to an address that is not public)."""


class PrivateAddress(RefusedURL):
    """The URL's host is (or resolves to) an address that is not public."""


class UnresolvedHost(OSError):
    """The URL's host has no address, or none was found before the deadline."""


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


@dataclass(frozen=True)
class Target:
    """A URL whose host was resolved and checked: where to connect, and what to ask."""

    scheme: str
    host: str
    port: int
    address: tuple  # (family, socket address) of the checked address to connect to
    request_target: str  # path and query

    def connection(self, deadline: float) -> http.client.HTTPConnection:
        """A connection to the checked address, with the URL's host in the Host header
        (and, over HTTPS, in the certificate check)."""
        if self.scheme == "https":
            return _PinnedHTTPSConnection(self.host, self.port, self.address, deadline)
        return _PinnedHTTPConnection(self.host, self.port, self.address, deadline)


def checked_target(url: str, deadline: float, allow_private: bool) -> Target:
    """The URL resolved and checked, before any connection. Raises RefusedURL (or its
    PrivateAddress) for a URL that must not be reached, UnresolvedHost when the host has no
    address by the deadline."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise RefusedURL(url)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise RefusedURL(url) from None
    addresses = _resolve(parts.hostname, port, deadline)
    if not allow_private and not all(is_public_address(sockaddr[0]) for _, sockaddr in addresses):
        raise PrivateAddress(url)
    request_target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(scheme, parts.hostname, port, addresses[0], request_target)


def _resolve(host: str, port: int, deadline: float) -> list[tuple]:
    lookup = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        found = lookup.result(timeout=max(deadline - time.monotonic(), 0))
    except (OSError, ResolutionTimeout) as error:
        lookup.cancel()
        raise UnresolvedHost(f"{host} cannot be resolved: {error or 'timed out'}") from None
    if not found:
        raise UnresolvedHost(f"{host} has no address")
    return [(family, sockaddr) for family, _, _, _, sockaddr in found]


class _Deadline:
    """Every read and write of the socket must end before ``deadline``, so that a server
    sending one byte at a time cannot hold the request open."""

    deadline = 0.0

    def _arm(self) -> None:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no answer before the deadline")
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


def connect(address: tuple, deadline: float) -> socket.socket:
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
    def __init__(self, host: str, port: int, address: tuple, deadline: float) -> None:
        super().__init__(host, port)
        self._address = address
        self._deadline = deadline

    def connect(self) -> None:
        self.sock = connect(self._address, self._deadline)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: tuple, deadline: float) -> None:
        context = ssl.create_default_context()
        context.sslsocket_class = _DeadlineSSLSocket
        super().__init__(host, port, context=context)
        self._address = address
        self._deadline = deadline

    def connect(self) -> None:
        sock = self._context.wrap_socket(
            connect(self._address, self._deadline), server_hostname=self.host
        )
        sock.deadline = self._deadline
        self.sock = sock
