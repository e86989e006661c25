"""Reporters: Allure (:mod:`.allure`), Newman-shaped JSON (:mod:`.newman_json`), HTML.

Helpers shared by them live here: masked, pretty-printed, size-limited body text. This
package never imports ``allure``; only :mod:`harness.report.allure` does.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from harness.masking import Masker

MAX_BODY = 64 * 1024


def header_value(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    lowered = name.lower()
    for key, value in headers:
        if key.lower() == lowered:
            return value
    return None


def is_json_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media.endswith("/json") or media.endswith("+json")


def is_active(config: object) -> bool:
    """allure-pytest is registered on this pytest config and ``--alluredir`` was given.

    Checked without importing allure: when it is false, no allure code runs.
    """
    option = getattr(config, "option", None)
    manager = getattr(config, "pluginmanager", None)
    if not getattr(option, "allure_report_dir", None) or manager is None:
        return False
    return bool(manager.has_plugin("allure_listener"))


def body_text(
    body: bytes | None, headers: Sequence[tuple[str, str]], masker: Masker,
    max_body: int = MAX_BODY,
) -> tuple[str, bool]:
    """A masked body for display, and whether it is (complete, pretty-printed) JSON.

    JSON (by content type, or text that parses as a JSON object/array) is pretty-printed;
    text longer than ``max_body`` characters is cut with a note saying how much was shown.
    """
    if not body:
        return "", False
    text = masker.text(body.decode("utf-8", errors="replace"))
    looks_json = is_json_type(header_value(headers, "content-type")) or (
        text.lstrip()[:1] in ("{", "[")
    )
    if looks_json and len(text) <= max_body:
        try:
            pretty = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
        except ValueError:
            pass
        else:
            return masker.text(pretty), True
    return truncate(text, max_body), False


def truncate(text: str, limit: int = MAX_BODY) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n… truncated: {limit:,} of {len(text):,} characters shown"


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
