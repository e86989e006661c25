"""Variable scopes and the one resolver of ``{{name}}`` tokens, with Postman's rules.

Precedence, highest first: local (``pm.variables.set``) > iteration data > environment >
collection > globals. Disabled variables are invisible. A value may itself contain
``{{tokens}}``; resolution repeats (at most 19 passes, as postman-collection's substitutor)
until nothing changes, so a self-reference stays as text. Unknown tokens stay verbatim and
are reported to the caller. Names may hold any character but braces (``{{base-url}}``,
``{{schema.name}}``, ``{{$guid}}``); ``$``-names fall back to dynamic variables.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from harness.model import Variable

TOKEN = re.compile(r"\{\{([^{}]*?)\}\}")
MAX_PASSES = 19
SCOPE_ORDER = ("local", "data", "environment", "collection", "globals")
_MISSING: Any = object()


def to_text(value: Any) -> str:
    """A value as JavaScript's ``String(value)`` would print it (what Postman substitutes)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _js_number(value)
    if isinstance(value, list):
        return ",".join("" if v is None else to_text(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _js_number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return json.dumps(value)


class Scope:
    """One named, ordered set of variables (environment, globals, collection, data, local)."""

    __slots__ = ("name", "_values", "_types", "_secrets", "source_name")

    def __init__(
        self, name: str, variables: Iterable[Variable] = (), source_name: str = ""
    ) -> None:
        self.name = name
        self.source_name = source_name
        self._values: dict[str, Any] = {}
        self._types: dict[str, str] = {}
        self._secrets: set[str] = set()
        for var in variables:
            if not var.disabled:
                self.set(var.key, var.value, var.type)

    @classmethod
    def from_dict(cls, name: str, values: dict[str, Any]) -> Scope:
        scope = cls(name)
        for key, value in values.items():
            scope.set(key, value)
        return scope

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def has(self, key: str) -> bool:
        return key in self._values

    def set(self, key: str, value: Any, type: str | None = None) -> None:
        self._values[key] = value
        if type:
            self._types[key] = type
            if type == "secret":
                self._secrets.add(key)

    def unset(self, key: str) -> None:
        self._values.pop(key, None)

    def clear(self) -> None:
        self._values.clear()

    def mark_secret(self, key: str) -> None:
        self._secrets.add(key)

    def type_of(self, key: str) -> str:
        return self._types.get(key, "default" if key not in self._secrets else "secret")

    def is_secret(self, key: str) -> bool:
        return key in self._secrets

    def secret_values(self) -> Iterator[str]:
        for key in self._secrets:
            value = self._values.get(key)
            if value not in (None, ""):
                yield to_text(value)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def replace_all(self, values: dict[str, Any]) -> None:
        """Take the whole content from a script's copy, keeping types and secrets."""
        self._values = dict(values)

    def items(self) -> Iterator[tuple[str, Any]]:
        return iter(self._values.items())

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values


class Scopes:
    """The five scopes of a run, looked up in Postman's precedence order."""

    __slots__ = ("local", "data", "environment", "collection", "globals", "_chain")

    def __init__(
        self,
        environment: Scope | None = None,
        globals: Scope | None = None,
        collection: Scope | None = None,
        data: Scope | None = None,
        local: Scope | None = None,
    ) -> None:
        self.local = local or Scope("local")
        self.data = data or Scope("data")
        self.environment = environment or Scope("environment")
        self.collection = collection or Scope("collection")
        self.globals = globals or Scope("globals")
        self._chain: tuple[Scope, ...] = ()
        self._rechain()

    def _rechain(self) -> None:
        self._chain = (self.local, self.data, self.environment, self.collection, self.globals)

    def set_data(self, data: Scope) -> None:
        self.data = data
        self._rechain()

    def scope(self, name: str) -> Scope:
        scope: Scope = getattr(self, name)
        return scope

    def lookup(self, key: str) -> Any:
        """The value of ``key`` by precedence, or the sentinel :data:`MISSING`."""
        for scope in self._chain:
            value = scope._values.get(key, _MISSING)
            if value is not _MISSING:
                return value
        return _MISSING

    def merged(self) -> dict[str, Any]:
        """All visible variables, higher scopes winning (``pm.variables.toObject()``)."""
        out: dict[str, Any] = {}
        for scope in reversed(self._chain):
            out.update(scope._values)
        return out

    def __iter__(self) -> Iterator[Scope]:
        return iter(self._chain)


MISSING = _MISSING


class Resolver:
    """Replaces ``{{tokens}}`` using :class:`Scopes` and a dynamic-variable generator."""

    __slots__ = ("scopes", "dynamic", "extra")

    def __init__(
        self,
        scopes: Scopes,
        dynamic: Callable[[str], str | None] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.scopes = scopes
        self.dynamic = dynamic or _no_dynamic
        self.extra = extra  # e.g. a request's path variables, looked up first

    def resolve(self, text: str, unresolved: set[str] | None = None) -> str:
        """``text`` with every known token replaced; unknown names go into ``unresolved``."""
        if "{{" not in text:
            return text
        missing: set[str] = set()

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            value = self._find(name)
            if value is _MISSING:
                missing.add(name)
                return match.group(0)
            return to_text(value)

        for _ in range(MAX_PASSES):
            missing.clear()
            new = TOKEN.sub(replace, text)
            if new == text:
                break
            text = new
            if "{{" not in text:
                break
        if unresolved is not None and missing:
            unresolved.update(missing)
        return text

    def resolve_value(self, value: Any, unresolved: set[str] | None = None) -> Any:
        """Resolve strings (recursively inside lists and dicts); other values unchanged."""
        if isinstance(value, str):
            return self.resolve(value, unresolved)
        if isinstance(value, list):
            return [self.resolve_value(v, unresolved) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve_value(v, unresolved) for k, v in value.items()}
        return value

    def _find(self, name: str) -> Any:
        if self.extra and name in self.extra:
            return self.extra[name]
        value = self.scopes.lookup(name)
        if value is _MISSING and name.startswith("$"):
            generated = self.dynamic(name)
            if generated is not None:
                return generated
        return value


def _no_dynamic(name: str) -> str | None:
    return None
