// Frames from the operator socket. Each handler changes state; handleFrame
// redraws once afterwards.

import { app, rerender } from "./app.js";
import { loadQueueNames } from "./api.js";
import { forgetCustomer } from "./customer.js";
import { failAnswering, openIfRinging } from "./calls.js";
import { coBrowseHandlers } from "./cobrowse.js";
import { applyDefaultView, setSnapshot } from "./monitor.js";
import { leaveChat, showToast } from "./notices.js";
import { announceChat } from "./notify.js";
import { redrawTranscript } from "./render.js";
import { resendPending } from "./replies.js";
import { closeTransfer, failTransfer, transferWaiting } from "./transfer.js";
import { errorText } from "./view.js";
import { applyWatchFrame, failReassign, isWatchedFrame, onWatching, reassignWaiting, rewatch } from "./watch.js";

const VISITOR_TYPING_SHOWN_MS = 5_000;

const frameHandlers = {
  welcome: onWelcome,
  status: (frame) => {
    app.operatorStatus = frame.status;
    if (Number.isFinite(frame.missed)) app.missedCount = frame.missed;
  },
  assigned: onAssigned,
  unassigned: onUnassigned,
  transferred: onTransferred,
  visitor_typing: onVisitorTyping,
  visitor_update: (frame) => app.store.updateVisitor(frame.conversationId, frame),
  ack: (frame) => app.store.acknowledge(frame.id, frame.seq),
  error: onError,
  monitor: (frame) => setSnapshot(frame.snapshot),
  watching: onWatching,
  ...coBrowseHandlers,
};

export function handleFrame(frame) {
  if (!app.store) return;
  const handler = frameHandlers[frame.type];
  // A supervisor's watched chat is not one of their own: its events go to watch.js.
  if (Number.isInteger(frame.seq) && frame.type !== "ack" && isWatchedFrame(frame)) applyWatchFrame(frame);
  // Everything else that carries a seq (message, note, started, closed, rated, …) is a conversation event.
  else if (handler) handler(frame);
  else app.store.applyEvent(frame);
  rerender();
}

// The operator socket's own `assigned` (with the visitor and transcript) is a new chat: chime and notify.
function onAssigned(frame) {
  const fresh = Boolean(frame.visitor || frame.transcript) && !app.store.get(frame.conversationId);
  const conv = app.store.applyAssigned(frame);
  if (fresh && conv) {
    announceChat(conv);
    openIfRinging(conv);
  }
}

function onWelcome(frame) {
  const me = frame.operator ?? {};
  app.session.operator = { ...app.session.operator, ...pick(me, ["name", "role"]) };
  if (me.status) app.operatorStatus = me.status;
  if (Number.isFinite(me.missed)) app.missedCount = me.missed;
  for (const conv of app.store.applyWelcome(frame.conversations)) {
    if (conv.id === app.selectedId) leaveChat(conv, "gone");
  }
  resendPending();
  applyDefaultView();
  rewatch();
  loadQueueNames().then((loaded) => {
    if (!loaded) return;
    redrawTranscript(); // lines already drawn with queue ids get their names
    rerender();
  });
}

function onUnassigned(frame) {
  const store = app.store;
  const fromMe = store.isUnassignedFromMe(frame);
  store.applyEvent(frame);
  if (!fromMe) return;
  const conv = store.get(frame.conversationId);
  store.remove(conv.id);
  app.drafts.delete(conv.id);
  app.quickReplies.delete(conv.id);
  forgetCustomer(conv.id);
  if (app.transfer?.conversationId === conv.id) closeTransfer();
  if (frame.reason === "no_answer") {
    // The server also sends status away; the notice says so, so the select must agree at once.
    app.operatorStatus = "away";
    app.missedCount += 1;
  }
  // A transfer or a missed chat is news even when another chat is open; a close is only where it happened.
  if (conv.id === app.selectedId || frame.reason === "transfer" || frame.reason === "no_answer") {
    leaveChat(conv, frame.reason);
  }
}

function onTransferred(frame) {
  app.store.applyEvent(frame);
  if (transferWaiting(frame.conversationId)) closeTransfer();
}

function onVisitorTyping(frame) {
  const draft = String(frame.draft ?? "");
  const conv = app.store.get(frame.conversationId);
  if (!conv) return;
  // An empty draft means the visitor cleared the field: nothing to show.
  if (draft) app.store.setTyping(conv.id, draft, VISITOR_TYPING_SHOWN_MS);
  else conv.typing = null;
}

function onError(frame) {
  if (!frame.id) failAnswering(); // an accept or decline that failed may be tried again
  const found = frame.id ? app.store.findPending(frame.id) : null;
  if (found) found.pending.error = errorText(frame.code);
  else if (reassignWaiting() && !frame.id) failReassign(frame);
  else if (transferWaiting() && !frame.id) failTransfer(frame);
  else showToast(errorText(frame.code));
}

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key] != null).map((key) => [key, source[key]]));
}
