// The operator's replies: sending, re-sending after a reconnect, retrying a
// failed one, and the throttled typing signal. In note mode (#note-mode) the
// reply box adds internal notes instead, which the visitor never sees.

import { app, rerender, selectedConversation } from "./app.js";
import { takeUploads, uploading } from "./attachments.js";
import { takeQuickReplies } from "./canned.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";

const TYPING_THROTTLE_MS = 2_000;
let lastTypingSent = { conversationId: null, at: 0 };

export function bindReply() {
  ui.replyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    sendReply();
  });
  ui.reply.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.defaultPrevented) return;
    event.preventDefault();
    sendReply();
  });
  ui.reply.addEventListener("input", sendTyping);
  ui.noteMode.addEventListener("change", () => {
    app.noteMode = ui.noteMode.checked;
    rerender();
    ui.reply.focus();
  });
}

function sendReply() {
  const conv = selectedConversation();
  const text = ui.reply.value.trim();
  if (!conv || conv.status === "closed") return;
  // Files go with messages, not notes; a reply waits until its files are uploaded.
  if (!app.noteMode && uploading(conv.id)) return;
  const withFiles = app.noteMode ? [] : takeUploads(conv.id).filter(Boolean);
  if (!text && withFiles.length === 0) return;
  const pending = app.store.addPending(conv.id, text);
  if (withFiles.length) pending.attachments = withFiles;
  if (app.noteMode) pending.kind = "note";
  else {
    const quickReplies = takeQuickReplies(conv.id);
    if (quickReplies) pending.quickReplies = quickReplies;
  }
  transmit(conv.id, pending);
  ui.reply.value = "";
  app.drafts.delete(conv.id);
  app.scrollToEnd = true;
  rerender();
}

// Not sent while offline: the reply stays pending and goes out again after welcome.
function transmit(conversationId, pending) {
  if (pending.template) {
    // An approved WhatsApp template (messenger-limits.js): sent again by name, never as text.
    app.socket?.send({ type: "template", conversationId, id: pending.id, template: pending.template.name, language: pending.template.language });
    return;
  }
  const frame = { type: pending.kind === "note" ? "note" : "message", conversationId, id: pending.id, text: pending.text };
  if (pending.quickReplies) frame.quickReplies = pending.quickReplies;
  if (pending.attachments) frame.attachments = pending.attachments;
  app.socket?.send(frame);
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

/** The reply box as a message or a note box. */
export function renderReply(conv) {
  const closed = !conv || conv.status === "closed";
  const note = app.noteMode;
  ui.noteMode.checked = note;
  ui.noteMode.disabled = closed;
  ui.replyForm.classList.toggle("note-mode", note);
  ui.reply.placeholder = t(closed ? "reply.closedPlaceholder" : note ? "note.placeholder" : "reply.placeholder");
  ui.send.textContent = t(note ? "note.send" : "reply.send");
}

// Notes are not the visitor's business: typing one sends no typing signal.
function sendTyping() {
  const conv = selectedConversation();
  if (!conv || !ui.reply.value || app.noteMode) return;
  const now = Date.now();
  const recent = lastTypingSent.conversationId === conv.id && now - lastTypingSent.at < TYPING_THROTTLE_MS;
  if (recent) return;
  if (app.socket?.send({ type: "typing", conversationId: conv.id })) {
    lastTypingSent = { conversationId: conv.id, at: now };
  }
}
