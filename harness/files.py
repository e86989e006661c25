"""The other files of a run: environments, globals, iteration data, ``.env``; and exports.

Environment and globals files are Postman's export format (``{"name", "values": [{key,
value, type, enabled}]}``), also inside an ``{"environment": ...}`` / ``{"globals": ...}``
wrapper, and a globals file may be a bare list. Data files are a JSON array of objects or a
CSV file with a header row (read as Newman does, see :mod:`harness._csv`). ``.env`` files are
read with python-dotenv's ``dotenv_values`` and never touch ``os.environ``.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from dotenv import dotenv_values

from harness import __version__
from harness._csv import parse_csv
from harness._pointer import (
    as_obj,
    fail,
    join,
    opt_str,
    parse_json,
    read_text,
    type_name,
    variables,
)
from harness.errors import InputError
from harness.model import Collection, VariableFile
from harness.variables import Scope

StrPath = str | os.PathLike[str]


def load_variable_file(path: StrPath) -> VariableFile:
    """An environment or globals export; ``enabled: false`` gives a disabled variable."""
    source = os.fspath(path)
    data = parse_json(read_text(source), source)
    try:
        return _variable_file(data, source)
    except InputError as exc:
        raise exc.located(source) from None


def _variable_file(data: object, source: str) -> VariableFile:
    if isinstance(data, list):  # globals as a bare list of variables
        return VariableFile(name="", values=variables(data, ""), source=source)
    obj = as_obj(data, "", "an environment or globals file")
    base = ""
    if "values" not in obj:
        for wrapper in ("environment", "globals"):
            if isinstance(obj.get(wrapper), dict):
                obj, base = obj[wrapper], "/" + wrapper
                break
    values = obj.get("values")
    if values is None:
        fail(base, "no 'values' list: not a Postman environment or globals file")
    ident = obj.get("id") or obj.get("_postman_id") or ""
    return VariableFile(
        name=opt_str(obj, "name", base),
        values=variables(values, join(base, "values")),
        source=source,
        id=ident if isinstance(ident, str) else str(ident),
    )


def load_data_file(path: StrPath) -> list[dict[str, Any]]:
    """Iteration data: ``.json`` (an array of objects), ``.csv``, else sniffed from the text."""
    source = os.fspath(path)
    text = read_text(source)
    suffix = Path(source).suffix.lower()
    if suffix == ".json" or (suffix != ".csv" and text.lstrip()[:1] in ("[", "{")):
        return _json_rows(parse_json(text, source), source)
    return parse_csv(text, source)


def _json_rows(data: object, source: str) -> list[dict[str, Any]]:
    if not isinstance(data, list):
        raise InputError(f"a data file must be an array of objects, got {type_name(data)}",
                         source)
    for i, row in enumerate(data):
        if not isinstance(row, dict):
            raise InputError(f"iteration data must be an object, got {type_name(row)}",
                             source, join("", i))
    return data


def load_dotenv(path: StrPath) -> dict[str, str]:
    """``KEY=value`` pairs of a ``.env`` file (a key without a value gives ``""``)."""
    source = os.fspath(path)
    if not Path(source).is_file():
        raise InputError("cannot read file: no such file", source)
    return {key: value or "" for key, value in dotenv_values(source).items()}


def parse_assignments(pairs: Iterable[str], flag: str) -> dict[str, str]:
    """``KEY=VALUE`` strings (split on the first ``=``) as a dict; later keys win."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InputError(f"{flag} expects KEY=VALUE, got {pair!r}")
        out[key] = value
    return out


# -- exports -------------------------------------------------------------------------------


def export_variable_file(
    path: StrPath,
    name: str,
    scope: Scope,
    *,
    kind: Literal["environment", "globals"],
    masked_keys: set[str],
) -> None:
    """Write ``scope`` in Postman's export format; values of ``masked_keys`` become ``""``."""
    values = [
        {"key": key, "value": "" if key in masked_keys else value,
         "type": scope.type_of(key), "enabled": True}
        for key, value in scope.items()
    ]
    document = {
        "id": str(uuid.uuid4()),
        "name": name,
        "values": values,
        "_postman_variable_scope": kind,
        "_postman_exported_at": _now(),
        "_postman_exported_using": f"harness/{__version__}",
    }
    _write_json(path, document)


def export_collection(path: StrPath, collection: Collection, collection_scope: Scope) -> None:
    """The collection's JSON as read, with ``variable`` holding the current values."""
    current = collection_scope.to_dict()
    out: list[dict[str, Any]] = []
    for entry in collection.raw.get("variable") or []:
        key = entry.get("key", entry.get("id")) if isinstance(entry, dict) else None
        if isinstance(entry, dict) and entry.get("disabled") is True:
            out.append(entry)
        elif key in current:
            out.append({**entry, "key": key, "value": current.pop(key)})
    for key, value in current.items():
        kind = collection_scope.type_of(key)
        if kind == "default":
            kind = "string" if isinstance(value, str) else "any"
        out.append({"key": key, "value": value, "type": kind})
    _write_json(path, {**collection.raw, "variable": out})


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _write_json(path: StrPath, document: Any) -> None:
    """Write atomically: a temporary file in the same folder, then ``os.replace``."""
    target = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
