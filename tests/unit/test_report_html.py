"""The self-contained HTML report: counts, failures first, masking, escaping, no network."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from harness.report import html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from report_data import SECRETS, XSS, sample_run  # noqa: E402


def _render() -> str:
    run = sample_run()
    return html.render(run.collection, run.executions, run.summary, run.masker())


def _stat(page: str, name: str) -> str:
    match = re.search(rf'id="stat-{name}">([^<]*)<', page)
    assert match, name
    return match.group(1)


def test_summary_counts() -> None:
    page = _render()
    assert _stat(page, "iterations") == "2"
    assert _stat(page, "requests") == "4"
    assert _stat(page, "assertions") == "4"
    assert _stat(page, "passed") == "2"
    assert _stat(page, "failed") == "1"
    assert _stat(page, "skipped") == "1"
    assert _stat(page, "failures") == "3"
    assert _stat(page, "total") == "500 ms"
    assert _stat(page, "average") == "15.7 ms"


def test_failures_come_first_and_link_to_items() -> None:
    page = _render()
    failures = page.index('id="failures"')
    assert failures < page.index('id="items"')
    section = page[failures:page.index('id="items"')]
    assert "expected 500 to equal 200" in section
    assert "connection refused" in section
    for anchor in re.findall(r'href="#(x\d+)"', section):
        assert f'id="{anchor}"' in page


def test_items_grouped_by_folder_with_status_classes() -> None:
    page = _render()
    assert page.index("<h2>Users / Admin</h2>") < page.index("<h2>Accounts</h2>")
    assert len(re.findall(r'<details class="item (passed|failed|broken|skipped)"', page)) == 5
    assert page.count('data-status="broken"') == 2


def test_markup_in_names_and_bodies_is_escaped() -> None:
    page = _render()
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # ours, the filter toggle


def test_everything_is_masked() -> None:
    page = _render()
    for secret in SECRETS:
        assert secret not in page


def test_self_contained() -> None:
    page = _render()
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_large_bodies_are_truncated() -> None:
    run = sample_run()
    response = run.executions[0].response
    assert response is not None
    response.body = b"x" * 200_000
    page = html.render(run.collection, run.executions, run.summary, run.masker(), max_body=1000)
    assert "truncated: 1,000 of 200,000 characters shown" in page
    assert "x" * 1001 not in page


def test_write(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    html.write(target, _render())
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
