/*
 * harness: a crypto-js compatible subset (require('crypto-js')).
 *
 * WordArray / encoders are implemented here; the digests and HMAC come from hash.js
 * (globalThis.__harness_hash), which works on the same 32-bit big-endian words.
 * Not implemented: ciphers (AES, DES, ...), PBKDF2, SHA3, RIPEMD160.
 */
(function (G) {
  'use strict';
  var bytes = G.__harness_bytes;
  var hash = G.__harness_hash;

  function WordArray(words, sigBytes) {
    this.words = words || [];
    this.sigBytes = sigBytes !== undefined ? sigBytes : this.words.length * 4;
  }

  function fromBytes(arr) {
    var words = [];
    for (var i = 0; i < arr.length; i++) words[i >>> 2] |= (arr[i] & 0xff) << (24 - (i % 4) * 8);
    return new WordArray(words, arr.length);
  }

  function toBytes(wa) {
    var out = new Array(wa.sigBytes);
    for (var i = 0; i < wa.sigBytes; i++) out[i] = (wa.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff;
    return out;
  }

  var Hex = {
    stringify: function (wa) { return bytes.hexEncode(toBytes(wa)); },
    parse: function (str) { return fromBytes(bytes.hexDecode(str)); }
  };
  var Latin1 = {
    stringify: function (wa) { return bytes.latin1Decode(toBytes(wa)); },
    parse: function (str) { return fromBytes(bytes.latin1Encode(str)); }
  };
  var Utf8 = {
    stringify: function (wa) {
      var b = toBytes(wa);
      var s = bytes.utf8Decode(b);
      if (s.indexOf('\ufffd') !== -1 && bytes.utf8Encode(s).length !== b.length) {
        throw new Error('Malformed UTF-8 data');
      }
      return s;
    },
    parse: function (str) {
      var words = [];
      for (var i = 0; i < str.length; i++) {  // ASCII fast path: one byte per character
        var c = str.charCodeAt(i);
        if (c > 0x7f) return fromBytes(bytes.utf8Encode(str));
        words[i >>> 2] |= c << (24 - (i % 4) * 8);
      }
      return new WordArray(words, str.length);
    }
  };
  var Base64 = {
    stringify: function (wa) { return bytes.base64Encode(toBytes(wa)); },
    parse: function (str) { return fromBytes(bytes.base64Decode(str)); }
  };
  var Base64url = {
    stringify: function (wa, urlSafe) {
      return bytes.base64Encode(toBytes(wa), urlSafe === undefined ? true : urlSafe);
    },
    parse: function (str) { return fromBytes(bytes.base64Decode(str)); }
  };
  var Utf16 = {
    stringify: function (wa) {
      var b = toBytes(wa);
      var s = '';
      for (var i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
      return s;
    },
    parse: function (str) {
      var b = [];
      for (var i = 0; i < str.length; i++) b.push(str.charCodeAt(i) >> 8, str.charCodeAt(i) & 0xff);
      return fromBytes(b);
    }
  };
  Utf16.BE = Utf16;

  WordArray.prototype = {
    constructor: WordArray,
    toString: function (encoder) { return (encoder || Hex).stringify(this); },
    concat: function (other) {
      this.clamp();
      var mine = this.words, theirs = other.words, n = this.sigBytes, add = other.sigBytes;
      if (n % 4 === 0) {
        for (var i = 0; i * 4 < add; i++) mine[(n >>> 2) + i] = theirs[i] | 0;
      } else {
        for (var j = 0; j < add; j++) {
          var b = (theirs[j >>> 2] >>> (24 - (j % 4) * 8)) & 0xff;
          mine[(n + j) >>> 2] |= b << (24 - ((n + j) % 4) * 8);
        }
      }
      this.sigBytes = n + add;
      this.clamp();
      return this;
    },
    clamp: function () {
      var n = this.sigBytes, w = this.words;
      if (n % 4) w[n >>> 2] &= -1 << (32 - (n % 4) * 8);
      w.length = Math.ceil(n / 4);
    },
    clone: function () { return new WordArray(this.words.slice(0), this.sigBytes); }
  };
  WordArray.create = function (words, sigBytes) {
    if (words instanceof ArrayBuffer) words = new Uint8Array(words);
    if (ArrayBuffer.isView(words)) {
      return fromBytes(Array.prototype.slice.call(new Uint8Array(words.buffer,
        words.byteOffset, words.byteLength)));
    }
    return new WordArray(words, sigBytes);
  };
  WordArray.random = function (n) {
    var b = [];
    for (var i = 0; i < n; i++) b.push(Math.floor(Math.random() * 256));
    return fromBytes(b);
  };

  function toWordArray(data) {
    if (data instanceof WordArray) return data;
    if (data && typeof data === 'object' && Array.isArray(data.words)) {
      return new WordArray(data.words, data.sigBytes);
    }
    return Utf8.parse(String(data));
  }

  function digest(alg, data, key) {
    var msg = toWordArray(data);
    if (key === undefined) return new WordArray(hash.digest(alg, msg.words, msg.sigBytes));
    var k = toWordArray(key);
    return new WordArray(hash.hmac(alg, msg.words, msg.sigBytes, k.words, k.sigBytes));
  }

  function Hasher(alg, key) {
    this._alg = alg;
    this._key = key;
    this.reset();
  }
  Hasher.prototype.reset = function () { this._data = new WordArray([], 0); };
  Hasher.prototype.update = function (msg) {
    this._data.concat(toWordArray(msg));
    return this;
  };
  Hasher.prototype.finalize = function (msg) {
    if (msg !== undefined) this.update(msg);
    var result = digest(this._alg, this._data, this._key);
    this.reset();
    return result;
  };

  var CryptoJS = {
    lib: { WordArray: WordArray, Base: Object },
    enc: { Hex: Hex, Latin1: Latin1, Utf8: Utf8, Base64: Base64, Base64url: Base64url,
      Utf16: Utf16, Utf16BE: Utf16 },
    algo: {}
  };

  [['MD5', 'md5'], ['SHA1', 'sha1'], ['SHA224', 'sha224'], ['SHA256', 'sha256'],
    ['SHA384', 'sha384'], ['SHA512', 'sha512']].forEach(function (pair) {
    var name = pair[0];
    var alg = pair[1];
    CryptoJS[name] = function (msg) { return digest(alg, msg); };
    CryptoJS['Hmac' + name] = function (msg, key) { return digest(alg, msg, key); };
    CryptoJS.algo[name] = {
      _alg: alg,
      create: function () { return new Hasher(alg); }
    };
  });
  CryptoJS.algo.HMAC = {
    create: function (hasher, key) { return new Hasher(hasher._alg, key); }
  };

  G.__harness_cryptojs = CryptoJS;
})(globalThis);
