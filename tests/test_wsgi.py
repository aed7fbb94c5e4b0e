"""The WSGI application gunicorn serves: the API outside the admin's middleware chain,
with the same answers, and everything else through it."""

from __future__ import annotations

import base64
import io

import pytest

from kanboard_site.wsgi import application

# Real requests: Django closes (and reopens) connections around them, so the test data
# must be committed rather than inside a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def call(path: str, body: bytes = b"", host: str = "localhost", **headers):
    environ = {
        "REQUEST_METHOD": "POST" if body else "GET", "PATH_INFO": path,
        "SERVER_NAME": "localhost", "SERVER_PORT": "8000", "HTTP_HOST": host,
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1",
        **headers,
    }  # fmt: skip
    started = {}

    def start_response(status, response_headers):
        started.update(status=status, headers=dict(response_headers))

    content = b"".join(application(environ, start_response))
    return started["status"], started["headers"], content


def basic(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()


def test_the_api_answers_without_cookies_or_extra_headers(app_token):
    status, headers, body = call(
        "/jsonrpc.php",
        b'{"jsonrpc":"2.0","method":"getVersion","id":1}',
        HTTP_AUTHORIZATION=basic("jsonrpc", app_token),
    )

    assert (status, body) == ("200 OK", b'{"jsonrpc":"2.0","result":"1.2.53","id":1}')
    assert headers.pop("X-Request-ID")
    assert headers == {"Content-Type": "application/json"}


def test_the_api_still_refuses_unknown_hosts(app_token):
    status, _, _ = call("/jsonrpc.php", b"{}", host="evil.example")

    assert status.startswith("400")


def test_unauthorized_through_the_wsgi_application(seeded):
    status, headers, _ = call("/jsonrpc.php", b'{"jsonrpc":"2.0","method":"getVersion","id":1}')

    assert status == "401 Unauthorized"
    assert headers["WWW-Authenticate"] == 'Basic realm="JsonRPC"'


def test_other_paths_take_the_middleware_chain(seeded):
    status, headers, _ = call("/account/sign-in/")

    assert status == "200 OK"
    assert headers["X-Frame-Options"] == "DENY"
