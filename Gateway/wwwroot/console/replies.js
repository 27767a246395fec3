// The operator's replies: sending, re-sending after a reconnect, retrying a
// failed one, and the throttled typing signal.

import { app, rerender, selectedConversation } from "./app.js";
import { ui } from "./dom.js";

const TYPING_THROTTLE_MS = 2_000;
let lastTypingSent = { conversationId: null, at: 0 };

export function bindReply() {
  ui.replyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    sendReply();
  });
  ui.reply.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    sendReply();
  });
  ui.reply.addEventListener("input", sendTyping);
}

function sendReply() {
  const conv = selectedConversation();
  const text = ui.reply.value.trim();
  if (!conv || conv.status === "closed" || !text) return;
  const pending = app.store.addPending(conv.id, text);
  transmit(conv.id, pending);
  ui.reply.value = "";
  app.drafts.delete(conv.id);
  app.scrollToEnd = true;
  rerender();
}

// Not sent while offline: the reply stays pending and goes out again after welcome.
function transmit(conversationId, pending) {
  app.socket?.send({ type: "message", conversationId, id: pending.id, text: pending.text });
}

export function resendPending() {
  for (const conv of app.store.conversations.values()) {
    for (const pending of conv.pending.values()) {
      if (!pending.error) transmit(conv.id, pending);
    }
  }
}

/** A failed reply clicked to try again. */
export function retry(pending) {
  const found = app.store?.findPending(pending.id);
  if (!found) return;
  delete pending.error;
  transmit(found.conv.id, pending);
  rerender();
}

function sendTyping() {
  const conv = selectedConversation();
  if (!conv || !ui.reply.value) return;
  const now = Date.now();
  const recent = lastTypingSent.conversationId === conv.id && now - lastTypingSent.at < TYPING_THROTTLE_MS;
  if (recent) return;
  if (app.socket?.send({ type: "typing", conversationId: conv.id })) {
    lastTypingSent = { conversationId: conv.id, at: now };
  }
}
