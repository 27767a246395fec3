// A visitor's previous conversations, in the visitor panel (#visitor-history),
// from GET /api/sites/{site}/visitors/{visitorId}/conversations; clicking one
// opens its transcript read-only (GET …/conversations/{id}) in #history-dialog.

import { problemText, siteFetch } from "./api.js";
import { ui } from "./dom.js";
import { language, t } from "./i18n.js";
import { el, eventNode, queueName, statusLabel } from "./view.js";

const list = el("ul", { class: "visitor-history", attrs: { id: "visitor-history" } });
const status = el("span", { class: "panel-empty history-status" });

/** The panel row's content; one element for the console's lifetime, filled by renderHistory. */
export const historyBox = el("div", { class: "history-box-inline" }, list, status);

let shown = { visitorId: null, conversationId: null, entries: null, error: null, loading: false };
let drawn = { state: null, language: null };
let opened = null; // the transcript request on show in the dialog

export function bindHistory() {
  list.addEventListener("click", (event) => {
    const item = event.target.closest("li[data-conversation-id]");
    const entry = item && shown.entries?.find((e) => e.id === item.dataset.conversationId);
    if (entry) openTranscript(entry);
  });
  ui.historyClose.addEventListener("click", () => ui.historyDialog.close());
  ui.historyDialog.addEventListener("close", () => {
    opened = null;
    ui.historyMessages.replaceChildren();
  });
}

/** Loads the selected chat's visitor's earlier chats once per selection, and draws them. */
export function renderHistory(conv) {
  const visitorId = conv?.visitor?.id;
  if (!visitorId) return;
  if (shown.visitorId !== visitorId || shown.conversationId !== conv.id) {
    shown = { visitorId, conversationId: conv.id, entries: null, error: null, loading: true };
    load(shown);
  }
  draw();
}

export function resetHistory() {
  shown = { visitorId: null, conversationId: null, entries: null, error: null, loading: false };
  drawn = { state: null, language: null };
  list.replaceChildren();
  status.textContent = "";
  if (ui.historyDialog.open) ui.historyDialog.close();
}

async function load(state) {
  try {
    const response = await siteFetch(`/visitors/${encodeURIComponent(state.visitorId)}/conversations`);
    if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
    const body = await response.json().catch(() => null);
    const entries = Array.isArray(body) ? body.filter((e) => e && typeof e.id === "string" && e.id) : [];
    state.entries = entries.filter((e) => e.id !== state.conversationId);
  } catch (error) {
    state.error = error.message;
  }
  state.loading = false;
  if (shown === state) {
    drawn.state = null;
    draw();
  }
}

function draw() {
  if (drawn.state === shown && drawn.language === language()) return;
  drawn = { state: shown, language: language() };
  const entries = shown.entries ?? [];
  list.replaceChildren(...entries.map(historyItem));
  list.hidden = entries.length === 0;
  if (shown.loading) status.textContent = t("history.loading");
  else if (shown.error) status.textContent = t("history.failed", { reason: shown.error });
  else status.textContent = entries.length === 0 ? t("history.none") : "";
  status.hidden = !status.textContent;
}

function historyItem(entry) {
  return el(
    "li",
    { class: "history-item", data: { conversationId: entry.id, status: entry.status } },
    el(
      "button",
      { class: "history-open", attrs: { type: "button", title: t("history.open") } },
      el("span", { class: "history-date", text: formatWhen(entry.startedAt) }),
      el("span", { class: "history-meta", text: entryMeta(entry) }),
    ),
  );
}

function entryMeta(entry) {
  return t("history.meta", {
    status: statusLabel(entry.status ?? ""),
    queue: entry.queue ? queueName(entry.queue) : "—",
    operator: entry.operator ? String(entry.operator) : t("history.noOperator"),
  });
}

async function openTranscript(entry) {
  const mine = { id: entry.id };
  opened = mine;
  ui.historyTitle.textContent = t("history.title", { date: formatWhen(entry.startedAt) });
  ui.historyMeta.textContent = entryMeta(entry);
  ui.historyError.hidden = true;
  ui.historyMessages.replaceChildren(el("p", { class: "panel-empty", text: t("history.loading") }));
  if (!ui.historyDialog.open) ui.historyDialog.showModal();
  try {
    const response = await siteFetch(`/conversations/${encodeURIComponent(entry.id)}`);
    if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
    const body = await response.json();
    if (opened !== mine) return;
    const events = (Array.isArray(body?.events) ? body.events : [])
      .filter((event) => event && Number.isInteger(event.seq))
      .sort((a, b) => a.seq - b.seq);
    ui.historyMessages.replaceChildren(...events.map(eventNode).filter(Boolean));
  } catch (error) {
    if (opened !== mine) return;
    ui.historyMessages.replaceChildren();
    ui.historyError.textContent = error.message;
    ui.historyError.hidden = false;
  }
}

function formatWhen(at) {
  const date = new Date(at);
  if (!at || Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
}
