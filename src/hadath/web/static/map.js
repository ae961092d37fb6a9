/* The events map: Leaflet with an offline base layer (static/basemap.geojson, built from
   the gazetteer by scripts/build_basemap.py). No tile server, no CDN. */
(function () {
  "use strict";
  var H = window.hadath;
  var node = document.getElementById("map");
  if (!node || !window.L) { return; }
  var events = H.readJSON("events-data") || [];
  var typeLabels = H.readJSON("type-labels") || {};

  var map = L.map(node, { zoomSnap: 0.5, minZoom: 5, maxZoom: 13 }).setView([35.0, 38.6], 6.5);
  map.attributionControl.setPrefix("Leaflet");
  // The base layer sits in its own panes below the events (overlayPane is at 400).
  map.createPane("base").style.zIndex = "250";
  map.createPane("labels").style.zIndex = "380";
  var dots = L.canvas({ padding: 0.3, pane: "base" });
  var baseGroup = L.layerGroup().addTo(map);
  var districtGroup = L.layerGroup();

  function label(text, cls) {
    var span = H.el("span", text, cls);
    return L.divIcon({ html: span, className: "map-label", iconSize: null });
  }

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function drawBase(collection) {
    if (collection.attribution) {
      // Leaflet's attribution is HTML: pass our text escaped.
      map.attributionControl.addAttribution(escapeText(collection.attribution));
    }
    collection.features.forEach(function (f) {
      var p = f.properties || {};
      var g = f.geometry;
      if (p.layer === "extent") {
        var ring = g.coordinates[0].map(function (c) { return [c[1], c[0]]; });
        L.polygon(ring, { renderer: dots, color: "#9a8f7a", weight: 1, dashArray: "5 5",
          fillColor: "#f6f2e8", fillOpacity: 1, interactive: false }).addTo(baseGroup);
      } else if (p.layer === "towns") {
        g.coordinates.forEach(function (c) {
          L.circleMarker([c[1], c[0]], { renderer: dots, radius: 1, stroke: false,
            fillColor: "#8a8a8a", fillOpacity: 0.45, interactive: false }).addTo(baseGroup);
        });
      } else if (p.layer === "governorate") {
        L.marker([g.coordinates[1], g.coordinates[0]], { icon: label(p.name_ar, "gov-label"),
          pane: "labels", interactive: false, keyboard: false }).addTo(baseGroup);
      } else if (p.layer === "district") {
        L.marker([g.coordinates[1], g.coordinates[0]], { icon: label(p.name_ar, "district-label"),
          pane: "labels", interactive: false, keyboard: false }).addTo(districtGroup);
      }
    });
  }

  function toggleDistricts() {
    if (map.getZoom() >= 8) { districtGroup.addTo(map); } else { districtGroup.remove(); }
  }
  map.on("zoomend", toggleDistricts);

  function popup(e) {
    var box = H.el("div", null, "popup");
    box.setAttribute("dir", "rtl");
    box.appendChild(H.el("strong", typeLabels[e.event_type] || e.event_type || "—"));
    box.appendChild(H.el("div", (e.location_ar || "—") + " — " + (e.date || "تاريخ غير معروف")));
    if (e.actor1) { box.appendChild(H.el("div", e.actor1)); }
    box.appendChild(H.el("div", "القتلى: " + (e.fatalities === null ? "—" : e.fatalities) +
      " · التقارير: " + e.reports));
    var link = H.el("a", "فتح الحدث ←");
    link.href = "/events/" + encodeURIComponent(e.id);
    box.appendChild(link);
    return box;
  }

  var located = [];
  var byId = {};
  events.forEach(function (e) {
    if (typeof e.lat !== "number" || typeof e.lon !== "number") { return; }
    var radius = 6 + Math.min(12, Math.sqrt(e.fatalities || 0) * 2);
    var marker = L.circleMarker([e.lat, e.lon], {
      radius: radius, color: "#222", weight: e.reports > 1 ? 3 : 1,
      fillColor: H.colour(e.event_type), fillOpacity: 0.8,
      className: "event-marker event-" + String(e.id).replace(/[^0-9A-Za-z_-]/g, "")
    });
    marker.bindPopup(popup(e));
    marker.addTo(map);
    byId[String(e.id)] = { marker: marker, weight: e.reports > 1 ? 3 : 1 };
    located.push([e.lat, e.lon]);
  });
  if (located.length) {
    map.fitBounds(L.latLngBounds(located).pad(0.3), { maxZoom: 7.5 });
  }
  node.setAttribute("data-markers", String(located.length));

  // Pointing at a row of the list picks out its marker.
  document.querySelectorAll("tr.event-row").forEach(function (row) {
    var entry = byId[row.getAttribute("data-id")];
    if (!entry) { return; }
    row.addEventListener("mouseenter", function () {
      entry.marker.setStyle({ color: "#1f5fbf", weight: 4 }).bringToFront();
    });
    row.addEventListener("mouseleave", function () {
      entry.marker.setStyle({ color: "#222", weight: entry.weight });
    });
  });

  fetch("/static/basemap.geojson")
    .then(function (r) { return r.json(); })
    .then(function (c) { drawBase(c); toggleDistricts(); node.setAttribute("data-basemap", "ok"); })
    .catch(function () { node.setAttribute("data-basemap", "failed"); });
}());
