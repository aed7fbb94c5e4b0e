"""/metrics: what the API counts, and who may read it."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from prometheus_client import REGISTRY

from tests.conftest import Credentials
from tests.factories import UserFactory

GET_VERSION = '{"jsonrpc":"2.0","method":"getVersion","id":1}'
TOKEN = "m" * 40


def sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def calls(procedure: str, outcome: str) -> float:
    return sample("kanboard_rpc_calls_total", procedure=procedure, outcome=outcome)


@pytest.fixture
def scrape(settings):
    settings.METRICS_TOKEN = TOKEN

    def read() -> str:
        response = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain; version=")
        return response.content.decode()

    return read


def test_calls_are_counted_by_procedure_and_outcome(rpc, world):
    before = {
        "result": calls("getVersion", "result"),
        "unknown": calls("(unknown)", "-32601"),
        "invalid": calls("getTask", "-32602"),
        "forbidden": calls("createUser", "403"),
        "unauthorized": calls("getVersion", "401"),
    }

    rpc.call("getVersion")
    rpc.error("noSuchProcedure")
    rpc.error("getTask", {"nothing": 1})
    rpc.status("createUser", {"username": "x", "password": "secret123"}, as_=world["member"])
    rpc.status("getVersion", as_=Credentials("usr", "wrong"))

    assert calls("getVersion", "result") == before["result"] + 1
    assert calls("(unknown)", "-32601") == before["unknown"] + 1
    assert calls("getTask", "-32602") == before["invalid"] + 1
    assert calls("createUser", "403") == before["forbidden"] + 1
    assert calls("getVersion", "401") == before["unauthorized"] + 1


def test_latency_is_observed_per_procedure(rpc):
    before = sample("kanboard_rpc_call_duration_seconds_count", procedure="getVersion")

    rpc.call("getVersion")

    assert sample("kanboard_rpc_call_duration_seconds_count", procedure="getVersion") == before + 1
    assert sample("kanboard_rpc_call_duration_seconds_sum", procedure="getVersion") > 0


def test_batch_sizes_are_observed(rpc):
    count = sample("kanboard_rpc_batch_size_count")
    total = sample("kanboard_rpc_batch_size_sum")
    batch = [{"jsonrpc": "2.0", "method": "getVersion", "id": n} for n in range(3)]

    assert rpc.post(json.dumps(batch), rpc.app).status == 200

    assert sample("kanboard_rpc_batch_size_count") == count + 1
    assert sample("kanboard_rpc_batch_size_sum") == total + 3


def test_authentication_failures_are_counted_by_credential(rpc, world):
    before = {
        kind: sample("kanboard_authentication_failures_total", credential=kind)
        for kind in ("application", "user", "none")
    }

    rpc.post(GET_VERSION, Credentials("jsonrpc", "wrong-token"))
    rpc.post(GET_VERSION, Credentials("usr", "wrong"))
    rpc.post(GET_VERSION, Credentials("nobody", "wrong"))
    rpc.post(GET_VERSION)

    after = {
        kind: sample("kanboard_authentication_failures_total", credential=kind)
        for kind in ("application", "user", "none")
    }
    assert after == {
        "application": before["application"] + 1,
        "user": before["user"] + 2,
        "none": before["none"] + 1,
    }


def test_a_lockout_is_counted_once(rpc, settings):
    settings.BRUTEFORCE_LOCKDOWN = 2
    UserFactory(username="locked")
    before = sample("kanboard_account_lockouts_total")

    for _ in range(5):  # the 3rd failure locks; the next ones are refused without counting
        assert rpc.post(GET_VERSION, Credentials("locked", "wrong")).status == 401

    assert sample("kanboard_account_lockouts_total") == before + 1


def test_the_scrape_shows_the_api_metrics(rpc, scrape):
    rpc.call("getVersion")

    text = scrape()

    assert 'kanboard_rpc_calls_total{outcome="result",procedure="getVersion"}' in text
    assert 'kanboard_rpc_call_duration_seconds_bucket{le="0.005",procedure="getVersion"}' in text
    assert "# TYPE kanboard_account_lockouts_total counter" in text


def test_metrics_are_off_without_a_token_or_addresses(db):
    assert Client().get("/metrics").status_code == 404


def test_the_token_is_required_when_set(db, settings):
    settings.METRICS_TOKEN = TOKEN
    client = Client()

    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer " + "x" * 40).status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200


def test_allowed_addresses_and_networks(db, settings):
    settings.METRICS_ALLOWED_ADDRESSES = ["10.1.2.3", "192.168.0.0/16", "[::1]"]
    client = Client()

    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.168.7.7").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.4").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403


def test_with_both_a_scraper_needs_the_address_and_the_token(db, settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_ADDRESSES = ["10.0.0.0/8"]
    client = Client()
    bearer = f"Bearer {TOKEN}"

    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 401
    assert (
        client.get("/metrics", REMOTE_ADDR="172.16.0.1", HTTP_AUTHORIZATION=bearer).status_code
        == 403
    )
    assert (
        client.get("/metrics", REMOTE_ADDR="10.0.0.5", HTTP_AUTHORIZATION=bearer).status_code == 200
    )
