// The Monitor's "Call campaigns in progress" table: the site's running and paused campaigns with their live counts
// (GET /api/sites/{site}/campaigns, docs/campaigns.md), read every two seconds while a supervisor has the Monitor in
// front of them and not at all otherwise. The Call campaigns page (campaigns.html) steers them.

import { siteFetch } from "./api.js";
import { language, t } from "./i18n.js";
import { el } from "./view.js";
import { syncKeyed } from "./monitor-view.js";

const REFRESH_MS = 2000;
const SHOWN = new Set(["running", "paused"]);
const COUNTS = ["calling", "answered", "yes", "no", "failed", "remaining"];

let timer = null;
let campaigns = [];
let drawnLanguage = null;

/** Called on every render of the Monitor: polls while it is shown, stops when it is not. */
export function renderMonitorCampaigns(showing) {
  if (!showing) {
    stop();
    return;
  }
  if (timer === null) {
    timer = setInterval(refresh, REFRESH_MS);
    refresh();
  }
  if (drawnLanguage !== language()) draw();
}

export function resetMonitorCampaigns() {
  stop();
  campaigns = [];
  draw();
}

function stop() {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

async function refresh() {
  try {
    const response = await siteFetch("/campaigns");
    // 403 for a supervisor of a site without campaigns is not expected; any failure keeps the last figures.
    if (!response.ok) return;
    const body = await response.json();
    campaigns = Array.isArray(body) ? body.filter((c) => c && typeof c === "object" && SHOWN.has(c.status)) : [];
  } catch {
    return;
  }
  draw();
}

function draw() {
  drawnLanguage = language();
  const box = document.getElementById("monitor-campaigns-box");
  if (!box) return;
  box.hidden = campaigns.length === 0;
  syncKeyed(box.querySelector("tbody"), campaigns, { key: (c) => c.id, build: row });
}

function row(campaign) {
  const counts = campaign.counts ?? {};
  return el(
    "tr",
    { data: { campaign: String(campaign.id) } },
    el("td", { class: "name", text: String(campaign.name ?? "") }),
    el("td", { class: "state", text: t(`monitor.campaign.${campaign.status}`) }),
    ...COUNTS.map((name) => el("td", { data: { count: name }, text: String(Number(counts[name]) || 0) })),
  );
}
