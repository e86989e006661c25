"""The ``harness`` command: ``run`` (exit codes, input errors, reports) and ``list``.

Most tests call :func:`harness.cli.main` in-process (it runs pytest in-process), from a
temporary working directory; one goes through ``python -m harness.cli`` in a subprocess.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, FlowServer, dead_url
from echo import EchoServer

from harness.cli import main


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with no pytest configuration above the collection files."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def copy(work: Path, *names: str) -> None:
    for name in names:
        shutil.copy(FIXTURES / name, work / name)


def run(*args: str) -> int:
    try:
        return main(["run", *args, "--", "-p", "no:cacheprovider"])
    except SystemExit as exit_:  # argparse
        return int(exit_.code or 0)


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- exit codes -----------------------------------------------------------------------------


def test_run_all_passing_exits_0_and_prints_the_summary(
        work: Path, echo: EchoServer, capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    code = run("basic.postman_collection.json", "--env-var", f"base={echo.url}")
    out = capfd.readouterr().out
    assert code == 0
    assert "5 passed" in out
    assert "Basic: 1 iteration(s), 5 requests (0 failed), 5 assertions (0 failed, 0 skipped)" \
        in out
    assert len(echo.exchanges) == 5


def test_run_with_failures_exits_1(work: Path, echo: EchoServer,
                                   capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "outcomes.postman_collection.json")
    code = run("outcomes.postman_collection.json", "--env-var", f"base={echo.url}",
               "--env-var", f"dead={dead_url()}")
    out = capfd.readouterr().out
    assert code == 1
    assert "failed: first check: expected 1 to equal 2" in out


def test_run_against_a_server_that_is_down(work: Path,
                                           capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    down = dead_url()
    code = run("basic.postman_collection.json", "--env-var", f"base={down}", "-n", "2")
    out = capfd.readouterr().out
    assert code == 1
    assert "10 failed" in out
    for path in ("/users", "/users/1", "/orders/old", "/orders/recent", "/health"):
        assert out.count(f"connection refused: {down}{path}\n") >= 2, path
    assert "Basic: 2 iteration(s), 10 requests (10 failed)" in out


def test_run_options_map_to_the_plugin(work: Path, flow: FlowServer,
                                       capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "data.postman_collection.json", "rows.csv")
    code = run("data.postman_collection.json", "--env-var", f"base={flow.url}",
               "-d", "rows.csv", "--delay-request", "10", "--max-loop", "3")
    assert code == 0, capfd.readouterr().out
    assert [s.path for s in flow.seen] == ["/users/alice", "/users/bob"]


def test_run_a_folder_of_collections(work: Path, echo: EchoServer,
                                     capfd: pytest.CaptureFixture[str]) -> None:
    (work / "many").mkdir()
    for name in ("state_a.postman_collection.json", "state_b.postman_collection.json"):
        shutil.copy(FIXTURES / name, work / "many" / name)
    code = run("many", "--env-var", f"base={echo.url}", "--folder", "Set")
    assert code == 0, capfd.readouterr().out
    assert sorted(e.target for e in echo.exchanges) == ["/set/a", "/set/b"]


# -- unusable input -------------------------------------------------------------------------


def test_missing_collection_file_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("nope.postman_collection.json") == 2
    line = one_line_error(capsys.readouterr().err)
    assert "nope.postman_collection.json" in line


def test_bad_json_exits_2_naming_the_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "bad.json")
    assert run("bad.json") == 2
    line = one_line_error(capsys.readouterr().err)
    assert line.startswith("harness: error: bad.json")


def test_bad_shape_exits_2_with_the_json_pointer(work: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "badshape.json")
    assert run("badshape.json") == 2
    line = one_line_error(capsys.readouterr().err)
    assert "badshape.json: /item:" in line


def test_v1_collection_exits_2_with_advice(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "v1.json")
    assert run("v1.json") == 2
    line = one_line_error(capsys.readouterr().err)
    assert "v1.json" in line and "v1" in line and "v2.1" in line


def test_bad_environment_file_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    (work / "env.json").write_text('{"name": "e", "values": [{"value": "no key"}]}')
    assert run("basic.postman_collection.json", "-e", "env.json") == 2
    line = one_line_error(capsys.readouterr().err)
    assert "env.json: /values/0" in line


def test_missing_data_file_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    assert run("basic.postman_collection.json", "-d", "missing.csv") == 2
    assert "missing.csv" in one_line_error(capsys.readouterr().err)


def test_bad_base_url_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    assert run("basic.postman_collection.json", "--base-url", "no-equals-sign") == 2
    assert "--base-url" in one_line_error(capsys.readouterr().err)


def test_unknown_reporter_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    assert run("basic.postman_collection.json", "-r", "cli,teamcity") == 2
    assert "teamcity" in one_line_error(capsys.readouterr().err)


def test_unknown_flag_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    assert run("basic.postman_collection.json", "--no-such-flag") == 2
    err = capsys.readouterr().err
    assert "--no-such-flag" in err and "Traceback" not in err


def test_no_command_exits_2_and_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert "usage: harness" in capsys.readouterr().err
    assert main(["--help"]) == 0
    assert "usage: harness" in capsys.readouterr().out


# -- reporters ------------------------------------------------------------------------------


def test_reporters_json_html_junit_write_their_files(
        work: Path, echo: EchoServer, capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    code = run("basic.postman_collection.json", "--env-var", f"base={echo.url}",
               "-r", "cli,json,html,junit", "--reporter-json-export", "out/r.json",
               "--reporter-html-export", "out/r.html", "--reporter-junit-export", "out/j.xml")
    assert code == 0, capfd.readouterr().out
    report = json.loads((work / "out" / "r.json").read_text())
    assert report["collection"]["info"]["name"] == "Basic"
    assert report["run"]["stats"]["requests"]["total"] == 5
    html = (work / "out" / "r.html").read_text()
    assert "Basic" in html and "Old orders" in html
    cases = list(ET.parse(work / "out" / "j.xml").getroot().iter("testcase"))
    assert len(cases) == 5


def test_reporters_default_paths(work: Path, echo: EchoServer,
                                 capfd: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    code = run("basic.postman_collection.json", "--env-var", f"base={echo.url}",
               "-r", "json,junit", "--folder", "Health")
    assert code == 0, capfd.readouterr().out
    assert (work / "reports" / "report.json").is_file()
    assert (work / "reports" / "junit.xml").is_file()


# -- list -----------------------------------------------------------------------------------


def test_list_prints_the_tree_with_resolved_urls(work: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "basic.postman_collection.json")
    assert main(["list", "basic.postman_collection.json", "--env-var",
                 "base=http://api.local:8080"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Basic (5 requests)",
        "  Users/",
        "    GET     List users  http://api.local:8080/users",
        "    GET     Get user  http://api.local:8080/users/1",
        "  Orders/",
        "    Archive/",
        "      GET     Old orders  http://api.local:8080/orders/old",
        "    GET     Recent  http://api.local:8080/orders/recent",
        "  GET     Health  http://api.local:8080/health",
    ]


def test_list_with_an_environment_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "chain.postman_collection.json")
    (work / "env.json").write_text(json.dumps(
        {"name": "e", "values": [{"key": "base", "value": "https://h.test"},
                                 {"key": "userId", "value": "7"}]}))
    assert main(["list", "chain.postman_collection.json", "-e", "env.json"]) == 0
    out = capsys.readouterr().out
    assert "POST    Use  https://h.test/users/7?token={{token}}" in out


def test_list_bad_input_exits_2(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy(work, "badshape.json")
    assert main(["list", "badshape.json"]) == 2
    assert "/item" in one_line_error(capsys.readouterr().err)
    assert main(["list", "missing.postman_collection.json"]) == 2
    assert "missing.postman_collection.json" in one_line_error(capsys.readouterr().err)


# -- a real process -------------------------------------------------------------------------


def test_subprocess_run_and_input_error(work: Path, echo: EchoServer) -> None:
    copy(work, "basic.postman_collection.json", "bad.json")
    ok = subprocess.run(
        [sys.executable, "-m", "harness.cli", "run", "basic.postman_collection.json",
         "--env-var", f"base={echo.url}", "--folder", "Users"],
        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 passed" in ok.stdout and "harness run summary" in ok.stdout
    assert [e.target for e in echo.exchanges] == ["/users", "/users/1"]
    bad = subprocess.run([sys.executable, "-m", "harness.cli", "run", "bad.json"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert one_line_error(bad.stderr).startswith("harness: error: bad.json")
