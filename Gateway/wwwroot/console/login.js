// The sign-in screen: POST /api/auth/login, then the console starts.

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
    const { token, operator } = await response.json();
    app.session = { site: credentials.site, token, operator, read: {} };
    saveSession();
    ui.loginPassword.value = "";
    onSignedIn();
  } catch {
    showLoginError(t("login.network"));
  } finally {
    setSigningIn(false);
  }
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
