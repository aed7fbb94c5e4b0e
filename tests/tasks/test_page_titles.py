"""Web link titles read from the page, without server-side request forgery.

Real servers listen on 127.0.0.1 in threads; no test reaches any other address (names
that would resolve elsewhere are answered by a fake resolver, and connections to them are
refused by the test before they are made).
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kanboard_site import outbound_http
from tasks import page_titles
from tasks.models import ExternalLink


class PageServer(ThreadingHTTPServer):
    """Serves fixed pages on 127.0.0.1 and counts every connection it accepts."""

    daemon_threads = True

    def __init__(self, pages: dict[str, tuple[int, dict, bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), PageHandler)
        self.pages = pages
        self.connections = 0
        self.paths: list[str] = []

    def verify_request(self, request, client_address) -> bool:
        self.connections += 1
        return True

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class PageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        status, headers, body = self.server.pages.get(self.path, (404, {}, b"Not found"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class StallingServer:
    """Accepts one connection and then only ``stall(connection)``s, until the client
    hangs up or, as a safety net, 30 seconds have passed."""

    def __init__(self, stall) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.stall = stall
        self.client_gave_up = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def serve(self) -> None:
        connection, _ = self.sock.accept()
        connection.settimeout(0.05)
        safety_net = time.monotonic() + 30
        with connection:
            while time.monotonic() < safety_net:
                try:
                    if connection.recv(65536) == b"":
                        self.client_gave_up.set()
                        return
                except TimeoutError:
                    pass
                try:
                    self.stall(connection)
                except OSError:
                    self.client_gave_up.set()
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def serve():
    servers = []

    def start(pages: dict) -> PageServer:
        server = PageServer(pages)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def stalling():
    servers = []

    def start(stall) -> StallingServer:
        server = StallingServer(stall)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def private_networks_allowed(settings):
    settings.EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS = True


@pytest.fixture
def no_connection(monkeypatch):
    """Any connection attempt fails the test."""

    def refuse(address, deadline):
        raise AssertionError(f"a connection to {address} was attempted")

    monkeypatch.setattr(outbound_http, "connect", refuse)


@pytest.fixture
def resolver(monkeypatch):
    """Names resolve to the addresses the test gives them; other names fail."""
    answers: dict[str, list[str]] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "unknown name")
        return [
            (
                socket.AF_INET6 if ":" in address else socket.AF_INET,
                socket.SOCK_STREAM,
                6,
                "",
                (address, port),
            )
            for address in answers[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


def create_web_link(rpc, task, url: str) -> ExternalLink:
    link_id = rpc.call("createExternalTaskLink", [task.pk, url, "related"])
    assert isinstance(link_id, int)
    link = ExternalLink.objects.get(pk=link_id)
    assert link.link_type == "weblink"
    return link


# By default, private networks are never reached.


def test_a_loopback_page_receives_no_request_and_the_url_is_the_title(rpc, task, serve):
    server = serve({"/": (200, {}, b"<title>Internal</title>")})

    link = create_web_link(rpc, task, f"{server.base}/")

    assert link.title == f"{server.base}/"
    assert server.connections == 0


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/admin",
        "http://[::ffff:127.0.0.1]/",
        "http://10.0.0.8:8080/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "https://127.0.0.1/",
        "http://localhost/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_not_connected_to(
    rpc, task, no_connection, url
):
    assert create_web_link(rpc, task, url).title == url


@pytest.mark.parametrize(
    "addresses", [["10.1.2.3"], ["93.184.215.14", "192.168.0.7"], ["2606:2800::1", "fd00::1"]]
)
def test_a_name_with_any_private_address_is_not_connected_to(
    rpc, task, no_connection, resolver, addresses
):
    resolver["intranet.example.com"] = addresses

    link = create_web_link(rpc, task, "http://intranet.example.com/wiki")

    assert link.title == "http://intranet.example.com/wiki"


def test_a_name_that_does_not_resolve_falls_back_to_host_and_path(
    rpc, task, no_connection, resolver
):
    link = create_web_link(rpc, task, "http://nowhere.example.com/some/page")

    assert link.title == "nowhere.example.com/some/page"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1%2", False),
        ("fd12:3456::1", False),
        ("::ffff:10.0.0.1", False),
        ("2002:c0a8:0101::1", False),
        ("ff02::1", False),
        ("::127.0.0.1", False),
        ("64:ff9b::a00:1", False),
        ("64:ff9b::5db8:d70e", True),
        ("64:ff9b:1::5db8:d70e", False),
    ],
)
def test_public_addresses(address, public):
    assert page_titles.is_public_address(address) is public


# When private networks are allowed (the listeners are on 127.0.0.1).


def test_the_page_title_is_read_when_allowed(rpc, task, serve, private_networks_allowed):
    page = b"<html><head><TITLE>\n  Hello page \n</TITLE></head><title>second</title>"
    server = serve({"/page?x=1": (200, {"Content-Type": "text/html"}, page)})

    link = create_web_link(rpc, task, f"{server.base}/page?x=1")

    assert link.title == "Hello page"
    assert server.paths == ["/page?x=1"]


def test_a_redirect_is_not_followed(rpc, task, serve, private_networks_allowed):
    target = serve({"/next": (200, {}, b"<title>Target</title>")})
    start = serve({"/start": (302, {"Location": f"{target.base}/next"}, b"")})

    link = create_web_link(rpc, task, f"{start.base}/start")

    assert link.title == "127.0.0.1/start"
    assert target.connections == 0


@pytest.mark.parametrize(
    ("path", "body", "title"),
    [
        ("/none", b"<html>no title here</html>", "127.0.0.1/none"),
        ("/missing", None, "127.0.0.1/missing"),
        ("/attributes", b'<title lang="en">Not matched</title>', "127.0.0.1/attributes"),
        ("/late", b"a" * page_titles.MAX_BYTES + b"<title>Too late</title>", "127.0.0.1/late"),
        ("/utf8", "<title>Caf\u00e9 \u2013 menu</title>".encode(), "Caf\u00e9 \u2013 menu"),
    ],
)
def test_without_a_readable_title_the_host_and_path_are_the_title(
    rpc, task, serve, private_networks_allowed, path, body, title
):
    server = serve({} if body is None else {path: (200, {}, body)})

    assert create_web_link(rpc, task, f"{server.base}{path}").title == title


def test_a_url_without_a_path_is_its_own_fallback_title(rpc, task, serve, private_networks_allowed):
    server = serve({})

    assert create_web_link(rpc, task, server.base).title == server.base


def test_a_server_that_never_answers_is_given_up_after_the_timeout(
    rpc, task, stalling, private_networks_allowed, settings
):
    settings.EXTERNAL_LINK_TIMEOUT = 0.3
    server = stalling(lambda connection: None)

    link = create_web_link(rpc, task, f"{server.base}/slow")

    assert link.title == "127.0.0.1/slow"
    assert server.client_gave_up.wait(5)


def test_a_server_answering_a_byte_at_a_time_is_given_up_after_the_timeout(
    rpc, task, stalling, private_networks_allowed, settings
):
    settings.EXTERNAL_LINK_TIMEOUT = 0.3
    started = []

    def trickle(connection):
        if not started:
            connection.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            started.append(True)
        connection.sendall(b"a")

    server = stalling(trickle)

    link = create_web_link(rpc, task, f"{server.base}/trickle")

    assert link.title == "127.0.0.1/trickle"
    assert server.client_gave_up.wait(5)


def test_an_https_page_that_fails_the_tls_handshake_falls_back_to_host_and_path(
    rpc, task, serve, private_networks_allowed
):
    server = serve({"/secure": (200, {}, b"<title>Plain HTTP</title>")})
    url = server.base.replace("http://", "https://") + "/secure"

    assert create_web_link(rpc, task, url).title == "127.0.0.1/secure"
    assert server.paths == []
