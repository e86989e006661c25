/*
 * harness: the commonly used subset of lodash 4 (require('lodash') / global _)
 * with lodash's semantics: iteratee shorthands (`_.find(a, {x: 1})`,
 * `_.map(a, 'x')`, `_.filter(a, ['x', 1])`), property paths ('a.b[0].c'),
 * objects iterated like collections.
 *
 * Exposes globalThis.__harness_lodash.
 */
(function (G) {
  'use strict';
  var hasOwn = Object.prototype.hasOwnProperty;
  var toStr = Object.prototype.toString;

  // --- type checks ----------------------------------------------------------------
  function isNil(v) { return v === null || v === undefined; }
  function isObject(v) { var t = typeof v; return v !== null && (t === 'object' || t === 'function'); }
  function isObjectLike(v) { return v !== null && typeof v === 'object'; }
  function isPlainObject(v) {
    if (!isObjectLike(v) || toStr.call(v) !== '[object Object]') return false;
    var proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype ||
      (hasOwn.call(proto, 'constructor') && typeof proto.constructor === 'function' &&
        Function.prototype.toString.call(proto.constructor) === Function.prototype.toString.call(Object));
  }
  function isArrayLike(v) {
    return v !== null && v !== undefined && typeof v !== 'function' &&
      typeof v.length === 'number' && v.length >= 0 && v.length % 1 === 0;
  }
  function tag(v) { return toStr.call(v); }
  function isString(v) { return typeof v === 'string' || (isObjectLike(v) && tag(v) === '[object String]'); }
  function isNumber(v) { return typeof v === 'number' || (isObjectLike(v) && tag(v) === '[object Number]'); }
  function isBoolean(v) {
    return v === true || v === false || (isObjectLike(v) && tag(v) === '[object Boolean]');
  }

  // --- paths ----------------------------------------------------------------------------
  var PATH_RE = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
  function toPath(path) {
    if (Array.isArray(path)) return path.map(String);
    if (typeof path === 'symbol') return [path];
    var s = String(path);
    var out = [];
    if (s.charCodeAt(0) === 46) out.push('');
    s.replace(PATH_RE, function (match, number, quote, subString) {
      out.push(quote ? subString.replace(/\\(\\)?/g, '$1') : (number || match));
    });
    return out;
  }
  function castPath(path, obj) {
    if (Array.isArray(path)) return path;
    if (typeof path === 'number' || typeof path === 'symbol') return [path];
    if (obj !== null && obj !== undefined && Object(obj) !== undefined && path in Object(obj)) return [path];
    if (/^\w*$/.test(path)) return [path];
    return toPath(path);
  }
  function get(obj, path, defaultValue) {
    var parts = castPath(path, obj);
    var cur = obj;
    for (var i = 0; i < parts.length && cur !== null && cur !== undefined; i++) cur = cur[parts[i]];
    var result = parts.length && i === parts.length ? cur : undefined;
    return result === undefined ? defaultValue : result;
  }
  function has(obj, path) {
    var parts = castPath(path, obj);
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined || !hasOwn.call(Object(cur), parts[i])) return false;
      cur = cur[parts[i]];
    }
    return parts.length > 0;
  }
  function hasIn(obj, path) {
    var parts = castPath(path, obj);
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined || !(parts[i] in Object(cur))) return false;
      cur = cur[parts[i]];
    }
    return parts.length > 0;
  }
  function set(obj, path, value) {
    if (!isObject(obj)) return obj;
    var parts = castPath(path, obj);
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      var key = parts[i];
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') return obj;
      if (i === parts.length - 1) {
        cur[key] = value;
      } else {
        if (!isObject(cur[key])) cur[key] = /^(?:0|[1-9]\d*)$/.test(parts[i + 1]) ? [] : {};
        cur = cur[key];
      }
    }
    return obj;
  }
  function unset(obj, path) {
    var parts = castPath(path, obj);
    var parent = parts.length > 1 ? get(obj, parts.slice(0, -1)) : obj;
    if (parent === null || parent === undefined) return true;
    return delete parent[parts[parts.length - 1]];
  }

  // --- deep equality (lodash semantics: SameValueZero, own enumerable keys) -------------
  function isEqual(a, b, stackA, stackB) {
    if (a === b || (a !== a && b !== b)) return true; // eslint-disable-line no-self-compare
    if (!isObjectLike(a) || !isObjectLike(b)) return false;
    var ta = tag(a);
    if (ta !== tag(b)) return false;
    switch (ta) {
      case '[object Number]': case '[object String]': case '[object Boolean]': case '[object Date]':
        return isEqual(a.valueOf(), b.valueOf()) || (ta === '[object Date]' && +a === +b);
      case '[object RegExp]': return String(a) === String(b);
      case '[object Error]': return a.name === b.name && a.message === b.message;
      default: break;
    }
    stackA = stackA || [];
    stackB = stackB || [];
    for (var s = 0; s < stackA.length; s++) if (stackA[s] === a) return stackB[s] === b;
    stackA.push(a);
    stackB.push(b);
    var result = true;
    if (ta === '[object Map]' || ta === '[object Set]') {
      if (a.size !== b.size) result = false;
      else {
        var ea = Array.from(a);
        var eb = Array.from(b);
        result = ea.every(function (item) {
          return eb.some(function (other) { return isEqual(item, other, stackA, stackB); });
        });
      }
    } else if (Array.isArray(a)) {
      result = a.length === b.length && a.every(function (v, i) { return isEqual(v, b[i], stackA, stackB); });
    } else {
      var ka = Object.keys(a);
      var kb = Object.keys(b);
      if (ka.length !== kb.length) result = false;
      else if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) &&
        !(isPlainObject(a) && isPlainObject(b)) && a.constructor !== b.constructor) result = false;
      else {
        result = ka.every(function (k) { return hasOwn.call(b, k) && isEqual(a[k], b[k], stackA, stackB); });
      }
    }
    stackA.pop();
    stackB.pop();
    return result;
  }

  function isMatch(obj, source) {
    if (obj === null || obj === undefined) return !Object.keys(source).length;
    return Object.keys(source).every(function (k) {
      var sv = source[k];
      var ov = obj[k];
      if (isObjectLike(sv) && !Array.isArray(sv) && isObjectLike(ov)) return isMatch(ov, sv);
      if (Array.isArray(sv) && Array.isArray(ov)) {
        return sv.every(function (item) {
          return ov.some(function (o) { return isObjectLike(item) ? isMatch(o, item) : isEqual(o, item); });
        });
      }
      return (k in Object(obj)) && isEqual(ov, sv);
    });
  }

  // --- iteratees -------------------------------------------------------------------
  function identity(v) { return v; }
  function property(path) { return function (obj) { return get(obj, path); }; }
  function matches(source) { return function (obj) { return isMatch(obj, source); }; }
  function matchesProperty(path, value) {
    return function (obj) {
      var v = get(obj, path);
      return isObjectLike(value) ? isMatch(v, value) : isEqual(v, value);
    };
  }
  function iteratee(fn) {
    if (fn === null || fn === undefined) return identity;
    if (typeof fn === 'function') return fn;
    if (Array.isArray(fn)) return matchesProperty(fn[0], fn[1]);
    if (typeof fn === 'object') return matches(fn);
    return property(fn);
  }

  function keys(obj) {
    if (obj === null || obj === undefined) return [];
    if (isArrayLike(obj)) {
      var out = [];
      for (var i = 0; i < obj.length; i++) out.push(String(i));
      return out.concat(Object.keys(obj).filter(function (k) { return !/^\d+$/.test(k); }));
    }
    return Object.keys(Object(obj));
  }
  function keysIn(obj) {
    var out = [];
    for (var k in obj) out.push(k);
    return out;
  }
  function values(obj) { return keys(obj).map(function (k) { return obj[k]; }); }

  // Calls fn(value, key, collection) for arrays (numeric keys) and objects.
  function each(coll, fn) {
    if (coll === null || coll === undefined) return coll;
    fn = iteratee(fn);
    if (isArrayLike(coll)) {
      for (var i = 0; i < coll.length; i++) if (fn(coll[i], i, coll) === false) break;
    } else {
      var ks = Object.keys(coll);
      for (var j = 0; j < ks.length; j++) if (fn(coll[ks[j]], ks[j], coll) === false) break;
    }
    return coll;
  }
  function eachRight(coll, fn) {
    var list = [];
    each(coll, function (v, k) { list.push([v, k]); });
    fn = iteratee(fn);
    for (var i = list.length - 1; i >= 0; i--) if (fn(list[i][0], list[i][1], coll) === false) break;
    return coll;
  }
  function map(coll, fn) {
    fn = iteratee(fn);
    var out = [];
    each(coll, function (v, k, c) { out.push(fn(v, k, c)); });
    return out;
  }
  function filter(coll, fn) {
    fn = iteratee(fn);
    var out = [];
    each(coll, function (v, k, c) { if (fn(v, k, c)) out.push(v); });
    return out;
  }
  function reject(coll, fn) {
    fn = iteratee(fn);
    return filter(coll, function (v, k, c) { return !fn(v, k, c); });
  }
  function find(coll, fn, fromIndex) {
    fn = iteratee(fn);
    var found;
    var idx = 0;
    each(coll, function (v, k, c) {
      if (idx++ < (fromIndex || 0)) return undefined;
      if (fn(v, k, c)) { found = v; return false; }
      return undefined;
    });
    return found;
  }
  function findLast(coll, fn) {
    fn = iteratee(fn);
    var found;
    eachRight(coll, function (v, k, c) {
      if (fn(v, k, c)) { found = v; return false; }
      return undefined;
    });
    return found;
  }
  function findIndex(arr, fn, fromIndex) {
    fn = iteratee(fn);
    if (!arr) return -1;
    var start = fromIndex === undefined ? 0 : (fromIndex < 0 ? Math.max(arr.length + fromIndex, 0) : fromIndex);
    for (var i = start; i < arr.length; i++) if (fn(arr[i], i, arr)) return i;
    return -1;
  }
  function findLastIndex(arr, fn) {
    fn = iteratee(fn);
    if (!arr) return -1;
    for (var i = arr.length - 1; i >= 0; i--) if (fn(arr[i], i, arr)) return i;
    return -1;
  }
  function findKey(obj, fn) {
    fn = iteratee(fn);
    var found;
    each(obj, function (v, k, c) { if (fn(v, k, c)) { found = k; return false; } return undefined; });
    return found;
  }
  function reduce(coll, fn, acc) {
    var noInit = arguments.length < 3;
    each(coll, function (v, k, c) {
      if (noInit) { acc = v; noInit = false; } else { acc = fn(acc, v, k, c); }
    });
    return acc;
  }
  function reduceRight(coll, fn, acc) {
    var noInit = arguments.length < 3;
    eachRight(coll, function (v, k, c) {
      if (noInit) { acc = v; noInit = false; } else { acc = fn(acc, v, k, c); }
    });
    return acc;
  }
  function some(coll, fn) {
    fn = iteratee(fn);
    var r = false;
    each(coll, function (v, k, c) { if (fn(v, k, c)) { r = true; return false; } return undefined; });
    return r;
  }
  function every(coll, fn) {
    fn = iteratee(fn);
    var r = true;
    each(coll, function (v, k, c) { if (!fn(v, k, c)) { r = false; return false; } return undefined; });
    return r;
  }
  function includes(coll, value, fromIndex) {
    if (typeof coll === 'string') return coll.indexOf(value, fromIndex || 0) !== -1;
    var list = isArrayLike(coll) ? Array.prototype.slice.call(coll) : values(coll);
    var start = fromIndex ? (fromIndex < 0 ? Math.max(list.length + fromIndex, 0) : fromIndex) : 0;
    for (var i = start; i < list.length; i++) {
      if (list[i] === value || (list[i] !== list[i] && value !== value)) return true; // eslint-disable-line no-self-compare
    }
    return false;
  }
  function size(coll) {
    if (coll === null || coll === undefined) return 0;
    if (isArrayLike(coll)) return coll.length;
    if (coll instanceof Map || coll instanceof Set) return coll.size;
    return Object.keys(coll).length;
  }
  function isEmpty(v) {
    if (v === null || v === undefined) return true;
    if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || typeof v.splice === 'function' ||
      tag(v) === '[object Arguments]')) return !v.length;
    if (v instanceof Map || v instanceof Set) return !v.size;
    for (var k in v) if (hasOwn.call(v, k)) return false;
    return true;
  }

  // --- grouping / sorting ---------------------------------------------------------
  function groupBy(coll, fn) {
    fn = iteratee(fn);
    var out = {};
    each(coll, function (v) {
      var k = fn(v);
      (hasOwn.call(out, k) ? out[k] : (out[k] = [])).push(v);
    });
    return out;
  }
  function keyBy(coll, fn) {
    fn = iteratee(fn);
    var out = {};
    each(coll, function (v) { out[fn(v)] = v; });
    return out;
  }
  function countBy(coll, fn) {
    fn = iteratee(fn);
    var out = {};
    each(coll, function (v) { var k = fn(v); out[k] = (out[k] || 0) + 1; });
    return out;
  }
  function partition(coll, fn) {
    fn = iteratee(fn);
    var out = [[], []];
    each(coll, function (v) { out[fn(v) ? 0 : 1].push(v); });
    return out;
  }
  function compareValues(a, b) {
    if (a === b) return 0;
    var aUndef = a === undefined;
    var bUndef = b === undefined;
    var aNull = a === null;
    var bNull = b === null;
    var aNaN = a !== a; // eslint-disable-line no-self-compare
    var bNaN = b !== b; // eslint-disable-line no-self-compare
    if (bUndef && !aUndef) return -1;
    if (aUndef && !bUndef) return 1;
    if (bNaN && !aNaN) return -1;
    if (aNaN && !bNaN) return 1;
    if (bNull && !aNull) return -1;
    if (aNull && !bNull) return 1;
    if (a > b) return 1;
    if (a < b) return -1;
    return 0;
  }
  function orderBy(coll, iteratees, orders) {
    if (iteratees === undefined || iteratees === null) iteratees = [identity];
    if (!Array.isArray(iteratees)) iteratees = [iteratees];
    if (!iteratees.length) iteratees = [identity];
    var fns = iteratees.map(iteratee);
    orders = orders === undefined ? [] : (Array.isArray(orders) ? orders : [orders]);
    var idx = 0;
    var list = map(coll, function (v) {
      return { v: v, i: idx++, c: fns.map(function (f) { return f(v); }) };
    });
    list.sort(function (x, y) {
      for (var j = 0; j < fns.length; j++) {
        var r = compareValues(x.c[j], y.c[j]);
        if (r) return orders[j] === 'desc' ? -r : r;
      }
      return x.i - y.i;
    });
    return list.map(function (item) { return item.v; });
  }
  function sortBy(coll) {
    var its = Array.prototype.slice.call(arguments, 1);
    if (its.length === 1 && Array.isArray(its[0])) its = its[0];
    return orderBy(coll, its.length ? its : [identity]);
  }

  // --- arrays -------------------------------------------------------------------------
  function toArr(v) { return v === null || v === undefined ? [] : Array.prototype.slice.call(v); }
  function flatten(arr) { return baseFlatten(arr, 1); }
  function flattenDeep(arr) { return baseFlatten(arr, Infinity); }
  function flattenDepth(arr, depth) { return baseFlatten(arr, depth === undefined ? 1 : depth); }
  function baseFlatten(arr, depth) {
    var out = [];
    toArr(arr).forEach(function (v) {
      if (depth > 0 && Array.isArray(v)) out.push.apply(out, baseFlatten(v, depth - 1));
      else out.push(v);
    });
    return out;
  }
  function sameValueZeroIndex(list, v) {
    for (var i = 0; i < list.length; i++) if (list[i] === v || (list[i] !== list[i] && v !== v)) return i; // eslint-disable-line no-self-compare
    return -1;
  }
  function uniqBy(arr, fn) {
    fn = iteratee(fn);
    var seen = [];
    var out = [];
    toArr(arr).forEach(function (v) {
      var k = fn(v);
      if (sameValueZeroIndex(seen, k) === -1) { seen.push(k); out.push(v); }
    });
    return out;
  }
  function uniq(arr) { return uniqBy(arr, identity); }
  function uniqWith(arr, cmp) {
    var out = [];
    toArr(arr).forEach(function (v) {
      if (!out.some(function (o) { return cmp(v, o); })) out.push(v);
    });
    return out;
  }
  function difference(arr) {
    var others = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    return toArr(arr).filter(function (v) { return sameValueZeroIndex(others, v) === -1; });
  }
  function differenceBy(arr, other, fn) {
    fn = iteratee(fn);
    var ks = toArr(other).map(fn);
    return toArr(arr).filter(function (v) { return sameValueZeroIndex(ks, fn(v)) === -1; });
  }
  function intersection() {
    var arrays = Array.prototype.slice.call(arguments).map(toArr);
    if (!arrays.length) return [];
    return uniq(arrays[0]).filter(function (v) {
      return arrays.every(function (a) { return sameValueZeroIndex(a, v) !== -1; });
    });
  }
  function union() { return uniq(baseFlatten(Array.prototype.slice.call(arguments), 1)); }
  function without(arr) {
    var vals = Array.prototype.slice.call(arguments, 1);
    return toArr(arr).filter(function (v) { return sameValueZeroIndex(vals, v) === -1; });
  }
  function zip() {
    var arrays = Array.prototype.slice.call(arguments).map(toArr);
    var len = Math.max.apply(null, [0].concat(arrays.map(function (a) { return a.length; })));
    var out = [];
    for (var i = 0; i < len; i++) out.push(arrays.map(function (a) { return a[i]; }));
    return out;
  }
  function unzip(arr) { return zip.apply(null, toArr(arr)); }
  function zipObject(props, vals) {
    var out = {};
    toArr(props).forEach(function (k, i) { out[k] = vals ? vals[i] : undefined; });
    return out;
  }
  function chunk(arr, n) {
    n = Math.max(Math.floor(n === undefined ? 1 : n), 0);
    var list = toArr(arr);
    var out = [];
    if (!n) return out;
    for (var i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
    return out;
  }
  function compact(arr) { return toArr(arr).filter(Boolean); }
  function take(arr, n) { return toArr(arr).slice(0, Math.max(n === undefined ? 1 : n, 0)); }
  function takeRight(arr, n) {
    n = n === undefined ? 1 : n;
    var list = toArr(arr);
    return n <= 0 ? [] : list.slice(Math.max(list.length - n, 0));
  }
  function drop(arr, n) { return toArr(arr).slice(Math.max(n === undefined ? 1 : n, 0)); }
  function dropRight(arr, n) {
    n = n === undefined ? 1 : n;
    var list = toArr(arr);
    return list.slice(0, Math.max(list.length - n, 0));
  }
  function range(start, end, step) {
    if (end === undefined) { end = start; start = 0; }
    start = Number(start) || 0;
    end = Number(end) || 0;
    step = step === undefined ? (start < end ? 1 : -1) : Number(step) || 0;
    var n = Math.max(Math.ceil((end - start) / (step || 1)), 0);
    var out = [];
    for (var i = 0; i < n; i++) { out.push(start); start += step; }
    return out;
  }
  function times(n, fn) {
    fn = fn ? iteratee(fn) : identity;
    var out = [];
    for (var i = 0; i < n; i++) out.push(fn(i));
    return out;
  }
  function random(lower, upper, floating) {
    if (typeof upper === 'boolean') { floating = upper; upper = undefined; }
    if (typeof lower === 'boolean') { floating = lower; lower = undefined; }
    if (lower === undefined && upper === undefined) { lower = 0; upper = 1; }
    if (upper === undefined) { upper = lower; lower = 0; }
    lower = Number(lower);
    upper = Number(upper);
    if (lower > upper) { var t = lower; lower = upper; upper = t; }
    if (floating || lower % 1 || upper % 1) return lower + Math.random() * (upper - lower);
    return lower + Math.floor(Math.random() * (upper - lower + 1));
  }
  function shuffle(coll) {
    var list = isArrayLike(coll) ? toArr(coll) : values(coll);
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    return list;
  }
  function sample(coll) {
    var list = isArrayLike(coll) ? toArr(coll) : values(coll);
    return list.length ? list[Math.floor(Math.random() * list.length)] : undefined;
  }
  function sampleSize(coll, n) { return shuffle(coll).slice(0, n === undefined ? 1 : n); }
  function head(arr) { return arr && arr.length ? arr[0] : undefined; }
  function last(arr) { return arr && arr.length ? arr[arr.length - 1] : undefined; }
  function initial(arr) { return toArr(arr).slice(0, -1); }
  function tail(arr) { return toArr(arr).slice(1); }
  function nth(arr, n) {
    n = n || 0;
    return arr ? arr[n < 0 ? arr.length + n : n] : undefined;
  }
  function indexOf(arr, v, from) {
    var list = toArr(arr);
    var start = from ? (from < 0 ? Math.max(list.length + from, 0) : from) : 0;
    var i = sameValueZeroIndex(list.slice(start), v);
    return i === -1 ? -1 : i + start;
  }
  function concat() {
    var args = Array.prototype.slice.call(arguments);
    return [].concat.apply(Array.isArray(args[0]) ? args[0].slice() : [args[0]], args.slice(1));
  }
  function join(arr, sep) { return toArr(arr).join(sep === undefined ? ',' : sep); }
  function reverse(arr) { return arr.reverse(); }
  function fill(arr, value, start, end) {
    for (var i = start || 0; i < (end === undefined ? arr.length : end); i++) arr[i] = value;
    return arr;
  }
  function sumBy(arr, fn) {
    fn = iteratee(fn);
    var total;
    toArr(arr).forEach(function (v) {
      var x = fn(v);
      if (x !== undefined) total = total === undefined ? x : total + x;
    });
    return total === undefined ? 0 : total;
  }
  function sum(arr) { return sumBy(arr, identity); }
  function meanBy(arr, fn) {
    var list = toArr(arr);
    return list.length ? sumBy(list, fn) / list.length : NaN;
  }
  function mean(arr) { return meanBy(arr, identity); }
  function extremum(arr, fn, better) {
    fn = iteratee(fn);
    var best;
    var bestKey;
    toArr(arr).forEach(function (v) {
      var k = fn(v);
      if (k !== null && k === k && typeof k !== 'symbol' && // eslint-disable-line no-self-compare
        (bestKey === undefined || better(k, bestKey))) {
        best = v;
        bestKey = k;
      }
    });
    return best;
  }
  function max(arr) { return extremum(arr, identity, function (a, b) { return a > b; }); }
  function min(arr) { return extremum(arr, identity, function (a, b) { return a < b; }); }
  function maxBy(arr, fn) { return extremum(arr, fn, function (a, b) { return a > b; }); }
  function minBy(arr, fn) { return extremum(arr, fn, function (a, b) { return a < b; }); }

  // --- objects -------------------------------------------------------------------
  function pick(obj) {
    var paths = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    var out = {};
    if (obj === null || obj === undefined) return out;
    paths.forEach(function (p) { if (hasIn(obj, p)) set(out, p, get(obj, p)); });
    return out;
  }
  function pickBy(obj, fn) {
    fn = iteratee(fn);
    var out = {};
    each(obj, function (v, k) { if (fn(v, k)) out[k] = v; });
    return out;
  }
  function omit(obj) {
    var paths = baseFlatten(Array.prototype.slice.call(arguments, 1), 1);
    if (obj === null || obj === undefined) return {};
    var out = cloneDeepWith(obj, true);
    paths.forEach(function (p) { unset(out, p); });
    return out;
  }
  function omitBy(obj, fn) {
    fn = iteratee(fn);
    return pickBy(obj, function (v, k) { return !fn(v, k); });
  }
  function assign(target) {
    target = Object(target);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src !== null && src !== undefined) Object.keys(src).forEach(function (k) { target[k] = src[k]; });
    }
    return target;
  }
  function assignIn(target) {
    target = Object(target);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      for (var k in src) target[k] = src[k];
    }
    return target;
  }
  function defaults(target) {
    target = Object(target);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      for (var k in src) {
        if (target[k] === undefined || (target[k] === Object.prototype[k] && !hasOwn.call(target, k))) {
          target[k] = src[k];
        }
      }
    }
    return target;
  }
  function baseMerge(target, src, custom) {
    Object.keys(src).forEach(function (k) {
      if (k === '__proto__' || k === 'constructor') return;
      var sv = src[k];
      var tv = target[k];
      var res = custom ? custom(tv, sv, k, target, src) : undefined;
      if (res !== undefined) { target[k] = res; return; }
      if (Array.isArray(sv)) {
        var base = Array.isArray(tv) ? tv : (isArrayLike(tv) && typeof tv !== 'string' ? toArr(tv) : []);
        target[k] = baseMerge(base, sv, custom);
      } else if (isPlainObject(sv)) {
        var baseObj = isObject(tv) && typeof tv !== 'function' ? tv : {};
        target[k] = baseMerge(baseObj, sv, custom);
      } else if (sv !== undefined || !hasOwn.call(target, k)) {
        if (sv !== undefined || tv === undefined) target[k] = sv;
      }
    });
    return target;
  }
  function merge(target) {
    target = Object(target);
    for (var i = 1; i < arguments.length; i++) {
      if (arguments[i] !== null && arguments[i] !== undefined) baseMerge(target, Object(arguments[i]));
    }
    return target;
  }
  function mergeWith(target) {
    var args = Array.prototype.slice.call(arguments, 1);
    var custom = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    target = Object(target);
    args.forEach(function (src) { if (src !== null && src !== undefined) baseMerge(target, Object(src), custom); });
    return target;
  }
  function cloneDeepWith(v, deep, seen) {
    if (!isObject(v) || typeof v === 'function') return v;
    seen = seen || new Map();
    if (seen.has(v)) return seen.get(v);
    var out;
    if (Array.isArray(v)) out = [];
    else if (v instanceof Date) return new Date(v.getTime());
    else if (v instanceof RegExp) return new RegExp(v.source, v.flags);
    else if (v instanceof Map) {
      out = new Map();
      seen.set(v, out);
      v.forEach(function (val, k) { out.set(k, deep ? cloneDeepWith(val, deep, seen) : val); });
      return out;
    } else if (v instanceof Set) {
      out = new Set();
      seen.set(v, out);
      v.forEach(function (val) { out.add(deep ? cloneDeepWith(val, deep, seen) : val); });
      return out;
    } else out = Object.create(Object.getPrototypeOf(v));
    seen.set(v, out);
    Object.keys(v).forEach(function (k) { out[k] = deep ? cloneDeepWith(v[k], deep, seen) : v[k]; });
    return out;
  }
  function cloneDeep(v) { return cloneDeepWith(v, true); }
  function clone(v) { return cloneDeepWith(v, false); }
  function toPairs(obj) { return keys(obj).map(function (k) { return [k, obj[k]]; }); }
  function fromPairs(pairs) {
    var out = {};
    toArr(pairs).forEach(function (p) { out[p[0]] = p[1]; });
    return out;
  }
  function mapValues(obj, fn) {
    fn = iteratee(fn);
    var out = {};
    each(obj, function (v, k, o) { out[k] = fn(v, k, o); });
    return out;
  }
  function mapKeys(obj, fn) {
    fn = iteratee(fn);
    var out = {};
    each(obj, function (v, k, o) { out[fn(v, k, o)] = v; });
    return out;
  }
  function invert(obj) {
    var out = {};
    each(obj, function (v, k) { out[v] = k; });
    return out;
  }
  function forOwn(obj, fn) {
    fn = iteratee(fn);
    if (obj !== null && obj !== undefined) {
      var ks = Object.keys(obj);
      for (var i = 0; i < ks.length; i++) if (fn(obj[ks[i]], ks[i], obj) === false) break;
    }
    return obj;
  }
  function result(obj, path, defaultValue) {
    var v = get(obj, path, defaultValue);
    if (typeof v === 'function') {
      var parts = castPath(path, obj);
      return v.call(parts.length > 1 ? get(obj, parts.slice(0, -1)) : obj);
    }
    return v;
  }

  // --- strings ----------------------------------------------------------------------
  function toStringValue(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.map(toStringValue).join(',');
    if (typeof v === 'number' && v === 0 && 1 / v === -Infinity) return '-0';
    return String(v);
  }
  function charsRe(chars) {
    return chars.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  }
  function trim(s, chars) {
    s = toStringValue(s);
    if (chars === undefined) return s.trim();
    var c = charsRe(chars);
    return s.replace(new RegExp('^[' + c + ']+|[' + c + ']+$', 'g'), '');
  }
  function trimStart(s, chars) {
    s = toStringValue(s);
    return chars === undefined ? s.replace(/^\s+/, '') : s.replace(new RegExp('^[' + charsRe(chars) + ']+'), '');
  }
  function trimEnd(s, chars) {
    s = toStringValue(s);
    return chars === undefined ? s.replace(/\s+$/, '') : s.replace(new RegExp('[' + charsRe(chars) + ']+$'), '');
  }
  function createPadding(len, chars) {
    chars = chars === undefined ? ' ' : toStringValue(chars);
    if (!chars || len <= 0) return '';
    var out = '';
    while (out.length < len) out += chars;
    return out.slice(0, len);
  }
  function padStart(s, len, chars) {
    s = toStringValue(s);
    return createPadding((len || 0) - s.length, chars) + s;
  }
  function padEnd(s, len, chars) {
    s = toStringValue(s);
    return s + createPadding((len || 0) - s.length, chars);
  }
  function pad(s, len, chars) {
    s = toStringValue(s);
    var total = (len || 0) - s.length;
    if (total <= 0) return s;
    var left = Math.floor(total / 2);
    return createPadding(left, chars) + s + createPadding(total - left, chars);
  }
  var WORD_RE = /[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+(?:['\u2019](?:d|ll|m|re|s|t|ve))?(?=[\s\W_]|[A-Z\xc0-\xd6\xd8-\xde]|$)|(?:[A-Z\xc0-\xd6\xd8-\xde]|[^\s\W\d_a-z\xdf-\xf6\xf8-\xff])+(?:['\u2019](?:D|LL|M|RE|S|T|VE))?(?=[\s\W_]|[A-Z\xc0-\xd6\xd8-\xde](?:[a-z\xdf-\xf6\xf8-\xff]|[^\s\W\d_A-Z\xc0-\xd6\xd8-\xde])|$)|[A-Z\xc0-\xd6\xd8-\xde]?(?:[a-z\xdf-\xf6\xf8-\xff]|[^\s\W\d_A-Z\xc0-\xd6\xd8-\xde])+(?:['\u2019](?:d|ll|m|re|s|t|ve))?|[A-Z\xc0-\xd6\xd8-\xde]+(?:['\u2019](?:D|LL|M|RE|S|T|VE))?|\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])|\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])|\d+/g;
  function words(s, pattern) {
    s = toStringValue(s);
    if (pattern !== undefined) return s.match(pattern) || [];
    return s.replace(/['\u2019]/g, '').match(WORD_RE) || [];
  }
  function upperFirst(s) { s = toStringValue(s); return s.charAt(0).toUpperCase() + s.slice(1); }
  function lowerFirst(s) { s = toStringValue(s); return s.charAt(0).toLowerCase() + s.slice(1); }
  function capitalize(s) { return upperFirst(toStringValue(s).toLowerCase()); }
  function camelCase(s) {
    return words(s).map(function (w, i) {
      w = w.toLowerCase();
      return i ? upperFirst(w) : w;
    }).join('');
  }
  function joinWords(sep, lower) {
    return function (s) {
      return words(s).map(function (w) { return lower ? w.toLowerCase() : w; }).join(sep);
    };
  }
  var kebabCase = joinWords('-', true);
  var snakeCase = joinWords('_', true);
  var lowerCase = joinWords(' ', true);
  function startCase(s) { return words(s).map(upperFirst).join(' '); }
  function upperCase(s) { return words(s).map(function (w) { return w.toUpperCase(); }).join(' '); }
  function escapeHtml(s) {
    var map = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    return toStringValue(s).replace(/[&<>"']/g, function (c) { return map[c]; });
  }
  function unescapeHtml(s) {
    var map = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
    return toStringValue(s).replace(/&(?:amp|lt|gt|quot|#39);/g, function (c) { return map[c]; });
  }

  // --- functions / misc ---------------------------------------------------------------
  function once(fn) {
    var called = false;
    var value;
    return function () {
      if (!called) { called = true; value = fn.apply(this, arguments); }
      return value;
    };
  }
  function memoize(fn, resolver) {
    var memo = function () {
      var key = resolver ? resolver.apply(this, arguments) : arguments[0];
      if (memo.cache.has(key)) return memo.cache.get(key);
      var v = fn.apply(this, arguments);
      memo.cache.set(key, v);
      return v;
    };
    memo.cache = new Map();
    return memo;
  }
  var idCounter = 0;
  function uniqueId(prefix) { idCounter += 1; return toStringValue(prefix) + idCounter; }
  function toNumber(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'symbol') return NaN;
    if (typeof v === 'string') {
      var t = v.trim();
      if (/^0b[01]+$/i.test(t)) return parseInt(t.slice(2), 2);
      if (/^0o[0-7]+$/i.test(t)) return parseInt(t.slice(2), 8);
      return t === '' ? 0 : +t;
    }
    return +v;
  }
  function toInteger(v) {
    var n = toNumber(v);
    if (n === Infinity || n === -Infinity) return (n < 0 ? -1 : 1) * Number.MAX_VALUE;
    return n === n ? Math.trunc(n) : 0; // eslint-disable-line no-self-compare
  }
  function clamp(n, lower, upper) {
    if (upper === undefined) { upper = lower; lower = undefined; }
    if (upper !== undefined && n > upper) n = upper;
    if (lower !== undefined && n < lower) n = lower;
    return n;
  }
  function inRange(n, start, end) {
    if (end === undefined) { end = start; start = 0; }
    return n >= Math.min(start, end) && n < Math.max(start, end);
  }
  function round(n, precision) {
    var p = Math.pow(10, precision || 0);
    return Math.round(n * p) / p;
  }
  function floor(n, precision) {
    var p = Math.pow(10, precision || 0);
    return Math.floor(n * p) / p;
  }
  function ceil(n, precision) {
    var p = Math.pow(10, precision || 0);
    return Math.ceil(n * p) / p;
  }

  // _(value) wraps with lodash's implicit chaining: collection-returning methods
  // stay wrapped (call .value() to unwrap), the others return plain values.
  function _(value) { return value instanceof Wrapper ? value : new Wrapper(value, false); }
  function Wrapper(value, explicit) {
    this.__wrapped__ = value;
    this.__chain__ = explicit;
  }
  Wrapper.prototype.value = function () { return this.__wrapped__; };
  Wrapper.prototype.valueOf = Wrapper.prototype.value;
  Wrapper.prototype.toJSON = Wrapper.prototype.value;
  Wrapper.prototype.chain = function () { return new Wrapper(this.__wrapped__, true); };
  var CHAINABLE = ('assign assignIn chunk compact concat countBy defaults difference drop ' +
    'dropRight filter flatten flattenDeep flattenDepth fromPairs groupBy initial intersection ' +
    'invert keyBy keys map mapKeys mapValues merge omit omitBy orderBy partition pick pickBy ' +
    'range reject reverse shuffle sortBy tail take takeRight times toPairs union uniq uniqBy ' +
    'values without zip').split(' ');

  var api = {
    isNil: isNil, isNull: function (v) { return v === null; },
    isUndefined: function (v) { return v === undefined; },
    isObject: isObject, isObjectLike: isObjectLike, isPlainObject: isPlainObject,
    isArray: Array.isArray, isArrayLike: isArrayLike, isString: isString, isNumber: isNumber,
    isBoolean: isBoolean, isFunction: function (v) { return typeof v === 'function'; },
    isDate: function (v) { return v instanceof Date; },
    isRegExp: function (v) { return v instanceof RegExp; },
    isError: function (v) { return v instanceof Error; },
    isNaN: function (v) { return isNumber(v) && +v !== +v; }, // eslint-disable-line no-self-compare
    isFinite: function (v) { return typeof v === 'number' && isFinite(v); },
    isInteger: Number.isInteger, isSafeInteger: Number.isSafeInteger,
    isSymbol: function (v) { return typeof v === 'symbol'; },
    isMap: function (v) { return v instanceof Map; }, isSet: function (v) { return v instanceof Set; },
    isEmpty: isEmpty, isEqual: function (a, b) { return isEqual(a, b); }, isMatch: isMatch,
    get: get, set: set, has: has, hasIn: hasIn, unset: unset, toPath: toPath, result: result,
    identity: identity, iteratee: iteratee, property: property, matches: matches,
    matchesProperty: matchesProperty, constant: function (v) { return function () { return v; }; },
    noop: function () {},
    keys: keys, keysIn: keysIn, values: values, forEach: each, each: each,
    forEachRight: eachRight, eachRight: eachRight, forOwn: forOwn, forIn: forOwn,
    map: map, filter: filter, reject: reject, find: find, findLast: findLast,
    findIndex: findIndex, findLastIndex: findLastIndex, findKey: findKey,
    reduce: reduce, reduceRight: reduceRight, some: some, every: every, includes: includes,
    contains: includes, size: size, groupBy: groupBy, keyBy: keyBy, countBy: countBy,
    partition: partition, sortBy: sortBy, orderBy: orderBy,
    flatten: flatten, flattenDeep: flattenDeep, flattenDepth: flattenDepth, uniq: uniq,
    uniqBy: uniqBy, uniqWith: uniqWith, difference: difference, differenceBy: differenceBy,
    intersection: intersection, union: union, without: without, zip: zip, unzip: unzip,
    zipObject: zipObject, chunk: chunk, compact: compact, take: take, takeRight: takeRight,
    drop: drop, dropRight: dropRight, range: range, times: times, random: random,
    shuffle: shuffle, sample: sample, sampleSize: sampleSize, head: head, first: head,
    last: last, initial: initial, tail: tail, nth: nth, indexOf: indexOf, concat: concat,
    join: join, reverse: reverse, fill: fill, sum: sum, sumBy: sumBy, mean: mean,
    meanBy: meanBy, max: max, min: min, maxBy: maxBy, minBy: minBy,
    pick: pick, pickBy: pickBy, omit: omit, omitBy: omitBy, assign: assign, extend: assignIn,
    assignIn: assignIn, defaults: defaults, merge: merge, mergeWith: mergeWith,
    cloneDeep: cloneDeep, clone: clone, toPairs: toPairs, entries: toPairs,
    fromPairs: fromPairs, mapValues: mapValues, mapKeys: mapKeys, invert: invert,
    trim: trim, trimStart: trimStart, trimEnd: trimEnd, padStart: padStart, padEnd: padEnd,
    pad: pad, words: words, camelCase: camelCase, kebabCase: kebabCase, snakeCase: snakeCase,
    lowerCase: lowerCase, upperCase: upperCase, startCase: startCase, capitalize: capitalize,
    upperFirst: upperFirst, lowerFirst: lowerFirst,
    toUpper: function (s) { return toStringValue(s).toUpperCase(); },
    toLower: function (s) { return toStringValue(s).toLowerCase(); },
    startsWith: function (s, t, pos) { return toStringValue(s).startsWith(t, pos || 0); },
    endsWith: function (s, t, pos) { return toStringValue(s).endsWith(t, pos); },
    repeat: function (s, n) { return toStringValue(s).repeat(n === undefined ? 1 : Math.max(toInteger(n), 0)); },
    split: function (s, sep, limit) { return toStringValue(s).split(sep, limit); },
    replace: function (s, pattern, replacement) { return toStringValue(s).replace(pattern, replacement); },
    escape: escapeHtml, unescape: unescapeHtml,
    escapeRegExp: function (s) { return toStringValue(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); },
    toString: toStringValue, toNumber: toNumber, toInteger: toInteger,
    toArray: function (v) { return isArrayLike(v) ? toArr(v) : values(v); },
    once: once, memoize: memoize, uniqueId: uniqueId, clamp: clamp, inRange: inRange,
    round: round, floor: floor, ceil: ceil,
    add: function (a, b) { return a + b; }, subtract: function (a, b) { return a - b; },
    now: function () { return Date.now(); },
    VERSION: '4.17.21'
  };
  Object.keys(api).forEach(function (name) {
    _[name] = api[name];
    if (typeof api[name] !== 'function') return;
    var chainable = CHAINABLE.indexOf(name) !== -1;
    Wrapper.prototype[name] = function () {
      var args = [this.__wrapped__].concat(Array.prototype.slice.call(arguments));
      var r = api[name].apply(null, args);
      return this.__chain__ || chainable ? new Wrapper(r, this.__chain__) : r;
    };
  });
  _.chain = function (value) { return new Wrapper(value, true); };
  G.__harness_lodash = _;
})(globalThis);
