// A new chat announces itself: a short two-tone chime made with WebAudio (no
// sound files) and a desktop Notification when the operator allowed them. Where
// either is unavailable or refused, the console carries on silently.

import { t } from "./i18n.js";
import { visitorName } from "./view.js";

let audio = null; // one AudioContext, created and resumed on a user gesture so browsers let it play
let onOpenChat = () => {};

/** openChat(conversationId) runs when the operator clicks a notification. */
export function bindNotify(openChat) {
  onOpenChat = openChat;
  for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, unlockAudio, { capture: true, passive: true });
}

/** Asks for desktop notifications once, right after signing in, unless already answered. */
export function askNotificationPermission() {
  try {
    if (!("Notification" in window) || Notification.permission !== "default") return;
    const asked = Notification.requestPermission(() => {});
    asked?.catch?.(() => {});
  } catch {
    // Old or embedded browsers: no desktop notifications.
  }
}

export function announceChat(conv) {
  chime();
  showNotification(conv);
}

function unlockAudio() {
  try {
    audio ??= new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === "suspended") audio.resume().catch(() => {});
  } catch {
    audio = null;
  }
}

/** Two short sine tones, rising: about a third of a second. */
function chime() {
  try {
    unlockAudio();
    if (!audio) return;
    const start = audio.currentTime + 0.01;
    [880, 1320].forEach((frequency, i) => {
      const at = start + i * 0.16;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = "sine";
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + 0.16);
    });
  } catch {
    // No audio output: the chat list still shows the new chat.
  }
}

function showNotification(conv) {
  try {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    // The body is plain text to the notification system; the tag keeps one per chat.
    const note = new Notification(t("notify.title"), {
      body: t("notify.body", { name: visitorName(conv.visitor) }),
      tag: `switchboard-chat-${conv.id}`,
    });
    note.onclick = () => {
      window.focus();
      onOpenChat(conv.id);
      note.close();
    };
  } catch {
    // Some mobile browsers only notify through a service worker.
  }
}
