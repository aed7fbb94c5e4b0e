"""The ``/jsonrpc.php`` endpoint: Kanboard 1.2.53's JSON-RPC protocol on django-modern-rpc.

django-modern-rpc is the registry (procedure names, functions, signatures); this module
replaces its protocol engine, because Kanboard's clients see every detail of it: HTTP
401/403 that abort the whole request, ``"id": null`` as a notification answered with an
empty body, per-element errors in batches, Kanboard's error texts and compact UTF-8 JSON.

For one request object, in Kanboard's order: shape (-32600), authentication (401),
method lookup (-32601), user-only and application-role checks (403), parameter binding
(-32602), project-level checks (403), the procedure, and encoding of its result (-32603).
"""

from __future__ import annotations

import json
import logging
import re
from http import HTTPStatus
from time import perf_counter
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from modernrpc import Protocol, RpcRequestContext, RpcServer
from modernrpc.core import ProcedureWrapper
from modernrpc.jsonrpc.handler import JsonRpcHandler

from accounts.config import settings_read_once
from rpc import access
from rpc.authentication import RequestAuthentication
from rpc.binding import ParameterSpec
from rpc.errors import (
    INTERNAL_ERROR,
    INVALID_REQUEST,
    MESSAGES,
    METHOD_NOT_FOUND,
    PARSE_ERROR,
    Abort,
    Forbidden,
    InvalidParams,
    RpcError,
    Unauthorized,
    error_object,
)
from rpc.formatters.database_json import JsonText, encoded_with_splices
from rpc.observability import RESULT, observe_batch, observe_call, with_request_id
from rpc.registry import (
    CALLER_PARAMETER,
    INVALID_RESULTS,
    LEGACY_PARAMETER_NAMES,
    NO_FAILURE_VALUE,
    procedures,
)

logger = logging.getLogger(__name__)

# PHP's json_decode gives up beyond 512 levels of nesting.
MAX_NESTING = 512
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_NOT_PARSED = object()


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def parse_body(body: str | None) -> Any:
    """The decoded JSON, or _NOT_PARSED where PHP's json_decode would fail.

    Python accepts more than PHP: NaN and Infinity, integers of any length (up to an
    error past 4,300 digits), nesting until RecursionError, and lone surrogates from
    ``\\ud800`` escapes that can never be stored or encoded again.
    """
    if not body:
        return _NOT_PARSED
    if body.count("[") + body.count("{") > MAX_NESTING and _nesting(body) > MAX_NESTING:
        return _NOT_PARSED
    try:
        data = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return _NOT_PARSED
    if _ESCAPED_SURROGATE.search(body) and _has_lone_surrogate(data):
        return _NOT_PARSED
    return data


def _nesting(body: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for char in body:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _has_lone_surrogate(data: Any) -> bool:
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def dumps(value: Any) -> str:
    """Kanboard's encoding: compact, slashes and non-ASCII characters left as they are.

    orjson writes exactly that, ten times faster than the standard library on a board of
    200 tasks; what it refuses (integers beyond 64 bits, lone surrogates) goes to the
    standard encoder, which writes the one and reports the other. Results hold no NaN:
    every number stored was checked to be finite."""
    try:
        return encoded_with_splices(value)
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_decoded
        )


def _decoded(value: Any) -> Any:
    if isinstance(value, JsonText):
        return json.loads(value.text)
    raise TypeError(f"{type(value).__name__} is not JSON")


def error_reply(code: int, request_id=None, data=None) -> dict:
    return error_object(code, MESSAGES[code], request_id, data)


class KanboardHandler(JsonRpcHandler):
    """The protocol engine. ``process_request`` returns ``(status, body)``."""

    @classmethod
    def can_handle(cls, request: HttpRequest) -> bool:
        return True  # Kanboard reads any Content-Type as JSON

    def __init__(self) -> None:
        super().__init__()
        self._specs: dict[str, ParameterSpec] = {}

    def process_request(
        self, request_body: str | None, context: RpcRequestContext
    ) -> tuple[int, str]:
        data = parse_body(request_body)
        if data is _NOT_PARSED or not isinstance(data, (dict, list)):
            return HTTPStatus.OK, dumps(error_reply(PARSE_ERROR))
        if not data:
            return HTTPStatus.OK, dumps(error_reply(INVALID_REQUEST))
        if isinstance(data, list) and len(data) > settings.RPC_MAX_BATCH_SIZE:
            limit = settings.RPC_MAX_BATCH_SIZE
            too_large = f"Batch too large: {len(data)} requests, at most {limit} are allowed"
            return HTTPStatus.OK, dumps(error_reply(INVALID_REQUEST, data=too_large))
        if isinstance(data, list):
            observe_batch(len(data))

        authentication = RequestAuthentication(context.request)
        elements = data if isinstance(data, list) else [data]
        registry = context.server.procedures
        try:
            with settings_read_once():
                replies = [
                    self.process_element(element, authentication, registry) for element in elements
                ]
        except Abort as refusal:
            body = error_object(refusal.status, refusal.message, None)
            return refusal.status, dumps(body)
        encoded = [reply for reply in replies if reply is not None]
        if not encoded:
            return HTTPStatus.OK, ""
        if isinstance(data, list):
            return HTTPStatus.OK, "[" + ",".join(encoded) + "]"
        return HTTPStatus.OK, encoded[0]

    async def aprocess_request(self, request_body: str, context) -> tuple[int, str]:
        raise NotImplementedError("batches run sequentially: serve the synchronous view")

    def process_element(
        self, element: Any, authentication: RequestAuthentication, registry: dict
    ) -> str | None:
        """One request object to its encoded reply, or None for a notification."""
        if isinstance(element, list):
            return dumps(error_reply(INVALID_REQUEST))
        if not isinstance(element, dict):
            return dumps(error_reply(PARSE_ERROR))
        method = element.get("method")
        params = element.get("params")
        if (
            element.get("jsonrpc") != "2.0"
            or not isinstance(method, str)
            or not isinstance(params, (list, dict, type(None)))
        ):
            return dumps(error_reply(INVALID_REQUEST))

        request_id = element.get("id")
        started = perf_counter()
        try:
            result = self.call(registry.get(method), method, params, authentication)
        except RpcError as error:
            observe_call(authentication, method, params, error.code, started)
            reply = error_object(error.code, error.message, request_id, error.data)
        except Abort as refusal:
            observe_call(authentication, method, params, refusal.status, started)
            raise
        else:
            observe_call(authentication, method, params, RESULT, started)
            reply = {"jsonrpc": "2.0", "result": result, "id": request_id}
        if request_id is None:
            return None
        return self.encode(reply, request_id)

    def call(
        self,
        wrapper: ProcedureWrapper | None,
        method: str,
        params,
        authentication: RequestAuthentication,
    ) -> Any:
        caller = authentication.caller()
        if wrapper is None:
            raise RpcError(METHOD_NOT_FOUND)
        rule = access.ACCESS.get(method)
        access.check_procedure(rule, caller)
        bound = self.spec(wrapper).bind(params)
        refusal = access.check_project(rule, caller, bound)
        if refusal is not None:
            return refusal.result
        if wrapper.context_target:
            bound[wrapper.context_target] = caller
        try:
            return wrapper.func_or_coro(**bound)
        except (RpcError, Abort):
            raise
        except ValidationError as invalid:
            failure_value = INVALID_RESULTS.get(method, NO_FAILURE_VALUE)
            if failure_value is NO_FAILURE_VALUE:
                raise InvalidParams(invalid.messages[0]) from None
            return failure_value
        except DatabaseError:
            logger.exception("database error in %s", method)
            raise RpcError(INTERNAL_ERROR) from None
        except Exception:
            logger.exception("unexpected error in %s", method)
            raise RpcError(INTERNAL_ERROR) from None

    def spec(self, wrapper: ProcedureWrapper) -> ParameterSpec:
        spec = self._specs.get(wrapper.name)
        if spec is None:
            spec = ParameterSpec.of(
                wrapper.func_or_coro, CALLER_PARAMETER, LEGACY_PARAMETER_NAMES.get(wrapper.name)
            )
            self._specs[wrapper.name] = spec
        return spec

    @staticmethod
    def encode(reply: dict, request_id) -> str:
        try:
            encoded = dumps(reply)
            encoded.encode("utf-8")
        except UnicodeEncodeError:
            malformed = "Malformed UTF-8 characters, possibly incorrectly encoded"
            return dumps(error_reply(INTERNAL_ERROR, request_id, malformed))
        except (TypeError, ValueError):
            logger.exception("result cannot be encoded as JSON")
            return dumps(error_reply(INTERNAL_ERROR, request_id))
        return encoded


class KanboardRpcServer(RpcServer):
    @staticmethod
    def build_response(handler, result_data) -> HttpResponse:
        response = RpcServer.build_response(handler, result_data)
        if response.status_code == Unauthorized.status:
            response["WWW-Authenticate"] = 'Basic realm="JsonRPC"'
        return response


def build_server() -> KanboardRpcServer:
    # Importing the procedure modules fills the registry before it is copied.
    from rpc import procedures as procedure_modules

    procedure_modules.load_all()
    server = KanboardRpcServer(
        register_system_procedures=False, supported_protocol=Protocol.JSON_RPC
    )
    server.handlers = [KanboardHandler()]
    server.register_namespace(procedures)
    return server


server = build_server()


@csrf_exempt
@with_request_id
def jsonrpc_view(request: HttpRequest) -> HttpResponse:
    """Any HTTP method and any Content-Type: Kanboard reads the raw body as JSON."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        # A browser sending a page's form or script to the API, possibly with Basic
        # credentials it cached: no API client is a cross-site page (security.md O4).
        forbidden = error_object(Forbidden.status, Forbidden.message, None)
        return HttpResponse(
            dumps(forbidden), status=Forbidden.status, content_type="application/json"
        )
    try:
        body = request.body.decode("utf-8")
    except UnicodeDecodeError:
        body = None
    except RequestDataTooBig:
        limit = f"Request body larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes"
        reply = dumps(error_reply(INVALID_REQUEST, data=limit))
        return HttpResponse(
            reply, status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE, content_type="application/json"
        )
    handler = server.handlers[0]
    context = RpcRequestContext(request, server, handler, Protocol.JSON_RPC)
    return server.build_response(handler, handler.process_request(body, context))
