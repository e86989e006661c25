/*
 * harness: the `pm` object and the per-run state the Python engine drives.
 *
 * Scripts never call into Python (QuickJS's time limit forbids host calls): variables live in
 * a mirror of the five scopes, writes are journalled and handed back after each script;
 * pm.sendRequest queues the request for the engine's event loop.
 */
(function (G) {
  'use strict';
  var L = G.__pmlib;
  var SCOPES = ['local', 'data', 'environment', 'collection', 'globals'];
  var TOKEN = /\{\{([^{}]*?)\}\}/g;
  var mirror = { local: {}, data: {}, environment: {}, collection: {}, globals: {} };
  var names = { environment: '', globals: '', collection: '' };
  var S = null; // the current run's state
  var scripts = {};

  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function clone(v) {
    return v === undefined || v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v));
  }

  /* ---------------------------------------------------------------- variables */
  function journal(scope, op, key, value) {
    if (scope === 'data') return;
    var entry = [scope, op];
    if (key !== undefined) entry.push(String(key));
    if (op === 'set') entry.push(value === undefined ? null : value, value === undefined);
    S.journal.push(entry);
  }
  function lookup(key) {
    for (var i = 0; i < SCOPES.length; i++) {
      if (own(mirror[SCOPES[i]], key)) return mirror[SCOPES[i]][key];
    }
    return undefined;
  }
  function found(key) {
    for (var i = 0; i < SCOPES.length; i++) if (own(mirror[SCOPES[i]], key)) return true;
    return false;
  }
  function text(v) {
    if (typeof v === 'string') return v;
    if (v === null) return 'null';
    if (v === undefined) return '';
    return String(v);
  }
  function randomHex(n) {
    var out = '';
    while (out.length < n) out += Math.floor(Math.random() * 16).toString(16);
    return out;
  }
  function guid() {
    var h = randomHex(32);
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-4' + h.slice(13, 16) + '-' +
      '89ab'[Math.floor(Math.random() * 4)] + h.slice(17, 20) + '-' + h.slice(20, 32);
  }
  var DYNAMIC = {
    $guid: guid, $randomUUID: guid,
    $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
    $isoTimestamp: function () { return new Date().toISOString(); },
    $randomInt: function () { return String(Math.floor(Math.random() * 1001)); },
    $randomBoolean: function () { return String(Math.random() < 0.5); },
    $randomAlphaNumeric: function () {
      return 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)];
    },
    $randomHexadecimalColor: function () { return '#' + randomHex(6); }
  };
  L.DYNAMIC = DYNAMIC;
  function replaceIn(template, get, has) {
    if (typeof template !== 'string') return template;
    var out = template;
    for (var pass = 0; pass < 19 && out.indexOf('{{') >= 0; pass++) {
      var next = out.replace(TOKEN, function (whole, name) {
        if (has(name)) return text(get(name));
        if (name.charAt(0) === '$') {
          var value = dynamicValue(name);
          if (value !== undefined) return value;
        }
        return whole;
      });
      if (next === out) break;
      out = next;
    }
    return out;
  }
  /** A fresh value of a dynamic variable: generated here, or from the event's pool. */
  function dynamicValue(name) {
    if (own(DYNAMIC, name)) return DYNAMIC[name]();
    var pool = S && S.dynamic && S.dynamic[name];
    if (!pool || !pool.length) return undefined;
    var used = S.dynamicUsed[name] || 0;
    S.dynamicUsed[name] = used + 1;
    return pool[used % pool.length];
  }
  function replaceAll(template) { return replaceIn(template, lookup, found); }
  L.replaceAll = replaceAll;

  function scopeApi(scope, label) {
    var store = function () { return mirror[scope]; };
    var api = {
      get: function (key) { return clone(store()[key]); },
      has: function (key) { return own(store(), key); },
      set: function (key, value) {
        if (scope === 'data') throw new TypeError('pm.iterationData.set is not a function');
        if (key === undefined || key === null) return;
        value = clone(value);
        store()[key] = value;
        journal(scope, 'set', key, value);
      },
      unset: function (key) {
        delete store()[key];
        journal(scope, 'unset', key);
      },
      clear: function () {
        mirror[scope] = {};
        journal(scope, 'clear');
      },
      toObject: function () { return clone(store()); },
      toJSON: function () {
        var values = Object.keys(store()).map(function (k) {
          return { type: 'any', value: clone(store()[k]), key: k };
        });
        var out = { values: values };
        if (names[scope]) out.name = names[scope];
        return out;
      },
      replaceIn: function (template) {
        return replaceIn(template, function (k) { return store()[k]; },
          function (k) { return own(store(), k); });
      }
    };
    Object.defineProperty(api, 'name', { get: function () { return names[scope] || undefined; } });
    Object.defineProperty(api, 'values', {
      get: function () {
        return new L.PropertyList(L.Variable, api.toJSON().values);
      }
    });
    api.toString = function () { return '[object ' + label + ']'; };
    return api;
  }
  var variables = {
    get: function (key) { return clone(lookup(key)); },
    has: function (key) { return found(key); },
    set: function (key, value) {
      if (key === undefined || key === null) return;
      value = clone(value);
      mirror.local[key] = value;
      journal('local', 'set', key, value);
    },
    unset: function (key) { delete mirror.local[key]; journal('local', 'unset', key); },
    clear: function () { mirror.local = {}; journal('local', 'clear'); },
    toObject: function () {
      var out = {};
      for (var i = SCOPES.length - 1; i >= 0; i--) {
        var s = mirror[SCOPES[i]];
        for (var k in s) if (own(s, k)) out[k] = clone(s[k]);
      }
      return out;
    },
    toJSON: function () {
      var obj = variables.toObject();
      return { values: Object.keys(obj).map(function (k) { return { key: k, value: obj[k] }; }) };
    },
    replaceIn: replaceAll
  };
  var api = {
    environment: scopeApi('environment', 'VariableScope'),
    globals: scopeApi('globals', 'VariableScope'),
    collectionVariables: scopeApi('collection', 'VariableScope'),
    iterationData: scopeApi('data', 'VariableScope'),
    variables: variables
  };
  L.scopes = api;
  L.mirror = function () { return mirror; };

  /* ---------------------------------------------------------------- console */
  function inspect(v, depth, seen) {
    if (typeof v === 'string') return depth ? "'" + v.replace(/'/g, "\\'") + "'" : v;
    if (typeof v === 'function') return '[Function' + (v.name ? ': ' + v.name : ' (anonymous)') + ']';
    if (typeof v !== 'object' || v === null) return String(v);
    if (v instanceof Error) return v.stack ? v.name + ': ' + v.message : String(v);
    if (v instanceof Date) return v.toISOString();
    if (v instanceof RegExp) return String(v);
    seen = seen || [];
    if (seen.indexOf(v) >= 0) return '[Circular]';
    if ((depth || 0) > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
    seen.push(v);
    var out;
    if (Array.isArray(v)) {
      out = v.length ? '[ ' + v.map(function (x) { return inspect(x, (depth || 0) + 1, seen); })
        .join(', ') + ' ]' : '[]';
    } else {
      var keys = Object.keys(v);
      out = keys.length ? '{ ' + keys.map(function (k) {
        var name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'";
        return name + ': ' + inspect(v[k], (depth || 0) + 1, seen);
      }).join(', ') + ' }' : '{}';
    }
    seen.pop();
    return out;
  }
  function format(args) {
    var parts = Array.prototype.slice.call(args), first = parts[0], rest;
    if (typeof first === 'string' && /%[sdifjoO%]/.test(first) && parts.length > 1) {
      var i = 1;
      first = first.replace(/%[sdifjoO%]/g, function (spec) {
        if (spec === '%%') return '%';
        if (i >= parts.length) return spec;
        var a = parts[i++];
        if (spec === '%s') return typeof a === 'string' ? a : inspect(a);
        if (spec === '%d' || spec === '%i') return String(spec === '%i' ? parseInt(a, 10) : Number(a));
        if (spec === '%f') return String(parseFloat(a));
        if (spec === '%j') return JSON.stringify(a);
        return inspect(a, 1);
      });
      rest = parts.slice(i);
      return [first].concat(rest.map(function (a) { return inspect(a); })).join(' ');
    }
    return parts.map(function (a) { return inspect(a); }).join(' ');
  }
  var con = {};
  ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
    con[level] = function () {
      if (S) S.console.push([level, format(arguments)]);
    };
  });
  con.clear = function () {};
  con.trace = con.debug;
  G.console = con;
  L.inspect = inspect;

  /* ---------------------------------------------------------------- timers */
  var timers = { seq: 0, list: [] };
  function addTimer(fn, delay, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('callback must be a function');
    var id = ++timers.seq;
    delay = Math.max(0, Number(delay) || 0);
    timers.list.push({ id: id, due: Date.now() + delay, fn: fn, args: args, repeat: repeat ? delay : -1 });
    return id;
  }
  function clearTimer(id) {
    timers.list = timers.list.filter(function (t) { return t.id !== id; });
  }
  G.setTimeout = function (fn, delay) {
    return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), false);
  };
  G.setInterval = function (fn, delay) {
    return addTimer(fn, delay, Array.prototype.slice.call(arguments, 2), true);
  };
  G.setImmediate = function (fn) {
    return addTimer(fn, 0, Array.prototype.slice.call(arguments, 1), false);
  };
  G.clearTimeout = G.clearInterval = G.clearImmediate = clearTimer;

  /* ---------------------------------------------------------------- tests */
  function errorInfo(err) {
    if (err instanceof Error || (err && typeof err === 'object' && 'message' in err)) {
      var message = String(err.message).replace(/^cannot read property '(.*)' of (null|undefined)$/,
        "Cannot read properties of $2 (reading '$1')");
      return { name: err.name || 'Error', message: message, stack: String(err.stack || '') };
    }
    return { name: 'Error', message: String(err), stack: '' };
  }
  function record(name, passed, err, skipped) {
    var info = err ? errorInfo(err) : null;
    S.assertions.push({
      name: String(name), passed: passed, skipped: Boolean(skipped),
      error: info ? info.message : null, error_name: info ? info.name : null
    });
  }
  L.record = record;
  function test(name, fn) {
    if (typeof fn !== 'function') { record(name, true, null, false); return pm; }
    var run = S;
    if (fn.length) { // done-callback style: recorded when done() is called, as Postman does
      var called = false;
      run.pendingTests++;
      var done = function (err) {
        if (called) return;
        called = true;
        run.pendingTests--;
        var saved = S;
        S = run;
        record(name, !err, err || null, false);
        S = saved;
      };
      try { fn(done); } catch (e) { done(e); }
      return pm;
    }
    var slot = run.assertions.length;
    record(name, true, null, false);
    var entry = run.assertions[slot];
    function fail(err) {
      var info = errorInfo(err);
      entry.passed = false;
      entry.error = info.message;
      entry.error_name = info.name;
    }
    try {
      var result = fn();
      if (result && typeof result.then === 'function') { // awaited before the script ends
        run.pendingTests++;
        result.then(function () { run.pendingTests--; }, function (e) {
          run.pendingTests--;
          fail(e || new Error('rejected'));
        });
      }
    } catch (e) {
      fail(e);
    }
    return pm;
  }
  test.skip = function (name) { record(name, true, null, true); return pm; };
  test.index = function () { return S.assertions.length; };

  /* ---------------------------------------------------------------- sendRequest */
  function sendRequest(req, callback) {
    var run = S;
    var promise = new Promise(function (resolve, reject) {
      if (!req) { reject(new Error('sendrequest: nothing to request')); return; }
      var request = req instanceof L.Request ? req : new L.Request(req);
      run.sends.push({ request: request.toJSON(), resolve: resolve, reject: reject });
    });
    if (typeof callback === 'function') {
      promise.then(function (res) { callback.call(pm, null, res); },
        function (err) { callback.call(pm, err); })
        .catch(function (e) { run.asyncErrors.push(e); });
      return pm;
    }
    return promise;
  }

  /* ---------------------------------------------------------------- pm */
  var pm = {};
  function define(name, getter) {
    Object.defineProperty(pm, name, { get: getter, enumerable: true });
  }
  define('info', function () { return S.info; });
  define('environment', function () { return api.environment; });
  define('globals', function () { return api.globals; });
  define('collectionVariables', function () { return api.collectionVariables; });
  define('variables', function () { return api.variables; });
  define('iterationData', function () { return api.iterationData; });
  define('request', function () { return S.request; });
  define('response', function () { return S.response; });
  define('cookies', function () { return S.cookies; });
  define('execution', function () { return S.execution; });
  pm.test = test;
  pm.sendRequest = sendRequest;
  pm.visualizer = { set: function () {}, clear: function () {} };
  pm.setNextRequest = function (what) { S.next = [what === undefined ? null : what]; };
  pm.require = function (name) {
    throw new Error("pm.require: package '" + name + "' is not available in harness");
  };
  Object.defineProperty(pm, 'expect', {
    get: function () { return G.__harness_chai.expect; }, enumerable: true
  });
  G.pm = pm;
  L.pm = pm;

  function execution(event, location) {
    var loc = (location || []).slice();
    loc.current = loc.length ? loc[loc.length - 1] : '';
    var out = {
      setNextRequest: pm.setNextRequest,
      location: loc,
      skipRequest: function () {
        if (S.event !== 'prerequest') throw new TypeError('pm.execution.skipRequest is not a function');
        S.skip = true;
        throw { __harnessStop: true };
      }
    };
    return out;
  }

  /** A property computed on first read (then a plain value; writable like one). */
  function lazy(obj, name, make) {
    function settle(value) {
      Object.defineProperty(obj, name, {
        value: value, writable: true, configurable: true, enumerable: true
      });
      return value;
    }
    Object.defineProperty(obj, name, {
      configurable: true, enumerable: true,
      get: function () { return settle(make()); }, set: settle
    });
  }
  L.lazy = lazy;

  function attachTo(obj) {
    Object.defineProperty(obj, 'to', {
      get: function () { return G.__harness_chai.expect(this).to; }, configurable: true
    });
  }

  // Postman's sandbox ships sugar.js; scripts lean on its String#has in `tests[...]` checks.
  if (!String.prototype.has) {
    Object.defineProperty(String.prototype, 'has', {
      value: function (what) {
        return what instanceof RegExp ? what.test(this) : this.indexOf(String(what)) >= 0;
      }, configurable: true, writable: true
    });
  }

  /* ---------------------------------------------------------------- engine entry points */
  var H = G.__harness = {};
  H.setScope = function (scope, json) { mirror[scope] = JSON.parse(json); };
  H.setNames = function (json) { names = JSON.parse(json); };
  H.define = function (id, fn) { scripts[id] = fn; };
  H.begin = function (json, body) {
    var meta = JSON.parse(json);
    S = {
      event: meta.event, journal: [], console: [], assertions: [], pendingTests: 0,
      sends: [], inflight: {}, sendSeq: 0, asyncErrors: [], errors: [], skip: false,
      next: null, info: Object.freeze(meta.info || {}), requestBuilt: false,
      hasResponse: meta.event === 'test', dynamic: meta.dynamic || {}, dynamicUsed: {}
    };
    // pm.request and pm.response are built on first use: many scripts touch neither.
    lazy(S, 'request', function () {
      var request = new L.Request(meta.request || {});
      attachTo(request);
      if (S.event === 'prerequest') S.requestBaseline = JSON.stringify(request.toJSON());
      S.requestBuilt = true;
      return request;
    });
    if (meta.response) {
      lazy(S, 'response', function () {
        var r = meta.response;
        r.body = body;
        var response = new L.Response(r);
        attachTo(response);
        return response;
      });
    } else if (meta.event === 'test') {
      lazy(S, 'response', function () {
        var response = new L.Response({});  // the send failed: Newman's empty Response
        attachTo(response);
        return response;
      });
    } else {
      S.response = undefined;
    }
    S.cookies = L.cookieList(meta.cookies || []);
    S.execution = execution(meta.event, meta.location);
    S.meta = meta;
    timers.list = [];
    return true;
  };
  H.exec = function (id) {
    S.asyncErrors = [];
    L.legacySetup && L.legacySetup(S);
    var error = null;
    try {
      var result = scripts[id].call(G);
      if (result && typeof result.then === 'function') {
        result.then(null, function (e) { S.asyncErrors.push(e); });
      }
    } catch (e) {
      error = e;
    }
    return reportError(error);
  };
  function reportError(error) {
    if (!error || error.__harnessStop) {
      if (error) timers.list = [];
      return '';
    }
    return JSON.stringify(errorInfo(error));
  }
  H.takeAsyncError = function () {
    var e = S.asyncErrors.shift();
    return e === undefined ? '' : reportError(e);
  };
  // Run every due timer; return ms until the next one, or -1 when none is left.
  H.tick = function () {
    var now = Date.now();
    timers.list.sort(function (a, b) { return a.due - b.due || a.id - b.id; });
    while (timers.list.length && timers.list[0].due <= now) {
      var t = timers.list.shift();
      if (t.repeat >= 0) { t.due = now + Math.max(t.repeat, 1); timers.list.push(t); }
      try { t.fn.apply(G, t.args); } catch (e) { S.asyncErrors.push(e); }
      if (S.skip) { timers.list = []; break; }
      return 0;
    }
    if (!timers.list.length) return -1;
    return Math.max(0, timers.list[0].due - Date.now());
  };
  H.pendingTests = function () { return S.pendingTests; };
  H.nextSend = function () {
    var s = S.sends.shift();
    if (!s) return '';
    var id = ++S.sendSeq;
    S.inflight[id] = s;
    return JSON.stringify({ id: id, request: s.request });
  };
  H.resolveSend = function (id, json, body) {
    var s = S.inflight[id];
    delete S.inflight[id];
    var r = JSON.parse(json);
    if (r.error) { s.reject(new Error(r.error)); return; }
    r.body = body;
    var res = new L.Response(r);
    attachTo(res);
    s.resolve(res);
  };
  H.finishScript = function () {
    timers.list = [];
    if (L.legacyFinish) L.legacyFinish(S);
    var out = { journal: S.journal, skip: S.skip };
    S.journal = [];
    return JSON.stringify(out);
  };
  H.takeJournal = function () {
    var out = S.journal;
    S.journal = [];
    return out.length ? JSON.stringify(out) : '';
  };
  H.end = function () {
    var out = {
      assertions: S.assertions, console: S.console, skip: S.skip,
      next: S.next, request: null
    };
    if (S.event === 'prerequest' && S.requestBuilt) {
      var now = JSON.stringify(S.request.toJSON());
      if (now !== S.requestBaseline) out.request = JSON.parse(now);
    }
    S = null;
    return JSON.stringify(out);
  };
  H.replaceIn = replaceAll;
})(globalThis);
