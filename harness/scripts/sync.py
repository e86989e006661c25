"""Keeping the JavaScript mirror of the five scopes in step with the live Python :class:`Scopes`.

The mirror is pushed only for scopes that changed outside scripts since the last push (a dict
comparison, identity-fast for unchanged values); script writes come back as a journal of
``[scope, op, key, value]`` entries applied to the live scopes and to the snapshot alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from harness.variables import SCOPE_ORDER, Scope, Scopes

Journal = list[list[Any]]


class ScopeSync:
    def __init__(self) -> None:
        self._snap: dict[str, tuple[Scope, dict[str, Any]]] = {}
        self._names: str = ""

    def reset(self) -> None:
        """Forget what the mirror holds (the JS context was recreated)."""
        self._snap.clear()
        self._names = ""

    def push(self, scopes: Scopes, send: Callable[..., Any]) -> None:
        """Send every scope whose content differs from what the mirror holds."""
        for name in SCOPE_ORDER:
            scope = scopes.scope(name)
            values = scope._values  # noqa: SLF001 - compared, never changed here
            snap = self._snap.get(name)
            if snap is not None and snap[0] is scope and snap[1] == values:
                continue
            send("setScope", name, json.dumps(values, default=str))
            self._snap[name] = (scope, dict(values))
        names = json.dumps({
            "environment": scopes.environment.source_name,
            "globals": scopes.globals.source_name,
            "collection": scopes.collection.source_name,
        })
        if names != self._names:
            send("setNames", names)
            self._names = names

    def apply(self, scopes: Scopes, entries: Journal) -> None:
        """Apply script writes to the live scopes and the snapshot."""
        for entry in entries:
            name, op = entry[0], entry[1]
            if name not in SCOPE_ORDER or name == "data":
                continue
            scope = scopes.scope(name)
            snap = self._snapshot(name, scope)
            if op == "set":
                scope.set(entry[2], entry[3])
                snap[entry[2]] = entry[3]
            elif op == "unset":
                scope.unset(entry[2])
                snap.pop(entry[2], None)
            elif op == "clear":
                scope.clear()
                snap.clear()

    def _snapshot(self, name: str, scope: Scope) -> dict[str, Any]:
        snap = self._snap.get(name)
        if snap is None or snap[0] is not scope:
            self._snap[name] = (scope, dict(scope._values))  # noqa: SLF001
            return self._snap[name][1]
        return snap[1]
