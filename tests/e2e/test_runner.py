"""Runner flows end to end: real requests to a local server, driven through the pytest door."""

from __future__ import annotations

import json

from conftest import FlowServer, Harness
from echo import EchoServer


def flow_env(flow: FlowServer, *more: str) -> list[str]:
    args = ["--postman-env-var", f"base={flow.url}"]
    for pair in more:
        args += ["--postman-env-var", pair]
    return args


def test_chain_carries_a_response_value_into_url_header_and_body(
        hx: Harness, flow: FlowServer) -> None:
    hx.copy("chain.postman_collection.json")
    result = hx.run(*flow_env(flow))
    result.assert_outcomes(passed=2)
    login, use = flow.seen
    assert (login.method, login.path) == ("POST", "/token")
    assert (use.method, use.path) == ("POST", "/users/u-42")
    assert use.query == {"token": "tok-7f3a"}
    assert use.headers["authorization"] == "Bearer tok-7f3a"
    assert json.loads(use.body) == {"user": "u-42", "token": "tok-7f3a"}


def test_polling_loop_on_itself_ends_when_the_server_is_done(
        hx: Harness, flow: FlowServer) -> None:
    hx.copy("poll.postman_collection.json")
    result = hx.run("-v", *flow_env(flow, "job=j1"))
    result.assert_outcomes(passed=3)
    assert flow.paths() == ["/start/j1", "/poll/j1", "/poll/j1", "/poll/j1", "/result/j1"]
    assert flow.state.polls == {"j1": 3}


def test_polling_loop_hits_the_max_loop_cap_and_the_run_goes_on(
        hx: Harness, flow: FlowServer) -> None:
    hx.copy("poll.postman_collection.json")
    result = hx.run("-v", "-rs", "--postman-max-loop", "5", "--postman-iterations", "2",
                    *flow_env(flow, "job=never"))
    # per iteration: Start passes, Poll is broken by the cap, Fetch is skipped (iteration ended)
    result.assert_outcomes(passed=2, failed=2, skipped=2)
    result.stdout.fnmatch_lines([
        "*Poll job[[]iteration-1[]] FAILED*",
        "*Poll job[[]iteration-2[]] FAILED*",
    ])
    result.stdout.fnmatch_lines([
        "*error: RunError: 'Poll job' was executed 5 times in iteration 1: --max-loop cap hit*"])
    polls = [p for p in flow.paths() if p.startswith("/poll/")]
    assert len(polls) == 10  # 5 per iteration, then the cap
    assert flow.paths().count("/start/never") == 2
    assert "/result/never" not in flow.paths()


def test_folder_by_name(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("--postman-folder", "Orders", "--postman-env-var", f"base={echo.url}")
    result.assert_outcomes(passed=2)
    assert [e.target for e in echo.exchanges] == ["/orders/old", "/orders/recent"]


def test_folder_by_path_and_a_request_name(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("--postman-folder", "Orders/Archive", "--postman-folder", "Get user",
                    "--postman-env-var", f"base={echo.url}", "--collect-only", "-q")
    ids = [line.split("::", 1)[1] for line in result.outlines if "::" in line]
    assert ids == ["Users::Get user", "Orders::Archive::Old orders"]
    ran = hx.run("--postman-folder", "Orders/Archive", "--postman-folder", "Get user",
                 "--postman-env-var", f"base={echo.url}")
    ran.assert_outcomes(passed=2)
    assert [e.target for e in echo.exchanges] == ["/users/1", "/orders/old"]


def test_exclude_folder(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("--postman-exclude-folder", "Users", "--postman-exclude-folder",
                    "Orders/Archive", "--postman-env-var", f"base={echo.url}")
    result.assert_outcomes(passed=2)
    assert [e.target for e in echo.exchanges] == ["/orders/recent", "/health"]


def test_unknown_folder_collects_nothing(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("--postman-folder", "Nope", "--postman-env-var", f"base={echo.url}")
    assert result.ret == 5  # no tests collected
    assert echo.exchanges == []


def test_bail_stops_the_run_across_iterations(hx: Harness, flow: FlowServer) -> None:
    hx.copy("data.postman_collection.json")
    rows = [{"user": "ok", "expected": 1}, {"user": "x", "expected": 2}]
    (hx.path / "rows.json").write_text(json.dumps(rows))
    # the test script compares the echoed path with the row: make the first row fail
    hx.pytester.makeconftest("""
        def pytest_harness_before_request(item, request):
            if request.url.path.endswith("/ok"):
                request.url = request.url.copy_with(path="/users/other")
    """)
    result = hx.run("-rs", "--postman-bail", "--postman-data", "rows.json",
                    *flow_env(flow))
    result.assert_outcomes(failed=1, skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED*stopped after the first failure (--bail)*"])
    assert flow.paths() == ["/users/other"]


def test_data_file_iterations_each_get_their_row(hx: Harness, flow: FlowServer) -> None:
    hx.copy("data.postman_collection.json", "rows.csv")
    result = hx.run("-v", "--postman-data", "rows.csv", *flow_env(flow))
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*Get user[[]iteration-1[]] PASSED*",
                                 "*Get user[[]iteration-2[]] PASSED*"])
    assert [s.path for s in flow.seen] == ["/users/alice", "/users/bob"]


def test_export_environment_blanks_secrets(hx: Harness, flow: FlowServer) -> None:
    hx.copy("export.postman_collection.json", "export.postman_environment.json")
    result = hx.run("--postman-env", "export.postman_environment.json",
                    "--postman-export-environment", "out.json", *flow_env(flow))
    result.assert_outcomes(passed=1)
    exported = json.loads((hx.path / "out.json").read_text())
    values = {v["key"]: v["value"] for v in exported["values"]}
    assert values["fromRun"] == "yes"
    assert values["plain"] == "visible"
    assert values["apiKey"] == ""
    assert "s3cr3t" not in (hx.path / "out.json").read_text()
    assert exported["_postman_variable_scope"] == "environment"


def test_export_environment_with_secrets(hx: Harness, flow: FlowServer) -> None:
    hx.copy("export.postman_collection.json", "export.postman_environment.json")
    result = hx.run("--postman-env", "export.postman_environment.json",
                    "--postman-export-environment", "out.json", "--postman-export-secrets",
                    *flow_env(flow))
    result.assert_outcomes(passed=1)
    values = {v["key"]: v["value"]
              for v in json.loads((hx.path / "out.json").read_text())["values"]}
    assert values["apiKey"] == "rotated-s3cr3t"


def test_base_url_rewrites_the_host(hx: Harness, flow: FlowServer) -> None:
    hx.copy("rewrite.postman_collection.json")
    result = hx.run("--postman-base-url", f"https://api.example.test={flow.url}")
    result.assert_outcomes(passed=1)
    (seen,) = flow.seen
    assert (seen.path, seen.query) == ("/v1/things", {"x": "1"})
    assert seen.headers["host"] == flow.url.removeprefix("http://")


def test_base_url_rewrite_with_a_path_prefix(hx: Harness, flow: FlowServer) -> None:
    hx.copy("rewrite.postman_collection.json")
    result = hx.run("--postman-base-url", f"https://api.example.test={flow.url}/mock")
    result.assert_outcomes(passed=1)
    assert flow.paths() == ["/mock/v1/things"]
