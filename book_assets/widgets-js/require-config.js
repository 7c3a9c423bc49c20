// Point require.js at this folder for the widget manager's own files (its icon fonts),
// so the static site never asks another server for them. Both module ids the bundle
// uses to locate itself resolve here.
(function () {
  var here = document.currentScript.src;
  var folder = here.slice(0, here.lastIndexOf("/"));
  require.config({ paths: { "@jupyter-widgets/html-manager/dist": folder, "@jupyter-widgets": folder } });
})();
