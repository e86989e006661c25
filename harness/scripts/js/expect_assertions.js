/*
 * harness: the chai-4 BDD assertion vocabulary, registered on the Assertion
 * class defined in expect.js through the public plugin API.
 */
globalThis.__harness_chai.use(function (chai, _) {
  'use strict';
  var Assertion = chai.Assertion;
  var AssertionError = chai.AssertionError;
  var flag = _.flag;

  function prefix(self) {
    var m = flag(self, 'message');
    return m ? m + ': ' : '';
  }

  /** What length-style assertions measure: a Map's or Set's size, anything else's length. */
  function sizeOf(obj, objType) {
    return objType === 'map' || objType === 'set' ? ['size', obj.size] : ['length', obj.length];
  }

  function raise(message) {
    throw new AssertionError(message, undefined);
  }

  function useMessage(self, msg) {
    if (msg) flag(self, 'message', msg);
  }

  // --- language chains and flags -------------------------------------------
  ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of',
    'same', 'but', 'does', 'still', 'also'].forEach(function (chain) {
    Assertion.addProperty(chain);
  });

  Assertion.addProperty('not', function () { flag(this, 'negate', true); });
  Assertion.addProperty('deep', function () { flag(this, 'deep', true); });
  Assertion.addProperty('nested', function () { flag(this, 'nested', true); });
  Assertion.addProperty('own', function () { flag(this, 'own', true); });
  Assertion.addProperty('ordered', function () { flag(this, 'ordered', true); });
  Assertion.addProperty('any', function () {
    flag(this, 'any', true);
    flag(this, 'all', false);
  });
  Assertion.addProperty('all', function () {
    flag(this, 'all', true);
    flag(this, 'any', false);
  });

  // --- a / an ---------------------------------------------------------------
  function an(typeName, msg) {
    useMessage(this, msg);
    typeName = typeName.toLowerCase();
    var obj = flag(this, 'object');
    var article = 'aeiou'.indexOf(typeName.charAt(0)) !== -1 && typeName.charAt(0) !== ''
      ? 'an ' : 'a ';
    this.assert(
      typeName === _.type(obj).toLowerCase(),
      'expected #{this} to be ' + article + typeName,
      'expected #{this} not to be ' + article + typeName
    );
  }
  Assertion.addChainableMethod('an', an);
  Assertion.addChainableMethod('a', an);

  // --- include --------------------------------------------------------------
  function sameValueZero(a, b) {
    return (_.isNaN(a) && _.isNaN(b)) || a === b;
  }

  function includeChainingBehavior() { flag(this, 'contains', true); }

  function include(val, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var objType = _.type(obj).toLowerCase();
    var flagMsg = prefix(this);
    var negate = flag(this, 'negate');
    var isDeep = flag(this, 'deep');
    var descriptor = isDeep ? 'deep ' : '';
    var isEql = isDeep ? flag(this, 'eql') : sameValueZero;
    var included = false;
    switch (objType) {
      case 'string':
        included = obj.indexOf(val) !== -1;
        break;
      case 'weakset':
        if (isDeep) raise(flagMsg + 'unable to use .deep.include with WeakSet');
        included = obj.has(val);
        break;
      case 'map':
        obj.forEach(function (item) { included = included || isEql(item, val); });
        break;
      case 'set':
        if (isDeep) {
          obj.forEach(function (item) { included = included || isEql(item, val); });
        } else {
          included = obj.has(val);
        }
        break;
      case 'array':
        if (isDeep) {
          included = obj.some(function (item) { return isEql(item, val); });
        } else {
          included = obj.indexOf(val) !== -1;
        }
        break;
      default: {
        if (val !== Object(val)) {
          var valType = _.type(val).toLowerCase();
          raise(flagMsg + 'the given combination of arguments (' + objType + ' and ' + valType +
            ') is invalid for this assertion. You can use an array, a map, an object, a set, ' +
            'a string, or a weakset instead of a ' + valType);
        }
        var props = Object.keys(val);
        var firstErr = null;
        var numErrs = 0;
        var self = this;
        props.forEach(function (prop) {
          var propAssertion = new Assertion(obj);
          _.transferFlags(self, propAssertion, true);
          flag(propAssertion, 'lockSsfi', true);
          if (!negate || props.length === 1) {
            propAssertion.property(prop, val[prop]);
            return;
          }
          try {
            propAssertion.property(prop, val[prop]);
          } catch (err) {
            if (!(err instanceof AssertionError)) throw err;
            if (firstErr === null) firstErr = err;
            numErrs++;
          }
        });
        if (negate && props.length > 1 && numErrs === props.length) throw firstErr;
        return;
      }
    }
    this.assert(
      included,
      'expected #{this} to ' + descriptor + 'include ' + _.inspect(val),
      'expected #{this} to not ' + descriptor + 'include ' + _.inspect(val)
    );
  }
  ['include', 'contain', 'contains', 'includes'].forEach(function (name) {
    Assertion.addChainableMethod(name, include, includeChainingBehavior);
  });

  // --- simple value properties ------------------------------------------------
  Assertion.addProperty('ok', function () {
    this.assert(flag(this, 'object'), 'expected #{this} to be truthy',
      'expected #{this} to be falsy');
  });
  Assertion.addProperty('true', function () {
    this.assert(flag(this, 'object') === true, 'expected #{this} to be true',
      'expected #{this} to be false', !flag(this, 'negate'));
  });
  Assertion.addProperty('false', function () {
    this.assert(flag(this, 'object') === false, 'expected #{this} to be false',
      'expected #{this} to be true', !!flag(this, 'negate'));
  });
  Assertion.addProperty('null', function () {
    this.assert(flag(this, 'object') === null, 'expected #{this} to be null',
      'expected #{this} not to be null');
  });
  Assertion.addProperty('undefined', function () {
    this.assert(flag(this, 'object') === undefined, 'expected #{this} to be undefined',
      'expected #{this} not to be undefined');
  });
  Assertion.addProperty('NaN', function () {
    this.assert(_.isNaN(flag(this, 'object')), 'expected #{this} to be NaN',
      'expected #{this} not to be NaN');
  });
  function assertExist() {
    var val = flag(this, 'object');
    this.assert(val !== null && val !== undefined, 'expected #{this} to exist',
      'expected #{this} to not exist');
  }
  Assertion.addProperty('exist', assertExist);
  Assertion.addProperty('exists', assertExist);

  Assertion.addProperty('empty', function () {
    var val = flag(this, 'object');
    var flagMsg = prefix(this);
    var count;
    switch (_.type(val).toLowerCase()) {
      case 'array':
      case 'string':
        count = val.length;
        break;
      case 'map':
      case 'set':
        count = val.size;
        break;
      case 'weakmap':
      case 'weakset':
        raise(flagMsg + '.empty was passed a weak collection');
        break;
      case 'function':
        raise((flagMsg + '.empty was passed a function ' + _.getName(val)).trim());
        break;
      default:
        if (val !== Object(val)) {
          raise(flagMsg + '.empty was passed non-string primitive ' + _.inspect(val));
        }
        count = Object.keys(val).length;
    }
    this.assert(count === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });

  function checkArguments() {
    var t = _.type(flag(this, 'object'));
    this.assert(t === 'Arguments', 'expected #{this} to be arguments but got ' + t,
      'expected #{this} to not be arguments');
  }
  Assertion.addProperty('arguments', checkArguments);
  Assertion.addProperty('Arguments', checkArguments);

  // --- equality ---------------------------------------------------------------
  function assertEqual(val, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    if (flag(this, 'deep')) {
      var prev = flag(this, 'lockSsfi');
      flag(this, 'lockSsfi', true);
      this.eql(val);
      flag(this, 'lockSsfi', prev);
    } else {
      this.assert(val === obj, 'expected #{this} to equal #{exp}',
        'expected #{this} to not equal #{exp}', val, this._obj, true);
    }
  }
  Assertion.addMethod('equal', assertEqual);
  Assertion.addMethod('equals', assertEqual);
  Assertion.addMethod('eq', assertEqual);

  function assertEql(obj, msg) {
    useMessage(this, msg);
    this.assert(flag(this, 'eql')(obj, flag(this, 'object')),
      'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}',
      obj, this._obj, true);
  }
  Assertion.addMethod('eql', assertEql);
  Assertion.addMethod('eqls', assertEql);

  // --- numeric comparisons ----------------------------------------------------
  function makeComparison(name, test, texts) {
    // texts: [positive, negative, lengthPositive, lengthNegative]
    return function (n, msg) {
      useMessage(this, msg);
      var obj = flag(this, 'object');
      var doLength = flag(this, 'doLength');
      var flagMsg = flag(this, 'message');
      var msgPrefix = flagMsg ? flagMsg + ': ' : '';
      var objType = _.type(obj).toLowerCase();
      var nType = _.type(n).toLowerCase();
      if (doLength && objType !== 'map' && objType !== 'set') {
        new Assertion(obj, flagMsg, undefined, true).to.have.property('length');
      }
      var errorMessage = null;
      if (!doLength && objType === 'date' && nType !== 'date') {
        errorMessage = msgPrefix + 'the argument to ' + name + ' must be a date';
      } else if (nType !== 'number' && (doLength || objType === 'number')) {
        errorMessage = msgPrefix + 'the argument to ' + name + ' must be a number';
      } else if (!doLength && objType !== 'date' && objType !== 'number') {
        var printObj = objType === 'string' ? "'" + obj + "'" : obj;
        errorMessage = msgPrefix + 'expected ' + printObj + ' to be a number or a date';
      }
      if (errorMessage !== null) raise(errorMessage);
      if (doLength) {
        var measured = sizeOf(obj, objType), descriptor = measured[0], count = measured[1];
        this.assert(test(count, n),
          'expected #{this} to have a ' + descriptor + ' ' + texts[2] + ' #{exp} but got #{act}',
          'expected #{this} to ' + texts[3].replace('%', descriptor) + ' #{exp}', n, count);
      } else {
        this.assert(test(obj, n), 'expected #{this} to be ' + texts[0] + ' #{exp}',
          'expected #{this} to be ' + texts[1] + ' #{exp}', n);
      }
    };
  }
  var above = makeComparison('above', function (a, b) { return a > b; },
    ['above', 'at most', 'above', 'not have a % above']);
  var least = makeComparison('least', function (a, b) { return a >= b; },
    ['at least', 'below', 'at least', 'have a % below']);
  var below = makeComparison('below', function (a, b) { return a < b; },
    ['below', 'at least', 'below', 'not have a % below']);
  var most = makeComparison('most', function (a, b) { return a <= b; },
    ['at most', 'above', 'at most', 'have a % above']);
  ['above', 'gt', 'greaterThan'].forEach(function (n) { Assertion.addMethod(n, above); });
  ['least', 'gte', 'greaterThanOrEqual'].forEach(function (n) { Assertion.addMethod(n, least); });
  ['below', 'lt', 'lessThan'].forEach(function (n) { Assertion.addMethod(n, below); });
  ['most', 'lte', 'lessThanOrEqual'].forEach(function (n) { Assertion.addMethod(n, most); });

  Assertion.addMethod('within', function (start, finish, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var doLength = flag(this, 'doLength');
    var flagMsg = flag(this, 'message');
    var msgPrefix = flagMsg ? flagMsg + ': ' : '';
    var objType = _.type(obj).toLowerCase();
    var startType = _.type(start).toLowerCase();
    var finishType = _.type(finish).toLowerCase();
    var range = startType === 'date' && finishType === 'date'
      ? start.toISOString() + '..' + finish.toISOString()
      : start + '..' + finish;
    if (doLength && objType !== 'map' && objType !== 'set') {
      new Assertion(obj, flagMsg, undefined, true).to.have.property('length');
    }
    var errorMessage = null;
    if (!doLength && objType === 'date' && (startType !== 'date' || finishType !== 'date')) {
      errorMessage = msgPrefix + 'the arguments to within must be dates';
    } else if ((startType !== 'number' || finishType !== 'number') &&
      (doLength || objType === 'number')) {
      errorMessage = msgPrefix + 'the arguments to within must be numbers';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      var printObj = objType === 'string' ? "'" + obj + "'" : obj;
      errorMessage = msgPrefix + 'expected ' + printObj + ' to be a number or a date';
    }
    if (errorMessage !== null) raise(errorMessage);
    if (doLength) {
      var measured = sizeOf(obj, objType), descriptor = measured[0], count = measured[1];
      this.assert(count >= start && count <= finish,
        'expected #{this} to have a ' + descriptor + ' within ' + range,
        'expected #{this} to not have a ' + descriptor + ' within ' + range);
    } else {
      this.assert(obj >= start && obj <= finish, 'expected #{this} to be within ' + range,
        'expected #{this} to not be within ' + range);
    }
  });

  // --- instanceof -------------------------------------------------------------
  function assertInstanceOf(constructor, msg) {
    useMessage(this, msg);
    var target = flag(this, 'object');
    var isInstance;
    try {
      isInstance = target instanceof constructor;
    } catch (err) {
      if (err instanceof TypeError) {
        raise(prefix(this) + 'The instanceof assertion needs a constructor but ' +
          _.type(constructor) + ' was given.');
      }
      throw err;
    }
    var name = _.getName(constructor);
    if (name === null) name = 'an unnamed constructor';
    this.assert(isInstance, 'expected #{this} to be an instance of ' + name,
      'expected #{this} to not be an instance of ' + name);
  }
  Assertion.addMethod('instanceof', assertInstanceOf);
  Assertion.addMethod('instanceOf', assertInstanceOf);

  // --- property ---------------------------------------------------------------
  function assertProperty(name, val, msg) {
    useMessage(this, msg);
    var isNested = flag(this, 'nested');
    var isOwn = flag(this, 'own');
    var flagMsg = prefix(this);
    var obj = flag(this, 'object');
    var nameType = typeof name;
    if (isNested) {
      if (nameType !== 'string') {
        raise(flagMsg + 'the argument to property must be a string when using nested syntax');
      }
    } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      raise(flagMsg + 'the argument to property must be a string, number, or symbol');
    }
    if (isNested && isOwn) raise(flagMsg + 'The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) raise(flagMsg + 'Target cannot be null or undefined.');
    var isDeep = flag(this, 'deep');
    var negate = flag(this, 'negate');
    var pathInfo = isNested ? _.getPathInfo(obj, name) : null;
    var value = isNested ? pathInfo.value : obj[name];
    var isEql = isDeep ? flag(this, 'eql') : function (a, b) { return a === b; };
    var descriptor = (isDeep ? 'deep ' : '') + (isOwn ? 'own ' : '') +
      (isNested ? 'nested ' : '') + 'property ';
    var has;
    if (isOwn) has = Object.prototype.hasOwnProperty.call(obj, name);
    else if (isNested) has = pathInfo.exists;
    else has = _.hasProperty(obj, name);
    if (!negate || arguments.length === 1) {
      this.assert(has, 'expected #{this} to have ' + descriptor + _.inspect(name),
        'expected #{this} to not have ' + descriptor + _.inspect(name));
    }
    if (arguments.length > 1) {
      this.assert(has && isEql(val, value),
        'expected #{this} to have ' + descriptor + _.inspect(name) + ' of #{exp}, but got #{act}',
        'expected #{this} to not have ' + descriptor + _.inspect(name) + ' of #{act}',
        val, value);
    }
    flag(this, 'object', value);
  }
  Assertion.addMethod('property', assertProperty);

  function assertOwnProperty() {
    flag(this, 'own', true);
    assertProperty.apply(this, arguments);
  }
  Assertion.addMethod('ownProperty', assertOwnProperty);
  Assertion.addMethod('haveOwnProperty', assertOwnProperty);

  function assertOwnPropertyDescriptor(name, descriptor, msg) {
    if (typeof descriptor === 'string') {
      msg = descriptor;
      descriptor = null;
    }
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var actual = Object.getOwnPropertyDescriptor(Object(obj), name);
    if (actual && descriptor) {
      this.assert(flag(this, 'eql')(descriptor, actual),
        'expected the own property descriptor for ' + _.inspect(name) + ' on #{this} to match ' +
          _.inspect(descriptor) + ', got ' + _.inspect(actual),
        'expected the own property descriptor for ' + _.inspect(name) +
          ' on #{this} to not match ' + _.inspect(descriptor),
        descriptor, actual, true);
    } else {
      this.assert(actual,
        'expected #{this} to have an own property descriptor for ' + _.inspect(name),
        'expected #{this} to not have an own property descriptor for ' + _.inspect(name));
    }
    flag(this, 'object', actual);
  }
  Assertion.addMethod('ownPropertyDescriptor', assertOwnPropertyDescriptor);
  Assertion.addMethod('haveOwnPropertyDescriptor', assertOwnPropertyDescriptor);

  // --- length -----------------------------------------------------------------
  function assertLengthChain() { flag(this, 'doLength', true); }

  function assertLength(n, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var objType = _.type(obj).toLowerCase();
    var descriptor = 'length';
    var count;
    if (objType === 'map' || objType === 'set') {
      descriptor = 'size';
      count = obj.size;
    } else {
      new Assertion(obj, flag(this, 'message'), undefined, true).to.have.property('length');
      count = obj.length;
    }
    this.assert(count == n, // eslint-disable-line eqeqeq
      'expected #{this} to have a ' + descriptor + ' of #{exp} but got #{act}',
      'expected #{this} to not have a ' + descriptor + ' of #{act}', n, count);
  }
  Assertion.addChainableMethod('length', assertLength, assertLengthChain);
  Assertion.addChainableMethod('lengthOf', assertLength, assertLengthChain);

  // --- strings ------------------------------------------------------------------
  function assertMatch(re, msg) {
    useMessage(this, msg);
    this.assert(re.exec(flag(this, 'object')), 'expected #{this} to match ' + re,
      'expected #{this} not to match ' + re);
  }
  Assertion.addMethod('match', assertMatch);
  Assertion.addMethod('matches', assertMatch);

  Assertion.addMethod('string', function (str, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    new Assertion(obj, flag(this, 'message'), undefined, true).is.a('string');
    this.assert(obj.indexOf(str) !== -1, 'expected #{this} to contain ' + _.inspect(str),
      'expected #{this} to not contain ' + _.inspect(str));
  });

  // --- keys -------------------------------------------------------------------
  function assertKeys(keys) {
    var obj = flag(this, 'object');
    var objType = _.type(obj);
    var keysType = _.type(keys);
    var isDeep = flag(this, 'deep');
    var deepStr = '';
    var actual;
    var ok = true;
    var flagMsg = prefix(this);
    var mixedArgsMsg = flagMsg + 'when testing keys against an object or an array you must ' +
      'give a single Array|Object|String argument or multiple String arguments';
    var args = Array.prototype.slice.call(arguments);
    if (objType === 'Map' || objType === 'Set') {
      deepStr = isDeep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (v, key) { actual.push(key); });
      if (keysType !== 'Array') keys = args;
    } else {
      actual = _.getOwnEnumerableProperties(obj);
      switch (keysType) {
        case 'Array':
          if (args.length > 1) raise(mixedArgsMsg);
          break;
        case 'Object':
          if (args.length > 1) raise(mixedArgsMsg);
          keys = Object.keys(keys);
          break;
        default:
          keys = args;
      }
      keys = keys.map(function (k) { return typeof k === 'symbol' ? k : String(k); });
    }
    if (!keys.length) raise(flagMsg + 'keys required');
    var len = keys.length;
    var any = flag(this, 'any');
    var all = flag(this, 'all');
    var expected = keys;
    var isEql = isDeep ? flag(this, 'eql') : function (a, b) { return a === b; };
    if (!any && !all) all = true;
    if (any) {
      ok = expected.some(function (e) {
        return actual.some(function (a) { return isEql(e, a); });
      });
    }
    if (all) {
      ok = expected.every(function (e) {
        return actual.some(function (a) { return isEql(e, a); });
      });
      if (!flag(this, 'contains')) ok = ok && keys.length === actual.length;
    }
    var str;
    if (len > 1) {
      var shown = keys.map(function (k) { return _.inspect(k); });
      var last = shown.pop();
      if (all) str = shown.join(', ') + ', and ' + last;
      if (any) str = shown.join(', ') + ', or ' + last;
    } else {
      str = _.inspect(keys[0]);
    }
    str = (len > 1 ? 'keys ' : 'key ') + str;
    str = (flag(this, 'contains') ? 'contain ' : 'have ') + str;
    this.assert(ok, 'expected #{this} to ' + deepStr + str,
      'expected #{this} to not ' + deepStr + str,
      expected.slice(0).sort(_.compareByInspect), actual.sort(_.compareByInspect), true);
  }
  Assertion.addMethod('keys', assertKeys);
  Assertion.addMethod('key', assertKeys);

  // --- throw ------------------------------------------------------------------
  function compatibleInstance(thrown, errorLike) {
    return errorLike instanceof Error && thrown === errorLike;
  }
  function compatibleConstructor(thrown, errorLike) {
    if (errorLike instanceof Error) {
      return thrown.constructor === errorLike.constructor ||
        thrown instanceof errorLike.constructor;
    } else if (errorLike.prototype instanceof Error || errorLike === Error) {
      return thrown.constructor === errorLike || thrown instanceof errorLike;
    }
    return false;
  }
  function compatibleMessage(thrown, matcher) {
    var s = typeof thrown === 'string' ? thrown : thrown.message;
    if (matcher instanceof RegExp) return matcher.test(s);
    if (typeof matcher === 'string') return s.indexOf(matcher) !== -1;
    return false;
  }
  function constructorName(errorLike) {
    var name = errorLike;
    if (errorLike instanceof Error) {
      name = _.getName(errorLike.constructor);
    } else if (typeof errorLike === 'function') {
      name = _.getName(errorLike);
      if (name === '') {
        var inst = _.getName(new errorLike()); // eslint-disable-line new-cap
        name = inst || name;
      }
    }
    return name;
  }
  function errorMessageOf(errorLike) {
    if (errorLike && errorLike.message) return errorLike.message;
    if (typeof errorLike === 'string') return errorLike;
    return '';
  }
  function describeError(e) {
    return e instanceof Error ? e.toString() : e && constructorName(e);
  }

  function assertThrows(errorLike, errMsgMatcher, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var negate = flag(this, 'negate') || false;
    new Assertion(obj, flag(this, 'message'), undefined, true).is.a('function');
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    var caughtErr;
    try {
      obj();
    } catch (err) {
      caughtErr = err;
    }
    var everyArgIsUndefined = errorLike === undefined && errMsgMatcher === undefined;
    var everyArgIsDefined = Boolean(errorLike && errMsgMatcher);
    var errorLikeFail = false;
    var errMsgMatcherFail = false;

    if (everyArgIsUndefined || (!everyArgIsUndefined && !negate)) {
      var errorLikeString = 'an error';
      if (errorLike instanceof Error) errorLikeString = '#{exp}';
      else if (errorLike) errorLikeString = constructorName(errorLike);
      this.assert(caughtErr, 'expected #{this} to throw ' + errorLikeString,
        'expected #{this} to not throw an error but #{act} was thrown',
        errorLike && errorLike.toString(),
        caughtErr instanceof Error ? caughtErr.toString()
          : (typeof caughtErr === 'string' ? caughtErr
            : caughtErr && constructorName(caughtErr)));
    }

    if (errorLike && caughtErr) {
      if (errorLike instanceof Error) {
        var isCompatibleInstance = compatibleInstance(caughtErr, errorLike);
        if (isCompatibleInstance === negate) {
          if (everyArgIsDefined && negate) {
            errorLikeFail = true;
          } else {
            this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' +
                (caughtErr && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caughtErr.toString());
          }
        }
      }
      var isCompatibleConstructor = compatibleConstructor(caughtErr, errorLike);
      if (isCompatibleConstructor === negate) {
        if (everyArgIsDefined && negate) {
          errorLikeFail = true;
        } else {
          this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caughtErr ? ' but #{act} was thrown' : ''),
            describeError(errorLike), describeError(caughtErr));
        }
      }
    }

    if (caughtErr && errMsgMatcher !== undefined && errMsgMatcher !== null) {
      var placeholder = errMsgMatcher instanceof RegExp ? 'matching' : 'including';
      var isCompatibleMessage = compatibleMessage(caughtErr, errMsgMatcher);
      if (isCompatibleMessage === negate) {
        if (everyArgIsDefined && negate) {
          errMsgMatcherFail = true;
        } else {
          this.assert(negate,
            'expected #{this} to throw error ' + placeholder + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + placeholder + ' #{exp}',
            errMsgMatcher, errorMessageOf(caughtErr));
        }
      }
    }

    if (errorLikeFail && errMsgMatcherFail) {
      this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caughtErr ? ' but #{act} was thrown' : ''),
        describeError(errorLike), describeError(caughtErr));
    }
    flag(this, 'object', caughtErr);
  }
  Assertion.addMethod('throw', assertThrows);
  Assertion.addMethod('throws', assertThrows);
  Assertion.addMethod('Throw', assertThrows);

  // --- respondTo / satisfy / closeTo -----------------------------------------
  function respondTo(method, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var itself = flag(this, 'itself');
    var context = typeof obj === 'function' && !itself ? obj.prototype[method] : obj[method];
    this.assert(typeof context === 'function', 'expected #{this} to respond to ' +
      _.inspect(method), 'expected #{this} to not respond to ' + _.inspect(method));
  }
  Assertion.addMethod('respondTo', respondTo);
  Assertion.addMethod('respondsTo', respondTo);
  Assertion.addProperty('itself', function () { flag(this, 'itself', true); });

  function satisfy(matcher, msg) {
    useMessage(this, msg);
    var result = matcher(flag(this, 'object'));
    this.assert(result, 'expected #{this} to satisfy ' + _.objDisplay(matcher),
      'expected #{this} to not satisfy' + _.objDisplay(matcher),
      !flag(this, 'negate'), result);
  }
  Assertion.addMethod('satisfy', satisfy);
  Assertion.addMethod('satisfies', satisfy);

  function closeTo(expected, delta, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    new Assertion(obj, flag(this, 'message'), undefined, true).is.a('number');
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      raise(prefix(this) + 'the arguments to closeTo or approximately must be numbers' +
        (delta === undefined ? ', and a delta is required' : ''));
    }
    this.assert(Math.abs(obj - expected) <= delta,
      'expected #{this} to be close to ' + expected + ' +/- ' + delta,
      'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  }
  Assertion.addMethod('closeTo', closeTo);
  Assertion.addMethod('approximately', closeTo);

  // --- members / oneOf ----------------------------------------------------------
  function isSubsetOf(subset, superset, cmp, contains, ordered) {
    if (!contains) {
      if (subset.length !== superset.length) return false;
      superset = superset.slice();
    }
    return subset.every(function (elem, idx) {
      if (ordered) return cmp ? cmp(elem, superset[idx]) : elem === superset[idx];
      if (!cmp) {
        var matchIdx = superset.indexOf(elem);
        if (matchIdx === -1) return false;
        if (!contains) superset.splice(matchIdx, 1);
        return true;
      }
      return superset.some(function (elem2, i) {
        if (!cmp(elem, elem2)) return false;
        if (!contains) superset.splice(i, 1);
        return true;
      });
    });
  }

  Assertion.addMethod('members', function (subset, msg) {
    useMessage(this, msg);
    var obj = flag(this, 'object');
    var flagMsg = flag(this, 'message');
    new Assertion(obj, flagMsg, undefined, true).to.be.an('array');
    new Assertion(subset, flagMsg, undefined, true).to.be.an('array');
    var contains = flag(this, 'contains');
    var ordered = flag(this, 'ordered');
    var subject, failMsg, failNegateMsg;
    if (contains) {
      subject = ordered ? 'an ordered superset' : 'a superset';
      failMsg = 'expected #{this} to be ' + subject + ' of #{exp}';
      failNegateMsg = 'expected #{this} to not be ' + subject + ' of #{exp}';
    } else {
      subject = ordered ? 'ordered members' : 'members';
      failMsg = 'expected #{this} to have the same ' + subject + ' as #{exp}';
      failNegateMsg = 'expected #{this} to not have the same ' + subject + ' as #{exp}';
    }
    var cmp = flag(this, 'deep') ? flag(this, 'eql') : undefined;
    this.assert(isSubsetOf(subset, obj, cmp, contains, ordered), failMsg, failNegateMsg,
      subset, obj, true);
  });

  Assertion.addMethod('oneOf', function (list, msg) {
    useMessage(this, msg);
    var expected = flag(this, 'object');
    var eql = flag(this, 'eql');
    new Assertion(list, flag(this, 'message'), undefined, true).to.be.an('array');
    if (flag(this, 'contains')) {
      this.assert(list.some(function (p) { return expected.indexOf(p) > -1; }),
        'expected #{this} to contain one of #{exp}',
        'expected #{this} to not contain one of #{exp}', list, expected);
    } else if (flag(this, 'deep')) {
      this.assert(list.some(function (p) { return eql(expected, p); }),
        'expected #{this} to deeply equal one of #{exp}',
        'expected #{this} to deeply equal one of #{exp}', list, expected);
    } else {
      this.assert(list.indexOf(expected) > -1, 'expected #{this} to be one of #{exp}',
        'expected #{this} to not be one of #{exp}', list, expected);
    }
  });

  // --- change / increase / decrease -------------------------------------------
  function makeDelta(behavior, needsNumber, test) {
    return function (subject, prop, msg) {
      useMessage(this, msg);
      var fn = flag(this, 'object');
      var flagMsg = flag(this, 'message');
      new Assertion(fn, flagMsg, undefined, true).is.a('function');
      var initial;
      if (!prop) {
        new Assertion(subject, flagMsg, undefined, true).is.a('function');
        initial = subject();
      } else {
        new Assertion(subject, flagMsg, undefined, true).to.have.property(prop);
        initial = subject[prop];
      }
      if (needsNumber) new Assertion(initial, flagMsg, undefined, true).is.a('number');
      fn();
      var final = prop === undefined || prop === null ? subject() : subject[prop];
      var msgObj = prop === undefined || prop === null ? initial : '.' + prop;
      flag(this, 'deltaMsgObj', msgObj);
      flag(this, 'initialDeltaValue', initial);
      flag(this, 'finalDeltaValue', final);
      flag(this, 'deltaBehavior', behavior);
      var real = behavior === 'change' ? final !== initial
        : behavior === 'increase' ? final - initial : initial - final;
      flag(this, 'realDelta', real);
      this.assert(test(initial, final), 'expected ' + msgObj + ' to ' + behavior,
        'expected ' + msgObj + ' to not ' + behavior);
    };
  }
  var changes = makeDelta('change', false, function (a, b) { return a !== b; });
  var increases = makeDelta('increase', true, function (a, b) { return b - a > 0; });
  var decreases = makeDelta('decrease', true, function (a, b) { return b - a < 0; });
  Assertion.addMethod('change', changes);
  Assertion.addMethod('changes', changes);
  Assertion.addMethod('increase', increases);
  Assertion.addMethod('increases', increases);
  Assertion.addMethod('decrease', decreases);
  Assertion.addMethod('decreases', decreases);

  Assertion.addMethod('by', function (delta, msg) {
    useMessage(this, msg);
    var msgObj = flag(this, 'deltaMsgObj');
    var initial = flag(this, 'initialDeltaValue');
    var final = flag(this, 'finalDeltaValue');
    var behavior = flag(this, 'deltaBehavior');
    var expression = behavior === 'change'
      ? Math.abs(final - initial) === Math.abs(delta)
      : flag(this, 'realDelta') === Math.abs(delta);
    this.assert(expression, 'expected ' + msgObj + ' to ' + behavior + ' by ' + delta,
      'expected ' + msgObj + ' to not ' + behavior + ' by ' + delta);
  });

  // --- object state -------------------------------------------------------------
  Assertion.addProperty('extensible', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) && Object.isExtensible(obj),
      'expected #{this} to be extensible', 'expected #{this} to not be extensible');
  });
  Assertion.addProperty('sealed', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isSealed(obj) : true,
      'expected #{this} to be sealed', 'expected #{this} to not be sealed');
  });
  Assertion.addProperty('frozen', function () {
    var obj = flag(this, 'object');
    this.assert(obj === Object(obj) ? Object.isFrozen(obj) : true,
      'expected #{this} to be frozen', 'expected #{this} to not be frozen');
  });
  Assertion.addProperty('finite', function () {
    var obj = flag(this, 'object');
    this.assert(typeof obj === 'number' && isFinite(obj),
      'expected #{this} to be a finite number', 'expected #{this} to not be a finite number');
  });
});
