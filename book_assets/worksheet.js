// Worksheets (see print.css): on chapter pages, buttons that print the page with its solutions
// closed or open; on every page with a quiz, an answer key at the end that only print shows.
// The key is built when the page loads, not on "beforeprint", which a PDF export may not fire.
(function () {
  var WITH_SOLUTIONS = "hcc-print-solutions";

  function rounded(value) {
    return String(parseFloat(Number(value).toPrecision(3)));
  }
  // The answer to one question as print shows it, e.g. "A, C" or "2.67 to 3.26", and its feedback.
  function answer(question) {
    var numeric = question.querySelector(".bq-numeric");
    if (numeric) {
      return { answer: rounded(numeric.dataset.low) + " to " + rounded(numeric.dataset.high),
               feedback: numeric.dataset.right };
    }
    var letters = [], feedback = [];
    question.querySelectorAll(".bq-option").forEach(function (option, index) {
      if (option.dataset.correct === "true") {
        letters.push(String.fromCharCode(65 + index));  // the letter print.css counts
        feedback.push(option.dataset.feedback);
      }
    });
    return { answer: letters.join(", "), feedback: feedback.join(" ") };
  }
  function keyOf(quiz) {
    var list = document.createElement("ul");
    quiz.querySelectorAll(".bq-question").forEach(function (question) {
      var item = document.createElement("li"), strong = document.createElement("strong");
      var key = answer(question);
      strong.textContent = question.querySelector(".bq-number").textContent + " " + key.answer;
      item.append(strong, " \u2014 " + key.feedback);
      list.appendChild(item);
    });
    return list;
  }
  function addAnswerKey(article) {
    var quizzes = article.querySelectorAll(".bq-quiz");
    if (!quizzes.length) { return; }
    var section = document.createElement("section"), heading = document.createElement("h2");
    section.className = "hcc-answer-key";
    heading.textContent = "Answer key";
    section.appendChild(heading);
    quizzes.forEach(function (quiz) {
      if (quizzes.length > 1) {  // each quiz numbers its questions from 1
        var title = document.createElement("h3");
        title.textContent = quiz.getAttribute("aria-label");
        section.appendChild(title);
      }
      section.appendChild(keyOf(quiz));
    });
    article.appendChild(section);
  }

  function printButton(text, withSolutions) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.addEventListener("click", function () {
      var root = document.documentElement;
      root.classList.toggle(WITH_SOLUTIONS, withSolutions);
      window.addEventListener("afterprint", function () {
        root.classList.remove(WITH_SOLUTIONS);
      }, { once: true });
      window.print();
    });
    return button;
  }
  function addPrintButtons(article) {
    var bar = document.createElement("div");
    bar.className = "hcc-worksheet";
    bar.append(printButton("Print this page as a worksheet", false),
               printButton("Print with solutions", true));
    var title = article.querySelector("h1");
    if (title) { title.after(bar); } else { article.prepend(bar); }
  }

  function isChapterPage() {
    return typeof DOCUMENTATION_OPTIONS !== "undefined" &&
      String(DOCUMENTATION_OPTIONS.pagename || "").indexOf("chapters/") === 0;
  }
  function start() {
    var article = document.querySelector("article.bd-article");
    if (!article) { return; }
    addAnswerKey(article);
    if (isChapterPage()) { addPrintButtons(article); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
