"""The registry of procedures: django-modern-rpc's, under Kanboard's exact names."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from modernrpc import Protocol, RpcNamespace

procedures = RpcNamespace()

# Older parameter names still accepted by some procedures: {procedure: {name: old name}}.
LEGACY_PARAMETER_NAMES: dict[str, dict[str, str]] = {}
# What a procedure answers when its domain call refuses the input (ValidationError):
# Kanboard's in-band failure value, usually false. Without an entry: -32602 with the reason.
INVALID_RESULTS: dict[str, Any] = {}

CALLER_PARAMETER = "caller"
NO_FAILURE_VALUE = object()


def procedure(
    name: str, *, invalid: Any = NO_FAILURE_VALUE, legacy_names: dict[str, str] | None = None
) -> Callable:
    """Register the decorated function as the Kanboard procedure ``name``.

    Its parameters are the procedure's, in Kanboard's order and with Kanboard's
    defaults. A parameter named ``caller`` is not one of them: the endpoint passes the
    authenticated caller there. ``invalid`` is the result for input the domain refuses.
    ``legacy_names`` maps a parameter to the name that
    Kanboard's older documentation gave it, accepted when the current name is absent.
    """

    def register(func: Callable) -> Callable:
        wants_caller = CALLER_PARAMETER in inspect.signature(func).parameters
        procedures.register_procedure(
            func,
            name=name,
            protocol=Protocol.JSON_RPC,
            context_target=CALLER_PARAMETER if wants_caller else None,
        )
        if legacy_names:
            LEGACY_PARAMETER_NAMES[name] = legacy_names
        if invalid is not NO_FAILURE_VALUE:
            INVALID_RESULTS[name] = invalid
        return func

    return register
