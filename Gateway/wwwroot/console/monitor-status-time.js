// How long each operator has had their status, on the Monitor: counted on in the
// browser every second from the snapshot's `statusSince`, against the server's
// clock (the snapshot's `at`), so a browser whose clock is off still shows it right.

import { t } from "./i18n.js";

const TICK_MS = 1000;
let serverOffsetMs = 0;
let ticker = null;

/** The server's time of a snapshot (ISO), to count from its clock rather than the browser's. */
export function setServerTime(at) {
  const ms = Date.parse(at);
  if (!Number.isNaN(ms)) serverOffsetMs = ms - Date.now();
}

/** h:mm:ss, or m:ss under an hour. */
export function formatStatusTime(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The time in status as a `.in-status` the ticker keeps counting; null when the server does not know since when. */
export function statusTimeNode(since) {
  const ms = Date.parse(since ?? "");
  if (Number.isNaN(ms)) return null;
  const span = document.createElement("span");
  span.className = "in-status";
  span.dataset.since = String(ms);
  update(span, Date.now() + serverOffsetMs);
  return span;
}

/** Starts counting every `.in-status` under `root` (once). */
export function startStatusTicker(root) {
  if (ticker) return;
  ticker = setInterval(() => {
    const now = Date.now() + serverOffsetMs;
    for (const span of root.querySelectorAll(".in-status[data-since]")) update(span, now);
  }, TICK_MS);
}

function update(span, now) {
  const time = formatStatusTime((now - Number(span.dataset.since)) / 1000);
  if (span.textContent !== time) {
    span.textContent = time;
    span.title = t("monitor.inStatus", { time });
  }
}
