/*
 * harness: JSON-schema validation for Postman scripts: a tv4-shaped API
 * (draft 4) and a minimal ajv-shaped API, both backed by the host function
 * __host_jsonschema(dataJson, schemaJson, draft) -> JSON list of errors.
 *
 * Exposes globalThis.__harness_tv4 and globalThis.__harness_Ajv.
 */
(function (G) {
  'use strict';

  function hostValidate(data, schema, draft) {
    if (typeof G.__host_jsonschema !== 'function') {
      throw new Error('JSON schema validation is not available (no __host_jsonschema host function)');
    }
    var dataJson = data === undefined ? '' : JSON.stringify(data);
    return JSON.parse(G.__host_jsonschema(dataJson, JSON.stringify(schema), draft));
  }

  function jsonType(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    return typeof v;
  }

  // --- tv4 ---------------------------------------------------------------------
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

  // Converts one host error into tv4's [code, message, params].
  function tv4Describe(e) {
    var v = e.instance;
    var p = e.params || {};
    switch (e.keyword) {
      case 'type': {
        var expected = Array.isArray(p.type) ? p.type.join('/') : p.type;
        var t = jsonType(v);
        return ['INVALID_TYPE', 'Invalid type: ' + t + ' (expected ' + expected + ')',
          { type: t, expected: expected }];
      }
      case 'enum':
        return ['ENUM_MISMATCH', 'No enum match for: ' + JSON.stringify(v), { value: JSON.stringify(v) }];
      case 'anyOf':
        return ['ANY_OF_MISSING', 'Data does not match any schemas from "anyOf"', {}];
      case 'oneOf':
        return ['ONE_OF_MISSING', 'Data does not match any schemas from "oneOf"', {}];
      case 'not':
        return ['NOT_PASSED', 'Data matches schema from "not"', {}];
      case 'multipleOf':
        return ['NUMBER_MULTIPLE_OF', 'Value ' + v + ' is not a multiple of ' + p.multipleOf,
          { value: v, multipleOf: p.multipleOf }];
      case 'minimum':
        return p.exclusive
          ? ['NUMBER_MINIMUM_EXCLUSIVE', 'Value ' + v + ' is equal to exclusive minimum ' + p.limit,
            { value: v, minimum: p.limit }]
          : ['NUMBER_MINIMUM', 'Value ' + v + ' is less than minimum ' + p.limit,
            { value: v, minimum: p.limit }];
      case 'maximum':
        return p.exclusive
          ? ['NUMBER_MAXIMUM_EXCLUSIVE', 'Value ' + v + ' is equal to exclusive maximum ' + p.limit,
            { value: v, maximum: p.limit }]
          : ['NUMBER_MAXIMUM', 'Value ' + v + ' is greater than maximum ' + p.limit,
            { value: v, maximum: p.limit }];
      case 'minLength':
        return ['STRING_LENGTH_SHORT', 'String is too short (' + v.length + ' chars), minimum ' +
          p.limit, { length: v.length, minimum: p.limit }];
      case 'maxLength':
        return ['STRING_LENGTH_LONG', 'String is too long (' + v.length + ' chars), maximum ' +
          p.limit, { length: v.length, maximum: p.limit }];
      case 'pattern':
        return ['STRING_PATTERN', 'String does not match pattern: ' + p.pattern,
          { pattern: p.pattern, value: v }];
      case 'minProperties':
        return ['OBJECT_PROPERTIES_MINIMUM', 'Too few properties defined (' +
          Object.keys(v).length + '), minimum ' + p.limit,
          { propertyCount: Object.keys(v).length, minimum: p.limit }];
      case 'maxProperties':
        return ['OBJECT_PROPERTIES_MAXIMUM', 'Too many properties defined (' +
          Object.keys(v).length + '), maximum ' + p.limit,
          { propertyCount: Object.keys(v).length, maximum: p.limit }];
      case 'required':
        return ['OBJECT_REQUIRED', 'Missing required property: ' + p.missingProperty,
          { key: p.missingProperty }];
      case 'additionalProperties':
        return ['OBJECT_ADDITIONAL_PROPERTIES', 'Additional properties not allowed', {}];
      case 'dependencies':
        return ['OBJECT_DEPENDENCY_KEY', e.message, {}];
      case 'minItems':
        return ['ARRAY_LENGTH_SHORT', 'Array is too short (' + v.length + '), minimum ' + p.limit,
          { length: v.length, minimum: p.limit }];
      case 'maxItems':
        return ['ARRAY_LENGTH_LONG', 'Array is too long (' + v.length + '), maximum ' + p.limit,
          { length: v.length, maximum: p.limit }];
      case 'uniqueItems':
        return ['ARRAY_UNIQUE', 'Array items are not unique', {}];
      case 'additionalItems':
        return ['ARRAY_ADDITIONAL_ITEMS', 'Additional items not allowed', {}];
      case 'format':
        return ['FORMAT_CUSTOM', 'Format validation failed (' + e.message + ')',
          { message: e.message }];
      default:
        return ['KEYWORD_CUSTOM', e.message, { key: e.keyword, message: e.message }];
    }
  }

  function ValidationError(hostError) {
    var d = tv4Describe(hostError);
    this.code = ErrorCodes[d[0]];
    this.message = d[1];
    this.params = d[2];
    this.dataPath = hostError.instancePath;
    this.schemaPath = hostError.schemaPath;
    this.subErrors = null;
  }
  ValidationError.prototype = Object.create(Error.prototype);
  ValidationError.prototype.constructor = ValidationError;
  ValidationError.prototype.name = 'ValidationError';

  function tv4Run(data, schema) {
    if (typeof schema === 'string') schema = tv4._schemas[schema] || {};
    return hostValidate(data, schema || {}, 'draft4').map(function (e) {
      return new ValidationError(e);
    });
  }

  var tv4 = {
    error: null,
    missing: [],
    _schemas: {},
    errorCodes: ErrorCodes,
    validate: function (data, schema) {
      var errors = tv4Run(data, schema);
      tv4.error = errors.length ? errors[0] : null;
      tv4.missing = [];
      tv4.valid = errors.length === 0;
      return errors.length === 0;
    },
    validateResult: function (data, schema) {
      var errors = tv4Run(data, schema);
      tv4.error = errors.length ? errors[0] : null;
      return { valid: errors.length === 0, error: tv4.error, missing: [] };
    },
    validateMultiple: function (data, schema) {
      var errors = tv4Run(data, schema);
      return { valid: errors.length === 0, errors: errors, missing: [] };
    },
    addSchema: function (uri, schema) {
      if (typeof uri === 'object') {
        schema = uri;
        uri = schema.id || schema.$id;
      }
      tv4._schemas[uri] = schema;
      return true;
    },
    getSchema: function (uri) { return tv4._schemas[uri]; },
    addFormat: function () {},
    freshApi: function () { return tv4; },
    reset: function () { tv4._schemas = {}; tv4.error = null; }
  };
  tv4.tv4 = tv4;
  G.__harness_tv4 = tv4;

  // --- ajv (minimal, ajv 6 style messages) ----------------------------------------------
  function ajvError(e) {
    var p = e.params || {};
    var message;
    var params = {};
    switch (e.keyword) {
      case 'type':
        params.type = Array.isArray(p.type) ? p.type.join(',') : p.type;
        message = 'should be ' + params.type;
        break;
      case 'required':
        params.missingProperty = p.missingProperty;
        message = "should have required property '" + p.missingProperty + "'";
        break;
      case 'additionalProperties':
        params.additionalProperty = p.additionalProperty;
        message = 'should NOT have additional properties';
        break;
      case 'enum':
        params.allowedValues = p.allowedValues;
        message = 'should be equal to one of the allowed values';
        break;
      case 'const':
        params.allowedValue = p.allowedValue;
        message = 'should be equal to constant';
        break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        var op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
        if (p.exclusive) op = op.charAt(0);
        params.comparison = op;
        params.limit = p.limit;
        message = 'should be ' + op + ' ' + p.limit;
        break;
      }
      case 'minLength': case 'maxLength': case 'minItems': case 'maxItems':
      case 'minProperties': case 'maxProperties': {
        var more = e.keyword.slice(0, 3) === 'max';
        var noun = /Length/.test(e.keyword) ? 'characters'
          : /Items/.test(e.keyword) ? 'items' : 'properties';
        params.limit = p.limit;
        message = 'should NOT have ' + (more ? 'more' : 'fewer') + ' than ' + p.limit + ' ' + noun;
        break;
      }
      case 'pattern':
        params.pattern = p.pattern;
        message = 'should match pattern "' + p.pattern + '"';
        break;
      case 'format':
        params.format = p.format;
        message = 'should match format "' + p.format + '"';
        break;
      case 'multipleOf':
        params.multipleOf = p.multipleOf;
        message = 'should be multiple of ' + p.multipleOf;
        break;
      case 'anyOf':
        message = 'should match some schema in anyOf';
        break;
      case 'oneOf':
        message = 'should match exactly one schema in oneOf';
        break;
      case 'not':
        message = 'should NOT be valid';
        break;
      case 'uniqueItems':
        message = 'should NOT have duplicate items';
        break;
      default:
        message = e.message;
    }
    var dataPath = e.instancePath.split('/').slice(1).map(function (seg) {
      seg = seg.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(seg) ? '[' + seg + ']' : (/^[A-Za-z_$][\w$]*$/.test(seg)
        ? '.' + seg : "['" + seg + "']");
    }).join('');
    return {
      keyword: e.keyword,
      dataPath: dataPath,
      instancePath: e.instancePath,
      schemaPath: '#' + e.schemaPath,
      params: params,
      message: message
    };
  }

  function Ajv(options) {
    this._opts = options || {};
    this._schemas = {};
    this.errors = null;
  }
  Ajv.prototype.compile = function (schema) {
    var self = this;
    var validate = function (data) {
      var errors = hostValidate(data, schema, 'auto').map(ajvError);
      if (!self._opts.allErrors && errors.length > 1) errors = errors.slice(0, 1);
      validate.errors = errors.length ? errors : null;
      self.errors = validate.errors;
      return errors.length === 0;
    };
    validate.schema = schema;
    validate.errors = null;
    return validate;
  };
  Ajv.prototype.validate = function (schema, data) {
    if (typeof schema === 'string') schema = this._schemas[schema] || {};
    return this.compile(schema)(data);
  };
  Ajv.prototype.addSchema = function (schema, key) {
    this._schemas[key || schema.$id || schema.id] = schema;
    return this;
  };
  Ajv.prototype.getSchema = function (key) {
    return this._schemas[key] ? this.compile(this._schemas[key]) : undefined;
  };
  Ajv.prototype.addFormat = function () { return this; };
  Ajv.prototype.addKeyword = function () { return this; };
  Ajv.prototype.errorsText = function (errors) {
    errors = errors || this.errors;
    if (!errors || !errors.length) return 'No errors';
    return errors.map(function (e) { return 'data' + e.dataPath + ' ' + e.message; }).join(', ');
  };
  Ajv.default = Ajv;
  G.__harness_Ajv = Ajv;
})(globalThis);
