// Switchboard operator console: sign-in, the operator socket, the chat list and
// the selected chat. Data lives in ChatStore; render() redraws from it after
// every change, so handlers only change state.

import { ChatStore } from "./chats.js";
import { language, setLanguage, t, translatePage } from "./i18n.js";
import { OperatorSocket } from "./socket.js";
import {
  chatListItem,
  errorText,
  eventNode,
  pendingNode,
  statusLabel,
  visitorContext,
  visitorName,
} from "./view.js";

const SESSION_KEY = "switchboard:console";
const VISITOR_TYPING_SHOWN_MS = 5_000;
const TYPING_THROTTLE_MS = 2_000;
const TOAST_SHOWN_MS = 6_000;
// How close to the bottom (px) counts as "reading the newest messages".
const STICK_TO_BOTTOM_PX = 48;

const $ = (id) => document.getElementById(id);

const ui = {
  loginScreen: $("login-screen"),
  loginForm: $("login-form"),
  loginSite: $("login-site"),
  loginName: $("login-name"),
  loginPassword: $("login-password"),
  loginSubmit: $("login-submit"),
  loginError: $("login-error"),
  app: $("app"),
  operatorName: $("operator-name"),
  operatorRole: $("operator-role"),
  status: $("status"),
  connection: $("connection"),
  logout: $("logout"),
  languageSelects: document.querySelectorAll(".lang-select"),
  chats: $("chats"),
  chatsEmpty: $("chats-empty"),
  paneEmpty: $("pane-empty"),
  notice: $("notice"),
  noticeText: $("notice-text"),
  noticeDismiss: $("notice-dismiss"),
  chat: $("chat"),
  chatVisitor: $("chat-visitor"),
  chatStatus: $("chat-status"),
  chatContext: $("chat-context"),
  closeChat: $("close-chat"),
  messages: $("messages"),
  visitorTyping: $("visitor-typing"),
  typingDraft: document.querySelector("#visitor-typing .typing-draft"),
  replyForm: $("reply-form"),
  reply: $("reply"),
  send: $("send"),
  toast: $("toast"),
};

/** @type {{site: string, token: string, operator: {id: string, name: string, role?: string}, read: object} | null} */
let session = null;
/** @type {ChatStore | null} */
let store = null;
/** @type {OperatorSocket | null} */
let socket = null;

let selectedId = null;
let operatorStatus = "offline";
let connectionState = "connecting";
let notice = null; // {key, name} shown where the chat was
let lastTypingSent = { conversationId: null, at: 0 };
const drafts = new Map(); // unsent reply text per conversation
let transcript = { conversationId: null, nodes: new Map() }; // what #messages shows
let scrollToEnd = false;
let typingTimer = 0;
let toastTimer = 0;
let savedRead = "";

boot();

function boot() {
  translatePage();
  syncLanguageSelects();
  bindLogin();
  bindHeader();
  bindChats();
  bindReply();
  session = loadSession();
  if (session) startConsole();
  else showLogin();
}

// ---- session -------------------------------------------------------------

function loadSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (!saved?.token || !saved?.operator?.id) return null;
    return { read: {}, ...saved };
  } catch {
    return null;
  }
}

function saveSession() {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

// Read positions ride along with the session so a reload does not bring back old badges.
function saveReadPositions() {
  const read = JSON.stringify(store.read);
  if (read === savedRead) return;
  savedRead = read;
  session.read = store.read;
  saveSession();
}

// ---- sign-in ---------------------------------------------------------------

function bindLogin() {
  ui.loginForm.addEventListener("submit", (event) => {
    event.preventDefault();
    signIn();
  });
}

async function signIn() {
  const credentials = {
    site: ui.loginSite.value.trim() || "demo",
    login: ui.loginName.value.trim(),
    password: ui.loginPassword.value,
  };
  showLoginError(null);
  setSigningIn(true);
  try {
    const response = await fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) {
      showLoginError(await problemText(response));
      return;
    }
    const { token, operator } = await response.json();
    session = { site: credentials.site, token, operator, read: {} };
    saveSession();
    ui.loginPassword.value = "";
    startConsole();
  } catch {
    showLoginError(t("login.network"));
  } finally {
    setSigningIn(false);
  }
}

/** "title: detail" from an RFC 7807 problem, or a generic line when there is none. */
async function problemText(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON: fall back to the generic text below.
  }
  const parts = [problem?.title, problem?.detail].filter((part) => typeof part === "string" && part);
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.length > 0 ? parts.join(": ") : `${t("login.failed")} (${response.status})`;
}

function setSigningIn(busy) {
  ui.loginSubmit.disabled = busy;
  ui.loginSubmit.textContent = t(busy ? "login.busy" : "login.submit");
}

function showLoginError(text) {
  ui.loginError.textContent = text ?? "";
  ui.loginError.hidden = !text;
}

function showLogin(message) {
  ui.app.hidden = true;
  ui.loginScreen.hidden = false;
  document.title = t("app.title");
  showLoginError(message);
  (ui.loginName.value ? ui.loginPassword : ui.loginName).focus();
}

// ---- console lifetime -----------------------------------------------------------

function startConsole() {
  store = new ChatStore(session.operator, session.read);
  savedRead = JSON.stringify(store.read);
  selectedId = null;
  notice = null;
  drafts.clear();
  operatorStatus = "offline";
  ui.loginScreen.hidden = true;
  ui.app.hidden = false;
  socket = new OperatorSocket({
    token: session.token,
    resume: () => store.resumeMap(),
    onFrame: handleFrame,
    onState: setConnectionState,
    onUnauthorized: () => logOut(t("login.expired")),
  });
  socket.start();
  render();
}

function logOut(message) {
  socket?.stop();
  socket = null;
  store = null;
  session = null;
  selectedId = null;
  localStorage.removeItem(SESSION_KEY);
  clearTimeout(typingTimer);
  showLogin(message);
}

function setConnectionState(state) {
  connectionState = state;
  render();
}

// ---- frames from the server ---------------------------------------------------

const frameHandlers = {
  welcome: onWelcome,
  status: (frame) => {
    operatorStatus = frame.status;
  },
  assigned: (frame) => store.applyAssigned(frame),
  unassigned: onUnassigned,
  visitor_typing: onVisitorTyping,
  visitor_update: (frame) => store.updateVisitor(frame.conversationId, frame),
  ack: (frame) => store.acknowledge(frame.id, frame.seq),
  error: onError,
};

function handleFrame(frame) {
  if (!store) return;
  const handler = frameHandlers[frame.type];
  // Everything else that carries a seq (message, started, closed, rated, …) is a conversation event.
  if (handler) handler(frame);
  else store.applyEvent(frame);
  render();
}

function onWelcome(frame) {
  const me = frame.operator ?? {};
  session.operator = { ...session.operator, ...pick(me, ["name", "role"]) };
  if (me.status) operatorStatus = me.status;
  for (const conv of store.applyWelcome(frame.conversations)) {
    if (conv.id === selectedId) leaveSelectedChat(conv, "gone");
  }
  resendPending();
}

function onUnassigned(frame) {
  const fromMe = store.isUnassignedFromMe(frame);
  store.applyEvent(frame);
  if (!fromMe) return;
  const conv = store.get(frame.conversationId);
  store.remove(conv.id);
  drafts.delete(conv.id);
  if (conv.id === selectedId) leaveSelectedChat(conv, frame.reason);
}

function onVisitorTyping(frame) {
  const draft = String(frame.draft ?? "");
  const conv = store.get(frame.conversationId);
  if (!conv) return;
  // An empty draft means the visitor cleared the field: nothing to show.
  if (draft) store.setTyping(conv.id, draft, VISITOR_TYPING_SHOWN_MS);
  else conv.typing = null;
}

function onError(frame) {
  const found = frame.id ? store.findPending(frame.id) : null;
  if (found) found.pending.error = errorText(frame.code);
  else showToast(errorText(frame.code));
}

function leaveSelectedChat(conv, reason) {
  selectedId = null;
  const key = ["closed", "transfer", "no_answer"].includes(reason) ? `notice.${reason}` : "notice.gone";
  notice = { key, name: visitorName(conv.visitor) };
}

// ---- replies ------------------------------------------------------------------

function sendReply() {
  const conv = selectedConversation();
  const text = ui.reply.value.trim();
  if (!conv || conv.status === "closed" || !text) return;
  const pending = store.addPending(conv.id, text);
  transmit(conv.id, pending);
  ui.reply.value = "";
  drafts.delete(conv.id);
  scrollToEnd = true;
  render();
}

// Not sent while offline: the reply stays pending and goes out again after welcome.
function transmit(conversationId, pending) {
  socket?.send({ type: "message", conversationId, id: pending.id, text: pending.text });
}

function resendPending() {
  for (const conv of store.conversations.values()) {
    for (const pending of conv.pending.values()) {
      if (!pending.error) transmit(conv.id, pending);
    }
  }
}

function retry(pending) {
  const found = store?.findPending(pending.id);
  if (!found) return;
  delete pending.error;
  transmit(found.conv.id, pending);
  render();
}

function sendTyping() {
  const conv = selectedConversation();
  if (!conv || !ui.reply.value) return;
  const now = Date.now();
  const recent = lastTypingSent.conversationId === conv.id && now - lastTypingSent.at < TYPING_THROTTLE_MS;
  if (recent) return;
  if (socket?.send({ type: "typing", conversationId: conv.id })) {
    lastTypingSent = { conversationId: conv.id, at: now };
  }
}

// ---- user input ---------------------------------------------------------------

function bindHeader() {
  ui.status.addEventListener("change", () => {
    if (socket?.send({ type: "status", status: ui.status.value })) operatorStatus = ui.status.value;
    render();
  });
  ui.logout.addEventListener("click", () => logOut(null));
  for (const select of ui.languageSelects) {
    select.addEventListener("change", () => changeLanguage(select.value));
  }
  document.addEventListener("visibilitychange", render);
  window.addEventListener("online", () => socket?.reconnectNow());
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
  ui.noticeDismiss.addEventListener("click", () => {
    notice = null;
    render();
  });
  ui.closeChat.addEventListener("click", () => {
    const conv = selectedConversation();
    if (conv) socket?.send({ type: "close", conversationId: conv.id });
  });
}

function bindReply() {
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

function selectChat(id) {
  if (selectedId && selectedId !== id) drafts.set(selectedId, ui.reply.value);
  if (selectedId !== id) ui.reply.value = drafts.get(id) ?? "";
  selectedId = id;
  notice = null;
  render();
  ui.reply.focus();
}

function changeLanguage(lang) {
  setLanguage(lang);
  translatePage();
  syncLanguageSelects();
  transcript.conversationId = null; // times and event lines are worded per language
  if (store) render();
  else setSigningIn(false);
}

function syncLanguageSelects() {
  for (const select of ui.languageSelects) select.value = language();
}

// ---- rendering ----------------------------------------------------------------

function selectedConversation() {
  return selectedId ? (store?.get(selectedId) ?? null) : null;
}

function render() {
  if (!store) return;
  const conv = selectedConversation();
  if (conv && document.visibilityState === "visible") store.markRead(conv);
  renderHeader();
  renderChatList();
  renderPane(conv);
  renderTitle();
  saveReadPositions();
}

function renderHeader() {
  ui.operatorName.textContent = session.operator.name ?? "";
  const supervisor = session.operator.role === "supervisor";
  ui.operatorRole.hidden = !supervisor;
  ui.operatorRole.textContent = supervisor ? t("header.supervisor") : "";
  ui.status.value = operatorStatus;
  ui.status.disabled = connectionState !== "online";
  ui.status.dataset.status = operatorStatus;
  ui.connection.dataset.state = connectionState === "online" ? "online" : "offline";
  ui.connection.textContent = t(`connection.${connectionState}`);
}

function renderChatList() {
  const focusedId = document.activeElement?.closest?.("#chats li")?.dataset.conversationId;
  const items = [...store.conversations.values()].map((conv) =>
    chatListItem(conv, {
      selected: conv.id === selectedId,
      unread: store.unreadCount(conv),
      preview: store.lastMessageText(conv),
    }),
  );
  ui.chats.replaceChildren(...items);
  ui.chatsEmpty.hidden = items.length > 0;
  if (focusedId) items.find((item) => item.dataset.conversationId === focusedId)?.focus();
}

function renderPane(conv) {
  ui.chat.hidden = !conv;
  ui.paneEmpty.hidden = Boolean(conv);
  ui.notice.hidden = !notice;
  ui.noticeText.textContent = notice ? t(notice.key, { name: notice.name }) : "";
  if (!conv) {
    transcript = { conversationId: null, nodes: new Map() };
    ui.messages.replaceChildren();
    clearTimeout(typingTimer);
    return;
  }
  const closed = conv.status === "closed";
  ui.chat.classList.toggle("closed", closed);
  ui.chatVisitor.textContent = visitorName(conv.visitor);
  ui.chatStatus.textContent = statusLabel(conv.status);
  ui.chatStatus.dataset.status = conv.status;
  ui.chatContext.textContent = visitorContext(conv.visitor);
  ui.closeChat.disabled = closed || connectionState !== "online";
  ui.reply.disabled = closed;
  ui.send.disabled = closed;
  ui.reply.placeholder = t(closed ? "reply.closedPlaceholder" : "reply.placeholder");
  renderTranscript(conv);
  renderVisitorTyping(conv);
}

// Adds the nodes for events not shown yet in seq order, so scrolling and text
// selection survive new messages; pending replies always come last.
function renderTranscript(conv) {
  const box = ui.messages;
  const fresh = transcript.conversationId !== conv.id;
  const stick = fresh || scrollToEnd || box.scrollHeight - box.scrollTop - box.clientHeight < STICK_TO_BOTTOM_PX;
  if (fresh) {
    box.replaceChildren();
    transcript = { conversationId: conv.id, nodes: new Map() };
  }
  let previous = null;
  for (const frame of store.eventsInOrder(conv)) {
    if (!transcript.nodes.has(frame.seq)) {
      const node = eventNode(frame);
      transcript.nodes.set(frame.seq, node);
      if (node && previous) previous.after(node);
      else if (node) box.prepend(node);
    }
    previous = transcript.nodes.get(frame.seq) ?? previous;
  }
  for (const node of box.querySelectorAll(".msg.pending")) node.remove();
  for (const pending of conv.pending.values()) box.append(pendingNode(pending, retry));
  if (stick) box.scrollTop = box.scrollHeight;
  scrollToEnd = false;
}

function renderVisitorTyping(conv) {
  clearTimeout(typingTimer);
  const remaining = conv.typing && conv.status !== "closed" ? conv.typing.until - Date.now() : 0;
  ui.visitorTyping.hidden = remaining <= 0;
  ui.typingDraft.textContent = remaining > 0 ? conv.typing.draft : "";
  if (remaining > 0) typingTimer = setTimeout(render, remaining);
}

function renderTitle() {
  let unread = 0;
  for (const conv of store.conversations.values()) unread += store.unreadCount(conv);
  document.title = unread > 0 ? `(${unread}) ${t("app.title")}` : t("app.title");
}

function showToast(text) {
  clearTimeout(toastTimer);
  ui.toast.textContent = text.charAt(0).toUpperCase() + text.slice(1);
  ui.toast.hidden = false;
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, TOAST_SHOWN_MS);
}

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key] != null).map((key) => [key, source[key]]));
}
