/*
 * harness: a small moment.js-compatible subset for Postman scripts.
 *
 * Supported: moment(), moment(ms | Date | ISO string | moment), moment(str, fmt),
 * moment.utc(...), format() with the common tokens, add/subtract, startOf/endOf,
 * diff, isBefore/isAfter/isSame/isBetween, utc()/local(), unix(), valueOf(),
 * toISOString(), toDate(), getters/setters, isValid(). English locale only.
 * Not supported: durations, humanize/fromNow, locales, timezone plugins.
 *
 * Exposes globalThis.__harness_moment.
 */
(function (G) {
  'use strict';

  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

  var UNITS = {
    y: 'year', year: 'year', years: 'year',
    Q: 'quarter', quarter: 'quarter', quarters: 'quarter',
    M: 'month', month: 'month', months: 'month',
    w: 'week', week: 'week', weeks: 'week',
    W: 'isoWeek', isoWeek: 'isoWeek', isoWeeks: 'isoWeek', isoweek: 'isoWeek',
    d: 'day', day: 'day', days: 'day',
    D: 'date', date: 'date', dates: 'date',
    h: 'hour', hour: 'hour', hours: 'hour',
    m: 'minute', minute: 'minute', minutes: 'minute',
    s: 'second', second: 'second', seconds: 'second',
    ms: 'millisecond', millisecond: 'millisecond', milliseconds: 'millisecond'
  };

  function normUnit(u) {
    if (u === undefined || u === null) return undefined;
    return UNITS[u] || UNITS[String(u).toLowerCase()] || undefined;
  }

  function pad(n, width) {
    var s = String(Math.abs(n));
    while (s.length < width) s = '0' + s;
    return (n < 0 ? '-' : '') + s;
  }

  function absFloor(n) { return n < 0 ? Math.ceil(n) || 0 : Math.floor(n); }

  // --- parsing -------------------------------------------------------------------
  var ISO_RE = /^\s*(\d{4}|[+-]\d{6})(?:-?(\d\d)(?:-?(\d\d))?)?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?\s*$/i;

  function makeDate(utc, y, mo, d, h, mi, s, ms) {
    var date = utc ? new Date(Date.UTC(2000, 0, 1)) : new Date(2000, 0, 1);
    if (utc) {
      date.setUTCFullYear(y, mo, d);
      date.setUTCHours(h, mi, s, ms);
    } else {
      date.setFullYear(y, mo, d);
      date.setHours(h, mi, s, ms);
    }
    return date.getTime();
  }

  function parseISO(str, utc) {
    var m = ISO_RE.exec(str);
    if (!m) return NaN;
    var y = parseInt(m[1], 10);
    var mo = m[2] ? parseInt(m[2], 10) - 1 : 0;
    var d = m[3] ? parseInt(m[3], 10) : 1;
    var h = m[4] ? parseInt(m[4], 10) : 0;
    var mi = m[5] ? parseInt(m[5], 10) : 0;
    var s = m[6] ? parseInt(m[6], 10) : 0;
    var ms = m[7] ? Math.floor(parseFloat('0.' + m[7]) * 1000 + 1e-7) : 0;
    if (mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 59) return NaN;
    if (m[8]) {
      var t = makeDate(true, y, mo, d, h, mi, s, ms);
      if (m[8].toUpperCase() !== 'Z') {
        var off = m[8].replace(':', '');
        var mins = parseInt(off.slice(1, 3), 10) * 60 + parseInt(off.slice(3, 5) || '0', 10);
        t -= (off.charAt(0) === '-' ? -mins : mins) * 60000;
      }
      return t;
    }
    return makeDate(utc, y, mo, d, h, mi, s, ms);
  }

  var PARSE_TOKENS = /YYYY|YY|MMMM|MMM|MM|M|DD|Do|D|HH|H|hh|h|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|./g;

  function parseWithFormat(str, fmt, utc) {
    var parts = { y: 1970, M: 0, d: 1, h: 0, m: 0, s: 0, ms: 0, pm: null, offset: null };
    var pos = 0;
    var tokens = fmt.match(PARSE_TOKENS) || [];
    for (var i = 0; i < tokens.length; i++) {
      var tok = tokens[i];
      var rest = str.slice(pos);
      var m;
      var num = function (re) {
        m = re.exec(rest);
        if (!m) return null;
        pos += m[0].length;
        return m[0];
      };
      var v;
      switch (tok) {
        case 'YYYY': v = num(/^\d{1,4}/); if (v === null) return NaN; parts.y = +v; break;
        case 'YY': v = num(/^\d\d/); if (v === null) return NaN; parts.y = +v + (+v > 68 ? 1900 : 2000); break;
        case 'MM': case 'M': v = num(/^\d\d?/); if (v === null) return NaN; parts.M = +v - 1; break;
        case 'MMMM': case 'MMM': {
          var found = -1;
          for (var k = 0; k < 12; k++) {
            var name = tok === 'MMM' ? MONTHS[k].slice(0, 3) : MONTHS[k];
            if (rest.slice(0, name.length).toLowerCase() === name.toLowerCase()) { found = k; pos += name.length; break; }
          }
          if (found < 0) return NaN;
          parts.M = found;
          break;
        }
        case 'DD': case 'D': case 'Do': v = num(/^\d\d?/); if (v === null) return NaN; parts.d = +v; if (tok === 'Do') num(/^(st|nd|rd|th)/); break;
        case 'HH': case 'H': case 'hh': case 'h': v = num(/^\d\d?/); if (v === null) return NaN; parts.h = +v; break;
        case 'mm': case 'm': v = num(/^\d\d?/); if (v === null) return NaN; parts.m = +v; break;
        case 'ss': case 's': v = num(/^\d\d?/); if (v === null) return NaN; parts.s = +v; break;
        case 'SSS': case 'SS': case 'S': v = num(/^\d+/); if (v === null) return NaN; parts.ms = Math.floor(parseFloat('0.' + v) * 1000 + 1e-7); break;
        case 'A': case 'a': v = num(/^[ap]\.?m?\.?/i); if (v === null) return NaN; parts.pm = /p/i.test(v); break;
        case 'Z': case 'ZZ': v = num(/^(Z|[+-]\d\d:?\d\d)/i); if (v === null) return NaN;
          if (v.toUpperCase() === 'Z') parts.offset = 0;
          else {
            var o = v.replace(':', '');
            parts.offset = (o.charAt(0) === '-' ? -1 : 1) * (parseInt(o.slice(1, 3), 10) * 60 + parseInt(o.slice(3, 5), 10));
          }
          break;
        case 'X': v = num(/^-?\d+(\.\d+)?/); if (v === null) return NaN; return parseFloat(v) * 1000;
        case 'x': v = num(/^-?\d+/); if (v === null) return NaN; return parseInt(v, 10);
        default:
          if (rest.charAt(0) === tok) pos += 1;
      }
    }
    if (parts.pm !== null) {
      if (parts.pm && parts.h < 12) parts.h += 12;
      if (!parts.pm && parts.h === 12) parts.h = 0;
    }
    if (parts.offset !== null) {
      return makeDate(true, parts.y, parts.M, parts.d, parts.h, parts.m, parts.s, parts.ms) -
        parts.offset * 60000;
    }
    return makeDate(utc, parts.y, parts.M, parts.d, parts.h, parts.m, parts.s, parts.ms);
  }

  function toMillis(input, fmt, utc) {
    if (input === undefined) return Date.now();
    if (input === null) return NaN;
    if (input instanceof Moment) return input._t;
    if (input instanceof Date) return input.getTime();
    if (typeof input === 'number') return input;
    if (Array.isArray(input)) {
      return makeDate(utc, input[0], input[1] || 0, input.length > 2 ? input[2] : 1, input[3] || 0,
        input[4] || 0, input[5] || 0, input[6] || 0);
    }
    if (typeof input === 'string') {
      if (fmt && fmt !== ISO_8601) {
        var fmts = Array.isArray(fmt) ? fmt : [fmt];
        for (var i = 0; i < fmts.length; i++) {
          var t = parseWithFormat(input, fmts[i], utc);
          if (!isNaN(t)) return t;
        }
        return NaN;
      }
      var iso = parseISO(input, utc);
      if (!isNaN(iso)) return iso;
      return new Date(input).getTime(); // moment's (deprecated) Date fallback
    }
    if (typeof input === 'object') {
      var o = {};
      Object.keys(input).forEach(function (k) { o[normUnit(k) || k] = input[k]; });
      return makeDate(utc, o.year || 0, o.month || 0, o.date || o.day || 1, o.hour || 0,
        o.minute || 0, o.second || 0, o.millisecond || 0);
    }
    return NaN;
  }

  function ISO_8601() {}

  // --- Moment ----------------------------------------------------------------------
  function Moment(t, utc) {
    this._t = t;
    this._isUTC = !!utc;
    this._isAMomentObject = true;
  }

  function fields(mo) {
    var d = new Date(mo._t);
    if (mo._isUTC) {
      return { y: d.getUTCFullYear(), M: d.getUTCMonth(), D: d.getUTCDate(), d: d.getUTCDay(),
        h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
    }
    return { y: d.getFullYear(), M: d.getMonth(), D: d.getDate(), d: d.getDay(),
      h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
  }

  function fromFields(mo, f) {
    var y = f.y;
    var M = f.M;
    // clamp the day to the target month's length, as moment does when adding months
    var dim = daysIn(y + Math.floor(M / 12), ((M % 12) + 12) % 12);
    mo._t = makeDate(mo._isUTC, y, M, Math.min(f.D, dim), f.h, f.m, f.s, f.ms);
    return mo;
  }

  function daysIn(year, month) {
    return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  }

  function ordinal(n) {
    var b = n % 10;
    var suffix = Math.floor((n % 100) / 10) === 1 ? 'th'
      : b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th';
    return n + suffix;
  }

  function offsetString(mo, sep) {
    var off = mo.utcOffset();
    var sign = off < 0 ? '-' : '+';
    off = Math.abs(off);
    return sign + pad(Math.floor(off / 60), 2) + sep + pad(off % 60, 2);
  }

  var FORMAT_TOKENS = /\[([^\]]*)\]|YYYY|YY|Y|Q|MMMM|MMM|MM|M|Do|DDDD|DDD|DD|D|dddd|ddd|dd|d|E|e|HH|H|hh|h|kk|k|mm|m|ss|s|SSSS|SSS|SS|S|A|a|ZZ|Z|X|x|LTS|LT|LLLL|LLL|LL|L|ww|w|WW|W/g;
  var LONG_FORMATS = {
    LT: 'h:mm A', LTS: 'h:mm:ss A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY',
    LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A'
  };

  function dayOfYear(f) {
    return Math.round((Date.UTC(f.y, f.M, f.D) - Date.UTC(f.y, 0, 1)) / 864e5) + 1;
  }

  function firstWeekOffset(year, dow, doy) {
    var fwd = 7 + dow - doy;
    var fwdlw = (7 + new Date(Date.UTC(year, 0, fwd)).getUTCDay() - dow) % 7;
    return -fwdlw + fwd - 1;
  }

  function weeksInYear(year, dow, doy) {
    var days = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    return (days - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
  }

  // moment's weekOfYear: dow = first day of week, doy = dow + 6 - (day of Jan that starts week 1)
  function weekOfYear(f, dow, doy) {
    var week = Math.floor((dayOfYear(f) - firstWeekOffset(f.y, dow, doy) - 1) / 7) + 1;
    if (week < 1) return week + weeksInYear(f.y - 1, dow, doy);
    if (week > weeksInYear(f.y, dow, doy)) return week - weeksInYear(f.y, dow, doy);
    return week;
  }

  function isoWeek(f) { return weekOfYear(f, 1, 4); }
  function localeWeek(f) { return weekOfYear(f, 0, 6); } // en locale: Sunday, Jan 1st in week 1

  function formatMoment(mo, fmt) {
    if (!mo.isValid()) return 'Invalid date';
    var f = fields(mo);
    return fmt.replace(FORMAT_TOKENS, function (tok, literal) {
      if (literal !== undefined) return literal;
      switch (tok) {
        case 'YYYY': return f.y <= 9999 ? pad(f.y, 4) : '+' + f.y;
        case 'YY': return pad(f.y % 100, 2);
        case 'Y': return String(f.y);
        case 'Q': return String(Math.floor(f.M / 3) + 1);
        case 'MMMM': return MONTHS[f.M];
        case 'MMM': return MONTHS[f.M].slice(0, 3);
        case 'MM': return pad(f.M + 1, 2);
        case 'M': return String(f.M + 1);
        case 'Do': return ordinal(f.D);
        case 'DDDD': return pad(dayOfYear(f), 3);
        case 'DDD': return String(dayOfYear(f));
        case 'DD': return pad(f.D, 2);
        case 'D': return String(f.D);
        case 'dddd': return DAYS[f.d];
        case 'ddd': return DAYS[f.d].slice(0, 3);
        case 'dd': return DAYS[f.d].slice(0, 2);
        case 'd': case 'e': return String(f.d);
        case 'E': return String(f.d || 7);
        case 'HH': return pad(f.h, 2);
        case 'H': return String(f.h);
        case 'hh': return pad(f.h % 12 || 12, 2);
        case 'h': return String(f.h % 12 || 12);
        case 'kk': return pad(f.h || 24, 2);
        case 'k': return String(f.h || 24);
        case 'mm': return pad(f.m, 2);
        case 'm': return String(f.m);
        case 'ss': return pad(f.s, 2);
        case 's': return String(f.s);
        case 'SSSS': return pad(f.ms, 3) + '0';
        case 'SSS': return pad(f.ms, 3);
        case 'SS': return pad(Math.floor(f.ms / 10), 2);
        case 'S': return String(Math.floor(f.ms / 100));
        case 'A': return f.h < 12 ? 'AM' : 'PM';
        case 'a': return f.h < 12 ? 'am' : 'pm';
        case 'ZZ': return offsetString(mo, '');
        case 'Z': return offsetString(mo, ':');
        case 'X': return String(Math.floor(mo._t / 1000));
        case 'x': return String(mo._t);
        case 'ww': return pad(localeWeek(f), 2);
        case 'w': return String(localeWeek(f));
        case 'WW': return pad(isoWeek(f), 2);
        case 'W': return String(isoWeek(f));
        default: return formatMoment(mo, LONG_FORMATS[tok]);
      }
    });
  }

  function addUnits(mo, amount, unit, sign) {
    if (typeof amount === 'object' && amount !== null && !(amount instanceof Moment)) {
      Object.keys(amount).forEach(function (k) { addUnits(mo, amount[k], k, sign); });
      return mo;
    }
    if (typeof amount === 'string' && typeof unit === 'number') {
      var tmp = amount;
      amount = unit;
      unit = tmp;
    }
    amount = Number(amount) * sign;
    if (!amount || !mo.isValid()) return mo;
    var u = normUnit(unit) || 'millisecond';
    var f;
    switch (u) {
      case 'year': case 'quarter': case 'month':
        f = fields(mo);
        f.M += amount * (u === 'year' ? 12 : u === 'quarter' ? 3 : 1);
        return fromFields(mo, f);
      case 'week': case 'isoWeek': case 'day': case 'date': {
        var d = new Date(mo._t);
        var days = amount * (u === 'week' || u === 'isoWeek' ? 7 : 1);
        if (mo._isUTC) d.setUTCDate(d.getUTCDate() + days);
        else d.setDate(d.getDate() + days);
        mo._t = d.getTime();
        return mo;
      }
      case 'hour': mo._t += amount * 36e5; return mo;
      case 'minute': mo._t += amount * 6e4; return mo;
      case 'second': mo._t += amount * 1e3; return mo;
      default: mo._t += amount; return mo;
    }
  }

  function startOf(mo, unit) {
    var u = normUnit(unit);
    if (!u || !mo.isValid()) return mo;
    var f = fields(mo);
    switch (u) {
      case 'year': f.M = 0; f.D = 1; break;
      case 'quarter': f.M = f.M - (f.M % 3); f.D = 1; break;
      case 'month': f.D = 1; break;
      case 'week': f.D -= f.d; break;
      case 'isoWeek': f.D -= (f.d + 6) % 7; break;
      default: break;
    }
    var order = ['year', 'quarter', 'month', 'week', 'isoWeek', 'day', 'date', 'hour', 'minute',
      'second', 'millisecond'];
    var idx = order.indexOf(u);
    if (idx <= order.indexOf('date')) f.h = 0;
    if (idx <= order.indexOf('hour')) f.m = 0;
    if (idx <= order.indexOf('minute')) f.s = 0;
    if (idx <= order.indexOf('second')) f.ms = 0;
    mo._t = makeDate(mo._isUTC, f.y, f.M, f.D, f.h, f.m, f.s, f.ms);
    return mo;
  }

  function endOf(mo, unit) {
    var u = normUnit(unit);
    if (!u || !mo.isValid()) return mo;
    startOf(mo, u);
    addUnits(mo, 1, u === 'date' ? 'day' : u, 1);
    mo._t -= 1;
    return mo;
  }

  function monthDiff(a, b) {
    if (fields(a).D < fields(b).D) return -monthDiff(b, a);
    var fa = fields(a);
    var fb = fields(b);
    var whole = (fb.y - fa.y) * 12 + (fb.M - fa.M);
    var anchor = a.clone().add(whole, 'months');
    var anchor2;
    var adjust;
    if (b._t - anchor._t < 0) {
      anchor2 = a.clone().add(whole - 1, 'months');
      adjust = (b._t - anchor._t) / (anchor._t - anchor2._t);
    } else {
      anchor2 = a.clone().add(whole + 1, 'months');
      adjust = (b._t - anchor._t) / (anchor2._t - anchor._t);
    }
    return -(whole + adjust) || 0;
  }

  function getSet(field, setter) {
    return function (value) {
      if (value === undefined) return fields(this)[field];
      var f = fields(this);
      setter(f, Number(value));
      this._t = makeDate(this._isUTC, f.y, f.M, f.D, f.h, f.m, f.s, f.ms);
      return this;
    };
  }

  Moment.prototype = {
    constructor: Moment,
    clone: function () { return new Moment(this._t, this._isUTC); },
    isValid: function () { return typeof this._t === 'number' && isFinite(this._t); },
    valueOf: function () { return this._t; },
    unix: function () { return Math.floor(this._t / 1000); },
    toDate: function () { return new Date(this._t); },
    toISOString: function (keepOffset) {
      if (!this.isValid()) return null;
      if (keepOffset && !this._isUTC) return formatMoment(this, 'YYYY-MM-DDTHH:mm:ss.SSSZ');
      return formatMoment(new Moment(this._t, true), 'YYYY-MM-DDTHH:mm:ss.SSS[Z]');
    },
    toJSON: function () { return this.toISOString(); },
    toString: function () {
      return this.isValid() ? formatMoment(this.clone().locale('en'), 'ddd MMM DD YYYY HH:mm:ss [GMT]ZZ')
        : 'Invalid date';
    },
    toArray: function () {
      var f = fields(this);
      return [f.y, f.M, f.D, f.h, f.m, f.s, f.ms];
    },
    toObject: function () {
      var f = fields(this);
      return { years: f.y, months: f.M, date: f.D, hours: f.h, minutes: f.m, seconds: f.s,
        milliseconds: f.ms };
    },
    inspect: function () { return 'moment("' + this.format() + '")'; },
    format: function (fmt) {
      if (!fmt) fmt = this._isUTC ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ';
      return formatMoment(this, fmt);
    },
    locale: function (name) { return name === undefined ? 'en' : this; },
    utc: function () { this._isUTC = true; return this; },
    local: function () { this._isUTC = false; return this; },
    isUTC: function () { return this._isUTC; },
    isUtc: function () { return this._isUTC; },
    utcOffset: function () {
      return this._isUTC ? 0 : -Math.round(new Date(this._t).getTimezoneOffset());
    },
    add: function (amount, unit) { return addUnits(this, amount, unit, 1); },
    subtract: function (amount, unit) { return addUnits(this, amount, unit, -1); },
    startOf: function (unit) { return startOf(this, unit); },
    endOf: function (unit) { return endOf(this, unit); },
    diff: function (input, unit, asFloat) {
      var that = input instanceof Moment ? input : moment(input);
      if (!this.isValid() || !that.isValid()) return NaN;
      var u = normUnit(unit);
      var output;
      var zoneDelta = (that.utcOffset() - this.utcOffset()) * 6e4;
      switch (u) {
        case 'year': output = monthDiff(this, that) / 12; break;
        case 'quarter': output = monthDiff(this, that) / 3; break;
        case 'month': output = monthDiff(this, that); break;
        case 'second': output = (this._t - that._t) / 1e3; break;
        case 'minute': output = (this._t - that._t) / 6e4; break;
        case 'hour': output = (this._t - that._t) / 36e5; break;
        case 'day': case 'date': output = (this._t - that._t - zoneDelta) / 864e5; break;
        case 'week': case 'isoWeek': output = (this._t - that._t - zoneDelta) / 6048e5; break;
        default: output = this._t - that._t;
      }
      return asFloat ? output : absFloor(output);
    },
    isBefore: function (input, unit) {
      var that = moment(input);
      if (!this.isValid() || !that.isValid()) return false;
      if (!normUnit(unit)) return this._t < that._t;
      return this.clone().endOf(unit)._t < that._t;
    },
    isAfter: function (input, unit) {
      var that = moment(input);
      if (!this.isValid() || !that.isValid()) return false;
      if (!normUnit(unit)) return this._t > that._t;
      return that._t < this.clone().startOf(unit)._t;
    },
    isSame: function (input, unit) {
      var that = moment(input);
      if (!this.isValid() || !that.isValid()) return false;
      if (!normUnit(unit)) return this._t === that._t;
      return this.clone().startOf(unit)._t <= that._t && that._t <= this.clone().endOf(unit)._t;
    },
    isSameOrBefore: function (input, unit) { return this.isSame(input, unit) || this.isBefore(input, unit); },
    isSameOrAfter: function (input, unit) { return this.isSame(input, unit) || this.isAfter(input, unit); },
    isBetween: function (from, to, unit, inclusivity) {
      inclusivity = inclusivity || '()';
      var a = inclusivity.charAt(0) === '(' ? this.isAfter(from, unit) : !this.isBefore(from, unit);
      var b = inclusivity.charAt(1) === ')' ? this.isBefore(to, unit) : !this.isAfter(to, unit);
      return a && b;
    },
    isLeapYear: function () {
      var y = fields(this).y;
      return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    },
    daysInMonth: function () {
      var f = fields(this);
      return daysIn(f.y, f.M);
    },
    year: getSet('y', function (f, v) { f.y = v; }),
    month: getSet('M', function (f, v) { f.M = v; }),
    date: getSet('D', function (f, v) { f.D = v; }),
    day: getSet('d', function (f, v) { f.D += v - f.d; }),
    hour: getSet('h', function (f, v) { f.h = v; }),
    minute: getSet('m', function (f, v) { f.m = v; }),
    second: getSet('s', function (f, v) { f.s = v; }),
    millisecond: getSet('ms', function (f, v) { f.ms = v; }),
    dayOfYear: function () { return dayOfYear(fields(this)); },
    week: function () { return localeWeek(fields(this)); },
    isoWeek: function () { return isoWeek(fields(this)); },
    isoWeekday: function () { return fields(this).d || 7; },
    weekday: function () { return fields(this).d; },
    quarter: function () { return Math.floor(fields(this).M / 3) + 1; },
    get: function (unit) {
      var u = normUnit(unit);
      return u && typeof this[u] === 'function' ? this[u]() : undefined;
    },
    set: function (unit, value) {
      if (typeof unit === 'object') {
        var self = this;
        Object.keys(unit).forEach(function (k) { self.set(k, unit[k]); });
        return this;
      }
      var u = normUnit(unit);
      if (u && typeof this[u] === 'function') this[u](value);
      return this;
    }
  };
  var P = Moment.prototype;
  P.years = P.year;
  P.months = P.month;
  P.dates = P.date;
  P.days = P.day;
  P.hours = P.hour;
  P.minutes = P.minute;
  P.seconds = P.second;
  P.milliseconds = P.millisecond;
  P.weeks = P.week;
  P.isoWeeks = P.isoWeek;

  function moment(input, fmt) {
    if (input instanceof Moment) return input.clone();
    return new Moment(toMillis(input, fmt, false), false);
  }
  moment.utc = function (input, fmt) {
    if (input instanceof Moment) return input.clone().utc();
    return new Moment(toMillis(input, fmt, true), true);
  };
  moment.unix = function (seconds) { return moment(seconds * 1000); };
  moment.isMoment = function (obj) { return obj instanceof Moment; };
  moment.isDate = function (obj) { return obj instanceof Date; };
  moment.invalid = function () { return new Moment(NaN, false); };
  moment.now = function () { return Date.now(); };
  moment.locale = function () { return 'en'; };
  moment.months = function () { return MONTHS.slice(); };
  moment.weekdays = function () { return DAYS.slice(); };
  moment.max = function () {
    var list = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments);
    return list.reduce(function (a, b) { return b._t > a._t ? b : a; });
  };
  moment.min = function () {
    var list = Array.isArray(arguments[0]) ? arguments[0] : Array.prototype.slice.call(arguments);
    return list.reduce(function (a, b) { return b._t < a._t ? b : a; });
  };
  moment.ISO_8601 = ISO_8601;
  moment.fn = Moment.prototype;
  moment.version = '2.29.4';

  G.__harness_moment = moment;
})(globalThis);
