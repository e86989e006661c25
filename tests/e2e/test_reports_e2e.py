"""Reports from real runs, through both doors: ``harness run`` and plain ``pytest``.

tests/fixtures/reports/outcomes.postman_collection.json has, in nested folders, passing
requests, a failing assertion, a broken request (connection refused), a script error, a
``skipRequest``, a request polling itself three times with ``setNextRequest``, two requests
named ``Get`` in different folders, and XSS bait the echo server sends back. Each door runs it
once (in a subprocess, against the echo server) with every reporter; the tests read the
Allure results, the Newman-shaped JSON, the HTML, the JUnit XML and the exports. A last test
runs 1000 generated requests and watches pytest's progress output.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import dead_url, plugin_args
from echo import EchoServer

from harness.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
COLLECTION = "outcomes.postman_collection.json"
NAMES = ("List users", "Get", "Poll", "Down", "Script error", "Skip me", "XSS bait")
STATUSES = {  # Allure status by the result's fullName
    "reports-outcomes:Users/List users": "passed",
    "reports-outcomes:Users/Get": "passed",
    "reports-outcomes:Orders/Get": "failed",
    "reports-outcomes:Orders/Archive/Poll": "passed",
    "reports-outcomes:Broken/Down": "broken",
    "reports-outcomes:Broken/Script error": "broken",
    "reports-outcomes:Skip me": "skipped",
    "reports-outcomes:XSS bait": "passed",
}
JUNIT_CASES = [
    ("outcomes.postman_collection.json.Users", "List users"),
    ("outcomes.postman_collection.json.Users", "Get"),
    ("outcomes.postman_collection.json.Orders", "Get"),
    ("outcomes.postman_collection.json.Orders.Archive", "Poll"),
    ("outcomes.postman_collection.json.Broken", "Down"),
    ("outcomes.postman_collection.json.Broken", "Script error"),
    ("outcomes.postman_collection.json", "Skip me"),
    ("outcomes.postman_collection.json", "XSS bait"),
]


@dataclass
class Run:
    out: Path
    terminal: str
    code: int

    def json(self, name: str) -> Any:
        return json.loads((self.out / name).read_text())

    def allure(self) -> dict[str, dict[str, Any]]:
        results = [json.loads(p.read_text()) for p in (self.out / "allure").glob("*-result.json")]
        by_name = {r["fullName"]: r for r in results}
        assert len(by_name) == len(results)
        return by_name


def _workdir(tmp: Path) -> Path:
    (tmp / "pytest.ini").write_text("[pytest]\n")
    shutil.copy(FIXTURES / COLLECTION, tmp / COLLECTION)
    return tmp


def _run(cwd: Path, args: list[str]) -> Run:
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    return Run(cwd / "out", done.stdout + done.stderr, done.returncode)


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory, _echo_server: EchoServer) -> Run:
    """``harness run`` with every reporter and export."""
    cwd = _workdir(tmp_path_factory.mktemp("cli"))
    return _run(cwd, [
        "-m", "harness.cli", "run", COLLECTION, "--env-var", f"base={_echo_server.url}",
        "--env-var", f"dead={dead_url()}", "-r", "cli,junit,json,html,allure",
        "--alluredir", "out/allure", "--reporter-junit-export", "out/junit.xml",
        "--reporter-json-export", "out/report.json", "--reporter-html-export", "out/report.html",
        "--export-environment", "out/environment.json",
        "--export-collection", "out/collection.json", "--verbose",
        "--", "-p", "no:cacheprovider"])


@pytest.fixture(scope="module")
def pytest_run(tmp_path_factory: pytest.TempPathFactory, _echo_server: EchoServer) -> Run:
    """The same collection through the pytest door (a second run for history ids)."""
    cwd = _workdir(tmp_path_factory.mktemp("door"))
    return _run(cwd, [
        "-m", "pytest", COLLECTION, *plugin_args(), "-p", "no:cacheprovider",
        "--postman-env-var", f"base={_echo_server.url}", "--postman-env-var", f"dead={dead_url()}",
        "--alluredir", "out/allure", "--junitxml", "out/junit.xml", "-o", "junit_family=xunit2",
        "--postman-json", "out/report.json", "--postman-html", "out/report.html"])


# -- the runs themselves --------------------------------------------------------------------


@pytest.mark.parametrize("door", ["cli_run", "pytest_run"])
def test_outcomes_in_the_terminal(door: str, request: pytest.FixtureRequest) -> None:
    run: Run = request.getfixturevalue(door)
    assert run.code == 1, run.terminal
    assert "3 failed, 4 passed, 1 skipped" in run.terminal
    assert "Outcomes: 1 iteration(s), 9 requests (2 failed), 9 assertions (2 failed" \
        in run.terminal


# -- Allure ---------------------------------------------------------------------------------


@pytest.mark.parametrize("door", ["cli_run", "pytest_run"])
def test_allure_one_result_per_request_item_with_its_status(
        door: str, request: pytest.FixtureRequest) -> None:
    run: Run = request.getfixturevalue(door)
    results = run.allure()
    assert {name: r["status"] for name, r in results.items()} == STATUSES
    assert "expected 200 to deeply equal 201" in \
        results["reports-outcomes:Orders/Get"]["statusDetails"]["message"]
    assert "connection refused" in \
        results["reports-outcomes:Broken/Down"]["statusDetails"]["message"]
    assert "kaput" in results["reports-outcomes:Broken/Script error"]["statusDetails"]["message"]


def test_allure_labels_epic_feature_story(cli_run: Run) -> None:
    results = cli_run.allure()

    def labels(name: str) -> dict[str, str]:
        found = results[f"reports-outcomes:{name}"]["labels"]
        return {label["name"]: label["value"] for label in found
                if label["name"] in ("epic", "feature", "story")}

    assert labels("Orders/Archive/Poll") == {
        "epic": "Outcomes", "feature": "Orders / Archive", "story": "Poll"}
    assert labels("Users/Get") == {"epic": "Outcomes", "feature": "Users", "story": "Get"}
    assert labels("Skip me") == {"epic": "Outcomes", "story": "Skip me"}


def test_allure_polling_item_has_one_step_per_attempt(cli_run: Run) -> None:
    poll = cli_run.allure()["reports-outcomes:Orders/Archive/Poll"]
    steps = poll["steps"]
    assert [s["name"] for s in steps] == ["Attempt 1", "Attempt 2", "Attempt 3"]
    assert {s["status"] for s in steps} == {"passed"}
    for step in steps:
        inner = [s["name"] for s in step["steps"]]
        assert inner[0].startswith("Request: GET http://127.0.0.1:")
        assert "poll answered" in inner


def test_allure_skipped_item_shows_no_test_script_step(cli_run: Run) -> None:
    skipped = cli_run.allure()["reports-outcomes:Skip me"]
    assert [s["name"] for s in skipped["steps"]] == ["Pre-request script", "Skipped"]


def test_allure_history_id_stable_across_runs_and_distinct_per_folder(
        cli_run: Run, pytest_run: Run) -> None:
    first = {name: r["historyId"] for name, r in cli_run.allure().items()}
    second = {name: r["historyId"] for name, r in pytest_run.allure().items()}
    assert first == second
    assert len(set(first.values())) == len(first) == 8
    assert first["reports-outcomes:Users/Get"] != first["reports-outcomes:Orders/Get"]


# -- Newman JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("door", ["cli_run", "pytest_run"])
def test_json_stats_executions_and_failures(door: str, request: pytest.FixtureRequest) -> None:
    run = request.getfixturevalue(door).json("report.json")["run"]
    stats = run["stats"]
    assert stats["requests"] == {"total": 9, "pending": 0, "failed": 1}  # Poll sent 3 times
    # as Newman: the test script of "Down" runs (and fails) after the connection error
    assert stats["assertions"] == {"total": 9, "pending": 0, "failed": 2}
    assert stats["items"]["total"] == 10 and stats["tests"]["total"] == 9
    assert stats["prerequestScripts"]["total"] == 1  # only "Skip me" has one
    assert stats["testScripts"] == {"total": 9, "pending": 0, "failed": 1}
    # as Newman: one execution per request sent (the skipRequest item has none)
    assert [e["item"]["name"] for e in run["executions"]] == [
        "List users", "Get", "Get", "Poll", "Poll", "Poll", "Down", "Script error", "XSS bait"]
    failures = [(f["source"]["name"], f["parent"]["name"], f["at"], f["error"]["message"])
                for f in run["failures"]]
    assert failures[0] == ("Get", "Orders", "assertion:0 in test-script",
                           "expected 200 to deeply equal 201")
    assert failures[1][:3] == ("Down", "Broken", "request")
    assert failures[1][3].startswith("connection refused: http://127.0.0.1:")
    assert failures[2][:3] == ("Down", "Broken", "assertion:0 in test-script")
    assert failures[3] == ("Script error", "Broken", "test-script", "kaput")
    assert len(failures) == 4


# -- HTML -----------------------------------------------------------------------------------


def _stat(html: str, name: str) -> str:
    found = re.search(rf'id="stat-{name}">([^<]*)<', html)
    assert found is not None, name
    return found.group(1)


@pytest.mark.parametrize("door", ["cli_run", "pytest_run"])
def test_html_names_counts_and_no_script_from_a_response(
        door: str, request: pytest.FixtureRequest) -> None:
    html = (request.getfixturevalue(door).out / "report.html").read_text()
    for name in NAMES:
        assert name in html
    assert (_stat(html, "requests"), _stat(html, "assertions"), _stat(html, "failed"),
            _stat(html, "passed")) == ("9", "9", "2", "7")
    assert "connection refused" in html and "kaput" in html
    # the bait is shown, escaped: the echoed header (alert 1) and the request body (alert 2)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert html.count("alert(1)") == html.count("&lt;script&gt;alert(1)")


# -- JUnit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("door", ["cli_run", "pytest_run"])
def test_junit_one_testcase_per_item(door: str, request: pytest.FixtureRequest) -> None:
    root = ET.parse(request.getfixturevalue(door).out / "junit.xml").getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    assert suite is not None
    assert {k: suite.get(k) for k in ("tests", "failures", "errors", "skipped")} == {
        "tests": "8", "failures": "3", "errors": "0", "skipped": "1"}
    cases = list(suite.iter("testcase"))
    assert [(c.get("classname"), c.get("name")) for c in cases] == JUNIT_CASES
    outcome = {c.get("name") + str(i): [child.tag for child in c] for i, c in enumerate(cases)}
    assert outcome["Get2"] == ["failure"] and outcome["Skip me6"] == ["skipped"]
    assert outcome["Get1"] == [] and outcome["Down4"] == ["failure"]


# -- exports --------------------------------------------------------------------------------


def test_exports_hold_the_variables_scripts_set(cli_run: Run) -> None:
    environment = cli_run.json("environment.json")
    values = {v["key"]: v["value"] for v in environment["values"]}
    assert values["listedAt"] == "/users"
    assert values["polls"] == 3
    assert environment["_postman_variable_scope"] == "environment"
    collection = cli_run.json("collection.json")
    assert {v["key"]: v["value"] for v in collection["variable"]}["seen"] == "users"
    assert collection["info"]["name"] == "Outcomes"


# -- a long run -----------------------------------------------------------------------------


def _many(count: int) -> dict[str, Any]:
    check = "pm.test('ok', () => pm.response.to.have.status(200));"
    return {
        "info": {"name": "Many", "_postman_id": "reports-many",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/"
                           "collection.json"},
        "item": [{"name": f"Request {n:04d}", "request": {"method": "GET",
                                                        "url": f"{{{{base}}}}/many/{n}"},
                  "event": [{"listen": "test", "script": {"exec": [check]}}] if n % 10 == 0
                  else []}
                 for n in range(count)],
    }


def test_a_thousand_requests_show_progress_and_finish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, echo: EchoServer,
        capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "many.postman_collection.json").write_text(json.dumps(_many(1000)))
    monkeypatch.chdir(tmp_path)
    started = time.perf_counter()
    code = main(["run", "many.postman_collection.json", "--env-var", f"base={echo.url}",
                 "-r", "cli,json", "--reporter-json-export", "out/report.json", "--verbose",
                 "--", "-p", "no:cacheprovider"])
    took = time.perf_counter() - started
    out = capfd.readouterr().out
    assert code == 0, out[-2000:]
    assert "1000 passed" in out
    for percent in ("[  0%]", "[ 10%]", "[ 50%]", "[ 99%]", "[100%]"):
        assert percent in out
    assert len(echo.exchanges) == 1000
    assert echo.exchanges[-1].target == "/many/999"
    stats = json.loads((tmp_path / "out" / "report.json").read_text())["run"]["stats"]
    assert stats["requests"]["total"] == 1000 and stats["assertions"]["total"] == 100
    assert took < 20, took
