// Switchboard operator console: boots the page, wires the header and the chat
// list, and starts or ends a signed-in session. Modules:
//   app.js      shared state and rerender()      render.js   draws everything from app state
//   frames.js   frames from the operator socket  replies.js  sending replies and typing
//   transfer.js the transfer dialog              notices.js  notice above the pane, toasts
//   login.js    sign-in screen                   session.js  the session in localStorage
//   api.js      HTTP with the operator's token   view.js     DOM builders (text only)
//   chats.js    ChatStore, the chats as data     socket.js   the operator WebSocket
//   visitors.js the Visitors view and invites    visitor-panel.js, visitor-view.js  what is known of a visitor

import { app, rerender, setRenderer } from "./app.js";
import { resetQueueNames } from "./api.js";
import { ChatStore } from "./chats.js";
import { ui } from "./dom.js";
import { handleFrame } from "./frames.js";
import { language, setLanguage, t, translatePage } from "./i18n.js";
import { bindLogin, setSigningIn, showLogin } from "./login.js";
import { bindNotices } from "./notices.js";
import { redrawTranscript, render, stopRendering } from "./render.js";
import { bindReply } from "./replies.js";
import { clearSession, loadSession, rememberSavedRead } from "./session.js";
import { OperatorSocket } from "./socket.js";
import { bindTransfer, closeTransfer } from "./transfer.js";
import { bindVisitors, startVisitors, stopVisitors } from "./visitors.js";

boot();

function boot() {
  setRenderer(render);
  translatePage();
  syncLanguageSelects();
  bindLogin(startConsole);
  bindHeader();
  bindChats();
  bindNotices();
  bindReply();
  bindTransfer();
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
  app.operatorStatus = "offline";
  app.missedCount = 0;
  resetQueueNames();
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
  render();
}

function logOut(message) {
  closeTransfer();
  stopVisitors();
  app.socket?.stop();
  app.socket = null;
  app.store = null;
  app.session = null;
  app.selectedId = null;
  clearSession();
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
  ui.closeChat.addEventListener("click", () => {
    const id = app.selectedId;
    if (id && app.store?.get(id)) app.socket?.send({ type: "close", conversationId: id });
  });
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
