// DOM builders of the Monitor view: table rows for operators and queues, the
// waiting and active chat lists and the alerts. Every name, phone and alert text
// goes in as text. syncKeyed() updates lists row by row, so the view can be
// redrawn every second without losing focus or hover.

import { language, t } from "./i18n.js";
import { statusTimeNode } from "./monitor-status-time.js";
import { channelBadge } from "./channel-badge.js";
import { el, formatDuration, queueName, visitorName } from "./view.js";

const signatures = new WeakMap(); // node -> what it was built from

/**
 * Makes parent's children the nodes of items, in order. A node is rebuilt only when
 * stable(item) changed; refresh(node, item) updates the parts that tick every second.
 */
export function syncKeyed(parent, items, { key: keyOf, build, refresh = () => {}, stable = (item) => item }) {
  const old = new Map([...parent.children].map((node) => [node.dataset.key, node]));
  const lang = language();
  const nodes = items.map((item) => {
    const key = String(keyOf(item));
    const signature = `${lang}|${JSON.stringify(stable(item))}`;
    let node = old.get(key);
    if (!node || signatures.get(node) !== signature) {
      node = build(item);
      node.dataset.key = key;
      signatures.set(node, signature);
    }
    refresh(node, item);
    return node;
  });
  nodes.forEach((node, i) => {
    if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] ?? null);
  });
  while (parent.children.length > nodes.length) parent.lastElementChild.remove();
}

/** A figure that may be missing (null: no data yet), as "—". */
export function percent(value) {
  return isNumber(value) ? t("monitor.percent", { value: number(value, 1) }) : t("monitor.none");
}

export function seconds(value) {
  return isNumber(value) ? t("monitor.seconds", { value: number(value, 1) }) : t("monitor.none");
}

function rating(value) {
  return isNumber(value) ? number(value, 2) : t("monitor.none");
}

function duration(value) {
  return isNumber(value) ? formatDuration(value) : t("monitor.none");
}

function isNumber(value) {
  return typeof value === "number" && Number.isFinite(value);
}

function number(value, digits) {
  return value.toLocaleString(language(), { maximumFractionDigits: digits });
}

function statusText(status) {
  const text = t(`status.${status}`);
  return text.startsWith("status.") ? String(status ?? "") : text;
}

export function operatorRow(op) {
  const queues = (Array.isArray(op.queues) ? op.queues : []).map(queueName).join(", ");
  return el(
    "tr",
    { data: { operatorId: op.id, status: op.status } },
    el("td", { class: "name", text: op.name || op.id }),
    el(
      "td",
      { class: "status", data: { status: op.status } },
      el("span", { class: "status-name", text: statusText(op.status) }),
      " ",
      statusTimeNode(op.statusSince),
    ),
    el("td", { class: "chats", text: `${Number(op.chats) || 0}/${Number(op.capacity) || 0}` }),
    el("td", { class: "missed-today", text: Number(op.missedToday) || 0 }),
    el("td", { class: "afr", text: seconds(op.averageFirstResponse) }),
    el("td", { class: "avg-rating", text: rating(op.averageRating) }),
    el("td", { class: "queues", text: queues || t("monitor.none") }),
  );
}

export function queueRow(queue) {
  return el(
    "tr",
    { data: { queueId: queue.id } },
    el("td", { class: "name", text: queue.name || queue.id }),
    el("td", { class: "waiting", text: Number(queue.waiting) || 0 }),
    el("td", { class: "longest", text: duration(queue.longestWaitSeconds) }),
    el("td", { class: "eta", text: duration(queue.etaSeconds) }),
    el("td", { class: "sl", text: percent(queue.serviceLevel) }),
    el("td", { class: "csat", text: percent(queue.csat) }),
    el("td", { class: "online", text: Number(queue.onlineOperators) || 0 }),
  );
}

/** A queue's phone figures (today's answered, abandoned and answer time; callers waiting and callbacks pending now). */
export function callFiguresRow(calls) {
  return el(
    "tr",
    { data: { queueId: calls.queue } },
    el("td", { class: "name", text: queueName(calls.queue) }),
    el("td", { class: "waiting-callers", text: Number(calls.waitingCallers) || 0 }),
    el("td", { class: "answered", text: Number(calls.answered) || 0 }),
    el("td", { class: "abandoned", text: Number(calls.abandoned) || 0 }),
    el("td", { class: "answer-time", text: seconds(calls.averageAnswerSeconds) }),
    el("td", { class: "callbacks", text: Number(calls.callbacksPending) || 0 }),
  );
}

/** A waiting chat: who (channel and name), how long they have waited, their queue and the callback phone if left. */
export function waitingItem(chat) {
  return el(
    "li",
    {
      class: "monitor-chat",
      data: { conversationId: chat.conversationId, queue: chat.queue },
      attrs: { tabindex: 0, title: t("monitor.watch") },
    },
    chatVisitor(chat),
    el("span", { class: "wait", text: duration(chat.waitingSeconds) }),
    el("span", { class: "chat-queue", text: chat.queue ? queueName(chat.queue) : t("monitor.none") }),
    chat.phone ? el("span", { class: "phone", text: t("monitor.callback", { phone: chat.phone }) }) : null,
  );
}

/** The waiting time of a waiting chat's row, which changes every snapshot. */
export function refreshWaiting(node, chat) {
  const wait = node.querySelector(".wait");
  const text = duration(chat.waitingSeconds);
  if (wait.textContent !== text) wait.textContent = text;
}

/** An active chat: who (channel and name), who holds it (`operatorName` resolved from the snapshot's operators), its queue. */
export function activeItem(chat) {
  return el(
    "li",
    {
      class: "monitor-chat",
      data: { conversationId: chat.conversationId, operatorId: chat.operator },
      attrs: { tabindex: 0, title: t("monitor.watch") },
    },
    chatVisitor(chat),
    el("span", { class: "chat-operator", text: chat.operatorName || chat.operator || t("monitor.none") }),
    chat.queue ? el("span", { class: "chat-queue", text: queueName(chat.queue) }) : null,
  );
}

/** The visitor as the console's chat list names them (a chat whose details the gateway could not read yet: its id). */
function chatVisitor(chat) {
  const name = chat.visitorId ? visitorName({ id: chat.visitorId, name: chat.visitorName }) : String(chat.conversationId).slice(0, 8);
  return el("span", { class: "chat-visitor" }, channelBadge(chat.channel), name);
}

export function alertItem(alert) {
  return el(
    "li",
    { class: "alert", data: { kind: alert.kind } },
    el("span", { class: "alert-message", text: alert.message ?? "" }),
    alert.advice ? el("span", { class: "alert-advice", text: alert.advice }) : null,
  );
}
