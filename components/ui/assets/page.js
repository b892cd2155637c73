// Page helpers, loaded once per page (components/ui/plots.py):
//
// 1. Enter in a date field applies the typed date. Streamlit's date input takes a typed date only when
//    the field loses focus (Enter, and Tab between day, month and year, did nothing): on Enter inside a
//    date input the focus moves away, so the value is applied at once.
// 2. Charts keep the reader's zoom and hidden series. Streamlit draws a chart anew whenever its figure
//    changes (a log scale, a new selection), which drops the zoom and the legend choices. Each chart's
//    x range and hidden legend groups are remembered per chart and figure revision (layout.uirevision:
//    the app changes it when the range itself changes) and put back when the chart is drawn again.
// 3. The page's language: <html lang> is the run's language (data.lang), so screen readers pronounce
//    the page in it (Streamlit always writes "en"). The one chart button plotly's locale does not name,
//    the full-screen button Streamlit adds, takes its title in that language (data.buttons: English -> shown).
// 4. Streamlit's own words on a page (the skip link, a file uploader's buttons, their names and its size line) are
//    shown in that language (data.words): their text nodes and aria-labels are rewritten in place, so React keeps
//    the nodes it owns.

const KEEP = "chart-view:";

function onKey(ev) {
  if (ev.key !== "Enter") return;
  const path = ev.composedPath ? ev.composedPath() : [ev.target];
  if (!path.some((node) => node && node.dataset && node.dataset.testid === "stDateInput")) return;
  ev.preventDefault();
  const active = document.activeElement;
  if (active && typeof active.blur === "function") active.blur();
}

function chartKey(gd) {
  const holder = gd.closest('[class*="st-key-"]');
  const cls = holder && Array.from(holder.classList).find((c) => c.startsWith("st-key-"));
  return cls ? cls.slice(7) : null;
}

function read(key) {
  try { return JSON.parse(sessionStorage.getItem(KEEP + key) || "null"); } catch (e) { return null; }
}

function save(gd, key) {
  const x = gd._fullLayout && gd._fullLayout.xaxis;
  const hidden = (gd._fullData || []).filter((t) => t.visible === "legendonly").map((t) => t.legendgroup || t.name);
  const view = {rev: gd.layout.uirevision, hidden: [...new Set(hidden)],
                x: x && !x.autorange ? x.range.slice() : null};
  try { sessionStorage.setItem(KEEP + key, JSON.stringify(view)); } catch (e) {}
}

function restore(gd, key) {
  const Plotly = window.Plotly, view = read(key);
  if (!Plotly || !view || view.rev !== gd.layout.uirevision) return;
  const groups = new Set(view.hidden || []);
  const hide = (gd.data || []).map((t, i) => (groups.has(t.legendgroup || t.name) ? i : -1)).filter((i) => i >= 0);
  if (hide.length) Plotly.restyle(gd, {visible: "legendonly"}, hide);
  if (view.x) Plotly.relayout(gd, {"xaxis.range": view.x});
}

function wire(gd) {
  if (gd.__kept || !gd._fullLayout || typeof gd.on !== "function") return;
  const key = chartKey(gd);
  if (!key) return;
  gd.__kept = true;
  restore(gd, key);
  gd.on("plotly_relayout", () => save(gd, key));
  gd.on("plotly_restyle", () => save(gd, key));
}

let buttons = {};

function relabel() {
  for (const [english, shown] of Object.entries(buttons)) {
    document.querySelectorAll(`.modebar-btn[data-title="${english}"]`).forEach((btn) => {
      btn.setAttribute("data-title", shown);
      btn.setAttribute("aria-label", shown);
    });
  }
}

let words = {};
const original = new WeakMap();  // each rewritten text node's English, to rewrite again in another language

function show(root, selector, make) {
  root.querySelectorAll(selector).forEach((el) => {
    for (const text of el.childNodes) {
      if (text.nodeType !== Node.TEXT_NODE) continue;
      if (!original.has(text)) original.set(text, text.nodeValue);
      const want = make(original.get(text));
      if (text.nodeValue !== want) text.nodeValue = want;
    }
  });
}

const originalLabel = new WeakMap();  // each relabelled element's English aria-label

function label(root, selector, make) {
  root.querySelectorAll(selector).forEach((el) => {
    if (!originalLabel.has(el)) originalLabel.set(el, el.getAttribute("aria-label") || "");
    const want = make(originalLabel.get(el));
    if (want && el.getAttribute("aria-label") !== want) el.setAttribute("aria-label", want);
  });
}

function translate() {
  const shown = (english, said) => (said ? said : english);
  show(document, '[data-testid="stSkipToContent"]',
       (e) => (e === "Skip to main content" ? shown(e, words.skip) : e));
  show(document, '[data-testid="stFileUploaderDropzone"] button p',
       (e) => (e.trim() === "Upload" ? shown(e, words.upload) : e));
  show(document, '[data-testid="stFileUploaderDropzoneInstructions"] span', (e) => {
    const m = e.match(/^(\S+) per file/);
    return m && words.perFile ? e.replace(m[0], words.perFile.replace("{size}", m[1])) : e;
  });
  // once a file is chosen, the uploader's buttons are named by their aria-label only
  label(document, '[data-testid="stFileUploader"] [aria-label]', (e) => {
    if (e === "file upload") return shown(e, words.fileUpload);
    if (e === "Add files") return shown(e, words.addFiles);
    const m = e.match(/^Remove (.+)$/), c = e.match(/^Cancel upload of (.+)$/);
    if (c && words.cancel) return words.cancel.replace("{name}", c[1]);
    return m && words.remove ? words.remove.replace("{name}", m[1]) : e;
  });
  show(document, '[data-testid="stFileUploader"] button span',
       (e) => (e === "add icon" ? shown(e, words.addFiles) : e));
}

let observer = null;

export default function (component) {
  const lang = component && component.data && component.data.lang;
  if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
  buttons = (component && component.data && component.data.buttons) || {};
  words = (component && component.data && component.data.words) || {};
  document.removeEventListener("keydown", onKey, true);
  document.addEventListener("keydown", onKey, true);
  if (!observer) {
    const scan = () => {
      document.querySelectorAll(".js-plotly-plot").forEach(wire);
      relabel();
      translate();
    };
    observer = new MutationObserver(() => window.requestAnimationFrame(scan));
    observer.observe(document.body, {childList: true, subtree: true});
    scan();
  }
  relabel();
  translate();
}
