// Builds the console's DOM pieces. Everything that came over the wire goes in
// through textContent (el's `text`), never as markup.

import { callEventText } from "./calls.js";
import { attachmentNodes } from "./attachments.js";
import { channelBadge } from "./channel-badge.js";
import { language, t } from "./i18n.js";

/** Queue names by id, from the site directory once it has been loaded. */
const queueNames = new Map();

export function setQueueNames(queues = []) {
  for (const queue of queues) {
    if (queue?.id && queue.name) queueNames.set(String(queue.id), String(queue.name));
  }
}

export function queueName(id) {
  return queueNames.get(String(id)) ?? String(id ?? "");
}

/**
 * Creates an element. props: class, text, data (dataset), attrs, on (listeners).
 * Children may be nodes, strings (as text) or null (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text != null) node.textContent = String(props.text);
  for (const [key, value] of Object.entries(props.data ?? {})) {
    if (value != null) node.dataset[key] = String(value);
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value != null && value !== false) node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, listener);
  }
  for (const child of children) {
    if (child != null) node.append(child);
  }
  return node;
}

export function visitorName(visitor) {
  if (visitor?.name) return visitor.name;
  return t("visitor.fallback", { id: String(visitor?.id ?? "").slice(0, 6) });
}

/** m:ss; the minutes go past 59 rather than add hours. */
export function formatDuration(seconds) {
  const whole = Math.max(0, Math.floor(Number(seconds) || 0));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** Seconds from `since` (ms since the epoch) until now, never negative. */
export function secondsSince(since, now = Date.now()) {
  return Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * How long the visitor has waited for a reply, as a `.chat-wait` whose text the
 * console's ticker keeps counting from its data-since (ms since the epoch).
 */
export function waitNode(since) {
  const time = formatDuration(secondsSince(since));
  return el("span", { class: "chat-wait", text: time, data: { since }, attrs: { title: t("chats.waiting", { time }) } });
}

/** One row of the chat list. */
export function chatListItem(conv, { selected, unread, preview, waitingSince }) {
  const status = conv.status ?? "assigned";
  return el(
    "li",
    {
      class: ["chat", selected && "selected", status === "closed" && "closed"].filter(Boolean).join(" "),
      data: { conversationId: conv.id, status },
      attrs: { role: "option", tabindex: 0, "aria-selected": selected ? "true" : "false" },
    },
    el(
      "div",
      { class: "chat-top" },
      channelBadge(conv.visitor?.channel),
      el("span", { class: "chat-name", text: visitorName(conv.visitor) }),
      waitingSince != null ? waitNode(waitingSince) : null,
      unread > 0
        ? el("span", { class: "unread", text: unread, attrs: { title: t("chats.unread", { count: unread }) } })
        : null,
    ),
    el(
      "div",
      { class: "chat-bottom" },
      el("span", { class: "chat-status", text: statusLabel(status) }),
      el("span", { class: "chat-preview", text: preview }),
    ),
  );
}

/** The transcript node for a sequenced event, or null for types not shown. */
export function eventNode(frame) {
  if (frame.type === "message") return messageNode(frame);
  if (frame.type === "note") return noteNode(frame);
  const text = eventText(frame);
  if (text == null) return null;
  // A transfer's internal note is for operators only; the visitor's socket never carries it.
  const note = frame.type === "transferred" && frame.note ? String(frame.note) : null;
  return el(
    "div",
    { class: "msg event", data: { from: "system", seq: frame.seq, type: frame.type } },
    el("span", { class: "event-text", text }),
    frame.at ? el("time", { class: "event-time", text: formatTime(frame.at), attrs: { datetime: frame.at } }) : null,
    note ? el("span", { class: "event-note", text: t("event.note", { note }) }) : null,
    frame.type === "closed" ? closedTags(frame.tags) : null,
  );
}

/** The tags an operator closed the chat with (operators' sockets only). */
function closedTags(tags) {
  const list = Array.isArray(tags) ? tags.filter((tag) => typeof tag === "string" && tag) : [];
  if (list.length === 0) return null;
  return el(
    "span",
    { class: "event-tags", attrs: { title: t("event.closedTags", { tags: list.join(", ") }) } },
    el("span", { class: "event-tags-label", text: t("event.closedTags", { tags: "" }).trim() }),
    ...list.map((tag) => el("span", { class: "tag", text: tag })),
  );
}

/** An internal note: operators only; the visitor's socket carries its seq alone. */
function noteNode(frame) {
  const meta = [frame.author, frame.at ? formatTime(frame.at) : null].filter(Boolean).join(" · ");
  return el(
    "div",
    { class: "msg note", data: { from: "note", seq: frame.seq, type: "note" } },
    el("div", { class: "bubble" }, el("span", { class: "note-label", text: t("note.label") }), el("div", { class: "text", text: frame.text ?? "" })),
    meta ? el("div", { class: "meta", text: meta }) : null,
  );
}

/** The pre-chat form answers as `.form-row`s of field id and answer; none when the form was empty. */
export function formRows(form) {
  return Object.entries(form ?? {})
    .filter(([, value]) => value != null && String(value) !== "")
    .map(([field, value]) =>
      el("div", { class: "form-row" }, el("dt", { class: "form-key", text: field }), el("dd", { class: "form-value", text: value })),
    );
}

/** A reply sent but not yet confirmed by its event; failed ones say why. */
export function pendingNode(pending, onRetry) {
  const failed = Boolean(pending.error);
  const note = pending.kind === "note";
  return el(
    "div",
    {
      class: `msg pending${failed ? " failed" : ""}${note ? " note" : ""}`,
      data: { from: note ? "note" : "operator", pending: pending.id },
      attrs: failed ? { role: "button", tabindex: 0 } : {},
      on: failed ? { click: () => onRetry(pending), keydown: (e) => e.key === "Enter" && onRetry(pending) } : {},
    },
    el("div", { class: "bubble" }, note ? el("span", { class: "note-label", text: t("note.label") }) : null,
      el("div", { class: "text", text: pending.text })),
    quickReplyChips(pending.quickReplies),
    el("div", {
      class: "meta",
      text: failed ? t("msg.failed", { reason: pending.error }) : t("msg.sending"),
    }),
  );
}

/** "Page: …  ·  Cart: …" for the chat header, or "" when nothing is known. */
export function visitorContext(visitor) {
  const parts = [];
  const page = visitor.pages?.at(-1);
  const pageText = typeof page === "string" ? page : page?.title || page?.url;
  if (pageText) parts.push(t("chat.page", { page: pageText }));
  const cart = visitor.cart;
  if (cart && Array.isArray(cart.items) && cart.items.length > 0) {
    const count = cart.items.reduce((sum, item) => sum + (Number(item.qty) || 0), 0);
    parts.push(t("chat.cart", { count, total: formatMoney(cart.total, cart.currency) }));
  }
  return parts.join("  ·  ");
}

export function statusLabel(status) {
  return translated(`chat.status.${status}`, status);
}

export function errorText(code) {
  return translated(`error.${code}`, t("error.unknown"));
}

/** t(key), or the fallback when the dictionary has no such key (a value the server added). */
function translated(key, fallback) {
  const text = t(key);
  return text === key ? fallback : text;
}

function messageNode(frame) {
  const from = ["visitor", "operator", "system"].includes(frame.from) ? frame.from : "system";
  const meta = [frame.author, frame.at ? formatTime(frame.at) : null].filter(Boolean).join(" · ");
  return el(
    "div",
    { class: "msg", data: { from, seq: frame.seq, kind: frame.kind ?? "text" } },
    el("div", { class: "bubble" }, el("div", { class: "text", text: frame.text ?? "" }), attachmentNodes(frame.attachments)),
    from === "operator" || frame.kind === "bot" ? quickReplyChips(frame.quickReplies) : null,
    frame.kind === "bot" ? el("div", { class: "meta bot-reason", text: t("bot.reason", { reason: frame.reason ?? "" }) }) : null,
    meta ? el("div", { class: "meta", text: meta }) : null,
  );
}

/** The quick replies an operator message offered the visitor, as small chips under it. */
function quickReplyChips(replies) {
  const list = Array.isArray(replies) ? replies.filter((text) => typeof text === "string" && text) : [];
  if (list.length === 0) return null;
  return el("div", { class: "msg-quick-replies" }, ...list.map((text) => el("span", { class: "chip", text })));
}

function eventText(frame) {
  switch (frame.type) {
    case "started":
      return frame.queue ? t("event.startedQueue", { queue: queueName(frame.queue) }) : t("event.started");
    case "assigned":
      return t("event.assigned", { name: frame.operator?.name ?? t("someone") });
    case "closed":
      if (frame.reason) return translated(`event.closed.${frame.reason}`, t("event.closed.system"));
      return t(`event.closed.${["visitor", "operator"].includes(frame.by) ? frame.by : "system"}`);
    case "callback":
      return t("event.callback", { phone: frame.phone ?? "" });
    case "call":
      return callEventText(frame);
    case "delivery":
      // A message that reached the messenger needs no line; one that did not must not pass unnoticed.
      return frame.status === "failed" ? t("event.deliveryFailed", { error: frame.error ?? "" }) : null;
    case "transferred": {
      const from = frame.from?.name ?? t("someone");
      if (frame.toOperator) return t("event.transferredOperator", { from, to: frame.toOperator.name ?? frame.toOperator.id });
      if (frame.toQueue) return t("event.transferredQueue", { from, queue: queueName(frame.toQueue) });
      return t("event.transferred", { from });
    }
    case "rated":
      return frame.comment
        ? t("event.ratedComment", { score: frame.score, comment: frame.comment })
        : t("event.rated", { score: frame.score });
    case "unassigned":
      return t("event.unassigned", {
        name: frame.operator?.name ?? t("someone"),
        reason: translated(`reason.${frame.reason}`, frame.reason ?? ""),
      });
    default:
      return null;
  }
}

function formatTime(at) {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(language(), { hour: "2-digit", minute: "2-digit" });
}

/** An amount in a currency the visitor's page named; unknown currency codes are shown as given. */
export function formatMoney(amount, currency) {
  const value = Number(amount) || 0;
  try {
    return new Intl.NumberFormat(language(), { style: "currency", currency }).format(value);
  } catch {
    return `${value} ${currency ?? ""}`.trim();
  }
}
