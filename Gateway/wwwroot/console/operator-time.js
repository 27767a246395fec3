// The operators' time section of the Reports page: per operator and period, time online, away, offline, in chats
// and at full capacity, and the share of time online with a free seat, from GET /api/sites/{site}/reports/operator-time
// (docs/reports.md, "Operators' time"). It follows the page's own filters (range, periods, operator) and its Show button.

import { $, consolePage, session } from "./page.js";
import { operatorTimeStrings } from "./strings-operator-time.js";

const COLUMNS = ["period", "operator", "online", "away", "offline", "inChats", "atFullCapacity", "freeSeatShare"];
const DURATIONS = new Set(["online", "away", "offline", "inChats", "atFullCapacity"]);

const { t, translate } = consolePage(operatorTimeStrings);

/** h:mm from seconds. */
function hoursMinutes(seconds) {
  const minutes = Math.round((Number(seconds) || 0) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

function queryString(extra = {}) {
  const values = {
    from: $("report-from").value, to: $("report-to").value, granularity: $("report-granularity").value,
    operator: $("report-operator").value.trim(), ...extra,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params.toString();
}

async function fetchTime(current, query, accept = "application/json") {
  const response = await fetch(`/api/sites/${encodeURIComponent(current.site)}/reports/operator-time?${query}`, {
    headers: { Authorization: `Bearer ${current.token}`, Accept: accept }, cache: "no-store",
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

function cellText(column, row, granularity) {
  const value = row[column];
  if (column === "period") return granularity === "hour" ? String(value).slice(5, 16).replace("T", " ") : String(value).slice(0, 10);
  if (DURATIONS.has(column)) return hoursMinutes(value);
  return value ?? "—";
}

function draw(report) {
  const head = document.createElement("tr");
  for (const column of COLUMNS) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = t(`time.col.${column}`);
    head.append(cell);
  }
  $("operator-time-table").tHead.replaceChildren(head);
  $("operator-time-table").tBodies[0].replaceChildren(...report.rows.map((row) => {
    const line = document.createElement("tr");
    line.dataset.operator = row.operator;
    for (const column of COLUMNS) {
      const cell = document.createElement("td");
      cell.className = column;
      cell.textContent = String(cellText(column, row, report.query.granularity));
      line.append(cell);
    }
    return line;
  }));
  $("operator-time-status").textContent = report.rows.length === 0 ? t("time.empty") : t("time.rows", { rows: report.rows.length, zone: report.timeZone });
}

async function show(current) {
  $("operator-time-status").textContent = t("time.loading");
  try {
    draw(await (await fetchTime(current, queryString())).json());
  } catch (error) {
    $("operator-time-status").textContent = t("time.failed", { reason: error.message });
  }
}

async function downloadCsv(current) {
  try {
    const blob = await (await fetchTime(current, queryString({ format: "csv" }), "text/csv")).blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `operator-time-${$("report-from").value}-${$("report-to").value}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    $("operator-time-status").textContent = t("time.failed", { reason: error.message });
  }
}

function start() {
  translate({ attribute: "i18n-time" });
  const current = session();
  if (!current) return;
  $("report-filters").addEventListener("submit", () => show(current));
  $("operator-time-csv").addEventListener("click", () => downloadCsv(current));
  // reports.js fills the range in as it starts: modules run in order, so it has by now.
  show(current);
}

start();
