// Closing a chat: #close-chat opens #close-dialog with a checkbox per site tag
// (.close-tag, from the canned endpoint's `tags`); #close-confirm sends
// {type:"close", conversationId, tags}. The `closed` event shows the tags.

import { app, selectedConversation } from "./app.js";
import { cannedLoaded, loadCanned, siteTags } from "./canned.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";
import { el } from "./view.js";

let closing = null; // {conversationId} while the dialog is open

export function bindClose() {
  ui.closeChat.addEventListener("click", openClose);
  ui.closeCancel.addEventListener("click", closeCloseDialog);
  ui.closeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    confirmClose();
  });
  ui.closeDialog.addEventListener("close", () => {
    closing = null; // Escape closes the dialog natively
  });
}

async function openClose() {
  const conv = selectedConversation();
  if (!conv || conv.status === "closed" || ui.closeDialog.open) return;
  const mine = { conversationId: conv.id };
  closing = mine;
  ui.closeError.hidden = true;
  fillTags(cannedLoaded() ? siteTags() : null, []);
  ui.closeDialog.showModal();
  ui.closeConfirm.focus();
  // The site's tags may have changed since sign-in: ask again, keeping what is ticked.
  await loadCanned();
  if (closing !== mine) return;
  fillTags(siteTags(), checkedTags());
}

function fillTags(tags, checked) {
  const boxes = (tags ?? []).map((tag) =>
    el(
      "label",
      { class: "close-tag-label" },
      el("input", { class: "close-tag", attrs: { type: "checkbox", value: tag, checked: checked.includes(tag) } }),
      el("span", { text: tag }),
    ),
  );
  ui.closeTags.replaceChildren(ui.closeTags.querySelector("legend"), ...boxes);
  ui.closeTags.hidden = boxes.length === 0;
  ui.closeNote.hidden = boxes.length > 0;
  ui.closeNote.textContent = t(tags ? "close.noTags" : "close.loading");
}

function checkedTags() {
  return [...ui.closeTags.querySelectorAll("input.close-tag:checked")].map((input) => input.value);
}

function confirmClose() {
  if (!closing) return;
  const frame = { type: "close", conversationId: closing.conversationId, tags: checkedTags() };
  if (app.store?.get(frame.conversationId) && app.socket?.send(frame)) return closeCloseDialog();
  ui.closeError.textContent = t("close.offline");
  ui.closeError.hidden = false;
}

export function closeCloseDialog() {
  closing = null;
  if (ui.closeDialog.open) ui.closeDialog.close();
}

/** The chat being closed left the list (or another was selected): the dialog goes too. */
export function renderCloseDialog() {
  if (closing && closing.conversationId !== app.selectedId) closeCloseDialog();
}
