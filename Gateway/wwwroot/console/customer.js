// The CRM customer card (docs/crm.md): #customer-card in the chat header asks
// GET /api/sites/{site}/conversations/{id}/customer and #customer-panel shows the
// customer and their orders, or the problem's title in #customer-error. Cards
// are kept per conversation, so {orderNumber} in canned responses can use them.

import { app, rerender, selectedConversation } from "./app.js";
import { readProblem, siteFetch } from "./api.js";
import { ui } from "./dom.js";
import { language, t } from "./i18n.js";
import { el, formatMoney } from "./view.js";

/** Per conversation id: {open, loading, card, error}. */
const cards = new Map();
let drawn = { entry: null, card: null, language: null }; // what the panel was built from

export function bindCustomer() {
  ui.customerCard.addEventListener("click", () => {
    const conv = selectedConversation();
    if (!conv) return;
    const entry = cards.get(conv.id);
    if (entry?.open) entry.open = false;
    else openCard(conv.id);
    rerender();
  });
  ui.customerConfirm.addEventListener("click", () => {
    const conv = selectedConversation();
    const phone = conv && cards.get(conv.id)?.candidatePhone;
    if (phone) openCard(conv.id, phone);
    rerender();
  });
  ui.customerClose.addEventListener("click", () => {
    const entry = app.selectedId && cards.get(app.selectedId);
    if (entry) entry.open = false;
    rerender();
    ui.customerCard.focus();
  });
}

export function resetCustomers() {
  cards.clear();
}

export function forgetCustomer(conversationId) {
  cards.delete(conversationId);
}

/** Screen-pop for a ringing call (calls.js): opens the chat's card unless it is open already. */
export function openCustomerCard(conversationId) {
  if (!cards.get(conversationId)?.open) openCard(conversationId);
}

/** The first order number of the chat's customer card, if it has been loaded. */
export function firstOrderNumber(conversationId) {
  const number = cards.get(conversationId)?.card?.orders?.[0]?.number;
  return number == null || number === "" ? null : String(number);
}

/**
 * Asks for the card. Without a signed-in customer the gateway looks nobody up by a number the visitor typed or a
 * caller ID: it returns the number as candidatePhone, and only the operator's click (confirmedPhone) looks it up.
 */
async function openCard(conversationId, confirmedPhone) {
  const entry = cards.get(conversationId) ?? { card: null, error: null };
  Object.assign(entry, { open: true, loading: true, error: null, candidatePhone: null });
  cards.set(conversationId, entry);
  const session = app.session;
  const query = confirmedPhone ? `?confirmedPhone=${encodeURIComponent(confirmedPhone)}` : "";
  let result;
  try {
    const response = await siteFetch(`/conversations/${encodeURIComponent(conversationId)}/customer${query}`);
    if (response.ok) {
      const body = await response.json().catch(() => null);
      result = isCard(body) ? { card: body, error: null } : { card: null, error: t("customer.failed", { status: response.status }) };
    } else if (response.status === 501) {
      // The site has no CRM (docs/crm.md): said in the console's own language.
      result = { card: null, error: t("customer.notConfigured") };
    } else {
      // Problem details: the title says what happened ("The CRM did not answer within 3 s.").
      const problem = await readProblem(response);
      const title = typeof problem?.title === "string" && problem.title ? problem.title : t("customer.failed", { status: response.status });
      result = { card: null, error: title, candidatePhone: candidatePhone(problem) };
    }
  } catch (error) {
    result = { card: entry.card, error: error.message };
  }
  if (app.session !== session || cards.get(conversationId) !== entry) return;
  Object.assign(entry, result, { loading: false });
  rerender();
}

function candidatePhone(problem) {
  return typeof problem?.candidatePhone === "string" && problem.candidatePhone ? problem.candidatePhone : null;
}

/** The button that looks up the number the operator confirmed with the customer; hidden when there is none. */
function renderConfirm(entry) {
  const phone = entry?.loading ? null : entry?.candidatePhone;
  ui.customerConfirm.hidden = !phone;
  ui.customerConfirm.textContent = phone ? t("customer.confirm", { phone }) : "";
}

function isCard(body) {
  return body !== null && typeof body === "object" && body.customer !== null && typeof body.customer === "object";
}

/** The button's state and, when open for the selected chat, the panel. */
export function renderCustomer(conv) {
  const entry = conv ? cards.get(conv.id) : null;
  const open = Boolean(entry?.open);
  ui.customerCard.setAttribute("aria-expanded", String(open));
  ui.customerCard.classList.toggle("active", open);
  ui.customerPanel.hidden = !open;
  ui.customerLoading.hidden = !entry?.loading;
  if (!open) return;
  ui.customerError.hidden = !entry.error;
  ui.customerError.textContent = entry.error ?? "";
  renderConfirm(entry);
  if (drawn.entry === entry && drawn.card === entry.card && drawn.language === language()) return;
  drawn = { entry, card: entry.card, language: language() };
  drawCard(entry.card);
}

function drawCard(card) {
  const customer = card?.customer ?? {};
  const fields = ["name", "email", "phone", "segment", "id"]
    .filter((field) => customer[field] != null && String(customer[field]) !== "")
    .map((field) =>
      el("div", { class: "customer-row", data: { field } }, el("dt", { text: t(`customer.${field}`) }), el("dd", { text: customer[field] })),
    );
  if (card) fields.push(matchedByRow(card.matchedBy));
  ui.customerInfo.replaceChildren(...fields);
  ui.customerInfo.hidden = fields.length === 0;
  const orders = Array.isArray(card?.orders) ? card.orders.filter((order) => order && typeof order === "object") : [];
  ui.customerOrdersBox.hidden = !card;
  ui.customerNoOrders.hidden = orders.length > 0;
  ui.customerOrders.replaceChildren(
    ...orders.map((order) =>
      el(
        "tr",
        { data: { order: order.number } },
        el("td", { class: "order-number", text: order.number ?? "" }),
        el("td", { class: "order-date", text: formatDate(order.date) }),
        el("td", { class: "order-total", text: formatMoney(order.total, order.currency) }),
        el("td", { class: "order-status", text: order.status ?? "" }),
      ),
    ),
  );
  drawAnswers(card);
}

/** What the customer answered the robot's calls (campaigns.md), newest first, as the CRM keeps them. */
function drawAnswers(card) {
  const answers = Array.isArray(card?.campaignAnswers) ? card.campaignAnswers.filter((a) => a && typeof a === "object") : [];
  ui.customerAnswersBox.hidden = answers.length === 0;
  ui.customerAnswers.replaceChildren(
    ...answers.map((a) =>
      el(
        "li",
        { data: { answer: String(a.answer ?? "") } },
        el("span", { class: "answer-when", text: formatMoment(a.at) }),
        el("span", { class: "answer-campaign", text: `${a.campaign ?? ""} · ${known("customer.kind", a.kind)}` }),
        el("span", { class: "answer-what", text: `${known("customer.question", a.question)}: ${known("customer.answer", a.answer)}` }),
      ),
    ),
  );
}

/** A known code in the console's language ("crossSell" → "accessory offer"); an unknown one as the CRM gave it. */
function known(prefix, code) {
  const text = t(`${prefix}.${code}`);
  return text === `${prefix}.${code}` ? String(code ?? "") : text;
}

function formatMoment(value) {
  const date = new Date(String(value ?? ""));
  return Number.isNaN(date.getTime()) ? String(value ?? "") : date.toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
}

/** How the gateway matched the card: the operator should know whether the shop or they themselves vouched for it. */
function matchedByRow(matchedBy) {
  const known = matchedBy === "verified_customer_id" || matchedBy === "operator_confirmed_phone";
  const text = known ? t(`customer.match.${matchedBy}`) : String(matchedBy ?? "");
  return el("div", { class: "customer-row", data: { field: "matchedBy", match: String(matchedBy ?? "") } },
    el("dt", { text: t("customer.matchedBy") }), el("dd", { text }));
}

/** "2026-11-20" in the console's language; anything else as given. */
function formatDate(value) {
  const text = String(value ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleDateString(language(), { timeZone: "UTC", dateStyle: "medium" });
}
