/*
 * harness: a tv4-compatible JSON Schema validator (draft 4 semantics, tv4's error codes,
 * messages, paths and keyword order), in pure JavaScript.
 *
 * Exposes globalThis.__harness_tv4. Like tv4, formats are only checked once added with
 * tv4.addFormat, and keywords tv4 does not know (const, if, contains, ...) are ignored.
 */
(function (G) {
  'use strict';
  var S = G.__harness_jsonschema;
  var jsonType = S.jsonType;

  var ErrorCodes = {
    INVALID_TYPE: 0, ENUM_MISMATCH: 1, ANY_OF_MISSING: 10, ONE_OF_MISSING: 11,
    ONE_OF_MULTIPLE: 12, NOT_PASSED: 13, NUMBER_MULTIPLE_OF: 100, NUMBER_MINIMUM: 101,
    NUMBER_MINIMUM_EXCLUSIVE: 102, NUMBER_MAXIMUM: 103, NUMBER_MAXIMUM_EXCLUSIVE: 104,
    NUMBER_NOT_A_NUMBER: 105, STRING_LENGTH_SHORT: 200, STRING_LENGTH_LONG: 201,
    STRING_PATTERN: 202, OBJECT_PROPERTIES_MINIMUM: 300, OBJECT_PROPERTIES_MAXIMUM: 301,
    OBJECT_REQUIRED: 302, OBJECT_ADDITIONAL_PROPERTIES: 303, OBJECT_DEPENDENCY_KEY: 304,
    ARRAY_LENGTH_SHORT: 400, ARRAY_LENGTH_LONG: 401, ARRAY_UNIQUE: 402,
    ARRAY_ADDITIONAL_ITEMS: 403, FORMAT_CUSTOM: 500, KEYWORD_CUSTOM: 501,
    CIRCULAR_REFERENCE: 600, UNKNOWN_PROPERTY: 1000
  };
  var MESSAGES = {
    0: 'Invalid type: {type} (expected {expected})',
    1: 'No enum match for: {value}',
    10: 'Data does not match any schemas from "anyOf"',
    11: 'Data does not match any schemas from "oneOf"',
    12: 'Data is valid against more than one schema from "oneOf": indices {index1} and {index2}',
    13: 'Data matches schema from "not"',
    100: 'Value {value} is not a multiple of {multipleOf}',
    101: 'Value {value} is less than minimum {minimum}',
    102: 'Value {value} is equal to exclusive minimum {minimum}',
    103: 'Value {value} is greater than maximum {maximum}',
    104: 'Value {value} is equal to exclusive maximum {maximum}',
    105: 'Value {value} is not a valid number',
    200: 'String is too short ({length} chars), minimum {minimum}',
    201: 'String is too long ({length} chars), maximum {maximum}',
    202: 'String does not match pattern: {pattern}',
    300: 'Too few properties defined ({propertyCount}), minimum {minimum}',
    301: 'Too many properties defined ({propertyCount}), maximum {maximum}',
    302: 'Missing required property: {key}',
    303: 'Additional properties not allowed',
    304: 'Dependency failed - key must exist: {missing} (due to key: {key})',
    400: 'Array is too short ({length}), minimum {minimum}',
    401: 'Array is too long ({length}), maximum {maximum}',
    402: 'Array items are not unique (indices {match1} and {match2})',
    403: 'Additional items not allowed',
    500: 'Format validation failed ({message})',
    600: 'Circular $refs: {urls}'
  };

  function ValidationError(code, params, dataPath, schemaPath, subErrors) {
    this.message = MESSAGES[code].replace(/\{([^{}]*)\}/g, function (whole, name) {
      var v = params[name];
      return typeof v === 'string' || typeof v === 'number' ? v : whole;
    });
    this.params = params;
    this.code = code;
    this.dataPath = dataPath;
    this.schemaPath = schemaPath;
    this.subErrors = subErrors || null;
  }
  ValidationError.prototype = Object.create(Error.prototype);
  ValidationError.prototype.constructor = ValidationError;
  ValidationError.prototype.name = 'ValidationError';

  function esc(key) { return String(key).replace(/~/g, '~0').replace(/\//g, '~1'); }

  // One validation: collects every error (multiple) or stops at the first.
  function Run(api, multiple) {
    this.api = api;
    this.multiple = multiple;
    this.errors = [];
    this.missing = [];
  }
  Run.prototype.handle = function (err) {
    if (this.multiple) { this.errors.push(err); return null; }
    return err;
  };

  Run.prototype.check = function (data, schema, root, dp, sp) {
    for (var hops = 0; S.isObject(schema) && typeof schema.$ref === 'string'; hops++) {
      var found = hops < 64 && S.resolveRef(schema.$ref, root, this.api._schemas);
      if (!found) {
        if (hops >= 64) return this.handle(new ValidationError(600, { urls: schema.$ref }, dp, sp));
        this.missing.push(schema.$ref);
        return null;
      }
      schema = found.schema;
      root = found.doc;
    }
    if (!S.isObject(schema)) return null;
    var err = basic(data, schema, dp, sp) || numeric(data, schema, dp, sp) ||
      string(data, schema, dp, sp) ||
      (Array.isArray(data) ? this.array(data, schema, root, dp, sp) : null) ||
      (S.isObject(data) ? this.object(data, schema, root, dp, sp) : null) ||
      this.combinations(data, schema, root, dp, sp) || this.format(data, schema, dp, sp);
    return err ? this.handle(err) : null;
  };

  function basic(data, schema, dp, sp) {
    var t = jsonType(data);
    if (schema.type !== undefined) {
      var allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
      var ok = false;
      for (var i = 0; i < allowed.length && !ok; i++) {
        ok = allowed[i] === t || (allowed[i] === 'integer' && t === 'number' && data % 1 === 0);
      }
      if (!ok) {
        return new ValidationError(0, { type: t, expected: allowed.join('/') }, dp, sp + '/type');
      }
    }
    if (Array.isArray(schema.enum)) {
      for (var j = 0; j < schema.enum.length; j++) if (S.equal(data, schema.enum[j])) return null;
      return new ValidationError(1, { value: JSON.stringify(data) }, dp, sp + '/type');
    }
    return null;
  }

  function numeric(data, s, dp, sp) {
    if (typeof data !== 'number') return null;
    var m = s.multipleOf || s.divisibleBy;
    if (m !== undefined) {
      var rem = (data / m) % 1;
      if (rem >= Math.pow(2, -51) && rem < 1 - Math.pow(2, -51)) {
        return new ValidationError(100, { value: data, multipleOf: m }, dp, sp);
      }
    }
    if (s.minimum !== undefined) {
      if (data < s.minimum) {
        return new ValidationError(101, { value: data, minimum: s.minimum }, dp, sp + '/minimum');
      }
      if (s.exclusiveMinimum && data === s.minimum) {
        return new ValidationError(102, { value: data, minimum: s.minimum }, dp,
          sp + '/exclusiveMinimum');
      }
    }
    if (s.maximum !== undefined) {
      if (data > s.maximum) {
        return new ValidationError(103, { value: data, maximum: s.maximum }, dp, sp + '/maximum');
      }
      if (s.exclusiveMaximum && data === s.maximum) {
        return new ValidationError(104, { value: data, maximum: s.maximum }, dp,
          sp + '/exclusiveMaximum');
      }
    }
    if (!isFinite(data)) return new ValidationError(105, { value: data }, dp, sp + '/type');
    return null;
  }

  function string(data, s, dp, sp) {
    if (typeof data !== 'string') return null;
    if (s.minLength !== undefined && data.length < s.minLength) {
      return new ValidationError(200, { length: data.length, minimum: s.minLength }, dp,
        sp + '/minLength');
    }
    if (s.maxLength !== undefined && data.length > s.maxLength) {
      return new ValidationError(201, { length: data.length, maximum: s.maxLength }, dp,
        sp + '/maxLength');
    }
    if (typeof s.pattern === 'string') {
      var lit = /^\/(.+)\/([img]*)$/.exec(s.pattern);
      if (!S.regex(lit ? lit[1] : s.pattern, lit ? lit[2] : '').test(data)) {
        return new ValidationError(202, { pattern: s.pattern }, dp, sp + '/pattern');
      }
    }
    return null;
  }

  Run.prototype.array = function (data, s, root, dp, sp) {
    var err = null;
    if (s.minItems !== undefined && data.length < s.minItems &&
        (err = this.handle(new ValidationError(400, { length: data.length, minimum: s.minItems },
          dp, sp + '/minItems')))) return err;
    if (s.maxItems !== undefined && data.length > s.maxItems &&
        (err = this.handle(new ValidationError(401, { length: data.length, maximum: s.maxItems },
          dp, sp + '/maxItems')))) return err;
    if (s.uniqueItems) {
      for (var i = 0; i < data.length; i++) {
        for (var j = i + 1; j < data.length; j++) {
          if (S.equal(data[i], data[j]) && (err = this.handle(new ValidationError(402,
            { match1: i, match2: j }, dp, sp + '/uniqueItems')))) return err;
        }
      }
    }
    if (s.items === undefined) return null;
    for (var k = 0; k < data.length; k++) {
      var ip = dp + '/' + k;
      if (!Array.isArray(s.items)) {
        err = this.check(data[k], s.items, root, ip, sp + '/items');
      } else if (k < s.items.length) {
        err = this.check(data[k], s.items[k], root, ip, sp + '/items/' + k);
      } else if (s.additionalItems === false) {
        err = this.handle(new ValidationError(403, {}, ip, sp + '/additionalItems'));
      } else if (S.isObject(s.additionalItems)) {
        err = this.check(data[k], s.additionalItems, root, ip, sp + '/additionalItems');
      }
      if (err) return err;
    }
    return null;
  };

  Run.prototype.object = function (data, s, root, dp, sp) {
    var err = null;
    var count = Object.keys(data).length;
    if (s.minProperties !== undefined && count < s.minProperties &&
        (err = this.handle(new ValidationError(300, { propertyCount: count,
          minimum: s.minProperties }, dp, sp + '/minProperties')))) return err;
    if (s.maxProperties !== undefined && count > s.maxProperties &&
        (err = this.handle(new ValidationError(301, { propertyCount: count,
          maximum: s.maxProperties }, dp, sp + '/maxProperties')))) return err;
    if (Array.isArray(s.required)) {
      for (var i = 0; i < s.required.length; i++) {
        if (data[s.required[i]] === undefined && (err = this.handle(new ValidationError(302,
          { key: s.required[i] }, dp, sp + '/required/' + i)))) return err;
      }
    }
    return this.properties(data, s, root, dp, sp) || this.dependencies(data, s, root, dp, sp);
  };

  Run.prototype.properties = function (data, s, root, dp, sp) {
    var err = null;
    for (var key in data) {
      var kp = dp + '/' + esc(key);
      var matched = false;
      if (s.properties !== undefined && s.properties[key] !== undefined) {
        matched = true;
        if ((err = this.check(data[key], s.properties[key], root, kp,
          sp + '/properties/' + esc(key)))) return err;
      }
      for (var pattern in s.patternProperties || {}) {
        if (S.regex(pattern).test(key)) {
          matched = true;
          if ((err = this.check(data[key], s.patternProperties[pattern], root, kp,
            sp + '/patternProperties/' + esc(pattern)))) return err;
        }
      }
      if (matched || s.additionalProperties === undefined) continue;
      if (s.additionalProperties === false) {
        err = this.handle(new ValidationError(303, { key: key }, kp, sp + '/additionalProperties'));
      } else if (S.isObject(s.additionalProperties)) {
        err = this.check(data[key], s.additionalProperties, root, kp, sp + '/additionalProperties');
      }
      if (err) return err;
    }
    return null;
  };

  Run.prototype.dependencies = function (data, s, root, dp, sp) {
    var err = null;
    for (var key in s.dependencies || {}) {
      if (data[key] === undefined) continue;
      var dep = s.dependencies[key];
      var base = sp + '/dependencies/' + esc(key);
      if (typeof dep === 'string' || Array.isArray(dep)) {
        var list = typeof dep === 'string' ? [dep] : dep;
        for (var i = 0; i < list.length; i++) {
          if (data[list[i]] === undefined && (err = this.handle(new ValidationError(304,
            { key: key, missing: list[i] }, dp, typeof dep === 'string' ? base : base + '/' + i)))) {
            return err;
          }
        }
      } else if ((err = this.check(data, dep, root, dp, base))) {
        return err;
      }
    }
    return null;
  };

  // Runs sub-schema i; true when it passed (its errors are then dropped).
  Run.prototype.sub = function (data, schema, root, dp, sp, collected) {
    var before = this.errors.length;
    var err = this.check(data, schema, root, dp, sp);
    if (!err && this.errors.length === before) return true;
    if (err) collected.push(err);
    return false;
  };

  Run.prototype.combinations = function (data, s, root, dp, sp) {
    var err, i, start = this.errors.length, subs = [];
    if (Array.isArray(s.allOf)) {
      for (i = 0; i < s.allOf.length; i++) {
        if ((err = this.check(data, s.allOf[i], root, dp, sp + '/allOf/' + i))) return err;
      }
    }
    if (Array.isArray(s.anyOf)) {
      var any = false;
      for (i = 0; i < s.anyOf.length && !any; i++) {
        any = this.sub(data, s.anyOf[i], root, dp, sp + '/anyOf/' + i, subs);
      }
      subs = subs.concat(this.errors.slice(start));
      this.errors.length = start;
      if (!any) return new ValidationError(10, {}, dp, sp + '/anyOf', subs);
      subs = [];
    }
    if (Array.isArray(s.oneOf)) {
      var valid = null;
      for (i = 0; i < s.oneOf.length; i++) {
        if (!this.sub(data, s.oneOf[i], root, dp, sp + '/oneOf/' + i, subs)) continue;
        if (valid !== null) {
          this.errors.length = start;
          return new ValidationError(12, { index1: valid, index2: i }, dp, sp + '/oneOf');
        }
        valid = i;
      }
      subs = subs.concat(this.errors.slice(start));
      this.errors.length = start;
      if (valid === null) return new ValidationError(11, {}, dp, sp + '/oneOf', subs);
    }
    if (S.isObject(s.not)) {
      var passed = this.sub(data, s.not, root, dp, sp + '/not', []);
      this.errors.length = start;
      if (passed) return new ValidationError(13, {}, dp, sp + '/not');
    }
    return null;
  };

  Run.prototype.format = function (data, s, dp, sp) {
    var fn = typeof s.format === 'string' ? this.api._formats[s.format] : undefined;
    if (typeof fn !== 'function') return null;
    var out = fn(data, s);
    if (typeof out === 'string' || typeof out === 'number') {
      return new ValidationError(500, { message: out }, dp, sp + '/format');
    }
    if (out && typeof out === 'object') {
      return new ValidationError(500, { message: out.message || '?' }, dp + (out.dataPath || ''),
        sp + (out.schemaPath || '/format'));
    }
    return null;
  };

  function run(api, data, schema, multiple) {
    if (typeof schema === 'string') schema = { $ref: schema };
    var r = new Run(api, multiple);
    var err = r.check(data, schema || {}, schema, '', '');
    if (err) r.errors.push(err);
    return r;
  }

  function createApi() {
    var api = {
      error: null,
      missing: [],
      valid: true,
      _schemas: {},
      _formats: {},
      errorCodes: ErrorCodes,
      validate: function (data, schema) {
        var r = run(api, data, schema, false);
        api.error = r.errors.length ? r.errors[0] : null;
        api.missing = r.missing;
        api.valid = api.error === null;
        return api.valid;
      },
      validateResult: function (data, schema) {
        var r = run(api, data, schema, false);
        api.error = r.errors.length ? r.errors[0] : null;
        api.missing = r.missing;
        return { valid: api.error === null, error: api.error, missing: r.missing };
      },
      validateMultiple: function (data, schema) {
        var r = run(api, data, schema, true);
        return { valid: r.errors.length === 0, errors: r.errors, missing: r.missing };
      },
      addSchema: function (uri, schema) {
        if (typeof uri === 'object' && uri !== null) {
          schema = uri;
          uri = schema.id || schema.$id;
        }
        if (typeof uri !== 'string') return false;
        api._schemas[uri.replace(/#$/, '')] = schema;
        return true;
      },
      getSchema: function (uri) {
        var found = S.resolveRef(uri, undefined, api._schemas);
        return found ? found.schema : undefined;
      },
      getSchemaUris: function () { return Object.keys(api._schemas); },
      dropSchemas: function () { api._schemas = {}; },
      addFormat: function (name, fn) {
        if (typeof name === 'string') { api._formats[name] = fn; return; }
        for (var k in name) api._formats[k] = name[k];
      },
      freshApi: function () { return createApi(); },
      reset: function () { api._schemas = {}; api.error = null; api.missing = []; },
      ValidationError: ValidationError
    };
    api.tv4 = api;
    return api;
  }

  G.__harness_tv4 = createApi();
})(globalThis);
