// Files in the console: attach by button, paste or drop into the reply box; each uploads at once with a progress
// bar (XHR, for upload progress); the next reply carries the uploaded ones. Messages show photos as thumbnails that
// open the full image here, video as a player behind its first frame, other files as a named link with their size. Only the gateway's own
// paths are shown; links come signed in the frames (they open without a header, as <img> and <a> need).

import { app, rerender, selectedConversation } from "./app.js";
import { ui } from "./dom.js";
import { el } from "./view.js";

const trays = new Map(); // conversation id → [{file, node, id?, xhr?}]
let viewer = null;
const SVG = "http://www.w3.org/2000/svg";

export function bindAttachments() {
  const input = el("input", { attrs: { type: "file", multiple: true, hidden: true,
    accept: "image/jpeg,image/png,image/webp,image/gif,image/heic,video/mp4,application/pdf" } });
  const button = el("button", { class: "attach", attrs: { type: "button", title: "Attach files", "aria-label": "Attach files" },
    on: { click: () => input.click() } }, paperclip());
  input.addEventListener("change", () => { addFiles(input.files); input.value = ""; });
  ui.send.before(button, input);
  ui.replyForm.prepend(el("div", { class: "upload-tray", attrs: { id: "upload-tray", hidden: true } }));
  ui.reply.addEventListener("paste", (event) => {
    if (!event.clipboardData?.files.length) return;
    event.preventDefault();
    addFiles(event.clipboardData.files);
  });
  for (const zone of [ui.replyForm, ui.messages]) {
    zone.addEventListener("dragover", (event) => event.preventDefault());
    zone.addEventListener("drop", (event) => { event.preventDefault(); addFiles(event.dataTransfer?.files); });
  }
  viewer = el("dialog", { class: "image-viewer", on: { click: () => viewer.close() } }, el("img", { attrs: { alt: "" } }));
  document.body.append(viewer);
}

/** Shows the selected conversation's tray (uploads belong to the conversation they were made for). */
export function renderUploads(conv) {
  const tray = document.getElementById("upload-tray");
  if (!tray) return;
  const items = conv ? trays.get(conv.id) ?? [] : [];
  tray.replaceChildren(...items.map((item) => item.node));
  tray.hidden = items.length === 0;
}

/** True while a file of this conversation is still uploading: the reply waits for it. */
export function uploading(conversationId) {
  return (trays.get(conversationId) ?? []).some((item) => !item.id && !item.failed);
}

/** The uploaded ids for the next reply, and the tray emptied. */
export function takeUploads(conversationId) {
  const ids = (trays.get(conversationId) ?? []).map((item) => item.id);
  trays.delete(conversationId);
  return ids;
}

function addFiles(files) {
  const conv = selectedConversation();
  if (!conv || conv.status === "closed" || !files?.length) return;
  const tray = trays.get(conv.id) ?? [];
  trays.set(conv.id, tray);
  for (const file of files) {
    const bar = el("progress", { attrs: { max: 1, value: 0 } });
    const item = { file };
    item.node = el("div", { class: "upload", text: file.name }, bar,
      el("button", { class: "upload-remove", text: "✕", attrs: { type: "button" }, on: { click: () => remove(conv.id, item) } }));
    tray.push(item);
    upload(conv.id, item, bar);
  }
  rerender();
}

function upload(conversationId, item, bar) {
  const body = new FormData();
  body.append("file", item.file, item.file.name);
  body.append("conversationId", conversationId);
  const xhr = (item.xhr = new XMLHttpRequest());
  xhr.open("POST", `/api/sites/${encodeURIComponent(app.session.site)}/attachments`);
  xhr.setRequestHeader("Authorization", `Bearer ${app.session.token}`);
  xhr.upload.onprogress = (event) => { if (event.lengthComputable) bar.value = event.loaded / event.total; };
  xhr.onload = () => {
    let answer = {};
    try { answer = JSON.parse(xhr.responseText); } catch { /* not problem details: the status says enough */ }
    if (xhr.status !== 201 || typeof answer.id !== "string") return fail(item, answer.title ?? String(xhr.status));
    item.id = answer.id;
    bar.value = 1;
    item.node.classList.add("done");
    rerender();
  };
  xhr.onerror = () => fail(item, "network");
  xhr.send(body);
}

function fail(item, reason) {
  item.node.classList.add("failed");
  item.node.title = reason;
  item.node.firstChild.textContent = `${item.file.name} — ${reason}`;
  item.failed = true;
  item.id = null; // a refused file stays in the tray with its reason until removed; it is not sent
  rerender();
}

function remove(conversationId, item) {
  if (!item.id) item.xhr?.abort();
  trays.set(conversationId, (trays.get(conversationId) ?? []).filter((x) => x !== item));
  rerender();
}

const size = (n) => (n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);
// Signed links only: the bare paths of a REST transcript (previous chats) open with a header, which <img> cannot send.
const own = (path) => (typeof path === "string" && path.startsWith("/api/sites/") && path.includes("?t=") ? path : null);

/** A message's files as nodes for its bubble; none when it carries none. */
export function attachmentNodes(files) {
  if (!Array.isArray(files) || files.length === 0) return null;
  return el("div", { class: "attachments" }, ...files.map(fileNode));
}

function fileNode(file) {
  const url = own(file?.url);
  const thumbnail = own(file?.thumbnailUrl);
  if (!url) return el("span", { class: "attachment-file" }, paperclip(), ` ${file?.name ?? ""} (${size(Number(file?.size) || 0)})`);
  // A video the server made a first frame of plays here; one it could not (no ffmpeg there) is a named link below.
  if (thumbnail && file.contentType === "video/mp4") {
    return el("video", { class: "attachment-video", attrs: { src: url, poster: thumbnail, controls: true, preload: "none" } });
  }
  if (thumbnail) {
    return el("button", { class: "attachment-image", attrs: { type: "button", title: file.name }, on: { click: () => openImage(url, file.name) } },
      el("img", { attrs: { src: thumbnail, alt: String(file.name ?? ""), loading: "lazy" } }));
  }
  return el("a", { class: "attachment-file", attrs: { href: url, download: String(file.name ?? "") } },
    paperclip(), ` ${file.name ?? ""} (${size(Number(file.size) || 0)})`);
}

/** A paperclip drawn inline rather than the emoji, which shows as an empty box where no emoji font is installed. */
function paperclip() {
  const icon = document.createElementNS(SVG, "svg");
  for (const [name, value] of Object.entries({ class: "paperclip", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" })) {
    icon.setAttribute(name, value);
  }
  const clip = document.createElementNS(SVG, "path");
  clip.setAttribute("d", "M16.5 6.5v9a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10a1.5 1.5 0 0 1-3 0V6.5");
  icon.append(clip);
  return icon;
}

function openImage(url, name) {
  const image = viewer.querySelector("img");
  image.src = url;
  image.alt = String(name ?? "");
  viewer.showModal();
}
