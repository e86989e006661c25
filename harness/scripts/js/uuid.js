/*
 * harness: require('uuid') — v4 random UUIDs (also callable directly, as
 * Postman's sandbox allows `uuid()`), plus validate/version/NIL.
 * Exposes globalThis.__harness_uuid.
 */
(function (G) {
  'use strict';
  var HEX = '0123456789abcdef';

  function v4() {
    var s = '';
    for (var i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        s += '-';
      } else if (i === 14) {
        s += '4';
      } else if (i === 19) {
        s += HEX[8 + Math.floor(Math.random() * 4)];
      } else {
        s += HEX[Math.floor(Math.random() * 16)];
      }
    }
    return s;
  }

  var PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;

  var uuid = function () { return v4(); };
  uuid.v4 = v4;
  uuid.NIL = '00000000-0000-0000-0000-000000000000';
  uuid.validate = function (s) { return typeof s === 'string' && PATTERN.test(s); };
  uuid.version = function (s) {
    if (!uuid.validate(s)) throw new TypeError('Invalid UUID');
    return parseInt(s.substr(14, 1), 16);
  };
  G.__harness_uuid = uuid;
})(globalThis);
