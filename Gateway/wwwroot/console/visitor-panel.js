// #visitor-panel in the chat header: whether the site verified who they are, the
// visitor's current page, the pages they visited with the time spent on each,
// their cart, where they came from and their previous chats (history.js).
// Rebuilt when the visitor object changes (assigned, visitor_update) or the
// language does; the current page's time counts on every second in between.

import { dwellSeconds } from "./chat-visitor.js";
import { ui } from "./dom.js";
import { historyBox } from "./history.js";
import { language, t } from "./i18n.js";
import { formatDuration, row, visitorPanelRows } from "./visitor-view.js";

const TICK_MS = 1_000;

let shown = { visitor: null, language: null };
let live = []; // {span, page} of the current page
let ticker = 0;

/** Draws the panel for this visitor, or hides it when there is nothing to tell. */
export function renderVisitorPanel(visitor) {
  if (!visitor) return clearVisitorPanel();
  if (shown.visitor === visitor && shown.language === language()) return;
  shown = { visitor, language: language() };
  const built = visitorPanelRows(visitor, (page) => dwellSeconds(visitor, page));
  if (visitor.id) built.rows.push(row("history", t("history.label"), historyBox));
  ui.visitorPanel.replaceChildren(...built.rows);
  ui.visitorPanel.hidden = built.rows.length === 0;
  live = built.live;
  clearInterval(ticker);
  if (live.length > 0) ticker = setInterval(tick, TICK_MS);
}

export function clearVisitorPanel() {
  clearInterval(ticker);
  shown = { visitor: null, language: null };
  live = [];
  ui.visitorPanel.replaceChildren();
  ui.visitorPanel.hidden = true;
}

function tick() {
  const visitor = shown.visitor;
  for (const { span, page } of live) span.textContent = formatDuration(dwellSeconds(visitor, page));
}
