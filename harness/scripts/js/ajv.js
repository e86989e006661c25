/*
 * harness: an ajv 6 compatible JSON Schema validator (draft-07 keywords, ajv 6's messages,
 * params, dataPath/schemaPath and keyword order; allErrors), in pure JavaScript.
 *
 * Exposes globalThis.__harness_Ajv. Like ajv 6, $ref ignores its sibling keywords, formats
 * are checked ("fast" mode) and an unknown format or unresolvable $ref fails compile().
 */
(function (G) {
  'use strict';
  var S = G.__harness_jsonschema;
  var isObject = S.isObject;

  var GROUPS = [
    ['number', ['maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'multipleOf']],
    ['string', ['maxLength', 'minLength', 'pattern', 'format']],
    ['array', ['maxItems', 'minItems', 'items', 'additionalItems', 'contains', 'uniqueItems']],
    ['object', ['maxProperties', 'minProperties', 'required', 'dependencies', 'propertyNames',
      'properties', 'additionalProperties', 'patternProperties']]
  ];
  var SCALARS = { string: 1, number: 1, integer: 1, boolean: 1, null: 1 };

  function prop(key) {
    return /^[a-z$_][a-z$_0-9]*$/i.test(key) ? '.' + key
      : "['" + String(key).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']";
  }
  // a key computed at run time (additional / pattern properties) is always written ['key']
  function quote(key) { return String(key).replace(/\\/g, '\\\\').replace(/'/g, "\\'"); }
  function dynProp(key) { return "['" + quote(key) + "']"; }
  function esc(key) {
    return encodeURIComponent(String(key).replace(/~/g, '~0').replace(/\//g, '~1'));
  }

  function typeOk(data, type) {
    if (type === 'integer') return typeof data === 'number' && data % 1 === 0;
    return S.jsonType(data) === type;
  }
  function used(keys, s) {
    for (var i = 0; i < keys.length; i++) if (s[keys[i]] !== undefined) return true;
    return false;
  }
  function ucs2length(str) {
    var n = 0;
    for (var i = 0; i < str.length; i++, n++) {
      var c = str.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
        var d = str.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    return n;
  }

  function Run(ajv, all) {
    this.ajv = ajv;
    this.all = all;
    this.errors = [];
  }
  Run.prototype.fail = function (keyword, dp, sp, params, message) {
    this.errors.push({ keyword: keyword, dataPath: dp, schemaPath: sp, params: params,
      message: message });
    return false;
  };

  Run.prototype.check = function (data, s, root, dp, sp) {
    if (s === true) return true;
    if (s === false) return this.fail('false schema', dp, sp + '/false schema', {},
      'boolean schema is false');
    if (!isObject(s)) return true;
    if (typeof s.$ref === 'string') {
      var found = S.resolveRef(s.$ref, root, this.ajv._schemas);
      if (!found) throw new Error("can't resolve reference " + s.$ref + ' from id #');
      return this.check(data, found.schema, found.doc, dp, '#' + found.path);
    }
    var types = s.type === undefined ? null : Array.isArray(s.type) ? s.type : [s.type];
    var single = types && types.length === 1 ? types[0] : null;
    var ok = true;
    var deferred = false;
    for (var g = 0; g < GROUPS.length; g++) {
      if (GROUPS[g][0] === single && used(GROUPS[g][1], s)) deferred = true;
    }
    if (types && !deferred && !types.some(function (t) { return typeOk(data, t); })) {
      ok = this.typeError(types, dp, sp);
      if (!this.all) return false;
    }
    for (g = 0; g < GROUPS.length; g++) {
      var name = GROUPS[g][0];
      if (!used(GROUPS[g][1], s)) continue;
      if (typeOk(data, name)) ok = this[name](data, s, root, dp, sp) && ok;
      else if (single === name) ok = this.typeError(types, dp, sp);
      if (!ok && !this.all) return false;
    }
    return this.generic(data, s, root, dp, sp) && ok;
  };

  Run.prototype.typeError = function (types, dp, sp) {
    var t = types.join(',');
    return this.fail('type', dp, sp + '/type', { type: t }, 'should be ' + t);
  };

  Run.prototype.limit = function (data, s, dp, sp, max) {
    var kw = max ? 'maximum' : 'minimum', ex = max ? 'exclusiveMaximum' : 'exclusiveMinimum';
    var limit = s[kw], exclusive = s[ex] === true, keyword = kw;
    if (typeof s[ex] === 'number' && (limit === undefined || (max ? s[ex] <= limit
      : s[ex] >= limit))) {
      limit = s[ex]; exclusive = true; keyword = ex;
    }
    if (typeof limit !== 'number') return true;
    var bad = max ? (exclusive ? data >= limit : data > limit)
      : (exclusive ? data <= limit : data < limit);
    if (!bad) return true;
    var cmp = (max ? '<' : '>') + (exclusive ? '' : '=');
    return this.fail(keyword, dp, sp + '/' + keyword,
      { comparison: cmp, limit: limit, exclusive: exclusive }, 'should be ' + cmp + ' ' + limit);
  };

  Run.prototype.number = function (data, s, root, dp, sp) {
    var ok = this.limit(data, s, dp, sp, true);
    if (!ok && !this.all) return false;
    ok = this.limit(data, s, dp, sp, false) && ok;
    if (!ok && !this.all) return false;
    if (typeof s.multipleOf === 'number') {
      var div = data / s.multipleOf;
      if (div !== parseInt(div, 10)) {
        ok = this.fail('multipleOf', dp, sp + '/multipleOf', { multipleOf: s.multipleOf },
          'should be multiple of ' + s.multipleOf);
      }
    }
    return ok;
  };

  Run.prototype.string = function (data, s, root, dp, sp) {
    var ok = true, len = -1;
    var checks = [
      ['maxLength', function (n) { return len > n; }, 'longer'],
      ['minLength', function (n) { return len < n; }, 'shorter']
    ];
    for (var i = 0; i < checks.length; i++) {
      var c = checks[i];
      if (typeof s[c[0]] !== 'number') continue;
      if (len < 0) len = ucs2length(data);
      if (c[1](s[c[0]])) {
        ok = this.fail(c[0], dp, sp + '/' + c[0], { limit: s[c[0]] },
          'should NOT be ' + c[2] + ' than ' + s[c[0]] + ' characters');
        if (!this.all) return false;
      }
    }
    if (typeof s.pattern === 'string' && !S.regex(s.pattern).test(data)) {
      ok = this.fail('pattern', dp, sp + '/pattern', { pattern: s.pattern },
        'should match pattern "' + s.pattern + '"');
      if (!this.all) return false;
    }
    var fmt = typeof s.format === 'string' ? this.ajv._formats[s.format] : undefined;
    if (fmt && !(typeof fmt === 'function' ? fmt(data) : fmt.test(data))) {
      ok = this.fail('format', dp, sp + '/format', { format: s.format },
        'should match format "' + s.format + '"');
    }
    return ok;
  };

  Run.prototype.count = function (n, s, kw, dp, sp, noun) {
    if (typeof s[kw] !== 'number') return true;
    var more = kw.slice(0, 3) === 'max';
    if (more ? n <= s[kw] : n >= s[kw]) return true;
    return this.fail(kw, dp, sp + '/' + kw, { limit: s[kw] },
      'should NOT have ' + (more ? 'more' : 'fewer') + ' than ' + s[kw] + ' ' + noun);
  };

  Run.prototype.array = function (data, s, root, dp, sp) {
    var ok = this.count(data.length, s, 'maxItems', dp, sp, 'items');
    if (!ok && !this.all) return false;
    ok = this.count(data.length, s, 'minItems', dp, sp, 'items') && ok;
    if (!ok && !this.all) return false;
    ok = this.items(data, s, root, dp, sp) && ok;
    if (!ok && !this.all) return false;
    if (s.contains !== undefined) {
      var start = this.errors.length, found = false;
      for (var i = 0; i < data.length && !found; i++) {
        found = this.check(data[i], s.contains, root, dp + '[' + i + ']', sp + '/contains');
      }
      if (found) this.errors.length = start;
      else ok = this.fail('contains', dp, sp + '/contains', {}, 'should contain a valid item');
      if (!ok && !this.all) return false;
    }
    if (s.uniqueItems === true) ok = this.unique(data, s, dp, sp) && ok;
    return ok;
  };

  Run.prototype.items = function (data, s, root, dp, sp) {
    var ok = true, i;
    if (!Array.isArray(s.items)) {
      if (s.items === undefined) return true;
      for (i = 0; i < data.length; i++) {
        ok = this.check(data[i], s.items, root, dp + '[' + i + ']', sp + '/items') && ok;
        if (!ok && !this.all) return false;
      }
      return ok;
    }
    var n = s.items.length;
    if (s.additionalItems === false && data.length > n) {
      ok = this.fail('additionalItems', dp, sp + '/additionalItems', { limit: n },
        'should NOT have more than ' + n + ' items');
      if (!this.all) return false;
    }
    for (i = 0; i < data.length; i++) {
      var sub = i < n ? s.items[i] : s.additionalItems;
      if (sub === undefined || (i >= n && typeof sub === 'boolean')) continue;
      ok = this.check(data[i], sub, root, dp + '[' + i + ']',
        sp + (i < n ? '/items/' + i : '/additionalItems')) && ok;
      if (!ok && !this.all) return false;
    }
    return ok;
  };

  Run.prototype.unique = function (data, s, dp, sp) {
    var it = isObject(s.items) ? s.items.type : undefined;
    var scalar = it !== undefined && [].concat(it).every(function (t) { return SCALARS[t]; });
    var i = data.length, j;
    if (scalar) {
      var seen = Object.create(null);
      while (i--) {
        var key = typeof data[i] + ':' + String(data[i]);
        if (typeof data[i] !== 'object' && seen[key] !== undefined) { j = seen[key]; break; }
        seen[key] = i;
      }
    } else {
      outer: while (i--) {
        for (j = i; j--;) if (S.equal(data[i], data[j])) break outer;
      }
    }
    if (i < 0) return true;
    return this.fail('uniqueItems', dp, sp + '/uniqueItems', { i: i, j: j },
      'should NOT have duplicate items (items ## ' + j + ' and ' + i + ' are identical)');
  };

  Run.prototype.object = function (data, s, root, dp, sp) {
    var keys = Object.keys(data);
    var steps = ['maxProperties', 'minProperties', 'required', 'dependencies', 'propertyNames',
      'properties'];
    var ok = true;
    for (var i = 0; i < steps.length; i++) {
      var kw = steps[i];
      if (i < 2) ok = this.count(keys.length, s, kw, dp, sp, 'properties') && ok;
      else ok = this[kw](data, s, root, dp, sp, keys) && ok;
      if (!ok && !this.all) return false;
    }
    return ok;
  };

  var ANNOTATIONS = { title: 1, description: 1, default: 1, examples: 1, $comment: 1, $id: 1,
    id: 1, $schema: 1 };
  function hasRules(s) {
    if (typeof s === 'boolean') return !s;
    for (var k in s) if (!ANNOTATIONS[k]) return true;
    return false;
  }

  // Like ajv 6, a required property with a non-empty schema in "properties" is checked by
  // the properties keyword instead (named verbatim); the others here, named as a path
  // ('.x', "['a-b']") unless allErrors.
  Run.prototype.required = function (data, s, root, dp, sp) {
    var ok = true, props = isObject(s.properties) ? s.properties : {};
    for (var i = 0; Array.isArray(s.required) && i < s.required.length; i++) {
      var key = s.required[i];
      if (data[key] !== undefined || (props[key] !== undefined && hasRules(props[key]))) continue;
      var missing = this.all ? quote(key) : prop(key);
      ok = this.fail('required', dp, sp + '/required', { missingProperty: missing },
        "should have required property '" + missing + "'");
      if (!this.all) return false;
    }
    return ok;
  };

  Run.prototype.dependencies = function (data, s, root, dp, sp) {
    var ok = true, key, deps = s.dependencies;
    if (!isObject(deps)) return true;
    for (key in deps) {
      if (!Array.isArray(deps[key]) || data[key] === undefined) continue;
      for (var i = 0; i < deps[key].length; i++) {
        var need = deps[key][i];
        if (data[need] !== undefined) continue;
        ok = this.fail('dependencies', dp, sp + '/dependencies', { property: key,
          missingProperty: prop(need), depsCount: deps[key].length, deps: deps[key].join(', ') },
        'should have ' + (deps[key].length === 1 ? 'property ' : 'properties ') +
          deps[key].join(', ') + ' when property ' + key + ' is present');
        if (!this.all) return false;
      }
    }
    for (key in deps) {
      if (Array.isArray(deps[key]) || data[key] === undefined) continue;
      ok = this.check(data, deps[key], root, dp, sp + '/dependencies/' + esc(key)) && ok;
      if (!ok && !this.all) return false;
    }
    return ok;
  };

  Run.prototype.propertyNames = function (data, s, root, dp, sp, keys) {
    if (s.propertyNames === undefined) return true;
    var ok = true;
    for (var i = 0; i < keys.length; i++) {
      if (this.check(keys[i], s.propertyNames, root, dp, sp + '/propertyNames')) continue;
      ok = this.fail('propertyNames', dp, sp + '/propertyNames', { propertyName: keys[i] },
        "property name '" + keys[i] + "' is invalid");
      if (!this.all) return false;
    }
    return ok;
  };

  Run.prototype.properties = function (data, s, root, dp, sp, keys) {
    var props = isObject(s.properties) ? s.properties : {};
    var patterns = isObject(s.patternProperties) ? Object.keys(s.patternProperties) : [];
    var ok = true, i, key;
    if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
      for (i = 0; i < keys.length; i++) {
        key = keys[i];
        if (Object.prototype.hasOwnProperty.call(props, key) ||
          patterns.some(function (p) { return S.regex(p).test(key); })) continue;
        if (s.additionalProperties === false) {
          ok = this.fail('additionalProperties', dp, sp + '/additionalProperties',
            { additionalProperty: key }, 'should NOT have additional properties');
        } else {
          ok = this.check(data[key], s.additionalProperties, root, dp + dynProp(key),
            sp + '/additionalProperties') && ok;
        }
        if (!ok && !this.all) return false;
      }
    }
    var required = Array.isArray(s.required) ? s.required : [];
    for (key in props) {
      if (data[key] === undefined) {
        if (required.indexOf(key) < 0 || !hasRules(props[key])) continue;
        ok = this.fail('required', dp, sp + '/required', { missingProperty: quote(key) },
          "should have required property '" + quote(key) + "'");
        if (!this.all) return false;
        continue;
      }
      ok = this.check(data[key], props[key], root, dp + prop(key),
        sp + '/properties/' + esc(key)) && ok;
      if (!ok && !this.all) return false;
    }
    for (i = 0; i < patterns.length; i++) {
      for (var k = 0; k < keys.length; k++) {
        if (!S.regex(patterns[i]).test(keys[k])) continue;
        ok = this.check(data[keys[k]], s.patternProperties[patterns[i]], root,
          dp + dynProp(keys[k]), sp + '/patternProperties/' + esc(patterns[i])) && ok;
        if (!ok && !this.all) return false;
      }
    }
    return ok;
  };

  Run.prototype.generic = function (data, s, root, dp, sp) {
    var ok = true, i, start;
    if (s.const !== undefined && !S.equal(data, s.const)) {
      ok = this.fail('const', dp, sp + '/const', { allowedValue: s.const },
        'should be equal to constant');
      if (!this.all) return false;
    }
    if (Array.isArray(s.enum) && !s.enum.some(function (v) { return S.equal(data, v); })) {
      ok = this.fail('enum', dp, sp + '/enum', { allowedValues: s.enum },
        'should be equal to one of the allowed values');
      if (!this.all) return false;
    }
    if (s.not !== undefined) {
      start = this.errors.length;
      var passed = this.check(data, s.not, root, dp, sp + '/not');
      this.errors.length = start;
      if (passed) ok = this.fail('not', dp, sp + '/not', {}, 'should NOT be valid');
      if (!ok && !this.all) return false;
    }
    if (Array.isArray(s.anyOf)) {
      start = this.errors.length;
      var any = false;
      for (i = 0; i < s.anyOf.length && !any; i++) {
        any = this.check(data, s.anyOf[i], root, dp, sp + '/anyOf/' + i);
      }
      if (any) this.errors.length = start;
      else ok = this.fail('anyOf', dp, sp + '/anyOf', {}, 'should match some schema in anyOf');
      if (!ok && !this.all) return false;
    }
    if (Array.isArray(s.oneOf)) {
      start = this.errors.length;
      var passing = null, many = false;
      for (i = 0; i < s.oneOf.length && !many; i++) {
        if (!this.check(data, s.oneOf[i], root, dp, sp + '/oneOf/' + i)) continue;
        if (passing === null) passing = i;
        else { passing = [passing, i]; many = true; }
      }
      if (passing !== null && !many) this.errors.length = start;
      else {
        ok = this.fail('oneOf', dp, sp + '/oneOf', { passingSchemas: passing },
          'should match exactly one schema in oneOf');
      }
      if (!ok && !this.all) return false;
    }
    for (i = 0; Array.isArray(s.allOf) && i < s.allOf.length; i++) {
      ok = this.check(data, s.allOf[i], root, dp, sp + '/allOf/' + i) && ok;
      if (!ok && !this.all) return false;
    }
    return this.conditional(data, s, root, dp, sp) && ok;
  };

  Run.prototype.conditional = function (data, s, root, dp, sp) {
    if (s.if === undefined || (s.then === undefined && s.else === undefined)) return true;
    var start = this.errors.length;
    var branch = this.check(data, s.if, root, dp, sp + '/if') ? 'then' : 'else';
    this.errors.length = start;
    if (s[branch] === undefined || this.check(data, s[branch], root, dp, sp + '/' + branch)) {
      return true;
    }
    return this.fail('if', dp, sp + '/if', { failingKeyword: branch },
      'should match "' + branch + '" schema');
  };

  // compile-time checks ajv makes: every format is known, every $ref resolves.
  var SUBSCHEMA = { additionalProperties: 1, additionalItems: 1, contains: 1, not: 1,
    propertyNames: 1, if: 1, then: 1, else: 1, items: 1 };
  var SUBSCHEMA_LIST = { allOf: 1, anyOf: 1, oneOf: 1, items: 1 };
  var SUBSCHEMA_MAP = { properties: 1, patternProperties: 1, definitions: 1, $defs: 1,
    dependencies: 1 };

  // path: the schema path ('#/properties/a'), meta: the same as ajv's meta-schema errors
  // write it ("data.properties['a']").
  function scan(ajv, s, root, path, meta) {
    if (!isObject(s)) return;
    if (typeof s.$ref === 'string') {
      if (!S.resolveRef(s.$ref, root, ajv._schemas)) {
        throw new Error("can't resolve reference " + s.$ref + ' from id #');
      }
      return;
    }
    ['exclusiveMaximum', 'exclusiveMinimum'].forEach(function (kw) {
      if (s[kw] !== undefined && typeof s[kw] !== 'number') {  // the draft-4 boolean form
        throw new Error('schema is invalid: ' + meta + '.' + kw + ' should be number');
      }
    });
    if (typeof s.format === 'string' && !ajv._formats[s.format]) {
      throw new Error('unknown format "' + s.format + '" is used in schema at path "' +
        path + '"');
    }
    for (var kw in s) {
      var v = s[kw];
      if (SUBSCHEMA_LIST[kw] && Array.isArray(v)) {
        for (var i = 0; i < v.length; i++) {
          scan(ajv, v[i], root, path + '/' + kw + '/' + i, meta + prop(kw) + '[' + i + ']');
        }
      } else if (SUBSCHEMA[kw]) {
        scan(ajv, v, root, path + '/' + kw, meta + prop(kw));
      } else if (SUBSCHEMA_MAP[kw] && isObject(v)) {
        for (var k in v) {
          scan(ajv, v[k], root, path + '/' + kw + '/' + esc(k), meta + prop(kw) + dynProp(k));
        }
      }
    }
  }

  function Ajv(options) {
    if (!(this instanceof Ajv)) return new Ajv(options);
    this._opts = options || {};
    this._schemas = {};
    this._formats = {};
    for (var f in S.formats) this._formats[f] = S.formats[f];
    this.errors = null;
  }
  Ajv.prototype.compile = function (schema) {
    var self = this;
    scan(this, schema, schema, '#', 'data');
    var validate = function (data) {
      var run = new Run(self, !!self._opts.allErrors);
      var ok = run.check(data, schema, schema, '', '#');
      validate.errors = ok ? null : run.errors;
      self.errors = validate.errors;
      return ok;
    };
    validate.schema = schema;
    validate.errors = null;
    return validate;
  };
  Ajv.prototype.validate = function (schema, data) {
    if (typeof schema === 'string') {
      var v = this.getSchema(schema);
      if (!v) throw new Error('no schema with key or ref "' + schema + '"');
      schema = v.schema;
    }
    return this.compile(schema)(data);
  };
  Ajv.prototype.addSchema = function (schema, key) {
    if (Array.isArray(schema)) {
      for (var i = 0; i < schema.length; i++) this.addSchema(schema[i]);
      return this;
    }
    var id = key || schema.$id || schema.id;
    if (typeof id === 'string') this._schemas[id.replace(/#$/, '')] = schema;
    return this;
  };
  Ajv.prototype.getSchema = function (key) {
    var found = S.resolveRef(key, undefined, this._schemas);
    return found ? this.compile(found.schema) : undefined;
  };
  Ajv.prototype.removeSchema = function (key) {
    if (key === undefined) this._schemas = {};
    else delete this._schemas[typeof key === 'string' ? key : key.$id || key.id];
    return this;
  };
  Ajv.prototype.addFormat = function (name, format) {
    this._formats[name] = typeof format === 'string' ? new RegExp(format)
      : isObject(format) && !(format instanceof RegExp) ? format.validate : format;
    return this;
  };
  Ajv.prototype.addKeyword = function () { return this; };
  Ajv.prototype.addMetaSchema = function () { return this; };
  Ajv.prototype.validateSchema = function () { return true; };
  Ajv.prototype.errorsText = function (errors, options) {
    errors = errors || this.errors;
    if (!errors || !errors.length) return 'No errors';
    var sep = options && options.separator !== undefined ? options.separator : ', ';
    var dataVar = options && options.dataVar !== undefined ? options.dataVar : 'data';
    return errors.map(function (e) { return dataVar + e.dataPath + ' ' + e.message; }).join(sep);
  };
  Ajv.default = Ajv;
  G.__harness_Ajv = Ajv;
})(globalThis);
