# ruff: noqa: E501 - JavaScript snippets read better unwrapped
"""The sandbox: scripts reach no files, network, environment or Python beyond the pm API."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from scripts_helpers import results, run

from harness.scripts import ScriptEngine


@pytest.fixture(scope="module")
def engine() -> Iterator[ScriptEngine]:
    eng = ScriptEngine(timeout_ms=500)
    yield eng
    eng.close()


def _value(engine: ScriptEngine, expression: str) -> str:
    out = run(engine, f"pm.test(String({expression}), () => {{}});")
    assert out.error is None, out.error
    return out.assertions[0].name


@pytest.mark.parametrize("name", ["std", "os", "process", "fetch", "XMLHttpRequest", "WebSocket",
                                  "importScripts", "scriptArgs", "print", "Deno", "module"])
def test_no_host_objects(engine: ScriptEngine, name: str) -> None:
    assert _value(engine, f"typeof {name}") == "undefined"


def test_dynamic_import_of_std_and_os_fails(engine: ScriptEngine) -> None:
    out = run(engine, """
        import('std').then(() => pm.test('std loaded', () => {}), e => pm.test('std: ' + e, () => {}));
        import('os').then(() => pm.test('os loaded', () => {}), e => pm.test('os: ' + e, () => {}));
    """)
    names = [a.name for a in out.assertions]
    assert "std loaded" not in names and "os loaded" not in names
    assert len(names) == 2 or out.error is not None


@pytest.mark.parametrize("module", ["fs", "child_process", "net", "http", "os"])
def test_require_of_node_modules_fails(engine: ScriptEngine, module: str) -> None:
    out = run(engine, f"require('{module}');")
    assert out.error is not None
    assert out.error.message == f"module {module} is not available"


def test_no_environment_variables_leak(engine: ScriptEngine) -> None:
    os.environ["HARNESS_SECRET_PROBE"] = "leak-me"
    try:
        out = run(engine, """
            const seen = JSON.stringify(Object.getOwnPropertyNames(globalThis).map(k => {
                try { return String(globalThis[k]); } catch (e) { return ''; } }));
            pm.test(String(seen.indexOf('leak-me')), () => {});
            pm.test(String(pm.variables.get('HARNESS_SECRET_PROBE')), () => {});
        """)
    finally:
        del os.environ["HARNESS_SECRET_PROBE"]
    assert results(out) == [("-1", True, None), ("undefined", True, None)]


def test_no_host_functions_at_all(engine: ScriptEngine) -> None:
    out = run(engine, """
        const names = Object.getOwnPropertyNames(globalThis).filter(k => /^__(host|raw)/.test(k));
        pm.test(JSON.stringify(names), () => {});
        pm.test(CryptoJS.SHA256('abc').toString(), () => {});
    """)
    assert results(out) == [
        ("[]", True, None),
        ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", True, None),
    ]


@pytest.mark.parametrize(("library_call", "value"), [
    ("CryptoJS.HmacSHA256('msg', 'key').toString(CryptoJS.enc.Base64)",
     "LZPLwb4We8sWN6SiPL/wGnh48MUO6DOVTqUiG7G4xig="),
    ("tv4.validate({a: 1}, {type: 'object', required: ['a']})", "true"),
    ("new (require('ajv'))().validate({type: 'object'}, [])", "false"),
])
def test_endless_loop_after_a_library_call_times_out(library_call: str, value: str) -> None:
    eng = ScriptEngine(timeout_ms=300)
    try:
        out = run(eng, f"const v = {library_call}; pm.test('called ' + v, () => {{}});"
                       " for (;;) {}",
                  "pm.test('next script runs', () => {});")
    finally:
        eng.close()
    assert out.error is not None
    assert out.error.message == "script timed out after 0.3 s"
    assert results(out) == [(f"called {value}", True, None), ("next script runs", True, None)]


def test_function_constructor_gives_no_escape(engine: ScriptEngine) -> None:
    assert _value(engine, "typeof (new Function('return this'))().std") == "undefined"
    assert _value(engine, "typeof (0, eval)('this').os") == "undefined"


def test_endless_loop_and_memory_bomb_fail_only_their_script() -> None:
    eng = ScriptEngine(timeout_ms=300, memory_limit=32 * 1024 * 1024)
    out = run(eng, "for (;;) {}", "var s = 'x'; while (true) s += s;",
              "pm.test('survivor', () => {});")
    eng.close()
    assert out.error is not None and "timed out" in out.error.message
    assert results(out) == [("survivor", True, None)]
