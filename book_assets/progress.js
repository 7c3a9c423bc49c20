// Where a learner is in the book, kept in this browser's localStorage only (nothing is sent).
// Each page notes its visit (its name is in <meta name="hcc-page">, written by _ext/progress.py);
// a progress view (.hcc-progress, on the landing page and each chapter's first page) lists, for
// every chapter, the pages opened and the chapter quiz's score, which the quiz itself keeps.
(function () {
  "use strict";
  var VISITED = "hcc-book-visited:", SCORES = "hcc-book-quiz-score:";

  function get(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function put(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: no memory */ }
  }

  function noteVisit() {
    var meta = document.querySelector('meta[name="hcc-page"]');
    if (meta) { put(VISITED + meta.content, "1"); }
  }

  function quizLine(chapter) {
    var score = null;
    try { score = JSON.parse(get(SCORES + chapter)); } catch (e) { score = null; }
    if (!score || !score.answered) { return "chapter quiz not started"; }
    return "chapter quiz: " + score.right + " of " + score.total + " right at the first try (" +
      score.answered + " answered)";
  }

  function render(view) {
    var chapters = JSON.parse(view.dataset.chapters);
    var list = document.createElement("ul");
    list.className = "hcc-progress-list";
    chapters.forEach(function (entry) {
      var visited = entry.pages.filter(function (page) { return get(VISITED + page); }).length;
      var item = document.createElement("li");
      item.dataset.chapter = entry.chapter;
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      var meter = document.createElement("progress");
      meter.max = entry.pages.length;
      meter.value = visited;
      meter.setAttribute("aria-label", entry.title + ": pages opened");
      var words = document.createElement("span");
      words.className = "hcc-progress-words";
      words.textContent = visited + " of " + entry.pages.length + " pages opened; " + quizLine(entry.chapter);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(meter);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(words);
      list.appendChild(item);
    });
    view.appendChild(list);
  }

  function start() {
    noteVisit();
    document.querySelectorAll(".hcc-progress").forEach(render);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
