// What a messenger lets the operator send, shown while they type: Telegram's
// 4,096 characters (counted as the message goes out, "Name: text"), and
// WhatsApp's 24-hour window, with a picker of the site's approved templates
// once it is closed. The server enforces both rules; this only shows them
// before a send is refused.

import { app, rerender, selectedConversation } from "./app.js";
import { siteFetch } from "./api.js";
import { $ } from "./dom.js";
import { language, t } from "./i18n.js";

const TELEGRAM_MAX = 4096;
const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

const limitUi = {
  reply: $("reply"),
  send: $("send"),
  counter: $("reply-limit"),
  window: $("chat-window"),
  templates: $("template-box"),
  templateSelect: $("template-select"),
  templateBody: $("template-body"),
  templateSend: $("template-send"),
};

/** The site's approved WhatsApp templates, loaded once per session: null until they arrive. */
let templates = null;
let templatesRequested = false;
let windowTimer = 0;

export function bindMessengerLimits() {
  // Bound before the reply box's own keys: a refused Enter never reaches them.
  limitUi.reply.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && blocked(selectedConversation())) event.preventDefault();
  });
  limitUi.reply.addEventListener("input", () => renderMessengerLimits(selectedConversation()));
  limitUi.templateSelect.addEventListener("change", () => renderMessengerLimits(selectedConversation()));
  limitUi.templateSend.addEventListener("click", sendTemplate);
}

export function resetMessengerLimits() {
  templates = null;
  templatesRequested = false;
}

/** Draws the selected chat's limits; called with every render and as the operator types. */
export function renderMessengerLimits(conv) {
  clearTimeout(windowTimer);
  const channel = conv?.status === "closed" ? null : conv?.visitor?.channel;
  renderCounter(channel === "telegram" && !app.noteMode ? outgoingLength() : null);
  renderWindow(channel === "whatsapp" ? windowClosesAt(conv) : undefined);
  limitUi.send.disabled = !conv || conv.status === "closed" || blocked(conv);
}

/** True when the reply box's text may not go out as it is (notes always may). */
function blocked(conv) {
  if (!conv || app.noteMode) return false;
  if (conv.visitor?.channel === "telegram") return outgoingLength() > TELEGRAM_MAX;
  if (conv.visitor?.channel === "whatsapp") return !isOpen(windowClosesAt(conv));
  return false;
}

function outgoingLength() {
  const text = limitUi.reply.value.trim();
  const name = app.session?.operator?.name ?? "";
  return text ? name.length + 2 + text.length : 0;
}

function renderCounter(length) {
  limitUi.counter.hidden = length === null;
  if (length === null) return;
  limitUi.counter.textContent = t("limit.telegram", { count: length, max: TELEGRAM_MAX });
  limitUi.counter.classList.toggle("over", length > TELEGRAM_MAX);
}

/** When the customer's window closes: 24 hours after their latest message; null when they never wrote. */
function windowClosesAt(conv) {
  let latest = null;
  for (const frame of conv.events.values()) {
    if (frame.type !== "message" || frame.from !== "visitor") continue;
    const at = Date.parse(frame.at);
    if (Number.isFinite(at) && (latest === null || at > latest)) latest = at;
  }
  return latest === null ? null : latest + WHATSAPP_WINDOW_MS;
}

function isOpen(closesAt) {
  return closesAt !== null && Date.now() < closesAt;
}

/** undefined: not a WhatsApp chat. */
function renderWindow(closesAt) {
  const whatsApp = closesAt !== undefined;
  const open = whatsApp && isOpen(closesAt);
  limitUi.window.hidden = !whatsApp;
  limitUi.templates.hidden = !whatsApp || open || app.noteMode;
  if (!whatsApp) return;
  limitUi.window.dataset.state = open ? "open" : "closed";
  limitUi.window.textContent = open ? t("window.open", { time: closingTime(closesAt) }) : t("window.closed");
  if (open) windowTimer = setTimeout(rerender, closesAt - Date.now() + 1000);
  else renderTemplates();
}

function closingTime(at) {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date().toDateString();
  const options = sameDay ? { hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return date.toLocaleString(language(), options);
}

function renderTemplates() {
  if (!templatesRequested) loadTemplates();
  const list = templates ?? [];
  const key = (template) => `${template.name}|${template.language}`;
  const chosen = limitUi.templateSelect.value;
  if (limitUi.templateSelect.options.length !== list.length) {
    limitUi.templateSelect.replaceChildren(
      ...list.map((template) => new Option(`${template.name} (${template.language})`, key(template))),
    );
    if (chosen) limitUi.templateSelect.value = chosen;
  }
  const template = list.find((item) => key(item) === limitUi.templateSelect.value);
  limitUi.templateBody.textContent = templates === null ? t("template.loading") : template ? template.body : t("template.none");
  limitUi.templateSend.disabled = !template || app.connectionState !== "online";
}

async function loadTemplates() {
  templatesRequested = true;
  try {
    const response = await siteFetch("/channels/whatsapp/templates");
    templates = response.ok ? await response.json() : [];
  } catch {
    templatesRequested = false; // try again on the next render
    templates = [];
  }
  rerender();
}

function sendTemplate() {
  const conv = selectedConversation();
  const template = (templates ?? []).find((item) => `${item.name}|${item.language}` === limitUi.templateSelect.value);
  if (!conv || conv.status === "closed" || !template) return;
  const pending = app.store.addPending(conv.id, template.body);
  pending.template = { name: template.name, language: template.language };
  app.socket?.send({ type: "template", conversationId: conv.id, id: pending.id, template: template.name, language: template.language });
  app.scrollToEnd = true;
  rerender();
}
