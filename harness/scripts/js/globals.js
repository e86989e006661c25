/*
 * harness: byte helpers shared by the libraries, plus the globals Postman
 * scripts expect: atob, btoa and a minimal Node-style Buffer.
 *
 * Exposes globalThis.__harness_bytes (internal helpers), atob, btoa, Buffer.
 */
(function (G) {
  'use strict';

  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var B64_INDEX = {};
  for (var i = 0; i < B64.length; i++) B64_INDEX[B64.charAt(i)] = i;
  B64_INDEX['-'] = 62;
  B64_INDEX._ = 63;

  // --- UTF-8 ------------------------------------------------------------------
  function utf8Encode(str) {
    var out = [];
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) {
        out.push(c);
      } else if (c < 0x800) {
        out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      } else if (c < 0x10000) {
        out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      } else {
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63),
          0x80 | (c & 63));
      }
    }
    return out;
  }

  function utf8Decode(bytes) {
    var out = '';
    var i = 0;
    var n = bytes.length;
    while (i < n) {
      var b = bytes[i++];
      var cp;
      var need = 0;
      if (b < 0x80) { cp = b; } else if (b >= 0xc2 && b < 0xe0) { cp = b & 31; need = 1; } else if (b >= 0xe0 && b < 0xf0) { cp = b & 15; need = 2; } else if (b >= 0xf0 && b < 0xf5) { cp = b & 7; need = 3; } else { out += '\ufffd'; continue; }
      var ok = true;
      for (var k = 0; k < need; k++) {
        if (i >= n || (bytes[i] & 0xc0) !== 0x80) { ok = false; break; }
        cp = (cp << 6) | (bytes[i++] & 63);
      }
      if (!ok) { out += '\ufffd'; continue; }
      if (cp >= 0x10000) {
        cp -= 0x10000;
        out += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023));
      } else {
        out += String.fromCharCode(cp);
      }
    }
    return out;
  }

  // --- latin1 / hex / base64 ------------------------------------------------------
  function latin1Encode(str) {
    var out = new Array(str.length);
    for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 0xff;
    return out;
  }

  function latin1Decode(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i += 8192) {
      out += String.fromCharCode.apply(null, Array.prototype.slice.call(bytes, i, i + 8192));
    }
    return out;
  }

  function hexEncode(bytes) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  function hexDecode(str) {
    var out = [];
    for (var i = 0; i + 1 < str.length; i += 2) {
      var v = parseInt(str.substr(i, 2), 16);
      if (isNaN(v)) break;
      out.push(v);
    }
    return out;
  }

  function base64Encode(bytes, url) {
    var out = '';
    var i;
    for (i = 0; i + 2 < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    var rest = bytes.length - i;
    if (rest === 1) {
      var a = bytes[i] << 16;
      out += B64[a >> 18] + B64[(a >> 12) & 63] + (url ? '' : '==');
    } else if (rest === 2) {
      var b = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out += B64[b >> 18] + B64[(b >> 12) & 63] + B64[(b >> 6) & 63] + (url ? '' : '=');
    }
    if (url) out = out.replace(/\+/g, '-').replace(/\//g, '_');
    return out;
  }

  // Lenient decoding (like Node's Buffer): skips characters outside the alphabet.
  function base64Decode(str) {
    var out = [];
    var acc = 0;
    var bits = 0;
    for (var i = 0; i < str.length; i++) {
      var ch = str.charAt(i);
      if (ch === '=') break;
      var v = B64_INDEX[ch];
      if (v === undefined) continue;
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((acc >> bits) & 0xff);
      }
    }
    return out;
  }

  var bytes = {
    utf8Encode: utf8Encode,
    utf8Decode: utf8Decode,
    latin1Encode: latin1Encode,
    latin1Decode: latin1Decode,
    hexEncode: hexEncode,
    hexDecode: hexDecode,
    base64Encode: base64Encode,
    base64Decode: base64Decode
  };
  G.__harness_bytes = bytes;

  // --- atob / btoa (browser semantics) -------------------------------------------
  function invalidCharacter(message) {
    var err = new Error(message);
    err.name = 'InvalidCharacterError';
    return err;
  }

  G.btoa = function btoa(input) {
    var s = String(input);
    for (var i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 255) throw invalidCharacter('Invalid character');
    }
    return base64Encode(latin1Encode(s));
  };

  G.atob = function atob(input) {
    var s = String(input).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) {
      throw invalidCharacter('The string to be decoded is not correctly encoded.');
    }
    return latin1Decode(base64Decode(s));
  };

  // --- Buffer (minimal) -------------------------------------------------------------
  function encodeString(str, encoding) {
    switch (String(encoding || 'utf8').toLowerCase()) {
      case 'utf8': case 'utf-8': return utf8Encode(str);
      case 'hex': return hexDecode(str);
      case 'base64': case 'base64url': return base64Decode(str);
      case 'latin1': case 'binary': case 'ascii': return latin1Encode(str);
      default: throw new TypeError('Unknown encoding: ' + encoding);
    }
  }

  class Buffer extends Uint8Array {
    static from(value, encodingOrOffset, length) {
      if (typeof value === 'string') return Buffer._of(encodeString(value, encodingOrOffset));
      if (value instanceof ArrayBuffer) {
        return new Buffer(value, encodingOrOffset || 0,
          length === undefined ? value.byteLength - (encodingOrOffset || 0) : length);
      }
      if (value && typeof value === 'object' && value.type === 'Buffer' && Array.isArray(value.data)) {
        return Buffer._of(value.data);
      }
      return Buffer._of(Array.prototype.slice.call(value));
    }

    static _of(arr) {
      var buf = new Buffer(arr.length);
      for (var i = 0; i < arr.length; i++) buf[i] = arr[i];
      return buf;
    }

    static alloc(size, fill) {
      var buf = new Buffer(size);
      if (fill !== undefined) buf.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill);
      return buf;
    }

    static isBuffer(obj) { return obj instanceof Buffer; }

    static byteLength(str, encoding) {
      return typeof str === 'string' ? encodeString(str, encoding).length : str.length;
    }

    static concat(list, totalLength) {
      var all = [];
      list.forEach(function (b) { for (var i = 0; i < b.length; i++) all.push(b[i]); });
      if (totalLength !== undefined) all = all.slice(0, totalLength);
      return Buffer._of(all);
    }

    static isEncoding(enc) {
      return ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii']
        .indexOf(String(enc).toLowerCase()) !== -1;
    }

    toString(encoding, start, end) {
      var view = Array.prototype.slice.call(this, start || 0, end === undefined ? this.length : end);
      switch (String(encoding || 'utf8').toLowerCase()) {
        case 'utf8': case 'utf-8': return utf8Decode(view);
        case 'hex': return hexEncode(view);
        case 'base64': return base64Encode(view);
        case 'base64url': return base64Encode(view, true);
        case 'latin1': case 'binary': return latin1Decode(view);
        case 'ascii': return latin1Decode(view.map(function (b) { return b & 0x7f; }));
        default: throw new TypeError('Unknown encoding: ' + encoding);
      }
    }

    toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; }

    equals(other) {
      if (this.length !== other.length) return false;
      for (var i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
      return true;
    }

    slice(start, end) { return Buffer._of(Array.prototype.slice.call(this, start, end)); }
  }
  G.Buffer = Buffer;
})(globalThis);
