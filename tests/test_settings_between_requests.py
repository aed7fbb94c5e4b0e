"""The settings table between API requests: on SQLite, read again only after a write.

A request reads the settings once (the application token, the application URL, ...). The
next request on the same connection reuses those rows when nothing has been written to
the database since, by anyone; any write, from this process or another, a rolled-back one
included, makes it read them again. Inside a transaction, and on PostgreSQL, the table is
always read. These tests commit for real (transactional_db): the reuse only happens
outside a transaction.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.config import get_config, rotate_application_token, set_config
from accounts.models import Setting
from tests.conftest import Credentials, RpcClient

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
sqlite_only = pytest.mark.skipif(
    "connection.vendor != 'sqlite'", reason="PostgreSQL reads the settings on every request"
)


@pytest.fixture
def client(seeded) -> RpcClient:
    return RpcClient(Credentials("jsonrpc", get_config("api_token")))


def settings_reads(client: RpcClient, method: str = "getVersion") -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.call(method) is not None
    return sum('FROM "settings"' in query["sql"] for query in captured.captured_queries)


@sqlite_only
def test_a_request_after_a_request_does_not_read_the_settings_again(client):
    settings_reads(client)

    assert settings_reads(client) == 0
    assert settings_reads(client) == 0


def test_postgresql_reads_the_settings_on_every_request(client):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite tells when nothing was written")
    settings_reads(client)

    assert settings_reads(client) == 1


def test_a_write_to_any_table_makes_the_next_request_read_them(client):
    settings_reads(client)
    client.call("createProject", {"name": "Written"})

    assert settings_reads(client) == 1


def test_a_token_rotated_in_this_process_takes_effect_at_the_next_request(client):
    assert client.status("getVersion") == 200
    new_token = rotate_application_token()

    assert client.status("getVersion") == 401
    assert RpcClient(Credentials("jsonrpc", new_token)).status("getVersion") == 200


def test_a_token_rotated_by_another_connection_takes_effect_at_the_next_request(client):
    assert client.status("getVersion") == 200
    rotated = []

    def rotate_elsewhere():  # a thread has a database connection of its own
        try:
            rotated.append(rotate_application_token())
        finally:
            connection.close()

    thread = threading.Thread(target=rotate_elsewhere)
    thread.start()
    thread.join()

    assert client.status("getVersion") == 401
    assert RpcClient(Credentials("jsonrpc", rotated[0])).status("getVersion") == 200


def test_a_token_rotated_by_a_command_in_another_process_takes_effect(client, settings):
    assert client.status("getVersion") == 200
    database = connection.settings_dict["NAME"]
    script = (
        "import django, os; from django.conf import settings; "
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'kanboard_site.settings'; django.setup(); "
        f"settings.DATABASES['default']['NAME'] = {str(database)!r}; "
        "from accounts.config import set_config; set_config('api_token', 'from-elsewhere')"
    )
    if connection.vendor == "sqlite":
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    else:
        Setting.objects.filter(option="api_token").update(value="from-elsewhere")

    assert client.status("getVersion") == 401
    assert RpcClient(Credentials("jsonrpc", "from-elsewhere")).status("getVersion") == 200


def test_a_rolled_back_change_is_not_kept(client):
    old_token = client.app.secret
    assert client.status("getVersion") == 200

    with pytest.raises(RuntimeError), transaction.atomic():
        set_config("api_token", "never-committed")
        assert get_config("api_token") == "never-committed"
        raise RuntimeError("roll back")

    assert client.status("getVersion") == 200
    assert RpcClient(Credentials("jsonrpc", "never-committed")).status("getVersion") == 401
    assert get_config("api_token") == old_token
