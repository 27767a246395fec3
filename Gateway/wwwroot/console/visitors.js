// The Visitors view beside the chats: who is on the site now, polled from
// GET /api/sites/{site}/visitors every 2 s while the view is shown, and the
// form that invites one of them to chat (POST …/visitors/{id}/invite).

import { app, rerender } from "./app.js";
import { problemText, readProblem, siteFetch } from "./api.js";
import { ui } from "./dom.js";
import { language, t } from "./i18n.js";
import { showToast } from "./notices.js";
import { visitorName } from "./view.js";
import { visitorListItem } from "./visitor-view.js";

const POLL_MS = 2_000;

const empty = () => ({ total: null, list: [], error: null, loaded: false });
let visitors = empty();
let drawn = { visitors: null, language: null }; // what #visitors was built from
let pollTimer = 0;
let inFlight = false;
let invite = null; // the open invite form: {visitor, sending, error, detail}
let onExpired = () => {};

/** expired runs when the server no longer accepts the token (the console signs out). */
export function bindVisitors(expired) {
  onExpired = expired;
  ui.chatsTab.addEventListener("click", () => showView("chats"));
  ui.visitorsTab.addEventListener("click", () => showView("visitors"));
  ui.visitors.addEventListener("click", (event) => {
    const item = event.target.closest("button.invite")?.closest("li[data-visitor-id]");
    if (item) openInvite(item.dataset.visitorId);
  });
  ui.inviteForm.addEventListener("submit", (event) => {
    event.preventDefault();
    sendInvite();
  });
  ui.inviteCancel.addEventListener("click", closeInvite);
  ui.inviteText.addEventListener("input", renderInvite);
  ui.inviteDialog.addEventListener("close", () => {
    invite = null; // Escape closes the dialog natively
  });
  document.addEventListener("visibilitychange", () => (polling() ? poll() : clearTimeout(pollTimer)));
}

/** A console that has just signed in shows its chats, and learns how many visitors are online. */
export function startVisitors() {
  stopVisitors();
  poll();
}

export function stopVisitors() {
  clearTimeout(pollTimer);
  closeInvite();
  visitors = empty();
  app.view = "chats";
  app.viewPicked = false;
}

/** Switches the sidebar tab: "chats", "visitors" or (supervisors) "monitor". */
export function showView(view) {
  app.viewPicked = true;
  if (app.view === view) return;
  app.view = view;
  rerender();
  if (polling()) poll();
  else clearTimeout(pollTimer);
}

function polling() {
  return app.view === "visitors" && Boolean(app.session) && document.visibilityState === "visible";
}

async function poll() {
  clearTimeout(pollTimer);
  if (!app.session || inFlight) return;
  inFlight = true;
  const session = app.session;
  try {
    await load();
  } finally {
    inFlight = false;
  }
  if (app.session !== session) return;
  rerender();
  if (polling()) pollTimer = setTimeout(poll, POLL_MS);
}

/** One GET …/visitors: {total, visitors: [...]} in the server's order. A failure keeps the last list. */
async function load() {
  const session = app.session;
  let next;
  try {
    const response = await siteFetch("/visitors");
    if (app.session !== session) return;
    if (response.status === 401) return onExpired();
    if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
    const body = await response.json().catch(() => null);
    if (!body || typeof body !== "object") throw new Error(t("error.unknown"));
    const list = (Array.isArray(body.visitors) ? body.visitors : []).filter((v) => v && typeof v.id === "string" && v.id);
    next = { total: Number.isFinite(body.total) ? body.total : list.length, list, error: null, loaded: true };
  } catch (error) {
    if (app.session !== session) return;
    next = { ...visitors, error: error.message };
  }
  visitors = next;
}

/** The tabs, and the list when its data or the language changed since it was built. */
export function renderVisitors() {
  const showing = app.view === "visitors";
  const chats = !showing && app.view !== "monitor";
  ui.chatsTab.setAttribute("aria-selected", String(chats));
  ui.visitorsTab.setAttribute("aria-selected", String(showing));
  ui.chatsView.hidden = !chats;
  ui.visitorsView.hidden = !showing;
  ui.visitorsTab.textContent = visitors.total == null ? t("visitors.tabEmpty") : t("visitors.tab", { total: visitors.total });
  ui.visitorsError.hidden = !visitors.error;
  ui.visitorsError.textContent = visitors.error ? t("visitors.loadFailed", { reason: visitors.error }) : "";
  ui.visitorsEmpty.hidden = !visitors.loaded || visitors.list.length > 0;
  if (drawn.visitors !== visitors || drawn.language !== language()) drawList();
  renderInvite();
}

function drawList() {
  drawn = { visitors, language: language() };
  const focusedId = document.activeElement?.closest?.("#visitors li")?.dataset.visitorId;
  ui.visitors.replaceChildren(...visitors.list.map(visitorListItem));
  const item = focusedId && [...ui.visitors.children].find((li) => li.dataset.visitorId === focusedId);
  item?.querySelector("button.invite")?.focus();
}

function openInvite(visitorId) {
  const visitor = visitors.list.find((v) => v.id === visitorId);
  if (!visitor || visitor.chatting || ui.inviteDialog.open) return;
  invite = { visitor, sending: false, error: null, detail: "" };
  ui.inviteText.value = t("invite.default");
  renderInvite();
  ui.inviteDialog.showModal();
  ui.inviteText.focus();
}

function closeInvite() {
  invite = null;
  if (ui.inviteDialog.open) ui.inviteDialog.close();
}

async function sendInvite() {
  const mine = invite;
  const text = ui.inviteText.value.trim();
  if (!mine || mine.sending || !text) return;
  Object.assign(mine, { sending: true, error: null, detail: "" });
  renderInvite();
  try {
    const path = `/visitors/${encodeURIComponent(mine.visitor.id)}/invite`;
    const response = await siteFetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
    if (response.status === 401) return onExpired();
    if (response.ok) {
      if (invite === mine) closeInvite();
      return showToast(t("invite.sent", { name: visitorName(mine.visitor) }));
    }
    // Problem details: the title is the message; the detail, if any, goes in its tooltip.
    const problem = await readProblem(response);
    mine.error = typeof problem.title === "string" && problem.title ? problem.title : t("invite.failed", { status: response.status });
    mine.detail = typeof problem.detail === "string" ? problem.detail : "";
  } catch (error) {
    mine.error = error.message;
  } finally {
    mine.sending = false;
    if (invite === mine) renderInvite();
  }
}

function renderInvite() {
  if (!invite) return;
  ui.inviteTitle.textContent = t("invite.title", { name: visitorName(invite.visitor) });
  ui.inviteError.hidden = !invite.error;
  ui.inviteError.textContent = invite.error ?? "";
  ui.inviteError.title = invite.detail;
  ui.inviteText.disabled = invite.sending;
  ui.inviteSend.disabled = invite.sending || !ui.inviteText.value.trim();
  ui.inviteSend.textContent = t(invite.sending ? "invite.sending" : "invite.send");
}
