"""harness.report.allure.record inside a real pytest + allure-pytest run (a subprocess)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from harness.report import is_active
from harness.report.allure import ItemMeta, tags_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from allure_inner import run_inner  # noqa: E402
from report_data import SECRETS  # noqa: E402


@pytest.fixture(scope="module")
def run_one(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict[str, Any]], Path]:
    return run_inner(tmp_path_factory.mktemp("allure") / "one", "test_inner")


@pytest.fixture
def results(run_one: tuple[dict[str, dict[str, Any]], Path]) -> dict[str, dict[str, Any]]:
    return run_one[0]


@pytest.fixture
def results_dir(run_one: tuple[dict[str, dict[str, Any]], Path]) -> Path:
    return run_one[1]


def _labels(result: dict[str, Any], name: str) -> list[str]:
    return [label["value"] for label in result["labels"] if label["name"] == name]


def _steps(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["name"], s["status"]) for s in result["steps"]]


def test_title_labels_and_tags(results: dict[str, dict[str, Any]]) -> None:
    admin = results["test_admin_user"]
    assert admin["name"] == "Get user"
    assert _labels(admin, "epic") == ["Sample API"]
    assert _labels(admin, "feature") == ["Users / Admin"]
    assert _labels(admin, "story") == ["Get user"]
    assert _labels(admin, "parentSuite") == ["Sample API"]
    assert _labels(admin, "suite") == ["Users / Admin"]
    assert _labels(admin, "tag") == ["smoke", "users"]
    assert admin["description"] == "Fetch a user.\n@tag smoke, users"
    assert admin["fullName"] == "col-1234:Users/Admin/Get user"
    assert admin["titlePath"] == ["Sample API", "Users", "Admin"]
    assert _labels(results["test_polled"], "suite") == ["(root)"]


def test_parameters_iteration_and_masked_data_row(results: dict[str, dict[str, Any]]) -> None:
    params = {p["name"]: p for p in results["test_admin_user"]["parameters"]}
    assert params["iteration"]["value"] == "1" and not params["iteration"].get("excluded")
    assert params["data.user"] == {"name": "data.user", "value": "'alice'", "excluded": True}
    assert params["data.apikey"]["value"] == "'********'"


def test_history_ids_distinct_for_same_names_in_other_folders(
    results: dict[str, dict[str, Any]],
) -> None:
    admin, accounts = results["test_admin_user"], results["test_accounts_user"]
    assert admin["name"] == accounts["name"] == "Get user"
    assert admin["historyId"] != accounts["historyId"]
    assert admin["testCaseId"] != accounts["testCaseId"]
    # same request, other iteration: same test case, other history
    script = results["test_script_error"]
    assert script["testCaseId"] == admin["testCaseId"]
    assert script["historyId"] != admin["historyId"]


def test_history_ids_stable_across_runs(
    results: dict[str, dict[str, Any]], tmp_path: Path,
) -> None:
    second, _ = run_inner(tmp_path / "two", "test_moved")  # another run, other file and node ids
    for key, result in results.items():
        assert second[key]["historyId"] == result["historyId"], key
        assert second[key]["testCaseId"] == result["testCaseId"], key


def test_steps_and_statuses(results: dict[str, dict[str, Any]]) -> None:
    assert _steps(results["test_admin_user"]) == [
        ("Request: GET http://127.0.0.1/a?token=********&pw=********", "passed"),
        ("Response: 200 OK (12 ms)", "passed"),
        ("status is 200", "passed"),
        ("later", "skipped"),
        ("Test script", "passed"),
    ]
    accounts = results["test_accounts_user"]
    assert accounts["status"] == "failed"
    failed_step = accounts["steps"][2]
    assert (failed_step["name"], failed_step["status"]) == ("status is 200", "failed")
    assert failed_step["statusDetails"]["message"].strip() == (
        "AssertionError: expected 500 to equal 200 (********)")
    script = results["test_script_error"]
    assert script["status"] == "broken"
    assert _steps(script)[0] == ("Pre-request script", "broken")
    assert "TypeError: bad ********" in script["steps"][0]["statusDetails"]["message"]


def test_attempts_are_step_groups(results: dict[str, dict[str, Any]]) -> None:
    polled = results["test_polled"]
    assert _steps(polled) == [("Attempt 1", "broken"), ("Attempt 2", "passed")]
    inner = polled["steps"][0]["steps"]
    assert [(s["name"], s["status"]) for s in inner] == [
        ("Request: GET http://127.0.0.1:1/ping", "passed"), ("Response: none", "broken")]
    assert "SendError: connection refused" in inner[1]["statusDetails"]["message"]


def test_attachments(results: dict[str, dict[str, Any]], results_dir: Path) -> None:
    admin = results["test_admin_user"]
    names = [a["name"] for s in admin["steps"] for a in s.get("attachments", [])]
    assert names == ["Response body"]  # the GET has no body; headers are step parameters
    assert [a["name"] for a in admin["attachments"]] == ["Console"]
    request_params = {p["name"]: p["value"] for p in admin["steps"][0]["parameters"]}
    assert request_params["Authorization"] == "********"
    response_params = {p["name"]: p["value"] for p in admin["steps"][1]["parameters"]}
    assert response_params["Content-Type"].startswith("application/json")
    body = next(a for a in admin["steps"][1]["attachments"] if a["name"] == "Response body")
    assert body["type"] == "application/json"
    text = (results_dir / body["source"]).read_text()
    assert json.loads(text)["token_in_text"] == "prefix-********-suffix"
    assert text.startswith("{\n  ")  # pretty-printed
    big = results["test_big_body"]["steps"][1]["attachments"][0]
    big_text = (results_dir / big["source"]).read_text()
    assert big["type"] == "text/plain" and "truncated: 1,000 of 5,002 characters" in big_text


def test_no_secret_anywhere_in_the_results(results_dir: Path) -> None:
    files = list(results_dir.iterdir())
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in SECRETS:
            assert secret not in text, (secret, path.name)


def test_tags_of() -> None:
    assert tags_of("Text\n@tag smoke, slow\n  @tags: a b #c\n#heading") == [
        "smoke", "slow", "a", "b", "c"]
    assert tags_of("no tags, mail me at x@tagged.example") == []


def test_is_active() -> None:
    class Manager:
        def __init__(self, names: set[str]) -> None:
            self.names = names

        def has_plugin(self, name: str) -> bool:
            return name in self.names

    class Config:
        def __init__(self, alluredir: str | None, names: set[str]) -> None:
            self.option = type("O", (), {"allure_report_dir": alluredir})()
            self.pluginmanager = Manager(names)

    assert is_active(Config("out", {"allure_listener"}))
    assert not is_active(Config(None, {"allure_listener"}))
    assert not is_active(Config("out", set()))


def test_item_meta_full_name() -> None:
    meta = ItemMeta("C", "cid", ("A", "B"), "R", "", None, None, "x")
    assert meta.full_name == "cid:A/B/R"
