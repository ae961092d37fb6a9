/* The timeline: events per month (per day when they span under ~3 months), stacked by
   event type, drawn as inline SVG. Time runs right to left, like the page. A bar links
   to the list filtered to its period. */
(function () {
  "use strict";
  var H = window.hadath;
  var node = document.getElementById("timeline");
  if (!node) { return; }
  var events = (H.readJSON("events-data") || []).filter(function (e) { return e.date; });
  var typeLabels = H.readJSON("type-labels") || {};
  if (!events.length) { node.appendChild(H.el("p", "لا أحداث مؤرخة.", "empty")); return; }

  function parse(d) { return new Date(d + "T00:00:00Z"); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  var dates = events.map(function (e) { return parse(e.date); });
  var first = new Date(Math.min.apply(null, dates));
  var last = new Date(Math.max.apply(null, dates));
  var daily = (last - first) / 864e5 <= 92;

  // The buckets: every day or month from first to last, empty ones included.
  var buckets = [];
  var cur = daily ? new Date(first) : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  while (cur <= last) {
    var next = daily ? new Date(cur.getTime() + 864e5)
      : new Date(Date.UTC(cur.getUTCFullYear(), cur.getUTCMonth() + 1, 1));
    buckets.push({ start: new Date(cur), end: new Date(next.getTime() - 864e5), counts: {}, total: 0 });
    cur = next;
  }
  events.forEach(function (e) {
    var d = parse(e.date);
    for (var i = 0; i < buckets.length; i++) {
      if (d >= buckets[i].start && d <= buckets[i].end) {
        buckets[i].counts[e.event_type] = (buckets[i].counts[e.event_type] || 0) + 1;
        buckets[i].total += 1;
        break;
      }
    }
  });

  var max = Math.max.apply(null, buckets.map(function (b) { return b.total; }));
  var W = 520, Hh = 220, top = 12, bottom = 34, side = 30;
  var plot = Hh - top - bottom;
  var step = (W - 2 * side) / buckets.length;
  var chart = H.svg("svg", { viewBox: "0 0 " + W + " " + Hh, role: "img", class: "timeline-svg" });
  chart.appendChild(H.svg("line", { x1: side, x2: W - side, y1: top + plot, y2: top + plot, class: "axis" }));
  var params = new URLSearchParams(window.location.search);
  var labelEvery = Math.max(1, Math.ceil(buckets.length / 8));

  buckets.forEach(function (b, i) {
    // Right to left: the first bucket at the right edge.
    var x = W - side - (i + 1) * step;
    var y = top + plot;
    var link = H.svg("a", { href: "#", class: "bar" });
    var q = new URLSearchParams(params);
    q.set("since", iso(b.start));
    q.set("until", iso(b.end));
    q.delete("page");
    link.setAttribute("href", "/?" + q.toString());
    var title = H.svg("title", {});
    var parts = [(daily ? iso(b.start) : iso(b.start).slice(0, 7)) + ": " + b.total];
    Object.keys(b.counts).forEach(function (t) {
      var h = b.counts[t] / max * plot;
      y -= h;
      link.appendChild(H.svg("rect", { x: x + step * 0.1, y: y, width: step * 0.8, height: h,
        fill: H.colour(t), "data-type": t }));
      parts.push((typeLabels[t] || t) + " " + b.counts[t]);
    });
    title.textContent = parts.join(" · ");
    link.appendChild(title);
    chart.appendChild(link);
    if (i % labelEvery === 0) {
      var text = H.svg("text", { x: x + step / 2, y: Hh - bottom + 16, class: "tick", "text-anchor": "middle" });
      text.textContent = daily ? iso(b.start).slice(5) : iso(b.start).slice(0, 7);
      chart.appendChild(text);
    }
  });
  chart.appendChild(H.svg("line", { x1: W - side, x2: W - side + 4, y1: top, y2: top, class: "axis" }));
  var maxLabel = H.svg("text", { x: W - side + 6, y: top + 4, class: "tick", "text-anchor": "start" });
  maxLabel.textContent = String(max);
  chart.appendChild(maxLabel);
  node.appendChild(chart);

  var legend = H.el("p", null, "legend");
  var present = {};
  events.forEach(function (e) { present[e.event_type] = true; });
  Object.keys(H.TYPE_COLOURS).filter(function (t) { return present[t]; }).forEach(function (t) {
    var item = H.el("span", typeLabels[t] || t, "chip type-chip");
    item.setAttribute("data-type", t);
    legend.appendChild(item);
  });
  node.appendChild(legend);
}());
