# ruff: noqa: E501 - JavaScript snippets read better unwrapped
"""The script conformance cases: one request each, run by Newman and by harness alike.

A case is ``(name, path, prerequest, test)``; ``path`` is on the local echo server
(``server.py``). Flow cases (setNextRequest, skipRequest) live in their own folder and are
compared by execution order too.
"""

from __future__ import annotations

from typing import Any

Case = tuple[str, str, str, str]

ASSERTIONS: list[Case] = [
    ("status pass", "/json", "", "pm.test('status 200', () => pm.response.to.have.status(200));"),
    ("status fail", "/status/404", "", "pm.test('status 200', () => pm.response.to.have.status(200));"),
    ("status reason", "/json", "", "pm.test('reason', () => pm.response.to.have.status('OK'));"),
    ("be ok", "/json", "", "pm.test('ok', () => pm.response.to.be.ok);"),
    ("be ok fail", "/status/500", "", "pm.test('ok', () => pm.response.to.be.ok);"),
    ("success class", "/status/201", "", "pm.test('2xx', () => pm.response.to.be.success);"),
    ("client error", "/status/404", "",
     "pm.test('4xx', () => pm.response.to.be.clientError);\n"
     "pm.test('5xx', () => pm.response.to.be.serverError);"),
    ("error prop", "/status/503", "", "pm.test('err', () => pm.response.to.be.error);"),
    ("not found", "/status/404", "", "pm.test('nf', () => pm.response.to.be.notFound);"),
    ("header", "/headers", "",
     "pm.test('has', () => pm.response.to.have.header('X-Custom'));\n"
     "pm.test('value', () => pm.response.to.have.header('x-custom', 'abc'));\n"
     "pm.test('missing', () => pm.response.to.have.header('X-Nope'));\n"
     "pm.test('wrong', () => pm.response.to.have.header('X-Custom', 'zzz'));"),
    ("body text", "/text", "",
     "pm.test('eq', () => pm.response.to.have.body('hello world'));\n"
     "pm.test('ne', () => pm.response.to.have.body('bye'));\n"
     "pm.test('re', () => pm.response.to.have.body(/hello/));"),
    ("json body", "/json", "",
     "pm.test('valid', () => pm.response.to.be.json);\n"
     "pm.test('path', () => pm.response.to.have.jsonBody('b.c'));\n"
     "pm.test('value', () => pm.response.to.have.jsonBody('a', 1));\n"
     "pm.test('bad value', () => pm.response.to.have.jsonBody('a', 2));"),
    ("with body", "/text", "", "pm.test('wb', () => pm.response.to.be.withBody);"),
    ("json schema", "/json", "",
     "pm.test('fits', () => pm.response.to.have.jsonSchema({type: 'object', required: ['a']}));\n"
     "pm.test('misfits', () => pm.response.to.have.jsonSchema({type: 'object', "
     "required: ['zz', 'yy'], properties: {a: {type: 'string'}, items: {type: 'array', "
     "items: {type: 'string'}}}}));\n"
     "pm.test('not', () => pm.expect({q: 1}).to.not.have.jsonSchema({type: 'object'}));"),
    ("expect equal", "/json", "",
     "pm.test('eq', () => pm.expect(pm.response.json().a).to.equal(1));\n"
     "pm.test('ne', () => pm.expect(pm.response.json().a).to.equal(2));"),
    ("expect eql", "/json", "",
     "pm.test('deep', () => pm.expect(pm.response.json().b).to.eql({c: [1, 2, 3]}));\n"
     "pm.test('deep fail', () => pm.expect(pm.response.json().b.c).to.eql([1, 2]));"),
    ("expect include", "/json", "",
     "pm.test('str', () => pm.expect(pm.response.text()).to.include('text'));\n"
     "pm.test('arr', () => pm.expect([1, 2, 3]).to.include(4));"),
    ("expect types", "/json", "",
     "const j = pm.response.json();\n"
     "pm.test('num', () => pm.expect(j.a).to.be.a('number'));\n"
     "pm.test('str', () => pm.expect(j.a).to.be.a('string'));\n"
     "pm.test('arr', () => pm.expect(j.items).to.be.an('array').that.has.lengthOf(2));\n"
     "pm.test('null', () => pm.expect(j.n).to.be.null);"),
    ("expect property", "/json", "",
     "pm.test('prop', () => pm.expect(pm.response.json()).to.have.property('s', 'text'));\n"
     "pm.test('prop fail', () => pm.expect(pm.response.json()).to.have.property('zz'));"),
    ("expect compare", "/json", "",
     "pm.test('above', () => pm.expect(5).to.be.above(3));\n"
     "pm.test('below fail', () => pm.expect(5).to.be.below(3));\n"
     "pm.test('oneOf', () => pm.expect(2).to.be.oneOf([1, 2]));"),
    ("expect truthy", "/json", "",
     "pm.test('true', () => pm.expect(pm.response.json().t).to.be.true);\n"
     "pm.test('false fail', () => pm.expect(0).to.be.true);\n"
     "pm.test('exist', () => pm.expect(undefined).to.exist);"),
    ("expect not", "/json", "",
     "pm.test('not eq', () => pm.expect(1).to.not.equal(1));\n"
     "pm.test('not empty', () => pm.expect([]).to.not.be.empty);"),
    ("test throws type error", "/json", "",
     "pm.test('te', () => { null.x; });\npm.test('after', () => {});"),
    ("test custom error", "/json", "", "pm.test('ce', () => { throw new Error('custom'); });"),
    ("test skip", "/json", "", "pm.test.skip('skipped', () => {});\npm.test('runs', () => {});"),
    ("test no fn", "/json", "", "pm.test('nofn');"),
    ("test done callback", "/json", "",
     "pm.test('done ok', (done) => { setTimeout(() => done(), 10); });\n"
     "pm.test('done err', (done) => { done(new Error('via done')); });"),
    ("expect message", "/json", "",
     "pm.test('msg', () => pm.expect(1, 'my message').to.equal(2));"),
    ("json error", "/badjson", "",
     "pm.test('parse', () => { pm.response.json(); });\n"
     "pm.test('valid', () => pm.response.to.be.json);"),
    ("responseTime", "/json", "",
     "pm.test('rt', () => pm.expect(pm.response.responseTime).to.be.below(10000));"),
    ("keys", "/json", "",
     "pm.test('keys', () => pm.expect({a: 1, b: 2}).to.have.all.keys('a', 'b'));\n"
     "pm.test('keys fail', () => pm.expect({a: 1}).to.have.keys('b'));"),
    ("match", "/json", "",
     "pm.test('match', () => pm.expect('abc').to.match(/b/));\n"
     "pm.test('match fail', () => pm.expect('abc').to.match(/z/));"),
]

LEGACY: list[Case] = [
    ("legacy tests", "/json", "",
     "tests['code is 200'] = responseCode.code === 200;\n"
     "tests['body has a'] = responseBody.has('\"a\"');\n"
     "tests['fails'] = false;"),
    ("legacy env", "/json", "",
     "postman.setEnvironmentVariable('legacyEnv', 42);\n"
     "postman.setGlobalVariable('legacyGlob', true);\n"
     "tests['get env'] = postman.getEnvironmentVariable('legacyEnv') === '42';\n"
     "tests['env obj'] = environment.envString === 'hello';"),
    ("legacy headers", "/headers", "",
     "tests['hdr'] = postman.getResponseHeader('x-custom') === 'abc';\n"
     "tests['hdrs obj'] = responseHeaders['X-Custom'] === 'abc';\n"
     "tests['time'] = typeof responseTime === 'number';"),
    ("legacy clear", "/json", "",
     "postman.setEnvironmentVariable('toClear', 'x');\n"
     "postman.clearEnvironmentVariable('toClear');\n"
     "tests['cleared'] = postman.getEnvironmentVariable('toClear') === undefined;"),
    ("legacy request", "/echo?q=1", "",
     "tests['method'] = request.method === 'GET';\n"
     "tests['url'] = request.url.indexOf('q=1') > 0;\n"
     "tests['iteration'] = iteration === 0;"),
    ("legacy libs", "/json", "",
     "tests['lodash'] = _.isArray([1]);\n"
     "tests['atob'] = atob(btoa('hi')) === 'hi';\n"
     "tests['json'] = JSON.parse(responseBody).a === 1;"),
]

VARIABLES: list[Case] = [
    ("env set types", "/json", "",
     "pm.environment.set('num', 5);\npm.environment.set('bool', false);\n"
     "pm.environment.set('str', 'x');\npm.environment.set('obj', {k: [1, 2]});\n"
     "pm.test('num type', () => pm.expect(pm.environment.get('num')).to.equal(5));\n"
     "pm.test('obj type', () => pm.expect(pm.environment.get('obj')).to.eql({k: [1, 2]}));"),
    ("env unset has", "/json", "",
     "pm.environment.set('gone', 1);\npm.environment.unset('gone');\n"
     "pm.test('has', () => pm.expect(pm.environment.has('gone')).to.be.false);\n"
     "pm.test('initial', () => pm.expect(pm.environment.get('envString')).to.equal('hello'));"),
    ("globals", "/json", "",
     "pm.globals.set('g1', 'one');\npm.globals.set('g2', 2);\npm.globals.unset('gInit');\n"
     "pm.test('g', () => pm.expect(pm.globals.get('g1')).to.equal('one'));"),
    ("collection vars", "/json", "",
     "pm.collectionVariables.set('cv', 'set');\n"
     "pm.test('cv', () => pm.expect(pm.collectionVariables.get('colVar')).to.equal('c1'));"),
    ("precedence", "/json", "",
     "pm.globals.set('shared', 'global');\npm.environment.set('shared', 'env');\n"
     "pm.test('env wins', () => pm.expect(pm.variables.get('shared')).to.equal('env'));\n"
     "pm.variables.set('shared', 'local');\n"
     "pm.test('local wins', () => pm.expect(pm.variables.get('shared')).to.equal('local'));"),
    ("replaceIn", "/json", "",
     "pm.environment.set('who', 'world');\n"
     "pm.test('r', () => pm.expect(pm.variables.replaceIn('hello {{who}} {{nope}}'))"
     ".to.equal('hello world {{nope}}'));"),
    ("toObject", "/json", "",
     "pm.environment.set('tob', 1);\n"
     "pm.test('to', () => pm.expect(pm.environment.toObject()).to.have.property('tob', 1));"),
    ("variables toObject", "/json", "",
     "pm.test('merged', () => pm.expect(pm.variables.toObject()).to.include.keys('colVar', 'envString'));"),
    ("env name", "/json", "", "pm.test('name', () => pm.expect(pm.environment.name).to.equal('conf-env'));"),
    ("prerequest sets, test reads", "/json",
     "pm.environment.set('fromPre', 'pre');\npm.variables.set('localPre', 'lp');",
     "pm.test('pre', () => pm.expect(pm.environment.get('fromPre')).to.equal('pre'));\n"
     "pm.test('local survives', () => pm.expect(pm.variables.get('localPre')).to.equal('lp'));"),
    ("url uses var", "/echo?v={{urlVar}}",
     "pm.environment.set('urlVar', 'fromScript');",
     "pm.test('q', () => pm.expect(pm.response.json().query.v).to.equal('fromScript'));"),
    ("info", "/json", "",
     "pm.test('info', () => {\n  pm.expect(pm.info.eventName).to.equal('test');\n"
     "  pm.expect(pm.info.iteration).to.equal(0);\n  pm.expect(pm.info.requestName).to.equal('info');\n"
     "});"),
]

REQUEST: list[Case] = [
    ("add header", "/echo",
     "pm.request.headers.add({key: 'X-Added', value: 'yes'});",
     "pm.test('h', () => pm.expect(pm.response.json().headers['x-added']).to.equal('yes'));"),
    ("upsert header", "/echo",
     "pm.request.headers.upsert({key: 'X-Up', value: 'one'});\n"
     "pm.request.headers.upsert({key: 'X-Up', value: 'two'});",
     "pm.test('h', () => pm.expect(pm.response.json().headers['x-up']).to.equal('two'));"),
    ("remove header", "/echo",
     "pm.request.headers.add({key: 'X-Rm', value: '1'});\npm.request.removeHeader('X-Rm');",
     "pm.test('h', () => pm.expect(pm.response.json().headers).to.not.have.property('x-rm'));"),
    ("add query", "/echo",
     "pm.request.url.query.add({key: 'added', value: 'q'});\npm.request.addQueryParams('more=1');",
     "pm.test('q', () => pm.expect(pm.response.json().query).to.eql({added: 'q', more: '1'}));"),
    ("remove query", "/echo?a=1&b=2",
     "pm.request.url.query.remove('a');",
     "pm.test('q', () => pm.expect(pm.response.json().query).to.eql({b: '2'}));"),
    ("request info", "/echo?a=1",
     "pm.test('pre host', () => pm.expect(pm.request.url.getHost()).to.equal('127.0.0.1'));\n"
     "pm.test('pre path', () => pm.expect(pm.request.url.getPath()).to.equal('/echo'));\n"
     "pm.test('pre qs', () => pm.expect(pm.request.url.getQueryString()).to.equal('a=1'));\n"
     "pm.test('pre method', () => pm.expect(pm.request.method).to.equal('GET'));",
     "pm.test('test url', () => pm.expect(pm.request.url.toString()).to.include('/echo?a=1'));"),
    ("change method and body", "/echo",
     "pm.request.method = 'POST';\n"
     "pm.request.body = {mode: 'raw', raw: JSON.stringify({x: 1})};\n",
     "pm.test('m', () => pm.expect(pm.response.json().method).to.equal('POST'));\n"
     "pm.test('b', () => pm.expect(pm.response.json().body).to.equal('{\"x\":1}'));"),
    ("header toObject", "/echo",
     "pm.request.headers.add({key: 'X-T', value: 'v'});\n"
     "pm.test('obj', () => pm.expect(pm.request.headers.toObject()).to.have.property('x-t', 'v'));\n"
     "pm.test('get', () => pm.expect(pm.request.headers.get('x-t')).to.equal('v'));",
     ""),
    ("empty var headers removed", "/echo",
     "pm.request.headers.add({key: 'X-Empty', value: '{{emptyVar}}'});\n"
     "pm.request.headers.add({key: 'X-Full', value: '{{envString}}'});\n"
     "pm.request.forEachHeader(function (h) {\n"
     "  const m = /^{{(.*)}}$/.exec(h.value);\n"
     "  if (m && !pm.variables.get(m[1])) { pm.request.headers.remove(h.key); }\n"
     "});",
     "const h = pm.response.json().headers;\n"
     "pm.test('removed', () => pm.expect(h).to.not.have.property('x-empty'));\n"
     "pm.test('kept', () => pm.expect(h['x-full']).to.equal('hello'));"),
]

MISC: list[Case] = [
    ("console", "/json", "console.log('pre', {a: 1});", "console.info('test', [1, 2]);\n"
     "pm.test('ran', () => {});"),
    ("require lodash", "/json", "",
     "const _l = require('lodash');\npm.test('lodash', () => pm.expect(_l.get({a: {b: 2}}, 'a.b')).to.equal(2));"),
    ("require moment", "/json", "",
     "const moment = require('moment');\n"
     "pm.test('moment', () => pm.expect(moment('2020-01-02').format('YYYY/MM/DD')).to.equal('2020/01/02'));"),
    ("cryptojs", "/json", "",
     "pm.test('md5', () => pm.expect(CryptoJS.MD5('abc').toString()).to.equal('900150983cd24fb0d6963f7d28e17f72'));\n"
     "pm.test('b64', () => pm.expect(CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('hi'))).to.equal('aGk='));"),
    ("xml2Json", "/xml", "",
     "const x = xml2Json(pm.response.text());\n"
     "pm.test('xml', () => pm.expect(x.root.a).to.equal('1'));"),
    ("uuid", "/json", "",
     "const u = require('uuid');\npm.test('uuid', () => pm.expect(u.v4()).to.match(/^[0-9a-f-]{36}$/));"),
    ("script error stops script", "/json", "",
     "pm.test('before', () => {});\nundefinedFunction();\npm.test('never', () => {});"),
    ("sendRequest callback", "/json", "",
     "pm.sendRequest(pm.collectionVariables.get('base') + '/text', function (err, res) {\n"
     "  pm.test('sr err', () => pm.expect(err).to.equal(null));\n"
     "  pm.test('sr body', () => pm.expect(res.text()).to.equal('hello world'));\n"
     "  pm.environment.set('fromSend', res.code);\n});"),
    ("sendRequest object", "/json", "",
     "pm.sendRequest({url: pm.collectionVariables.get('base') + '/echo', method: 'POST',\n"
     "  header: [{key: 'X-Sr', value: '1'}], body: {mode: 'raw', raw: 'payload'}}, (err, res) => {\n"
     "  pm.test('sr method', () => pm.expect(res.json().method).to.equal('POST'));\n"
     "  pm.test('sr body', () => pm.expect(res.json().body).to.equal('payload'));\n});"),
    ("timers", "/json", "",
     "setTimeout(() => { pm.environment.set('timer', 'fired'); pm.test('in timer', () => {}); }, 20);"),
    ("response api", "/headers", "",
     "pm.test('code', () => pm.expect(pm.response.code).to.equal(200));\n"
     "pm.test('status', () => pm.expect(pm.response.status).to.equal('OK'));\n"
     "pm.test('hdr get', () => pm.expect(pm.response.headers.get('x-custom')).to.equal('abc'));\n"
     "pm.test('hdr has', () => pm.expect(pm.response.headers.has('X-CUSTOM')).to.be.true);\n"
     "pm.test('text', () => pm.expect(pm.response.text()).to.equal('{\"ok\": true}'));\n"
     "pm.test('size', () => pm.expect(pm.response.responseSize).to.equal(12));"),
    ("response cookies", "/headers", "",
     "pm.test('cookie', () => pm.expect(pm.cookies.get('sid')).to.equal('123'));"),
    ("env clear", "/json", "",
     "pm.globals.set('keep', 1);\npm.environment.set('tmp', 1);\npm.environment.clear();\n"
     "pm.environment.set('afterClear', 'yes');\n"
     "pm.test('cleared', () => pm.expect(pm.environment.has('envString')).to.be.false);"),
]

MISC.append(("collection var persists", "/json", "",
             "pm.test('cv', () => pm.expect(pm.collectionVariables.get('cv')).to.equal('set'));"))

FLOW: list[tuple[str, str, str, str]] = [
    ("flow A", "/json", "", "pm.execution.setNextRequest('flow C');"),
    ("flow B", "/json", "", "pm.environment.set('flowB', 'ran');"),
    ("flow C", "/json", "", "pm.environment.set('flowC', 'ran');\npostman.setNextRequest('flow E');"),
    ("flow D", "/json", "", "pm.environment.set('flowD', 'ran');"),
    ("flow E", "/json", "pm.execution.skipRequest();", "pm.environment.set('flowE', 'ran');"),
    ("flow F", "/json", "", "pm.environment.set('flowF', 'ran');\npm.execution.setNextRequest(null);"),
    ("flow G", "/json", "", "pm.environment.set('flowG', 'ran');"),
]

GROUPS: dict[str, list[Case]] = {
    "assertions": ASSERTIONS, "legacy": LEGACY, "variables": VARIABLES,
    "request": REQUEST, "misc": MISC, "flow": FLOW,
}
ENVIRONMENT = {"envString": "hello", "emptyVar": "", "shared": "envInit"}
GLOBALS = {"gInit": "g"}


def _event(listen: str, source: str) -> dict[str, Any]:
    return {"listen": listen, "script": {"type": "text/javascript", "exec": source.split("\n")}}


def _item(case: Case) -> dict[str, Any]:
    name, path, pre, test = case
    events = [_event("prerequest", pre)] if pre else []
    events += [_event("test", test)] if test else []
    return {"name": name, "event": events,
            "request": {"method": "GET", "url": "{{base}}" + path, "header": []}}


def collection(base_url: str) -> dict[str, Any]:
    return {
        "info": {"name": "script conformance", "_postman_id": "conf-scripts",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "variable": [{"key": "base", "value": base_url}, {"key": "colVar", "value": "c1"}],
        "item": [{"name": group, "item": [_item(c) for c in cases]}
                 for group, cases in GROUPS.items()],
    }


def environment() -> dict[str, Any]:
    return {"name": "conf-env", "values": [{"key": k, "value": v, "enabled": True}
                                           for k, v in ENVIRONMENT.items()]}


def globals_file() -> dict[str, Any]:
    return {"name": "conf-globals", "values": [{"key": k, "value": v, "enabled": True}
                                               for k, v in GLOBALS.items()]}


def case_count() -> int:
    return sum(len(cases) for cases in GROUPS.values())
