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

  /*
   * The legacy globals are accessors defined once on the global object; each reads the state
   * of the script now running (`cur`), built on first read: most scripts use one or two of
   * them, if any. Setting one (`environment = {}`) overrides it for the rest of that script.
   */
  var cur = null;

  function toStrings(obj) {
    var out = {};
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      out[k] = v === null || v === undefined || typeof v === 'object' ? v : String(v);
    });
    return out;
  }
  function envObj() { return cur.env || (cur.env = toStrings(cur.mirror.environment)); }
  function globObj() { return cur.glob || (cur.glob = toStrings(cur.mirror.globals)); }

  var BUILDERS = {
    environment: envObj,
    globals: globObj,
    data: function () { return JSON.parse(JSON.stringify(cur.mirror.data)); },
    request: function () { return legacyRequest(cur.S); },
    iteration: function () { return cur.S.info.iteration || 0; },
    responseHeaders: function () {
      var headers = {};
      cur.S.response.headers.each(function (h) { if (!h.disabled) headers[h.key] = h.value; });
      return headers;
    },
    responseCookies: function () { return cur.S.cookies.all(); },
    responseTime: function () { return cur.S.response.responseTime; },
    responseCode: function () {
      var res = cur.S.response;
      return { code: res.code, name: res.status, detail: res.status };
    },
    responseBody: function () { return cur.S.response.text(); }
  };
  var RESPONSE_ONLY = { responseHeaders: 1, responseCookies: 1, responseTime: 1,
    responseCode: 1, responseBody: 1 };

  Object.keys(BUILDERS).forEach(function (name) {
    Object.defineProperty(G, name, {
      configurable: true, enumerable: false,
      get: function () {
        if (!cur || (RESPONSE_ONLY[name] && !cur.S.hasResponse)) return undefined;
        if (!(name in cur.values)) cur.values[name] = BUILDERS[name]();
        return cur.values[name];
      },
      set: function (value) { if (cur) cur.values[name] = value; }
    });
  });

  var postman = {
    setEnvironmentVariable: function (key, value) {
      value = stringish(value);
      envObj()[key] = value;
      L.scopes.environment.set(key, value);
    },
    getEnvironmentVariable: function (key) { return L.scopes.environment.get(key); },
    clearEnvironmentVariables: function () {
      var e = envObj(); Object.keys(e).forEach(function (k) { delete e[k]; });
      L.scopes.environment.clear();
    },
    clearEnvironmentVariable: function (key) {
      if (key) delete envObj()[key];
      L.scopes.environment.unset(key);
    },
    setGlobalVariable: function (key, value) {
      value = stringish(value);
      globObj()[key] = value;
      L.scopes.globals.set(key, value);
    },
    getGlobalVariable: function (key) { return L.scopes.globals.get(key); },
    clearGlobalVariables: function () {
      var g = globObj(); Object.keys(g).forEach(function (k) { delete g[k]; });
      L.scopes.globals.clear();
    },
    clearGlobalVariable: function (key) {
      if (key) delete globObj()[key];
      L.scopes.globals.unset(key);
    },
    setNextRequest: function (what) { L.pm.setNextRequest(what); }
  };
  // test scripts only, as in Postman's legacy interface
  var responseHelpers = {
    getResponseHeader: function (name) {
      var h = cur.S.response && cur.S.response.headers.one(name);
      return h ? h.value : undefined;
    },
    getResponseCookie: function (name) { return cur.S.cookies.one(String(name)); }
  };

  L.legacySetup = function (S) {
    cur = { S: S, mirror: L.mirror(), env: null, glob: null, values: {} };
    G.tests = {};
    if (S.event === 'test') {
      postman.getResponseHeader = responseHelpers.getResponseHeader;
      postman.getResponseCookie = responseHelpers.getResponseCookie;
    } else {
      delete postman.getResponseHeader;
      delete postman.getResponseCookie;
    }
    G.postman = postman;
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
