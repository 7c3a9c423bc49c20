// Point require.js at this folder for the widget manager's own files (its icon fonts),
// so the static site never asks another server for them. Both module ids the bundle
// uses to locate itself resolve here.
(function () {
  var here = document.currentScript.src;
  var folder = here.slice(0, here.lastIndexOf("/"));
  require.config({ paths: { "@jupyter-widgets/html-manager/dist": folder, "@jupyter-widgets": folder } });
})();

// The widget manager typesets widget labels through the MathJax 2 API (MathJax.Hub.Queue).
// The book loads MathJax 3, which has no Hub, so pages with both maths and widgets threw
// "Cannot read properties of undefined (reading 'Queue')". Give every MathJax object the
// page ends up with a Hub.Queue that forwards to MathJax 3's typesetPromise.
(function () {
  function addHub(mathjax) {
    if (mathjax && typeof mathjax === "object" && !mathjax.Hub) {
      mathjax.Hub = {
        Queue: function (job) {
          var element = job && job[2];
          if (typeof window.MathJax.typesetPromise === "function") {
            window.MathJax.typesetPromise(element ? [element] : undefined).catch(function () {});
          }
        }
      };
    }
  }
  var current = window.MathJax;
  addHub(current);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    get: function () { return current; },
    set: function (value) { current = value; addHub(value); }
  });
})();
