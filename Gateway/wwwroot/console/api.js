// HTTP calls to the gateway with the operator's token, and their problem details.

import { app } from "./app.js";
import { t } from "./i18n.js";
import { setQueueNames } from "./view.js";

/** "title: detail" from an RFC 7807 problem, or a generic line when there is none. */
export async function problemText(response, fallback = t("login.failed")) {
  const problem = await readProblem(response);
  const parts = [problem?.title, problem?.detail].filter((part) => typeof part === "string" && part);
  if (parts.length === 2 && parts[0] === parts[1]) parts.pop();
  return parts.length > 0 ? parts.join(": ") : `${fallback} (${response.status})`;
}

/** The problem details object of a failed response, or {} when the body is not JSON. */
export async function readProblem(response) {
  try {
    return (await response.json()) ?? {};
  } catch {
    return {}; // Not JSON: callers fall back to a generic text.
  }
}

/**
 * fetch() for /api/sites/{site}/… with the session's token. Network failures throw
 * Error(login.network); the response is returned whatever its status.
 */
export async function siteFetch(path, options = {}) {
  const headers = { Authorization: `Bearer ${app.session.token}`, Accept: "application/json", ...options.headers };
  try {
    return await fetch(`/api/sites/${encodeURIComponent(app.session.site)}${path}`, { cache: "no-store", ...options, headers });
  } catch {
    throw new Error(t("login.network"));
  }
}

/** GET /api/sites/{site}/directory: {queues: [{id, name}], operators: [{id, name, status}]}. */
export async function fetchDirectory() {
  const response = await siteFetch("/directory");
  if (response.status === 401) throw new Error(t("login.expired"));
  if (!response.ok) throw new Error(await problemText(response, t("error.unknown")));
  const directory = await response.json();
  setQueueNames(Array.isArray(directory?.queues) ? directory.queues : []);
  return directory;
}

let directoryRequested = false;

export function resetQueueNames() {
  directoryRequested = false;
}

/**
 * Queue names for the chat header and transfer lines; the ids do until they arrive.
 * Resolves true once they have been loaded by this call.
 */
export async function loadQueueNames() {
  if (directoryRequested || !app.session) return false;
  directoryRequested = true;
  try {
    await fetchDirectory();
    return true;
  } catch {
    directoryRequested = false; // try again after the next welcome
    return false;
  }
}
