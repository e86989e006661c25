"""Allure 3 (npm ``allure``) renders the results :func:`harness.report.allure.record` writes."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from allure_inner import run_inner  # noqa: E402
from report_data import SECRETS, XSS  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
NAMES = {"Get user", "Ping", XSS}

pytestmark = pytest.mark.newman  # needs node + the npm allure package


def _allure() -> str:
    for candidate in (REPO / "node_modules" / ".bin" / "allure", shutil.which("allure"),
                      Path("/work/nm/node_modules/.bin/allure")):
        if candidate and Path(candidate).exists() and _is_allure3(str(candidate)):
            return str(candidate)
    pytest.skip("npm allure (Allure 3) is not installed")


def _is_allure3(path: str) -> bool:
    if not shutil.which("node"):
        return False
    done = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    return done.returncode == 0 and done.stdout.strip().startswith("3.")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _, results = run_inner(tmp_path_factory.mktemp("allure") / "run", "test_inner")
    return results


def test_generate_multi_file_report(results: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    done = subprocess.run([_allure(), "generate", str(results), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "index.html").exists()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["stats"] == {"total": 5, "broken": 1, "failed": 1, "passed": 3}
    tests = [json.loads(p.read_text()) for p in (out / "data" / "test-results").glob("*.json")]
    assert {t["name"] for t in tests} == NAMES
    assert len({t["historyId"] for t in tests}) == 5
    everything = "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file()
                         and p.suffix in (".json", ".txt", ".html"))
    for secret in SECRETS:
        assert secret not in everything


def test_generate_single_file_report(results: Path, tmp_path: Path) -> None:
    config = tmp_path / "allurerc.json"
    config.write_text(json.dumps({
        "name": "harness", "output": str(tmp_path / "single"),
        "plugins": {"awesome": {"options": {"singleFile": True}}},
    }))
    done = subprocess.run([_allure(), "generate", str(results), "--config", str(config)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    files = list((tmp_path / "single").iterdir())
    page = (tmp_path / "single" / "index.html").read_text()
    embedded = {path: base64.b64decode(data).decode("utf-8", errors="replace") for path, data in
                re.findall(r'd\("(data/test-results/[^"]+)","([A-Za-z0-9+/=]+)"\)', page)}
    assert {json.loads(text)["name"] for text in embedded.values()} == NAMES
    assert "index.html" in [f.name for f in files]


def test_report_of_a_real_run_lists_every_request(tmp_path: Path) -> None:
    """`harness demo` (the AEP collection against the emulator) rendered by Allure 3."""
    allure = _allure()
    reports = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-m", "harness.cli", "demo", "--reports",
                           str(reports)], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = tmp_path / "allure-report"
    rendered = subprocess.run([allure, "generate", str(reports / "allure-results"), "-o",
                               str(out)], capture_output=True, text=True, timeout=300,
                              cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stdout + rendered.stderr
    tests = [json.loads(p.read_text()) for p in (out / "data" / "test-results").glob("*.json")]
    collection = json.loads((REPO / "collection" /
                             "aep-batch-ingestion.postman_collection.json").read_text())
    requests = {item["name"] for folder in collection["item"] for item in folder["item"]}
    assert {t["name"] for t in tests} == requests
    assert all(t["status"] == "passed" for t in tests)
    polled = next(t for t in tests if t["name"] == "Batch Status")
    assert polled["steps"][0]["name"].startswith("Attempt 1")  # polling shown per attempt
