/* 新增活动 (/editor/): an activity written in the browser, without Python or a terminal.
 *
 * Checks every field as the build does, with the build's own messages: the fields (as
 * wenmingsite.loading.fields declares them), rules, patterns and message templates come from
 * Python (wenmingsite.commands.editor, embedded as JSON), and the functions below mirror the
 * decisions of values.py and schema.py on top of them, one per converter family (CONVERT).
 * Photos are cleaned here: turned upright by their EXIF orientation, scaled to the long side
 * the rules give, re-encoded as JPEG (a canvas writes no EXIF: no GPS, no device; the colour
 * profile Chromium adds is dropped too).
 * "生成文件" downloads one zip (STORE, UTF-8 names) with <date>-<name>.md and a folder
 * <date>-<name>/ of photos, the layout `wenming new` makes. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  var rulesNode = document.getElementById("ws-editor-rules");
  var form = document.getElementById("ws-editor");
  if (!rulesNode || !form) return;
  var R = JSON.parse(rulesNode.textContent);
  var UI = JSON.parse(document.getElementById("ws-editor-ui").textContent);
  var M = R.messages;

  // --- Python's string semantics ---------------------------------------------------------

  var SPACE = new Set(Array.from(R.text.whitespace));
  var FILLERS = new Set(Array.from(R.text.invisible_fillers));
  var PLAIN_DIGITS = new Set(Array.from(R.text.plain_digits));
  var classOf = function (cats) {
    return new RegExp("^[" + cats.map(function (c) { return "\\p{" + c + "}"; }).join("") + "]$", "u");
  };
  var INVISIBLE = classOf(R.text.invisible_categories);
  var NUMBER = classOf(R.text.number_categories);
  var UNPRINTABLE = classOf(["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"]);

  function chars(s) { return Array.from(s); }
  function len(s) { return chars(s).length; }
  function strip(s, set) {
    set = set || SPACE;
    var a = chars(s), i = 0, j = a.length;
    while (i < j && set.has(a[i])) i++;
    while (j > i && set.has(a[j - 1])) j--;
    return a.slice(i, j).join("");
  }
  function words(s) {
    var out = [], word = "";
    chars(s).forEach(function (c) {
      if (SPACE.has(c)) { if (word) out.push(word); word = ""; } else word += c;
    });
    if (word) out.push(word);
    return out;
  }
  function fmt(template, args) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : all;
    });
  }
  function pattern(p) { return new RegExp(p.source, "u"); }
  var P = {};
  Object.keys(R.patterns).forEach(function (k) {
    P[k] = Array.isArray(R.patterns[k]) ? R.patterns[k].map(pattern) : pattern(R.patterns[k]);
  });
  function pad(n, width) { return String(n).padStart(width, "0"); }

  function Invalid(message) { this.message = message; }

  // --- values.py ---------------------------------------------------------------------------

  function normalise(text) { return strip(text.normalize("NFKC")); }
  function shown(text) {
    var s = strip(text);
    return len(s) <= 30 ? s : fmt(M.MSG_SHOWN_CUT, { head: chars(s).slice(0, 20).join(""), n: len(s) });
  }
  function checkDigits(text, what, example) {
    chars(text).forEach(function (ch) {
      if (!PLAIN_DIGITS.has(ch) && ch !== R.text.cn_zero && NUMBER.test(ch)) {
        throw new Invalid(fmt(M.MSG_NOT_PLAIN_DIGIT, { what: what, shown: shown(text), ch: ch, example: example }));
      }
    });
  }
  function hasText(text) {
    return chars(text).some(function (ch) { return !FILLERS.has(ch) && !INVISIBLE.test(ch); });
  }
  function invisibleOnly(text) {
    var codes = [];
    chars(text).forEach(function (ch) {
      if (SPACE.has(ch)) return;
      var code = "U+" + pad(ch.codePointAt(0).toString(16).toUpperCase(), 4);
      if (codes.indexOf(code) < 0) codes.push(code);
    });
    return fmt(M.MSG_INVISIBLE_ONLY, { codes: codes.slice(0, 5).join("、") + (codes.length > 5 ? "等" : "") });
  }

  function validDay(y, m, d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    var days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return d <= days[m - 1];
  }

  function parseDate(text) {
    var L = R.limits, raw = strip(text);
    checkDigits(raw, "日期", R.numbers.examples.date);
    var s = normalise(raw);
    if (!s) throw new Invalid(M.MSG_DATE_EMPTY);
    for (var i = 0; i < P.date_forms.length; i++) {
      var m = P.date_forms[i].exec(s);
      if (!m) continue;
      var y = parseInt(m[1], 10), mo = parseInt(m[2], 10), d = parseInt(m[3], 10);
      if (!validDay(y, mo, d)) {
        throw new Invalid(fmt(M.MSG_DATE_IMPOSSIBLE, { raw: raw, year: y, month: mo, day: d, year4: pad(y, 4), month2: pad(mo, 2) }));
      }
      if (y < L.earliest_year || y > L.latest_year) throw new Invalid(fmt(M.MSG_DATE_YEAR, { raw: raw, year: y }));
      return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2);
    }
    var args = { raw: raw };
    if (P.range_hint.test(s)) throw new Invalid(fmt(M.MSG_DATE_RANGE, args));
    if (P.cn_date_digits.test(raw)) throw new Invalid(fmt(M.MSG_DATE_CN_DIGITS, args));
    if (P.month_only.test(s)) throw new Invalid(fmt(M.MSG_DATE_NO_DAY, args));
    if (P.day_first.test(s)) throw new Invalid(fmt(M.MSG_DATE_DAY_FIRST, args));
    if (P.short_year.test(s)) throw new Invalid(fmt(M.MSG_DATE_SHORT_YEAR, args));
    throw new Invalid(fmt(M.MSG_DATE_UNKNOWN, args));
  }

  function numberText(raw, units, what) {
    var s = normalise(raw).replace(/ /g, "");
    var sorted = units.slice().sort(function (a, b) { return len(b) - len(a); });
    for (var i = 0; i < sorted.length; i++) {
      if (s.endsWith(sorted[i])) { s = s.slice(0, s.length - sorted[i].length); break; }
    }
    if (P.approx.test(s)) throw new Invalid(fmt(M.MSG_APPROX, { what: what, shown: shown(raw) }));
    if (s.indexOf(",") >= 0) {
      if (!P.thousands.test(s)) throw new Invalid(fmt(M.MSG_COMMA, { what: what, shown: shown(raw) }));
      s = s.replace(/,/g, "");
    }
    return s;
  }
  function tooBig(what, text, found, limit) {
    return new Invalid(fmt(M.MSG_TOO_BIG, { what: what, shown: shown(text), found: found, limit: limit }));
  }
  function parseCount(text, what, units) {
    checkDigits(text, what, R.numbers.examples.count);
    var s = numberText(text, units, what), args = { what: what, shown: shown(text) };
    if (s.startsWith("-")) throw new Invalid(fmt(M.MSG_COUNT_NEGATIVE, args));
    if (!/^[0-9]+$/.test(s)) throw new Invalid(fmt(M.MSG_COUNT_NOT_INTEGER, args));
    s = s.replace(/^0+/, "") || "0";
    var digits = R.limits.count_digits;
    if (s.length > digits) {
      throw tooBig(what, text, fmt(M.MSG_TOO_BIG_DIGITS, { n: s.length }), fmt(M.MSG_LIMIT_DIGITS, { digits: digits }));
    }
    return s;
  }
  function parseDecimal(text, what, units, places, digits) {
    checkDigits(text, what, R.numbers.examples.decimal);
    var s = numberText(text, units, what), args = { what: what, shown: shown(text) };
    if (s.startsWith("-")) throw new Invalid(fmt(M.MSG_DECIMAL_NEGATIVE, args));
    var m = P.decimal.exec(s);
    if (!m) throw new Invalid(fmt(M.MSG_DECIMAL_NOT_NUMBER, args));
    var whole = m[1].replace(/^0+/, "") || "0", fraction = m[2];
    if (whole.length > digits) {
      throw tooBig(what, text, fmt(M.MSG_TOO_BIG_WHOLE, { n: whole.length }), fmt(M.MSG_LIMIT_DIGITS, { digits: digits }));
    }
    if (fraction !== undefined && fraction.replace(/0+$/, "").length > places) {
      throw new Invalid(fmt(M.MSG_DECIMAL_PLACES, { what: what, shown: shown(text), places: places }));
    }
    return s;
  }
  function parseAmount(text) {
    var A = R.numbers.amount;
    checkDigits(text, A.what, R.numbers.examples.amount);
    var s = normalise(text).replace(/ /g, "");
    var wan = A.wan.filter(function (w) { return s.endsWith(w); })[0];
    if (wan !== undefined) {
      var m = P.decimal.exec(s.slice(0, s.length - wan.length));
      if (!m) throw new Invalid(fmt(M.MSG_AMOUNT_NOT_NUMBER, { shown: shown(text) }));
      var whole = m[1].replace(/^0+/, "") || "0";
      if (whole.length > R.limits.amount_wan_digits) {
        throw tooBig(A.what, text, fmt(M.MSG_TOO_BIG_WAN, { n: whole.length }),
                     fmt(M.MSG_LIMIT_WAN, { digits: R.limits.amount_wan_digits }));
      }
      // In 元 the amount keeps at most two decimals: four more digits than that in 万.
      if ((m[2] || "").replace(/0+$/, "").length > 4 + A.places) {
        throw new Invalid(fmt(M.MSG_AMOUNT_CENTS, { shown: shown(text) }));
      }
      return s;
    }
    return parseDecimal(s, A.what, A.units, A.places, R.limits.amount_digits);
  }

  // --- schema.py ---------------------------------------------------------------------------

  // schema.script_scheme: character references decoded as html.unescape does (a textarea's
  // content is text, so nothing in it is parsed as markup or run).
  var DECODER = typeof document !== "undefined" ? document.createElement("textarea") : null;
  function refuseScriptAddress(text) {
    var decoded = text;
    if (DECODER) { DECODER.innerHTML = text; decoded = DECODER.value; }
    var compact = decoded.replace(/[\x00-\x20\x7f]+/g, "").toLowerCase();
    R.text.script_schemes.forEach(function (scheme) {
      if (compact.indexOf(scheme) === 0) {
        throw new Invalid(fmt(M.MSG_SCRIPT_ADDRESS, { text: chars(text).slice(0, 40).join(""), scheme: scheme }));
      }
    });
    return text;
  }
  function asTitle(value) {
    var text = words(value).join(" ");
    if (P.markup.test(text)) throw new Invalid(fmt(M.MSG_TITLE_MARKUP, { text: text }));
    refuseScriptAddress(text);
    if (len(text) > R.limits.title) throw new Invalid(fmt(M.MSG_TITLE_LONG, { n: len(text) }));
    return text;
  }
  /** schema.as_name: a person's name (撰稿人). */
  function asName(value) {
    var text = words(value).join(" ");
    if (P.markup.test(text)) throw new Invalid(fmt(M.MSG_NAME_MARKUP, { text: text }));
    refuseScriptAddress(text);
    if (len(text) > R.limits.name) throw new Invalid(fmt(M.MSG_NAME_LONG, { n: len(text), limit: R.limits.name }));
    return text;
  }
  var N = R.numbers;
  var CONVERT = {
    title: asTitle,
    name: asName,
    text: function (v) { return refuseScriptAddress(strip(v)); },
    choice: function (v) { return strip(v); },
    date: parseDate,
    count: function (v) { return parseCount(v, N.participants.what, N.participants.units); },
    decimal: function (v) {
      var h = N.volunteer_hours;
      return parseDecimal(v, h.what, h.units, h.places, R.limits.decimal_digits);
    },
    amount: parseAmount,
    /** schema's scalar_or_list of text: names separated by 、 (or , ; or a line), each as text. */
    list: function (v) {
      return v.split(/[、,，;；\n]+/).map(function (item) { return strip(item); })
        .filter(function (item) { return item !== ""; }).map(refuseScriptAddress);
    }
  };
  // Kinds with rules of their own: the criteria's checkboxes and the draft's checkbox.
  var OWN = { choices: true, flag: true };
  var FIELDS = {};
  R.fields.forEach(function (f) { FIELDS[f.name] = f; });

  /** schema.read_fields for one value: {value} or {message}; absent and empty give {value: null}. */
  function readField(field, raw, where) {
    where = where || "";
    var prefix = where ? where + "的" : "";
    if (raw == null || strip(raw) === "") {
      return field.required ? { message: fmt(M.MSG_REQUIRED, { where: where, name: field.name, label: field.label }) }
                            : { value: null };
    }
    if (!hasText(raw)) {
      return { message: fmt(M.MSG_INVISIBLE, { prefix: prefix, label: field.label, name: field.name,
                                              invisible: invisibleOnly(raw),
                                              required: field.required ? M.MSG_INVISIBLE_REQUIRED : "" }) };
    }
    try {
      return { value: CONVERT[field.family](raw) };
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      return { message: fmt(M.MSG_INVALID, { prefix: prefix, label: field.label, name: field.name, reason: e.message }) };
    }
  }

  // --- file names and YAML -----------------------------------------------------------------

  var UNSAFE = new RegExp(R.files.unsafe.source, "gu");
  var DASHES = new Set(["-", "_"]);
  /** cli.safe_name */
  function safeName(title) {
    var name = strip(title.replace(UNSAFE, "-"), DASHES);
    return strip(chars(name).slice(0, R.files.name_limit).join(""), DASHES) || R.files.name_default;
  }
  function stemOf(title, iso) { return iso + "-" + safeName(words(title).join(" ")); }

  // Plain scalars only when nothing in them means anything to YAML or to the site's reader;
  // everything else in double quotes, as cli.yaml_value escapes it.
  var PLAIN = /^[\p{L}\p{N}\p{M}“”‘’《》〈〉（）【】〔〕「」『』，。、；！？…—·～ _.()/+-]+$/u;
  function yamlValue(text) {
    if (text && PLAIN.test(text) && strip(text) === text && !/^[-.]/.test(text)) return text;
    var out = chars(text).map(function (c) {
      if (c === "\\") return "\\\\";
      if (c === "\"") return "\\\"";
      if (c !== " " && UNPRINTABLE.test(c)) {
        var code = c.codePointAt(0);
        if (code < 0x100) return "\\x" + pad(code.toString(16), 2);
        if (code < 0x10000) return "\\u" + pad(code.toString(16), 4);
        return "\\U" + pad(code.toString(16), 8);
      }
      return c;
    });
    return "\"" + out.join("") + "\"";
  }

  // --- zip (STORE) ---------------------------------------------------------------------------

  var CRC_TABLE = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    var c = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  }
  /** entries: [{name, data: Uint8Array}] -> Blob of a zip without compression. */
  function zip(entries, when) {
    var enc = new TextEncoder(), parts = [], central = [], offset = 0;
    var time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
    var date = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
    entries.forEach(function (e) {
      var name = enc.encode(e.name), crc = crc32(e.data), size = e.data.length;
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true); // bit 11: names are UTF-8
      local.setUint16(8, 0, true);      // stored
      local.setUint16(10, time, true);
      local.setUint16(12, date, true);
      local.setUint32(14, crc, true);
      local.setUint32(18, size, true);
      local.setUint32(22, size, true);
      local.setUint16(26, name.length, true);
      local.setUint16(28, 0, true);
      parts.push(local.buffer, name, e.data);
      var head = new DataView(new ArrayBuffer(46));
      head.setUint32(0, 0x02014b50, true);
      head.setUint16(4, 20, true);
      head.setUint16(6, 20, true);
      head.setUint16(8, 0x0800, true);
      head.setUint16(10, 0, true);
      head.setUint16(12, time, true);
      head.setUint16(14, date, true);
      head.setUint32(16, crc, true);
      head.setUint32(20, size, true);
      head.setUint32(24, size, true);
      head.setUint16(28, name.length, true);
      head.setUint32(42, offset, true); // the rest (extra, comment, disk, attributes) stays 0
      central.push(head.buffer, name);
      offset += 30 + name.length + size;
    });
    var centralSize = central.reduce(function (n, b) { return n + b.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, centralSize, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end.buffer]), { type: "application/zip" });
  }

  // --- photos ------------------------------------------------------------------------------

  function isHeic(file) {
    return /^image\/hei[cf]/i.test(file.type) || /\.(heic|heif)$/i.test(file.name);
  }
  /** A photo upright, at most max_side on its long side, as a JPEG without any metadata. */
  async function cleanPhoto(file) {
    var bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (e) {
      throw new Invalid(fmt(isHeic(file) ? UI.heic : UI.unreadable, { name: file.name }));
    }
    var side = R.files.max_side, w = bitmap.width, h = bitmap.height;
    var scale = Math.min(1, side / Math.max(w, h));
    var width = Math.max(1, Math.round(w * scale)), height = Math.max(1, Math.round(h * scale));
    var canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(width, height)
                                                        : Object.assign(document.createElement("canvas"), { width: width, height: height });
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; // transparent parts of a PNG would turn black in a JPEG
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    var blob = canvas.convertToBlob
      ? await canvas.convertToBlob({ type: "image/jpeg", quality: R.files.jpeg_quality })
      : await new Promise(function (done) { canvas.toBlob(done, "image/jpeg", R.files.jpeg_quality); });
    if (!blob) throw new Invalid(fmt(UI.unreadable, { name: file.name }));
    return { blob: new Blob([bareJpeg(new Uint8Array(await blob.arrayBuffer()))], { type: "image/jpeg" }),
             width: width, height: height };
  }
  /** A JPEG without its APP1–APP15 and comment segments. The canvas writes no EXIF, but
   * Chromium adds its sRGB colour profile (APP2), which JPEG assumes anyway. */
  function bareJpeg(bytes) {
    if (bytes[0] !== 0xFF || bytes[1] !== 0xD8) return bytes;
    var keep = [bytes.subarray(0, 2)], i = 2;
    while (i + 4 <= bytes.length && bytes[i] === 0xFF && bytes[i + 1] !== 0xDA) {
      var marker = bytes[i + 1], end = i + 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
      if (!((marker >= 0xE1 && marker <= 0xEF) || marker === 0xFE)) keep.push(bytes.subarray(i, end));
      i = end;
    }
    keep.push(bytes.subarray(i));
    var out = new Uint8Array(keep.reduce(function (n, b) { return n + b.length; }, 0)), at = 0;
    keep.forEach(function (b) { out.set(b, at); at += b.length; });
    return out;
  }

  // --- the form ------------------------------------------------------------------------------

  var $ = function (id) { return document.getElementById(id); };
  var photos = [];       // {file, item, caption, error, result, message, ms}
  var queue = Promise.resolve();
  var pending = 0;
  var touched = new Set();
  var timings = [];

  function input(name) { return $("ws-ed-" + name); }
  function value(name) {
    var el = input(name);
    return el ? el.value : "";
  }
  function showError(el, errorEl, message) {
    if (!el || !errorEl) return;
    if (message) {
      errorEl.textContent = message;
      errorEl.hidden = false;
      el.setAttribute("aria-invalid", "true");
    } else {
      errorEl.textContent = "";
      errorEl.hidden = true;
      el.removeAttribute("aria-invalid");
    }
  }
  function today() {
    var d = new Date();
    return pad(d.getFullYear(), 4) + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2);
  }

  /** Every field's reading: {values, errors: {name: message}}. */
  function readAll() {
    var out = {}, errors = {};
    R.fields.forEach(function (field) {
      var name = field.name;
      if (OWN[field.family] || !input(name)) return;
      var r = readField(field, value(name));
      if (r.message) errors[name] = r.message; else out[name] = r.value;
    });
    var draft = input("draft") && input("draft").checked;
    if (out.date && out.date > today() && !draft) {
      errors.date = fmt(M.MSG_DATE_FUTURE, { what: "", iso: out.date });
    }
    if (out.date && out.end_date && out.end_date < out.date) {
      errors.end_date = fmt(M.MSG_END_BEFORE_START, { what: "" });
    }
    var stem = out.title && out.date ? stemOf(value("title"), out.date) : null;
    photos.forEach(function (p, i) {
      var where = fmt(M.MSG_PHOTO_WHERE, { what: "", i: i + 1 });
      var src = (stem || UI.name_placeholder) + "/" + fmt(R.files.photo_name, { nn: pad(i + 1, 2) });
      var caption = readField({ name: "caption", label: R.photo.caption.label, required: false, family: "text" },
                              p.caption.value, where);
      var messages = []; // in the build's order: the photo's line, then its caption's
      if (!caption.value) messages.push(fmt(M.MSG_PHOTO_NO_CAPTION, { what: "", i: i + 1, src: src }));
      if (caption.message) messages.push(caption.message);
      p.src = src;
      p.captionText = caption.value;
      if (messages.length) errors["photo:" + i] = messages.join("\n");
    });
    return { values: out, errors: errors, stem: stem, draft: draft };
  }

  function refresh(all) {
    var state = readAll();
    Object.keys(FIELDS).forEach(function (name) {
      if (!input(name) || !$("ws-ed-" + name + "-error")) return;
      var shownNow = all || touched.has(name) || (name === "date" && touched.has("draft"));
      showError(input(name), $("ws-ed-" + name + "-error"), shownNow ? state.errors[name] : null);
    });
    photos.forEach(function (p, i) {
      var show = all || touched.has("photo:" + i) || p.touched;
      showError(p.caption, p.error, show ? state.errors["photo:" + i] : null);
    });
    var stem = state.stem || UI.name_placeholder;
    var year = state.values.date ? state.values.date.slice(0, 4) : UI.year_placeholder;
    $("ws-ed-filename").textContent = stem + ".md";
    document.querySelectorAll("[data-ws-ed]").forEach(function (el) {
      el.textContent = {
        zip: stem + ".zip", md: stem + ".md", folder: stem + "/",
        year: R.files.activities + "/" + year + "/", yearname: year
      }[el.getAttribute("data-ws-ed")];
    });
    return state;
  }

  function ownCriteria() {
    var cat = R.categories.filter(function (c) { return c.name === value("category"); })[0];
    return cat ? cat.criteria : [];
  }
  function syncCriteria() {
    var own = ownCriteria();
    form.querySelectorAll('input[name="criteria"]').forEach(function (box) {
      var mine = own.indexOf(box.value) >= 0;
      if (mine) box.checked = true;
      else if (box.disabled) box.checked = false;
      box.disabled = mine;
      var label = box.parentNode, note = label.querySelector(".ws-ed-own");
      if (mine && !note) {
        note = document.createElement("span");
        note.className = "ws-ed-own";
        note.textContent = UI.own_criterion;
        label.appendChild(note);
      } else if (!mine && note) note.remove();
    });
  }

  form.addEventListener("input", function (e) {
    if (e.target.name && e.target.name !== "photos") touched.add(e.target.name);
    if (e.target.name === "caption") e.target._photo.touched = true;
    refresh(false);
  });
  form.addEventListener("change", function (e) {
    if (e.target.name === "category") syncCriteria();
    if (e.target.name && e.target.name !== "photos") touched.add(e.target.name);
    refresh(false);
  });
  form.addEventListener("focusout", function (e) {
    if (e.target.name && e.target.name !== "photos" && e.target.name !== "criteria") {
      touched.add(e.target.name);
      if (e.target._photo) e.target._photo.touched = true;
      refresh(false);
    }
  });

  function status(text) { $("ws-ed-status").textContent = text; }

  function addPhoto(file) {
    var i = photos.length + 1;
    var item = document.createElement("li");
    item.className = "ws-ed-photo";
    var figure = document.createElement("div");
    figure.className = "ws-ed-thumb";
    var info = document.createElement("p");
    info.className = "ws-ed-hint";
    info.textContent = file.name;
    var label = document.createElement("label");
    var caption = document.createElement("input");
    caption.type = "text";
    caption.name = "caption";
    caption.autocomplete = "off";
    var error = document.createElement("p");
    error.className = "ws-ed-error";
    error.hidden = true;
    var remove = document.createElement("button");
    remove.type = "button";
    remove.className = "md-button ws-ed-remove";
    remove.textContent = UI.remove;
    var p = { file: file, item: item, caption: caption, error: error, info: info, figure: figure,
              label: label, remove: remove, result: null, message: null, touched: false };
    caption._photo = p;
    item.append(figure, label, caption, info, error, remove);
    $("ws-ed-photo-list").appendChild(item);
    photos.push(p);
    number();
    remove.addEventListener("click", function () {
      var at = photos.indexOf(p);
      photos.splice(at, 1);
      if (p.url) URL.revokeObjectURL(p.url);
      item.remove();
      number();
      refresh(false);
      status(fmt(UI.photo_removed, { i: at + 1 }));
    });
    pending++;
    queue = queue.then(async function () {
      status(fmt(UI.processing, { i: photos.indexOf(p) + 1, n: photos.length, name: file.name }));
      var started = performance.now();
      try {
        p.result = await cleanPhoto(file);
        p.ms = performance.now() - started;
        timings.push(p.ms);
        p.url = URL.createObjectURL(p.result.blob);
        var img = document.createElement("img");
        img.src = p.url;
        img.alt = "";
        figure.appendChild(img);
        info.textContent = file.name + "：" + fmt(UI.processed, { width: p.result.width, height: p.result.height });
      } catch (e) { // a photo the browser cannot take (too large for a canvas...) is refused, never lost silently
        p.message = e instanceof Invalid ? e.message : fmt(UI.unreadable, { name: file.name });
        info.className = "ws-ed-error";
        info.textContent = p.message;
        caption.setAttribute("aria-invalid", "true");
      }
      pending--;
      if (!pending) status("");
    });
  }
  function number() {
    photos.forEach(function (p, i) {
      var id = "ws-ed-photo-" + (i + 1);
      p.caption.id = id + "-caption";
      p.error.id = id + "-error";
      p.info.id = id + "-info";
      p.label.htmlFor = p.caption.id;
      p.label.textContent = fmt(UI.caption_label, { i: i + 1 });
      p.caption.placeholder = UI.caption_hint;
      p.caption.setAttribute("aria-describedby", p.info.id + " " + p.error.id);
      p.remove.setAttribute("aria-label", UI.remove + " " + fmt(UI.caption_label, { i: i + 1 }).replace(/的说明$/, ""));
    });
  }

  input("photos").addEventListener("change", function (e) {
    Array.from(e.target.files).forEach(addPhoto);
    e.target.value = "";
    refresh(false);
  });

  /** The front matter, key by key in the order of R.fields (the declarations'). */
  function frontMatter(state) {
    var v = state.values, lines = ["---"];
    R.fields.forEach(function (field) {
      var name = field.name;
      if (field.family === "choices") {
        var chosen = Array.from(form.querySelectorAll('input[name="' + name + '"]:checked'))
          .filter(function (b) { return !b.disabled; })
          .map(function (b) { return R.criteria.filter(function (c) { return c.id === b.value; })[0].name; });
        if (chosen.length) {
          lines.push(name + ":");
          chosen.forEach(function (item) { lines.push("  - " + yamlValue(item)); });
        }
      } else if (field.family === "flag") {
        if (input(name) && input(name).checked) lines.push(name + ": true");
      } else if (v[name] == null || !input(name)) {
        return;
      } else if (field.family === "date") {
        lines.push(name + ": " + v[name]);
      } else if (field.family === "list") {
        if (!v[name].length) return;
        lines.push(name + ":");
        v[name].forEach(function (item) { lines.push("  - " + yamlValue(item)); });
      } else {
        lines.push(name + ": " + yamlValue(value(name)));
      }
    });
    if (photos.length) {
      lines.push("photos:");
      photos.forEach(function (p) {
        lines.push("  - src: " + yamlValue(p.src));
        lines.push("    caption: " + yamlValue(p.caption.value));
      });
    }
    lines.push("---");
    var body = value("body").replace(/\r\n?/g, "\n");
    return lines.join("\n") + "\n" + (strip(body) ? "\n" + body.replace(/\n*$/, "") + "\n" : "");
  }

  function sizeText(bytes) {
    return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    if (pending) { status(UI.busy); return; }
    var state = refresh(true);
    var problems = Object.keys(state.errors).length + photos.filter(function (p) { return p.message; }).length;
    if (problems) {
      status(fmt(UI.errors, { n: problems }));
      var first = form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
      return;
    }
    var entries = [{ name: state.stem + ".md", data: new TextEncoder().encode(frontMatter(state)) }];
    for (var i = 0; i < photos.length; i++) {
      entries.push({ name: photos[i].src, data: new Uint8Array(await photos[i].result.blob.arrayBuffer()) });
    }
    var blob = zip(entries, new Date());
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = state.stem + ".zip";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
    status(fmt(UI.generated, { zip: a.download, size: sizeText(blob.size) }));
  });

  form.hidden = false;
  syncCriteria();
  refresh(false);

  // For the tests, which hold these against the Python they mirror.
  window.wenmingEditor = {
    check: function (name, raw) { return readField(FIELDS[name], raw).message || null; },
    readField: readField, yamlValue: yamlValue, safeName: safeName, stemOf: stemOf, frontMatter: frontMatter,
    timings: timings, idle: function () { return queue.then(function () { return timings.slice(); }); }
  };
})();
