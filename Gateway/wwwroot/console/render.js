// Draws the console from app state: header, chat list, the selected chat and
// the page title. Called after every change (app.rerender()).

import { app, selectedConversation } from "./app.js";
import { renderCalls } from "./calls.js";
import { renderCoBrowse } from "./cobrowse.js";
import { renderUploads } from "./attachments.js";
import { renderCanned } from "./canned-ui.js";
import { channelBadge, channelName } from "./channel-badge.js";
import { renderCloseDialog } from "./close-dialog.js";
import { renderCustomer } from "./customer.js";
import { ui } from "./dom.js";
import { renderHistory } from "./history.js";
import { renderMessengerLimits } from "./messenger-limits.js";
import { t } from "./i18n.js";
import { renderMonitor } from "./monitor.js";
import { renderNotice } from "./notices.js";
import { renderRatingsButton } from "./ratings.js";
import { renderReply, retry } from "./replies.js";
import { saveReadPositions } from "./session.js";
import { closeTransfer, renderTransfer } from "./transfer.js";
import {
  chatListItem,
  eventNode,
  formatDuration,
  formRows,
  pendingNode,
  queueName,
  secondsSince,
  statusLabel,
  visitorContext,
  visitorName,
} from "./view.js";
import { clearVisitorPanel, renderVisitorPanel } from "./visitor-panel.js";
import { renderVisitors } from "./visitors.js";

// How close to the bottom (px) counts as "reading the newest messages".
const STICK_TO_BOTTOM_PX = 48;

let shownForm = null; // the form object #chat-form was built from
let transcript = { conversationId: null, nodes: new Map() }; // what #messages shows
let typingTimer = 0;
let waitTicker = 0; // counts the chat list's waiting times on
const WAIT_TICK_MS = 250; // a quarter second: the m:ss shown is never more than that behind

export function render() {
  if (!app.store) return;
  const conv = selectedConversation();
  if (conv && document.visibilityState === "visible") app.store.markRead(conv);
  renderHeader();
  renderChatList();
  renderVisitors();
  renderMonitor();
  renderPane(conv);
  renderCoBrowse(conv);
  renderCalls();
  renderTitle();
  saveReadPositions();
}

/** The next render draws the transcript from scratch (language or queue names changed). */
export function redrawTranscript() {
  transcript.conversationId = null;
}

/** Stops the timers a signed-out console must not keep. */
export function stopRendering() {
  clearTimeout(typingTimer);
  clearInterval(waitTicker);
  waitTicker = 0;
  clearVisitorPanel();
}

function renderHeader() {
  const { operator } = app.session;
  ui.operatorName.textContent = operator.name ?? "";
  ui.missed.hidden = !(app.missedCount > 0);
  ui.missed.textContent = app.missedCount > 0 ? t("header.missed", { count: app.missedCount }) : "";
  const supervisor = operator.role === "supervisor";
  ui.operatorRole.hidden = !supervisor;
  ui.operatorRole.textContent = supervisor ? t("header.supervisor") : "";
  renderRatingsButton();
  // Only a supervisor's sign-in returns the dashboard's path, together with the cookie that opens it.
  const dashboard = supervisor ? app.session.dashboard : null;
  ui.dashboardLink.hidden = !dashboard;
  if (dashboard) ui.dashboardLink.href = `${dashboard}/`;
  ui.status.value = app.operatorStatus;
  ui.status.disabled = app.connectionState !== "online";
  ui.status.dataset.status = app.operatorStatus;
  ui.connection.dataset.state = app.connectionState === "online" ? "online" : "offline";
  ui.connection.textContent = t(`connection.${app.connectionState}`);
}

function renderChatList() {
  const focusedId = document.activeElement?.closest?.("#chats li")?.dataset.conversationId;
  const items = [...app.store.conversations.values()].map((conv) =>
    chatListItem(conv, {
      selected: conv.id === app.selectedId,
      unread: app.store.unreadCount(conv),
      preview: app.store.lastMessageText(conv),
      waitingSince: app.store.waitingSince(conv),
    }),
  );
  ui.chats.replaceChildren(...items);
  ui.chatsEmpty.hidden = items.length > 0;
  if (focusedId) items.find((item) => item.dataset.conversationId === focusedId)?.focus();
  if (!waitTicker) waitTicker = setInterval(tickWaits, WAIT_TICK_MS);
}

// The waiting times count on between redraws (m:ss since each .chat-wait's data-since).
function tickWaits() {
  const now = Date.now();
  for (const span of ui.chats.querySelectorAll(".chat-wait[data-since]")) {
    const time = formatDuration(secondsSince(Number(span.dataset.since), now));
    if (span.textContent !== time) span.textContent = time;
  }
}

function renderPane(conv) {
  const monitoring = !ui.monitor.hidden; // the supervisor's Monitor takes the whole pane
  ui.chat.hidden = !conv || monitoring;
  ui.paneEmpty.hidden = Boolean(conv) || monitoring;
  renderNotice();
  if (monitoring) ui.notice.hidden = true;
  renderCloseDialog();
  if (app.transfer && app.transfer.conversationId !== conv?.id) closeTransfer();
  renderTransfer();
  if (!conv) {
    transcript = { conversationId: null, nodes: new Map() };
    ui.messages.replaceChildren();
    clearTimeout(typingTimer);
    clearVisitorPanel();
    renderCanned(null);
    renderCustomer(null);
    return;
  }
  const closed = conv.status === "closed";
  const offline = app.connectionState !== "online";
  ui.chat.classList.toggle("closed", closed);
  ui.chatVisitor.replaceChildren(channelBadge(conv.visitor?.channel), " ", visitorName(conv.visitor));
  ui.chatStatus.textContent = statusLabel(conv.status);
  ui.chatStatus.dataset.status = conv.status;
  renderPhone(conv.phone);
  const queue = conv.queue ? t("chat.queue", { queue: queueName(conv.queue) }) : "";
  const channel = channelName(conv.visitor?.channel);
  ui.chatContext.textContent = [channel, queue, visitorContext(conv.visitor)].filter(Boolean).join("  ·  ");
  renderVisitorPanel(conv.visitor);
  renderHistory(conv);
  renderCustomer(conv);
  renderChatForm(conv.form);
  ui.transfer.disabled = closed || offline;
  ui.closeChat.disabled = closed || offline;
  ui.reply.disabled = closed;
  ui.send.disabled = closed;
  renderReply(conv);
  renderMessengerLimits(conv);
  renderUploads(conv);
  renderCanned(conv);
  renderTranscript(conv);
  renderVisitorTyping(conv);
}

// Adds the nodes for events not shown yet in seq order, so scrolling and text
// selection survive new messages; pending replies always come last.
function renderTranscript(conv) {
  const box = ui.messages;
  const fresh = transcript.conversationId !== conv.id;
  const stick = fresh || app.scrollToEnd || box.scrollHeight - box.scrollTop - box.clientHeight < STICK_TO_BOTTOM_PX;
  if (fresh) {
    box.replaceChildren();
    transcript = { conversationId: conv.id, nodes: new Map() };
  }
  let previous = null;
  for (const frame of app.store.eventsInOrder(conv)) {
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
  app.scrollToEnd = false;
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
  for (const conv of app.store.conversations.values()) unread += app.store.unreadCount(conv);
  document.title = unread > 0 ? `(${unread}) ${t("app.title")}` : t("app.title");
  ui.chatsUnread.hidden = unread === 0; // on the chats tab, so it shows from the Visitors view too
  ui.chatsUnread.textContent = unread > 0 ? String(unread) : "";
}
