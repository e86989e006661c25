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


def test_host_functions_validate_their_arguments_and_expose_no_python(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.test('md5 works', () => pm.expect(__host_hash('md5', 'YWJj', ''))
            .to.equal('900150983cd24fb0d6963f7d28e17f72'));
        pm.test('bad base64', () => __host_hash('nope', 'YQ==', ''));
        pm.test('no raw globals', () => pm.expect(typeof __raw__host_hash).to.equal('undefined'));
        for (const name of ['__host_hash', '__host_jsonschema']) {
            const fn = globalThis[name];
            pm.test(name + ' is native', () => pm.expect(String(fn)).to.not.include('def '));
            pm.test(name + ' rejects junk', () => fn({}, [], 1));
        }
        pm.test('no python attributes', () => pm.expect(Object.getOwnPropertyNames(__host_hash)
            .filter(k => k.startsWith('__'))).to.eql([]));
    """)
    by_name = {a.name: a for a in out.assertions}
    assert out.error is None
    assert by_name["md5 works"].passed and by_name["no raw globals"].passed
    assert not by_name["bad base64"].passed
    assert by_name["__host_hash is native"].passed
    assert "arguments must be strings" in str(by_name["__host_hash rejects junk"].error)
    assert not by_name["__host_hash rejects junk"].passed
    assert not by_name["__host_jsonschema rejects junk"].passed
    assert by_name["no python attributes"].passed


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
