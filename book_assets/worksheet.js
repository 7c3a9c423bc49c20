// Worksheets (see print.css). On chapter pages, two buttons: the worksheet (no solution, no
// answer key, ruled space under each exercise) and the key (solutions open, the quiz's answer
// key on the last sheet). On an instructor page, a button that prints the exit ticket alone,
// twice on one sheet. Everything print needs is built when the page loads, not on
// "beforeprint", which a PDF export may not fire.
(function () {
  var WITH_KEY = "hcc-print-solutions";
  var EXIT_TICKET = "hcc-print-exit-ticket";
  // Ruled lines under an exercise: about one per six words of the exercise, 5 to 16.
  var WORDS_PER_LINE = 6, MIN_LINES = 5, MAX_LINES = 16;

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

  function answerSpace(exercise) {
    var words = exercise.textContent.trim().split(/\s+/).length;
    var lines = Math.max(MIN_LINES, Math.min(MAX_LINES, Math.round(words / WORDS_PER_LINE)));
    var space = document.createElement("div");
    space.className = "hcc-answer-space";
    space.setAttribute("aria-hidden", "true");
    space.dataset.lines = String(lines);
    for (var i = 0; i < lines; i += 1) { space.appendChild(document.createElement("div")); }
    return space;
  }
  function addAnswerSpaces(article) {
    article.querySelectorAll(".exercise").forEach(function (exercise) {
      exercise.after(answerSpace(exercise));
    });
  }

  // A print button; mode is the class html carries while the page prints ("" for none).
  function printButton(text, mode) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.addEventListener("click", function () {
      var root = document.documentElement;
      [WITH_KEY, EXIT_TICKET].forEach(function (other) { root.classList.toggle(other, other === mode); });
      window.addEventListener("afterprint", function () {
        root.classList.remove(WITH_KEY, EXIT_TICKET);
      }, { once: true });
      window.print();
    });
    return button;
  }
  function addPrintButtons(article) {
    var bar = document.createElement("div");
    bar.className = "hcc-worksheet";
    bar.append(printButton("Print this page as a worksheet", ""),
               printButton("Print with solutions and answer key", WITH_KEY));
    var title = article.querySelector("h1");
    if (title) { title.after(bar); } else { article.prepend(bar); }
  }
  // The exit ticket prints alone, twice, to be cut into two half sheets.
  function addExitTicketButton(ticket) {
    var bar = document.createElement("div");
    bar.className = "hcc-worksheet";
    bar.append(printButton("Print the exit ticket", EXIT_TICKET));
    ticket.before(bar);
    var copy = ticket.cloneNode(true);
    copy.classList.add("hcc-exit-ticket-copy");
    copy.setAttribute("aria-hidden", "true");
    ticket.after(copy);
  }

  function isChapterPage() {
    return typeof DOCUMENTATION_OPTIONS !== "undefined" &&
      String(DOCUMENTATION_OPTIONS.pagename || "").indexOf("chapters/") === 0;
  }
  function start() {
    var article = document.querySelector("article.bd-article");
    if (!article) { return; }
    addAnswerKey(article);
    if (isChapterPage()) {
      addAnswerSpaces(article);
      addPrintButtons(article);
    }
    article.querySelectorAll(".hcc-exit-ticket").forEach(addExitTicketButton);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
