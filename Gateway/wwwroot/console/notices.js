// What the operator is told outside the transcript: the notice above the chat
// pane (a chat left their list) and short-lived toasts (errors without a home).

import { app, rerender } from "./app.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";
import { visitorName } from "./view.js";

const TOAST_SHOWN_MS = 6_000;
let toastTimer = 0;

export function bindNotices() {
  ui.noticeDismiss.addEventListener("click", () => {
    app.notice = null;
    rerender();
  });
}

/** The chat is no longer the operator's: deselect it and say why. */
export function leaveChat(conv, reason) {
  if (conv.id === app.selectedId) app.selectedId = null;
  const key = ["closed", "transfer", "no_answer"].includes(reason) ? `notice.${reason}` : "notice.gone";
  app.notice = { key, name: visitorName(conv.visitor) };
}

export function renderNotice() {
  ui.notice.hidden = !app.notice;
  ui.noticeText.textContent = app.notice ? t(app.notice.key, { name: app.notice.name }) : "";
}

export function showToast(text) {
  clearTimeout(toastTimer);
  ui.toast.textContent = text.charAt(0).toUpperCase() + text.slice(1);
  ui.toast.hidden = false;
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, TOAST_SHOWN_MS);
}
