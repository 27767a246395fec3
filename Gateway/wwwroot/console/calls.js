// Phone calls in the console (docs/channels-phone.md): a call offered to this
// operator rings in #ringing with the caller's number, the customer card opens
// by itself (screen-pop), and Accept / Decline answer it over the socket
// (accept_call, decline_call). A call rings from its `call` event `offered`
// until one `answered` or `ended` arrives, or the chat leaves the operator.

import { app, rerender, selectedConversation } from "./app.js";
import { openCustomerCard } from "./customer.js";
import { $ } from "./dom.js";
import { t } from "./i18n.js";
import { formatDuration } from "./view.js";

const ringing = {
  box: $("ringing"),
  caller: $("ringing-caller"),
  accept: $("call-accept"),
  decline: $("call-decline"),
};

/** Conversations whose Accept or Decline was sent and not yet settled by an event: no second click. */
const answering = new Set();
/** Conversations whose card was popped, so closing the card is not undone by the next render. */
const popped = new Set();

export function bindCalls() {
  ringing.accept.addEventListener("click", () => answer("accept_call"));
  ringing.decline.addEventListener("click", () => answer("decline_call"));
}

export function resetCalls() {
  answering.clear();
  popped.clear();
}

/** The ringing call of the chat, {callId, phone}, or null when nothing rings for this operator. */
export function ringingCall(conv) {
  if (!conv || conv.visitor?.channel !== "phone" || conv.status !== "assigned") return null;
  let call = null;
  for (const event of app.store.eventsInOrder(conv)) {
    if (event.type !== "call") continue;
    if (event.status === "offered") call = { callId: event.callId, phone: event.phone ?? "" };
    else if (event.status === "answered" || event.status === "ended") call = null;
  }
  return call;
}

/** The transcript line of a `call` event: offered, answered by whom, ended with its outcome, length and recording. */
export function callEventText(frame) {
  switch (frame.status) {
    case "offered":
      return t("call.offered", { phone: frame.phone ?? "" });
    case "answered":
      return frame.author ? t("call.answeredBy", { name: frame.author }) : t("call.answered");
    case "ended": {
      const outcome = frame.outcome ? t(`call.outcome.${frame.outcome}`) : t("call.outcome.unknown");
      const ended = t("call.ended", { outcome, duration: formatDuration(Number(frame.durationSeconds) || 0) });
      return frame.recordingUrl ? `${ended} ${t("call.recording", { url: frame.recordingUrl })}` : ended;
    }
    default:
      return null;
  }
}

/** The ringing banner for the selected chat, the card popped for it, and the chat list's ringing marks. */
export function renderCalls() {
  const conv = selectedConversation();
  const call = ringingCall(conv);
  ringing.box.hidden = !call;
  if (call) {
    ringing.caller.textContent = t("call.ringing", { phone: call.phone });
    const busy = answering.has(conv.id) || app.connectionState !== "online";
    ringing.accept.disabled = busy;
    ringing.decline.disabled = busy;
    if (!popped.has(conv.id)) {
      popped.add(conv.id);
      openCustomerCard(conv.id);
    }
  } else if (conv) {
    answering.delete(conv.id);
  }
  for (const item of document.querySelectorAll("#chats li[data-conversation-id]")) {
    const rings = Boolean(ringingCall(app.store.get(item.dataset.conversationId)));
    item.classList.toggle("ringing", rings);
    if (rings && !item.querySelector(".chat-ringing")) {
      const chip = document.createElement("span");
      chip.className = "chip chat-ringing";
      chip.textContent = t("call.ringingChip");
      item.querySelector(".chat-top")?.append(chip);
    }
  }
}

/** A new chat that rings is opened at once when the operator has none open: a call cannot wait for a click. */
export function openIfRinging(conv) {
  if (!app.selectedId && ringingCall(conv)) app.selectedId = conv.id;
}

function answer(type) {
  const conv = selectedConversation();
  if (!conv || !ringingCall(conv) || answering.has(conv.id)) return;
  answering.add(conv.id);
  app.socket?.send({ type, conversationId: conv.id });
  rerender();
}

/** An error frame with no client id may be the answer to our accept or decline: let the operator try again. */
export function failAnswering() {
  if (answering.size === 0) return false;
  answering.clear();
  return true;
}
