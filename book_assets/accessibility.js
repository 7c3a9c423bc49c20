// Small accessibility repairs of markup that the theme, the bibliography extension and the
// widget manager generate, so that every page passes axe-core without serious problems.
// Each repair is idempotent, and a MutationObserver applies them to widgets drawn later.
(function () {
  function widgetLabel(element) {
    var widget = element.closest(".widget-inline-hbox, .widget-hslider, .widget-vslider");
    var label = widget && widget.querySelector(".widget-label");
    return label ? label.textContent.trim() : "";
  }
  function repair(root) {
    // Theme buttons and links whose aria-label leaves out their visible text (the search
    // button's shortcut, the colour-mode switch, icon links): the name must contain it.
    // Icons inside a labelled button or link are decoration: the label names the control.
    root.querySelectorAll("button[aria-label] svg, a[aria-label] svg").forEach(function (svg) {
      svg.setAttribute("aria-hidden", "true");
      svg.removeAttribute("role");
      svg.removeAttribute("aria-labelledby");
      svg.querySelectorAll("title").forEach(function (title) { title.remove(); });
    });
    root.querySelectorAll("button[aria-label], a[aria-label]").forEach(function (element) {
      var visible = (element.innerText || "").replace(/\s+/g, " ").trim();
      var label = element.getAttribute("aria-label");
      if (visible && label.toLowerCase().indexOf(visible.toLowerCase()) === -1) {
        element.setAttribute("aria-label", visible + " (" + label + ")");
      }
    });
    // Collapsible navigation: give icon-only <summary> toggles a name.
    root.querySelectorAll("summary").forEach(function (summary) {
      if (summary.textContent.trim() || summary.getAttribute("aria-label")) { return; }
      var item = summary.closest("li");
      var link = item && item.querySelector("a");
      summary.setAttribute("aria-label", "Show or hide " +
        (link ? link.textContent.trim() : "this section"));
    });
    // The bibliography's citation list contains back-links, which a role="list" may not.
    root.querySelectorAll('.citation-list[role="list"]').forEach(function (list) {
      list.removeAttribute("role");
    });
    // Slider handles of the widgets: name them after the slider's label.
    root.querySelectorAll('[role="slider"]').forEach(function (handle) {
      if (!handle.getAttribute("aria-label") && !handle.getAttribute("aria-labelledby")) {
        handle.setAttribute("aria-label", widgetLabel(handle) || "slider");
      }
    });
  }
  function start() {
    repair(document);
    var pending = false;
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.setTimeout(function () { pending = false; repair(document); }, 30);
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
