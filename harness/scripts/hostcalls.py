"""Host functions backing the sandbox's JavaScript libraries.

The JavaScript side (``harness/scripts/js``) cannot hash or validate JSON
schemas efficiently on its own, so it calls back into Python through these
functions, registered in a QuickJS context by :func:`harness.scripts.jslibs.install_hostcalls`.
Every argument and return value is a plain string so they cross the
QuickJS boundary unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

_HASH_ALGORITHMS = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})


def host_hash(alg: str, data_b64: str, key_b64: str) -> str:
    """Digest ``data_b64`` (base64 bytes) with ``alg``; HMAC when ``key_b64`` is non-empty.

    Returns the lowercase hex digest.
    """
    name = alg.lower()
    if name not in _HASH_ALGORITHMS:
        raise ValueError(f"unsupported hash algorithm: {alg}")
    data = base64.b64decode(data_b64)
    if key_b64:
        return hmac.new(base64.b64decode(key_b64), data, name).hexdigest()
    return hashlib.new(name, data).hexdigest()


def _json_pointer(parts: Any) -> str:
    out = ""
    for part in parts:
        out += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return out


def host_jsonschema(data_json: str, schema_json: str, draft: str = "draft4") -> str:
    """Validate ``data_json`` against ``schema_json``; returns a JSON list of errors.

    ``draft`` is ``"draft4"`` (tv4 semantics, the default) or ``"auto"`` (the
    draft named by ``$schema``, draft 7 when absent, as ajv does). Each error is
    an object with ``keyword``, ``message``, ``instancePath`` / ``schemaPath``
    (JSON pointers), ``params`` (keyword-specific details) and ``instance``.
    An invalid schema yields a single error with keyword ``"$schema"``.
    """
    import jsonschema
    from jsonschema import validators

    data = json.loads(data_json) if data_json != "" else None
    schema = json.loads(schema_json)
    if draft == "auto":
        cls: Any = validators.validator_for(schema, default=jsonschema.Draft7Validator)
    else:
        cls = jsonschema.Draft4Validator
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as exc:
        return json.dumps(
            [
                {
                    "keyword": "$schema",
                    "message": f"invalid schema: {exc.message}",
                    "instancePath": "",
                    "schemaPath": _json_pointer(exc.path),
                    "params": {},
                }
            ]
        )
    validator = cls(schema)
    errors: list[dict[str, Any]] = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(e.path)):
        errors.append(_describe(err))
    return json.dumps(errors)


def _describe(err: Any) -> dict[str, Any]:
    keyword = str(err.validator)
    value = err.validator_value
    instance = err.instance
    params: dict[str, Any] = {}
    if keyword == "type":
        params["type"] = value
    elif keyword == "required":
        # jsonschema reports one error per missing property: "'x' is a required property"
        missing = err.message.split("'")[1] if "'" in err.message else ""
        params["missingProperty"] = missing
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        params["limit"] = value
        schema = err.schema if isinstance(err.schema, dict) else {}
        if keyword == "minimum":
            params["exclusive"] = schema.get("exclusiveMinimum") is True
        elif keyword == "maximum":
            params["exclusive"] = schema.get("exclusiveMaximum") is True
    elif keyword in (
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
    ):
        params["limit"] = value
    elif keyword == "enum":
        params["allowedValues"] = value
    elif keyword == "pattern":
        params["pattern"] = value
    elif keyword == "additionalProperties":
        extras = [k for k in instance if isinstance(instance, dict)]
        props = err.schema.get("properties", {}) if isinstance(err.schema, dict) else {}
        params["additionalProperty"] = next((k for k in extras if k not in props), "")
    elif keyword == "format":
        params["format"] = value
    elif keyword == "multipleOf":
        params["multipleOf"] = value
    elif keyword == "const":
        params["allowedValue"] = value
    try:
        json.dumps(instance)
        safe_instance: Any = instance
    except (TypeError, ValueError):
        safe_instance = None
    return {
        "keyword": keyword,
        "message": err.message,
        "instancePath": _json_pointer(err.absolute_path),
        "schemaPath": _json_pointer(err.absolute_schema_path),
        "params": params,
        "instance": safe_instance,
        "typeOf": _json_type(instance),
    }


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
