// Predict–observe–explain tasks (widgets/activities) beside the widget they use. When a cell's
// tasks follow the cell of a widget, both go into one wrapper: activities.css sets them side
// by side on wide screens and keeps the widget in view on a phone while the tasks scroll.
// Without this script the two cells simply stand one after the other.
(function () {
  var WIDGET = 'script[type="application/vnd.jupyter.widget-view+json"], .jupyter-widgets';
  // The theme's bar of page buttons stays at the top of the window: stick below it.
  function belowHeader(wrapper) {
    var header = document.querySelector(".bd-header-article");
    var stuck = header && getComputedStyle(header).position === "sticky";
    wrapper.style.setProperty("--hcc-poe-top", (stuck ? header.offsetHeight : 0) + "px");
  }
  function place(tasks) {
    var cell = tasks.closest(".cell");
    var widget = cell && cell.previousElementSibling;
    if (!widget || !widget.classList.contains("cell") || !widget.querySelector(WIDGET)) { return; }
    var wrapper = document.createElement("div");
    wrapper.className = "hcc-poe";
    widget.before(wrapper);
    widget.classList.add("hcc-poe-widget");
    cell.classList.add("hcc-poe-tasks");
    wrapper.append(widget, cell);
    belowHeader(wrapper);
    window.addEventListener("resize", function () { belowHeader(wrapper); });
  }
  function start() { document.querySelectorAll(".hcc-activities").forEach(place); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
