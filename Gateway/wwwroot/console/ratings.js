// The operator's own ratings: #my-ratings opens #ratings-panel with
// GET /api/sites/{site}/operators/me/ratings → [{conversationId, score, comment, at}],
// newest first, as stars and the visitor's comment (text only), and their average.

import { isSupervisor } from "./app.js";
import { problemText, siteFetch } from "./api.js";
import { ui } from "./dom.js";
import { language, t, tn } from "./i18n.js";
import { el } from "./view.js";

let request = null; // the load on show

export function bindRatings() {
  ui.myRatings.addEventListener("click", openRatings);
  ui.ratingsClose.addEventListener("click", () => ui.ratingsPanel.close());
  ui.ratingsPanel.addEventListener("close", () => {
    request = null;
  });
}

/** Supervisors take no chats, so they have no ratings of their own. */
export function renderRatingsButton() {
  ui.myRatings.hidden = isSupervisor();
}

export function closeRatings() {
  if (ui.ratingsPanel.open) ui.ratingsPanel.close();
}

async function openRatings() {
  const mine = {};
  request = mine;
  ui.ratingsAverage.textContent = t("ratings.loading");
  ui.ratingsError.hidden = true;
  ui.ratingsList.replaceChildren();
  if (!ui.ratingsPanel.open) ui.ratingsPanel.showModal();
  try {
    const response = await siteFetch("/operators/me/ratings");
    if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
    const body = await response.json().catch(() => null);
    if (request !== mine) return;
    showRatings((Array.isArray(body) ? body : []).filter((r) => r && Number.isFinite(Number(r.score))));
  } catch (error) {
    if (request !== mine) return;
    ui.ratingsAverage.textContent = "";
    ui.ratingsError.textContent = t("ratings.failed", { reason: error.message });
    ui.ratingsError.hidden = false;
  }
}

function showRatings(ratings) {
  if (ratings.length === 0) {
    ui.ratingsAverage.textContent = t("ratings.none");
    ui.ratingsAverage.dataset.average = "";
    return;
  }
  const average = ratings.reduce((sum, r) => sum + clampScore(r.score), 0) / ratings.length;
  const shown = average.toLocaleString(language(), { maximumFractionDigits: 2 });
  ui.ratingsAverage.textContent = t("ratings.average", { average: shown, count: tn("ratings.count", ratings.length) });
  ui.ratingsAverage.dataset.average = String(Math.round(average * 100) / 100);
  const newest = [...ratings].sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
  ui.ratingsList.replaceChildren(...newest.map(ratingItem));
}

function ratingItem(rating) {
  const score = clampScore(rating.score);
  const label = t("ratings.stars", { score });
  const comment = typeof rating.comment === "string" && rating.comment.trim() ? rating.comment : null;
  return el(
    "li",
    { class: "rating", data: { score, conversationId: rating.conversationId } },
    el("span", { class: "rating-stars", text: "★".repeat(score) + "☆".repeat(5 - score), attrs: { title: label, "aria-label": label } }),
    el("time", { class: "rating-time", text: formatWhen(rating.at), attrs: { datetime: rating.at } }),
    comment ? el("p", { class: "rating-comment", text: comment }) : null,
  );
}

function clampScore(score) {
  return Math.min(5, Math.max(0, Math.round(Number(score) || 0)));
}

function formatWhen(at) {
  const date = new Date(at);
  if (!at || Number.isNaN(date.getTime())) return "";
  return date.toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
}
