"""Our chai-compatible ``expect`` must fail/pass exactly like real chai 4, with identical messages.

The expectations in ``chai_cases.json`` were produced by running every snippet
through real chai 4 in Node (``gen_chai_cases.js``); this test needs no Node.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import quickjs

from harness.scripts import jslibs

_FIXTURE = Path(__file__).with_name("chai_cases.json")
_CASES: list[dict[str, Any]] = json.loads(_FIXTURE.read_text(encoding="utf-8"))["cases"]

_RUNNER = """
function __run_case(code) {
  try {
    new Function('expect', code)(__harness_chai.expect);
    return JSON.stringify({pass: true});
  } catch (e) {
    return JSON.stringify({pass: false, name: e && e.name, message: e && e.message});
  }
}
"""


@pytest.fixture(scope="module")
def run_case() -> Any:
    ctx = quickjs.Context()
    ctx.eval(jslibs.library_source())
    ctx.eval(_RUNNER)
    fn = ctx.eval("__run_case")
    return lambda code: json.loads(fn(code))


def test_fixture_is_large_enough() -> None:
    assert len(_CASES) >= 120
    assert sum(1 for c in _CASES if c["pass"]) >= 30
    assert sum(1 for c in _CASES if not c["pass"]) >= 90


@pytest.mark.parametrize("case", _CASES, ids=[c["code"][:60] for c in _CASES])
def test_matches_real_chai(case: dict[str, Any], run_case: Any) -> None:
    expected = {k: case[k] for k in ("pass", "name", "message") if k in case}
    assert run_case(case["code"]) == expected
