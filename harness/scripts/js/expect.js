/*
 * harness: chai-4-compatible BDD `expect` for Postman scripts.
 *
 * An independent implementation of the behaviour of chai 4.x (the version
 * bundled in Postman's sandbox): the same assertion chains, flags, plugin API
 * (Assertion.addProperty / addMethod / addChainableMethod / overwrite*), the
 * same failure messages and the same value inspection (chai 4 formats values
 * with "loupe" and truncates them at 40 characters).
 *
 * Exposes globalThis.__harness_chai = { expect, assert?, Assertion,
 * AssertionError, use, util, config, inspect, eql }.
 */
(function (G) {
  'use strict';

  var config = {
    includeStack: false,
    showDiff: true,
    truncateThreshold: 40,
    useProxy: true,
    proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'],
    deepEqual: null
  };

  var hasOwn = Object.prototype.hasOwnProperty;
  var objToString = Object.prototype.toString;

  /* ------------------------------------------------------------------ *
   * type detection (chai's `_.type`)
   * ------------------------------------------------------------------ */
  var protoTypes = new Map([
    [RegExp.prototype, 'RegExp'], [Date.prototype, 'Date'], [Promise.prototype, 'Promise'],
    [Set.prototype, 'Set'], [Map.prototype, 'Map'], [WeakSet.prototype, 'WeakSet'],
    [WeakMap.prototype, 'WeakMap'], [DataView.prototype, 'DataView'],
    [Object.getPrototypeOf(new Map().entries()), 'Map Iterator'],
    [Object.getPrototypeOf(new Set().entries()), 'Set Iterator'],
    [Object.getPrototypeOf([][Symbol.iterator]()), 'Array Iterator'],
    [Object.getPrototypeOf(''[Symbol.iterator]()), 'String Iterator']
  ]);

  function type(obj) {
    var t = typeof obj;
    if (t !== 'object') return t;
    if (obj === null) return 'null';
    if (obj === G) return 'global';
    if (Array.isArray(obj) && !(Symbol.toStringTag in obj)) return 'Array';
    var tag = obj[Symbol.toStringTag];
    if (typeof tag === 'string') return tag;
    var proto = Object.getPrototypeOf(obj);
    var known = protoTypes.get(proto);
    if (known) return known;
    if (proto === null) return 'Object';
    return objToString.call(obj).slice(8, -1);
  }

  function isNaNValue(v) { return v !== v; } // eslint-disable-line no-self-compare

  function getName(fn) { return typeof fn === 'function' ? fn.name : null; }

  /* ------------------------------------------------------------------ *
   * inspect: value formatting compatible with chai 4 (loupe, truncate 40)
   * ------------------------------------------------------------------ */
  var ELLIPSIS = '\u2026';

  function truncateStr(s, length) {
    s = String(s);
    if (ELLIPSIS.length > length && s.length > 1) return ELLIPSIS;
    if (s.length > length && s.length > 1) return s.slice(0, length - 1) + ELLIPSIS;
    return s;
  }

  // Formats a list the way loupe does: stops early and appends "…(n)"
  // when the budget in opts.truncate is exhausted.
  function formatList(list, opts, item, sep) {
    item = item || inspectValue;
    sep = sep || ', ';
    var size = list.length;
    if (size === 0) return '';
    var budget = opts.truncate;
    var out = '';
    var peek = '';
    var tail = '';
    for (var i = 0; i < size; i++) {
      var last = i + 1 === size;
      var secondLast = i + 2 === size;
      tail = ELLIPSIS + '(' + (size - i) + ')';
      opts.truncate = budget - out.length - (last ? 0 : sep.length);
      var str = peek || item(list[i], opts) + (last ? '' : sep);
      var nextLen = out.length + str.length;
      var tailLen = nextLen + tail.length;
      if (last && nextLen > budget && out.length + tail.length <= budget) break;
      if (!last && !secondLast && tailLen > budget) break;
      peek = last ? '' : item(list[i + 1], opts) + (secondLast ? '' : sep);
      if (!last && secondLast && tailLen > budget && nextLen + peek.length > budget) break;
      out += str;
      if (!last && !secondLast && nextLen + peek.length >= budget) {
        tail = ELLIPSIS + '(' + (size - i - 1) + ')';
        break;
      }
      tail = '';
    }
    return out + tail;
  }

  function quoteKey(key) {
    if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) return key;
    return JSON.stringify(key).replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
  }

  function formatProperty(pair, opts) {
    var key = pair[0];
    opts.truncate -= 2;
    if (typeof key === 'string') key = quoteKey(key);
    else if (typeof key !== 'number') key = '[' + inspectValue(key, opts) + ']';
    opts.truncate -= key.length;
    return key + ': ' + inspectValue(pair[1], opts);
  }

  var STRING_ESCAPES = new RegExp("['\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0604\\u070f" +
    '\\u17b4\\u17b5\\u200c-\\u200f\\u2028-\\u202f\\u2060-\\u206f\\ufeff\\ufff0-\\uffff]', 'g');
  var CHAR_ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'",
    '\\': '\\\\' };
  function escapeChar(c) {
    return CHAR_ESCAPES[c] || '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
  }

  function inspectString(s, opts) {
    STRING_ESCAPES.lastIndex = 0;
    if (STRING_ESCAPES.test(s)) s = s.replace(STRING_ESCAPES, escapeChar);
    return "'" + truncateStr(s, opts.truncate - 2) + "'";
  }

  function inspectNumber(n, opts) {
    if (n !== n) return 'NaN'; // eslint-disable-line no-self-compare
    if (n === Infinity) return 'Infinity';
    if (n === -Infinity) return '-Infinity';
    if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
    return truncateStr(n, opts.truncate);
  }

  function inspectFunction(fn, opts) {
    var name = getName(fn);
    if (!name) return '[Function]';
    return '[Function ' + truncateStr(name, opts.truncate - 11) + ']';
  }

  function inspectArray(arr, opts) {
    var extra = Object.keys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return '[]';
    opts.truncate -= 4;
    var items = formatList(arr, opts);
    opts.truncate -= items.length;
    var props = '';
    if (extra.length) {
      props = formatList(extra.map(function (k) { return [k, arr[k]]; }), opts, formatProperty);
    }
    return '[ ' + items + (props ? ', ' + props : '') + ' ]';
  }

  function inspectTypedArray(arr, opts) {
    var name = arr[Symbol.toStringTag] || getName(arr.constructor);
    opts.truncate -= name.length + 4;
    var extra = Object.keys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return name + '[]';
    var out = '';
    for (var i = 0; i < arr.length; i++) {
      var s = truncateStr(arr[i], opts.truncate) + (i === arr.length - 1 ? '' : ', ');
      opts.truncate -= s.length;
      if (arr[i] !== arr.length && opts.truncate <= 3) {
        out += ELLIPSIS + '(' + (arr.length - arr[i] + 1) + ')';
        break;
      }
      out += s;
    }
    var props = '';
    if (extra.length) {
      props = formatList(extra.map(function (k) { return [k, arr[k]]; }), opts, formatProperty);
    }
    return name + '[ ' + out + (props ? ', ' + props : '') + ' ]';
  }

  function inspectDate(d, opts) {
    var json = d.toJSON();
    if (json === null) return 'Invalid Date';
    var parts = json.split('T');
    return parts[0] + 'T' + truncateStr(parts[1], opts.truncate - parts[0].length - 1);
  }

  function inspectRegExp(re, opts) {
    var flags = re.toString().split('/')[2];
    return '/' + truncateStr(re.source, opts.truncate - (2 + flags.length)) + '/' + flags;
  }

  function inspectSymbol(sym) {
    return sym.description ? 'Symbol(' + sym.description + ')' : 'Symbol()';
  }

  function inspectMap(map, opts) {
    if (map.size - 1 <= 0) return 'Map{}'; // (sic) loupe prints one-entry maps as Map{}
    opts.truncate -= 7;
    var entries = [];
    map.forEach(function (v, k) { entries.push([k, v]); });
    return 'Map{ ' + formatList(entries, opts, function (entry, o) {
      o.truncate -= 4;
      var k = inspectValue(entry[0], o);
      o.truncate -= k.length;
      return k + ' => ' + inspectValue(entry[1], o);
    }) + ' }';
  }

  function inspectSet(set, opts) {
    if (set.size === 0) return 'Set{}';
    opts.truncate -= 7;
    var values = [];
    set.forEach(function (v) { values.push(v); });
    return 'Set{ ' + formatList(values, opts) + ' }';
  }

  function inspectArguments(args, opts) {
    if (args.length === 0) return 'Arguments[]';
    opts.truncate -= 13;
    return 'Arguments[ ' + formatList(args, opts) + ' ]';
  }

  var ERROR_KEYS = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber',
    'columnNumber', 'number', 'description'];

  function inspectError(err, opts) {
    var props = Object.getOwnPropertyNames(err).filter(function (k) {
      return ERROR_KEYS.indexOf(k) === -1;
    });
    var name = err.name;
    opts.truncate -= name.length;
    var message = '';
    if (typeof err.message === 'string') message = truncateStr(err.message, opts.truncate);
    else props.unshift('message');
    message = message ? ': ' + message : '';
    opts.truncate -= message.length + 5;
    var contents = formatList(props.map(function (k) { return [k, err[k]]; }), opts, formatProperty);
    return name + message + (contents ? ' { ' + contents + ' }' : '');
  }

  function inspectObject(obj, opts) {
    var names = Object.getOwnPropertyNames(obj);
    var symbols = Object.getOwnPropertySymbols(obj);
    if (names.length === 0 && symbols.length === 0) return '{}';
    opts.truncate -= 4;
    if (opts.seen.indexOf(obj) >= 0) return '[Circular]';
    opts.seen.push(obj);
    var a = formatList(names.map(function (k) { return [k, obj[k]]; }), opts, formatProperty);
    var b = formatList(symbols.map(function (k) { return [k, obj[k]]; }), opts, formatProperty);
    opts.seen.pop();
    return '{ ' + a + (a && b ? ', ' : '') + b + ' }';
  }

  function inspectClass(obj, opts) {
    var name = (Symbol.toStringTag in obj && obj[Symbol.toStringTag]) || getName(obj.constructor);
    if (!name || name === '_class') name = '<Anonymous Class>';
    opts.truncate -= name.length;
    return name + inspectObject(obj, opts);
  }

  var INSPECTORS = {
    undefined: function () { return 'undefined'; },
    null: function () { return 'null'; },
    boolean: String, Boolean: String,
    number: inspectNumber, Number: inspectNumber,
    bigint: function (n, o) { return truncateStr(n.toString() + 'n', o.truncate); },
    string: inspectString, String: inspectString,
    function: inspectFunction, Function: inspectFunction,
    symbol: inspectSymbol, Symbol: inspectSymbol,
    Array: inspectArray, Date: inspectDate, Map: inspectMap, Set: inspectSet,
    RegExp: inspectRegExp,
    Promise: function () { return 'Promise{\u2026}'; },
    WeakSet: function () { return 'WeakSet{\u2026}'; },
    WeakMap: function () { return 'WeakMap{\u2026}'; },
    Arguments: inspectArguments,
    Int8Array: inspectTypedArray, Uint8Array: inspectTypedArray,
    Uint8ClampedArray: inspectTypedArray, Int16Array: inspectTypedArray,
    Uint16Array: inspectTypedArray, Int32Array: inspectTypedArray,
    Uint32Array: inspectTypedArray, Float32Array: inspectTypedArray,
    Float64Array: inspectTypedArray,
    Generator: function () { return ''; },
    DataView: function () { return ''; },
    ArrayBuffer: function () { return ''; },
    Error: inspectError
  };
  var CHAI_INSPECT = Symbol.for('chai/inspect');

  function inspectValue(value, opts) {
    var t = value === null ? 'null' : typeof value;
    if (t === 'object') t = objToString.call(value).slice(8, -1);
    var fn = hasOwn.call(INSPECTORS, t) ? INSPECTORS[t] : null;
    if (fn) return fn(value, opts);
    if (value) {
      var custom = '';
      if (CHAI_INSPECT in value && typeof value[CHAI_INSPECT] === 'function') {
        custom = value[CHAI_INSPECT](opts);
      } else if ('inspect' in value && typeof value.inspect === 'function') {
        custom = value.inspect(opts.depth, opts);
      }
      if (custom) return typeof custom === 'string' ? custom : inspectValue(custom, opts);
    }
    var proto = value ? Object.getPrototypeOf(value) : false;
    if (proto === Object.prototype || proto === null) return inspectObject(value, opts);
    if ('constructor' in value) {
      return value.constructor !== Object ? inspectClass(value, opts) : inspectObject(value, opts);
    }
    if (value === Object(value)) return inspectObject(value, opts);
    return String(value);
  }

  function inspect(obj) {
    return inspectValue(obj, {
      depth: 2,
      truncate: config.truncateThreshold ? config.truncateThreshold : Infinity,
      seen: []
    });
  }

  function objDisplay(obj) {
    var str = inspect(obj);
    var t = objToString.call(obj);
    if (config.truncateThreshold && str.length >= config.truncateThreshold) {
      if (t === '[object Function]') {
        return !obj.name ? '[Function]' : '[Function: ' + obj.name + ']';
      } else if (t === '[object Array]') {
        return '[ Array(' + obj.length + ') ]';
      } else if (t === '[object Object]') {
        var keys = Object.keys(obj);
        var kstr = keys.length > 2 ? keys.splice(0, 2).join(', ') + ', ...' : keys.join(', ');
        return '{ Object (' + kstr + ') }';
      }
    }
    return str;
  }

  function compareByInspect(a, b) { return inspect(a) < inspect(b) ? -1 : 1; }

  /* ------------------------------------------------------------------ *
   * deep equality (chai's deep-eql semantics)
   * ------------------------------------------------------------------ */
  function isPrimitive(v) { return v === null || typeof v !== 'object'; }

  function simpleEqual(a, b) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true; // eslint-disable-line no-self-compare
    if (isPrimitive(a) || isPrimitive(b)) return false;
    return null;
  }

  function memoGet(a, b, memo) {
    if (!memo || isPrimitive(a) || isPrimitive(b)) return null;
    var inner = memo.get(a);
    if (inner) {
      var r = inner.get(b);
      if (typeof r === 'boolean') return r;
    }
    return null;
  }

  function memoSet(a, b, memo, result) {
    if (!memo || isPrimitive(a) || isPrimitive(b)) return;
    var inner = memo.get(a);
    if (!inner) { inner = new WeakMap(); memo.set(a, inner); }
    inner.set(b, result);
  }

  function deepEqual(a, b, options) {
    if (options && options.comparator) return extensiveEqual(a, b, options);
    var simple = simpleEqual(a, b);
    if (simple !== null) return simple;
    return extensiveEqual(a, b, options);
  }

  function extensiveEqual(a, b, options) {
    options = options || {};
    options.memoize = options.memoize === false ? false : options.memoize || new WeakMap();
    var comparator = options.comparator;
    var m = memoGet(a, b, options.memoize);
    if (m !== null) return m;
    m = memoGet(b, a, options.memoize);
    if (m !== null) return m;
    if (comparator) {
      var cr = comparator(a, b);
      if (cr === false || cr === true) {
        memoSet(a, b, options.memoize, cr);
        return cr;
      }
      var simple = simpleEqual(a, b);
      if (simple !== null) return simple;
    }
    var ta = type(a);
    if (ta !== type(b)) {
      memoSet(a, b, options.memoize, false);
      return false;
    }
    memoSet(a, b, options.memoize, true);
    var result = equalByType(a, b, ta, options);
    memoSet(a, b, options.memoize, result);
    return result;
  }

  function equalByType(a, b, t, options) {
    switch (t) {
      case 'String': case 'Number': case 'Boolean': case 'Date':
        return deepEqual(a.valueOf(), b.valueOf());
      case 'Promise': case 'Symbol': case 'function': case 'WeakMap': case 'WeakSet':
        return a === b;
      case 'Error':
        return keysEqual(a, b, ['name', 'message', 'code'], options);
      case 'Arguments': case 'Int8Array': case 'Uint8Array': case 'Uint8ClampedArray':
      case 'Int16Array': case 'Uint16Array': case 'Int32Array': case 'Uint32Array':
      case 'Float32Array': case 'Float64Array': case 'Array':
        return iterableEqual(a, b, options);
      case 'RegExp':
        return a.toString() === b.toString();
      case 'Generator':
        return iterableEqual(iterEntries(a), iterEntries(b), options);
      case 'DataView':
        return iterableEqual(new Uint8Array(a.buffer), new Uint8Array(b.buffer), options);
      case 'ArrayBuffer':
        return iterableEqual(new Uint8Array(a), new Uint8Array(b), options);
      case 'Set': case 'Map':
        return entriesEqual(a, b, options);
      default:
        return objectEqual(a, b, options);
    }
  }

  function entriesEqual(a, b, options) {
    try {
      if (a.size !== b.size) return false;
      if (a.size === 0) return true;
    } catch (e) {
      return false;
    }
    var la = [];
    var lb = [];
    a.forEach(function (x, y) { la.push([x, y]); });
    b.forEach(function (x, y) { lb.push([x, y]); });
    return iterableEqual(la.sort(), lb.sort(), options);
  }

  function iterableEqual(a, b, options) {
    var n = a.length;
    if (n !== b.length) return false;
    for (var i = 0; i < n; i++) {
      if (deepEqual(a[i], b[i], options) === false) return false;
    }
    return true;
  }

  function iterEntries(gen) {
    var r = gen.next();
    var acc = [r.value];
    while (r.done === false) {
      r = gen.next();
      acc.push(r.value);
    }
    return acc;
  }

  function iteratorEntries(target) {
    if (typeof target === 'object' && typeof target[Symbol.iterator] === 'function') {
      try {
        return iterEntries(target[Symbol.iterator]());
      } catch (e) {
        return [];
      }
    }
    return [];
  }

  function enumerableKeys(target) {
    var keys = [];
    for (var k in target) keys.push(k);
    var syms = Object.getOwnPropertySymbols(target);
    for (var i = 0; i < syms.length; i++) {
      if (Object.getOwnPropertyDescriptor(target, syms[i]).enumerable) keys.push(syms[i]);
    }
    return keys;
  }

  function keysEqual(a, b, keys, options) {
    for (var i = 0; i < keys.length; i++) {
      if (deepEqual(a[keys[i]], b[keys[i]], options) === false) return false;
    }
    return true;
  }

  function symbolsToString(arr) {
    return arr.map(function (k) { return typeof k === 'symbol' ? k.toString() : k; });
  }

  function objectEqual(a, b, options) {
    var ka = enumerableKeys(a);
    var kb = enumerableKeys(b);
    if (ka.length && ka.length === kb.length) {
      if (iterableEqual(symbolsToString(ka).sort(), symbolsToString(kb).sort()) === false) {
        return false;
      }
      return keysEqual(a, b, ka, options);
    }
    var ea = iteratorEntries(a);
    var eb = iteratorEntries(b);
    if (ea.length && ea.length === eb.length) {
      ea.sort();
      eb.sort();
      return iterableEqual(ea, eb, options);
    }
    return ka.length === 0 && ea.length === 0 && kb.length === 0 && eb.length === 0;
  }

  /* ------------------------------------------------------------------ *
   * nested property paths (chai's pathval)
   * ------------------------------------------------------------------ */
  function hasProperty(obj, name) {
    if (obj === undefined || obj === null) return false;
    return name in Object(obj);
  }

  function parsePath(path) {
    var str = path.replace(/([^\\])\[/g, '$1.[');
    var parts = str.match(/(\\\.|[^.]+?)+/g) || [];
    return parts.map(function (value) {
      if (value === 'constructor' || value === '__proto__' || value === 'prototype') return {};
      var m = /^\[(\d+)\]$/.exec(value);
      return m ? { i: parseFloat(m[1]) } : { p: value.replace(/\\([.[\]])/g, '$1') };
    });
  }

  function pathValue(obj, parsed, depth) {
    var tmp = obj;
    var res = null;
    depth = depth === undefined ? parsed.length : depth;
    for (var i = 0; i < depth; i++) {
      var part = parsed[i];
      if (tmp) {
        tmp = part.p === undefined ? tmp[part.i] : tmp[part.p];
        if (i === depth - 1) res = tmp;
      }
    }
    return res;
  }

  function getPathInfo(obj, path) {
    var parsed = parsePath(path);
    var last = parsed[parsed.length - 1] || {};
    var info = {
      parent: parsed.length > 1 ? pathValue(obj, parsed, parsed.length - 1) : obj,
      name: last.p || last.i,
      value: pathValue(obj, parsed)
    };
    info.exists = hasProperty(info.parent, info.name);
    return info;
  }

  /* ------------------------------------------------------------------ *
   * AssertionError
   * ------------------------------------------------------------------ */
  var EXCLUDED_ERROR_PROPS = ['name', 'message', 'stack', 'constructor', 'toJSON'];

  function AssertionError(message, props) {
    this.message = message || 'Unspecified AssertionError';
    this.showDiff = false;
    if (props) {
      for (var key in props) {
        if (EXCLUDED_ERROR_PROPS.indexOf(key) === -1) this[key] = props[key];
      }
    }
    try {
      throw new Error(this.message);
    } catch (e) {
      this.stack = typeof e.stack === 'string'
        ? 'AssertionError: ' + this.message + '\n' + e.stack.split('\n').slice(1).join('\n')
        : undefined;
    }
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;
  AssertionError.prototype.toJSON = function (stack) {
    var out = { name: this.name };
    for (var k in this) {
      if (k !== 'constructor' && k !== 'toJSON' && k !== 'stack') out[k] = this[k];
    }
    if (stack !== false && this.stack) out.stack = this.stack;
    return out;
  };

  /* ------------------------------------------------------------------ *
   * flags, proxies and the plugin API
   * ------------------------------------------------------------------ */
  function flag(obj, key, value) {
    var flags = obj.__flags || (obj.__flags = Object.create(null));
    if (arguments.length === 3) flags[key] = value;
    else return flags[key];
  }

  function transferFlags(assertion, object, includeAll) {
    var flags = assertion.__flags || (assertion.__flags = Object.create(null));
    if (!object.__flags) object.__flags = Object.create(null);
    includeAll = arguments.length === 3 ? includeAll : true;
    for (var f in flags) {
      if (includeAll || (f !== 'object' && f !== 'ssfi' && f !== 'lockSsfi' && f !== 'message')) {
        object.__flags[f] = flags[f];
      }
    }
  }

  function isProxyEnabled() {
    return config.useProxy && typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined';
  }

  function getProperties(object) {
    var result = Object.getOwnPropertyNames(object);
    var seen = new Set(result);
    var proto = Object.getPrototypeOf(object);
    while (proto !== null) {
      Object.getOwnPropertyNames(proto).forEach(function (p) {
        if (!seen.has(p)) { seen.add(p); result.push(p); }
      });
      proto = Object.getPrototypeOf(proto);
    }
    return result;
  }

  function stringDistanceCapped(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    var memo = [];
    var i, j;
    for (i = 0; i <= a.length; i++) {
      memo[i] = Array(b.length + 1).fill(0);
      memo[i][0] = i;
    }
    for (j = 0; j < b.length; j++) memo[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var ch = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        if (Math.abs(i - j) >= cap) { memo[i][j] = cap; continue; }
        memo[i][j] = Math.min(memo[i - 1][j] + 1, memo[i][j - 1] + 1,
          memo[i - 1][j - 1] + (ch === b.charCodeAt(j - 1) ? 0 : 1));
      }
    }
    return memo[a.length][b.length];
  }

  var PROXY_BUILTINS = ['__flags', '__methods', '_obj', 'assert'];

  function invalidProperty(target, property, methodName) {
    if (methodName) {
      throw Error('Invalid Chai property: ' + methodName + '.' + property +
        '. See docs for proper usage of "' + methodName + '".');
    }
    var suggestion = null;
    var best = 4;
    getProperties(target).forEach(function (prop) {
      if (!hasOwn.call(Object.prototype, prop) && PROXY_BUILTINS.indexOf(prop) === -1) {
        var d = stringDistanceCapped(property, prop, best);
        if (d < best) { suggestion = prop; best = d; }
      }
    });
    if (suggestion !== null) {
      throw Error('Invalid Chai property: ' + property + '. Did you mean "' + suggestion + '"?');
    }
    throw Error('Invalid Chai property: ' + property);
  }

  function makeProxyHandler(methodName) {
    return {
      get: function (target, property) {
        if (typeof property === 'string' && !(property in target) &&
            config.proxyExcludedKeys.indexOf(property) === -1) {
          invalidProperty(target, property, methodName);
        }
        return Reflect.get(target, property);
      }
    };
  }
  var sharedProxyHandler = makeProxyHandler(undefined);

  function proxify(obj, methodName) {
    if (!isProxyEnabled()) return obj;
    return new Proxy(obj, methodName ? makeProxyHandler(methodName) : sharedProxyHandler);
  }

  var fnLengthConfigurable = Object.getOwnPropertyDescriptor(function () {}, 'length').configurable;
  function addLengthGuard(fn, name, chainable) {
    if (!fnLengthConfigurable) return fn;
    Object.defineProperty(fn, 'length', {
      get: function () {
        if (chainable) {
          throw Error('Invalid Chai property: ' + name + '.length. Due to a compatibility issue, ' +
            '"length" cannot directly follow "' + name + '". Use "' + name + '.lengthOf" instead.');
        }
        throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' +
          name + '".');
      }
    });
    return fn;
  }

  // Equivalent to `new Assertion()` followed by transferFlags(self, next), but
  // cheaper: this runs on every step of every chain.
  function chainResult(self, result) {
    if (result !== undefined) return result;
    var src = self.__flags;
    var flags = Object.create(null);
    for (var k in src) flags[k] = src[k];
    if (!flags.eql) flags.eql = config.deepEqual || deepEqual;
    var next = Object.create(Assertion.prototype);
    next.__flags = flags;
    return proxify(next);
  }

  function addProperty(ctx, name, getter) {
    getter = getter === undefined ? function () {} : getter;
    Object.defineProperty(ctx, name, {
      get: function () { return chainResult(this, getter.call(this)); },
      configurable: true
    });
  }

  function addMethod(ctx, name, method) {
    var wrapper = function () { return chainResult(this, method.apply(this, arguments)); };
    addLengthGuard(wrapper, name, false);
    ctx[name] = proxify(wrapper, name);
  }

  var fnCall = Function.prototype.call;
  var fnApply = Function.prototype.apply;

  function addChainableMethod(ctx, name, method, chainingBehavior) {
    if (typeof chainingBehavior !== 'function') chainingBehavior = function () {};
    var behaviour = { method: method, chainingBehavior: chainingBehavior };
    if (!hasOwn.call(ctx, '__methods')) {
      Object.defineProperty(ctx, '__methods', { value: {}, writable: true, configurable: true });
    }
    ctx.__methods[name] = behaviour;
    Object.defineProperty(ctx, name, {
      get: function () {
        behaviour.chainingBehavior.call(this);
        var wrapper = function () {
          return chainResult(this, behaviour.method.apply(this, arguments));
        };
        addLengthGuard(wrapper, name, true);
        var proto = Object.create(this);
        proto.call = fnCall;
        proto.apply = fnApply;
        Object.setPrototypeOf(wrapper, proto);
        transferFlags(this, wrapper);
        return proxify(wrapper);
      },
      configurable: true
    });
  }

  function overwriteProperty(ctx, name, getter) {
    var desc = Object.getOwnPropertyDescriptor(ctx, name);
    var _super = function () {};
    if (desc && typeof desc.get === 'function') _super = desc.get;
    Object.defineProperty(ctx, name, {
      get: function () {
        var result = getter(_super).call(this);
        if (result !== undefined) return result;
        var next = new Assertion();
        transferFlags(this, next);
        return next;
      },
      configurable: true
    });
  }

  function overwriteMethod(ctx, name, method) {
    var _method = ctx[name];
    var _super = function () {
      throw new Error(name + ' is not a function');
    };
    if (_method && typeof _method === 'function') _super = _method;
    var wrapper = function () {
      return chainResult(this, method(_super).apply(this, arguments));
    };
    addLengthGuard(wrapper, name, false);
    ctx[name] = proxify(wrapper, name);
  }

  function overwriteChainableMethod(ctx, name, method, chainingBehavior) {
    var behaviour = ctx.__methods[name];
    var _chainingBehavior = behaviour.chainingBehavior;
    behaviour.chainingBehavior = function () {
      var result = chainingBehavior(_chainingBehavior).call(this);
      return chainResult(this, result);
    };
    var _method = behaviour.method;
    behaviour.method = function () {
      return chainResult(this, method(_method).apply(this, arguments));
    };
  }

  /* ------------------------------------------------------------------ *
   * Assertion
   * ------------------------------------------------------------------ */
  function Assertion(obj, msg, ssfi, lockSsfi) {
    var flags = Object.create(null);
    flags.ssfi = ssfi || Assertion;
    flags.lockSsfi = lockSsfi;
    flags.object = obj;
    flags.message = msg;
    flags.eql = config.deepEqual || deepEqual;
    this.__flags = flags;
    return proxify(this);
  }

  Assertion.addProperty = function (name, fn) { addProperty(this.prototype, name, fn); };
  Assertion.addMethod = function (name, fn) { addMethod(this.prototype, name, fn); };
  Assertion.addChainableMethod = function (name, fn, chaining) {
    addChainableMethod(this.prototype, name, fn, chaining);
  };
  Assertion.overwriteProperty = function (name, fn) { overwriteProperty(this.prototype, name, fn); };
  Assertion.overwriteMethod = function (name, fn) { overwriteMethod(this.prototype, name, fn); };
  Assertion.overwriteChainableMethod = function (name, fn, chaining) {
    overwriteChainableMethod(this.prototype, name, fn, chaining);
  };

  function getMessage(assertion, args) {
    var negate = flag(assertion, 'negate');
    var val = flag(assertion, 'object');
    var expected = args[3];
    var actual = args.length > 4 ? args[4] : val;
    var msg = negate ? args[2] : args[1];
    var flagMsg = flag(assertion, 'message');
    if (typeof msg === 'function') msg = msg();
    msg = (msg || '')
      .replace(/#\{this\}/g, function () { return objDisplay(val); })
      .replace(/#\{act\}/g, function () { return objDisplay(actual); })
      .replace(/#\{exp\}/g, function () { return objDisplay(expected); });
    return flagMsg ? flagMsg + ': ' + msg : msg;
  }

  function getOperator(assertion, args) {
    var operator = flag(assertion, 'operator');
    if (operator) return operator;
    var msg = flag(assertion, 'negate') ? args[2] : args[1];
    if (typeof msg === 'function') msg = msg();
    if (!msg || /\shave\s/.test(msg)) return undefined;
    var isObject = ['Array', 'Object', 'function'].indexOf(type(args[3])) !== -1;
    if (/\snot\s/.test(msg)) return isObject ? 'notDeepStrictEqual' : 'notStrictEqual';
    return isObject ? 'deepStrictEqual' : 'strictEqual';
  }

  Assertion.prototype.assert = function (expr, msg, negateMsg, expected, _actual, showDiff) {
    var ok = flag(this, 'negate') ? !expr : expr;
    if (ok) return;
    if (showDiff !== false) showDiff = true;
    if (expected === undefined && _actual === undefined) showDiff = false;
    if (config.showDiff !== true) showDiff = false;
    var message = getMessage(this, arguments);
    var props = {
      actual: arguments.length > 4 ? _actual : flag(this, 'object'),
      expected: expected,
      showDiff: showDiff
    };
    var operator = getOperator(this, arguments);
    if (operator) props.operator = operator;
    throw new AssertionError(message, props);
  };

  Object.defineProperty(Assertion.prototype, '_obj', {
    get: function () { return flag(this, 'object'); },
    set: function (val) { flag(this, 'object', val); }
  });

  function fail(message) {
    throw new AssertionError(message);
  }

  var util = {
    addProperty: addProperty, addMethod: addMethod, addChainableMethod: addChainableMethod,
    overwriteProperty: overwriteProperty, overwriteMethod: overwriteMethod,
    overwriteChainableMethod: overwriteChainableMethod,
    flag: flag, transferFlags: transferFlags, inspect: inspect, objDisplay: objDisplay,
    type: type, eql: deepEqual, getPathInfo: getPathInfo, hasProperty: hasProperty,
    getName: getName, isNaN: isNaNValue, compareByInspect: compareByInspect,
    getMessage: getMessage, getActual: function (obj, args) {
      return args.length > 4 ? args[4] : obj._obj;
    },
    proxify: proxify, addLengthGuard: addLengthGuard, getProperties: getProperties,
    getOwnEnumerableProperties: function (obj) {
      return Object.keys(obj).concat(Object.getOwnPropertySymbols(obj).filter(function (s) {
        return Object.getOwnPropertyDescriptor(obj, s).enumerable;
      }));
    },
    test: function (obj, args) { return flag(obj, 'negate') ? !args[0] : args[0]; },
    fail: fail
  };

  var chai = {
    version: '4.3.8',
    AssertionError: AssertionError,
    Assertion: Assertion,
    config: config,
    util: util,
    inspect: inspect,
    eql: deepEqual
  };
  var used = [];
  chai.use = function (fn) {
    if (used.indexOf(fn) === -1) {
      fn(chai, util);
      used.push(fn);
    }
    return chai;
  };

  chai.expect = function (val, message) { return new Assertion(val, message); };
  chai.expect.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message || 'expect.fail()', {
      actual: actual, expected: expected, operator: operator
    });
  };

  G.__harness_chai = chai;
})(globalThis);
