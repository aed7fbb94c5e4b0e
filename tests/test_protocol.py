"""The JSON-RPC layer beyond the recorded exchanges: hostile input, binding rules,
notifications, batches and the error catalogue."""

from __future__ import annotations

import json

import pytest

from accounts.models import User
from tests.conftest import Credentials

PARSE_ERROR = b'{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}'
INVALID_REQUEST = b'{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid Request"},"id":null}'
FORBIDDEN = b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'
UNAUTHORIZED = b'{"jsonrpc":"2.0","error":{"code":401,"message":"Unauthorized"},"id":null}'


def envelope(method, params=None, request_id=1, **extra) -> str:
    body = {"jsonrpc": "2.0", "method": method, **extra}
    if params is not None:
        body["params"] = params
    if request_id is not ...:
        body["id"] = request_id
    return json.dumps(body)


@pytest.mark.parametrize(
    "body",
    [
        '{"jsonrpc":"2.0","method":"getVersion","params":[NaN],"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":[Infinity],"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":[-Infinity],"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":[' + "9" * 5000 + '],"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":' + "[" * 600 + "]" * 600 + ',"id":1}',
        "[" * 100_000 + "]" * 100_000,
        '{"jsonrpc":"2.0","method":"createUser","params":{"username":"\\ud800x"},"id":1}',
        "null",
        '"text"',
        "true",
    ],
    ids=[
        "nan",
        "infinity",
        "minus-infinity",
        "5000-digits",
        "600-deep",
        "100000-deep",
        "lone-surrogate",
        "null",
        "string",
        "boolean",
    ],
)
def test_input_php_cannot_decode_is_a_parse_error(rpc, body):
    reply = rpc.post(body, rpc.app)

    assert (reply.status, reply.body) == (200, PARSE_ERROR)


def test_invalid_utf8_is_a_parse_error(rpc):
    reply = rpc.post(
        b'{"jsonrpc":"2.0","method":"getVersion","params":["\xff\xfe"],"id":1}', rpc.app
    )

    assert (reply.status, reply.body) == (200, PARSE_ERROR)


def test_lone_surrogate_write_stores_nothing(rpc):
    users_before = User.objects.count()

    rpc.post(
        '{"jsonrpc":"2.0","method":"createUser","params":{"username":"a\\udc00",'
        '"password":"secret1"},"id":1}',
        rpc.app,
    )

    assert User.objects.count() == users_before


def test_escaped_surrogate_pair_is_an_ordinary_character(rpc):
    rpc.post(
        '{"jsonrpc":"2.0","method":"createUser","params":{"username":"\\ud83d\\ude00",'
        '"password":"secret1"},"id":1}',
        rpc.app,
    )

    assert User.objects.filter(username="\U0001f600").exists()


def test_parse_errors_never_touch_credentials(rpc, world):
    rpc.post('{"jsonrpc":"2.0",', Credentials("usr", "wrong"))

    assert User.objects.get(username="usr").nb_failed_login == 0


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_any_content_type_is_read_as_json(rpc, content_type):
    reply = rpc.post(envelope("getVersion"), rpc.app, content_type=content_type)

    assert reply.json["result"] == "1.2.53"


def test_xml_rpc_is_not_spoken(rpc):
    xml = "<?xml version='1.0'?><methodCall><methodName>getVersion</methodName></methodCall>"

    reply = rpc.post(xml, rpc.app, content_type="text/xml")

    assert reply.body == PARSE_ERROR


def test_put_is_processed_like_post(rpc):
    response = rpc.client.put(
        "/jsonrpc.php",
        envelope("getVersion"),
        content_type="application/json",
        HTTP_AUTHORIZATION=rpc.app.header(),
    )

    assert json.loads(response.content)["result"] == "1.2.53"


def test_compressed_bodies_are_not_decompressed(rpc):
    import gzip

    reply = rpc.post(
        gzip.compress(envelope("getVersion").encode()), rpc.app, HTTP_CONTENT_ENCODING="gzip"
    )

    assert reply.body == PARSE_ERROR


def test_trailing_slash_is_not_redirected(rpc):
    response = rpc.client.post(
        "/jsonrpc.php/", envelope("getVersion"), content_type="application/json"
    )

    assert response.status_code == 404


def test_object_ids_are_echoed(rpc):
    reply = rpc.post(envelope("getVersion", request_id={"a": [1]}), rpc.app)

    assert reply.body == b'{"jsonrpc":"2.0","result":"1.2.53","id":{"a":[1]}}'


@pytest.mark.parametrize(
    "body",
    [
        '{"jsonrpc":2.0,"method":"getVersion","id":1}',
        '{"jsonrpc":"2.0","method":null,"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":false,"id":1}',
        '{"jsonrpc":"2.0","method":"getVersion","params":5,"id":1}',
        '{"0":{"jsonrpc":"2.0","method":"getVersion","id":1}}',
        "{}",
    ],
)
def test_malformed_request_objects_are_invalid_requests(rpc, body):
    reply = rpc.post(body, rpc.app)

    assert (reply.status, reply.body) == (200, INVALID_REQUEST)


def test_invalid_notifications_are_still_answered(rpc):
    reply = rpc.post('{"jsonrpc":"1.0","method":"getVersion"}', rpc.app)

    assert reply.body == INVALID_REQUEST


@pytest.mark.parametrize("params", [None, [], {}])
def test_null_and_empty_params_mean_no_params(rpc, params):
    reply = rpc.post(
        json.dumps({"jsonrpc": "2.0", "method": "getVersion", "params": params, "id": 3}), rpc.app
    )

    assert reply.json == {"jsonrpc": "2.0", "result": "1.2.53", "id": 3}


def test_unknown_named_params_are_ignored_while_the_count_fits(rpc):
    user_id = rpc.call("createUser", {"username": "ann", "password": "secret1"})

    result = rpc.call("isActiveUser", {"user_id": user_id})
    too_many = rpc.error("isActiveUser", {"user_id": user_id, "bogus": 1})
    missing = rpc.error("createUser", {"username": "x", "bogus": 1})

    assert result is True
    assert too_many == {"code": -32602, "message": "Invalid params", "data": "Too many arguments"}
    assert missing == {
        "code": -32602,
        "message": "Invalid params",
        "data": "Missing argument: password",
    }


def test_params_object_keyed_by_positions_binds_by_position(rpc):
    user_id = rpc.call("createUser", {"0": "bea", "1": "secret1", "2": "Bea"})

    assert User.objects.get(pk=user_id).name == "Bea"


def test_missing_optional_positional_params_take_their_defaults(rpc):
    user_id = rpc.call("createUser", ["cal", "secret1"])

    user = User.objects.get(pk=user_id)
    assert (user.name, user.email, user.role) == ("", "", "app-user")


@pytest.mark.parametrize("name", ["getversion", "GETVERSION", "getme", "GetMe"])
def test_procedure_names_are_case_sensitive(rpc, name):
    assert rpc.error(name) == {"code": -32601, "message": "Method not found"}


@pytest.mark.parametrize(
    "name",
    [
        "system.listMethods",
        "system.methodHelp",
        "system.multicall",
        "rpc.discover",
        "beforeProcedure",
        "getClassName",
        "filterValues",
        "__get",
        "__init__",
    ],
)
def test_internal_and_introspection_names_are_not_procedures(rpc, name):
    assert rpc.error(name)["code"] == -32601


def test_unknown_procedure_without_credentials_is_unauthorized(rpc):
    reply = rpc.post(envelope("system.listMethods"), Credentials("jsonrpc", "wrong"))

    assert reply.status == 401


def test_notification_runs_and_answers_an_empty_body(rpc):
    for request_id in (..., None):
        username = f"notified{request_id is None}"
        reply = rpc.post(
            envelope(
                "createUser", {"username": username, "password": "secret1"}, request_id=request_id
            ),
            rpc.app,
        )

        assert (reply.status, reply.body) == (200, b"")
        assert reply.headers["Content-Type"] == "application/json"
        assert User.objects.filter(username=username).exists()


def test_notification_errors_are_swallowed(rpc):
    reply = rpc.post(envelope("createUser", {"username": "x"}, request_id=None), rpc.app)

    assert (reply.status, reply.body) == (200, b"")


def test_batch_answers_in_order_without_notifications(rpc):
    body = json.dumps(
        [
            {"jsonrpc": "2.0", "method": "getVersion", "id": 1},
            {"jsonrpc": "2.0", "method": "getVersion"},
            {"jsonrpc": "2.0", "method": "nope", "id": 2},
            {"jsonrpc": "2.0", "method": "getUser", "params": [], "id": 3},
            {"foo": "bar"},
            {"jsonrpc": "2.0", "method": "getVersion", "id": "x"},
            {"jsonrpc": "2.0", "method": "getVersion", "id": 7},
            {"jsonrpc": "2.0", "method": "getVersion", "id": 7},
        ]
    )

    answers = rpc.post(body, rpc.app).json

    assert [(a.get("result"), a.get("error", {}).get("code"), a["id"]) for a in answers] == [
        ("1.2.53", None, 1),
        (None, -32601, 2),
        (None, -32602, 3),
        (None, -32600, None),
        ("1.2.53", None, "x"),
        ("1.2.53", None, 7),
        ("1.2.53", None, 7),
    ]


def test_denial_inside_a_batch_aborts_it_and_keeps_earlier_effects(rpc):
    body = json.dumps(
        [
            {
                "jsonrpc": "2.0",
                "method": "createUser",
                "params": {"username": "first", "password": "secret1"},
                "id": 1,
            },
            {"jsonrpc": "2.0", "method": "getMe", "id": 2},
            {
                "jsonrpc": "2.0",
                "method": "createUser",
                "params": {"username": "third", "password": "secret1"},
                "id": 3,
            },
        ]
    )

    reply = rpc.post(body, rpc.app)

    assert (reply.status, reply.body) == (403, FORBIDDEN)
    assert User.objects.filter(username="first").exists()
    assert not User.objects.filter(username="third").exists()


def test_batch_of_invalid_elements_without_credentials_is_answered(rpc):
    reply = rpc.post('[{"foo":1},{"bar":2}]')

    assert (reply.status, reply.body) == (
        200,
        b"[" + INVALID_REQUEST + b"," + INVALID_REQUEST + b"]",
    )


def test_batch_without_credentials_is_unauthorized_as_a_whole(rpc):
    reply = rpc.post('[{"jsonrpc":"2.0","method":"getVersion","id":1}]')

    assert (reply.status, reply.body) == (401, UNAUTHORIZED)
    assert reply.headers["WWW-Authenticate"] == 'Basic realm="JsonRPC"'


def test_batch_larger_than_the_limit_is_refused_whole(rpc, settings):
    settings.RPC_MAX_BATCH_SIZE = 3
    element = {
        "jsonrpc": "2.0",
        "method": "createUser",
        "params": {"username": "batched", "password": "secret1"},
        "id": 1,
    }

    refused = rpc.post(json.dumps([element] * 4), rpc.app).json
    accepted = rpc.post(
        json.dumps([{"jsonrpc": "2.0", "method": "getVersion", "id": 1}] * 3), rpc.app
    ).json

    assert refused["error"]["code"] == -32600
    assert refused["error"]["data"] == "Batch too large: 4 requests, at most 3 are allowed"
    assert not User.objects.filter(username="batched").exists()
    assert len(accepted) == 3


def test_body_over_the_size_limit_is_refused_unread(rpc, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    body = envelope("createUser", {"username": "big", "password": "x" * 200})

    reply = rpc.post(body, rpc.app)

    assert reply.status == 413
    assert reply.json["error"]["code"] == -32600
    assert not User.objects.filter(username="big").exists()


def test_unexpected_failure_answers_internal_error_without_details(rpc, monkeypatch):
    def boom():
        raise RuntimeError("SELECT secret FROM x at /srv/private")

    monkeypatch.setattr("rpc.procedures.app.default_color", boom)

    reply = rpc.post(envelope("getDefaultTaskColor", request_id=9), rpc.app)

    assert (
        reply.body == b'{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":9}'
    )


def test_type_error_inside_a_procedure_is_not_invalid_params(rpc, monkeypatch):
    monkeypatch.setattr("rpc.procedures.app.default_color", lambda: len(5))

    assert rpc.error("getDefaultTaskColor") == {"code": -32603, "message": "Internal error"}


def test_result_that_cannot_be_encoded_is_an_internal_error(rpc, monkeypatch):
    monkeypatch.setattr("rpc.procedures.app.default_color", lambda: "bad \udc80 text")

    error = rpc.error("getDefaultTaskColor")

    assert error == {
        "code": -32603,
        "message": "Internal error",
        "data": "Malformed UTF-8 characters, possibly incorrectly encoded",
    }


def test_results_are_compact_utf8_with_unescaped_slashes(rpc):
    user_id = rpc.call("createUser", {"username": "zoë/ä", "password": "secret1"})

    reply = rpc.request("getUser", [user_id])

    assert '"username":"zoë/ä"'.encode() in reply.body


def test_array_typed_params_refuse_scalars_with_invalid_params(rpc, monkeypatch):
    from rpc.binding import ParameterSpec

    def takes_array(values: list, flag=None):
        return values

    spec = ParameterSpec.of(takes_array, None, None)

    with pytest.raises(Exception) as refused:
        spec.bind({"values": "x"})

    assert refused.value.data == "Parameter values must be an array"
    assert spec.bind([[1, 2]]) == {"values": [1, 2], "flag": None}


def test_no_response_sets_a_cookie(rpc, world):
    for credentials in (rpc.app, world["member"], Credentials("usr", "bad")):
        assert "Set-Cookie" not in rpc.post(envelope("getVersion"), credentials).headers


def test_admin_login_cookie_does_not_authenticate_api_calls(rpc):
    rpc.client.login(username="admin", password="admin")

    reply = rpc.post(envelope("getAllUsers"))

    assert reply.status == 401


def test_cross_site_browser_requests_are_refused(rpc):
    reply = rpc.post(
        envelope("getVersion"),
        rpc.app,
        HTTP_SEC_FETCH_SITE="cross-site",
        HTTP_ORIGIN="https://evil.example",
        content_type="text/plain",
    )

    assert (reply.status, reply.body) == (403, FORBIDDEN)
    assert not [name for name in reply.headers if name.startswith("Access-Control")]


@pytest.mark.parametrize("site", ["same-origin", "none"])
def test_same_site_and_direct_browser_requests_are_served(rpc, site):
    assert rpc.post(envelope("getVersion"), rpc.app, HTTP_SEC_FETCH_SITE=site).status == 200
