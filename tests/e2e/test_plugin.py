"""The pytest door: collection, node ids, selection, iterations, outcomes, options, hooks."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import FlowServer, Harness, dead_url
from echo import EchoServer


def env(base: str, *more: str) -> list[str]:
    args = ["--postman-env-var", f"base={base}"]
    for pair in more:
        args += ["--postman-env-var", pair]
    return args


def paths(echo: EchoServer) -> list[str]:
    return [e.target for e in echo.exchanges]


BASIC_IDS = [
    "basic.postman_collection.json::Users::List users",
    "basic.postman_collection.json::Users::Get user",
    "basic.postman_collection.json::Orders::Archive::Old orders",
    "basic.postman_collection.json::Orders::Recent",
    "basic.postman_collection.json::Health",
]


# -- collection -----------------------------------------------------------------------------


def test_collects_postman_collection_files_with_folders_as_nodes(hx: Harness) -> None:
    hx.copy("basic.postman_collection.json", to="sub")
    (hx.path / "sub" / "unrelated.json").write_text('{"item": []}')  # not given: not collected
    result = hx.run("--collect-only", "-q")
    ids = [line for line in result.outlines if "::" in line]
    assert ids == ["sub/" + i for i in BASIC_IDS]
    result.stdout.fnmatch_lines(["*5 tests collected*"])


def test_an_explicit_json_file_is_collected(hx: Harness, echo: EchoServer) -> None:
    (hx.path / "api.json").write_text(
        (hx.copy("basic.postman_collection.json")[0]).read_text())
    (hx.path / "basic.postman_collection.json").unlink()
    result = hx.run("api.json", "-v", *env(echo.url))
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["api.json::Users::List users PASSED*"])


def test_node_names_are_made_safe_and_unique(hx: Harness, echo: EchoServer) -> None:
    hx.copy("names.postman_collection.json")
    result = hx.run("--collect-only", "-q")
    ids = [line.split("::", 1)[1] for line in result.outlines if "::" in line]
    assert ids == ["a: b", "x(1)", "dup", "dup (2)", "F: G::inner"]
    ran = hx.run("-v", *env(echo.url))
    ran.assert_outcomes(passed=5)
    assert paths(echo) == ["/n/colons", "/n/brackets", "/n/dup1", "/n/dup2", "/n/inner"]


def test_k_runs_exactly_the_selection(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("-k", "Users and not Get", *env(echo.url))
    result.assert_outcomes(passed=1, deselected=4)
    assert paths(echo) == ["/users"]


def test_k_selecting_a_folder_runs_its_requests_only(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("-k", "Orders", *env(echo.url))
    result.assert_outcomes(passed=2, deselected=3)
    assert paths(echo) == ["/orders/old", "/orders/recent"]


def test_node_id_on_the_command_line_selects_one_request(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("basic.postman_collection.json::Orders::Recent", *env(echo.url))
    result.assert_outcomes(passed=1)
    assert paths(echo) == ["/orders/recent"]


# -- iterations -----------------------------------------------------------------------------


def test_iterations_become_parametrized_ids_in_run_order(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("-v", "--postman-iterations", "2", "--postman-folder", "Users",
                    *env(echo.url))
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines([
        "*::Users::List users[[]iteration-1[]] PASSED*",
        "*::Users::Get user[[]iteration-1[]] PASSED*",
        "*::Users::List users[[]iteration-2[]] PASSED*",
        "*::Users::Get user[[]iteration-2[]] PASSED*",
    ])
    assert paths(echo) == ["/users", "/users/1"] * 2


def test_csv_data_file_rows_are_the_data_scope(hx: Harness, flow: FlowServer) -> None:
    hx.copy("data.postman_collection.json", "rows.csv")
    result = hx.run("-v", "--postman-data", "rows.csv", *env(flow.url))
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*Get user[[]iteration-2[]] PASSED*"])
    assert [(s.path, s.query) for s in flow.seen] == [
        ("/users/alice", {"expected": "1"}), ("/users/bob", {"expected": "2"})]


def test_json_data_file_with_more_iterations_reuses_the_last_row(
        hx: Harness, flow: FlowServer) -> None:
    hx.copy("data.postman_collection.json", "rows.json")
    result = hx.run("--postman-data", "rows.json", "--postman-iterations", "3", *env(flow.url))
    result.assert_outcomes(passed=3)
    assert [(s.path, s.query) for s in flow.seen] == [
        ("/users/carol", {"expected": "3"}), ("/users/dave", {"expected": "4"}),
        ("/users/dave", {"expected": "4"})]


# -- outcomes -------------------------------------------------------------------------------


def test_outcomes_passed_failed_broken_and_skipped(hx: Harness, echo: EchoServer) -> None:
    hx.copy("outcomes.postman_collection.json")
    dead = dead_url()
    _, outcomes = hx.inline(*env(echo.url, f"dead={dead}"))
    got = {k.split("::", 1)[1]: v for k, v in outcomes.items()}
    assert got["passes"].outcome == "passed"

    failed = got["fails"]
    assert (failed.outcome, failed.assertion) == ("failed", True)
    assert "failed: first check: expected 1 to equal 2" in failed.text
    assert "failed: second check:" in failed.text and "404" in failed.text
    assert "passing check" not in failed.text

    refused = got["refused"]
    assert (refused.outcome, refused.error, refused.assertion) == ("failed", "SendError", False)
    assert f"connection refused: {dead}/nothing" in refused.text

    script = got["script error"]
    assert (script.error, script.assertion) == ("ScriptError", False)
    assert "notDefinedAnywhere" in script.text

    unresolved = got["unresolved host"]
    assert (unresolved.error, unresolved.assertion) == ("UnresolvedVariables", False)
    assert "{{nohost}}" in unresolved.text

    skipped = got["skipped by script"]
    assert skipped.outcome == "skipped" and "skipRequest" in skipped.text

    assert got["jumper"].outcome == "passed"
    jumped = got["jumped over"]
    assert jumped.outcome == "skipped" and "setNextRequest" in jumped.text
    assert got["landing"].outcome == "passed"
    assert paths(echo) == ["/ok", "/fails", "/script", "/jumper", "/landing"]


def test_failure_report_in_the_terminal(hx: Harness, echo: EchoServer) -> None:
    hx.copy("outcomes.postman_collection.json")
    result = hx.run("-k", "fails or refused", *env(echo.url, f"dead={dead_url()}"))
    result.assert_outcomes(failed=2, deselected=7)
    result.stdout.fnmatch_lines([
        "*fails GET http://127.0.0.1:*/fails -> 200 OK*",
        "*failed: first check: expected 1 to equal 2*",
        "*error: SendError: connection refused: http://127.0.0.1:*/nothing*",
        "*harness run summary*",
        "Outcomes: 1 iteration(s), 2 requests (1 failed), 3 assertions (2 failed, 0 skipped)*",
    ])


def test_bail_skips_the_rest_with_the_reason(hx: Harness, echo: EchoServer) -> None:
    hx.copy("outcomes.postman_collection.json")
    result = hx.run("-rs", "--postman-bail", *env(echo.url, f"dead={dead_url()}"))
    result.assert_outcomes(passed=1, failed=1, skipped=7)
    result.stdout.fnmatch_lines(["SKIPPED*the run stopped after the first failure (--bail)*"])
    assert paths(echo) == ["/ok", "/fails"]


def test_exitfirst_stops_sending_requests(hx: Harness, echo: EchoServer) -> None:
    hx.copy("outcomes.postman_collection.json")
    result = hx.run("-x", *env(echo.url, f"dead={dead_url()}"))
    result.assert_outcomes(passed=1, failed=1)
    assert paths(echo) == ["/ok", "/fails"]  # nothing sent after pytest stopped


def test_maxfail_across_two_collection_files(hx: Harness, flow: FlowServer) -> None:
    hx.copy("state_a.postman_collection.json", "state_b.postman_collection.json")
    hx.pytester.makeconftest("""
        def pytest_harness_before_request(item, request):
            if item.name == "Check":
                request.url = request.url.copy_with(path="/elsewhere")
    """)
    result = hx.run("--maxfail", "1", *env(flow.url))
    result.assert_outcomes(passed=1, failed=1)
    assert flow.paths() == ["/set/a", "/elsewhere"]


# -- options from files ---------------------------------------------------------------------


def _env_file(hx: Harness, base: str) -> None:
    document = {"name": "ini env", "values": [{"key": "base", "value": base, "enabled": True}]}
    (hx.path / "envs").mkdir()
    (hx.path / "envs" / "local.postman_environment.json").write_text(json.dumps(document))


def test_options_from_pytest_ini(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    _env_file(hx, echo.url)
    hx.pytester.makeini("[pytest]\npostman_env = envs/local.postman_environment.json\n"
                        "postman_folder = Users\n")
    result = hx.run()
    result.assert_outcomes(passed=2)
    assert paths(echo) == ["/users", "/users/1"]


def test_options_from_tox_ini(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    _env_file(hx, echo.url)
    (hx.path / "tox.ini").write_text("[pytest]\npostman_env = envs/local.postman_environment.json"
                                     "\npostman_iterations = 2\npostman_exclude_folder = Orders\n")
    result = hx.run()
    result.assert_outcomes(passed=6)
    assert paths(echo) == ["/users", "/users/1", "/health"] * 2


def test_options_from_tool_harness_in_pyproject(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    _env_file(hx, echo.url)
    hx.pytester.makepyprojecttoml(
        '[tool.harness]\nenv = "envs/local.postman_environment.json"\n'
        'folder = ["Orders/Archive", "Health"]\n')
    result = hx.run()
    result.assert_outcomes(passed=2)
    assert paths(echo) == ["/orders/old", "/health"]


def test_command_line_wins_over_the_ini_file(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    _env_file(hx, "http://127.0.0.1:9")
    hx.pytester.makeini("[pytest]\npostman_env = envs/local.postman_environment.json\n")
    result = hx.run("--postman-folder", "Health", *env(echo.url))
    result.assert_outcomes(passed=1)
    assert paths(echo) == ["/health"]


def test_zero_timeouts_in_the_ini_file_mean_no_timeout(hx: Harness, echo: EchoServer) -> None:
    # Newman's default for --timeout and --timeout-request is 0: no limit
    hx.copy("basic.postman_collection.json")
    hx.pytester.makeini("[pytest]\npostman_timeout = 0\npostman_timeout_request = 0\n")
    result = hx.run("--postman-folder", "Users", *env(echo.url))
    result.assert_outcomes(passed=2)
    assert paths(echo) == ["/users", "/users/1"]


# -- xdist ----------------------------------------------------------------------------------


def test_xdist_loadfile_keeps_state_per_collection_file(hx: Harness, flow: FlowServer) -> None:
    hx.copy("state_a.postman_collection.json", "state_b.postman_collection.json")
    result = hx.run_subprocess("-n", "2", "--dist", "loadfile", *env(flow.url))
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["*2 workers*"])
    assert sorted(flow.paths()) == ["/check/a", "/check/b", "/set/a", "/set/b"]
    # each worker's Newman-style totals reach the controller's terminal
    result.stdout.fnmatch_lines(["*harness run summary*"])
    assert len([line for line in result.outlines if " 2 requests (0 failed)" in line]) == 2


def test_xdist_default_load_keeps_a_collection_on_one_worker(
        hx: Harness, echo: EchoServer) -> None:
    # with plain -n (--dist load) every request must still be sent exactly once
    hx.copy("basic.postman_collection.json")
    hx.pytester.makepyfile(test_plain="def test_a(): pass\ndef test_b(): pass\n")
    result = hx.run_subprocess("-n", "2", *env(echo.url))
    result.assert_outcomes(passed=7)
    assert sorted(paths(echo)) == sorted(
        ["/users", "/users/1", "/orders/old", "/orders/recent", "/health"])


def test_xdist_json_reports_are_written_per_collection(hx: Harness, flow: FlowServer) -> None:
    hx.copy("state_a.postman_collection.json", "state_b.postman_collection.json")
    result = hx.run_subprocess("-n", "2", "--dist", "loadfile", "--postman-json", "r.json",
                               *env(flow.url))
    result.assert_outcomes(passed=4)
    names = {json.loads((hx.path / f).read_text())["collection"]["info"]["name"]
             for f in ("r-State-A.json", "r-State-B.json")}
    assert names == {"State A", "State B"}


def test_json_report_of_two_collections_without_xdist(hx: Harness, flow: FlowServer) -> None:
    hx.copy("state_a.postman_collection.json", "state_b.postman_collection.json")
    result = hx.run("--postman-json", "r.json", *env(flow.url))
    result.assert_outcomes(passed=4)
    first = json.loads((hx.path / "r.json").read_text())
    second = json.loads((hx.path / "r-State-B.json").read_text())
    assert first["collection"]["info"]["name"] == "State A"
    assert second["collection"]["info"]["name"] == "State B"


def test_exports_of_two_collections_do_not_overwrite_each_other(
        hx: Harness, flow: FlowServer) -> None:
    hx.copy("state_a.postman_collection.json", "state_b.postman_collection.json")
    result = hx.run("--postman-export-collection", "out.json", *env(flow.url))
    result.assert_outcomes(passed=4)
    exported = {name: json.loads((hx.path / name).read_text())
                for name in ("out.json", "out-State-B.json")}
    assert {name: (data["info"]["name"], {v["key"]: v["value"] for v in data["variable"]})
            for name, data in exported.items()} == {
        "out.json": ("State A", {"who": "a"}), "out-State-B.json": ("State B", {"who": "b"})}


# -- hooks ----------------------------------------------------------------------------------


def test_before_request_hook_adds_a_header(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    hx.pytester.makeconftest("""
        def pytest_harness_before_request(item, request):
            request.headers["X-From-Hook"] = "hooked " + item.name
    """)
    result = hx.run("--postman-folder", "Users", *env(echo.url))
    result.assert_outcomes(passed=2)
    assert [e.header("X-From-Hook") for e in echo.exchanges] == [
        "hooked List users", "hooked Get user"]


def test_after_response_hook_is_called_per_execution(hx: Harness, flow: FlowServer) -> None:
    hx.copy("poll.postman_collection.json")
    hx.pytester.makeconftest("""
        CALLS = []

        def pytest_harness_after_response(execution):
            CALLS.append((execution.item.name, execution.attempt,
                          execution.response.status if execution.response else None))

        def pytest_terminal_summary(terminalreporter):
            terminalreporter.write_line("AFTER-CALLS: %r" % (CALLS,))
    """)
    result = hx.run("--postman-env-var", f"base={flow.url}", "--postman-env-var", "job=j1")
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([
        "AFTER-CALLS: [('Start job', 1, 200), ('Poll job', 1, 200), ('Poll job', 2, 200), "
        "('Poll job', 3, 200), ('Fetch result', 1, 200)]"])


def test_transport_hook_injects_a_mock_transport(hx: Harness) -> None:
    hx.copy("mocked.postman_collection.json")
    hx.pytester.makeconftest("""
        import httpx

        SEEN = []

        def pytest_harness_transport(config, collection):
            def handler(request):
                SEEN.append(str(request.url))
                return httpx.Response(200, json={"mocked": True, "collection": collection.name})
            return httpx.MockTransport(handler)

        def pytest_terminal_summary(terminalreporter):
            terminalreporter.write_line("MOCK-SEEN: %r" % (SEEN,))
    """)
    result = hx.run()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["MOCK-SEEN: ['http://harness-mock.invalid/thing']"])


# -- junit ----------------------------------------------------------------------------------


def test_junitxml_has_one_testcase_per_request(hx: Harness, echo: EchoServer) -> None:
    hx.copy("basic.postman_collection.json")
    result = hx.run("--junitxml=out.xml", "--postman-iterations", "2", *env(echo.url))
    result.assert_outcomes(passed=10)
    cases = ET.parse(hx.path / "out.xml").getroot().iter("testcase")
    names = sorted(c.get("name", "") for c in cases)
    assert len(names) == 10
    assert "List users[iteration-2]" in names and "Old orders[iteration-1]" in names
