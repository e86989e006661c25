/*
 * harness: helpers shared by the JSON Schema validators behind tv4 (tv4.js) and ajv (ajv.js):
 * JSON types, deep equality, cached regular expressions, $ref resolution and ajv's formats.
 *
 * Exposes globalThis.__harness_jsonschema.
 */
(function (G) {
  'use strict';

  function jsonType(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    return typeof v;
  }

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function equal(a, b) {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return a !== a && b !== b;  // NaN
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var i = 0; i < ka.length; i++) {
      var k = ka[i];
      if (!Object.prototype.hasOwnProperty.call(b, k) || !equal(a[k], b[k])) return false;
    }
    return true;
  }

  var regexCache = Object.create(null);
  var regexCount = 0;

  // A RegExp for a schema pattern, compiled once (the cache is bounded).
  function regex(source, flags) {
    var key = (flags || '') + '/' + source;
    var re = regexCache[key];
    if (re === undefined) {
      if (regexCount > 500) { regexCache = Object.create(null); regexCount = 0; }
      re = regexCache[key] = new RegExp(source, flags || '');
      regexCount++;
    }
    return re;
  }

  function unescapePointer(seg) {
    return decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
  }

  // Follows a JSON pointer fragment ('', '/definitions/a') inside doc; undefined if absent.
  function pointer(doc, fragment) {
    if (fragment === '' || fragment === '/') return fragment === '' ? doc : doc && doc[''];
    var parts = fragment.split('/');
    var cur = doc;
    for (var i = 1; i < parts.length; i++) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = cur[unescapePointer(parts[i])];
    }
    return cur;
  }

  // Resolves ref against root and the registry of added schemas ({uri: schema}).
  // Returns {schema, path} (path: the pointer inside the document) or null.
  function resolveRef(ref, root, registry) {
    var hash = ref.indexOf('#');
    var base = hash === -1 ? ref : ref.slice(0, hash);
    var fragment = hash === -1 ? '' : ref.slice(hash + 1);
    var doc = root;
    if (base !== '') {
      doc = registry[base];
      if (doc === undefined) doc = registry[base + '#'];
      if (doc === undefined && root && (root.id === base || root.$id === base)) doc = root;
      if (doc === undefined) return null;
    }
    if (fragment !== '' && fragment.charAt(0) !== '/') return findId(doc, '#' + fragment);
    var found = pointer(doc, fragment);
    return found === undefined ? null : { schema: found, path: fragment, doc: doc };
  }

  function findId(doc, id) {
    var hit = null;
    (function walk(node, path) {
      if (hit || node === null || typeof node !== 'object') return;
      if (node.$id === id || node.id === id) { hit = { schema: node, path: path, doc: doc }; return; }
      for (var k in node) {
        if (k !== 'enum' && k !== 'const') walk(node[k], path + '/' + k);
      }
    })(doc, '');
    return hit;
  }

  function ipv6(s) {
    var m = /^([0-9a-f:]*?)(?::((?:\d{1,3}\.){3}\d{1,3}))?$/i.exec(s);
    if (!m) return false;
    var head = m[1], groups = m[2] ? 6 : 8;
    if (m[2] && !FORMATS.ipv4.test(m[2])) return false;
    if (m[2] && head.slice(-1) === ':' && head.slice(-2) !== '::') head = head.slice(0, -1);
    var halves = head.split('::');
    if (halves.length > 2) return false;
    function count(part) {
      if (part === '') return 0;
      var g = part.split(':');
      for (var i = 0; i < g.length; i++) if (!/^[0-9a-f]{1,4}$/i.test(g[i])) return -100;
      return g.length;
    }
    var n = count(halves[0]);
    if (halves.length === 1) return n === groups;
    var n2 = count(halves[1]);
    return n >= 0 && n2 >= 0 && n + n2 < groups;
  }

  // ajv 6 "fast" formats (the long URL / IPv6 / URI-template rules are simplified).
  var FORMATS = {
    date: /^\d\d\d\d-[0-1]\d-[0-3]\d$/,
    time: /^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$/i,
    'date-time': /^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i,
    uri: /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/)?[^\s]*$/i,
    'uri-reference': /^(?:(?:[a-z][a-z0-9+\-.]*:)?\/?\/)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$/i,
    'uri-template': /^(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2}|\{[+#./;?&=,!@|]?[a-z0-9_%,:*]+\})*$/i,
    url: /^(?:https?|ftp):\/\/[^\s/?#]+[^\s]*$/i,
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$/,
    ipv6: { test: function (s) { return ipv6(s.trim().replace(/%.+$/, '')); } },
    regex: { test: function (s) {
      if (/[^\\]\\Z/.test(s)) return false;
      try { new RegExp(s); return true; } catch (e) { return false; }
    } },
    uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    'json-pointer': /^(?:\/(?:[^~/]|~0|~1)*)*$/,
    'json-pointer-uri-fragment': /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
    'relative-json-pointer': /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/
  };

  G.__harness_jsonschema = {
    jsonType: jsonType,
    isObject: isObject,
    equal: equal,
    regex: regex,
    resolveRef: resolveRef,
    formats: FORMATS
  };
})(globalThis);
