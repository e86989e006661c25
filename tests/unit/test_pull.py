"""Puller: executions handed out per place (iteration, position), the run staying in charge."""

from __future__ import annotations

from typing import Any

import httpx

from harness.client import ClientOptions
from harness.model import Collection
from harness.parse import parse_collection
from harness.pull import Puller
from harness.run import Run, RunOptions
from harness.variables import Scope, Scopes


def req(name: str, test: str = "") -> dict[str, Any]:
    item: dict[str, Any] = {"name": name, "id": f"id-{name}",
                            "request": {"method": "GET", "url": f"http://api.test/{name}"}}
    if test:
        item["event"] = [{"listen": "test", "script": {"exec": [test]}}]
    return item


def collection(*items: dict[str, Any]) -> Collection:
    return parse_collection({"info": {"name": "pull"}, "item": list(items)}, "pull.json")


def puller(coll: Collection, **options: Any) -> tuple[Puller, list[str]]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path.lstrip("/"))
        return httpx.Response(200, json={})

    client = ClientOptions(transport=httpx.MockTransport(handler))
    run = Run(coll, Scopes(collection=Scope("collection", coll.variables)),
              RunOptions(client=client, **options))
    return Puller(run), seen


def names(executions: list[Any]) -> list[str]:
    return [e.item.name for e in executions]


COUNTER = ("const n = Number(pm.collectionVariables.get('{key}') || 0) + 1;"
           "pm.collectionVariables.set('{key}', n);")


def test_places_in_order_get_one_execution_each() -> None:
    p, seen = puller(collection(req("a"), req("b"), req("c")))
    assert [names(p.take((0, i))) for i in range(3)] == [["a"], ["b"], ["c"]]
    assert seen == ["a", "b", "c"]
    assert p.drain() == []


def test_take_runs_only_as_far_as_the_place_asked_for() -> None:
    p, seen = puller(collection(req("a"), req("b"), req("c")))
    assert names(p.take((0, 1))) == ["b"]
    assert seen == ["a", "b"]  # "a" ran (buffered), "c" not yet
    assert names(p.take((0, 0))) == ["a"]


def test_place_of_maps_item_ids_to_positions() -> None:
    p, _ = puller(collection(req("a"), req("b")))
    assert p.place_of("id-b", 3) == (3, 1)
    assert p.place_of("unknown", 0) is None


def test_jump_forward_leaves_the_skipped_place_empty_with_a_reason() -> None:
    p, seen = puller(collection(req("a", "pm.setNextRequest('c')"), req("b"), req("c")))
    assert names(p.take((0, 0))) == ["a"]
    assert p.take((0, 1)) == []
    assert "flow skipped it" in p.reason
    assert names(p.take((0, 2))) == ["c"]
    assert seen == ["a", "c"]


def test_jump_back_is_attached_to_the_asking_place_with_a_warning() -> None:
    back = COUNTER.format(key="c") + "if (n < 2) pm.setNextRequest('a');"
    p, seen = puller(collection(req("a"), req("b"), req("c", back)))
    assert names(p.take((0, 0))) == ["a"]
    assert names(p.take((0, 1))) == ["b"]
    got = p.take((0, 2))
    assert names(got) == ["c", "a", "b", "c"]
    assert seen == ["a", "b", "c", "a", "b", "c"]
    rerun = [e for e in got if e.item.name in ("a", "b")]
    assert all(any("executed again" in w for w in e.warnings) for e in rerun)
    assert not any("executed again" in w for w in got[0].warnings + got[-1].warnings)
    assert [e.attempt for e in got] == [1, 2, 2, 2]


def test_polling_gives_several_executions_to_one_place() -> None:
    poll = COUNTER.format(key="p") + "if (n < 3) pm.setNextRequest('poll');"
    p, seen = puller(collection(req("start"), req("poll", poll), req("done")))
    assert names(p.take((0, 0))) == ["start"]
    got = p.take((0, 1))
    assert names(got) == ["poll"] * 3
    assert [e.attempt for e in got] == [1, 2, 3]
    assert names(p.take((0, 2))) == ["done"]
    assert seen == ["start", "poll", "poll", "poll", "done"]


def test_places_across_iterations() -> None:
    p, _ = puller(collection(req("a"), req("b")), iterations=2)
    got = p.take((1, 0))  # everything up to iteration 2's first request runs
    assert [(e.item.name, e.iteration) for e in got] == [("a", 1)]
    assert [(e.item.name, e.iteration) for e in p.take((0, 1))] == [("b", 0)]


def test_drain_runs_the_rest_and_returns_what_nobody_asked_for() -> None:
    p, seen = puller(collection(req("a"), req("b"), req("c")), iterations=2)
    p.take((0, 0))
    leftover = p.drain()
    assert [(e.item.name, e.iteration) for e in leftover] == [
        ("b", 0), ("c", 0), ("a", 1), ("b", 1), ("c", 1)]
    assert len(seen) == 6
    assert p.run.peek() is None


def test_drain_includes_buffered_executions() -> None:
    p, _ = puller(collection(req("a"), req("b"), req("c")))
    p.take((0, 1))  # buffers "a"
    assert names(p.drain()) == ["a", "c"]


def test_reason_after_bail_names_the_stop() -> None:
    fail = "pm.test('bad', () => pm.expect(1).to.equal(2));"
    p, seen = puller(collection(req("a", fail), req("b")), bail=True)
    assert p.take((0, 0))[0].failed_assertions
    assert p.take((0, 1)) == []
    assert "--bail" in p.reason
    assert seen == ["a"]


def test_reason_after_the_run_timeout() -> None:
    coll = collection(req("a"), req("b"), req("c"))
    p, seen = puller(coll, timeout_ms=0)
    got = p.take((0, 0))
    assert "timed out" in str(got[0].error)
    assert p.take((0, 1)) == []
    assert p.reason == "not executed: the run timed out after 0 ms (--timeout)"
    assert seen == []


def test_stop_ends_the_run_and_drain_returns_only_what_was_buffered() -> None:
    p, seen = puller(collection(req("a"), req("b"), req("c")))
    p.take((0, 1))  # runs and buffers "a"
    p.run.stop("was stopped by the caller")
    assert names(p.drain()) == ["a"]
    assert seen == ["a", "b"]
    assert p.reason == "not executed: the run was stopped by the caller"
