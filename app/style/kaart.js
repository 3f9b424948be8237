// The map beside the results: Leaflet (vendored from npm), markers from the server-rendered
// `data-markers` attribute, the wijk boundaries as a vector layer so that the map still gives
// orientation without base tiles (offline, tests). Without JavaScript the list stands alone.
// Leaflet and its styles are fetched only once a page has a map.
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
    // Dense results become numbered clusters that open on click; one place stays one marker.
    var layer = L.markerClusterGroup
      ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, animate: false, spiderfyDistanceMultiplier: 1.5 })
      : L.layerGroup();
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
    // Moves we make ourselves must not offer "search this area".
    el._skMoving = true;
    if (bounds.length) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    else map.setView([52.09, 5.12], 12, { animate: false });
    el._skMoving = false;
    el._skShown = el.getAttribute("data-markers");
    // A hidden map (folded on a phone) has no size, so the fit above means nothing: fit again
    // when it is shown.
    el._skNeedsFit = !el.offsetWidth;
  }

  function init(el) {
    if (typeof L === "undefined") return;
    if (el._skMap) {
      if (el._skShown !== el.getAttribute("data-markers")) showMarkers(el);
      return;
    }
    var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // maxZoom: clustering needs it when there is no tile layer (offline, tests).
    var map = L.map(el, { maxZoom: 19, scrollWheelZoom: false, zoomAnimation: !reduced, fadeAnimation: !reduced });
    el._skMap = map;
    if (TILES) L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    fetch("/assets/wijken.geojson").then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { style: { color: "#0b5c8a", weight: 1.5, fill: false }, interactive: false }).addTo(map);
    }).catch(function () {});
    // Shown later (the phone toggle): Leaflet must measure again and fit the markers; these
    // moves are ours, so they must not offer "zoek in dit gebied".
    if (window.ResizeObserver) new ResizeObserver(function () {
      if (!el.offsetWidth) return;
      el._skMoving = true;
      map.invalidateSize({ animate: false });
      el._skMoving = false;
      if (el._skNeedsFit) showMarkers(el);
    }).observe(el);
    map.on("moveend", function () {
      if (!el._skMoving) showAreaButton(el);
    });
    showMarkers(el);
  }

  // "Zoek in dit gebied": after the person pans or zooms, search the visible area instead.
  function showAreaButton(el) {
    if (el._skAreaButton) return;
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var button = L.DomUtil.create("button", "kaart-zoek-hier");
      button.type = "button";
      button.textContent = el.getAttribute("data-area-label") || "Zoek in dit gebied";
      L.DomEvent.disableClickPropagation(button);
      L.DomEvent.on(button, "click", function () {
        var b = el._skMap.getBounds();
        var area = [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(function (x) { return x.toFixed(4); }).join(",");
        var url = new URL(window.location.href);
        url.searchParams.set("gebied", area);
        url.searchParams.delete("pagina");
        window.location.assign(url.toString());
      });
      return button;
    };
    control.addTo(el._skMap);
    el._skAreaButton = control;
  }

  // The signalen map: each wijk shaded by its level (0-4) from the server-rendered
  // `data-levels` ({code: [level, name, count]}); the numbers themselves are in the table.
  var SHADES = ["#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

  function initAreas(el) {
    if (typeof L === "undefined" || el._skMap) return;
    var levels = {};
    try { levels = JSON.parse(el.getAttribute("data-levels") || "{}"); } catch (e) { levels = {}; }
    var map = L.map(el, { maxZoom: 16, scrollWheelZoom: false, zoomAnimation: false, fadeAnimation: false });
    el._skMap = map;
    if (TILES) L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION }).addTo(map);
    map.setView([52.09, 5.12], 11, { animate: false });
    if (window.ResizeObserver) new ResizeObserver(function () { map.invalidateSize(); }).observe(el);
    var gemeente = el.getAttribute("data-gemeente") || "";
    fetch("/assets/wijken/" + encodeURIComponent(gemeente)).then(function (r) { return r.json(); }).then(function (g) {
      function code(f) { return f.properties.wijkcode || f.properties.statcode || ""; }
      var layer = L.geoJSON(g, {
        style: function (f) {
          var l = levels[code(f)];
          return { color: "#1f2d3a", weight: 1, fillColor: SHADES[l ? l[0] : 0], fillOpacity: 0.8 };
        },
        onEachFeature: function (f, shape) {
          var l = levels[code(f)];
          if (!l) return;
          shape.bindTooltip(escapeHtml(l[1]) + ": " + escapeHtml(l[2]), { sticky: true });
          shape.on("click", function () { window.location.hash = "wijk-" + code(f); });
        }
      }).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
      el.setAttribute("data-drawn", "");
    }).catch(function () {});
  }

  var LEAFLET = "/vendor/leaflet/";
  var leaflet = null;

  function load(file) {
    return new Promise(function (done, failed) {
      var el;
      if (/\.css$/.test(file)) {
        el = document.createElement("link");
        el.rel = "stylesheet";
        el.href = LEAFLET + file;
      } else {
        el = document.createElement("script");
        el.src = LEAFLET + file;
        // In order: the cluster plugin extends Leaflet.
        el.async = false;
      }
      el.onload = done;
      el.onerror = failed;
      document.head.appendChild(el);
    });
  }

  function loadLeaflet() {
    if (!leaflet) {
      leaflet = Promise.all(["leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css",
        "leaflet.js", "leaflet.markercluster.js"].map(load));
    }
    return leaflet;
  }

  function scan() {
    var maps = document.querySelectorAll(".kaart[data-markers]");
    var areas = document.querySelectorAll(".vlakkenkaart[data-levels]");
    if (!maps.length && !areas.length) return;
    if (typeof L === "undefined") {
      loadLeaflet().then(scan, function () {});
      return;
    }
    maps.forEach(init);
    areas.forEach(initAreas);
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
