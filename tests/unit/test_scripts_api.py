# ruff: noqa: E501 - JavaScript snippets read better unwrapped
"""The pm API groups: variables, response, request, legacy globals, console, libraries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from scripts_helpers import context, response, results, run

from harness.model import Script
from harness.parse import parse_collection, parse_request, request_to_json
from harness.scripts import ScriptEngine
from harness.variables import Scope, Scopes

ADOBE = (Path(__file__).resolve().parents[3] / "shared/corpus/adobe-postman-samples/apis"
         / "experience-platform/Data Ingestion API.postman_collection.json")


@pytest.fixture(scope="module")
def engine() -> Iterator[ScriptEngine]:
    eng = ScriptEngine()
    yield eng
    eng.close()


def _all_pass(out: object) -> None:
    failed = [(a.name, a.error) for a in out.assertions if not a.passed]  # type: ignore[attr-defined]
    assert out.error is None, out.error  # type: ignore[attr-defined]
    assert failed == []


# -- variables --------------------------------------------------------------------------------

def test_values_keep_their_types_across_scripts_and_into_python(engine: ScriptEngine) -> None:
    ctx = context(resp=response())
    out = engine.run("test", [Script("test", """
        pm.environment.set('n', 5); pm.environment.set('b', false);
        pm.globals.set('o', {k: [1, 2]}); pm.collectionVariables.set('s', 'x');
    """), Script("test", """
        pm.test('types', () => {
            pm.expect(pm.environment.get('n')).to.equal(5);
            pm.expect(pm.environment.get('b')).to.equal(false);
            pm.expect(pm.globals.get('o')).to.eql({k: [1, 2]});
        });
    """)], ctx)
    _all_pass(out)
    assert ctx.scopes.environment.to_dict() == {"env": "e", "n": 5, "b": False}
    assert ctx.scopes.globals.get("o") == {"k": [1, 2]}
    assert ctx.scopes.collection.get("s") == "x"


def test_scope_precedence_unset_clear_and_has(engine: ScriptEngine) -> None:
    scopes = Scopes(environment=Scope.from_dict("environment", {"k": "env", "gone": 1}),
                    globals=Scope.from_dict("globals", {"k": "glob", "g": 1}),
                    collection=Scope.from_dict("collection", {"k": "col"}),
                    data=Scope.from_dict("data", {"d": "row"}))
    out = run(engine, """
        pm.test('env beats collection and globals', () => pm.expect(pm.variables.get('k')).to.equal('env'));
        pm.test('data', () => pm.expect(pm.iterationData.get('d')).to.equal('row'));
        pm.variables.set('k', 'local');
        pm.test('local wins', () => pm.expect(pm.variables.get('k')).to.equal('local'));
        pm.environment.unset('gone'); pm.globals.clear();
        pm.test('has', () => { pm.expect(pm.environment.has('gone')).to.be.false;
                               pm.expect(pm.variables.has('d')).to.be.true; });
        pm.test('toObject', () => pm.expect(pm.variables.toObject()).to.include({k: 'local', d: 'row'}));
    """, ctx=context(scopes, resp=response()))
    _all_pass(out)
    assert scopes.local.get("k") == "local"
    assert "gone" not in scopes.environment and len(scopes.globals) == 0


def test_python_side_changes_reach_the_next_run(engine: ScriptEngine) -> None:
    ctx = context(resp=response())
    run(engine, "pm.environment.set('a', 1)", ctx=ctx)
    ctx.scopes.environment.set("a", 2)
    ctx.scopes.set_data(Scope.from_dict("data", {"row": 7}))
    out = run(engine, "pm.test(String(pm.environment.get('a')) + pm.iterationData.get('row'),"
              " () => {})", ctx=ctx)
    assert results(out) == [("27", True, None)]


def test_replace_in_resolves_scopes_and_dynamic_variables(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.environment.set('who', 'world'); pm.environment.set('greet', 'hi {{who}}');
        pm.test('replace', () => pm.expect(pm.variables.replaceIn('{{greet}} {{nope}}'))
            .to.equal('hi world {{nope}}'));
        pm.test('guid', () => pm.expect(pm.variables.replaceIn('{{$guid}}')).to.match(/^[0-9a-f-]{36}$/));
        pm.test('env name', () => pm.expect(pm.environment.toJSON().values.length).to.be.above(1));
    """)
    _all_pass(out)


# -- response ---------------------------------------------------------------------------------

def test_response_api_and_chai_postman_messages(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.test('code', () => pm.expect(pm.response.code).to.equal(200));
        pm.test('reason', () => pm.expect(pm.response.reason()).to.equal('OK'));
        pm.test('headers', () => pm.expect(pm.response.headers.get('x-custom')).to.equal('abc'));
        pm.test('json cached', () => pm.expect(pm.response.json()).to.equal(pm.response.json()));
        pm.test('time', () => pm.response.to.have.responseTime.below(1000));
        pm.test('404', () => pm.response.to.have.status(404));
        pm.test('hdr', () => pm.response.to.have.header('X-Nope'));
        pm.test('body', () => pm.response.to.have.jsonBody('a', 2));
    """)
    assert results(out)[-3:] == [
        ("404", False, "expected response to have status code 404 but got 200"),
        ("hdr", False, "expected response to have header with key 'X-Nope'"),
        ("body", False, 'expected response body json at "a" to contain 2 but got 1'),
    ]
    assert all(passed for _, passed, _ in results(out)[:5])


def test_bad_json_raises_json_error(engine: ScriptEngine) -> None:
    ctx = context(resp=response(body=b"hello"))
    out = run(engine, "pm.test('j', () => pm.response.json());", ctx=ctx)
    assert out.assertions[0].error_name == "JSONError"
    assert out.assertions[0].error == "Unexpected token 'h' at 1:1\nhello\n^"


# -- request ----------------------------------------------------------------------------------

def test_prerequest_changes_come_back_as_request_json(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.request.headers.add({key: 'X-New', value: '1'});
        pm.request.headers.upsert({key: 'accept', value: 'text/plain'});
        pm.request.url.query.remove('x');
        pm.request.addQueryParams([{key: 'z', value: '3'}]);
        pm.test('url', () => pm.expect(pm.request.url.toString()).to.equal('http://example.com/a/b?y=2&z=3'));
        pm.test('parts', () => { pm.expect(pm.request.url.getHost()).to.equal('example.com');
            pm.expect(pm.request.url.getPath()).to.equal('/a/b'); });
    """, event="prerequest")
    _all_pass(out)
    assert out.request is not None
    request = parse_request(out.request)
    assert [(h.key, h.value) for h in request.headers] == [("accept", "text/plain"), ("X-New", "1")]
    assert [(q.key, q.value) for q in request.url.query] == [("y", "2"), ("z", "3")]


def test_unchanged_request_is_none(engine: ScriptEngine) -> None:
    out = run(engine, "pm.request.headers.get('accept'); pm.request.url.toString();",
              event="prerequest")
    assert out.request is None


def test_adobe_prerequest_removes_empty_variable_headers_and_params(engine: ScriptEngine) -> None:
    if not ADOBE.exists():
        pytest.skip("corpus not available")
    collection = parse_collection(json.loads(ADOBE.read_text()), str(ADOBE))
    item = next(i for i in collection.requests() if any(s.event == "prerequest" for s in i.scripts))
    scripts = [s for s in item.scripts if s.event == "prerequest"]
    request_json = request_to_json(item.request)
    request_json["header"] = [{"key": "Authorization", "value": "{{ACCESS_TOKEN}}"},
                              {"key": "x-sandbox-name", "value": "{{SANDBOX_NAME}}"},
                              {"key": "x-api-key", "value": "{{API_KEY}}"}]
    request_json["url"]["query"] = [{"key": "keep", "value": "{{API_KEY}}"},
                                    {"key": "drop", "value": "{{EMPTY}}"}]
    scopes = Scopes(environment=Scope.from_dict("environment", {"API_KEY": "k", "EMPTY": ""}))
    ctx = context(scopes, request=request_json)
    out = engine.run("prerequest", scripts, ctx)
    assert out.error is None and out.request is not None
    sent = parse_request(out.request)
    assert [h.key for h in sent.headers] == ["x-api-key"]  # unset and empty ones removed
    assert [q.key for q in sent.url.query] == ["keep"]


# -- legacy, console, libraries --------------------------------------------------------------

def test_legacy_globals(engine: ScriptEngine) -> None:
    ctx = context(resp=response())
    out = run(engine, """
        tests['code'] = responseCode.code === 200;
        tests['body'] = JSON.parse(responseBody).a === 1;
        tests['header'] = postman.getResponseHeader('x-custom') === 'abc';
        tests['env obj'] = environment.env === 'e';
        postman.setEnvironmentVariable('legacy', 5);
        tests['false one'] = 0;
    """, ctx=ctx)
    assert results(out) == [("code", True, None), ("body", True, None), ("header", True, None),
                            ("env obj", True, None), ("false one", False, "expected 0 to be truthy")]
    assert ctx.scopes.environment.get("legacy") == "5"


def test_console_lines_are_captured_and_formatted(engine: ScriptEngine) -> None:
    out = run(engine, "console.log('a', 1, {b: [1, 'x']}); console.warn('w %s!', 'there');"
              " console.error(new Error('boom'));")
    assert [(c.level, c.message) for c in out.console] == [
        ("log", "a 1 { b: [ 1, 'x' ] }"), ("warn", "w there!"), ("error", "Error: boom")]


def test_require_and_library_globals(engine: ScriptEngine) -> None:
    out = run(engine, """
        pm.test('lodash', () => pm.expect(require('lodash').get({a: {b: 1}}, 'a.b')).to.equal(1));
        pm.test('btoa', () => pm.expect(btoa('hi')).to.equal('aGk='));
        pm.test('missing', () => require('fs'));
    """)
    assert results(out)[:2] == [("lodash", True, None), ("btoa", True, None)]
    assert out.assertions[2].error is not None and "fs" in out.assertions[2].error
    assert "not available" in out.assertions[2].error



def test_replace_in_knows_every_documented_dynamic_variable(engine: ScriptEngine) -> None:
    """Names a script spells out come from harness.dynamic; each use gets a new value."""
    ctx = context()
    outcome = run(engine, """
        const emails = [1, 2, 3].map(() => pm.variables.replaceIn('{{$randomEmail}}'));
        pm.environment.set('emails', emails);
        pm.environment.set('city', pm.environment.replaceIn('{{$randomCity}}'));
        pm.environment.set('unknown', pm.variables.replaceIn('{{$notDynamic}}'));
    """, event="prerequest", ctx=ctx)
    assert outcome.error is None
    env = ctx.scopes.environment
    emails = env.get("emails")
    assert len(emails) == 3 and len(set(emails)) == 3
    assert all("@" in e and "{{" not in e for e in emails)
    assert env.get("city") and "{{" not in env.get("city")
    assert env.get("unknown") == "{{$notDynamic}}"
