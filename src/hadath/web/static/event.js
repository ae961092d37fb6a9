/* The event page: show where each field came from, and post corrections to the API. */
(function () {
  "use strict";

  // Clicking a field (table row or legend chip) outlines its spans in every report.
  function activate(field) {
    document.querySelectorAll("mark.active, .field-row.active").forEach(function (n) {
      n.classList.remove("active");
    });
    if (!field) { return; }
    var marks = document.querySelectorAll("mark.f-" + CSS.escape(field));
    marks.forEach(function (m) { m.classList.add("active"); });
    document.querySelectorAll('.field-row[data-field="' + CSS.escape(field) + '"]').forEach(function (r) {
      r.classList.add("active");
    });
    if (marks.length) { marks[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  document.querySelectorAll(".field-row.has-span, .chip[data-field]").forEach(function (n) {
    n.addEventListener("click", function () { activate(n.getAttribute("data-field")); });
  });

  // Long articles scroll inside their box: start each box at its evidence.
  document.querySelectorAll(".doc-text").forEach(function (box) {
    var first = box.querySelector("mark.ev");
    if (first) { box.scrollTop = Math.max(0, first.offsetTop - 60); }
  });

  var INTEGER = ["fatalities", "fatalities_low", "fatalities_high", "injured",
    "captured_or_missing", "geo_precision"];
  var FLOAT = ["latitude", "longitude"];

  function parseValue(field, raw) {
    var text = raw.trim();
    if (text === "") { return null; }
    var digits = text.replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x660); });
    if (INTEGER.indexOf(field) >= 0) {
      if (!/^-?\d+$/.test(digits)) { throw new Error("قيمة عددية صحيحة مطلوبة (integer)"); }
      return parseInt(digits, 10);
    }
    if (FLOAT.indexOf(field) >= 0) {
      var f = Number(digits);
      if (!isFinite(f)) { throw new Error("قيمة عددية مطلوبة (number)"); }
      return f;
    }
    if (field === "reported_by") {
      return text.split(/[،,]/).map(function (s) { return s.trim(); }).filter(Boolean);
    }
    return text;
  }

  var form = document.getElementById("correction-form");
  if (!form) { return; }
  var status = document.getElementById("correction-status");

  // Start the value box from the current value of the chosen field.
  var select = form.querySelector("select[name=field]");
  var input = form.querySelector("input[name=value]");
  function prefill() {
    var cell = document.querySelector("#field-" + CSS.escape(select.value) + " td.value");
    var current = null;
    try { current = cell ? JSON.parse(cell.getAttribute("data-value")) : null; } catch (e) { current = null; }
    if (current === null || current === undefined) { input.value = ""; }
    else if (Array.isArray(current)) { input.value = current.join("، "); }
    else { input.value = String(current); }
  }
  select.addEventListener("change", prefill);
  prefill();
  function say(text, ok) {
    status.textContent = text;
    status.className = ok ? "ok" : "fail";
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var field = String(data.get("field"));
    var payload;
    try {
      payload = {
        field: field,
        value: parseValue(field, String(data.get("value") || "")),
        reviewer: String(data.get("reviewer") || ""),
        reason: String(data.get("reason") || "")
      };
    } catch (err) {
      say(err.message, false);
      return;
    }
    say("جارٍ الحفظ…", true);
    fetch(form.getAttribute("data-api"), {
      method: "POST",
      headers: { "Content-Type": "application/json",
        "Authorization": "Bearer " + String(data.get("token") || "") },
      body: JSON.stringify(payload)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.ok) {
          say("حُفظ التصحيح. جارٍ تحديث الصفحة…", true);
          window.setTimeout(function () { window.location.reload(); }, 600);
        } else {
          var detail = typeof body.detail === "string" ? body.detail : ("HTTP " + r.status);
          say("لم يُحفظ التصحيح: " + detail, false);
        }
      });
    }).catch(function () { say("تعذّر الاتصال بالخادم.", false); });
  });
}());
