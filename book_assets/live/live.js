// Live panels on the static site: the third life of every panel (widgets/panels/browser_build.py).
//
// Each precomputed panel (.hcc-panel) carries its declaration, exported at build time, in a
// .hcc-live element. This one generic front end offers a button that loads the book's own Python
// (CPython and NumPy compiled to WebAssembly, made by _ext/live_runtime.py) in a Web Worker,
// then builds every control of the declaration as a labelled native form control and shows the
// figure and key numbers that Python draws for each change, with the same draw and figure code
// as a notebook. Nothing about a panel is written here. A classic script (module scripts do not
// run on a page opened from file://, where this one still has to say why live mode is off).
//
// The panel root's data-live says where it is: static, loading, ready or unavailable. Where live
// mode cannot run (opened from file://, no WebAssembly exception handling, no runtime in this
// build, or loading failed) the precomputed frames stay and one line says why.
(() => {
"use strict";
const HERE = (document.currentScript && document.currentScript.src) || location.href;
const settings = window.hccLive || { unavailable: "this copy of the site has no live mode" };
const CACHE = "hcc-book-live-runtime";
const CHOSEN_LIVE = "hcc-book-live";   // localStorage: the reader has run a panel live
const STATIC_NOTE = "the figures here were computed when the book was built";
let worker = null, started = null, requests = 0, panels = 0, backgroundStarted = false;
const waiting = new Map();
let progressShown = null;

// A WebAssembly module using try_table (exception handling with exnref), which the runtime needs.
const EXCEPTIONS_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1,
  0, 10, 13, 1, 11, 0, 2, 64, 31, 64, 1, 2, 0, 11, 11, 11]);

function unavailableReason() {
  if (settings.unavailable) return `Live mode is not available: ${settings.unavailable}; ${STATIC_NOTE}.`;
  if (location.protocol === "file:") {
    return "Live mode needs the site served over HTTP (for example python -m http.server " +
           `--directory _build/html), not opened from a file; ${STATIC_NOTE}.`;
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return `Live mode needs WebAssembly and Web Workers, which this browser lacks; ${STATIC_NOTE}.`;
  }
  let exceptions = false;
  try { exceptions = WebAssembly.validate(EXCEPTIONS_PROBE); } catch (error) { exceptions = false; }
  if (!exceptions) {
    return "Live mode needs WebAssembly exception handling, which this browser lacks (a " +
           `current Chrome, Edge, Firefox or Safari has it); ${STATIC_NOTE}.`;
  }
  return null;
}

function megabytes(bytes) { return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`; }

function call(message, transfer = []) {
  const id = ++requests;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ ...message, id }, transfer);
  });
}

function startPython() {
  if (started) return started;
  worker = new Worker(new URL("./worker.js", HERE), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.op === "progress") { if (progressShown) progressShown(data); return; }
    const pending = waiting.get(data.id);
    if (!pending) return;
    waiting.delete(data.id);
    if (data.ok) pending.resolve(data); else pending.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const pending of waiting.values()) pending.reject(new Error(event.message || "the worker failed"));
    waiting.clear();
  };
  started = call({ op: "start", runtime: new URL(settings.runtime, HERE).href });
  started.catch(() => { started = null; worker.terminate(); worker = null; });
  return started;
}

async function runtimeKept() {
  try {
    if (!self.caches || !(await caches.has(CACHE))) return false;
    const kept = await caches.open(CACHE);
    const base = new URL(settings.runtime, HERE);
    const hits = await Promise.all(settings.files.map((name) => kept.match(new URL(name, base).href)));
    return hits.every(Boolean);
  } catch (error) {
    return false;
  }
}

function element(tag, attributes = {}, children = []) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") made.textContent = value;
    else if (value !== null && value !== undefined) made.setAttribute(name, value);
  }
  for (const child of children) made.append(child);
  return made;
}

// The reader's current choices on the precomputed panel, as option indices of the declaration.
function staticChoices(root, spec) {
  const chosen = spec.controls.map((control) => control.default);
  const boxes = root.querySelector(".hcc-controls");
  const statics = spec.controls.map((control, i) => [control, i]).filter(([c]) => c.static.length);
  if (boxes) {
    statics.forEach(([control, i], place) => {
      const box = boxes.children[place];
      if (!box) return;
      let at = -1;
      const select = box.querySelector("select");
      const handle = box.querySelector(".noUi-handle[aria-valuenow]");
      const toggles = [...box.querySelectorAll(".widget-toggle-button")];
      if (select) at = select.selectedIndex;
      else if (handle) at = Math.round(Number(handle.getAttribute("aria-valuenow")));
      else if (toggles.length) at = toggles.findIndex((b) => b.classList.contains("mod-active"));
      if (at >= 0 && at < control.static.length) chosen[i] = control.static[at];
    });
  }
  spec.controls.forEach((control, i) => {   // a follower shows what its leader picks
    if (control.follows && !control.static.length) {
      const leader = spec.controls.findIndex((c) => c.name === control.follows.control);
      if (spec.controls[leader].static.length) chosen[i] = control.follows.choose[chosen[leader]];
    }
  });
  return chosen;
}

// Labelled native controls for every control of the declaration; onChange(name) after a change.
function buildControls(spec, prefix, chosen, onChange) {
  const grid = element("div", { class: "hcc-live-controls" });
  const setters = {};
  spec.controls.forEach((control, i) => {
    const id = `${prefix}-${control.name}`;
    let box;
    if (control.kind === "toggle") {
      const options = control.labels.map((label, at) => {
        const input = element("input", { type: "radio", name: id, value: String(at), id: `${id}-${at}` });
        input.checked = at === chosen[i];
        input.addEventListener("change", () => { if (input.checked) { chosen[i] = at; onChange(i); } });
        return element("label", { class: "hcc-live-option", for: `${id}-${at}` }, [input, element("span", { text: label })]);
      });
      box = element("fieldset", { class: "hcc-live-control hcc-live-toggle" },
                    [element("legend", { text: control.label }), element("div", { class: "hcc-live-options" }, options)]);
      setters[i] = (at) => { box.querySelectorAll("input")[at].checked = true; };
    } else if (control.kind === "dropdown") {
      const select = element("select", { id }, control.labels.map((label, at) => element("option", { value: String(at), text: label })));
      select.selectedIndex = chosen[i];
      select.addEventListener("change", () => { chosen[i] = select.selectedIndex; onChange(i); });
      box = element("div", { class: "hcc-live-control hcc-live-dropdown" }, [element("label", { for: id, text: control.label }), select]);
      setters[i] = (at) => { select.selectedIndex = at; };
    } else {
      const slider = element("input", { type: "range", id, min: "0", max: String(control.labels.length - 1), step: "1" });
      const readout = element("output", { for: id, class: "hcc-live-readout", "aria-hidden": "true" });
      const show = (at) => {
        slider.value = String(at);
        slider.setAttribute("aria-valuetext", control.labels[at]);
        readout.textContent = control.labels[at];
      };
      show(chosen[i]);
      slider.addEventListener("input", () => { chosen[i] = Number(slider.value); show(chosen[i]); onChange(i); });
      box = element("div", { class: "hcc-live-control hcc-live-slider" },
                    [element("label", { for: id, text: control.label }), element("div", { class: "hcc-live-range" }, [slider, readout])]);
      setters[i] = show;
    }
    grid.append(box);
  });
  return { grid, setters };
}

// The figure's raw RGBA pixels as a PNG, encoded by the browser.
const pixelCanvas = document.createElement("canvas");
function pngOf(answer) {
  pixelCanvas.width = answer.width;
  pixelCanvas.height = answer.height;
  const pixels = new ImageData(new Uint8ClampedArray(answer.rgba.buffer), answer.width, answer.height);
  pixelCanvas.getContext("2d").putImageData(pixels, 0, 0);
  return new Promise((resolve, reject) => pixelCanvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new Error("the figure could not be encoded"))), "image/png"));
}

async function showDrawing(figure, numbers, answer) {
  const url = URL.createObjectURL(await pngOf(answer));
  const old = figure.src;
  figure.alt = answer.alt;
  figure.src = url;
  numbers.replaceChildren(...answer.numbers.split("\n").flatMap((line, i) => (i ? [element("br"), line] : [line])));
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);
  return figure.decode().catch(() => null);
}

// The figure is drawn for the width the panel has: in the narrow layout where the page shows the
// precomputed frames' narrow rendering (their <picture> source's media query holds).
function originFor(root, spec) {
  const source = root.querySelector("picture source[media]");
  if (!source || !matchMedia(source.media).matches) return spec.origin;
  return JSON.stringify({ ...JSON.parse(spec.origin), layout: "narrow" });
}

// The precomputed panel's sliders (ipywidgets) would announce their position index; each
// announces the chosen value, with its unit, as the live sliders do.
function announceValues(root, spec) {
  const statics = spec.controls.filter((control) => control.static.length);
  const say = () => {
    const boxes = root.querySelector(".hcc-controls");
    if (!boxes) return;
    statics.forEach((control, place) => {
      const handle = boxes.children[place] && boxes.children[place].querySelector(".noUi-handle[aria-valuenow]");
      if (!handle) return;
      const label = control.labels[control.static[Math.round(Number(handle.getAttribute("aria-valuenow")))]];
      if (label && handle.getAttribute("aria-valuetext") !== label) handle.setAttribute("aria-valuetext", label);
    });
  };
  say();
  new MutationObserver(say).observe(root, { childList: true, subtree: true, attributes: true,
                                            attributeFilter: ["aria-valuenow", "aria-valuetext"] });
}

// Declare the panel again in the worker (once); with ``draw``, also draw it once, which warms
// matplotlib and the model's caches so that the click that follows answers at once.
function prepare(root, spec, draw) {
  if (!root.hccPrepared) {
    const key = `panel${++panels}`;
    root.hccPrepared = startPython()
      .then(() => call({ op: "open", key, origin: originFor(root, spec), results: spec.results }))
      .then(() => (draw ? call({ op: "draw", key, indices: staticChoices(root, spec) }) : null))
      .then(() => { root.dataset.livePrepared = "1"; return key; });
    root.hccPrepared.catch(() => { root.hccPrepared = null; });
  }
  return root.hccPrepared;
}

async function goLive(root, spec, bar) {
  const { button, status } = bar;
  root.dataset.live = "loading";
  button.disabled = true;
  const restoreProgress = progressShown;
  progressShown = (progress) => {
    if (progress.phase === "starting") status.textContent = "Starting Python in your browser…";
    else if (progress.cached) status.textContent = "Loading the book's Python from this browser's storage…";
    else status.textContent = `Downloading the book's Python: ${megabytes(progress.loaded)} of ${megabytes(progress.total)}…`;
  };
  status.textContent = "Loading the book's Python…";
  const clicked = performance.now();
  const liveSentence = "Live: the book's Python runs in your browser; every control recomputes the model.";
  try {
    const runtime = await startPython();
    const key = await prepare(root, spec, false);
    const chosen = staticChoices(root, spec);
    const figure = element("img", { class: "hcc-live-figure", alt: "" });
    const numbers = element("p", { class: "hcc-numbers hcc-live-numbers" });
    let pending = null, busy = false, drawn = 0;
    const pump = async () => {
      busy = true;
      while (pending) {
        const { indices, at } = pending;
        pending = null;
        try {
          const answer = await call({ op: "draw", key, indices });
          await showDrawing(figure, numbers, answer);
          drawn += 1;
          root.dataset.liveDraws = String(drawn);
          root.dataset.liveDrawMs = (performance.now() - at).toFixed(1);
          root.dataset.livePythonMs = (answer.seconds * 1000).toFixed(1);
          root.dataset.liveIndices = JSON.stringify(indices);
          if (root.dataset.live === "ready") status.textContent = liveSentence;
        } catch (error) {
          status.textContent = `This choice could not be drawn (${error.message.split("\n").pop()}); the figure shows the last one that could.`;
        }
      }
      busy = false;
    };
    const redraw = () => {
      pending = { indices: chosen.slice(), at: performance.now() };
      if (!busy) pump();
    };
    const prefix = `hcc-live-${panels}`;
    const controls = buildControls(spec, prefix, chosen, (changed) => {
      spec.controls.forEach((control, i) => {   // a dose jumps to its compound's usual dose
        if (control.follows && control.follows.control === spec.controls[changed].name) {
          chosen[i] = control.follows.choose[chosen[changed]];
          controls.setters[i](chosen[i]);
        }
      });
      redraw();
    });
    redraw();
    while (busy || pending) await new Promise((resolve) => setTimeout(resolve, 10));
    if (!drawn) throw new Error(status.textContent);
    const view = element("div", { class: "hcc-live-view" }, [controls.grid, figure, numbers]);
    const parts = [...root.children];
    const captionPart = parts.find((part) => part.querySelector(".hcc-caption"));
    for (const part of parts) {
      if (part !== captionPart && !part.contains(bar.host) && part.textContent.trim()) part.classList.add("hcc-live-replaced");
    }
    root.insertBefore(view, captionPart || bar.host.closest(".hcc-panel > *"));
    const caption = root.querySelector(".hcc-caption");
    if (caption) caption.textContent = spec.caption;
    root.dataset.live = "ready";
    try { localStorage.setItem(CHOSEN_LIVE, "1"); } catch (error) { /* private mode */ }
    root.dataset.liveStartMs = (performance.now() - clicked).toFixed(0);
    root.dataset.liveDownloaded = String(runtime.downloaded);
    root.dataset.liveTimings = JSON.stringify({ ...runtime.timings, kind: runtime.kind });
    button.hidden = true;
    status.textContent = liveSentence;
    for (const other of document.querySelectorAll(".hcc-live-button:not([hidden])")) {
      other.textContent = "Run live in your browser (Python is loaded)";
    }
  } catch (error) {
    root.dataset.live = "unavailable";
    button.hidden = true;
    status.textContent = `Live mode could not start (${String(error.message).split("\n").pop()}); ${STATIC_NOTE}.`;
  } finally {
    progressShown = restoreProgress;
  }
}

async function enhance(host) {
  if (host.dataset.liveEnhanced) return;
  host.dataset.liveEnhanced = "1";
  const root = host.closest(".hcc-panel") || host;
  let spec;
  try { spec = JSON.parse(host.dataset.panel); } catch (error) { spec = null; }
  if (spec) announceValues(root, spec);
  const status = element("p", { class: "hcc-live-status", role: "status" });
  const reason = spec ? unavailableReason() : `Live mode is not available: this panel carries no declaration; ${STATIC_NOTE}.`;
  if (reason) {
    root.dataset.live = "unavailable";
    status.textContent = reason;
    host.append(element("div", { class: "hcc-live-bar" }, [status]));
    return;
  }
  root.dataset.live = "static";
  const size = megabytes(settings.download.br || settings.download.gz);
  const button = element("button", { type: "button", class: "hcc-live-button",
                                     text: `Run live in your browser (one-time download: ${size})` });
  if (started) button.textContent = "Run live in your browser (Python is loaded)";
  else if (await runtimeKept()) {
    button.textContent = `Run live in your browser (the ${size} download is kept in this browser)`;
    // A reader who ran panels live before finds Python started in the background on later
    // pages, so that the button answers at once; nothing is downloaded for it.
    let chose = null;
    try { chose = localStorage.getItem(CHOSEN_LIVE); } catch (error) { chose = null; }
    if (chose && !backgroundStarted) {   // one panel per page: the others follow a click
      backgroundStarted = true;
      prepare(root, spec, true).catch(() => null);
    }
  }
  host.append(element("div", { class: "hcc-live-bar" }, [button, status]));
  button.addEventListener("click", () => goLive(root, spec, { button, status, host }));
}

// Code cells: every Python code block of a page (the code that exercises and their solutions
// ask for) becomes an editable cell with a Run button, run by the same Python in the worker,
// in one namespace per page as a notebook's cells share a kernel. The block's root carries
// data-live-code: static, loading, ready or unavailable.
let cells = 0;
function enhanceCode(block) {
  if (block.closest(".cell_input, .hcc-live-code") || block.dataset.liveCode) return;
  const pre = block.querySelector("pre");
  if (!pre) return;
  const source = pre.textContent.replace(/\n$/, "");
  const root = element("div", { class: "hcc-live-code" });
  block.replaceWith(root);
  root.append(block);
  const status = element("p", { class: "hcc-live-status", role: "status" });
  const reason = unavailableReason();
  if (reason) {
    root.dataset.liveCode = "unavailable";
    status.textContent = reason.replace("Live mode", "Running this code here");
    root.append(status);
    return;
  }
  root.dataset.liveCode = "static";
  const id = `hcc-live-code-${++cells}`;
  const editor = element("textarea", { id, class: "hcc-live-editor", spellcheck: "false",
                                       autocapitalize: "off", autocomplete: "off",
                                       rows: String(Math.min(20, source.split("\n").length + 1)) });
  editor.value = source;
  const label = element("label", { for: id, class: "hcc-live-editor-label",
                                   text: "Python code (edit it, then Run; Shift+Enter runs too)" });
  const button = element("button", { type: "button", class: "hcc-live-button hcc-live-run", text: "Run" });
  const size = megabytes(settings.download.br || settings.download.gz);
  status.textContent = started ? "Runs in the book's Python in your browser."
    : `Runs in the book's Python in your browser (one-time download: ${size}).`;
  const output = element("div", { class: "hcc-live-output" });
  block.classList.add("hcc-live-printed");   // the highlighted code, for print
  root.append(label, editor, element("div", { class: "hcc-live-bar" }, [button, status]), output);
  const run = async () => {
    if (button.disabled) return;
    button.disabled = true;
    root.dataset.liveCode = "loading";
    const restoreProgress = progressShown;
    progressShown = (progress) => {
      if (progress.phase === "starting") status.textContent = "Starting Python in your browser…";
      else if (!progress.cached) status.textContent = `Downloading the book's Python: ${megabytes(progress.loaded)} of ${megabytes(progress.total)}…`;
    };
    status.textContent = started ? "Running…" : "Loading the book's Python…";
    try {
      await startPython();
      status.textContent = "Running…";
      const answer = await call({ op: "run", code: editor.value });
      const parts = [];
      if (answer.output) parts.push(element("pre", { class: "hcc-live-code-text", text: answer.output }));
      answer.figures.forEach((png, i) => {
        parts.push(element("img", { class: "hcc-live-code-figure",
                                    alt: `Figure ${i + 1} drawn by the code above`,
                                    src: URL.createObjectURL(new Blob([png], { type: "image/png" })) }));
      });
      for (const old of output.querySelectorAll("img")) URL.revokeObjectURL(old.src);
      output.replaceChildren(...parts);
      root.dataset.liveCode = "ready";
      status.textContent = answer.error ? "The code stopped with an error (below)."
        : `Ran in ${(answer.seconds).toFixed(answer.seconds < 10 ? 1 : 0)} s${parts.length ? "" : ", printing nothing"}.`;
    } catch (error) {
      root.dataset.liveCode = "unavailable";
      status.textContent = `Running this code here could not start (${String(error.message).split("\n").pop()}).`;
    } finally {
      progressShown = restoreProgress;
      button.disabled = root.dataset.liveCode === "unavailable";
    }
  };
  button.addEventListener("click", run);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.shiftKey) { event.preventDefault(); run(); }
  });
}

function codeBlocks() {
  document.querySelectorAll("div.highlight-python, div.highlight-python3").forEach(enhanceCode);
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", codeBlocks);
else codeBlocks();

function scan(node) {
  if (node.nodeType !== 1) return;
  if (node.matches(".hcc-live[data-panel]")) enhance(node);
  node.querySelectorAll(".hcc-live[data-panel]").forEach(enhance);
}

// The widget manager renders the precomputed panels after the page loads: watch for them.
new MutationObserver((changes) => {
  for (const change of changes) change.addedNodes.forEach(scan);
}).observe(document.documentElement, { childList: true, subtree: true });
scan(document.documentElement);
})();
