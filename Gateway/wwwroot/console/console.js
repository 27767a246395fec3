// Switchboard operator console: boots the page, wires the header and the chat
// list, and starts or ends a signed-in session. Modules:
//   app.js      shared state and rerender()      render.js   draws everything from app state
//   frames.js   frames from the operator socket  replies.js  sending replies and typing
//   transfer.js the transfer dialog              notices.js  notice above the pane, toasts
//   login.js    sign-in screen                   session.js  the session in localStorage
//   api.js      HTTP with the operator's token   view.js     DOM builders (text only)
//   chats.js    ChatStore, the chats as data     socket.js   the operator WebSocket
//   chat-visitor.js  a chat's visitor as data: merging updates, time spent on pages
//   messenger-limits.js  Telegram's length and WhatsApp's 24-hour window while typing, templates
//   visitors.js the Visitors view and invites    visitor-panel.js, visitor-view.js  what is known of a visitor
//   canned.js, canned-ui.js  canned responses and quick replies   close-dialog.js  closing with tags
//   customer.js the CRM customer card            history.js  a visitor's previous chats
//   ratings.js  the operator's own ratings       notify.js   new-chat chime and desktop notification
//   monitor.js, monitor-view.js  the supervisor's Monitor   watch.js  watching a chat read-only, reassigning
//   calls.js    phone calls: ringing, accept and decline, their transcript lines
//   channel-badge.js  a chat's channel: its name and its icon
//   cobrowse.js co-browsing: asking, the visitor's page drawn live, pointing, scrolling, filling
//   i18n.js + strings-*.js  UI strings

import { app, rerender, setRenderer } from "./app.js";
import { resetQueueNames } from "./api.js";
import { loadCanned, resetCanned } from "./canned.js";
import { bindAttachments } from "./attachments.js";
import { bindCanned } from "./canned-ui.js";
import { bindCalls, resetCalls } from "./calls.js";
import { bindCoBrowse, resetCoBrowse } from "./cobrowse.js";
import { ChatStore } from "./chats.js";
import { bindClose, closeCloseDialog } from "./close-dialog.js";
import { bindCustomer, resetCustomers } from "./customer.js";
import { ui } from "./dom.js";
import { handleFrame } from "./frames.js";
import { bindHistory, resetHistory } from "./history.js";
import { language, setLanguage, t, translatePage } from "./i18n.js";
import { bindLogin, setSigningIn, showLogin, signOutOfDashboard } from "./login.js";
import { bindMessengerLimits, resetMessengerLimits } from "./messenger-limits.js";
import { applyDefaultView, bindMonitor, resetMonitor } from "./monitor.js";
import { bindNotices } from "./notices.js";
import { askNotificationPermission, bindNotify } from "./notify.js";
import { bindRatings, closeRatings } from "./ratings.js";
import { redrawTranscript, render, stopRendering } from "./render.js";
import { bindReply } from "./replies.js";
import { clearSession, loadSession, rememberSavedRead } from "./session.js";
import { OperatorSocket } from "./socket.js";
import { bindTransfer, closeTransfer } from "./transfer.js";
import { bindVisitors, showView, startVisitors, stopVisitors } from "./visitors.js";
import { bindWatch, resetWatch } from "./watch.js";

boot();

function boot() {
  setRenderer(render);
  translatePage();
  syncLanguageSelects();
  bindLogin(() => {
    startConsole();
    askNotificationPermission(); // once, right after signing in
  });
  bindHeader();
  bindChats();
  bindNotices();
  bindCanned(); // before bindReply: its keys come first in the reply box
  bindMessengerLimits(); // likewise: an Enter over a messenger's limit is refused before it sends
  bindReply();
  bindAttachments();
  bindTransfer();
  bindClose();
  bindCustomer();
  bindHistory();
  bindRatings();
  bindMonitor();
  bindWatch();
  bindCalls();
  bindCoBrowse();
  bindNotify(openChat);
  bindVisitors(() => logOut(t("login.expired")));
  app.session = loadSession();
  if (app.session) startConsole();
  else showLogin();
}

// ---- console lifetime -----------------------------------------------------------

function startConsole() {
  app.store = new ChatStore(app.session.operator, app.session.read);
  rememberSavedRead();
  app.selectedId = null;
  app.notice = null;
  app.drafts.clear();
  app.quickReplies.clear();
  app.noteMode = false;
  app.operatorStatus = "offline";
  app.missedCount = 0;
  resetQueueNames();
  resetCanned();
  resetMessengerLimits();
  resetCustomers();
  resetHistory();
  resetMonitor();
  resetWatch();
  resetCalls();
  resetCoBrowse();
  ui.loginScreen.hidden = true;
  ui.app.hidden = false;
  app.socket = new OperatorSocket({
    token: app.session.token,
    resume: () => app.store.resumeMap(),
    onFrame: handleFrame,
    onState: setConnectionState,
    onUnauthorized: () => logOut(t("login.expired")),
  });
  app.socket.start();
  startVisitors();
  applyDefaultView(); // supervisors start on the Monitor
  loadCanned();
  render();
}

function logOut(message) {
  // Only the operator's own click revokes their tokens; a refused token has nothing left to revoke.
  const token = message === null ? app.session?.token : null;
  closeTransfer();
  closeCloseDialog();
  closeRatings();
  resetHistory();
  resetWatch();
  stopVisitors();
  app.socket?.stop();
  app.socket = null;
  app.store = null;
  app.session = null;
  app.selectedId = null;
  clearSession();
  signOutOfDashboard(token);
  stopRendering();
  showLogin(message);
}

function setConnectionState(state) {
  app.connectionState = state;
  render();
}

// ---- user input ---------------------------------------------------------------

function bindHeader() {
  ui.status.addEventListener("change", () => {
    if (app.socket?.send({ type: "status", status: ui.status.value })) app.operatorStatus = ui.status.value;
    render();
  });
  ui.logout.addEventListener("click", () => logOut(null));
  for (const select of ui.languageSelects) {
    select.addEventListener("change", () => changeLanguage(select.value));
  }
  document.addEventListener("visibilitychange", rerender);
  window.addEventListener("online", () => app.socket?.reconnectNow());
}

function bindChats() {
  ui.chats.addEventListener("click", (event) => {
    const item = event.target.closest("li[data-conversation-id]");
    if (item) selectChat(item.dataset.conversationId);
  });
  ui.chats.addEventListener("keydown", (event) => {
    const item = event.target.closest("li[data-conversation-id]");
    if (!item || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    selectChat(item.dataset.conversationId);
  });
}

/** A desktop notification clicked: show that chat. */
function openChat(id) {
  if (!app.store?.get(id)) return;
  if (app.view !== "chats") showView("chats");
  selectChat(id);
}

function selectChat(id) {
  if (app.selectedId && app.selectedId !== id) app.drafts.set(app.selectedId, ui.reply.value);
  if (app.selectedId !== id) ui.reply.value = app.drafts.get(id) ?? "";
  app.selectedId = id;
  app.notice = null;
  render();
  ui.reply.focus();
}

function changeLanguage(lang) {
  setLanguage(lang);
  translatePage();
  syncLanguageSelects();
  redrawTranscript(); // times and event lines are worded per language
  if (app.store) render();
  else setSigningIn(false);
}

function syncLanguageSelects() {
  for (const select of ui.languageSelects) select.value = language();
}
