// The transfer dialog: pick an online colleague or a queue, add a note, send
// `transfer`; the answer is the `transferred` event or an error without an id.

import { app, selectedConversation } from "./app.js";
import { fetchDirectory } from "./api.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";
import { errorText } from "./view.js";

export function bindTransfer() {
  ui.transfer.addEventListener("click", openTransfer);
  ui.transferCancel.addEventListener("click", closeTransfer);
  ui.transferTarget.addEventListener("change", renderTransfer);
  ui.transferForm.addEventListener("submit", (event) => {
    event.preventDefault();
    confirmTransfer();
  });
  // Escape closes the dialog natively.
  ui.transferDialog.addEventListener("close", () => {
    app.transfer = null;
  });
}

async function openTransfer() {
  const conv = selectedConversation();
  if (!conv || conv.status === "closed" || ui.transferDialog.open) return;
  const mine = { conversationId: conv.id, loading: true, sending: false, error: null };
  app.transfer = mine;
  ui.transferNote.value = "";
  fillTargets(null);
  renderTransfer();
  ui.transferDialog.showModal();
  try {
    const directory = await fetchDirectory();
    if (app.transfer !== mine) return;
    fillTargets(directory);
  } catch (error) {
    if (app.transfer !== mine) return;
    mine.error = t("transfer.loadFailed", { reason: error.message });
  }
  mine.loading = false;
  renderTransfer();
  if (!mine.error) ui.transferTarget.focus();
}

function fillTargets(directory) {
  const placeholder = new Option(t(directory ? "transfer.choose" : "transfer.loading"), "");
  placeholder.disabled = true;
  placeholder.selected = true;
  const groups = [];
  const operators = (Array.isArray(directory?.operators) ? directory.operators : []).filter(
    (op) => op?.id && op.id !== app.session.operator.id,
  );
  if (operators.length > 0) {
    groups.push(
      optionGroup(
        t("transfer.operators"),
        operators.map((op) => {
          const status = t(`status.${op.status}`);
          const label = op.status && !status.startsWith("status.")
            ? t("transfer.operator", { name: op.name || op.id, status })
            : String(op.name || op.id);
          return new Option(label, `operator:${op.id}`);
        }),
      ),
    );
  }
  const queues = (Array.isArray(directory?.queues) ? directory.queues : []).filter((q) => q?.id);
  if (queues.length > 0) {
    groups.push(optionGroup(t("transfer.queues"), queues.map((q) => new Option(q.name || q.id, `queue:${q.id}`))));
  }
  ui.transferTarget.replaceChildren(placeholder, ...groups);
}

function optionGroup(label, options) {
  const group = document.createElement("optgroup");
  group.label = label;
  group.append(...options);
  return group;
}

function confirmTransfer() {
  const transfer = app.transfer;
  const value = ui.transferTarget.value;
  const split = value.indexOf(":");
  if (!transfer || transfer.sending || split < 0) return;
  const kind = value.slice(0, split);
  const frame = { type: "transfer", conversationId: transfer.conversationId };
  frame[kind === "operator" ? "toOperator" : "toQueue"] = value.slice(split + 1);
  const note = ui.transferNote.value.trim();
  if (note) frame.note = note;
  if (app.socket?.send(frame)) {
    transfer.sending = true;
    transfer.error = null;
  } else {
    transfer.error = t("transfer.offline");
  }
  renderTransfer();
}

/** Whether a transfer has been sent and waits for its answer. */
export function transferWaiting(conversationId) {
  return Boolean(app.transfer?.sending) && (conversationId === undefined || app.transfer.conversationId === conversationId);
}

// The transfer frame carries no client id: an error without one, while a transfer waits, is its answer.
export function failTransfer(frame) {
  app.transfer.sending = false;
  const reason = [errorText(frame.code), frame.message].filter(Boolean).join(": ");
  app.transfer.error = t("transfer.failed", { reason });
}

export function closeTransfer() {
  app.transfer = null;
  if (ui.transferDialog.open) ui.transferDialog.close();
}

export function renderTransfer() {
  const transfer = app.transfer;
  if (!transfer) return;
  ui.transferError.hidden = !transfer.error;
  ui.transferError.textContent = transfer.error ?? "";
  ui.transferTarget.disabled = transfer.loading || transfer.sending;
  ui.transferNote.disabled = transfer.sending;
  ui.transferConfirm.disabled =
    transfer.loading || transfer.sending || !ui.transferTarget.value || app.connectionState !== "online";
  ui.transferConfirm.textContent = t(transfer.sending ? "transfer.sending" : "transfer.confirm");
}
