"""JSON-RPC errors as Kanboard sends them, and the two request-wide HTTP refusals."""

from __future__ import annotations

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603

MESSAGES = {
    PARSE_ERROR: "Parse error",
    INVALID_REQUEST: "Invalid Request",
    METHOD_NOT_FOUND: "Method not found",
    INVALID_PARAMS: "Invalid params",
    INTERNAL_ERROR: "Internal error",
}


class RpcError(Exception):
    """An error answered in the JSON-RPC body (HTTP 200), with the request's id."""

    def __init__(self, code: int, message: str | None = None, data: str | None = None) -> None:
        self.code = code
        self.message = message if message is not None else MESSAGES[code]
        self.data = data
        super().__init__(self.message)


class InvalidParams(RpcError):
    def __init__(self, data: str) -> None:
        super().__init__(INVALID_PARAMS, data=data)


class ProcedureFailure(RpcError):
    """Kanboard's code-0 errors: an exception message a procedure reports as such
    (for example createLdapUser without an LDAP server)."""

    def __init__(self, message: str) -> None:
        super().__init__(0, message)


class Abort(Exception):
    """Ends the whole HTTP request with one error object and this status (a batch too)."""

    status = 0
    message = ""


class Unauthorized(Abort):
    status = 401
    message = "Unauthorized"


class Forbidden(Abort):
    status = 403
    message = "Forbidden"


def error_object(code: int, message: str, request_id, data=None) -> dict:
    error = {"code": code, "message": message}
    if data:
        error["data"] = data
    return {"jsonrpc": "2.0", "error": error, "id": request_id}
