/*
 * harness: the legacy sandbox globals (postman-legacy-interface): `postman.*`, `tests[...]`,
 * `responseBody`, `responseCode`, `environment`, `globals`, `data`, `request` ...
 * Set up fresh before each script; `tests` entries become assertions after it.
 */
(function (G) {
  'use strict';
  var L = G.__pmlib;
  var LEGACY = ['tests', 'globals', 'environment', 'data', 'request', 'responseCookies',
    'responseHeaders', 'responseTime', 'responseCode', 'responseBody', 'iteration', 'postman'];

  function stringish(value) {
    if ((value === false || value) && typeof (value && value.toString) === 'function') {
      return value.toString();
    }
    return value;
  }

  function legacyRequest(S) {
    var req = S.request, body = req.body, data = {};
    if (body && !body.isEmpty()) {
      if (body.mode === 'raw') data = body.raw;
      else if (body.mode === 'urlencoded' || body.mode === 'formdata') {
        body[body.mode].each(function (p) {
          if (p.disabled) return;
          if (Object.prototype.hasOwnProperty.call(data, p.key)) data[p.key] = [].concat(data[p.key], p.value);
          else data[p.key] = p.value;
        });
      } else if (body.mode === 'file') data = body.file && body.file.content;
    }
    return {
      id: S.info.requestId, name: S.info.requestName, description: req.description,
      headers: req.headers.toObject(true, false, true), method: req.method,
      url: req.url.toString(), data: data
    };
  }

  function makePostman(S, envObj, globObj) {
    var scopes = L.scopes;
    var p = {
      setEnvironmentVariable: function (key, value) {
        value = stringish(value);
        envObj()[key] = value;
        scopes.environment.set(key, value);
      },
      getEnvironmentVariable: function (key) { return scopes.environment.get(key); },
      clearEnvironmentVariables: function () {
        var e = envObj(); Object.keys(e).forEach(function (k) { delete e[k]; });
        scopes.environment.clear();
      },
      clearEnvironmentVariable: function (key) {
        if (key) delete envObj()[key];
        scopes.environment.unset(key);
      },
      setGlobalVariable: function (key, value) {
        value = stringish(value);
        globObj()[key] = value;
        scopes.globals.set(key, value);
      },
      getGlobalVariable: function (key) { return scopes.globals.get(key); },
      clearGlobalVariables: function () {
        var g = globObj(); Object.keys(g).forEach(function (k) { delete g[k]; });
        scopes.globals.clear();
      },
      clearGlobalVariable: function (key) {
        if (key) delete globObj()[key];
        scopes.globals.unset(key);
      },
      setNextRequest: function (what) { L.pm.setNextRequest(what); }
    };
    if (S.event === 'test') {
      p.getResponseHeader = function (name) {
        var h = S.response && S.response.headers.one(name);
        return h ? h.value : undefined;
      };
      p.getResponseCookie = function (name) {
        return S.cookies.one(String(name));
      };
    }
    return p;
  }

  function toStrings(obj) {
    var out = {};
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      out[k] = v === null || v === undefined || typeof v === 'object' ? v : String(v);
    });
    return out;
  }

  L.legacySetup = function (S) {
    var mirror = L.mirror(), lazy = L.lazy, env = null, glob = null;
    function envObj() { return env || (env = toStrings(mirror.environment)); }
    function globObj() { return glob || (glob = toStrings(mirror.globals)); }
    G.tests = {};
    G.iteration = S.info.iteration || 0;
    G.postman = makePostman(S, envObj, globObj);
    // The rest is built on first read: most scripts use one or two of these, if any.
    lazy(G, 'environment', envObj);
    lazy(G, 'globals', globObj);
    lazy(G, 'data', function () { return JSON.parse(JSON.stringify(mirror.data)); });
    lazy(G, 'request', function () { return legacyRequest(S); });
    if (S.hasResponse) {
      lazy(G, 'responseHeaders', function () {
        var headers = {};
        S.response.headers.each(function (h) { if (!h.disabled) headers[h.key] = h.value; });
        return headers;
      });
      lazy(G, 'responseCookies', function () { return S.cookies.all(); });
      lazy(G, 'responseTime', function () { return S.response.responseTime; });
      lazy(G, 'responseCode', function () {
        var res = S.response;
        return { code: res.code, name: res.status, detail: res.status };
      });
      lazy(G, 'responseBody', function () { return S.response.text(); });
    } else {
      ['responseHeaders', 'responseCookies', 'responseTime', 'responseCode', 'responseBody']
        .forEach(function (k) { delete G[k]; });
    }
  };

  L.legacyFinish = function () {
    var tests = G.tests;
    if (!tests || typeof tests !== 'object') return;
    Object.keys(tests).forEach(function (name) {
      var value = tests[name], passed = Boolean(value), err = null;
      if (!passed) {
        err = new Error('expected ' + String(value) + ' to be truthy');
        err.name = 'AssertionError';
      }
      L.record(name, passed, err, false);
    });
    G.tests = {};
  };
  L.LEGACY = LEGACY;
})(globalThis);
