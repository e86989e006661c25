/*
 * harness: pure-JavaScript message digests for crypto-js (MD5, SHA-1, SHA-224/256/384/512)
 * and HMAC (RFC 1321, FIPS 180-4, RFC 2104).
 *
 * Messages are crypto-js word arrays: 32-bit big-endian words plus a byte count.
 * 64-bit SHA-512 arithmetic uses pairs of 32-bit ints (high, low).
 * Exposes globalThis.__harness_hash = { digest(alg, words, sigBytes), hmac(alg, words,
 * sigBytes, keyWords, keySigBytes), blockBytes: {alg: n} }; digests return signed 32-bit words.
 */
(function (G) {
  'use strict';
  var K256 = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var H256 = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  ];
  var H224 = [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4
  ];
  var K512 = [
    0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
    0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
    0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
    0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
    0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
    0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
    0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
    0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
    0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
    0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
    0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
    0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
    0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
    0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
    0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
    0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
    0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
    0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
    0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
    0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817
  ];
  var H512 = [
    0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
    0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179
  ];
  var H384 = [
    0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
    0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4
  ];
  var T_MD5 = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
  ];
  var W32 = new Array(80).fill(0);
  var WH = new Int32Array(80);
  var WL = new Int32Array(80);

  // Copies the message into a zeroed buffer of whole blocks with FIPS 180-4 padding
  // (0x80, zeros, bit length in the last lenWords words, big-endian).
  function pad(words, sigBytes, blockWords, lenWords) {
    var blockBytes = blockWords * 4;
    var total = Math.ceil((sigBytes + 1 + lenWords * 4) / blockBytes) * blockWords;
    var m = new Int32Array(total);
    var full = sigBytes >>> 2;
    for (var i = 0; i < full; i++) m[i] = words[i] | 0;
    var rem = sigBytes & 3;
    if (rem) m[full] = (words[full] | 0) & (-1 << (32 - rem * 8));
    m[full] |= 0x80 << (24 - rem * 8);
    var bits = sigBytes * 8;
    m[total - 1] = bits | 0;
    m[total - 2] = (bits / 4294967296) | 0;
    return m;
  }

  function swap(x) {
    return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }

  // Per-step shift amounts and message word indices (RFC 1321, section 3.4).
  var MD5_S = [];
  var MD5_G = [];
  (function () {
    var shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    for (var j = 0; j < 64; j++) {
      var r = j >> 4;
      MD5_S[j] = shifts[(r << 2) | (j & 3)];
      MD5_G[j] = (r === 0 ? j : r === 1 ? 5 * j + 1 : r === 2 ? 3 * j + 5 : 7 * j) & 15;
    }
  })();

  function md5(words, sigBytes) {
    var m = pad(words, sigBytes, 16, 2);
    var n = m.length;
    var hi = m[n - 2];
    for (var i = 0; i < n - 2; i++) m[i] = swap(m[i]);
    m[n - 2] = m[n - 1];  // the bit length is little-endian: low word first
    m[n - 1] = hi;
    var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    for (var off = 0; off < n; off += 16) {
      var a = a0, b = b0, c = c0, d = d0;
      for (var j = 0; j < 64; j++) {
        var f = j < 16 ? d ^ (b & (c ^ d)) : j < 32 ? c ^ (d & (b ^ c))
          : j < 48 ? b ^ c ^ d : c ^ (b | ~d);
        var s = MD5_S[j];
        var x = (a + f + T_MD5[j] + m[off + MD5_G[j]]) | 0;
        a = d; d = c; c = b;
        b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      }
      a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
    }
    return [swap(a0), swap(b0), swap(c0), swap(d0)];
  }

  function sha1(words, sigBytes) {
    var m = pad(words, sigBytes, 16, 2);
    var w = W32;
    var h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476,
      h4 = 0xc3d2e1f0 | 0;
    for (var off = 0; off < m.length; off += 16) {
      var t;
      for (t = 0; t < 16; t++) w[t] = m[off + t];
      for (; t < 80; t++) {
        var x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
        w[t] = (x << 1) | (x >>> 31);
      }
      var a = h0, b = h1, c = h2, d = h3, e = h4;
      for (t = 0; t < 80; t++) {
        var f, k;
        if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
        else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
        else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
        else { f = b ^ c ^ d; k = 0xca62c1d6; }
        var tmp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) | 0;
        e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = tmp;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
    }
    return [h0, h1, h2, h3, h4];
  }

  function sha256(words, sigBytes, iv, outWords) {
    var m = pad(words, sigBytes, 16, 2);
    var w = W32, K = K256;
    var h = iv.map(function (v) { return v | 0; });
    for (var off = 0; off < m.length; off += 16) {
      var t, x, y;
      for (t = 0; t < 16; t++) w[t] = m[off + t];
      for (; t < 64; t++) {
        x = w[t - 15];
        y = w[t - 2];
        w[t] = (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
          (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) +
          w[t - 7] + w[t - 16] | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (t = 0; t < 64; t++) {
        var t1 = (hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^
          ((e >>> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + K[t] + w[t]) | 0;
        var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^
          ((a >>> 22) | (a << 10))) + ((a & b) | (c & (a | b)))) | 0;
        hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0;
      h[3] = (h[3] + d) | 0; h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0;
      h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
    }
    return h.slice(0, outWords);
  }

  function sha512(words, sigBytes, iv, outWords) {
    var m = pad(words, sigBytes, 32, 4);
    var H = iv.map(function (v) { return v | 0; });
    var wh = WH, wl = WL, K = K512;
    for (var off = 0; off < m.length; off += 32) {
      var t, xh, xl, yh, yl, lo;
      for (t = 0; t < 16; t++) { wh[t] = m[off + 2 * t]; wl[t] = m[off + 2 * t + 1]; }
      for (; t < 80; t++) {
        xh = wh[t - 15]; xl = wl[t - 15]; yh = wh[t - 2]; yl = wl[t - 2];
        // sigma0 = rotr1 ^ rotr8 ^ shr7; sigma1 = rotr19 ^ rotr61 ^ shr6
        var s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
        var s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
        var s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
        var s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
        lo = (s0l >>> 0) + (s1l >>> 0) + (wl[t - 7] >>> 0) + (wl[t - 16] >>> 0);
        wh[t] = s0h + s1h + wh[t - 7] + wh[t - 16] + ((lo / 4294967296) | 0);
        wl[t] = lo;
      }
      var ah = H[0], al = H[1], bh = H[2], bl = H[3], ch = H[4], cl = H[5], dh = H[6], dl = H[7];
      var eh = H[8], el = H[9], fh = H[10], fl = H[11], gh = H[12], gl = H[13], hh = H[14],
        hl = H[15];
      for (t = 0; t < 80; t++) {
        // Sigma1(e) = rotr14 ^ rotr18 ^ rotr41; Sigma0(a) = rotr28 ^ rotr34 ^ rotr39
        var S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
        var S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
        var chh = gh ^ (eh & (fh ^ gh));
        var chl = gl ^ (el & (fl ^ gl));
        lo = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[2 * t + 1] >>> 0) + (wl[t] >>> 0);
        var t1h = (hh + S1h + chh + K[2 * t] + wh[t] + ((lo / 4294967296) | 0)) | 0;
        var t1l = lo | 0;
        var S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
        var S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
        var mjh = (ah & bh) | (ch & (ah | bh));
        var mjl = (al & bl) | (cl & (al | bl));
        hh = gh; hl = gl; gh = fh; gl = fl; fh = eh; fl = el;
        lo = (dl >>> 0) + (t1l >>> 0);
        eh = (dh + t1h + ((lo / 4294967296) | 0)) | 0; el = lo | 0;
        dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
        lo = (t1l >>> 0) + (S0l >>> 0) + (mjl >>> 0);
        ah = (t1h + S0h + mjh + ((lo / 4294967296) | 0)) | 0; al = lo | 0;
      }
      add64(H, 0, ah, al); add64(H, 2, bh, bl); add64(H, 4, ch, cl); add64(H, 6, dh, dl);
      add64(H, 8, eh, el); add64(H, 10, fh, fl); add64(H, 12, gh, gl); add64(H, 14, hh, hl);
    }
    return H.slice(0, outWords);
  }

  function add64(H, i, h, l) {
    var lo = (H[i + 1] >>> 0) + (l >>> 0);
    H[i] = (H[i] + h + ((lo / 4294967296) | 0)) | 0;
    H[i + 1] = lo | 0;
  }

  var ALGORITHMS = {
    md5: { block: 64, run: md5 },
    sha1: { block: 64, run: sha1 },
    sha224: { block: 64, run: function (w, n) { return sha256(w, n, H224, 7); } },
    sha256: { block: 64, run: function (w, n) { return sha256(w, n, H256, 8); } },
    sha384: { block: 128, run: function (w, n) { return sha512(w, n, H384, 12); } },
    sha512: { block: 128, run: function (w, n) { return sha512(w, n, H512, 16); } }
  };

  function algorithm(alg) {
    var a = ALGORITHMS[alg];
    if (!a) throw new Error('unsupported hash algorithm: ' + alg);
    return a;
  }

  function digest(alg, words, sigBytes) {
    return algorithm(alg).run(words, sigBytes);
  }

  // RFC 2104: H((K ^ opad) || H((K ^ ipad) || message)).
  function hmac(alg, words, sigBytes, keyWords, keySigBytes) {
    var a = algorithm(alg);
    var blockWords = a.block / 4;
    if (keySigBytes > a.block) {
      keyWords = a.run(keyWords, keySigBytes);
      keySigBytes = keyWords.length * 4;
    }
    var inner = new Array(blockWords + Math.ceil(sigBytes / 4));
    var outer = new Array(blockWords);
    var full = keySigBytes >>> 2, rem = keySigBytes & 3;
    for (var i = 0; i < blockWords; i++) {
      var k = i < full ? keyWords[i] | 0
        : i === full && rem ? (keyWords[i] | 0) & (-1 << (32 - rem * 8)) : 0;
      inner[i] = k ^ 0x36363636;
      outer[i] = k ^ 0x5c5c5c5c;
    }
    for (var j = 0; j * 4 < sigBytes; j++) inner[blockWords + j] = words[j] | 0;
    var innerHash = a.run(inner, a.block + sigBytes);
    var outLen = innerHash.length * 4;
    return a.run(outer.concat(innerHash), a.block + outLen);
  }

  var blockBytes = {};
  Object.keys(ALGORITHMS).forEach(function (k) { blockBytes[k] = ALGORITHMS[k].block; });
  G.__harness_hash = { digest: digest, hmac: hmac, blockBytes: blockBytes };
})(globalThis);
