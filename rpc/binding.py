"""Kanboard's rules for binding JSON-RPC params to a procedure's parameters.

First the count: fewer than the required parameters is "Wrong number of arguments", more
than all of them is "Too many arguments". Then a list (or an object keyed "0".."n-1") binds
by position, and an object binds by name, with defaults for what is absent and "Missing
argument: x" for a required parameter that is absent. Unknown names are ignored as long
as the count fits.
"""

from __future__ import annotations

import inspect
import typing
from dataclasses import dataclass, field
from typing import Any

from rpc.errors import InvalidParams

_NO_DEFAULT = inspect.Parameter.empty
_UnionType = type(int | str)


@dataclass(frozen=True)
class ParameterSpec:
    names: tuple[str, ...]
    defaults: dict[str, Any]
    required: int
    # Parameters typed as arrays in Kanboard: a scalar there is invalid params.
    array_types: dict[str, tuple[type, ...]] = field(default_factory=dict)
    legacy_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, func, skip: str | None, legacy_names: dict[str, str] | None) -> ParameterSpec:
        parameters = [p for p in inspect.signature(func).parameters.values() if p.name != skip]
        hints = typing.get_type_hints(func)
        array_types = {}
        for parameter in parameters:
            allowed = _array_types(hints.get(parameter.name))
            if allowed:
                array_types[parameter.name] = allowed
        return cls(
            names=tuple(p.name for p in parameters),
            defaults={p.name: p.default for p in parameters if p.default is not _NO_DEFAULT},
            required=sum(1 for p in parameters if p.default is _NO_DEFAULT),
            array_types=array_types,
            legacy_names=legacy_names or {},
        )

    def bind(self, params: list | dict | None) -> dict[str, Any]:
        params = params if params is not None else []
        count = len(params)
        if count < self.required:
            raise InvalidParams("Wrong number of arguments")
        if count > len(self.names):
            raise InvalidParams("Too many arguments")
        if isinstance(params, list):
            values = params
        elif list(params) == [str(index) for index in range(count)]:
            values = list(params.values())
        else:
            bound = {name: self._named_value(params, name) for name in self.names}
            self._check_arrays(bound)
            return bound
        bound = dict(zip(self.names, values, strict=False))
        for name in self.names[count:]:
            bound[name] = self.defaults[name]
        self._check_arrays(bound)
        return bound

    def _named_value(self, params: dict, name: str) -> Any:
        if name in params:
            return params[name]
        legacy = self.legacy_names.get(name)
        if legacy and legacy in params:
            return params[legacy]
        if name in self.defaults:
            return self.defaults[name]
        raise InvalidParams(f"Missing argument: {name}")

    def _check_arrays(self, bound: dict[str, Any]) -> None:
        for name, allowed in self.array_types.items():
            value = bound[name]
            if value is None and self.defaults.get(name, _NO_DEFAULT) is None:
                continue
            if not isinstance(value, allowed):
                raise InvalidParams(f"Parameter {name} must be an array")


def _array_types(hint) -> tuple[type, ...]:
    """(list,) / (dict,) / (list, dict) for array-typed hints, () otherwise."""
    candidates = (
        typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, _UnionType) else (hint,)
    )
    found = []
    for candidate in candidates:
        origin = typing.get_origin(candidate) or candidate
        if origin in (list, dict):
            found.append(origin)
    return tuple(found)
