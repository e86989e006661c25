"""Run harness.report.allure.record inside a real pytest + allure-pytest process.

The inner test module builds the sample run of :mod:`report_data` and records five items
(a pass, a failure, a polled request, a script error, a big body) into an allure-results
directory. Used by the unit tests of the Allure reporter and the Allure 3 render test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HELPERS = Path(__file__).resolve().parent

INNER = """
import dataclasses
import sys
sys.path.insert(0, {helpers!r})
from report_data import sample_run
from harness.report.allure import ItemMeta, record

RUN = sample_run()
MASKER = RUN.masker()
OK, FAILED, XSS, BROKEN, SCRIPT = RUN.executions


def meta(execution, iteration=0, data=None):
    item = execution.item
    return ItemMeta(RUN.collection.name, RUN.collection.id, item.path, item.name,
                    "Fetch a user.\\n@tag smoke, users", iteration, data, "n/a")


def test_admin_user():
    record(meta(OK, data=OK.data), [OK], MASKER)


def test_accounts_user():
    record(meta(FAILED), [FAILED], MASKER)
    raise AssertionError("1 assertion failed")


def test_polled():
    first = dataclasses.replace(BROKEN, attempt=1)
    second = dataclasses.replace(OK, item=BROKEN.item, attempt=2)
    record(meta(BROKEN), [first, second], MASKER)


def test_script_error():
    record(meta(SCRIPT, iteration=1), [SCRIPT], MASKER)
    raise RuntimeError("script failed")


def test_big_body():
    OK.response.body = b'"' + b"y" * 5000 + b'"'
    record(meta(XSS), [OK], MASKER, max_body=1000)
"""


def run_inner(workdir: Path, module: str) -> tuple[dict[str, dict[str, Any]], Path]:
    """Run the inner tests in a fresh pytest process; results keyed by inner test name."""
    workdir.mkdir(parents=True)
    (workdir / f"{module}.py").write_text(INNER.format(helpers=str(HELPERS)))
    results = workdir / "allure-results"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:harness", "-p", "no:cacheprovider",
         f"--alluredir={results}", f"--rootdir={workdir}", "-c", os.devnull, str(workdir)],
        cwd=workdir, capture_output=True, text=True, timeout=120,
    )
    assert "2 failed, 3 passed" in done.stdout, done.stdout + done.stderr
    found: dict[str, dict[str, Any]] = {}
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text())
        key = {"Ping": "test_polled", "<script>alert(1)</script>": "test_big_body"}.get(
            data["name"], "")
        if not key:
            first = data["parameters"][0]["value"] == "1"
            key = "test_admin_user" if first else "test_script_error"
            if "Accounts" in data["fullName"]:
                key = "test_accounts_user"
        assert key not in found
        found[key] = data
    assert len(found) == 5
    return found, results


