// The network map's small interactions. The page works without this file:
// the filters are a normal form and every partner is a link in the table.
// Here: pan (drag, arrow keys), zoom (wheel, +/- keys, buttons), a click on
// a node opens its panel, hovering a node lights up its ties, and filters
// apply as soon as they change.
(function () {
  "use strict";
  var canvas = document.getElementById("map-canvas");
  if (!canvas) return;
  var svg = canvas.querySelector("svg");
  var viewport = svg && svg.querySelector(".map-viewport");
  if (!viewport) return;

  var state = { x: 0, y: 0, k: 1 };
  function apply() {
    viewport.setAttribute("transform", "translate(" + state.x + " " + state.y + ") scale(" + state.k + ")");
  }
  function zoom(factor, cx, cy) {
    var k = Math.min(8, Math.max(0.5, state.k * factor));
    var f = k / state.k;
    state.x = cx - (cx - state.x) * f;
    state.y = cy - (cy - state.y) * f;
    state.k = k;
    apply();
  }
  function centre() {
    var vb = svg.viewBox.baseVal;
    return [vb.width / 2, vb.height / 2];
  }
  // Screen pixels to SVG units, so a drag follows the pointer at any size.
  function scale() {
    var r = svg.getBoundingClientRect();
    return r.width ? svg.viewBox.baseVal.width / r.width : 1;
  }

  var tools = document.querySelector(".map-tools");
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-map]");
      if (!b) return;
      var c = centre();
      if (b.dataset.map === "zoom-in") zoom(1.25, c[0], c[1]);
      if (b.dataset.map === "zoom-out") zoom(0.8, c[0], c[1]);
      if (b.dataset.map === "reset") { state = { x: 0, y: 0, k: 1 }; apply(); }
    });
  }

  canvas.tabIndex = 0;
  canvas.addEventListener("keydown", function (e) {
    var step = 40, c = centre();
    var keys = {
      ArrowLeft: function () { state.x += step; apply(); },
      ArrowRight: function () { state.x -= step; apply(); },
      ArrowUp: function () { state.y += step; apply(); },
      ArrowDown: function () { state.y -= step; apply(); },
      "+": function () { zoom(1.25, c[0], c[1]); },
      "=": function () { zoom(1.25, c[0], c[1]); },
      "-": function () { zoom(0.8, c[0], c[1]); },
      "0": function () { state = { x: 0, y: 0, k: 1 }; apply(); }
    };
    if (keys[e.key]) { keys[e.key](); e.preventDefault(); }
  });

  svg.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = svg.getBoundingClientRect(), s = scale();
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, (e.clientX - r.left) * s, (e.clientY - r.top) * s);
  }, { passive: false });

  var drag = null, moved = false;
  svg.addEventListener("pointerdown", function (e) {
    drag = { x: e.clientX, y: e.clientY, sx: state.x, sy: state.y, s: scale() };
    moved = false;
  });
  window.addEventListener("pointermove", function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    state.x = drag.sx + dx * drag.s;
    state.y = drag.sy + dy * drag.s;
    apply();
  });
  window.addEventListener("pointerup", function () { drag = null; });

  svg.addEventListener("click", function (e) {
    var node = e.target.closest(".node");
    if (!node || moved) return;
    var q = canvas.dataset.query;
    location.href = canvas.dataset.base + "?" + (q ? q + "&" : "") + "partner=" + node.dataset.partner + "#partner-panel";
  });

  function light(id, on) {
    svg.querySelectorAll('line[data-source="' + id + '"], line[data-target="' + id + '"]').forEach(function (l) {
      l.classList.toggle("lit", on);
    });
  }
  svg.addEventListener("pointerover", function (e) {
    var node = e.target.closest(".node");
    if (node) light(node.dataset.partner, true);
  });
  svg.addEventListener("pointerout", function (e) {
    var node = e.target.closest(".node");
    if (node) light(node.dataset.partner, false);
  });

  var form = document.getElementById("map-filters");
  if (form) {
    form.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
  }
})();
