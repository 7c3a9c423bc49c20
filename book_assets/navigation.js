// Navigation shim for pydata-sphinx-theme 0.17 with sphinx-book-theme 1.3 (upstream
// pydata-sphinx-theme issue #2451): both themes bind their drawer handlers to the *first*
// .primary-toggle / .secondary-toggle in the page, which is the theme's hidden header
// button. The buttons a reader sees (in the article header) then do nothing below the
// desktop width. Here a click on any other toggle is passed to the first one, which holds
// both themes' handlers (the desktop sidebar collapse and the phone or tablet drawer).
// Remove this file once the theme binds every toggle.
(function () {
  function forward(selector) {
    var toggles = document.querySelectorAll(selector);
    if (toggles.length < 2) { return; }
    var bound = toggles[0];
    Array.prototype.slice.call(toggles, 1).forEach(function (toggle) {
      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopImmediatePropagation();
        bound.click();
      }, true);
    });
  }
  function start() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
