// The channel a chat takes place in (web, a messenger, phone, e-mail, a form): its name in the console's language
// and its badge, an icon drawn as SVG shapes. Builds its own nodes rather than through view.js's `el`, which uses it.

import { t } from "./i18n.js";

/**
 * Each channel's icon as SVG shapes on a 16×16 grid, drawn in the badge's colour: emoji and symbol glyphs depend on
 * the fonts a machine has (a Linux desktop without an emoji font showed empty boxes), shapes do not.
 */
const channelIcons = {
  web: [["circle", { cx: 8, cy: 8, r: 6.5 }], ["ellipse", { cx: 8, cy: 8, rx: 2.8, ry: 6.5 }], ["path", { d: "M1.5 8h13" }]],
  telegram: [["path", { d: "M14.5 1.5 1.5 7l5 2 2 5.5z" }], ["path", { d: "M14.5 1.5 6.5 9" }]],
  whatsapp: [["path", { d: "M8 1.5a6.5 6.5 0 1 1-3.2 12.2L1.5 14.5l.9-3.1A6.5 6.5 0 0 1 8 1.5z" }]],
  vk: [["rect", { x: 0.75, y: 3, width: 14.5, height: 10, rx: 2 }], ["text", { x: 8, y: 10.5, "text-anchor": "middle", "font-size": 6.5, "font-weight": 700, fill: "currentColor", stroke: "none" }, "VK"]],
  phone: [["path", { d: "M3 1.5h3l1.2 3.3-1.8 1.2a8 8 0 0 0 4.6 4.6l1.2-1.8 3.3 1.2v3a1.5 1.5 0 0 1-1.5 1.5A12.5 12.5 0 0 1 1.5 3 1.5 1.5 0 0 1 3 1.5z" }]],
  email: [["rect", { x: 1.5, y: 3.5, width: 13, height: 9, rx: 1 }], ["path", { d: "m1.5 4.5 6.5 4.5 6.5-4.5" }]],
  form: [["path", { d: "M3.5 1.5h6l3 3v10h-9z" }], ["path", { d: "M5.5 7.5h5M5.5 10h5M5.5 12.5h3" }]],
};

const svgNamespace = "http://www.w3.org/2000/svg";

function channelIcon(shapes) {
  const svg = document.createElementNS(svgNamespace, "svg");
  for (const [name, value] of Object.entries({ viewBox: "0 0 16 16", width: 14, height: 14, fill: "none", stroke: "currentColor", "stroke-width": 1.4, "stroke-linejoin": "round", "aria-hidden": "true" })) {
    svg.setAttribute(name, String(value));
  }
  for (const [tag, attrs, text] of shapes) {
    const shape = document.createElementNS(svgNamespace, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, String(value));
    if (text) shape.textContent = text;
    svg.append(shape);
  }
  return svg;
}

/** The channel's name in the console's language (web chats from before channels count as web). */
export function channelName(channel) {
  return t(`channel.${Object.hasOwn(channelIcons, channel) ? channel : "web"}`);
}

/** The channel a chat takes place in, as a small icon with its name on hover. */
export function channelBadge(channel) {
  const known = Object.hasOwn(channelIcons, channel) ? channel : "web";
  const name = channelName(known);
  const badge = document.createElement("span");
  badge.className = `chat-channel channel-${known}`;
  for (const [attr, value] of Object.entries({ title: name, "aria-label": name, role: "img" })) badge.setAttribute(attr, value);
  badge.append(channelIcon(channelIcons[known]));
  return badge;
}
