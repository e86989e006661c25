"""JSON pointers (RFC 6901) and the shape checks every loader of user files shares.

Checks raise :class:`~harness.errors.InputError` with the pointer of the bad part and no
file path; the public loaders fill the path in with :meth:`InputError.located`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

from harness.errors import InputError
from harness.model import Variable
from harness.variables import to_text


def escape(token: str | int) -> str:
    """One reference token, escaped (``~`` → ``~0``, ``/`` → ``~1``)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def join(pointer: str, *tokens: str | int) -> str:
    """``pointer`` extended by ``tokens``: ``join("/item/0", "request")`` → ``/item/0/request``."""
    return pointer + "".join("/" + escape(t) for t in tokens)


def type_name(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def fail(pointer: str, message: str) -> NoReturn:
    raise InputError(message, "", pointer)


def expect(value: object, kind: type, pointer: str, what: str) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        fail(pointer, f"{what} must be {_article(kind)}, got {type_name(value)}")
    return value


def _article(kind: type) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        kind, kind.__name__
    )


def as_obj(value: object, pointer: str, what: str = "value") -> dict[str, Any]:
    result: dict[str, Any] = expect(value, dict, pointer, what)
    return result


def as_list(value: object, pointer: str, what: str = "value") -> list[Any]:
    result: list[Any] = expect(value, list, pointer, what)
    return result


def opt_list(obj: dict[str, Any], key: str, pointer: str) -> list[Any]:
    """``obj[key]`` as a list; absent or null gives ``[]``."""
    value = obj.get(key)
    if value is None:
        return []
    return as_list(value, join(pointer, key), f"'{key}'")


def opt_str(obj: dict[str, Any], key: str, pointer: str, default: str = "") -> str:
    """``obj[key]`` as a string; absent or null gives ``default``."""
    value = obj.get(key)
    if value is None:
        return default
    result: str = expect(value, str, join(pointer, key), f"'{key}'")
    return result


def scalar_text(value: object, pointer: str, what: str) -> str:
    """A string, or a number/boolean as JavaScript prints it; null gives ``""``."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return to_text(value)
    fail(pointer, f"{what} must be a string, got {type_name(value)}")


def opt_text(value: object, pointer: str, what: str) -> str | None:
    """Like :func:`scalar_text` but null stays ``None``."""
    return None if value is None else scalar_text(value, pointer, what)


def description(obj: dict[str, Any], pointer: str) -> str:
    """A ``description``: a string, ``{content, type}`` or absent."""
    value = obj.get("description")
    where = join(pointer, "description")
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return opt_str(value, "content", where)
    fail(where, f"'description' must be a string or an object, got {type_name(value)}")


def is_disabled(obj: dict[str, Any]) -> bool:
    """``disabled: true`` or the legacy ``enabled: false``."""
    return obj.get("disabled") is True or obj.get("enabled") is False


def behavior(obj: dict[str, Any], pointer: str) -> dict[str, Any]:
    value = obj.get("protocolProfileBehavior")
    if value is None:
        return {}
    where = join(pointer, "protocolProfileBehavior")
    return dict(as_obj(value, where, "'protocolProfileBehavior'"))


def variables(
    values: object, pointer: str, default_type: str = "any"
) -> tuple[Variable, ...]:
    """A ``variable``/``values`` list: ``[{key (or legacy id), value, type, disabled}]``."""
    if values is None:
        return ()
    out = []
    for i, entry in enumerate(as_list(values, pointer, "a variable list")):
        where = join(pointer, i)
        obj = as_obj(entry, where, "a variable")
        key = obj.get("key")
        if key is None:
            key = obj.get("id")
        if key is None:
            fail(where, "variable without 'key'")
        out.append(Variable(
            key=scalar_text(key, join(where, "key"), "'key'"),
            value=obj.get("value"),
            type=opt_str(obj, "type", where, default_type),
            disabled=is_disabled(obj),
            description=description(obj, where),
        ))
    return tuple(out)


def decode(data: bytes, path: str) -> str:
    """File bytes as text: UTF-8 (BOM stripped) or UTF-16 with a BOM."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", path) from None


def read_text(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None
    return decode(data, path)


def parse_json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path
        ) from None


def load_json(path: str) -> Any:
    """A JSON file; not-JSON gives an InputError with the line and column."""
    return parse_json(read_text(path), path)
