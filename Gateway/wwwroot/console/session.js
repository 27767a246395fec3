// The signed-in operator, kept in localStorage so a reload does not sign out.

import { app } from "./app.js";

const SESSION_KEY = "switchboard:console";
let savedRead = "";

export function loadSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (!saved?.token || !saved?.operator?.id) return null;
    return { read: {}, ...saved };
  } catch {
    return null;
  }
}

export function saveSession() {
  localStorage.setItem(SESSION_KEY, JSON.stringify(app.session));
}

export function clearSession() {
  localStorage.removeItem(SESSION_KEY);
}

/** What the store's read positions were when last saved, so unchanged ones are not written again. */
export function rememberSavedRead() {
  savedRead = JSON.stringify(app.store.read);
}

// Read positions ride along with the session so a reload does not bring back old badges.
export function saveReadPositions() {
  const read = JSON.stringify(app.store.read);
  if (read === savedRead) return;
  savedRead = read;
  app.session.read = app.store.read;
  saveSession();
}
