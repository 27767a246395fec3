// The Call campaigns page's New campaign form and contact list upload (docs/campaigns.md, "In the console"). The form
// starts from the server's defaults for the kind (GET …/campaigns/defaults: the script's prompts, the days before the
// call, the site's time zone) and leaves checking to the server: a 400's reason is shown beside the form and on the
// field it names. The contact file is sent as it is, its type by its extension; the server reads CSV, NDJSON or JSON
// row by row and answers with the counts and the first bad rows.

import { $ } from "./page.js";

/** The fields the create body carries as numbers (empty: left out, the server's default). */
const NUMBERS = ["afterDays", "concurrency", "maxAttempts", "retryMinutes"];
/** The field a refusal's reason starts with, and the input that shows it. */
const REASON_FIELDS = [
  ["name", "campaign-name"], ["kind", "campaign-kind"], ["callingHours.timeZone", "campaign-timeZone"], ["callingHours", "campaign-from"],
  ["concurrency", "campaign-concurrency"], ["maxAttempts", "campaign-maxAttempts"], ["retryMinutes", "campaign-retryMinutes"],
  ["afterDays", "campaign-afterDays"], ["language", "campaign-language"], ["whatsAppTemplate", "campaign-whatsAppTemplate"],
];
const CONTENT_TYPES = { csv: "text/csv", ndjson: "application/x-ndjson", jsonl: "application/x-ndjson", json: "application/json" };

/** Problem documents carry the reason as `title` (and a contact list's counts beside it). */
async function send(current, method, path, body, contentType) {
  const response = await fetch(`/api/sites/${encodeURIComponent(current.site)}/campaigns${path}`, {
    method, body, cache: "no-store",
    headers: { Authorization: `Bearer ${current.token}`, Accept: "application/json", ...(contentType ? { "Content-Type": contentType } : {}) },
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // No JSON: the status says enough.
  }
  return { ok: response.ok, status: response.status, answer: answer ?? {} };
}

export function campaignForm(current, { t, onCreated }) {
  const form = $("campaign-form");
  const toggle = $("campaign-new-toggle");
  let contactsFor = null;

  function field(name) {
    return form.elements.namedItem(name);
  }

  function showKind(kind) {
    for (const node of form.querySelectorAll("[data-kinds]")) node.hidden = !node.dataset.kinds.split(" ").includes(kind);
  }

  function promptInputs(prompts) {
    return Object.entries(prompts).flatMap(([name, text]) => {
      const label = document.createElement("label");
      label.htmlFor = `campaign-prompt-${name}`;
      label.textContent = t(`campaigns.prompt.${name}`);
      const input = document.createElement("textarea");
      input.id = label.htmlFor;
      input.dataset.prompt = name;
      input.rows = 2;
      input.value = text;
      return [label, input];
    });
  }

  /**
   * GET …/defaults, asked again twice a second apart when the server failed (5xx: a gateway restarting, a silo not
   * ready): the form has no prompts until it has them, and a refusal beside an empty form would leave the supervisor
   * to reopen it.
   */
  async function defaults(query) {
    for (let attempt = 1; ; attempt++) {
      const result = await send(current, "GET", `/defaults?${query}`);
      if (result.ok || result.status < 500 || attempt === 3) return result;
      await new Promise((resume) => setTimeout(resume, 1000));
    }
  }

  /** The kind's defaults in the chosen language: prompts replaced, the days and zone only where still empty. */
  async function loadDefaults() {
    const kind = field("kind").value;
    showKind(kind);
    const language = field("language").value;
    const { ok, answer } = await defaults(`kind=${kind}${language ? `&language=${language}` : ""}`);
    if (!ok) {
      showError(answer.title ?? "");
      return;
    }
    $("campaign-prompts").replaceChildren(...promptInputs(answer.prompts));
    if (field("afterDays").value === "") field("afterDays").value = String(answer.afterDays);
    if (!field("timeZone").value) field("timeZone").value = answer.timeZone;
  }

  function clearError() {
    $("campaign-form-error").textContent = "";
    for (const node of form.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      node.setAttribute("aria-describedby", (node.getAttribute("aria-describedby") ?? "").replace("campaign-form-error", "").trim());
      if (!node.getAttribute("aria-describedby")) node.removeAttribute("aria-describedby");
    }
  }

  /** The reason beside the form, and the field it names marked invalid and described by it. */
  function showError(reason) {
    clearError();
    const prompt = /lacks the prompt '(\w+)'/.exec(reason)?.[1];
    const id = prompt ? `campaign-prompt-${prompt}` : REASON_FIELDS.find(([name]) => reason.startsWith(name))?.[1];
    const input = id ? $(id) : null;
    const label = input ? form.querySelector(`label[for="${id}"]`)?.textContent : null;
    $("campaign-form-error").textContent = label ? t("campaigns.form.refusedField", { field: label, reason }) : t("campaigns.form.refused", { reason });
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") ?? ""} campaign-form-error`.trim());
      input.focus();
    }
  }

  function body() {
    const kind = field("kind").value;
    const definition = {
      name: field("name").value.trim(), kind,
      callingHours: { from: field("from").value, to: field("to").value, timeZone: field("timeZone").value.trim() || null },
      language: field("language").value || null,
      prompts: Object.fromEntries([...form.querySelectorAll("textarea[data-prompt]")].map((input) => [input.dataset.prompt, input.value])),
      whatsAppTemplate: kind === "back_in_stock" && field("whatsAppTemplate").value.trim() ? field("whatsAppTemplate").value.trim() : null,
    };
    for (const name of NUMBERS) definition[name] = field(name).value === "" ? null : Number(field(name).value);
    return definition;
  }

  async function create(event) {
    event.preventDefault();
    clearError();
    const definition = body();
    const { ok, answer } = await send(current, "POST", "", JSON.stringify(definition), "application/json");
    if (!ok) {
      showError(answer.title ?? "");
      return;
    }
    openContacts({ id: answer.id, name: definition.name });
    onCreated();
  }

  /** The upload section, for campaign {id, name}. */
  function openContacts(campaign) {
    contactsFor = campaign;
    $("campaign-contacts-title").textContent = t("campaigns.contacts.title", { name: campaign.name });
    $("contacts-summary").textContent = "";
    $("contacts-problems").replaceChildren();
    $("campaign-contacts").hidden = false;
    $("contacts-file").focus();
  }

  async function upload(event) {
    event.preventDefault();
    const file = $("contacts-file").files[0];
    if (!file || !contactsFor) {
      $("contacts-summary").textContent = t("campaigns.contacts.pick");
      return;
    }
    const extension = file.name.split(".").pop().toLowerCase();
    $("contacts-summary").textContent = t("campaigns.contacts.sending", { file: file.name });
    $("contacts-problems").replaceChildren();
    // The file goes as it is: the server reads it row by row, so a long list never passes through this page's memory.
    const { ok, answer } = await send(current, "POST", `/${encodeURIComponent(contactsFor.id)}/contacts`, file, CONTENT_TYPES[extension] ?? "application/json");
    const counts = t("campaigns.contacts.counts", { added: answer.added ?? 0, refused: answer.refused ?? 0, duplicates: answer.duplicates ?? 0 });
    $("contacts-summary").textContent = ok ? counts : t("campaigns.contacts.broken", { reason: answer.title ?? "", counts });
    $("contacts-problems").replaceChildren(...(answer.problems ?? []).map((problem) => {
      const item = document.createElement("li");
      item.textContent = t("campaigns.contacts.problem", { row: problem.row, reason: problem.reason });
      return item;
    }));
    onCreated();
  }

  toggle.addEventListener("click", async () => {
    const opening = form.hidden;
    form.hidden = !opening;
    toggle.setAttribute("aria-expanded", String(opening));
    if (opening && !$("campaign-prompts").childElementCount) await loadDefaults();
    if (opening) field("name").focus();
  });
  field("kind").addEventListener("change", () => {
    field("afterDays").value = "";
    loadDefaults();
  });
  field("language").addEventListener("change", loadDefaults);
  form.addEventListener("submit", create);
  $("contacts-form").addEventListener("submit", upload);

  return { openContacts };
}
