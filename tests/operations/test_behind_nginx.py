"""The nginx site of deploy/ in front of gunicorn, for real: TLS, the API proxied without
redirect, the request id passed from nginx to the app, /metrics closed."""

from __future__ import annotations

import base64
import http.client
import json
import shutil
import ssl
import subprocess
import time

import pytest

from tests.operations.conftest import DEPLOY, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("nginx") is None or shutil.which("openssl") is None,
        reason="nginx or openssl is not installed",
    ),
]
HOST = "kanboard.example.com"
GET_VERSION = b'{"jsonrpc":"2.0","method":"getVersion","id":1}'


@pytest.fixture
def nginx(tmp_path, start_gunicorn):
    app = start_gunicorn("--workers", "1", BEHIND_TLS_PROXY="true", ALLOWED_HOSTS=HOST)
    https_port, http_port = free_port(), free_port()
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", f"/CN={HOST}",
            "-keyout", str(tmp_path / "site.key"), "-out", str(tmp_path / "site.pem"),
        ],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (
        (DEPLOY / "nginx.conf.example")
        .read_text()
        .replace("/etc/ssl/kanboard.pem", str(tmp_path / "site.pem"))
        .replace("/etc/ssl/kanboard.key", str(tmp_path / "site.key"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app.port};")
        .replace("listen 443", f"listen 127.0.0.1:{https_port}")
        .replace("listen 80", f"listen 127.0.0.1:{http_port}")
    )
    (tmp_path / "site.conf").write_text(site)
    temporary = "".join(
        f"    {kind}_temp_path {tmp_path}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n    access_log off;\n{temporary}"
        f"    include {tmp_path}/site.conf;\n}}\n"
    )
    process = subprocess.Popen(
        ["nginx", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not (tmp_path / "nginx.pid").exists():
        assert process.poll() is None, (tmp_path / "error.log").read_text()
        assert time.monotonic() < deadline, "nginx did not start"
        time.sleep(0.1)
    time.sleep(0.2)
    yield https_port, http_port, tmp_path / "kanboard-django.access.log"
    process.terminate()
    process.wait(timeout=30)


def https(port: int, method: str, path: str, body: bytes | None = None, **headers):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    client = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    return exchange(client, method, path, body, headers)


def plain(port: int, method: str, path: str, body: bytes | None = None, **headers):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    return exchange(client, method, path, body, headers)


def exchange(client, method, path, body, headers):
    try:
        client.request(method, path, body=body, headers={"Host": HOST, **headers})
        response = client.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        client.close()


def test_the_api_through_nginx_carries_nginx_request_id(nginx, app_token):
    https_port, _, access_log = nginx
    credentials = base64.b64encode(f"jsonrpc:{app_token}".encode()).decode()

    status, headers, body = https(
        https_port,
        "POST",
        "/jsonrpc.php",
        GET_VERSION,
        Authorization=f"Basic {credentials}",
        **{"X-Request-ID": "chosen-by-the-client"},
    )

    assert (status, json.loads(body)["result"]) == (200, "1.2.53")
    request_id = headers["X-Request-ID"]
    assert request_id != "chosen-by-the-client"
    # nginx writes the line once the request is over, which may be after the client has
    # read the answer (the job worker beside gunicorn competes for the CPU meanwhile).
    deadline = time.monotonic() + 10
    while f"request_id={request_id}" not in access_log.read_text():
        assert time.monotonic() < deadline, access_log.read_text()
        time.sleep(0.1)


def test_metrics_are_not_served_through_nginx(nginx):
    https_port, _, _ = nginx

    assert https(https_port, "GET", "/metrics")[0] == 404


def test_plain_http_refuses_the_api_and_redirects_the_rest(nginx):
    _, http_port, _ = nginx

    assert plain(http_port, "POST", "/jsonrpc.php", GET_VERSION)[0] == 403
    status, headers, _ = plain(http_port, "GET", "/admin/")
    assert status == 308
    assert headers["Location"] == f"https://{HOST}/admin/"


def test_the_sign_in_page_of_the_admin_is_served_over_tls(nginx):
    https_port, _, _ = nginx

    status, headers, _ = https(https_port, "GET", "/account/sign-in/?next=/admin/")

    assert status == 200
    assert "Secure" in headers.get("Set-Cookie", "")
