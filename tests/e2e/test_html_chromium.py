"""The HTML report in headless Chromium: counts, filter script, no console errors, no injection."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.report import html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from report_data import SECRETS, sample_run  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--enable-logging=stderr", "--v=0"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("chromium is not installed")


def _load(page: Path, tmp_path: Path, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after scripts ran, and the console messages Chromium logged."""
    done = subprocess.run(
        [_chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
         page.as_uri() + fragment],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


@pytest.fixture
def report(tmp_path: Path) -> Path:
    run = sample_run()
    page = tmp_path / "report.html"
    html.write(page, html.render(run.collection, run.executions, run.summary, run.masker()))
    return page


def _text(dom: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}">([^<]*)<', dom)
    assert match, element_id
    return match.group(1)


def test_counts_shown_and_no_console_errors(report: Path, tmp_path: Path) -> None:
    dom, console = _load(report, tmp_path)
    assert console == []
    assert _text(dom, "stat-requests") == "4"
    assert _text(dom, "stat-assertions") == "4"
    assert _text(dom, "stat-failed") == "1"
    assert _text(dom, "stat-failures") == "3"
    assert _text(dom, "shown-count") == "5"
    assert 'class="only-failed"' not in dom
    for secret in SECRETS:
        assert secret not in dom


def test_filter_shows_only_failed_items(report: Path, tmp_path: Path) -> None:
    dom, console = _load(report, tmp_path, "#failed")
    assert console == []
    assert re.search(r'<body class="only-failed"', dom)
    assert _text(dom, "shown-count") == "3"


def test_body_markup_cannot_inject_script(report: Path, tmp_path: Path) -> None:
    dom, console = _load(report, tmp_path)
    assert console == []  # alert() in a headless page would log nothing; a script would run
    assert dom.count("<script>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_console_error_detection_works(tmp_path: Path) -> None:
    """The check above is not vacuous: a page that throws is seen."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><script>null.x;</script></body></html>")
    _, console = _load(page, tmp_path)
    assert any("Uncaught TypeError" in line for line in console)
