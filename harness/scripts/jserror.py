"""Reading QuickJS errors: the error name, message and the line within a user script."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRAME = "at __pmscript_{id} (<input>:"
_SYNTAX_AT = re.compile(r"^\s+at <input>:(\d+):(\d+)", re.MULTILINE)
_NAME = re.compile(r"^([A-Za-z_$][\w$]*): ", re.DOTALL)


@dataclass(frozen=True)
class JsError:
    name: str
    message: str
    line: int | None = None


def script_line(stack: str, script_id: int) -> int | None:
    """The line (1-based, within the script) of the wrapper frame ``__pmscript_<id>``."""
    marker = _FRAME.format(id=script_id)
    at = stack.find(marker)
    if at < 0:
        return None
    digits = stack[at + len(marker):].split(":", 1)[0]
    return int(digits) if digits.isdigit() else None


def from_info(info: dict[str, str], script_id: int) -> JsError:
    """An error caught inside JS and handed over as ``{name, message, stack}``."""
    return JsError(info.get("name") or "Error", info.get("message", ""),
                   script_line(info.get("stack", ""), script_id))


def from_exception(exc: BaseException, script_id: int | None = None) -> JsError:
    """An error that escaped to Python as ``quickjs.JSException`` (``Name: message\\nstack``)."""
    text = str(exc.args[0] if exc.args else exc)
    head, _, stack = text.partition("\n    at ")
    stack = "    at " + stack if stack else ""
    match = _NAME.match(head)
    name, message = (match.group(1), head[match.end():]) if match else ("Error", head)
    line: int | None = None
    if name == "SyntaxError":
        syntax = _SYNTAX_AT.search(stack)
        line = int(syntax.group(1)) if syntax else None
    elif script_id is not None:
        line = script_line(stack, script_id)
    return JsError(name, message.strip(), line)


def is_interrupt(exc: BaseException) -> bool:
    return "InternalError: interrupted" in str(exc)


def is_out_of_memory(exc: BaseException) -> bool:
    return "out of memory" in str(exc).split("\n", 1)[0]
