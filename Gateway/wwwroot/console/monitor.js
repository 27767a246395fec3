// The supervisor's Monitor view (#monitor, their default view), drawn from the
// `monitor {snapshot}` frame their socket gets every second (docs/monitoring.md):
// headline figures, operators, queues, the queues' phone calls, waiting and active chats, and alerts; the call
// campaigns in progress come from the campaigns' own endpoint (monitor-campaigns.js).
// Clicking a waiting or active chat watches it read-only (watch.js).

import { app, isSupervisor } from "./app.js";
import { ui } from "./dom.js";
import { language, t } from "./i18n.js";
import {
  activeItem,
  alertItem,
  callFiguresRow,
  operatorRow,
  percent,
  queueRow,
  refreshWaiting,
  seconds,
  syncKeyed,
  waitingItem,
} from "./monitor-view.js";
import { renderMonitorCampaigns, resetMonitorCampaigns } from "./monitor-campaigns.js";
import { setServerTime, startStatusTicker } from "./monitor-status-time.js";
import { setQueueNames } from "./view.js";
import { showView } from "./visitors.js";
import { renderWatch, setWatchNames, startWatch } from "./watch.js";

let snapshot = null;
let drawn = { snapshot: null, language: null };

export function bindMonitor() {
  ui.monitorTab.addEventListener("click", () => showView("monitor"));
  for (const list of [ui.monitorWaiting, ui.monitorActive]) {
    list.addEventListener("click", (event) => {
      const item = event.target.closest("li[data-conversation-id]");
      if (item) startWatch(item.dataset.conversationId);
    });
    list.addEventListener("keydown", (event) => {
      const item = event.target.closest("li[data-conversation-id]");
      if (!item || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      startWatch(item.dataset.conversationId);
    });
  }
}

/** A `monitor` frame's snapshot; anything that is not an object is ignored. */
export function setSnapshot(next) {
  if (next === null || typeof next !== "object") return;
  snapshot = next;
  setServerTime(next.at);
  const list = (name) => (Array.isArray(next[name]) ? next[name].filter((row) => row && typeof row === "object") : []);
  setQueueNames(list("queues"));
  setWatchNames(list("operators"));
}

export function resetMonitor() {
  snapshot = null;
  drawn = { snapshot: null, language: null };
  resetMonitorCampaigns();
}

/** Supervisors open on the Monitor until they pick a tab themselves; others never see it. */
export function applyDefaultView() {
  if (isSupervisor() && !app.viewPicked && app.view === "chats") app.view = "monitor";
  if (!isSupervisor() && app.view === "monitor") app.view = "chats";
}

export function renderMonitor() {
  const supervisor = isSupervisor();
  const showing = supervisor && app.view === "monitor";
  ui.monitorTab.hidden = !supervisor;
  ui.monitorTab.setAttribute("aria-selected", String(showing));
  ui.workspace.dataset.view = showing ? "monitor" : app.view;
  ui.monitor.hidden = !showing;
  renderMonitorCampaigns(showing);
  if (!showing) return;
  if (drawn.snapshot !== snapshot || drawn.language !== language()) draw();
  renderWatch();
}

function draw() {
  drawn = { snapshot, language: language() };
  const list = (name) => (Array.isArray(snapshot?.[name]) ? snapshot[name].filter((row) => row && typeof row === "object") : []);
  const operators = list("operators");
  const waiting = list("waiting");
  const active = list("active");
  const alerts = list("alerts");

  ui.sl.textContent = percent(snapshot?.serviceLevel);
  ui.csat.textContent = percent(snapshot?.csat);
  ui.afr.textContent = seconds(snapshot?.averageFirstResponse);
  ui.waitingNow.textContent = snapshot ? String(waiting.length) : t("monitor.none");
  ui.monitorUpdated.textContent = snapshot ? t("monitor.updated", { time: formatClock(snapshot.at) }) : t("monitor.waitingData");

  syncKeyed(ui.alerts, alerts, { key: (a) => `${a.kind}|${a.message}`, build: alertItem });
  ui.alertsNone.hidden = !snapshot || alerts.length > 0;
  syncKeyed(ui.monitorOperators, operators, { key: (op) => op.id, build: operatorRow });
  startStatusTicker(ui.monitorOperators);
  syncKeyed(ui.monitorQueues, list("queues"), { key: (q) => q.id, build: queueRow });
  syncKeyed(document.querySelector("#monitor-calls tbody"), list("calls"), { key: (c) => c.queue, build: callFiguresRow });
  syncKeyed(ui.monitorWaiting, waiting, {
    key: (chat) => chat.conversationId,
    build: waitingItem,
    refresh: refreshWaiting,
    stable: ({ waitingSeconds, ...rest }) => rest, // the time ticks in place: focus and hover survive
  });
  ui.monitorNoWaiting.hidden = !snapshot || waiting.length > 0;
  const names = new Map(operators.map((op) => [op.id, op.name]));
  syncKeyed(ui.monitorActive, active.map((chat) => ({ ...chat, operatorName: names.get(chat.operator) ?? null })), {
    key: (chat) => chat.conversationId,
    build: activeItem,
  });
  ui.monitorNoActive.hidden = !snapshot || active.length > 0;
}

function formatClock(at) {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString(language(), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
