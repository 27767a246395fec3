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
  formRows,
  pendingNode,
  queueName,
  setQueueNames,
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
  missed: $("missed"),
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
  chatPhone: $("chat-phone"),
  chatContext: $("chat-context"),
  chatForm: $("chat-form"),
  transfer: $("transfer"),
  closeChat: $("close-chat"),
  messages: $("messages"),
  visitorTyping: $("visitor-typing"),
  typingDraft: document.querySelector("#visitor-typing .typing-draft"),
  replyForm: $("reply-form"),
  reply: $("reply"),
  send: $("send"),
  toast: $("toast"),
  transferDialog: $("transfer-dialog"),
  transferForm: $("transfer-form"),
  transferTarget: $("transfer-target"),
  transferNote: $("transfer-note"),
  transferError: $("transfer-error"),
  transferCancel: $("transfer-cancel"),
  transferConfirm: $("transfer-confirm"),
};

/** @type {{site: string, token: string, operator: {id: string, name: string, role?: string}, read: object} | null} */
let session = null;
/** @type {ChatStore | null} */
let store = null;
/** @type {OperatorSocket | null} */
let socket = null;

let selectedId = null;
let operatorStatus = "offline";
let missedCount = 0; // chats this operator let go unanswered, from welcome
let connectionState = "connecting";
let notice = null; // {key, name} shown above the chat pane
/** The open transfer dialog: {conversationId, loading, sending, error} */
let transfer = null;
let directoryRequested = false;
let shownForm = null; // the form object #chat-form was built from
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
  bindTransfer();
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
async function problemText(response, fallback = t("login.failed")) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON: fall back to the generic text below.
  }
  const parts = [problem?.title, problem?.detail].filter((part) => typeof part === "string" && part);
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.length > 0 ? parts.join(": ") : `${fallback} (${response.status})`;
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
  missedCount = 0;
  directoryRequested = false;
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
  closeTransfer();
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
    if (Number.isFinite(frame.missed)) missedCount = frame.missed;
  },
  assigned: (frame) => store.applyAssigned(frame),
  unassigned: onUnassigned,
  transferred: onTransferred,
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
  if (Number.isFinite(me.missed)) missedCount = me.missed;
  for (const conv of store.applyWelcome(frame.conversations)) {
    if (conv.id === selectedId) leaveChat(conv, "gone");
  }
  resendPending();
  loadQueueNames();
}

function onUnassigned(frame) {
  const fromMe = store.isUnassignedFromMe(frame);
  store.applyEvent(frame);
  if (!fromMe) return;
  const conv = store.get(frame.conversationId);
  store.remove(conv.id);
  drafts.delete(conv.id);
  if (transfer?.conversationId === conv.id) closeTransfer();
  if (frame.reason === "no_answer") {
    // The server also sends status away; the notice says so, so the select must agree at once.
    operatorStatus = "away";
    missedCount += 1;
  }
  // A transfer or a missed chat is news even when another chat is open; a close is only where it happened.
  if (conv.id === selectedId || frame.reason === "transfer" || frame.reason === "no_answer") {
    leaveChat(conv, frame.reason);
  }
}

function onTransferred(frame) {
  store.applyEvent(frame);
  if (transfer?.sending && transfer.conversationId === frame.conversationId) closeTransfer();
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
  else if (transfer?.sending && !frame.id) failTransfer(frame);
  else showToast(errorText(frame.code));
}

function leaveChat(conv, reason) {
  if (conv.id === selectedId) selectedId = null;
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
  ui.missed.hidden = !(missedCount > 0);
  ui.missed.textContent = missedCount > 0 ? t("header.missed", { count: missedCount }) : "";
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
  if (transfer && transfer.conversationId !== conv?.id) closeTransfer();
  renderTransfer();
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
  renderPhone(conv.phone);
  const queue = conv.queue ? t("chat.queue", { queue: queueName(conv.queue) }) : "";
  ui.chatContext.textContent = [queue, visitorContext(conv.visitor)].filter(Boolean).join("  ·  ");
  renderChatForm(conv.form);
  ui.transfer.disabled = closed || connectionState !== "online";
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

function renderPhone(phone) {
  ui.chatPhone.hidden = !phone;
  ui.chatPhone.textContent = phone ?? "";
  // Only digits and "+" reach the href: the link can dial, never run anything.
  const dial = phone ? phone.replace(/[^\d+]/g, "") : "";
  if (dial) ui.chatPhone.href = `tel:${dial}`;
  else ui.chatPhone.removeAttribute("href");
}

function renderChatForm(form) {
  if (form === shownForm) return;
  shownForm = form;
  const rows = formRows(form);
  ui.chatForm.replaceChildren(...rows);
  ui.chatForm.hidden = rows.length === 0;
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

// ---- transfer -----------------------------------------------------------------

function bindTransfer() {
  ui.transfer.addEventListener("click", openTransfer);
  ui.transferCancel.addEventListener("click", closeTransfer);
  ui.transferTarget.addEventListener("change", renderTransfer);
  ui.transferForm.addEventListener("submit", (event) => {
    event.preventDefault();
    confirmTransfer();
  });
  // Escape closes the dialog natively.
  ui.transferDialog.addEventListener("close", () => {
    transfer = null;
  });
}

async function openTransfer() {
  const conv = selectedConversation();
  if (!conv || conv.status === "closed" || ui.transferDialog.open) return;
  const mine = { conversationId: conv.id, loading: true, sending: false, error: null };
  transfer = mine;
  ui.transferNote.value = "";
  fillTargets(null);
  renderTransfer();
  ui.transferDialog.showModal();
  try {
    const directory = await fetchDirectory();
    if (transfer !== mine) return;
    fillTargets(directory);
  } catch (error) {
    if (transfer !== mine) return;
    mine.error = t("transfer.loadFailed", { reason: error.message });
  }
  mine.loading = false;
  renderTransfer();
  if (!mine.error) ui.transferTarget.focus();
}

/** GET /api/sites/{site}/directory: {queues: [{id, name}], operators: [{id, name, status}]}. */
async function fetchDirectory() {
  let response;
  try {
    response = await fetch(`/api/sites/${encodeURIComponent(session.site)}/directory`, {
      headers: { Authorization: `Bearer ${session.token}`, Accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new Error(t("login.network"));
  }
  if (response.status === 401) throw new Error(t("login.expired"));
  if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
  const directory = await response.json();
  setQueueNames(Array.isArray(directory?.queues) ? directory.queues : []);
  return directory;
}

// Queue names for the chat header and transfer lines; the ids do until they arrive.
function loadQueueNames() {
  if (directoryRequested || !session) return;
  directoryRequested = true;
  fetchDirectory()
    .then(() => {
      transcript.conversationId = null; // lines already drawn with queue ids get their names
      render();
    })
    .catch(() => {
      directoryRequested = false; // try again after the next welcome
    });
}

function fillTargets(directory) {
  const placeholder = new Option(t(directory ? "transfer.choose" : "transfer.loading"), "");
  placeholder.disabled = true;
  placeholder.selected = true;
  const groups = [];
  const operators = (Array.isArray(directory?.operators) ? directory.operators : []).filter(
    (op) => op?.id && op.id !== session.operator.id,
  );
  if (operators.length > 0) {
    groups.push(
      optionGroup(
        t("transfer.operators"),
        operators.map((op) => {
          const status = t(`status.${op.status}`);
          const label = op.status && !status.startsWith("status.")
            ? t("transfer.operator", { name: op.name || op.id, status })
            : String(op.name || op.id);
          return new Option(label, `operator:${op.id}`);
        }),
      ),
    );
  }
  const queues = (Array.isArray(directory?.queues) ? directory.queues : []).filter((q) => q?.id);
  if (queues.length > 0) {
    groups.push(optionGroup(t("transfer.queues"), queues.map((q) => new Option(q.name || q.id, `queue:${q.id}`))));
  }
  ui.transferTarget.replaceChildren(placeholder, ...groups);
}

function optionGroup(label, options) {
  const group = document.createElement("optgroup");
  group.label = label;
  group.append(...options);
  return group;
}

function confirmTransfer() {
  const value = ui.transferTarget.value;
  const split = value.indexOf(":");
  if (!transfer || transfer.sending || split < 0) return;
  const kind = value.slice(0, split);
  const frame = { type: "transfer", conversationId: transfer.conversationId };
  frame[kind === "operator" ? "toOperator" : "toQueue"] = value.slice(split + 1);
  const note = ui.transferNote.value.trim();
  if (note) frame.note = note;
  if (socket?.send(frame)) {
    transfer.sending = true;
    transfer.error = null;
  } else {
    transfer.error = t("transfer.offline");
  }
  renderTransfer();
}

// The transfer frame carries no client id: an error without one, while a transfer waits, is its answer.
function failTransfer(frame) {
  transfer.sending = false;
  const reason = [errorText(frame.code), frame.message].filter(Boolean).join(": ");
  transfer.error = t("transfer.failed", { reason });
}

function closeTransfer() {
  transfer = null;
  if (ui.transferDialog.open) ui.transferDialog.close();
}

function renderTransfer() {
  if (!transfer) return;
  ui.transferError.hidden = !transfer.error;
  ui.transferError.textContent = transfer.error ?? "";
  ui.transferTarget.disabled = transfer.loading || transfer.sending;
  ui.transferNote.disabled = transfer.sending;
  ui.transferConfirm.disabled =
    transfer.loading || transfer.sending || !ui.transferTarget.value || connectionState !== "online";
  ui.transferConfirm.textContent = t(transfer.sending ? "transfer.sending" : "transfer.confirm");
}

function pick(source, keys) {
  return Object.fromEntries(keys.filter((key) => source[key] != null).map((key) => [key, source[key]]));
}
