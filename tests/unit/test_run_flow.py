"""The Run state machine: Postman's order and flow control, over ``httpx.MockTransport``."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from harness.client import ClientOptions
from harness.errors import RunError
from harness.model import Collection
from harness.parse import parse_collection
from harness.result import Execution
from harness.run import Run, RunOptions, select_items
from harness.variables import Scope, Scopes

# -- builders -------------------------------------------------------------------------------


def req(name: str, *, test: str = "", pre: str = "", ident: str | None = None,
        url: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"name": name, "request": {"method": "GET",
                                                      "url": url or f"http://api.test/{name}"}}
    if ident:
        item["id"] = ident
    events = [{"listen": listen, "script": {"exec": [source]}}
              for listen, source in (("prerequest", pre), ("test", test)) if source]
    if events:
        item["event"] = events
    return item


def folder(name: str, *items: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "item": list(items)}


def collection(*items: dict[str, Any], variables: dict[str, str] | None = None) -> Collection:
    raw: dict[str, Any] = {"info": {"name": "flow", "_postman_id": "flow-id"}, "item": list(items)}
    if variables:
        raw["variable"] = [{"key": k, "value": v} for k, v in variables.items()]
    return parse_collection(raw, "flow.postman_collection.json")


@dataclass
class Api:
    """A mock server recording the paths it was asked for, in order."""

    seen: list[str] = field(default_factory=list)
    stamps: list[float] = field(default_factory=list)
    sleep_s: float = 0.0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request.url.path.lstrip("/"))
        self.stamps.append(time.perf_counter())
        if self.sleep_s:
            time.sleep(self.sleep_s)
        return httpx.Response(200, json={"path": request.url.path})


def make_run(coll: Collection, api: Api | None = None, **options: Any) -> tuple[Run, Api]:
    api = api or Api()
    scopes = Scopes(collection=Scope("collection", coll.variables))
    client = ClientOptions(transport=httpx.MockTransport(api))
    return Run(coll, scopes, RunOptions(client=client, **options)), api


def names(executions: list[Execution]) -> list[str]:
    return [e.item.name for e in executions]


# -- order ----------------------------------------------------------------------------------


def test_order_is_depth_first_in_file_order() -> None:
    coll = collection(req("r1"), folder("F", req("f1"), folder("G", req("g1")), req("f2")),
                      req("r2"))
    run, api = make_run(coll)
    executions = list(run)
    assert names(executions) == ["r1", "f1", "g1", "f2", "r2"]
    assert api.seen == ["r1", "f1", "g1", "f2", "r2"]
    assert run.stop_reason == "finished"
    assert run.summary.requests == 5 and run.summary.iterations == 1


def test_select_items_folder_by_name_path_and_exclude() -> None:
    coll = collection(folder("A", folder("B", req("x")), req("y")), folder("B", req("z")))
    pick = lambda **o: [i.name for _, i in select_items(coll, RunOptions(**o))]  # noqa: E731
    assert pick(folders=("B",)) == ["x", "z"]
    assert pick(folders=("A/B",)) == ["x"]
    assert pick(exclude_folders=("B",)) == ["y"]
    assert pick(folders=("A",), exclude_folders=("A/B",)) == ["y"]
    assert pick(folders=("nothing",)) == []


# -- setNextRequest -------------------------------------------------------------------------


def test_set_next_request_by_name_jumps_forward() -> None:
    coll = collection(req("a", test="pm.setNextRequest('c')"), req("b"), req("c"), req("d"))
    run, api = make_run(coll)
    assert names(list(run)) == ["a", "c", "d"]
    assert api.seen == ["a", "c", "d"]


def test_set_next_request_by_id_wins_over_name() -> None:
    # "b" is the *name* of the last request and the *id* of the second: ids come first
    coll = collection(req("a", test="pm.setNextRequest('b')"), req("second", ident="b"),
                      req("third"), req("b", ident="id-of-b"))
    run, _ = make_run(coll)
    assert names(list(run)) == ["a", "second", "third", "b"]


def test_set_next_request_in_prerequest_applies_after_the_request() -> None:
    coll = collection(req("a", pre="postman.setNextRequest('c')"), req("b"), req("c"))
    run, api = make_run(coll)
    assert names(list(run)) == ["a", "c"]
    assert api.seen == ["a", "c"]  # the request itself is still sent


def test_set_next_request_null_ends_the_iteration_only() -> None:
    coll = collection(req("a", test="pm.setNextRequest(null)"), req("b"))
    run, _ = make_run(coll, iterations=2)
    executions = list(run)
    assert [(e.item.name, e.iteration) for e in executions] == [("a", 0), ("a", 1)]
    assert run.stop_reason == "finished"


def test_unknown_target_ends_the_iteration_with_a_warning() -> None:
    coll = collection(req("a", test="pm.setNextRequest('nope')"), req("b"))
    run, _ = make_run(coll, iterations=2)
    executions = list(run)
    assert names(executions) == ["a", "a"]
    assert any("nope" in w and "no such request" in w for w in executions[0].warnings)


def test_jump_back_loop_ends_when_the_script_stops_jumping() -> None:
    test = ("const n = Number(pm.collectionVariables.get('n') || 0) + 1;"
            "pm.collectionVariables.set('n', n); if (n < 3) pm.setNextRequest('a');")
    coll = collection(req("a"), req("b", test=test), req("c"))
    run, _ = make_run(coll)
    executions = list(run)
    assert names(executions) == ["a", "b", "a", "b", "a", "b", "c"]
    assert [e.attempt for e in executions if e.item.name == "a"] == [1, 2, 3]


def test_self_loop_is_capped_by_max_loop_and_the_next_iteration_runs() -> None:
    coll = collection(req("poll", test="pm.setNextRequest('poll')"), req("after"))
    run, api = make_run(coll, max_loop=4, iterations=2)
    executions = list(run)
    per_iteration = [[e for e in executions if e.iteration == i] for i in (0, 1)]
    for group in per_iteration:
        assert names(group) == ["poll"] * 5  # 4 sends, then the capped 5th
        capped = group[-1]
        assert isinstance(capped.error, RunError)
        assert "4 times" in str(capped.error) and "max-loop" in str(capped.error)
        assert capped.response is None
    assert api.seen == ["poll"] * 8
    assert run.stop_reason == "finished"
    assert run.summary.failed_requests == 2


# -- skip, bail, errors ---------------------------------------------------------------------


def test_skip_request_skips_the_send_and_the_tests() -> None:
    coll = collection(req("a", pre="pm.execution.skipRequest()",
                          test="pm.test('never', () => {})"), req("b"))
    run, api = make_run(coll)
    executions = list(run)
    assert executions[0].skipped and "skipRequest" in executions[0].skipped
    assert executions[0].assertions == [] and executions[0].response is None
    assert api.seen == ["b"]
    assert run.summary.requests == 1


def test_bail_stops_after_the_first_failure() -> None:
    coll = collection(req("a"), req("b", test="pm.test('bad', () => pm.expect(1).to.equal(2))"),
                      req("c"))
    run, api = make_run(coll, bail=True, iterations=3)
    executions = list(run)
    assert names(executions) == ["a", "b"]
    assert api.seen == ["a", "b"]
    assert "--bail" in run.stop_reason
    assert run.peek() is None


def test_without_bail_a_failure_does_not_stop_the_run() -> None:
    coll = collection(req("a", test="pm.test('bad', () => pm.expect(1).to.equal(2))"), req("b"))
    run, _ = make_run(coll)
    executions = list(run)
    assert names(executions) == ["a", "b"]
    assert [a.name for a in executions[0].failed_assertions] == ["bad"]
    assert run.summary.failed_assertions == 1


def test_a_script_error_is_carried_by_the_execution() -> None:
    coll = collection(req("a", test="undefinedFunction();"), req("b"))
    run, _ = make_run(coll)
    executions = list(run)
    assert names(executions) == ["a", "b"]
    assert "undefinedFunction" in str(executions[0].error)


# -- iterations and data --------------------------------------------------------------------


def test_data_rows_fill_the_data_scope_and_the_last_row_is_reused() -> None:
    coll = collection(req("u", url="http://api.test/users/{{user}}"))
    rows = ({"user": "alice"}, {"user": "bob"})
    run, api = make_run(coll, data=rows, iterations=3)
    executions = list(run)
    assert api.seen == ["users/alice", "users/bob", "users/bob"]
    assert [e.data for e in executions] == [{"user": "alice"}, {"user": "bob"}, {"user": "bob"}]
    assert run.summary.iterations == 3


def test_iteration_count_defaults_to_the_number_of_rows() -> None:
    coll = collection(req("u", url="http://api.test/{{n}}"))
    run, api = make_run(coll, data=({"n": "1"}, {"n": "2"}, {"n": "3"}))
    assert [e.iteration for e in run] == [0, 1, 2]
    assert api.seen == ["1", "2", "3"]


def test_pm_info_iteration_seen_by_scripts() -> None:
    test = ("pm.test('it', () => pm.expect(pm.info.iteration).to.equal("
            "Number(pm.iterationData.get('i'))))")
    coll = collection(req("a", test=test))
    run, _ = make_run(coll, data=({"i": "0"}, {"i": "1"}))
    executions = list(run)
    assert len(executions) == 2 and all(e.ok and e.assertions for e in executions)


# -- time -----------------------------------------------------------------------------------


def test_delay_request_waits_before_every_request_as_newman() -> None:
    coll = collection(req("a"), req("b"), req("c"))
    run, api = make_run(coll, delay_request_ms=60)
    started = time.perf_counter()
    list(run)
    gaps = [later - earlier for earlier, later in zip(api.stamps, api.stamps[1:], strict=False)]
    assert all(gap >= 0.055 for gap in gaps), gaps
    assert api.stamps[0] - started >= 0.055  # postman-runtime delays the first item too


def test_timeout_of_the_whole_run_stops_it() -> None:
    coll = collection(*(req(f"r{i}") for i in range(10)))
    api = Api(sleep_s=0.03)
    run, _ = make_run(coll, api, timeout_ms=70)
    executions = list(run)
    assert 2 <= len(api.seen) < 10
    last = executions[-1]
    assert isinstance(last.error, RunError) and "timed out" in str(last.error)
    assert "timed out" in run.stop_reason
    assert len(executions) == len(api.seen) + 1


# -- the state machine ----------------------------------------------------------------------


def test_peek_names_the_next_place_and_step_executes_it() -> None:
    coll = collection(req("a"), req("b"))
    run, api = make_run(coll, iterations=2)
    assert run.peek() == (0, 0)
    assert api.seen == []  # peeking sends nothing
    assert run.step().item.name == "a"
    assert run.peek() == (0, 1)
    run.step()
    assert run.peek() == (1, 0)
    run.step()
    run.step()
    assert run.peek() is None
    with pytest.raises(RunError):
        run.step()
    run.close()


def test_after_execution_hook_sees_every_execution() -> None:
    seen: list[str] = []
    coll = collection(req("a"), req("b"))
    run, _ = make_run(coll, after_execution=(lambda e: seen.append(e.item.name),))
    list(run)
    assert seen == ["a", "b"]


def test_before_request_hook_can_replace_the_request() -> None:
    def hook(item: Any, request: httpx.Request) -> httpx.Request:
        request.headers["X-Hooked"] = item.name
        return request

    got: list[str | None] = []

    def respond(request: httpx.Request) -> httpx.Response:
        got.append(request.headers.get("X-Hooked"))
        return httpx.Response(204)

    coll = collection(req("a"))
    client = ClientOptions(transport=httpx.MockTransport(respond))
    run = Run(coll, Scopes(), RunOptions(before_request=(hook,), client=client))
    assert [e.response.status for e in run if e.response] == [204]
    assert got == ["a"]


def test_test_scripts_run_after_a_failed_send_as_in_newman() -> None:
    """Newman runs test scripts on a request error, with an empty pm.response."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    coll = collection(req("down", test="pm.environment.set('after', typeof pm.response);"
                          "pm.test('code', () => pm.expect(pm.response.code).to.eql(200));"))
    scopes = Scopes()
    run = Run(coll, scopes, RunOptions(client=ClientOptions(transport=httpx.MockTransport(refuse))))
    (execution,) = list(run)
    assert execution.error is not None and "refused" in str(execution.error)
    assert scopes.environment.get("after") == "object"
    assert [(a.name, a.passed, a.error) for a in execution.assertions] == [
        ("code", False, "expected undefined to deeply equal 200")]


def test_executions_carry_their_duration_and_share_the_iteration_row() -> None:
    run, _ = make_run(collection(req("a"), req("b")), data=({"row": 1},))
    first, second = list(run)
    assert first.duration_ms > 0 and second.duration_ms > 0
    assert first.data == {"row": 1} and first.data is second.data  # one row, not a copy each


def test_an_unexpected_exception_stays_on_its_execution_and_the_run_goes_on() -> None:
    """A bug met by one request (here: a transport that raises) must not stop the others."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/boom":
            raise RuntimeError("transport bug")
        return httpx.Response(200, json={})

    coll = collection(req("boom"), req("fine"))
    run = Run(coll, Scopes(), RunOptions(client=ClientOptions(
        transport=httpx.MockTransport(answer))))
    first, second = list(run)
    assert isinstance(first.error, RuntimeError) and "transport bug" in str(first.error)
    assert second.ok and second.response is not None and second.response.status == 200
