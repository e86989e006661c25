"""Loader for the sandbox's pure-JavaScript libraries (``harness/scripts/js``).

Usage from the script engine::

    ctx = quickjs.Context()
    install_hostcalls(ctx)          # __host_hash, __host_jsonschema
    ctx.eval(library_source())      # chai expect, lodash, moment, crypto-js, ... + require()

The libraries only read the host functions when called, so the two steps may
happen in either order.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from harness.scripts import hostcalls

#: Evaluation order matters: globals.js provides byte helpers used by crypto-js,
#: expect_assertions.js extends expect.js, modules.js wires everything up last.
LIBRARY_FILES: tuple[str, ...] = (
    "globals.js",
    "expect.js",
    "expect_assertions.js",
    "lodash.js",
    "moment.js",
    "crypto-js.js",
    "uuid.js",
    "xml2json.js",
    "tv4.js",
    "modules.js",
)


def _read(name: str) -> str:
    try:
        return (resources.files("harness.scripts") / "js" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        return (Path(__file__).parent / "js" / name).read_text(encoding="utf-8")


def _compact(source: str) -> str:
    """Drop indentation, blank lines and whole-line comments (parsing is most of the load time).

    Only comments that start a line are removed, so string and regex literals are
    never touched; line breaks are kept, so automatic semicolon insertion is unaffected.
    """
    out: list[str] = []
    in_block = False
    for raw in source.splitlines():
        line = raw.strip()
        if in_block:
            if "*/" in line:
                in_block = False
                rest = line.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            continue
        if line.startswith("/*"):
            if "*/" not in line:
                in_block = True
                continue
            rest = line.split("*/", 1)[1].strip()
            if rest:
                out.append(rest)
            continue
        if not line or line.startswith("//"):
            continue
        out.append(line)
    return "\n".join(out)


@functools.lru_cache(maxsize=1)
def library_source() -> str:
    """Concatenated (comment-stripped) source of all libraries in load order; cached."""
    parts = []
    for name in LIBRARY_FILES:
        parts.append(f"/* {name} */\n{_compact(_read(name))}\n;")
    return "\n".join(parts)


def install_hostcalls(ctx: Any) -> None:
    """Register the host functions the libraries call into ``ctx`` (a ``quickjs.Context``)."""
    ctx.add_callable("__host_hash", hostcalls.host_hash)
    ctx.add_callable("__host_jsonschema", hostcalls.host_jsonschema)
