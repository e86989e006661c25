"""Loader for the sandbox's pure-JavaScript libraries (``harness/scripts/js``).

Usage from the script engine::

    ctx = quickjs.Context()
    ctx.eval(library_source())      # chai expect, lodash, moment, crypto-js, ... + require()

Everything is plain JavaScript (hashing and JSON Schema validation included): the
libraries never call back into Python, so scripts always run under QuickJS's time limit.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

#: Evaluation order matters: globals.js provides byte helpers used by crypto-js, hash.js the
#: digests it wraps, jsonschema.js the helpers of tv4.js and ajv.js; expect_assertions.js
#: extends expect.js, modules.js wires everything up last.
LIBRARY_FILES: tuple[str, ...] = (
    "globals.js",
    "expect.js",
    "expect_assertions.js",
    "lodash.js",
    "moment.js",
    "hash.js",
    "crypto-js.js",
    "uuid.js",
    "xml2json.js",
    "jsonschema.js",
    "tv4.js",
    "ajv.js",
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

