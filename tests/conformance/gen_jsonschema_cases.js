#!/usr/bin/env node
/*
 * Regenerates tests/conformance/jsonschema_cases.json from REAL tv4 and ajv 6.
 *
 * Usage (tv4 and ajv are NOT dependencies of the project; install them anywhere):
 *   npm install --prefix /tmp/ref tv4 ajv@6
 *   NODE_PATH=/tmp/ref/node_modules node tests/conformance/gen_jsonschema_cases.js
 *
 * Every case is a schema and an instance. The fixture records, for tv4 (draft 4) and for ajv 6
 * (default options), whether the instance is valid and the first error, plus every error
 * message (tv4.validateMultiple, ajv with allErrors); test_jsonschema_messages.py replays the
 * cases against harness/scripts/js/tv4.js and ajv.js and requires identical results.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const tv4 = require('tv4');
const Ajv = require('ajv');

const USER = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 2, maxLength: 10 },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
};

const CASES = [
  [{ type: 'number' }, 'x'],
  [{ type: 'number' }, 3.5],
  [{ type: 'integer' }, 3.5],
  [{ type: ['string', 'null'] }, 1],
  [{ type: 'object', required: ['x'] }, {}],
  [{ type: 'object', required: ['x'] }, []],
  [{ required: ['a-b', 'c'] }, { c: 1 }],
  [{ enum: ['a', 'b'] }, 'c'],
  [{ enum: [{ a: 1 }, [1, 2]] }, { a: 1 }],
  [{ const: 5 }, 6],
  [{ minimum: 5 }, 4],
  [{ maximum: 5 }, 6],
  [{ minimum: 5, exclusiveMinimum: true }, 5],
  [{ maximum: 5, exclusiveMaximum: true }, 5],
  [{ exclusiveMinimum: 5 }, 5],
  [{ exclusiveMaximum: 5 }, 4],
  [{ multipleOf: 3 }, 10],
  [{ multipleOf: 0.01 }, 0.3],
  [{ minLength: 3 }, 'ab'],
  [{ maxLength: 2 }, 'abc'],
  [{ pattern: '^[a-z]+$' }, 'abc1'],
  [{ minItems: 2 }, [1]],
  [{ maxItems: 1 }, [1, 2]],
  [{ uniqueItems: true }, [1, 2, 1]],
  [{ items: { type: 'string' }, uniqueItems: true }, ['a', 'b', 'a', 'b']],
  [{ items: { type: 'number' } }, [1, 'x', 3]],
  [{ items: [{ type: 'string' }, { type: 'number' }], additionalItems: false }, ['a', 1, true]],
  [{ items: [{ type: 'string' }], additionalItems: { type: 'number' } }, ['a', 1, 'b']],
  [{ minProperties: 2 }, { a: 1 }],
  [{ maxProperties: 1 }, { a: 1, b: 2 }],
  [{ properties: { a: {} }, additionalProperties: false }, { a: 1, b: 2 }],
  [{ additionalProperties: { type: 'string' } }, { a: 'x', b: 2 }],
  [{ patternProperties: { '^n_': { type: 'number' } } }, { n_a: 1, n_b: 'x' }],
  [{ dependencies: { a: ['b'] } }, { a: 1 }],
  [{ dependencies: { a: { required: ['c'] } } }, { a: 1 }],
  [{ allOf: [{ type: 'number' }, { minimum: 10 }] }, 5],
  [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, null],
  [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 7],
  [{ oneOf: [{ type: 'number' }, { minimum: 2 }] }, 5],
  [{ oneOf: [{ type: 'string' }, { type: 'boolean' }] }, 5],
  [{ not: { type: 'string' } }, 'x'],
  [{ definitions: { pos: { type: 'number', minimum: 0 } }, properties: { n: { $ref: '#/definitions/pos' } } }, { n: -1 }],
  [{ $defs: { s: { type: 'string' } }, items: { $ref: '#/$defs/s' } }, ['a', 2]],
  [{ properties: { child: { $ref: '#' } }, required: ['id'] }, { id: 1, child: { child: {} } }],
  [{ type: 'object', properties: { x: { type: 'number', minimum: 1 } } }, { x: 'a' }],
  [{ type: 'string', format: 'date-time' }, '2024-13-45 nope'],
  [{ type: 'string', format: 'date-time' }, '2024-03-05T10:20:30Z'],
  [{ format: 'email' }, 'not-an-email'],
  [{ format: 'uri' }, 'no scheme'],
  [{ format: 'ipv4' }, '256.1.1.1'],
  [{ format: 'uuid' }, '123e4567-e89b-12d3-a456-426614174000'],
  [{ format: 'uuid' }, 'xyz'],
  [USER, { id: 3, name: 'ab', tags: ['x'] }],
  [USER, { id: 'x', name: 'ab' }],
  [USER, { id: 0, name: 'a', tags: [1] }],
  [USER, { name: 'abcdefghijkl', email: 'x@y.z', tags: ['a', 'a'] }],
  [{ type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } }, [{ id: 1 }, { id: '2' }, {}]],
  [{ format: 'zzz' }, 'x'],
];

function tv4Result(schema, data) {
  const api = tv4.freshApi();
  const valid = api.validate(data, schema);
  const out = { valid };
  if (!valid) {
    out.message = api.error.message;
    out.code = api.error.code;
    out.dataPath = api.error.dataPath;
    out.schemaPath = api.error.schemaPath;
  }
  out.messages = api.validateMultiple(data, schema).errors.map(e => e.message);
  return out;
}

function ajvResult(schema, data) {
  let validate;
  let all;
  try {
    validate = new Ajv().compile(schema);
    all = new Ajv({ allErrors: true }).compile(schema);
  } catch (err) {
    return { throws: err.message };
  }
  const valid = validate(data);
  const out = { valid };
  if (!valid) {
    const e = validate.errors[0];
    out.message = e.message;
    out.keyword = e.keyword;
    out.dataPath = e.dataPath;
    out.schemaPath = e.schemaPath;
    out.params = e.params;
    out.count = validate.errors.length;
  }
  all(data);
  out.allErrorsText = new Ajv().errorsText(all.errors);
  return out;
}

const origWarn = console.warn;
console.warn = () => {};
const results = CASES.map(([schema, data]) => ({
  schema, data, tv4: tv4Result(schema, data), ajv: ajvResult(schema, data),
}));
console.warn = origWarn;
const out = path.join(__dirname, 'jsonschema_cases.json');
fs.writeFileSync(out, JSON.stringify({
  generator: 'tests/conformance/gen_jsonschema_cases.js',
  tv4_version: require('tv4/package.json').version,
  ajv_version: require('ajv/package.json').version,
  cases: results,
}, null, 1) + '\n');
console.log(`wrote ${results.length} cases to ${out}`);
