// The sign-in screen: POST /api/auth/login, then the console starts. A supervisor's sign-in also
// gets the cluster dashboard's cookie (HttpOnly, so only POST /api/auth/logout can take it away).

import { app } from "./app.js";
import { problemText } from "./api.js";
import { ui } from "./dom.js";
import { t } from "./i18n.js";
import { saveSession } from "./session.js";

/** onSignedIn runs after a successful sign-in, with app.session set. */
export function bindLogin(onSignedIn) {
  ui.loginForm.addEventListener("submit", (event) => {
    event.preventDefault();
    signIn(onSignedIn);
  });
}

async function signIn(onSignedIn) {
  const credentials = {
    site: ui.loginSite.value.trim() || "demo",
    login: ui.loginName.value.trim(),
    password: ui.loginPassword.value,
  };
  showLoginError(null);
  setSigningIn(true);
  try {
    const response = await fetch("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) {
      showLoginError(await problemText(response));
      return;
    }
    const { token, operator, dashboard } = await response.json();
    if (openDashboardInstead(operator, dashboard)) return;
    app.session = { site: credentials.site, token, operator, dashboard: dashboardPath(dashboard), read: {} };
    saveSession();
    ui.loginPassword.value = "";
    onSignedIn();
  } catch {
    showLoginError(t("login.network"));
  } finally {
    setSigningIn(false);
  }
}

/**
 * The operations account has no console (it belongs to no site): its sign-in set the dashboard's cookie, so the
 * browser goes straight to the cluster dashboard. Signing in as anyone else on this browser clears the cookie.
 */
function openDashboardInstead(operator, dashboard) {
  const path = dashboardPath(dashboard);
  if (operator?.role !== "operations" || !path) return false;
  ui.loginPassword.value = "";
  location.assign(`${path}/`);
  return true;
}

/** The dashboard's path from the sign-in response: a path on this gateway, or null. */
function dashboardPath(path) {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") ? path : null;
}

/** Tells the gateway to clear the dashboard's cookie; the console is signed out whether or not it answers. */
/** With the token, the gateway also revokes every token of the operator and closes their other consoles. */
export function signOutOfDashboard(token) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  fetch("/api/auth/logout", { method: "POST", keepalive: true, headers }).catch(() => {});
}

export function setSigningIn(busy) {
  ui.loginSubmit.disabled = busy;
  ui.loginSubmit.textContent = t(busy ? "login.busy" : "login.submit");
}

function showLoginError(text) {
  ui.loginError.textContent = text ?? "";
  ui.loginError.hidden = !text;
}

export function showLogin(message) {
  ui.app.hidden = true;
  ui.loginScreen.hidden = false;
  document.title = t("app.title");
  showLoginError(message);
  (ui.loginName.value ? ui.loginPassword : ui.loginName).focus();
}
