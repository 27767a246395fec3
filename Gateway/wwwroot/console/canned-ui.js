// Canned responses in the reply box: "/" + letters at its start shows matching
// shortcuts (#canned-suggest; arrows move, Tab or Enter picks, Escape hides),
// "/shortcut " expands at once, and #canned opens a searchable list (#canned-panel).
// A response's quick replies show as chips (#quick-replies) until the next message.

import { app, rerender, selectedConversation } from "./app.js";
import { cannedLoaded, exactShortcut, insertCanned, loadCanned, matchShortcut, searchCanned } from "./canned.js";
import { ui } from "./dom.js";
import { language, t } from "./i18n.js";
import { el } from "./view.js";

let suggest = null; // {items, active} while #canned-suggest shows
let panel = null; // {items, active, start, end} while #canned-panel is open: the reply box range it fills
let shownFor = null; // the conversation the composer was last drawn for
let drawnQuick = { replies: undefined, language: null };

export function bindCanned() {
  ui.reply.addEventListener("input", onReplyInput);
  ui.reply.addEventListener("blur", () => hideSuggest());
  ui.reply.addEventListener("click", () => hideSuggest());
  // Capture: these keys must reach the suggestions before replies.js sends on Enter.
  ui.replyForm.addEventListener("keydown", onSuggestKey, true);
  ui.cannedSuggest.addEventListener("mousedown", (event) => event.preventDefault()); // keep the reply box focused
  ui.cannedSuggest.addEventListener("click", (event) => {
    const item = event.target.closest(".canned-item");
    if (item && suggest) pickSuggestion(Number(item.dataset.index));
  });
  ui.canned.addEventListener("click", () => (panel ? closePanel(true) : openPanel()));
  ui.cannedSearch.addEventListener("input", () => {
    if (!panel) return;
    panel.active = 0;
    drawPanel();
  });
  ui.cannedSearch.addEventListener("keydown", onPanelKey);
  ui.cannedList.addEventListener("click", (event) => {
    const item = event.target.closest(".canned-item");
    if (item && panel) pickFromPanel(Number(item.dataset.index));
  });
  document.addEventListener("mousedown", (event) => {
    if (panel && !ui.cannedPanel.contains(event.target) && !ui.canned.contains(event.target)) closePanel(false);
  });
  ui.quickReplies.addEventListener("click", (event) => {
    if (!event.target.closest("#quick-replies-clear")) return;
    if (app.selectedId) app.quickReplies.delete(app.selectedId);
    rerender();
    ui.reply.focus();
  });
}

/** Closes what belongs to another chat, and draws the quick-reply chips of this one. */
export function renderCanned(conv) {
  if (shownFor !== (conv?.id ?? null) || !conv || conv.status === "closed") {
    hideSuggest();
    if (panel) closePanel(false);
  }
  shownFor = conv?.id ?? null;
  ui.canned.disabled = !conv || conv.status === "closed";
  ui.canned.setAttribute("aria-expanded", String(Boolean(panel)));
  const replies = conv && conv.status !== "closed" ? app.quickReplies.get(conv.id) : undefined;
  if (drawnQuick.replies === replies && drawnQuick.language === language()) return;
  drawnQuick = { replies, language: language() };
  ui.quickReplies.hidden = !replies?.length;
  if (!replies?.length) return ui.quickReplies.replaceChildren();
  ui.quickReplies.replaceChildren(
    el("span", { class: "quick-label", text: t("quick.label") }),
    ...replies.map((text) => el("span", { class: "chip quick-reply", text })),
    el("button", {
      class: "quiet quick-replies-clear",
      text: "✕",
      attrs: { id: "quick-replies-clear", type: "button", title: t("quick.clear"), "aria-label": t("quick.clear") },
    }),
  );
}

// ---- "/" suggestions and "/shortcut " expansion -----------------------------------------

function onReplyInput(event) {
  const conv = selectedConversation();
  const box = ui.reply;
  const caret = box.selectionEnd;
  const before = box.value.slice(0, caret);
  if (!conv || box.selectionStart !== caret) return hideSuggest();
  if (!cannedLoaded() && before.startsWith("/")) loadCanned();
  // The exact shortcut followed by the space just typed expands where it stands.
  if (!event.inputType || event.inputType.startsWith("insert")) {
    const typed = /(^|\s)(\/\S+) $/.exec(before);
    const item = typed && exactShortcut(typed[2]);
    if (item) {
      hideSuggest();
      return insertCanned(item, conv, typed.index + typed[1].length, caret);
    }
  }
  const prefix = /^\/(\S*)$/.exec(before);
  const items = prefix ? matchShortcut(prefix[1]) : [];
  if (items.length === 0) return hideSuggest();
  const keep = suggest?.items[suggest.active]?.shortcut;
  const active = Math.max(0, items.findIndex((item) => item.shortcut === keep));
  suggest = { items, active };
  drawItems(ui.cannedSuggest, suggest, "canned-suggest");
  ui.cannedSuggest.hidden = false;
  ui.reply.setAttribute("aria-expanded", "true");
}

function onSuggestKey(event) {
  if (event.target !== ui.reply || !suggest || event.isComposing) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") moveActive(suggest, event.key === "ArrowDown" ? 1 : -1, ui.cannedSuggest, "canned-suggest");
  else if ((event.key === "Tab" || event.key === "Enter") && !event.shiftKey) pickSuggestion(suggest.active);
  else if (event.key === "Escape") hideSuggest();
  else return;
  event.preventDefault();
  event.stopPropagation();
}

function pickSuggestion(index) {
  const item = suggest?.items[index];
  const conv = selectedConversation();
  hideSuggest();
  if (!item || !conv) return;
  // The "/letters" typed at the start of the box, up to the caret, make way for the response.
  const caret = ui.reply.selectionEnd;
  const typed = /^\/\S*/.exec(ui.reply.value.slice(0, caret));
  insertCanned(item, conv, 0, typed ? typed[0].length : 0);
}

function hideSuggest() {
  suggest = null;
  if (ui.cannedSuggest.hidden) return;
  ui.cannedSuggest.hidden = true;
  ui.cannedSuggest.replaceChildren();
  ui.reply.setAttribute("aria-expanded", "false");
  ui.reply.removeAttribute("aria-activedescendant");
}

// ---- the searchable list ----------------------------------------------------------------

function openPanel() {
  const conv = selectedConversation();
  if (!conv || conv.status === "closed") return;
  hideSuggest();
  panel = { items: [], active: 0, start: ui.reply.selectionStart, end: ui.reply.selectionEnd };
  ui.cannedSearch.value = "";
  ui.cannedPanel.hidden = false;
  ui.canned.setAttribute("aria-expanded", "true");
  drawPanel();
  ui.cannedSearch.focus();
  const mine = panel;
  loadCanned().then(() => panel === mine && drawPanel());
}

function closePanel(refocus) {
  panel = null;
  ui.cannedPanel.hidden = true;
  ui.cannedList.replaceChildren();
  ui.canned.setAttribute("aria-expanded", "false");
  if (refocus) ui.reply.focus();
}

function drawPanel() {
  panel.items = searchCanned(ui.cannedSearch.value);
  panel.active = Math.min(panel.active, Math.max(0, panel.items.length - 1));
  drawItems(ui.cannedList, panel, "canned-list");
  ui.cannedEmpty.hidden = panel.items.length > 0;
  ui.cannedEmpty.textContent = t(ui.cannedSearch.value.trim() ? "canned.empty" : "canned.none");
}

function onPanelKey(event) {
  if (!panel || event.isComposing) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") moveActive(panel, event.key === "ArrowDown" ? 1 : -1, ui.cannedList, "canned-list");
  else if (event.key === "Enter") pickFromPanel(panel.active);
  else if (event.key === "Escape") closePanel(true);
  else return;
  event.preventDefault();
  event.stopPropagation(); // Escape must not close a dialog around it
}

function pickFromPanel(index) {
  const item = panel?.items[index];
  const conv = selectedConversation();
  if (!item || !conv) return;
  const { start, end } = panel;
  closePanel(false);
  insertCanned(item, conv, start, end);
}

// ---- shared list drawing ----------------------------------------------------------------

function drawItems(list, state, idPrefix) {
  list.replaceChildren(
    ...state.items.map((item, index) =>
      el(
        "li",
        {
          class: `canned-item${index === state.active ? " active" : ""}`,
          data: { shortcut: item.shortcut, index, mine: item.mine ? "" : null },
          attrs: { id: `${idPrefix}-${index}`, role: "option", "aria-selected": String(index === state.active) },
        },
        el("span", { class: "canned-shortcut", text: item.shortcut }),
        el("span", { class: "canned-title", text: item.title }),
        item.mine ? el("span", { class: "badge canned-mine", text: t("canned.mine") }) : null,
        el("span", { class: "canned-text", text: item.text }),
      ),
    ),
  );
  if (list === ui.cannedSuggest) ui.reply.setAttribute("aria-activedescendant", `${idPrefix}-${state.active}`);
}

function moveActive(state, step, list, idPrefix) {
  if (state.items.length === 0) return;
  state.active = (state.active + step + state.items.length) % state.items.length;
  drawItems(list, state, idPrefix);
  list.children[state.active]?.scrollIntoView({ block: "nearest" });
}
