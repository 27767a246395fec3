// The supervisors' Reports page: filters, the report as a table, three charts (load, service level, first response
// by operator) and the same report as CSV, all from GET /api/sites/{site}/reports (docs/reports.md). It uses the
// console's saved session and language, and draws its charts as SVG elements (no inline styles: the console's policy).

import { $, consolePage, session } from "./page.js";
import { reportStrings } from "./strings-reports.js";

const SVG = "http://www.w3.org/2000/svg";
const FIGURES = [
  "offered", "answered", "missed", "firstResponseAverage", "firstResponseP90", "waitAverage", "waitP90", "handleAverage",
  "serviceLevel", "ratings", "csat", "dsat", "invitedShare", "orders", "conversion",
];

const { lang, t, translate } = consolePage(reportStrings);

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function queryString(extra = {}) {
  const values = {
    from: $("report-from").value, to: $("report-to").value, granularity: $("report-granularity").value,
    groupBy: $("report-group").value, queue: $("report-queue").value.trim(), operator: $("report-operator").value.trim(),
    channel: $("report-channel").value.trim(), tag: $("report-tag").value.trim(), ...extra,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params.toString();
}

async function fetchReport(current, query, accept = "application/json") {
  const response = await fetch(`/api/sites/${encodeURIComponent(current.site)}/reports?${query}`, {
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

function periodLabel(period, granularity) {
  const text = String(period);
  return granularity === "hour" ? text.slice(5, 16).replace("T", " ") : text.slice(0, 10);
}

function drawTable(report) {
  const grouped = report.query.groupBy ?? [];
  const head = document.createElement("tr");
  for (const key of ["period", ...grouped, ...FIGURES]) {
    const cell = document.createElement("th");
    cell.textContent = key === "period" || FIGURES.includes(key) ? t(`reports.col.${key}`) : t(`reports.${key}`);
    head.append(cell);
  }
  $("report-table").tHead.replaceChildren(head);
  const rows = report.rows.map((row) => {
    const line = document.createElement("tr");
    const cells = [periodLabel(row.period, report.query.granularity), ...grouped.map((d) => row[d] || t("reports.nobody")), ...FIGURES.map((f) => row[f] ?? "—")];
    for (const value of cells) {
      const cell = document.createElement("td");
      cell.textContent = String(value);
      line.append(cell);
    }
    return line;
  });
  $("report-table").tBodies[0].replaceChildren(...rows);
}

/** Vertical bars of value per label, scaled to the largest (or to max when given). */
function drawBars(svg, points, max) {
  const width = 300;
  const height = 150;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const top = max ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const slot = width / Math.max(1, points.length);
  const nodes = points.flatMap((point, i) => {
    const bar = document.createElementNS(SVG, "rect");
    const barHeight = ((point.value ?? 0) / top) * (height - 20);
    bar.setAttribute("class", "bar");
    bar.setAttribute("x", String(i * slot + slot * 0.1));
    bar.setAttribute("width", String(slot * 0.8));
    bar.setAttribute("y", String(height - 12 - barHeight));
    bar.setAttribute("height", String(barHeight));
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${point.label}: ${point.value ?? "—"}`;
    bar.append(title);
    if (points.length > 16) return [bar];
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("class", "label");
    label.setAttribute("x", String(i * slot + slot / 2));
    label.setAttribute("y", String(height - 2));
    label.setAttribute("text-anchor", "middle");
    label.textContent = point.label;
    return [bar, label];
  });
  svg.replaceChildren(...nodes);
}

function periodTotals(report) {
  const totals = new Map();
  for (const row of report.rows) {
    const label = periodLabel(row.period, report.query.granularity);
    const sum = totals.get(label) ?? { offered: 0, answered: 0, slWeighted: 0 };
    sum.offered += row.offered;
    sum.answered += row.answered;
    sum.slWeighted += (row.serviceLevel ?? 0) * row.offered;
    totals.set(label, sum);
  }
  return [...totals].map(([label, sum]) => ({ label, ...sum }));
}

async function show(current) {
  $("report-status").textContent = t("reports.loading");
  try {
    const report = await (await fetchReport(current, queryString())).json();
    const byOperator = await (await fetchReport(current, queryString({ granularity: "total", groupBy: "operator" }))).json();
    drawTable(report);
    const totals = periodTotals(report);
    drawBars($("chart-load"), totals.map((p) => ({ label: p.label, value: p.offered })));
    drawBars($("chart-sl"), totals.map((p) => ({ label: p.label, value: p.offered ? Math.round(p.slWeighted / p.offered) : null })), 100);
    drawBars($("chart-afr"), byOperator.rows.filter((row) => row.operator).map((row) => ({ label: row.operator, value: row.firstResponseAverage })));
    $("report-status").textContent = report.rows.length === 0 ? t("reports.empty") : t("reports.zone", {
      rows: report.rows.length, zone: report.timeZone, target: report.serviceLevelSeconds, hours: report.conversionHours,
    });
  } catch (error) {
    $("report-status").textContent = t("reports.failed", { reason: error.message });
  }
}

async function downloadCsv(current) {
  try {
    const blob = await (await fetchReport(current, queryString({ format: "csv" }), "text/csv")).blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `report-${$("report-from").value}-${$("report-to").value}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    $("report-status").textContent = t("reports.failed", { reason: error.message });
  }
}

function start() {
  translate({ titleKey: "reports.title" });
  const current = session();
  if (!current) {
    $("report-status").textContent = t("reports.signIn");
    return;
  }
  const today = new Date();
  $("report-to").value = isoDate(today);
  $("report-from").value = isoDate(new Date(today.getTime() - 6 * 86_400_000));
  $("report-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    show(current);
  });
  $("report-csv").addEventListener("click", () => downloadCsv(current));
  show(current);
}

start();
