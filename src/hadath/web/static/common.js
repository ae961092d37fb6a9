/* Shared helpers of the hadath UI. No innerHTML with data: text goes in via textContent. */
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  // One colour per ACLED event type, shared by the map and the timeline (and app.css).
  var TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d"
  };

  function colour(type) { return TYPE_COLOURS[type] || "#555"; }

  window.hadath = { readJSON: readJSON, el: el, svg: svg, colour: colour, TYPE_COLOURS: TYPE_COLOURS };
}());
