"""Allure results for one pytest item (one request), written through allure-pytest.

:func:`record` is called from inside the item's ``runtest``: allure-pytest's listener is
active there, so steps and attachments land on the current test result. The only module of
harness that imports ``allure``. Everything shown passes through the :class:`Masker`.

Stable identity: allure-pytest computes ``historyId`` in teardown as md5 of the test
result's ``fullName`` and its non-excluded parameters. :func:`record` sets ``fullName`` (and
``testCaseId``) to ``<collection id>:<folder>/<sub>/<request>``, and adds the iteration as a
parameter, so history survives re-runs and file moves, and same-named requests in different
folders never collide. Data-row values are shown as *excluded* parameters: they do not split
history.

Tags come from the request description: a line ``@tag smoke, slow`` (or ``@tags ...``) adds
the tags ``smoke`` and ``slow``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import allure
import allure_commons
import pytest
from allure_commons import utils as allure_utils
from allure_commons.types import AttachmentType

from harness.dynamic import uuid4
from harness.errors import ScriptError
from harness.masking import Masker
from harness.report import body_text
from harness.result import AssertionResult, Execution

_dynamic: Any = allure.dynamic  # allure's helpers are untyped
_attach: Any = allure.attach
_md5: Any = allure_utils.md5
ROOT_SUITE = "(root)"  # the suite label of requests outside any folder
TAG_LINE = re.compile(r"^\s*@tags?\b[:=]?\s*(.*)$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ItemMeta:
    collection_name: str
    collection_id: str
    folder_path: tuple[str, ...]
    request_name: str
    description: str
    iteration: int | None
    data_row: Mapping[str, Any] | None
    nodeid: str

    @property
    def full_name(self) -> str:
        return f"{self.collection_id}:{'/'.join((*self.folder_path, self.request_name))}"


def tags_of(description: str) -> list[str]:
    """Tags declared by ``@tag a, b`` lines of a description."""
    tags: list[str] = []
    for match in TAG_LINE.finditer(description or ""):
        for tag in re.split(r"[\s,]+", match.group(1)):
            if tag and tag not in tags:
                tags.append(tag.lstrip("#"))
    return tags


def record(
    meta: ItemMeta, executions: Sequence[Execution], masker: Masker, *, max_body: int = 64 * 1024
) -> None:
    """Title, labels, identity, parameters and steps of the current Allure test result."""
    for execution in executions:
        if execution.request is not None:
            masker.learn_headers(execution.request.headers)
    _describe(meta, masker)
    if len(executions) == 1:
        _execution_steps(executions[0], masker, max_body)
        return
    for execution in executions:
        with _step(f"Attempt {execution.attempt}") as outcome:
            _execution_steps(execution, masker, max_body)
            _set_outcome(outcome, execution, masker)


def _describe(meta: ItemMeta, masker: Masker) -> None:
    _dynamic.title(masker.text(meta.request_name))
    _dynamic.epic(masker.text(meta.collection_name))
    if meta.folder_path:
        _dynamic.feature(masker.text(" / ".join(meta.folder_path)))
    _dynamic.story(masker.text(meta.request_name))
    _dynamic.parent_suite(masker.text(meta.collection_name))
    _dynamic.suite(masker.text(" / ".join(meta.folder_path)) or ROOT_SUITE)
    tags = tags_of(meta.description)
    if tags:
        _dynamic.tag(*tags)
    if meta.description:
        _dynamic.description(masker.text(meta.description))
    if meta.iteration is not None:
        _dynamic.parameter("iteration", meta.iteration + 1)
    for key, value in (meta.data_row or {}).items():
        _dynamic.parameter(f"data.{key}", masker.value(value), excluded=True)
    _set_identity(meta, masker)


def _set_identity(meta: ItemMeta, masker: Masker) -> None:
    """Stable ids: allure-pytest derives ``historyId`` from ``fullName`` in teardown."""
    result = _current_test_result()
    if result is None:
        return
    full_name = masker.text(meta.full_name)
    result.fullName = full_name
    result.testCaseId = _md5(full_name)
    result.titlePath = [masker.text(p) for p in (meta.collection_name, *meta.folder_path)]


def _current_test_result() -> Any:
    for plugin in allure_commons.plugin_manager.get_plugins():
        logger = getattr(plugin, "allure_logger", None)
        if logger is not None and hasattr(logger, "get_test"):
            return logger.get_test(None)
    return None


# -- steps ---------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _named(name: str, base: type[Exception]) -> type[Exception]:
    """An exception class Allure prints as ``name: message`` (no module prefix)."""
    safe = name if name.isidentifier() else base.__name__
    return type(safe, (base,), {"__module__": "builtins"})


class _Outcome:
    __slots__ = ("exception",)

    def __init__(self) -> None:
        self.exception: BaseException | None = None

    def failed(self, message: str, name: str = "AssertionError") -> None:
        self.exception = _named(name, AssertionError)(message)

    def broken(self, message: str, name: str = "Error") -> None:
        self.exception = _named(name, Exception)(message)

    def skipped(self, message: str) -> None:
        self.exception = pytest.skip.Exception(message, _use_item_location=False)


@contextmanager
def _step(title: str, params: Mapping[str, str] | None = None) -> Iterator[_Outcome]:
    """An Allure step whose status is set explicitly through the yielded outcome."""
    uuid = uuid4()  # a key in allure's bookkeeping only
    hook = allure_commons.plugin_manager.hook
    hook.start_step(uuid=uuid, title=title, params=dict(params or {}))
    outcome = _Outcome()
    try:
        yield outcome
    finally:
        exc = outcome.exception
        hook.stop_step(uuid=uuid, exc_type=type(exc) if exc else None, exc_val=exc, exc_tb=None)


def _set_outcome(outcome: _Outcome, execution: Execution, masker: Masker) -> None:
    error = execution.error
    if error is not None:
        outcome.broken(masker.text(str(error)), type(error).__name__)
    elif execution.failed_assertions:
        names = "; ".join(a.name for a in execution.failed_assertions)
        outcome.failed(masker.text(f"failed: {names}"))
    elif execution.skipped is not None:
        outcome.skipped(masker.text(execution.skipped or "skipped"))


def _execution_steps(execution: Execution, masker: Masker, max_body: int) -> None:
    error = execution.error
    if _has_script(execution, "prerequest"):
        with _step("Pre-request script") as outcome:
            _script_outcome(outcome, execution, "prerequest", masker)
    if execution.skipped is not None:
        with _step("Skipped") as outcome:
            outcome.skipped(masker.text(execution.skipped or "skipped"))
    else:
        _request_step(execution, masker, max_body)
        _response_step(execution, masker, max_body)
    for index, assertion in enumerate(execution.assertions):
        _assertion_step(index, assertion, masker)
    if execution.skipped is None and _has_script(execution, "test"):  # skipRequest: not run
        with _step("Test script") as outcome:
            _script_outcome(outcome, execution, "test", masker)
    if execution.console:
        lines = (f"[{c.level}] {c.message}" for c in execution.console)
        _attach_text("Console", masker.text("\n".join(lines)))
    for warning in execution.warnings:
        _attach_text("Warning", masker.text(warning))
    if error is not None and not isinstance(error, ScriptError) and execution.request is None:
        with _step("Error") as outcome:
            outcome.broken(masker.text(str(error)), type(error).__name__)


def _has_script(execution: Execution, event: str) -> bool:
    error = execution.error
    if isinstance(error, ScriptError) and error.event == event:
        return True
    return any(s.event == event and not s.disabled for s in execution.item.scripts)


def _script_outcome(outcome: _Outcome, execution: Execution, event: str, masker: Masker) -> None:
    error = execution.error
    if isinstance(error, ScriptError) and error.event == event:
        outcome.broken(masker.text(str(error)), type(error).__name__)


def _request_step(execution: Execution, masker: Masker, max_body: int) -> None:
    """Headers are the step's parameters (no file each); the body is an attachment."""
    sent = execution.request
    if sent is None:
        return
    url = masker.text(sent.url)
    with _step(f"Request: {sent.method} {url}", _header_params(sent.headers, masker)):
        if sent.body is not None or sent.body_note:
            _attach_body("Request body", sent.body, sent.headers, sent.body_note, masker, max_body)


def _response_step(execution: Execution, masker: Masker, max_body: int) -> None:
    response = execution.response
    error = execution.error
    if response is None:
        if execution.request is not None and error is not None and not isinstance(
            error, ScriptError
        ):
            with _step("Response: none") as outcome:
                outcome.broken(masker.text(str(error)), type(error).__name__)
        return
    title = f"Response: {response.status} {response.reason} ({response.elapsed_ms:.0f} ms)"
    with _step(title.replace("  ", " "), _header_params(response.headers, masker)):
        if response.body:
            _attach_body("Response body", response.body, response.headers, "", masker, max_body)


def _header_params(headers: Sequence[tuple[str, str]], masker: Masker) -> dict[str, str]:
    """Masked headers as step parameters; repeated names are joined by newlines."""
    params: dict[str, str] = {}
    for key, value in masker.headers(headers):
        params[key] = f"{params[key]}\n{value}" if key in params else value
    return params


def _assertion_step(index: int, assertion: AssertionResult, masker: Masker) -> None:
    with _step(masker.text(assertion.name) or f"assertion {index + 1}") as outcome:
        if assertion.skipped:
            outcome.skipped("pm.test.skip")
        elif not assertion.passed:
            name = assertion.error_name or "AssertionError"
            outcome.failed(masker.text(assertion.error or ""), name)


def _attach_text(name: str, text: str) -> None:
    _attach(text, name=name, attachment_type=AttachmentType.TEXT)


def _attach_body(
    name: str, body: bytes | None, headers: Sequence[tuple[str, str]], note: str,
    masker: Masker, max_body: int,
) -> None:
    text, is_json = body_text(body, headers, masker, max_body)
    if note:
        text = f"{masker.text(note)}\n{text}" if text else masker.text(note)
    kind = AttachmentType.JSON if is_json else AttachmentType.TEXT
    _attach(text, name=name, attachment_type=kind)
