// The map beside the results: Leaflet (vendored from npm), markers from the server-rendered
// `data-markers` attribute, the wijk boundaries as a vector layer so that the map still gives
// orientation without base tiles (offline, tests). Without JavaScript the list stands alone.
(function () {
  "use strict";
  var TILES = window.SK_TILES || "";
  var ATTRIBUTION = "Kaartgegevens &copy; Kadaster / PDOK; wijken: Gemeente Utrecht";

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function showMarkers(el) {
    var map = el._skMap;
    if (el._skLayer) el._skLayer.remove();
    var points = [];
    try { points = JSON.parse(el.getAttribute("data-markers") || "[]"); } catch (e) { points = []; }
    var layer = L.layerGroup();
    var bounds = [];
    points.forEach(function (p) {
      var marker = L.marker([p.lat, p.lon], { title: p.name, alt: p.name, keyboard: true });
      marker.bindPopup('<a href="' + escapeHtml(p.href) + '">' + escapeHtml(p.name) + "</a>" +
        (p.distance ? "<br>" + escapeHtml(p.distance) : ""));
      layer.addLayer(marker);
      bounds.push([p.lat, p.lon]);
    });
    layer.addTo(map);
    el._skLayer = layer;
    if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    else map.setView([52.09, 5.12], 12);
    el._skShown = el.getAttribute("data-markers");
  }

  function init(el) {
    if (typeof L === "undefined") return;
    if (el._skMap) {
      if (el._skShown !== el.getAttribute("data-markers")) showMarkers(el);
      return;
    }
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var map = L.map(el, { scrollWheelZoom: false, zoomAnimation: !reduced, fadeAnimation: !reduced });
    el._skMap = map;
    if (TILES) L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    fetch("/assets/wijken.geojson").then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: "#0b5c8a", weight: 1.5, fill: false }, interactive: false }).addTo(map);
    }).catch(function () {});
    showMarkers(el);
  }

  function scan() {
    document.querySelectorAll(".kaart[data-markers]").forEach(init);
  }

  function start() {
    scan();
    new MutationObserver(scan).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["data-markers"]
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
