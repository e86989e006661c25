/*
 * harness: `pm.response` (postman-collection Response semantics) and the chai-postman
 * assertions (`pm.response.to.have.status(200)` ...), with chai-postman's messages.
 */
(function (G) {
  'use strict';
  var L = G.__pmlib;

  function jsonError(text, err) {
    var e = new Error();
    e.name = 'JSONError';
    if (!text.length) {
      e.message = 'No data, empty input at 1:1\n\n^';
      return e;
    }
    var m = /position (\d+)/.exec(String(err && err.message)), pos = m ? Number(m[1]) : 0;
    var before = text.slice(0, pos), line = before.split('\n').length;
    var col = pos - before.lastIndexOf('\n');
    var lineText = text.split('\n')[line - 1] || '';
    var ch = text.charAt(pos);
    e.message = (ch ? "Unexpected token '" + ch + "'" : 'Unexpected end of input') +
      ' at ' + line + ':' + col + '\n' + lineText + '\n' + new Array(col).join(' ') + '^';
    return e;
  }

  function parseCookies(headers) {
    var out = [];
    headers.each(function (h) {
      if (String(h.key).toLowerCase() !== 'set-cookie') return;
      var parts = String(h.value).split(';'), first = parts.shift(), at = first.indexOf('=');
      var cookie = { name: first.slice(0, at).trim(), value: first.slice(at + 1).trim() };
      parts.forEach(function (p) {
        var eq = p.indexOf('='), k = (eq < 0 ? p : p.slice(0, eq)).trim().toLowerCase();
        var v = eq < 0 ? true : p.slice(eq + 1).trim();
        if (k === 'httponly') cookie.httpOnly = true;
        else if (k === 'secure') cookie.secure = true;
        else if (k === 'max-age') cookie.maxAge = Number(v);
        else if (k) cookie[k] = v;
      });
      out.push(cookie);
    });
    return L.cookieList(out);
  }

  function Cookie(def) {
    for (var k in def) if (Object.prototype.hasOwnProperty.call(def, k)) this[k] = def[k];
    if (this.key === undefined) this.key = this.name;
    if (this.name === undefined) this.name = this.key;
  }
  Cookie.prototype.valueOf = function () { return this.value; };
  Cookie.prototype.toString = function () { return this.name + '=' + this.value; };
  Cookie.prototype.toJSON = function () {
    var out = {};
    for (var k in this) if (Object.prototype.hasOwnProperty.call(this, k)) out[k] = this[k];
    return out;
  };
  L.cookieList = function (items) {
    var list = new L.PropertyList(Cookie, items || []);
    list.jar = function () {
      throw new Error('pm.cookies.jar() is not supported by harness');
    };
    return list;
  };

  function Response(def) {
    def = def || {};
    this.code = def.code === undefined ? undefined : Number(def.code);
    this.status = def.status || '';
    this.headers = new L.PropertyList(L.Header, def.header || def.headers || [], true);
    this._text = def.body === undefined || def.body === null ? '' : String(def.body);
    this.responseTime = def.responseTime;
    this.responseSize = def.responseSize === undefined ? this._text.length : def.responseSize;
    this._json = undefined;
    this._parsed = false;
    this.cookies = parseCookies(this.headers);
  }
  var P = Response.prototype;
  P.text = function () { return this._text; };
  P.json = function (reviver) {
    if (this._parsed && !reviver) return this._json;
    var text = this._text.charCodeAt(0) === 0xfeff ? this._text.slice(1) : this._text;
    try {
      var value = JSON.parse(text, reviver);
    } catch (err) {
      throw jsonError(text, err);
    }
    if (!reviver) { this._json = value; this._parsed = true; }
    return value;
  };
  P.jsonp = function (reviver) {
    var m = /^[^(]*\(([\s\S]*)\)\s*;?\s*$/.exec(this._text);
    return m ? JSON.parse(m[1], reviver) : this.json(reviver);
  };
  P.reason = function () { return this.status; };
  P.details = function () {
    return { name: this.status, detail: '', code: this.code, standardName: this.status };
  };
  P.size = function () {
    var header = 0;
    this.headers.each(function (h) { header += String(h.key).length + String(h.value).length + 4; });
    return { body: this.responseSize, header: header, total: this.responseSize + header };
  };
  P.contentInfo = function () {
    var type = String(this.headers.get('content-type') || 'text/plain');
    var mime = type.split(';')[0].trim().toLowerCase();
    var charset = /charset=([^;]+)/i.exec(type);
    var sub = mime.split('/')[1] || '';
    return {
      contentType: type, mimeType: mime.split('/')[0], mimeFormat: /json/.test(sub) ? 'json'
        : /xml/.test(sub) ? 'xml' : /html/.test(sub) ? 'html' : sub,
      charset: charset ? charset[1] : 'utf8', fileExtension: sub, fileName: 'response.' + sub
    };
  };
  P.dataURI = function () {
    return 'data:' + this.contentInfo().contentType + ';base64,' + G.btoa(unescape(
      encodeURIComponent(this._text)));
  };
  P.toJSON = function () {
    return {
      code: this.code, status: this.status, header: this.headers.toJSON(),
      body: this._text, responseTime: this.responseTime
    };
  };
  Response.isResponse = function (v) { return v instanceof Response; };
  L.Response = Response;

  /* ---------------------------------------------------------------- chai-postman */
  var CLASSES = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
  var NAMED = {
    accepted: [202, 'Accepted'], withoutContent: [204, 'No Content'],
    badRequest: [400, 'Bad Request'], unauthorised: [401, 'Unauthorised'],
    unauthorized: [401, 'Unauthorized'], forbidden: [403, 'Forbidden'],
    notFound: [404, 'Not Found'], notAcceptable: [406, 'Acceptable'],
    rateLimited: [429, 'Too Many Requests']
  };

  function isEqual(a, b) { return G.__harness_chai.util.eql(a, b); }
  function getPath(obj, path) {
    var parts = String(path).replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean);
    for (var i = 0; i < parts.length; i++) {
      if (obj === null || obj === undefined || !Object.prototype.hasOwnProperty.call(Object(obj),
        parts[i])) return { has: false };
      obj = obj[parts[i]];
    }
    return { has: true, value: obj };
  }

  function plugin(chai) {
    var A = chai.Assertion;
    function isResp(o) { return o instanceof Response; }
    function need(self) {
      if (!isResp(self._obj)) {
        self.assert(false, 'expecting a postman response object but got #{this}',
          'not expecting a postman response object');
      }
    }
    function statusCode(self, code) {
      self.assert(self._obj.code === Number(code),
        'expected response to have status code #{exp} but got #{act}',
        'expected response to not have status code #{act}', Number(code), self._obj.code);
    }
    function statusReason(self, reason) {
      self.assert(self._obj.reason() === reason,
        'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', reason, self._obj.reason());
    }
    A.addProperty('postmanResponse', function () { need(this); });
    A.addProperty('postmanRequest', function () {
      this.assert(this._obj instanceof L.Request, 'expecting a postman request object but got #{this}',
        'not expecting a postman request object');
    });
    A.addMethod('statusCodeClass', function (cls) {
      need(this);
      var got = Math.floor(this._obj.code / 100);
      this.assert(got === cls, 'expected response code to be #{exp}XX but found #{act}',
        'expected response code to not be #{exp}XX', cls, this._obj.code);
    });
    Object.keys(CLASSES).forEach(function (name) {
      A.addProperty(name, function () {
        need(this);
        var got = Math.floor(this._obj.code / 100);
        this.assert(got === CLASSES[name], 'expected response code to be #{exp}XX but found #{act}',
          'expected response code to not be #{exp}XX', CLASSES[name], this._obj.code);
      });
    });
    A.addProperty('error', function () {
      need(this);
      var got = Math.floor(this._obj.code / 100);
      this.assert(got === 4 || got === 5, 'expected response code to be 4XX or 5XX but found #{act}',
        'expected response code to not be 4XX or 5XX', null, this._obj.code);
    });
    A.addMethod('statusCode', function (code) { need(this); statusCode(this, code); });
    A.addMethod('statusReason', function (reason) { need(this); statusReason(this, String(reason)); });
    Object.keys(NAMED).forEach(function (name) {
      A.addProperty(name, function () {
        need(this);
        var want = NAMED[name][1].toUpperCase(), got = String(this._obj.reason()).toUpperCase();
        this.assert(got === want, 'expected response to have status reason #{exp} but got #{act}',
          'expected response to not have status reason #{act}', want, got);
        this.assert(this._obj.code === NAMED[name][0],
          'expected response to have status code #{exp} but got #{act}',
          'expected response to not have status code #{act}', NAMED[name][0], this._obj.code);
      });
    });
    A.overwriteProperty('ok', function (original) {
      return function () {
        if (!isResp(this._obj)) return original.call(this);
        var reason = String(this._obj.reason()).toUpperCase();
        this.assert(reason === 'OK', 'expected response to have status reason #{exp} but got #{act}',
          'expected response to not have status reason #{act}', 'OK', reason);
        statusCode(this, 200);
      };
    });
    A.addMethod('status', function (want) {
      need(this);
      if (typeof want === 'number') statusCode(this, want); else statusReason(this, want);
    });
    A.addMethod('header', function (key, value) {
      var kind = isResp(this._obj) ? 'response' : 'request';
      var headers = this._obj.headers;
      this.assert(headers.has(key), 'expected ' + kind + " to have header with key '" + String(key) +
        "'", 'expected ' + kind + " to not have header with key '" + String(key) + "'", true,
      headers.has(key));
      if (arguments.length < 2) return;
      var got = headers.one(key).value;
      this.assert(got === value, "expected '" + String(key) + "' " + kind +
        ' header to be #{exp} but got #{act}', "expected '" + String(key) + "' " + kind +
        ' header to not be #{act}', value, got);
    });
    A.addProperty('withBody', function () {
      need(this);
      var text = this._obj.text();
      this.assert(typeof text === 'string' && text.length, 'expected response to have content in body',
        'expected response to not have content in body');
    });
    A.overwriteProperty('json', function (original) {
      return function () {
        if (!isResp(this._obj)) return original && original.call(this);
        var error;
        try { this._obj.json(); } catch (e) {
          error = e.name === 'JSONError' && e.message ? e.message.split('\n')[0]
            : e.name + ': ' + e.message;
        }
        this.assert(!error, 'expected response body to be a valid json but got error ' + error,
          'expected response body not to be a valid json');
      };
    });
    A.addMethod('body', function (want) {
      need(this);
      var got;
      if (want && typeof want === 'object' && !(want instanceof RegExp)) {
        try { got = this._obj.json(); } catch (e) { got = undefined; }
        this.assert(isEqual(got, want), 'expected response body json to equal #{exp} but got #{act}',
          'expected response body json to not equal #{exp} but got #{act}', want, got);
        return;
      }
      got = this._obj.text();
      if (!arguments.length) {
        this.assert(got.length, 'expected response to have content in body',
          'expected response to not have content in body');
      } else if (want instanceof RegExp) {
        this.assert(want.exec(got) !== null, 'expected response body text to match #{exp} but got #{act}',
          'expected response body text #{act} to not match #{exp}', want, got);
      } else {
        this.assert(got === want, 'expected response body to equal #{exp} but got #{act}',
          'expected response body to not equal #{exp}', want, got);
      }
    });
    A.addMethod('jsonBody', function (path, value) {
      need(this);
      var body, error;
      try { body = this._obj.json(); } catch (e) {
        error = e.name === 'JSONError' ? e.message.split('\n')[0] : e.name + ': ' + e.message;
      }
      if (!arguments.length) {
        this.assert(!error, 'expected response body to be a valid json but got error ' + error,
          'expected response body not to be a valid json');
        return;
      }
      if (typeof path !== 'string') return;
      var found = getPath(body, path);
      this.assert(found.has, 'expected #{act} in response to contain property #{exp}',
        'expected #{act} in response to not contain property #{exp}', path, body);
      if (arguments.length > 1) {
        this.assert(isEqual(found.value, value), 'expected response body json at "' + path +
          '" to contain #{exp} but got #{act}', 'expected response body json at "' + path +
          '" to not contain #{exp} but got #{act}', value, found.value);
      }
    });
    A.addChainableMethod('responseTime', function (want) {
      var n = chai.util.flag(this, 'number');
      this.assert(typeof n === 'number', 'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, n);
      if (arguments.length) {
        this.assert(n === want, 'expected response to have a valid response time but got #{act}',
          'expected response to not have a valid response time but got #{act}', null, n);
      }
    }, function () {
      need(this);
      chai.util.flag(this, 'number', this._obj.responseTime);
      this._obj = this._obj.responseTime;
    });
    A.addChainableMethod('responseSize', function (want) {
      var n = chai.util.flag(this, 'number');
      this.assert(typeof n === 'number', 'expected response to have a valid response size but got #{act}',
        'expected response to not have a valid response size but got #{act}', null, n);
      if (arguments.length) {
        this.assert(n === want, 'expected response size to equal #{act} but got #{exp}',
          'expected response size to not equal #{act} but got #{exp}', want, n);
      }
    }, function () {
      need(this);
      var size = this._obj.size(), total = (size.header || 0) + (size.body || 0);
      chai.util.flag(this, 'number', total);
      this._obj = total;
    });
    // chai-postman's jsonSchema: ajv 6 with allErrors, on the JSON of a response/request.
    A.addMethod('jsonSchema', function (schema, options) {
      new A(schema).to.be.an('object');
      var opts = Object.assign({ allErrors: true, logger: false }, options);
      var obj = this._obj, data = obj;
      if (isResp(obj) || (obj instanceof L.Request && typeof obj.json === 'function')) {
        data = obj.json();
      }
      var ajv = new G.__harness_Ajv(opts), valid = ajv.validate(schema, data);
      this.assert(valid && !ajv.errors, 'expected data to satisfy schema but found following ' +
        'errors: \n' + ajv.errorsText(), 'expected data to not satisfy schema', true, valid);
    });
  }
  L.installChaiPostman = function () { G.__harness_chai.use(plugin); };
})(globalThis);
