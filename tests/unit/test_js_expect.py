"""Unit tests for harness/scripts/js/expect.js (chai-compatible expect and its plugin API)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import quickjs

from harness.scripts import jslibs


@pytest.fixture()
def ctx() -> Any:
    c = quickjs.Context()
    c.eval(jslibs.library_source())
    c.eval("var chai = __harness_chai, expect = chai.expect, Assertion = chai.Assertion;")
    c.eval(
        "function failure(fn) { try { fn(); return null; } catch (e) {"
        " return JSON.stringify({name: e.name, message: e.message, showDiff: e.showDiff,"
        " actual: e.actual === undefined ? '<undef>' : e.actual,"
        " expected: e.expected === undefined ? '<undef>' : e.expected,"
        " isError: e instanceof Error, isAssertion: e instanceof chai.AssertionError}); } }"
    )
    return c


def failure(ctx: Any, body: str) -> dict[str, Any] | None:
    out = ctx.eval(f"failure(function () {{ {body} }})")
    return None if out is None else json.loads(out)


def test_global_factory_shape(ctx: Any) -> None:
    names = ctx.eval("Object.keys(__harness_chai).sort().join(',')")
    for name in ("expect", "Assertion", "AssertionError", "use", "util", "config"):
        assert name in names.split(",")
    assert ctx.eval("typeof expect.fail") == "function"


def test_passing_chain_returns_assertion(ctx: Any) -> None:
    assert failure(ctx, "expect(1).to.equal(1).and.be.a('number')") is None
    assert ctx.eval("expect(1).to.equal(1) instanceof Assertion")


def test_assertion_error_properties(ctx: Any) -> None:
    err = failure(ctx, "expect({a: 1}).to.deep.equal({a: 2})")
    assert err == {
        "name": "AssertionError",
        "message": "expected { a: 1 } to deeply equal { a: 2 }",
        "showDiff": True,
        "actual": {"a": 1},
        "expected": {"a": 2},
        "isError": True,
        "isAssertion": True,
    }
    err = failure(ctx, "expect(undefined).to.exist")
    assert err is not None and err["showDiff"] is False


def test_custom_message(ctx: Any) -> None:
    err = failure(ctx, "expect(7, 'custom').to.equal(42)")
    assert err is not None and err["message"] == "custom: expected 7 to equal 42"


def test_each_expect_starts_fresh(ctx: Any) -> None:
    assert failure(ctx, "expect(1).not.equal(2); expect(1).to.equal(1);") is None
    # like chai, flag words mutate the assertion they are read from
    err = failure(ctx, "var a = expect(1).to; a.not.equal(2); a.equal(1);")
    assert err is not None and err["message"] == "expected 1 to not equal 1"


def test_property_changes_subject(ctx: Any) -> None:
    err = failure(ctx, "expect({a: {b: 'x'}}).to.have.property('a').that.has.property('b', 'y')")
    assert err is not None
    assert err["message"] == "expected { b: 'x' } to have property 'b' of 'y', but got 'x'"


def test_plugin_api_builds_pm_response_style_assertions(ctx: Any) -> None:
    # How pm.response.to.* is meant to be built on this API.
    ctx.eval(
        """
        Assertion.overwriteProperty('ok', function (_super) {
          return function () {
            var r = this._obj;
            if (r && typeof r.code === 'number') {
              this.assert(r.code >= 200 && r.code < 300,
                'expected response code to be 2XX but found ' + r.code,
                'expected response code not to be 2XX but found ' + r.code);
            } else {
              _super.call(this);
            }
          };
        });
        Assertion.addMethod('status', function (code) {
          var r = this._obj;
          this.assert(r.code === code,
            'expected response to have status code #{exp} but got #{act}',
            'expected response to not have status code #{act}', code, r.code);
        });
        Assertion.addChainableMethod('header', function (name) {
          this.assert(name in this._obj.headers, 'expected response to have header ' + name,
            'expected response to not have header ' + name);
        }, function () { chai.util.flag(this, 'headerChain', true); });
        var response = {code: 404, headers: {'content-type': 'json'}};
        // a getter, so that every `response.to` starts a fresh chain (flags such as
        // `not` mutate the assertion they are read from, as in chai)
        Object.defineProperty(response, 'to', {
          get: function () { return new Assertion(response).to; }
        });
        """
    )
    err = failure(ctx, "response.to.have.status(200)")
    assert err is not None
    assert err["message"] == "expected response to have status code 200 but got 404"
    assert failure(ctx, "response.to.not.have.status(200)") is None
    assert failure(ctx, "response.to.have.header('content-type')") is None
    err = failure(ctx, "response.to.be.ok")
    assert err is not None and err["message"] == "expected response code to be 2XX but found 404"
    # the built-in `ok` of other subjects keeps working through the override
    assert failure(ctx, "expect(1).to.be.ok") is None
    err = failure(ctx, "expect(0).to.be.ok")
    assert err is not None and err["message"] == "expected +0 to be truthy"


def test_overwrite_method(ctx: Any) -> None:
    ctx.eval(
        """
        Assertion.overwriteMethod('equal', function (_super) {
          return function (v) {
            if (v === 'ANY') return;
            return _super.apply(this, arguments);
          };
        });
        """
    )
    assert failure(ctx, "expect(5).to.equal('ANY')") is None
    err = failure(ctx, "expect(5).to.equal(6)")
    assert err is not None and err["message"] == "expected 5 to equal 6"


def test_invalid_property_is_reported(ctx: Any) -> None:
    err = failure(ctx, "expect(true).to.be.tru")
    assert err is not None
    assert err["name"] == "Error"
    assert err["message"] == 'Invalid Chai property: tru. Did you mean "true"?'


def test_deep_equality_semantics(ctx: Any) -> None:
    cases = {
        "chai.eql(-0, 0)": False,
        "chai.eql(NaN, NaN)": True,
        "chai.eql(new Date(5), new Date(5))": True,
        "chai.eql(/a/g, /a/i)": False,
        "chai.eql(new Map([[1, {a: 1}]]), new Map([[1, {a: 1}]]))": True,
        "chai.eql(new Set([1, 2]), new Set([2, 1]))": True,
        "chai.eql({a: [1, {b: 2}]}, {a: [1, {b: 2}]})": True,
        "chai.eql([1, 2], {0: 1, 1: 2})": False,
        "(function () { var a = {}; a.self = a; var b = {}; b.self = b;"
        " return chai.eql(a, b); })()": True,
    }
    for expr, want in cases.items():
        assert ctx.eval(expr) is want, expr


def test_inspect_formats_like_chai(ctx: Any) -> None:
    assert ctx.eval("chai.inspect({a: 1, b: 'x'})") == "{ a: 1, b: 'x' }"
    assert ctx.eval("chai.util.objDisplay(function foo() {})") == "[Function foo]"
    assert ctx.eval("chai.inspect('a'.repeat(60))") == "'" + "a" * 37 + "\u2026'"


def test_fail(ctx: Any) -> None:
    err = failure(ctx, "expect.fail('nope')")
    assert err is not None and err["message"] == "nope" and err["name"] == "AssertionError"


def test_equal_is_cheap(ctx: Any) -> None:
    ctx.eval(
        "function bench(n) { var t = Date.now();"
        " for (var i = 0; i < n; i++) { expect(i).to.equal(i); } return Date.now() - t; }"
    )
    ctx.eval("bench(2000)")
    n = 20000
    start = time.perf_counter()
    ctx.eval(f"bench({n})")
    per_call_us = (time.perf_counter() - start) / n * 1e6
    assert per_call_us < 100  # generous bound for slow CI; typically ~7 us
