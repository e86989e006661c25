/*
 * harness: a crypto-js compatible subset (require('crypto-js')).
 *
 * WordArray / encoders are implemented here; the digests are computed by the
 * host through __host_hash(alg, dataBase64, keyBase64OrEmpty) -> hex.
 * Not implemented: ciphers (AES, DES, ...), PBKDF2, SHA3, RIPEMD160.
 */
(function (G) {
  'use strict';
  var bytes = G.__harness_bytes;

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
    parse: function (str) { return fromBytes(bytes.utf8Encode(str)); }
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
      var mine = toBytes(this);
      var theirs = toBytes(other);
      var joined = fromBytes(mine.concat(theirs));
      this.words = joined.words;
      this.sigBytes = joined.sigBytes;
      return this;
    },
    clamp: function () {
      var b = toBytes(this);
      this.words = fromBytes(b).words;
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

  var BLOCK_SIZE = { md5: 64, sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

  function digest(alg, data, key) {
    var dataB64 = bytes.base64Encode(toBytes(toWordArray(data)));
    var keyB64 = '';
    if (key !== undefined) {
      var kb = toBytes(toWordArray(key));
      // HMAC pads the key with zeros up to the block size; an empty key is
      // sent as a block of zeros so that '' keeps meaning "no HMAC".
      if (kb.length === 0) kb = new Array(BLOCK_SIZE[alg]).fill(0);
      keyB64 = bytes.base64Encode(kb);
    }
    if (typeof G.__host_hash !== 'function') {
      throw new Error('crypto-js: hashing is not available (no __host_hash host function)');
    }
    return Hex.parse(G.__host_hash(alg, dataB64, keyB64));
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
