/*
 * harness: XML -> JSON the way Postman's sandbox does it.
 *
 * Postman's xml2Json(xml) is xml2js.parseString with
 * {explicitArray: false, async: false, trim: true, mergeAttrs: false}:
 * attributes go under "$", text under "_" (or the element is just its text),
 * repeated children become arrays, empty elements become ''.
 * Also provides a small xml2js-compatible parseString for require('xml2js').
 *
 * Exposes globalThis.xml2Json and globalThis.__harness_xml2js.
 */
(function (G) {
  'use strict';

  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  function decodeEntities(s) {
    if (s.indexOf('&') === -1) return s;
    return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, function (whole, name) {
      if (name.charAt(0) === '#') {
        var code = name.charAt(1) === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
    });
  }

  var DEFAULTS = {
    explicitArray: true, trim: false, normalize: false, normalizeTags: false,
    explicitRoot: true, attrkey: '$', charkey: '_', ignoreAttrs: false, emptyTag: '',
    mergeAttrs: false, explicitCharkey: false
  };

  function parse(xml, options) {
    var o = {};
    var k;
    for (k in DEFAULTS) o[k] = DEFAULTS[k];
    for (k in options || {}) o[k] = options[k];
    var attrkey = o.attrkey;
    var charkey = o.charkey;
    var stack = [];
    var result = null;
    var rootName = null;
    var i = 0;
    var n = xml.length;

    function addChild(parent, name, value) {
      if (!(name in parent)) {
        parent[name] = o.explicitArray ? [value] : value;
      } else {
        if (!Array.isArray(parent[name])) parent[name] = [parent[name]];
        parent[name].push(value);
      }
    }

    function text(t, isCdata) {
      if (!stack.length) return;
      var top = stack[stack.length - 1];
      top.obj[charkey] += t;
      if (isCdata) top.cdata = true;
    }

    function open(name, attrs, selfClosing) {
      if (o.normalizeTags) name = name.toLowerCase();
      var obj = {};
      obj[charkey] = '';
      if (!o.ignoreAttrs && attrs.length) {
        var target;
        if (o.mergeAttrs) {
          target = obj;
        } else {
          obj[attrkey] = {};
          target = obj[attrkey];
        }
        attrs.forEach(function (a) {
          if (o.mergeAttrs) addChild(target, a[0], a[1]);
          else target[a[0]] = a[1];
        });
      }
      stack.push({ name: name, obj: obj, cdata: false });
      if (selfClosing) close(name);
    }

    function close() {
      var frame = stack.pop();
      var obj = frame.obj;
      var emptyStr = '';
      var value;
      if (/^\s*$/.test(obj[charkey]) && !frame.cdata) {
        emptyStr = obj[charkey];
        delete obj[charkey];
      } else {
        if (o.trim) obj[charkey] = obj[charkey].trim();
        if (o.normalize) obj[charkey] = obj[charkey].replace(/\s{2,}/g, ' ').trim();
        if (Object.keys(obj).length === 1 && charkey in obj && !o.explicitCharkey) {
          value = obj[charkey];
        }
      }
      if (value === undefined) {
        value = Object.keys(obj).length === 0 ? (o.emptyTag === '' ? emptyStr : o.emptyTag) : obj;
      }
      if (stack.length) {
        addChild(stack[stack.length - 1].obj, frame.name, value);
      } else {
        result = value;
        rootName = frame.name;
      }
    }

    function fail(msg) {
      throw new Error(msg + '\nLine: ' + (xml.slice(0, i).split('\n').length - 1));
    }

    while (i < n) {
      var lt = xml.indexOf('<', i);
      if (lt === -1) lt = n;
      if (lt > i) {
        var chunk = xml.slice(i, lt);
        if (stack.length) text(decodeEntities(chunk));
        else if (/\S/.test(chunk)) fail('Non-whitespace before first tag.');
        i = lt;
        continue;
      }
      if (xml.startsWith('<!--', i)) {
        var endC = xml.indexOf('-->', i + 4);
        if (endC === -1) fail('Unclosed comment');
        i = endC + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        var endD = xml.indexOf(']]>', i + 9);
        if (endD === -1) fail('Unclosed CDATA');
        text(xml.slice(i + 9, endD), true);
        i = endD + 3;
      } else if (xml.startsWith('<?', i)) {
        var endP = xml.indexOf('?>', i + 2);
        if (endP === -1) fail('Unclosed processing instruction');
        i = endP + 2;
      } else if (xml.startsWith('<!', i)) {
        var depth = 0;
        var j = i + 2;
        for (; j < n; j++) {
          var ch = xml.charAt(j);
          if (ch === '[') depth++;
          else if (ch === ']') depth--;
          else if (ch === '>' && depth <= 0) break;
        }
        i = j + 1;
      } else if (xml.charAt(i + 1) === '/') {
        var endT = xml.indexOf('>', i);
        if (endT === -1) fail('Unclosed tag');
        var closeName = xml.slice(i + 2, endT).trim();
        if (!stack.length || stack[stack.length - 1].name !== (o.normalizeTags
          ? closeName.toLowerCase() : closeName)) {
          fail('Unexpected close tag');
        }
        close();
        i = endT + 1;
      } else {
        var m = /^<([^\s/>]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/
          .exec(xml.slice(i, xml.indexOf('>', i) + 1 || n));
        if (!m) {
          // attribute values may contain '>': fall back to a slower scan
          m = /^<([^\s/>]+)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/
            .exec(xml.slice(i));
        }
        if (!m) fail('Invalid tag');
        if (!stack.length && result !== null) fail('Text data outside of root node.');
        var attrs = [];
        var re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
        var a;
        while ((a = re.exec(m[2])) !== null) {
          var val = a[2] !== undefined ? a[2] : a[3] !== undefined ? a[3] : a[4] !== undefined
            ? a[4] : '';
          attrs.push([a[1], decodeEntities(val)]);
        }
        open(m[1], attrs, m[3] === '/');
        i += m[0].length;
      }
    }
    if (stack.length) fail('Unclosed root tag');
    if (rootName === null) return null;
    if (!o.explicitRoot) return result;
    var out = {};
    out[rootName] = result;
    return out;
  }

  G.xml2Json = function xml2Json(xml) {
    return parse(String(xml), { explicitArray: false, trim: true, mergeAttrs: false });
  };

  G.__harness_xml2js = {
    parseString: function (xml, options, callback) {
      if (typeof options === 'function') {
        callback = options;
        options = {};
      }
      var res;
      var err = null;
      try {
        res = parse(String(xml), options);
      } catch (e) {
        err = e;
      }
      if (callback) callback(err, res);
      return res;
    },
    _parse: parse
  };
})(globalThis);
