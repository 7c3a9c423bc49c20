// Citation and glossary-term previews, and the way back from the bibliography.
// sphinxcontrib-bibtex puts a citation's whole reference into a title attribute, and
// _ext/term_previews.py a term's definition into its link's; touch screens never show a
// title, and a tap lands somewhere in a long bibliography or glossary. Here a citation or term opens
// a preview (a non-modal dialog) on keyboard focus, on mouse hover and on a first tap; the
// preview links to the bibliography or glossary entry, and a second tap or click, or Enter,
// follows the link itself. The citation left from is remembered for the session, so that the
// bibliography highlights the entry and offers a link back to that citation.
(function () {
  var ORIGIN_KEY = "hcc-citation-origin";
  var HOVER_OPEN_MS = 200;
  var HOVER_CLOSE_MS = 300;
  var MARGIN = 8;  // px between the preview and the edge of the window or the citation
  var WIDTH = 448;
  var preview, previewText, previewLink;
  var current = null;  // the citation link whose preview is open
  var openedByHover = false;
  var refocusing = null;  // a citation link given focus back, whose preview stays closed
  var timer = null;

  var CITATIONS = ".bibtex-citation > a[title]";
  var TERMS = "a.reference.internal[title] > .std-term";  // the term's text inside its link

  function isTerm(link) {
    return !link.closest(".bibtex-citation");
  }

  function citationOf(element) {
    return element && element.closest ? element.closest("a[data-reference]") : null;
  }

  function within(element) {
    return !!element && (preview.contains(element) || (!!current && current.contains(element)));
  }

  function buildPreview() {
    preview = document.createElement("span");
    preview.className = "citation-preview";
    preview.setAttribute("role", "dialog");
    preview.setAttribute("aria-label", "Reference");
    previewText = document.createElement("span");
    previewText.className = "citation-preview-text";
    previewText.id = "citation-preview-text";
    previewLink = document.createElement("a");
    previewLink.className = "citation-preview-go";
    preview.append(previewText, previewLink);
  }

  function prepare(link) {
    link.dataset.reference = link.getAttribute("title");
    link.removeAttribute("title");
    link.setAttribute("aria-expanded", "false");
  }

  function later(action, delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, delay);
  }

  function place() {
    var width = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    var link = current.getBoundingClientRect();
    preview.style.maxWidth = Math.min(WIDTH, width - 2 * MARGIN) + "px";
    preview.style.maxHeight = Math.max(height / 2 - 2 * MARGIN, 120) + "px";
    var box = preview.getBoundingClientRect();
    var below = link.bottom + MARGIN;
    var above = link.top - MARGIN - box.height;
    var top = below + box.height <= height - MARGIN || above < MARGIN ? below : above;
    preview.style.top = Math.max(MARGIN, Math.min(top, height - MARGIN - box.height)) + "px";
    preview.style.left = Math.max(MARGIN, Math.min(link.left, width - MARGIN - box.width)) + "px";
  }

  function open(link, byHover) {
    window.clearTimeout(timer);
    if (link === current) { return; }
    close();
    current = link;
    openedByHover = byHover;
    previewText.textContent = link.dataset.reference;
    preview.setAttribute("aria-label", isTerm(link) ? "Definition" : "Reference");
    previewLink.textContent = isTerm(link) ? "Go to the glossary entry"
                                           : "Go to the bibliography entry";
    previewLink.setAttribute("href", link.getAttribute("href"));
    link.after(preview);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-describedby", previewText.id);
    place();
  }

  function close() {
    window.clearTimeout(timer);
    var link = current;
    if (!link) { return; }
    current = null;
    link.setAttribute("aria-expanded", "false");
    link.removeAttribute("aria-describedby");
    preview.remove();
  }

  function closeAndRefocus() {
    var link = current;
    var focusInside = preview.contains(document.activeElement);
    close();
    if (focusInside) {
      refocusing = link;
      link.focus();
      refocusing = null;
    }
  }

  function remember(link) {
    if (isTerm(link)) { return; }
    var origin = {
      target: link.href,
      back: location.href.split("#")[0] + "#" + link.closest(".bibtex-citation").id,
    };
    try {
      window.sessionStorage.setItem(ORIGIN_KEY, JSON.stringify(origin));
    } catch (error) {
      // No session storage (some browsers on file://): the bibliography offers history.back().
    }
  }

  function onClick(event) {
    if (current && previewLink.contains(event.target)) {
      remember(current);
      close();
      return;
    }
    var link = citationOf(event.target);
    if (!link) { return; }
    var modified = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
    // detail 0: Enter on a focused link, which follows it like any link.
    if (modified || event.detail === 0 || link === current) {
      remember(link);
      close();
      return;
    }
    event.preventDefault();
    open(link, false);
  }

  function onPointerOver(event) {
    if (event.pointerType !== "mouse") { return; }
    var link = citationOf(event.target);
    if (link && link !== current) {
      later(function () { open(link, true); }, HOVER_OPEN_MS);
    } else if (current && within(event.target)) {
      window.clearTimeout(timer);
    }
  }

  function onPointerOut(event) {
    var link = citationOf(event.target);
    if (event.pointerType !== "mouse" || within(event.relatedTarget) ||
        (link && citationOf(event.relatedTarget) === link)) { return; }
    if (current && openedByHover && within(event.target)) {
      later(close, HOVER_CLOSE_MS);
    } else if (link && link !== current) {
      window.clearTimeout(timer);  // left before its preview opened
    }
  }

  function onFocusIn(event) {
    var link = citationOf(event.target);
    if (link && link !== refocusing && link.matches(":focus-visible")) { open(link, false); }
  }

  function onFocusOut(event) {
    if (current && !within(event.relatedTarget)) { close(); }
  }

  function onKeyDown(event) {
    if (event.key === "Escape" && current) { closeAndRefocus(); }
  }

  function onPointerDown(event) {
    if (current && !within(event.target)) { close(); }
  }

  function storedOrigin() {
    try {
      return JSON.parse(window.sessionStorage.getItem(ORIGIN_KEY) || "null");
    } catch (error) {
      return null;
    }
  }

  // The way back from a bibliography entry: to the citation the reader came from when it is
  // known, otherwise one step back in the history if there is one.
  function backControl() {
    var origin = storedOrigin();
    var control;
    if (origin && origin.target === location.href) {
      control = document.createElement("a");
      control.href = origin.back;
    } else if (window.history.length > 1) {
      control = document.createElement("button");
      control.type = "button";
      control.addEventListener("click", function () { window.history.back(); });
    } else {
      return null;
    }
    control.textContent = "Back to the text";
    var paragraph = document.createElement("p");
    paragraph.className = "citation-back";
    paragraph.append(control);
    return paragraph;
  }

  function markTarget() {
    document.querySelectorAll(".citation-target").forEach(function (entry) {
      entry.classList.remove("citation-target");
    });
    document.querySelectorAll(".citation-back").forEach(function (back) { back.remove(); });
    var entry = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!entry || entry.getAttribute("role") !== "doc-biblioentry") { return; }
    entry.classList.add("citation-target");
    var back = backControl();
    if (back) { entry.append(back); }
  }

  function start() {
    document.querySelectorAll(CITATIONS).forEach(prepare);
    document.querySelectorAll(TERMS).forEach(function (term) { prepare(term.parentElement); });
    buildPreview();
    document.addEventListener("click", onClick);
    document.addEventListener("pointerover", onPointerOver);
    document.addEventListener("pointerout", onPointerOut);
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    document.addEventListener("keydown", onKeyDown);
    window.addEventListener("scroll", function () { if (current) { place(); } }, true);
    window.addEventListener("resize", function () { if (current) { place(); } });
    window.addEventListener("hashchange", markTarget);
    markTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
