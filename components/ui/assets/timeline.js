// The event timeline: one lane per category, each event a marker at its moment (Hong Kong clock).
// Mouse: wheel zooms around the pointer, drag pans, click selects. Touch: one tap selects, a
// horizontal swipe pans, a pinch zooms, a vertical swipe scrolls the page. Keys: ← / → (or K / J)
// step to the previous / next event. Keyboard alone: the markers are one Tab stop (the selected event,
// else the first in view); on a marker ← / → / Home / End move the focus between the events in time
// order, Enter or Space opens the focused one, and each marker is announced with its title and moment. The view (zoom) lives here, in the page: it survives reruns,
// and a new selection pans the view only when the event is outside it.
//
// Data from Python (components/charts/timeline.py): lanes, events {id, title, when, lane, shape, t},
// selected, view {start, end, key}, domain {start, end, min}, clock, labels {timeline}
// (the accessible names, in the page's language). Triggers sent back: pick (an event id) and step
// ({dir: -1 | 1, n}).

const SVG = "http://www.w3.org/2000/svg";
let LANE_LABEL = 118;     // px for lane names on the left (less on a narrow screen)
const ROW = 30;           // px per stacking level in a lane
const GAP = 18;           // markers closer than this (px) in one lane are stacked
const AXIS = 26;          // px for the date axis
const DAY = 86400000;
// the words and date pieces in the page's language (data.labels, from components/ui/timeline.py); English if absent
let WORDS = {};
const said = (key, fallback) => WORDS[key] || fallback;
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
let stepCount = 0;
let keyTarget = null;     // the timeline instance that keyboard shortcuts drive

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function shapePath(shape, r) {
  if (shape === "diamond") return `M0,${-r * 1.25} L${r * 1.25},0 L0,${r * 1.25} L${-r * 1.25},0 Z`;
  if (shape === "star") {
    let d = "";
    for (let i = 0; i < 10; i++) {
      const rad = i % 2 ? r * 0.5 : r * 1.35, a = Math.PI / 5 * i - Math.PI / 2;
      d += `${i ? "L" : "M"}${(rad * Math.cos(a)).toFixed(2)},${(rad * Math.sin(a)).toFixed(2)}`;
    }
    return d + "Z";
  }
  return `M${-r},0 A${r},${r} 0 1,0 ${r},0 A${r},${r} 0 1,0 ${-r},0`;
}

const pad2 = (n) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function label(ms, unit) {
  const d = new Date(ms);
  const parts = {weekday: said("weekdays", WEEKDAYS)[d.getUTCDay()], day: d.getUTCDate(),
                 month: said("months", MONTHS)[d.getUTCMonth()], year: d.getUTCFullYear(), hour: pad2(d.getUTCHours())};
  if (unit === "hour") return fill(said("hour_tick", "{weekday} {day} {hour}:00"), parts);
  if (unit === "day") return fill(said("day_tick", "{weekday} {day} {month}"), parts);
  if (unit === "month") return fill(said("month_tick", "{month} {year}"), parts);
  return String(d.getUTCFullYear());
}

function ticks(start, end, width) {
  const span = end - start, want = Math.max(3, Math.floor(width / 90));
  const steps = [["hour", 6 * 3600e3], ["hour", 12 * 3600e3], ["day", DAY], ["day", 2 * DAY], ["day", 7 * DAY],
                 ["month", 30 * DAY], ["month", 91 * DAY], ["year", 365 * DAY]];
  const [unit, step] = steps.find(([, s]) => span / s <= want) || steps[steps.length - 1];
  const out = [];
  const d = new Date(start);
  if (unit === "month" || unit === "year") {
    const months = unit === "year" ? 12 : Math.round(step / (30 * DAY));
    let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1;
    if (unit === "year") { y += 1; m = 0; } else { m = Math.ceil(m / months) * months; }
    for (let t = Date.UTC(y, m, 1); t <= end && out.length < 40; t = Date.UTC(y, m += months, 1)) out.push(t);
  } else {
    for (let t = Math.ceil(start / step) * step; t <= end && out.length < 40; t += step) out.push(t);
  }
  return {unit, values: out};
}

function clampView(view, domain) {
  let [a, b] = view;
  const min = domain.min || 6 * 3600e3, full = domain.end - domain.start;
  if (b - a < min) { const c = (a + b) / 2; a = c - min / 2; b = c + min / 2; }
  if (b - a > full) { a = domain.start; b = domain.end; }
  if (a < domain.start) { b += domain.start - a; a = domain.start; }
  if (b > domain.end) { a -= b - domain.end; b = domain.end; }
  return [a, b];
}

function stack(events, x) {
  // per lane, left to right: a marker within GAP px of one on the same level goes one level up
  const levels = new Map(), lastX = {};
  for (const e of events) {
    const px = x(e.t), lane = (lastX[e.lane] ||= []);
    let level = 0;
    while (lane[level] !== undefined && px - lane[level] < GAP) level += 1;
    lane[level] = px;
    levels.set(e.id, level);
  }
  return levels;
}

function build(parent) {
  const root = document.createElement("div");
  root.className = "tl-root";
  root.innerHTML = `<div class="tl-bar" role="toolbar">
      <button type="button" data-act="out">−</button>
      <button type="button" data-act="in">+</button>
      <button type="button" data-act="reset"></button>
      <button type="button" data-act="all"></button>
      <span class="tl-hint"></span></div>
    <div class="tl-plot"></div><div class="tl-tip" role="tooltip" hidden></div>`;
  // the words go in as text and attributes (never HTML): the toolbar's name, each button's title and label
  root.querySelector(".tl-bar").setAttribute("aria-label", said("zoom", "Timeline zoom"));
  const buttons = {out: ["zoom_out", "Zoom out", null], in: ["zoom_in", "Zoom in", null],
                   reset: ["reset_title", "Back to the opening view", ["reset", "Reset view"]],
                   all: ["all_title", "Show every event", ["all", "All events"]]};
  for (const [act, [key, fallback, text]] of Object.entries(buttons)) {
    const button = root.querySelector(`button[data-act="${act}"]`);
    button.title = said(key, fallback);
    if (text) button.textContent = said(...text); else button.setAttribute("aria-label", said(key, fallback));
  }
  parent.appendChild(root);
  const plot = root.querySelector(".tl-plot");
  root.addEventListener("click", (ev) => {
    const act = ev.target.closest("button[data-act]")?.dataset.act;
    if (act) { ev.preventDefault(); zoomButton(root, act); }
  });
  plot.addEventListener("wheel", (ev) => {
    if (ev.ctrlKey && !ev.deltaY) return;
    ev.preventDefault();
    const box = plot.getBoundingClientRect(), [a, b] = root.__view;
    if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {  // a sideways swipe on a trackpad pans
      const shift = ev.deltaX / (box.width - LANE_LABEL - 8) * (b - a);
      setView(root, [a + shift, b + shift]);
      return;
    }
    const frac = Math.min(1, Math.max(0, (ev.clientX - box.left - LANE_LABEL) / (box.width - LANE_LABEL - 8)));
    const factor = Math.exp(Math.max(-1, Math.min(1, ev.deltaY / 300)));
    const c = a + frac * (b - a);
    setView(root, [c - (c - a) * factor, c + (b - c) * factor]);
  }, {passive: false});
  wirePointers(root, plot);
  new ResizeObserver(() => render(root)).observe(root);
  return root;
}

function wirePointers(root, plot) {
  const pointers = new Map();
  let gesture = null;
  plot.addEventListener("pointerdown", (ev) => {
    pointers.set(ev.pointerId, {x: ev.clientX, y: ev.clientY});
    const view = root.__view.slice();
    if (pointers.size === 2) {
      const [p, q] = [...pointers.values()];
      gesture = {kind: "pinch", dist: Math.abs(p.x - q.x) || 1, view, mid: (p.x + q.x) / 2};
    } else if (pointers.size === 1) {
      gesture = {kind: "pan", x: ev.clientX, y: ev.clientY, view, moved: false, id: ev.pointerId,
                 mouse: ev.pointerType === "mouse"};
    }
  });
  plot.addEventListener("pointermove", (ev) => {
    if (!pointers.has(ev.pointerId) || !gesture) return;
    pointers.set(ev.pointerId, {x: ev.clientX, y: ev.clientY});
    const width = plot.clientWidth - LANE_LABEL - 8;
    if (gesture.kind === "pinch" && pointers.size === 2) {
      const [p, q] = [...pointers.values()], [a, b] = gesture.view;
      const scale = gesture.dist / (Math.abs(p.x - q.x) || 1);
      const box = plot.getBoundingClientRect(), c = a + (gesture.mid - box.left - LANE_LABEL) / width * (b - a);
      setView(root, [c - (c - a) * scale, c + (b - c) * scale]);
    } else if (gesture.kind === "pan") {
      const dx = ev.clientX - gesture.x, dy = ev.clientY - gesture.y;
      if (!gesture.moved && Math.hypot(dx, dy) < 5) return;
      if (!gesture.moved && !gesture.mouse && Math.abs(dy) > Math.abs(dx)) { gesture = null; return; }  // a scroll
      gesture.moved = true;
      const [a, b] = gesture.view, shift = -dx / width * (b - a);
      setView(root, [a + shift, b + shift]);
      plot.classList.add("tl-dragging");
    }
  });
  const end = (ev) => {
    pointers.delete(ev.pointerId);
    plot.classList.remove("tl-dragging");
    if (gesture && gesture.kind === "pan" && !gesture.moved && ev.type === "pointerup") {
      const mark = ev.target.closest("[data-event-id]");
      if (mark) pick(root, mark.dataset.eventId);
    }
    if (pointers.size === 0) gesture = null;
  };
  plot.addEventListener("pointerup", end);
  plot.addEventListener("pointercancel", end);
  plot.addEventListener("pointerleave", (ev) => { if (ev.pointerType === "mouse") end(ev); });
}

function pick(root, id) {
  root.__api.setTriggerValue("pick", id);
}

function zoomButton(root, act) {
  const [a, b] = root.__view, c = (a + b) / 2, data = root.__api.data;
  if (act === "in") setView(root, [c - (b - a) / 4, c + (b - a) / 4]);
  if (act === "out") setView(root, [c - (b - a), c + (b - a)]);
  if (act === "reset") setView(root, [data.view.start, data.view.end]);
  if (act === "all" && data.events.length) {
    const ts = data.events.map((e) => e.t), padding = 2 * DAY;
    setView(root, [Math.min(...ts) - padding, Math.max(...ts) + padding]);
  }
}

function setView(root, view) {
  root.__view = clampView(view, root.__api.data.domain);
  try { sessionStorage.setItem(`timeline:${root.__api.data.view.key}`, JSON.stringify(root.__view)); } catch (e) {}
  render(root);
}

function render(root) {
  const {data} = root.__api;
  const plot = root.querySelector(".tl-plot"), tip = root.querySelector(".tl-tip");
  const width = Math.max(260, plot.clientWidth || root.clientWidth || 600);
  LANE_LABEL = width < 520 ? 86 : 118;
  root.classList.toggle("tl-narrow", width < 520);
  tip.hidden = true;
  const active = root.getRootNode().activeElement;  // a focused marker keeps the focus across a redraw
  const refocus = active && plot.contains(active) ? active.dataset.eventId : null;
  const [a, b] = root.__view, inner = width - LANE_LABEL - 8;
  const x = (t) => LANE_LABEL + (t - a) / (b - a) * inner;
  const visible = data.events.filter((e) => e.t >= a - (b - a) * 0.05 && e.t <= b + (b - a) * 0.05);
  const levels = stack(visible, x);
  const laneLevels = data.lanes.map((_, i) => 1 + Math.max(0, ...visible.filter((e) => e.lane === i)
    .map((e) => levels.get(e.id))));
  const laneTop = [];
  let y = 6;
  for (const n of laneLevels) { laneTop.push(y); y += n * ROW + 8; }
  const height = y + AXIS;
  plot.replaceChildren();
  const svg = el("svg", {width, height, viewBox: `0 0 ${width} ${height}`, class: "tl-svg",
                         role: "group", "aria-label": data.labels?.timeline || "Event timeline"}, plot);
  data.lanes.forEach((lane, i) => {
    const top = laneTop[i], h = laneLevels[i] * ROW;
    el("rect", {x: LANE_LABEL, y: top - 2, width: inner, height: h + 4, class: "tl-lane"}, svg);
    const name = el("text", {x: LANE_LABEL - 8, y: top + ROW / 2 + 4, class: "tl-lane-name", "text-anchor": "end"}, svg);
    name.textContent = lane.name;
  });
  const tk = ticks(a, b, inner);
  for (const t of tk.values) {
    el("line", {x1: x(t), x2: x(t), y1: 2, y2: height - AXIS, class: "tl-grid"}, svg);
    const text = el("text", {x: x(t), y: height - 8, class: "tl-tick", "text-anchor": "middle"}, svg);
    text.textContent = label(t, tk.unit);
  }
  const selected = data.events.find((e) => e.id === data.selected);
  if (selected && selected.t >= a && selected.t <= b) {
    el("line", {x1: x(selected.t), x2: x(selected.t), y1: 0, y2: height - AXIS, class: "tl-selected-line"}, svg);
  }
  for (const e of visible) {
    const lane = data.lanes[e.lane], level = levels.get(e.id);
    const cy = laneTop[e.lane] + ROW / 2 + level * ROW, isSel = e.id === data.selected;
    const g = el("g", {transform: `translate(${x(e.t).toFixed(1)},${cy})`, class: isSel ? "tl-mark tl-sel" : "tl-mark",
                       "data-event-id": e.id, "data-level": level, "data-shape": e.shape, tabindex: -1, role: "button",
                       "aria-label": `${e.title}, ${e.when}`, "aria-pressed": isSel}, svg);
    el("circle", {r: 15, class: "tl-hit"}, g);
    el("circle", {r: isSel ? 13 : 11, class: "tl-focus"}, g);
    el("path", {d: shapePath(e.shape, isSel ? 9 : 6.5), fill: lane.color, class: "tl-shape"}, g);
    const show = () => {
      tip.hidden = false;
      tip.replaceChildren();
      const strong = document.createElement("strong");
      strong.textContent = e.title;
      const when = document.createElement("div");
      when.textContent = `${e.when} · ${e.category}`;
      tip.append(strong, when);
      const box = root.getBoundingClientRect(), mark = g.getBoundingClientRect();
      tip.style.left = `${Math.min(box.width - 260, Math.max(0, mark.left - box.left - 20))}px`;
      tip.style.top = `${mark.bottom - box.top + 6}px`;
    };
    g.addEventListener("pointerenter", (ev) => { if (ev.pointerType === "mouse") show(); });
    g.addEventListener("focus", show);
    g.addEventListener("pointerleave", () => { tip.hidden = true; });
    g.addEventListener("blur", () => { tip.hidden = true; });
  }
  wireMarkerKeys(root, svg, refocus);
  const hidden = data.events.length - visible.length;
  root.querySelector(".tl-hint").textContent =
    fill(hidden ? said("in_view_more", "{shown} of {total} events in view · zoom out or drag to see the rest")
                : said("in_view", "{shown} of {total} events in view"), {shown: visible.length, total: data.events.length});
  root.dataset.viewStart = String(Math.round(a));
  root.dataset.viewEnd = String(Math.round(b));
  root.dataset.selected = data.selected || "";
}

// The markers as one Tab stop (a roving tabindex): the selected event's, else the first in time order.
// On a marker, ← / → / Home / End move the focus along the events in view; Enter and Space open it.
function wireMarkerKeys(root, svg, refocus) {
  const marks = [...svg.querySelectorAll(".tl-mark")];
  const order = new Map(root.__api.data.events.map((e, i) => [e.id, i]));
  marks.sort((p, q) => order.get(p.dataset.eventId) - order.get(q.dataset.eventId));
  if (!marks.length) return;
  const stop = marks.find((m) => m.dataset.eventId === refocus)
    || marks.find((m) => m.dataset.eventId === root.__api.data.selected) || marks[0];
  stop.setAttribute("tabindex", "0");
  marks.forEach((g, i) => g.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "Enter" || ev.key === " ") {
      ev.preventDefault();
      ev.stopPropagation();
      pick(root, g.dataset.eventId);
      return;
    }
    const to = {ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: marks.length - 1}[ev.key];
    if (to === undefined) return;
    ev.preventDefault();
    ev.stopPropagation();  // the page's ← / → select; on a marker they only move the focus
    const next = marks[Math.max(0, Math.min(marks.length - 1, to))];
    marks.forEach((m) => m.setAttribute("tabindex", m === next ? "0" : "-1"));
    next.focus();
  }));
  if (refocus && stop.dataset.eventId === refocus) stop.focus({preventScroll: true});
}

function onKey(ev) {
  const root = keyTarget;
  if (!root || !root.isConnected || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const target = ev.target, tag = (target.tagName || "").toLowerCase();
  if (["input", "textarea", "select"].includes(tag) || target.isContentEditable
      || target.closest?.('[role="listbox"], [role="combobox"], [role="slider"], [role="spinbutton"]')) return;
  const dir = {ArrowLeft: -1, k: -1, K: -1, ArrowRight: 1, j: 1, J: 1}[ev.key];
  if (!dir) return;
  ev.preventDefault();
  stepCount += 1;
  root.__api.setTriggerValue("step", {dir, n: stepCount});
}

export default function (component) {
  const {data, parentElement, setTriggerValue} = component;
  WORDS = data.labels || {};
  const words = JSON.stringify(WORDS);
  let root = parentElement.querySelector(".tl-root");
  if (root && root.__words !== words) { root.remove(); root = null; }  // a new language: its toolbar is redrawn
  const fresh = !root;
  if (fresh) { root = build(parentElement); root.__words = words; }
  const previous = root.__api?.data;
  root.__api = {data, setTriggerValue};
  if (fresh || previous.view.key !== data.view.key) {
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(`timeline:${data.view.key}`) || "null"); } catch (e) {}
    root.__view = clampView(Array.isArray(saved) ? saved : [data.view.start, data.view.end], data.domain);
  } else if (data.selected && data.selected !== previous.selected) {
    const e = data.events.find((ev) => ev.id === data.selected), [a, b] = root.__view;
    if (e && (e.t < a || e.t > b)) root.__view = clampView([e.t - (b - a) / 2, e.t + (b - a) / 2], data.domain);
  }
  root.__view = clampView(root.__view, data.domain);
  render(root);
  keyTarget = root;
  document.removeEventListener("keydown", onKey);
  document.addEventListener("keydown", onKey);
  return () => { if (keyTarget === root) { keyTarget = null; document.removeEventListener("keydown", onKey); } };
}
