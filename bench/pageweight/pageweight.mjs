// Page weight and time to interactive, as a resident on a cheap phone meets the sociale kaart.
// A benchmark, not a test: it prints a table (BENCHMARKS.md, issue 21).
//
//   node --experimental-websocket bench/pageweight/pageweight.mjs http://127.0.0.1:3000
//
// Needs a running server with the Utrecht demo (`./sk run`) and Debian's Chromium. For each
// page it reports what the browser downloads (HTML, CSS, JS, wasm, other), raw and as gzip and
// brotli would send it (Node's zlib, default levels), the bytes that went over the wire with
// the server's own encoding, and, in headless Chromium with the CPU slowed 4x and DevTools'
// "Slow 3G" network (2 s round trip, 50 kB/s), the time until the page is on screen (first
// contentful paint; its links and forms work from then on: they are plain HTML), until its islands are hydrated
// (`body[data-hydrated]`, set by pagina.js, at once on a page without one) and until the map
// has drawn a marker. Pages behind a login
// (the wijkteam workspace) need SK_COOKIE="sk_sessie=..." from a logged-in browser.

import { spawn } from "node:child_process";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = (process.argv[2] || "http://127.0.0.1:3000").replace(/\/$/, "");
const cookie = process.env.SK_COOKIE || "";
const chromium = process.env.SK_CHROMIUM || "/usr/bin/chromium";
const PORT = 9333;
const TIMEOUT_MS = 90_000;
// DevTools' "Slow 3G" preset, as Puppeteer defines it.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;

async function firstOfferId() {
  const r = await fetch(`${base}/api/v1/search?q=voetbal&size=1`);
  const body = await r.json();
  return body.items?.[0]?.id;
}

function kindOf(url, mime) {
  if (url.endsWith(".wasm") || mime === "application/wasm") return "wasm";
  if (url.endsWith(".css") || mime === "text/css") return "css";
  if (url.endsWith(".js") || /javascript/.test(mime)) return "js";
  if (mime === "text/html") return "html";
  return "other";
}

/// A tiny CDP client over the page target's WebSocket.
class Cdp {
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    this.waiting = new Map();
    this.listeners = [];
    ws.addEventListener("message", (m) => {
      const msg = JSON.parse(m.data);
      if (msg.id && this.waiting.has(msg.id)) {
        const { resolve, reject } = this.waiting.get(msg.id);
        this.waiting.delete(msg.id);
        msg.error ? reject(new Error(msg.error.message)) : resolve(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners) l(msg);
      }
    });
  }
  static async open(url) {
    const ws = new WebSocket(url);
    await new Promise((ok, fail) => {
      ws.addEventListener("open", ok);
      ws.addEventListener("error", fail);
    });
    return new Cdp(ws);
  }
  send(method, params = {}) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject }));
  }
  on(listener) {
    this.listeners.push(listener);
  }
  close() {
    this.ws.close();
  }
}

async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), "sk-pageweight-"));
  const child = spawn(chromium, [
    "--headless", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${PORT}`,
    `--user-data-dir=${profile}`, "--window-size=390,844", "about:blank",
  ], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/json/version`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("chromium did not start");
}

async function measure(path, throttled, width = 390) {
  const target = await (await fetch(`http://127.0.0.1:${PORT}/json/new?about:blank`, { method: "PUT" })).json();
  const cdp = await Cdp.open(target.webSocketDebuggerUrl);
  const resources = new Map();
  cdp.on((msg) => {
    if (msg.method === "Network.responseReceived") {
      const { requestId, response } = msg.params;
      resources.set(requestId, { url: response.url, mime: response.mimeType, wire: 0, encoding: response.headers["content-encoding"] || response.headers["Content-Encoding"] || "" });
    } else if (msg.method === "Network.loadingFinished") {
      const r = resources.get(msg.params.requestId);
      if (r) r.wire = msg.params.encodedDataLength;
    }
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cookie) {
    const [name, ...value] = cookie.split("=");
    await cdp.send("Network.setCookie", { name, value: value.join("="), url: base });
  }
  await cdp.send("Runtime.enable");
  await cdp.send("Emulation.setDeviceMetricsOverride", {
    width, height: width < 500 ? 844 : 900, deviceScaleFactor: 1, mobile: width < 500,
  });
  if (throttled) {
    await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  }
  const started = Date.now();
  await cdp.send("Page.navigate", { url: base + path });
  let hydrated = null;
  let map = null;
  let read = null;
  // A phone shows the map only when asked ("Toon de kaart"): it is timed on a wide screen.
  const hasMap = path.startsWith("/?") && width >= 1000;
  while (Date.now() - started < TIMEOUT_MS && (hydrated === null || (hasMap && map === null))) {
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: "[document.body && document.body.dataset.hydrated === 'true', !!document.querySelector('.leaflet-marker-icon, .marker-cluster'), location.href !== 'about:blank' && (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime]",
      returnByValue: true,
    });
    const [h, m, r] = result.value || [false, false, false];
    const t = Date.now() - started;
    if (r && read === null) read = r;
    if (h && hydrated === null) hydrated = t;
    if (m && map === null) map = t;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  cdp.close();
  await fetch(`http://127.0.0.1:${PORT}/json/close/${target.id}`);
  return { resources: [...resources.values()], hydrated, read, map: hasMap ? map : undefined };
}

async function sizes(url) {
  const headers = { "accept-encoding": "identity" };
  if (cookie) headers.cookie = cookie;
  const body = Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length, br: brotliCompressSync(body).length };
}

const kb = (n) => (n / 1024).toFixed(1);
const sec = (ms) => (ms === null ? "never" : ms === undefined ? "" : (ms / 1000).toFixed(1));

const offer = await firstOfferId();
const pages = [
  ["home", "/"],
  ["results", "/?q=voetbal&waar=3454"],
  ["offer", `/aanbod/${offer}`],
  ["keukentafel", "/keukentafel"],
  ["ik kan iets", "/ik-kan-iets"],
  ["wijkteam workspace", "/wijkteam"],
];
const browser = await startChromium();
try {
  console.log(`Pages of ${base}; sizes in KiB; times in s with the CPU ${CPU_SLOWDOWN}x slower and Slow 3G.`);
  console.log("");
  console.log("| page | HTML raw / gz / br | CSS gz / br | JS gz / br | wasm raw / gz / br | JS + wasm gz | over the wire | on screen (390 px) | hydrated (390 px) | map drawn (1280 px) |");
  console.log("|---|---|---|---|---|---:|---:|---:|---:|---:|");
  for (const [name, path] of pages) {
    try {
    const plain = await measure(path, false);
    const totals = { html: [0, 0, 0], css: [0, 0, 0], js: [0, 0, 0], wasm: [0, 0, 0], other: [0, 0, 0] };
    let wire = 0;
    for (const r of plain.resources) {
      if (!r.url.startsWith(base)) continue;
      const s = await sizes(r.url);
      const t = totals[kindOf(r.url, r.mime)];
      t[0] += s.raw; t[1] += s.gzip; t[2] += s.br;
      wire += r.wire;
    }
    const slow = await measure(path, true);
    const wide = path.startsWith("/?") ? await measure(path, true, 1280) : { map: undefined };
    const h = totals.html, c = totals.css, j = totals.js, w = totals.wasm;
    console.log(`| ${name} | ${kb(h[0])} / ${kb(h[1])} / ${kb(h[2])} | ${kb(c[1])} / ${kb(c[2])} | ${kb(j[1])} / ${kb(j[2])} | ${kb(w[0])} / ${kb(w[1])} / ${kb(w[2])} | ${kb(j[1] + w[1])} | ${kb(wire)} | ${sec(slow.read)} | ${sec(slow.hydrated)} | ${sec(wide.map)} |`);
    } catch (e) {
      console.log(`| ${name} | could not be measured: ${e.message} | | | | | | | | |`);
    }
  }
} finally {
  browser.kill();
}
