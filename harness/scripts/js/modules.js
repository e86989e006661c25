/*
 * harness: require() for Postman scripts.
 *
 * globalThis.__harness_modules maps a module name to a factory; require(name)
 * calls the factory once and caches the result. Unknown modules (fs,
 * child_process, ...) throw Error("module <name> is not available").
 * Registers: lodash, moment, crypto-js, uuid, chai, tv4, ajv, xml2js, atob,
 * btoa, buffer, url, querystring.
 *
 * Exposes globalThis.require, globalThis.__harness_modules, and the global
 * conveniences Postman provides: _ (lodash), CryptoJS, tv4, xml2Json.
 */
(function (G) {
  'use strict';
  var registry = G.__harness_modules || {};
  var cache = {};

  function querystringEncode(obj, sep, eq) {
    sep = sep || '&';
    eq = eq || '=';
    return Object.keys(obj || {}).map(function (k) {
      var v = obj[k];
      var ek = encodeURIComponent(k);
      if (Array.isArray(v)) {
        return v.map(function (x) { return ek + eq + encodeURIComponent(x); }).join(sep);
      }
      return ek + eq + encodeURIComponent(v === undefined || v === null ? '' : v);
    }).filter(Boolean).join(sep);
  }

  function querystringDecode(str, sep, eq) {
    sep = sep || '&';
    eq = eq || '=';
    var out = {};
    if (typeof str !== 'string' || !str.length) return out;
    str.split(sep).forEach(function (part) {
      if (!part) return;
      var idx = part.indexOf(eq);
      var k = idx >= 0 ? part.slice(0, idx) : part;
      var v = idx >= 0 ? part.slice(idx + eq.length) : '';
      var dec = function (s) {
        try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
      };
      k = dec(k);
      v = dec(v);
      if (Object.prototype.hasOwnProperty.call(out, k)) {
        out[k] = [].concat(out[k], v);
      } else {
        out[k] = v;
      }
    });
    return out;
  }

  function urlParse(str) {
    var m = /^(?:([a-z][a-z0-9+.-]*:))?(?:\/\/(?:([^@/?#]*)@)?([^:/?#]*)(?::(\d+))?)?([^?#]*)(\?[^#]*)?(#.*)?$/i
      .exec(String(str));
    if (!m) return null;
    var search = m[6] || null;
    var hostname = m[3] || null;
    return {
      protocol: m[1] ? m[1].toLowerCase() : null,
      slashes: /^[a-z][a-z0-9+.-]*:\/\//i.test(str) || null,
      auth: m[2] || null,
      host: hostname ? hostname.toLowerCase() + (m[4] ? ':' + m[4] : '') : null,
      port: m[4] || null,
      hostname: hostname ? hostname.toLowerCase() : null,
      hash: m[7] || null,
      search: search,
      query: search ? search.slice(1) : null,
      pathname: m[5] || (hostname ? '/' : null),
      path: (m[5] || (hostname ? '/' : '')) + (search || ''),
      href: String(str)
    };
  }

  var builtins = {
    lodash: function () { return G.__harness_lodash; },
    moment: function () { return G.__harness_moment; },
    'crypto-js': function () { return G.__harness_cryptojs; },
    uuid: function () { return G.__harness_uuid; },
    chai: function () { return G.__harness_chai; },
    tv4: function () { return G.__harness_tv4; },
    ajv: function () { return G.__harness_Ajv; },
    xml2js: function () { return G.__harness_xml2js; },
    atob: function () { return G.atob; },
    btoa: function () { return G.btoa; },
    buffer: function () { return { Buffer: G.Buffer }; },
    querystring: function () {
      return { stringify: querystringEncode, encode: querystringEncode,
        parse: querystringDecode, decode: querystringDecode,
        escape: encodeURIComponent, unescape: decodeURIComponent };
    },
    url: function () {
      var mod = { parse: urlParse };
      if (typeof G.URL === 'function') mod.URL = G.URL;
      if (typeof G.URLSearchParams === 'function') mod.URLSearchParams = G.URLSearchParams;
      return mod;
    }
  };
  Object.keys(builtins).forEach(function (name) {
    if (!Object.prototype.hasOwnProperty.call(registry, name)) registry[name] = builtins[name];
  });
  G.__harness_modules = registry;

  G.require = function require(name) {
    name = String(name);
    if (Object.prototype.hasOwnProperty.call(cache, name)) return cache[name];
    if (!Object.prototype.hasOwnProperty.call(registry, name)) {
      throw new Error('module ' + name + ' is not available');
    }
    var mod = registry[name]();
    cache[name] = mod;
    return mod;
  };

  // Globals that Postman's sandbox exposes without require().
  G._ = G.__harness_lodash;
  G.CryptoJS = G.__harness_cryptojs;
  G.tv4 = G.__harness_tv4;
})(globalThis);
