# ruff: noqa: E501 - JavaScript snippets read better unwrapped
"""The script engine: errors and their lines, limits, timers, async tests, speed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from scripts_helpers import context, response, results, run

from harness.model import Script
from harness.scripts import NOT_SET, ScriptEngine


@pytest.fixture(scope="module")
def engine() -> Iterator[ScriptEngine]:
    eng = ScriptEngine(timeout_ms=500, memory_limit=32 * 1024 * 1024)
    yield eng
    eng.close()


def test_scripts_of_an_event_share_nothing_but_the_pm_api(engine: ScriptEngine) -> None:
    out = run(engine, "const x = 1; var y = 2; pm.test('a', () => {});",
              "const x = 3; pm.test('b', () => pm.expect(typeof y).to.equal('undefined'));")
    assert out.error is None
    assert results(out) == [("a", True, None), ("b", True, None)]


def test_a_throwing_script_reports_its_line_and_the_next_script_runs(engine: ScriptEngine) -> None:
    out = run(engine, "var a = 1;\n\nnotDefined();\npm.test('never', () => {});",
              "pm.test('next', () => {});")
    assert out.error is not None
    assert (out.error.error_name, out.error.line, out.error.event) == ("ReferenceError", 3, "test")
    assert "notDefined is not defined" in out.error.message
    assert out.error.item == "req"
    assert results(out) == [("next", True, None)]


def test_a_syntax_error_is_reported_with_its_line(engine: ScriptEngine) -> None:
    out = run(engine, "var a = 1;\nvar b = ;", "pm.test('still runs', () => {});",
              event="prerequest")
    assert out.error is not None
    assert (out.error.error_name, out.error.line) == ("SyntaxError", 2)
    assert results(out) == [("still runs", True, None)]


def test_only_the_first_error_is_kept(engine: ScriptEngine) -> None:
    out = run(engine, "throw new TypeError('first')", "throw new Error('second')")
    assert out.error is not None and out.error.message == "first"


def test_endless_loop_times_out_and_the_context_stays_usable(engine: ScriptEngine) -> None:
    started = time.monotonic()
    out = run(engine, "while (true) {}", "pm.test('after', () => {});")
    assert out.error is not None
    assert out.error.message == "script timed out after 0.5 s"
    assert time.monotonic() - started < 2
    assert results(out) == [("after", True, None)]
    assert results(run(engine, "pm.test('later', () => {});")) == [("later", True, None)]


def test_memory_bomb_fails_its_script_and_the_next_one_runs(engine: ScriptEngine) -> None:
    out = run(engine, "var a = []; while (true) a.push('x'.repeat(100000) + Math.random());",
              "pm.test('after bomb', () => {});")
    assert out.error is not None and "out of memory" in out.error.message
    assert ("after bomb", True, None) in results(out)


def test_deep_recursion_is_a_range_error(engine: ScriptEngine) -> None:
    out = run(engine, "function f() { return f(); } f();", "pm.test('ok', () => {});")
    assert out.error is not None and out.error.error_name == "RangeError"
    assert results(out) == [("ok", True, None)]


def test_timers_run_in_order_before_the_script_ends(engine: ScriptEngine) -> None:
    out = run(engine, """
        const order = [];
        setTimeout(() => { order.push('t50'); pm.test(order.join(','), () => {}); }, 50);
        setTimeout(() => order.push('t10'), 10);
        setImmediate(() => order.push('now'));
        const id = setTimeout(() => order.push('cleared'), 5); clearTimeout(id);
        let n = 0; const iv = setInterval(() => { if (++n === 2) clearInterval(iv); }, 1);
    """)
    assert results(out) == [("now,t10,t50", True, None)]


def test_a_timer_beyond_the_time_limit_times_out(engine: ScriptEngine) -> None:
    out = run(engine, "setTimeout(() => pm.test('late', () => {}), 5000);")
    assert out.error is not None and "timed out" in out.error.message
    assert results(out) == []


def test_async_tests_and_top_level_await_complete(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.test('async fails', async () => {
            await new Promise(r => setTimeout(r, 10));
            pm.expect(1).to.equal(2);
        });
        pm.test('done', (done) => setTimeout(done, 5));
        const v = await new Promise(r => setTimeout(() => r(7), 5));
        pm.test('awaited ' + v, () => {});
    """)
    assert out.error is None
    assert results(out) == [("async fails", False, "expected 1 to equal 2"),
                            ("done", True, None), ("awaited 7", True, None)]


def test_errors_in_timer_callbacks_are_reported(engine: ScriptEngine) -> None:
    out = run(engine, "setTimeout(() => { throw new Error('in timer') }, 1);")
    assert out.error is not None and out.error.message == "in timer"


def test_next_request_and_skip(engine: ScriptEngine) -> None:
    assert run(engine, "pm.test('x', () => {})").next_request is NOT_SET
    assert run(engine, "pm.execution.setNextRequest('B')").next_request == "B"
    assert run(engine, "postman.setNextRequest(null)").next_request is None
    out = run(engine, "pm.execution.skipRequest(); pm.test('never', () => {});",
              "pm.test('never either', () => {});", event="prerequest")
    assert out.skip_request and out.error is None and out.assertions == []
    out = run(engine, "pm.execution.skipRequest();")
    assert out.error is not None and out.error.error_name == "TypeError"


def test_send_request_goes_through_the_runner_callable() -> None:
    seen: list[dict[str, object]] = []

    def send(request: dict[str, object]) -> dict[str, object]:
        seen.append(request)
        return {"code": 201, "status": "Created", "headers": [["X-A", "1"]],
                "body": '{"ok": true}', "responseTime": 3}

    eng = ScriptEngine(send_request=send)
    ctx = context(resp=response())
    ctx.scopes.environment.set("host", "api.test")
    out = eng.run("test", [Script("test", """
        pm.environment.set('seenBefore', 'yes');
        pm.sendRequest({url: 'http://{{host}}/x', method: 'POST'}, (err, res) => {
            pm.test('cb', () => { pm.expect(err).to.equal(null); pm.expect(res.code).to.equal(201);
                                  pm.expect(res.json().ok).to.be.true; });
        });
        const res = await pm.sendRequest('http://other/y');
        pm.test('promise ' + res.headers.get('x-a'), () => {});
    """)], ctx)
    eng.close()
    assert out.error is None
    assert results(out) == [("cb", True, None), ("promise 1", True, None)]
    assert seen[0]["method"] == "POST" and seen[0]["url"]["raw"] == "http://{{host}}/x"  # type: ignore[index]
    assert ctx.scopes.environment.get("seenBefore") == "yes"


def test_send_request_failure_reaches_the_callback() -> None:
    def send(request: dict[str, object]) -> dict[str, object]:
        raise OSError("connection refused")

    eng = ScriptEngine(send_request=send)
    out = run(eng, "pm.sendRequest('http://x', (err, res) => pm.test(String(err.message), () => {}));")
    eng.close()
    assert results(out) == [("connection refused", True, None)]


def test_per_script_overhead_is_small(engine: ScriptEngine) -> None:
    source = "\n".join(
        [f"pm.test('t{i}', () => pm.expect(pm.response.json().a).to.equal(1));" for i in range(10)]
        + [f"pm.environment.set('v{i}', {i});" for i in range(10)]
        + [f"const c{i} = pm.response.headers.get('X-Custom');" for i in range(10)])
    ctx = context(resp=response())
    scripts = [Script("test", source)]
    engine.run("test", scripts, ctx)
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        engine.run("test", scripts, ctx)
    per_run_ms = (time.perf_counter() - started) / rounds * 1000
    assert per_run_ms < 2.0  # measured ~0.35 ms; generous for slow CI machines


def test_dynamic_names_generated_in_js_are_the_ones_pm_js_generates() -> None:
    """The engine hands pools only for names JS cannot generate itself; keep both in step."""
    import re
    from pathlib import Path

    from harness.scripts.engine import JS_DYNAMIC

    source = (Path(__file__).resolve().parents[2] / "harness/scripts/js/pm.js").read_text()
    table = source[source.index("var DYNAMIC = {"):source.index("L.DYNAMIC = DYNAMIC")]
    assert set(re.findall(r"(\$\w+):", table)) == JS_DYNAMIC
