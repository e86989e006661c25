/*
 * harness: postman-collection-like PropertyList, Header, QueryParam, Url and Request for
 * `pm.request`, built from and serialised back to the collection v2.1 request JSON.
 */
(function (G) {
  'use strict';
  var L = G.__pmlib = G.__pmlib || {};

  function isFn(v) { return typeof v === 'function'; }
  function str(v) { return v === undefined || v === null ? v : String(v); }

  /* ---------------------------------------------------------------- PropertyList */
  function PropertyList(Type, items, caseInsensitive) {
    this.Type = Type;
    this.members = [];
    this.caseInsensitive = Boolean(caseInsensitive);
    var self = this;
    (items || []).forEach(function (item) { self.add(item); });
  }
  var PL = PropertyList.prototype;
  PL._k = function (key) {
    key = String(key);
    return this.caseInsensitive ? key.toLowerCase() : key;
  };
  PL._wrap = function (item) {
    if (item instanceof this.Type) return item;
    return new this.Type(item);
  };
  PL.add = function (item) {
    if (item === undefined || item === null) return;
    this.members.push(this._wrap(item));
  };
  PL.append = PL.add;
  PL.prepend = function (item) { if (item) this.members.unshift(this._wrap(item)); };
  PL.insert = function (item, before) {
    item = this._wrap(item);
    var at = typeof before === 'string' ? this.indexOf(before) : this.members.indexOf(before);
    if (at < 0) this.members.push(item); else this.members.splice(at, 0, item);
  };
  PL.populate = function (items) {
    var self = this;
    (Array.isArray(items) ? items : [items]).forEach(function (i) { self.add(i); });
  };
  PL.clear = function () { this.members.length = 0; };
  PL.repopulate = function (items) { this.clear(); this.populate(items); };
  PL.assimilate = function (source) {
    var self = this;
    (source && source.members ? source.members : source || []).forEach(function (i) {
      self.upsert(i);
    });
  };
  PL.one = function (key) {
    var k = this._k(key), found;
    for (var i = 0; i < this.members.length; i++) {
      var m = this.members[i];
      if (m.key !== undefined && m.key !== null && this._k(m.key) === k) found = m;
    }
    return found;
  };
  PL.get = function (key) {
    var m = this.one(key);
    return m ? m.valueOf() : undefined;
  };
  PL.idx = function (i) { return this.members[i]; };
  PL.indexOf = function (item) {
    if (typeof item === 'string') {
      for (var i = 0; i < this.members.length; i++) {
        if (this._k(this.members[i].key) === this._k(item)) return i;
      }
      return -1;
    }
    return this.members.indexOf(item);
  };
  PL.has = function (item, value) {
    var key = typeof item === 'string' ? item : item && item.key;
    if (key === undefined || key === null) return this.members.indexOf(item) >= 0;
    var k = this._k(key), self = this;
    return this.members.some(function (m) {
      return self._k(m.key) === k && (value === undefined || m.value === value);
    });
  };
  PL.remove = function (predicate, context) {
    var self = this, test;
    if (typeof predicate === 'string') {
      var k = this._k(predicate);
      test = function (m) { return self._k(m.key) === k; };
    } else if (isFn(predicate)) {
      test = function (m) { return predicate.call(context, m); };
    } else if (predicate && typeof predicate === 'object') {
      test = function (m) { return m === predicate; };
    } else {
      return;
    }
    for (var i = this.members.length - 1; i >= 0; i--) {
      if (test(this.members[i])) this.members.splice(i, 1);
    }
  };
  PL.upsert = function (item) {
    if (!item) return null;
    var existing = this.one(item.key);
    if (existing) {
      existing.update(item);
      return false;
    }
    this.add(item);
    return true;
  };
  PL.count = function () { return this.members.length; };
  PL.all = function () { return this.members.slice(); };
  PL.each = function (fn, context) { this.members.forEach(function (m) { fn.call(context, m); }); };
  PL.filter = function (fn, context) { return this.members.filter(fn, context); };
  PL.find = function (fn, context) { return this.members.find(fn, context); };
  PL.map = function (fn, context) { return this.members.map(fn, context); };
  PL.reduce = function (fn, acc, context) {
    return this.members.reduce(function (a, m) { return fn.call(context, a, m); }, acc);
  };
  PL.toObject = function (excludeDisabled, caseSensitive, multiValue) {
    var out = {}, self = this;
    this.members.forEach(function (m) {
      if (excludeDisabled && m.disabled) return;
      if (m.key === undefined || m.key === null) return;
      var key = self.caseInsensitive && !caseSensitive ? String(m.key).toLowerCase() : m.key;
      var value = m.valueOf();
      if (multiValue && Object.prototype.hasOwnProperty.call(out, key)) {
        out[key] = [].concat(out[key], value);
      } else {
        out[key] = value;
      }
    });
    return out;
  };
  PL.toJSON = function () { return this.members.map(function (m) { return m.toJSON(); }); };
  PL.toString = function () {
    if (this.Type === Header) {
      return this.members.filter(function (m) { return !m.disabled; })
        .map(function (m) { return m.toString(); }).join('\r\n') + (this.members.length ? '\r\n' : '');
    }
    return this.members.filter(function (m) { return !m.disabled; })
      .map(function (m) { return m.toString(); }).join('&');
  };
  PL.eachParent = function () {};
  L.PropertyList = PropertyList;

  /* ---------------------------------------------------------------- KeyValue types */
  function kvInit(self, item) {
    if (typeof item === 'string') item = parseKV(item, self instanceof Header ? ':' : '=');
    item = item || {};
    self.key = item.key === undefined ? null : item.key;
    self.value = item.value === undefined ? (self instanceof Header ? '' : null) : item.value;
    if (item.disabled) self.disabled = true;
    if (item.type !== undefined) self.type = item.type;
    if (item.src !== undefined) self.src = item.src;
    if (item.description !== undefined) self.description = item.description;
    if (item.contentType !== undefined) self.contentType = item.contentType;
  }
  function parseKV(text, sep) {
    var at = text.indexOf(sep);
    if (at < 0) return { key: text.trim(), value: sep === ':' ? '' : null };
    return { key: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
  }
  function kvUpdate(item) {
    if (typeof item === 'string') item = parseKV(item, this instanceof Header ? ':' : '=');
    if (!item) return;
    if (item.key !== undefined) this.key = item.key;
    if (item.value !== undefined) this.value = item.value;
    if (item.disabled !== undefined) this.disabled = Boolean(item.disabled);
  }
  function kvJSON() {
    var out = { key: this.key, value: this.value };
    ['disabled', 'type', 'src', 'description', 'contentType'].forEach(function (k) {
      if (this[k] !== undefined) out[k] = this[k];
    }, this);
    return out;
  }

  function Header(item, value) {
    if (typeof item === 'string' && value !== undefined) item = { key: item, value: value };
    kvInit(this, item);
  }
  Header.prototype.update = kvUpdate;
  Header.prototype.toJSON = kvJSON;
  Header.prototype.valueOf = function () { return this.value; };
  Header.prototype.toString = function () { return this.key + ': ' + this.value; };
  Header.isHeader = function (v) { return v instanceof Header; };
  L.Header = Header;

  function encodeParam(text, isKey) {
    if (text === null || text === undefined) return text;
    return String(text).replace(/[ "#&'<>]|[^\x21-\x7e]/g, function (ch) {
      if (ch === '&' && !isKey) return '%26';
      return encodeURIComponent(ch);
    }).replace(isKey ? /=/g : /$^/, '%3D');
  }
  function QueryParam(item) { kvInit(this, item); }
  QueryParam.prototype.update = kvUpdate;
  QueryParam.prototype.toJSON = kvJSON;
  QueryParam.prototype.valueOf = function () { return this.value; };
  QueryParam.prototype.toString = function () {
    var key = encodeParam(this.key, true), value = encodeParam(this.value, false);
    if (value === null || value === undefined) return key === null ? '' : key;
    return (key === null ? '' : key) + '=' + value;
  };
  L.QueryParam = QueryParam;

  function FormParam(item) { kvInit(this, item); }
  FormParam.prototype.update = kvUpdate;
  FormParam.prototype.toJSON = kvJSON;
  FormParam.prototype.valueOf = function () { return this.value; };
  FormParam.prototype.toString = QueryParam.prototype.toString;
  L.FormParam = FormParam;

  function Variable(item) {
    item = item || {};
    this.key = item.key === undefined ? null : item.key;
    this.value = item.value;
    if (item.type !== undefined) this.type = item.type;
    if (item.disabled) this.disabled = true;
  }
  Variable.prototype.update = kvUpdate;
  Variable.prototype.toJSON = kvJSON;
  Variable.prototype.valueOf = function () { return this.value; };
  Variable.prototype.get = function () { return this.value; };
  Variable.prototype.set = function (v) { this.value = v; };
  L.Variable = Variable;

  /* ---------------------------------------------------------------- Url */
  function parseQuery(text) {
    if (!text) return [];
    return text.split('&').map(function (part) {
      var at = part.indexOf('=');
      if (at < 0) return { key: part, value: null };
      return { key: part.slice(0, at), value: part.slice(at + 1) };
    });
  }
  function parseUrl(raw) {
    var out = { raw: raw }, rest = String(raw).trim(), m;
    var hashAt = rest.indexOf('#');
    if (hashAt >= 0) { out.hash = rest.slice(hashAt + 1); rest = rest.slice(0, hashAt); }
    var qAt = rest.indexOf('?');
    if (qAt >= 0) { out.query = parseQuery(rest.slice(qAt + 1)); rest = rest.slice(0, qAt); }
    m = /^([^:/?#{}]+):\/\//.exec(rest);
    if (m) { out.protocol = m[1]; rest = rest.slice(m[0].length); }
    var slash = rest.indexOf('/');
    var hostPart = slash >= 0 ? rest.slice(0, slash) : rest;
    var pathPart = slash >= 0 ? rest.slice(slash + 1) : null;
    var at = hostPart.lastIndexOf('@');
    if (at >= 0) {
      var auth = hostPart.slice(0, at), colon = auth.indexOf(':');
      out.auth = colon >= 0 ? { user: auth.slice(0, colon), password: auth.slice(colon + 1) }
        : { user: auth };
      hostPart = hostPart.slice(at + 1);
    }
    m = /:(\d+|\{\{[^{}]*\}\})$/.exec(hostPart);
    if (m) { out.port = m[1]; hostPart = hostPart.slice(0, m.index); }
    out.host = hostPart ? hostPart.split('.') : [];
    if (pathPart !== null) out.path = pathPart.split('/');
    return out;
  }

  function Url(def) {
    if (typeof def === 'string') def = parseUrl(def);
    def = def || {};
    if (def.raw !== undefined && !def.host && !def.path && !def.protocol) def = parseUrl(def.raw);
    this.protocol = def.protocol || undefined;
    this.host = typeof def.host === 'string' ? def.host.split('.') : (def.host || undefined);
    this.port = def.port === undefined || def.port === null ? undefined : String(def.port);
    this.path = typeof def.path === 'string' ? def.path.replace(/^\//, '').split('/')
      : (def.path || undefined);
    this.hash = def.hash === undefined ? undefined : def.hash;
    this.auth = def.auth;
    this.query = new PropertyList(QueryParam, def.query || []);
    this.variables = new PropertyList(Variable, def.variable || def.variables || []);
  }
  var U = Url.prototype;
  U.getHost = function () { return (this.host || []).join('.'); };
  U.getPath = function (unresolved) {
    var self = this;
    var segments = (this.path || []).map(function (seg) {
      if (!unresolved && typeof seg === 'string' && seg.charAt(0) === ':') {
        var v = self.variables.one(seg.slice(1));
        if (v && v.value !== undefined && v.value !== null) return String(v.value);
      }
      return seg;
    });
    return '/' + segments.join('/');
  };
  U.getQueryString = function () { return this.query.toString(); };
  U.getPathWithQuery = function () {
    var q = this.getQueryString();
    return this.getPath(true) + (q ? '?' + q : '');
  };
  U.getRemote = function (forcePort) {
    var port = this.port || (forcePort ? (this.protocol === 'https' ? '443' : '80') : '');
    return this.getHost() + (port ? ':' + port : '');
  };
  U.getRaw = function () { return this.toString(); };
  U.getOAuth1BaseUrl = function () {
    return (this.protocol || 'http') + '://' + this.getRemote() + this.getPath();
  };
  U.addQueryParams = function (params) {
    if (typeof params === 'string') params = parseQuery(params);
    this.query.populate(params);
  };
  U.removeQueryParams = function (params) {
    var self = this;
    (Array.isArray(params) ? params : [params]).forEach(function (p) {
      self.query.remove(typeof p === 'string' ? p : p && p.key);
    });
  };
  U.update = function (def) {
    var fresh = new Url(def);
    for (var k in fresh) if (Object.prototype.hasOwnProperty.call(fresh, k)) this[k] = fresh[k];
  };
  U.toString = function (forceProtocol) {
    var out = '';
    if (this.protocol) out += this.protocol + '://';
    else if (forceProtocol) out += 'http://';
    if (this.auth && (this.auth.user || this.auth.password)) {
      out += (this.auth.user || '') + (this.auth.password ? ':' + this.auth.password : '') + '@';
    }
    out += this.getHost();
    if (this.port) out += ':' + this.port;
    if (this.path) out += '/' + this.path.join('/');
    var enabled = this.query.members.filter(function (p) { return !p.disabled; });
    if (enabled.length) out += '?' + enabled.map(function (p) { return p.toString(); }).join('&');
    if (this.hash) out += '#' + this.hash;
    return out;
  };
  U.toJSON = function () {
    var out = { raw: this.toString() };
    if (this.protocol) out.protocol = this.protocol;
    if (this.host) out.host = this.host.slice();
    if (this.port) out.port = this.port;
    if (this.path) out.path = this.path.slice();
    if (this.query.count()) out.query = this.query.toJSON();
    if (this.variables.count()) out.variable = this.variables.toJSON();
    if (this.hash) out.hash = this.hash;
    if (this.auth) out.auth = this.auth;
    return out;
  };
  Url.parse = parseUrl;
  Url.isUrl = function (v) { return v instanceof Url; };
  L.Url = Url;

  /* ---------------------------------------------------------------- Body, Auth, Request */
  function RequestBody(def) { this.update(def || {}); }
  RequestBody.prototype.update = function (def) {
    if (typeof def === 'string') def = { mode: 'raw', raw: def };
    var keep = {};
    for (var k in def) if (Object.prototype.hasOwnProperty.call(def, k)) keep[k] = def[k];
    for (var old in this) if (Object.prototype.hasOwnProperty.call(this, old)) delete this[old];
    this.mode = keep.mode;
    if (keep.mode === 'urlencoded') {
      this.urlencoded = new PropertyList(QueryParam, keep.urlencoded || []);
    } else if (keep.mode === 'formdata') {
      this.formdata = new PropertyList(FormParam, keep.formdata || []);
    }
    ['raw', 'file', 'graphql', 'options', 'disabled'].forEach(function (key) {
      if (keep[key] !== undefined) this[key] = keep[key];
    }, this);
  };
  RequestBody.prototype.isEmpty = function () {
    var content = this.mode && this[this.mode];
    if (!content) return true;
    if (content instanceof PropertyList) return content.count() === 0;
    return typeof content === 'string' ? content.length === 0 : false;
  };
  RequestBody.prototype.toString = function () {
    if (this.mode === 'raw') return this.raw || '';
    var list = this[this.mode];
    return list instanceof PropertyList ? list.toString() : '';
  };
  RequestBody.prototype.toJSON = function () {
    var out = {};
    for (var k in this) {
      if (!Object.prototype.hasOwnProperty.call(this, k) || this[k] === undefined) continue;
      out[k] = this[k] instanceof PropertyList ? this[k].toJSON() : this[k];
    }
    return out;
  };
  L.RequestBody = RequestBody;

  function RequestAuth(def) { this.update(def || {}); }
  RequestAuth.prototype.update = function (def, type) {
    if (type) { this.type = type; this[type] = toParamList(def); return; }
    for (var k in def) if (Object.prototype.hasOwnProperty.call(def, k)) this[k] = def[k];
  };
  function toParamList(def) {
    if (Array.isArray(def)) return def;
    return Object.keys(def || {}).map(function (k) { return { key: k, value: def[k] }; });
  }
  RequestAuth.prototype.parameters = function () {
    return new PropertyList(Variable, toParamList(this[this.type]));
  };
  RequestAuth.prototype.toJSON = function () {
    var out = {};
    for (var k in this) if (Object.prototype.hasOwnProperty.call(this, k)) out[k] = this[k];
    return out;
  };

  function Request(def) {
    if (typeof def === 'string') def = { url: def };
    def = def || {};
    this.url = new Url(def.url || '');
    this.method = def.method ? String(def.method).toUpperCase() : 'GET';
    this.headers = new PropertyList(Header, def.header || def.headers || [], true);
    this.body = def.body ? new RequestBody(def.body) : undefined;
    this.auth = def.auth ? new RequestAuth(def.auth) : undefined;
    if (def.description !== undefined) this.description = def.description;
    if (def.name !== undefined) this.name = def.name;
  }
  var R = Request.prototype;
  R.getHeaders = function (options) {
    options = options || {};
    var out = {};
    this.headers.each(function (h) {
      if (options.enabled && h.disabled) return;
      var key = options.ignoreCase ? String(h.key).toLowerCase() : h.key;
      if (Object.prototype.hasOwnProperty.call(out, key)) out[key] = [].concat(out[key], h.value);
      else out[key] = h.value;
    });
    return out;
  };
  R.forEachHeader = function (fn, context) {
    var self = this;
    this.headers.all().forEach(function (h) { if (!h.disabled) fn.call(context, h, self); });
  };
  R.addHeader = function (header) { this.headers.add(header); };
  R.upsertHeader = function (header) { this.headers.upsert(header); };
  R.removeHeader = function (toRemove, options) {
    var ignoreCase = !(options && options.ignoreCase === false);
    if (typeof toRemove === 'string') {
      var name = ignoreCase ? toRemove.toLowerCase() : toRemove;
      this.headers.remove(function (h) {
        return (ignoreCase ? String(h.key).toLowerCase() : h.key) === name;
      });
    } else {
      this.headers.remove(toRemove);
    }
  };
  R.addQueryParams = function (params) { this.url.addQueryParams(params); };
  R.removeQueryParams = function (params) { this.url.removeQueryParams(params); };
  R.authorizeUsing = function (type, options) {
    if (type === null) { this.auth = undefined; return; }
    if (typeof type === 'object') { this.auth = new RequestAuth(type); return; }
    this.auth = new RequestAuth({ type: type });
    this.auth.update(options || {}, type);
  };
  R.size = function () {
    var body = this.body ? this.body.toString() : '';
    return { body: body.length, header: this.headers.toString().length, total: 0 };
  };
  R.update = function (def) {
    var fresh = new Request(def);
    for (var k in fresh) if (Object.prototype.hasOwnProperty.call(fresh, k)) this[k] = fresh[k];
  };
  R.clone = function () { return new Request(this.toJSON()); };
  function plain(v, Type) {
    if (!v) return v;
    if (isFn(v.toJSON)) return v.toJSON();
    return Type ? new Type(v).toJSON() : JSON.parse(JSON.stringify(v));
  }
  R.toJSON = function () {
    var out = { url: plain(this.url, Url), method: String(this.method).toUpperCase() };
    var headers = this.headers instanceof PropertyList ? this.headers
      : new PropertyList(Header, this.headers || [], true);
    if (headers.count()) out.header = headers.toJSON();
    if (this.body) out.body = plain(this.body, RequestBody);
    if (this.auth) out.auth = plain(this.auth);
    if (this.description !== undefined) out.description = this.description;
    return out;
  };
  Request.isRequest = function (v) { return v instanceof Request; };
  L.Request = Request;
  L.str = str;
})(globalThis);
