// Canned responses as data: GET /api/sites/{site}/canned gives the site's and the
// operator's own responses and the site's close tags. Matching by shortcut,
// searching, filling the placeholders and putting a response into the reply box.
// The suggestion list and the searchable panel are in canned-ui.js.

import { app, rerender } from "./app.js";
import { siteFetch } from "./api.js";
import { firstOrderNumber } from "./customer.js";
import { ui } from "./dom.js";

const MAX_QUICK_REPLIES = 6; // protocol: up to 6 short answers

let data = { site: [], mine: [], tags: [], loaded: false };
let loading = null;

/** (Re)loads the responses and tags; resolves when done, whether or not it worked. */
export function loadCanned() {
  if (loading) return loading;
  const session = app.session;
  loading = (async () => {
    try {
      const response = await siteFetch("/canned");
      if (!response.ok) return;
      const body = await response.json().catch(() => null);
      if (app.session !== session || !body || typeof body !== "object") return;
      data = { site: responses(body.site), mine: responses(body.mine), tags: strings(body.tags), loaded: true };
    } catch {
      // Offline: the last list stays; the next open of the panel or dialog tries again.
    } finally {
      loading = null;
    }
    rerender();
  })();
  return loading;
}

export function resetCanned() {
  data = { site: [], mine: [], tags: [], loaded: false };
}

export function cannedLoaded() {
  return data.loaded;
}

/** The site's close tags. */
export function siteTags() {
  return data.tags;
}

/** The operator's own responses first, then the site's whose shortcut they do not reuse. */
export function allCanned() {
  const own = new Set(data.mine.map((c) => c.shortcut.toLowerCase()));
  return [...data.mine.map((c) => ({ ...c, mine: true })), ...data.site.filter((c) => !own.has(c.shortcut.toLowerCase()))];
}

/** Responses whose shortcut starts with what was typed after "/" (any case). */
export function matchShortcut(typed) {
  const prefix = `/${typed}`.toLowerCase();
  return allCanned().filter((c) => c.shortcut.toLowerCase().startsWith(prefix));
}

/** The response with exactly this shortcut (any case), or null. */
export function exactShortcut(shortcut) {
  const wanted = shortcut.toLowerCase();
  return allCanned().find((c) => c.shortcut.toLowerCase() === wanted) ?? null;
}

/** Responses whose shortcut, title or text contains every word of the query. */
export function searchCanned(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return allCanned().filter((c) => {
    const haystack = `${c.shortcut} ${c.title} ${c.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * The response's text with {visitorName}, {operatorName} and {orderNumber} filled in.
 * A visitor without a name is "customer", or "покупатель" in a Russian text;
 * {orderNumber} stays for the operator to edit until the customer card is loaded.
 */
export function fillPlaceholders(text, conv) {
  const values = {
    visitorName: conv?.visitor?.name || (/[а-яё]/i.test(text) ? "покупатель" : "customer"),
    operatorName: app.session?.operator?.name || null,
    orderNumber: conv ? firstOrderNumber(conv.id) : null,
  };
  return text.replace(/\{(visitorName|operatorName|orderNumber)\}/g, (whole, name) => values[name] ?? whole);
}

/**
 * Puts the response into the reply box in place of [start, end), remembers its quick
 * replies for the chat, and leaves the caret after it (or an unfilled {orderNumber} selected).
 */
export function insertCanned(item, conv, start, end) {
  const box = ui.reply;
  const text = fillPlaceholders(item.text, conv);
  box.focus();
  box.setRangeText(text, start, end, "end");
  const left = text.indexOf("{orderNumber}");
  if (left >= 0) box.setSelectionRange(start + left, start + left + "{orderNumber}".length);
  if (conv && item.quickReplies.length > 0) app.quickReplies.set(conv.id, item.quickReplies.slice(0, MAX_QUICK_REPLIES));
  if (conv) app.drafts.set(conv.id, box.value);
  rerender();
}

/** Quick replies waiting for the chat's next message: taken off when that message is sent. */
export function takeQuickReplies(conversationId) {
  const replies = app.quickReplies.get(conversationId);
  app.quickReplies.delete(conversationId);
  return replies?.length ? replies : null;
}

function responses(list) {
  return (Array.isArray(list) ? list : [])
    .filter((c) => c && typeof c.shortcut === "string" && c.shortcut && typeof c.text === "string")
    .map((c) => ({
      shortcut: c.shortcut,
      title: typeof c.title === "string" ? c.title : "",
      text: c.text,
      quickReplies: strings(c.quickReplies),
    }));
}

function strings(list) {
  return (Array.isArray(list) ? list : []).filter((s) => typeof s === "string" && s.trim());
}
