// A supervisor watching a chat read-only (#watch in the Monitor view): sends
// {type:"watch", conversationId}, gets `watching {conversationId, status, operator}`
// and then the chat's events as usual (the HTTP transcript fills in anything the
// socket sent before), shown without a reply box. #reassign / #reassign-confirm
// hand the chat to an operator or a queue with a `transfer` frame.

import { app, rerender } from "./app.js";
import { fetchDirectory, problemText, siteFetch } from "./api.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";
import { errorText, eventNode, statusLabel, visitorName } from "./view.js";

/** Every chat watched since sign-in: {events: Map<seq, frame>, status, statusSeq, operator, visitor}. */
const watched = new Map();
let current = null; // {conversationId, directory, loading, sending, result: {text, error}}
let operatorNames = new Map(); // operator id -> name, from the monitor snapshot
let transcript = { conversationId: null, nodes: new Map() };
let filled = { directory: undefined, operatorId: undefined }; // what #reassign was built from

export function bindWatch() {
  ui.watchClose.addEventListener("click", stopWatch);
  ui.reassign.addEventListener("change", rerender);
  ui.reassignForm.addEventListener("submit", (event) => {
    event.preventDefault();
    confirmReassign();
  });
}

export function setWatchNames(operators) {
  operatorNames = new Map(operators.filter((op) => op?.id).map((op) => [String(op.id), String(op.name || op.id)]));
}

export function watchedId() {
  return current?.conversationId ?? null;
}

export function startWatch(conversationId) {
  if (!conversationId || current?.conversationId === conversationId) return;
  if (!watched.has(conversationId)) watched.set(conversationId, { events: new Map(), status: null, statusSeq: -1, operator: null, visitor: null });
  current = { conversationId, directory: null, loading: true, sending: false, result: null };
  app.socket?.send({ type: "watch", conversationId });
  loadTranscript(conversationId);
  loadTargets(current);
  rerender();
}

export function stopWatch() {
  current = null;
  rerender();
}

export function resetWatch() {
  watched.clear();
  current = null;
  transcript = { conversationId: null, nodes: new Map() };
  filled = { directory: undefined, operatorId: undefined };
  ui.watchMessages.replaceChildren();
}

/** After a reconnect the new socket follows nothing: watch the open chat again. */
export function rewatch() {
  if (current) app.socket?.send({ type: "watch", conversationId: current.conversationId });
}

/** Whether a sequenced frame belongs to a watched chat rather than to the operator's own chats. */
export function isWatchedFrame(frame) {
  return typeof frame.conversationId === "string" && watched.has(frame.conversationId) && !app.store?.get(frame.conversationId);
}

export function onWatching(frame) {
  const chat = watched.get(frame.conversationId);
  if (!chat) return;
  const latest = Math.max(0, ...chat.events.keys());
  setStatus(chat, frame.status, latest);
  if (frame.operator !== undefined) chat.operator = frame.operator ? { id: String(frame.operator), name: null } : null;
}

export function applyWatchFrame(frame) {
  const chat = watched.get(frame.conversationId);
  const seq = Number(frame.seq);
  if (!chat || !Number.isInteger(seq) || seq < 1 || chat.events.has(seq)) return;
  chat.events.set(seq, frame);
  const latest = seq >= Math.max(...chat.events.keys());
  switch (frame.type) {
    case "started":
      if (frame.visitor) chat.visitor = frame.visitor;
      setStatus(chat, "queued", seq);
      break;
    case "assigned":
      setStatus(chat, "assigned", seq);
      if (latest) chat.operator = frame.operator ?? null;
      break;
    case "unassigned":
      setStatus(chat, "queued", seq);
      if (latest) chat.operator = null;
      break;
    case "message":
      if (frame.from === "operator") setStatus(chat, "active", seq);
      break;
    case "closed":
      setStatus(chat, "closed", seq);
      break;
    case "transferred":
      if (current?.conversationId === frame.conversationId && current.sending) {
        current.sending = false;
        current.result = { text: t("watch.done"), error: false };
      }
      break;
  }
}

// Later events win; a closed chat stays closed.
function setStatus(chat, status, seq) {
  if (!status || seq < chat.statusSeq || (chat.status === "closed" && status !== "closed")) return;
  chat.status = status;
  chat.statusSeq = seq;
}

async function loadTranscript(conversationId) {
  try {
    const response = await siteFetch(`/conversations/${encodeURIComponent(conversationId)}`);
    if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
    const body = await response.json();
    for (const event of Array.isArray(body?.events) ? body.events : []) applyWatchFrame({ ...event, conversationId });
    const chat = watched.get(conversationId);
    const conv = body?.conversation;
    if (chat && conv) {
      setStatus(chat, conv.status, Number(conv.lastSeq) || 0);
      if (!chat.operator && conv.operatorId) chat.operator = { id: String(conv.operatorId), name: null };
    }
  } catch {
    // The socket's replay still brings the events; only a gap before it would stay.
  }
  if (current?.conversationId === conversationId) current.loading = false;
  rerender();
}

async function loadTargets(mine) {
  try {
    const directory = await fetchDirectory();
    if (current === mine) mine.directory = directory;
  } catch (error) {
    if (current === mine) mine.result = { text: t("transfer.loadFailed", { reason: error.message }), error: true };
  }
  rerender();
}

function confirmReassign() {
  const mine = current;
  const value = ui.reassign.value;
  const split = value.indexOf(":");
  if (!mine || mine.sending || split < 0) return;
  const frame = { type: "transfer", conversationId: mine.conversationId };
  frame[value.slice(0, split) === "operator" ? "toOperator" : "toQueue"] = value.slice(split + 1);
  if (app.socket?.send(frame)) {
    mine.sending = true;
    mine.result = null;
  } else {
    mine.result = { text: t("watch.offline"), error: true };
  }
  rerender();
}

/** Whether a reassignment was sent and waits for its answer (an error without id, or `transferred`). */
export function reassignWaiting() {
  return Boolean(current?.sending);
}

export function failReassign(frame) {
  current.sending = false;
  const reason = [errorText(frame.code), frame.message].filter(Boolean).join(": ");
  current.result = { text: t("watch.failed", { reason }), error: true };
}

export function renderWatch() {
  ui.watch.hidden = !current;
  ui.monitorBody.classList.toggle("watching", Boolean(current));
  for (const item of ui.monitor.querySelectorAll(".monitor-chat")) {
    item.classList.toggle("watching", item.dataset.conversationId === current?.conversationId);
  }
  if (!current) return;
  const chat = watched.get(current.conversationId);
  const visitor = chat.visitor?.id ? chat.visitor : { id: current.conversationId, name: chat.visitor?.name };
  ui.watchTitle.textContent = visitorName(visitor);
  ui.watchStatus.textContent = chat.status ? statusLabel(chat.status) : "";
  ui.watchStatus.dataset.status = chat.status ?? "";
  ui.watchStatus.hidden = !chat.status;
  const operatorName = chat.operator && (chat.operator.name || operatorNames.get(chat.operator.id) || chat.operator.id);
  ui.watchOperator.textContent = operatorName ? t("watch.operator", { name: operatorName }) : t("watch.noOperator");
  renderTranscript(chat);
  renderReassign(chat);
}

function renderTranscript(chat) {
  const box = ui.watchMessages;
  const stick = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
  if (transcript.conversationId !== current.conversationId) {
    transcript = { conversationId: current.conversationId, nodes: new Map() };
    box.replaceChildren();
  }
  let previous = null;
  for (const seq of [...chat.events.keys()].sort((a, b) => a - b)) {
    if (!transcript.nodes.has(seq)) {
      const node = eventNode(chat.events.get(seq));
      transcript.nodes.set(seq, node);
      if (node && previous) previous.after(node);
      else if (node) box.prepend(node);
    }
    previous = transcript.nodes.get(seq) ?? previous;
  }
  box.querySelector(".watch-loading")?.remove();
  if (chat.events.size === 0 && current.loading) {
    box.append(Object.assign(document.createElement("p"), { className: "panel-empty watch-loading", textContent: t("watch.empty") }));
  }
  if (stick) box.scrollTop = box.scrollHeight;
}

function renderReassign(chat) {
  const operatorId = chat.operator?.id ?? null;
  if (filled.directory !== current.directory || filled.operatorId !== operatorId) fillTargets(current.directory, operatorId);
  const closed = chat.status === "closed";
  ui.reassign.disabled = !current.directory || current.sending || closed;
  ui.reassignConfirm.disabled = !ui.reassign.value || current.sending || closed || app.connectionState !== "online";
  ui.reassignConfirm.textContent = t(current.sending ? "watch.sending" : "watch.confirm");
  ui.reassignResult.hidden = !current.result;
  ui.reassignResult.textContent = current.result?.text ?? "";
  ui.reassignResult.classList.toggle("error", Boolean(current.result?.error));
}

function fillTargets(directory, operatorId) {
  filled = { directory, operatorId };
  const previous = ui.reassign.value;
  const placeholder = new Option(t(directory ? "watch.choose" : "transfer.loading"), "");
  placeholder.disabled = true;
  const groups = [];
  const operators = (Array.isArray(directory?.operators) ? directory.operators : []).filter((op) => op?.id && op.id !== operatorId);
  if (operators.length > 0) {
    groups.push(group(t("transfer.operators"), operators.map((op) => new Option(t("watch.operatorOption", {
      name: op.name || op.id,
      status: statusText(op.status),
      load: Number(op.load) || 0,
      capacity: Number(op.capacity) || 0,
    }), `operator:${op.id}`))));
  }
  const queues = (Array.isArray(directory?.queues) ? directory.queues : []).filter((q) => q?.id);
  if (queues.length > 0) groups.push(group(t("transfer.queues"), queues.map((q) => new Option(q.name || q.id, `queue:${q.id}`))));
  ui.reassign.replaceChildren(placeholder, ...groups);
  ui.reassign.value = [...ui.reassign.options].some((o) => o.value === previous && !o.disabled) ? previous : "";
}

function group(label, options) {
  const node = document.createElement("optgroup");
  node.label = label;
  node.append(...options);
  return node;
}

function statusText(status) {
  const text = t(`status.${status}`);
  return text.startsWith("status.") ? String(status ?? "") : text;
}
