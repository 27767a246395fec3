// The supervisors' Call campaigns page: the site's campaigns with their live counts (GET /api/sites/{site}/campaigns,
// read again every second while the page is shown), start/pause/resume/stop, and each campaign's results as CSV
// (docs/campaigns.md); the New campaign form and the contact list upload are campaign-form.js. It uses the console's
// saved session and language (page.js), like the Reports page.

import { $, consolePage, session } from "./page.js";
import { campaignForm } from "./campaign-form.js";
import { campaignStrings } from "./strings-campaigns.js";

const REFRESH_MS = 1000;
const COUNTS = ["queued", "calling", "answered", "yes", "no", "refused", "failed", "remaining"];
/** The lifecycle steps each status allows (the campaign grain refuses the others with 409). */
const ACTIONS = { draft: ["start", "stop"], running: ["pause", "stop"], paused: ["resume", "stop"], stopped: [], done: [] };
/** A stopped campaign takes no contacts (409); contacts added to a done one make it run again. */
const TAKES_CONTACTS = new Set(["draft", "running", "paused", "done"]);

const { lang, t, translate } = consolePage(campaignStrings);

async function call(current, method, path, accept = "application/json") {
  const response = await fetch(`/api/sites/${encodeURIComponent(current.site)}/campaigns${path}`, {
    method, headers: { Authorization: `Bearer ${current.token}`, Accept: accept }, cache: "no-store",
  });
  if (!response.ok) {
    let reason = String(response.status);
    try {
      reason = (await response.json()).title ?? reason;
    } catch {
      // Not a problem document: the status says enough.
    }
    throw new Error(reason);
  }
  return response;
}

function cell(text, name) {
  const node = document.createElement("td");
  if (name) node.dataset.count = name;
  node.textContent = text;
  return node;
}

let form = null;

function newRow(current, campaign) {
  const row = document.createElement("tr");
  row.dataset.campaign = campaign.id;
  row.append(cell(campaign.name), cell(t(`campaigns.kind.${campaign.kind}`)), cell(""), ...COUNTS.map((name) => cell("0", name)));
  const actions = document.createElement("td");
  actions.className = "actions";
  row.append(actions);
  row.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button) act(current, campaign, button.dataset.action);
  });
  return row;
}

function button(action) {
  const node = document.createElement("button");
  node.type = "button";
  node.dataset.action = action;
  node.textContent = t(`campaigns.${action}`);
  return node;
}

function actionButtons(campaign) {
  const buttons = (ACTIONS[campaign.status] ?? []).map(button);
  if (TAKES_CONTACTS.has(campaign.status)) buttons.push(button("contacts"));
  return [...buttons, button("csv")];
}

function update(row, campaign) {
  const status = row.cells[2];
  if (status.dataset.status !== campaign.status) {
    status.dataset.status = campaign.status;
    status.textContent = t(`campaigns.status.${campaign.status}`);
    row.cells[row.cells.length - 1].replaceChildren(...actionButtons(campaign));
  }
  for (const name of COUNTS) row.querySelector(`td[data-count="${name}"]`).textContent = String(campaign.counts[name]);
}

function draw(current, campaigns) {
  const body = $("campaigns-table").tBodies[0];
  const rows = new Map([...body.rows].map((row) => [row.dataset.campaign, row]));
  const ordered = campaigns.map((campaign) => {
    const row = rows.get(campaign.id) ?? newRow(current, campaign);
    update(row, campaign);
    return row;
  });
  body.replaceChildren(...ordered);
  $("campaigns-status").textContent = campaigns.length === 0
    ? t("campaigns.none")
    : t("campaigns.updated", { count: campaigns.length, time: new Date().toLocaleTimeString(lang) });
}

async function refresh(current) {
  try {
    draw(current, await (await call(current, "GET", "")).json());
  } catch (error) {
    $("campaigns-status").textContent = t("campaigns.failed", { reason: error.message });
  }
}

async function act(current, campaign, action) {
  const id = campaign.id;
  try {
    if (action === "contacts") {
      form.openContacts(campaign);
      return;
    }
    if (action === "csv") {
      const blob = await (await call(current, "GET", `/${encodeURIComponent(id)}/results.csv`, "text/csv")).blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `campaign-${id}-results.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
      return;
    }
    await call(current, "POST", `/${encodeURIComponent(id)}/${action}`);
    await refresh(current);
  } catch (error) {
    $("campaigns-status").textContent = t("campaigns.actionFailed", { action: t(`campaigns.${action}`), reason: error.message });
  }
}

async function poll(current) {
  if (!document.hidden) await refresh(current);
  setTimeout(() => poll(current), REFRESH_MS);
}

function start() {
  translate({ titleKey: "campaigns.title" });
  const current = session();
  if (!current) {
    $("campaigns-status").textContent = t("campaigns.signIn");
    return;
  }
  form = campaignForm(current, { t, onCreated: () => refresh(current) });
  poll(current);
}

start();
