// Warns before a signed-in session ends, and lets the practitioner carry on with one tap.
//
// The server writes the dialog (plan_builder/includes/session_timeout.html) in the page's
// language and says in data attributes how long the session lasts from this page's request
// and how long before its end to warn. "Stay signed in" posts to the plan builder, which
// renews the session; "Sign out" signs out. Escape counts as staying: whoever pressed it is
// there. If the session ends anyway the dialog says so; a form sent after that is kept on the
// server and given back after signing in (plan_builder/views/session.py). Nothing is kept in
// the browser.
//
// Other tabs of the plan builder are told when the session is renewed (a page loaded there
// renews it too), so a tab left open does not warn about a session that is still alive.

const CHANNEL = "plan-builder-session";

export function initSessionTimeout(dialog) {
  if (!dialog || typeof dialog.showModal !== "function") return;
  const sessionMs = Number(dialog.dataset.sessionSeconds) * 1000;
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000;
  if (!(sessionMs > 0)) return;
  const parts = {
    warning: dialog.querySelector('[data-session-state="warning"]'),
    ended: dialog.querySelector('[data-session-state="ended"]'),
  };
  const renewForm = dialog.querySelector("[data-session-renew]");
  const problem = dialog.querySelector("[data-session-offline]");
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;

  let deadline = Date.now() + sessionMs;
  let timer = 0;
  let shown = ""; // "", "warning" or "ended"
  let hasEnded = false;
  let renewing = false;
  let returnFocus = null;

  function show(state) {
    if (shown === state) return;
    if (!shown) returnFocus = document.activeElement;
    for (const [name, part] of Object.entries(parts)) part.hidden = name !== state;
    dialog.setAttribute("aria-labelledby", `plan-session-${state}-title`);
    dialog.setAttribute("aria-describedby", `plan-session-${state}-text`);
    // Opened afresh each time, so a screen reader announces the new title and words.
    if (dialog.open) dialog.close();
    dialog.showModal();
    parts[state].querySelector("button, a[href]").focus();
    shown = state;
  }

  function hide() {
    shown = "";
    problem.hidden = true;
    if (dialog.open) dialog.close();
    // Back where they were, in the middle of their typing.
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  function check() {
    clearTimeout(timer);
    const left = deadline - Date.now();
    if (left <= 0) {
      if (!hasEnded) show("ended"); // said once; closed, it stays closed
      hasEnded = true;
      return;
    }
    if (left <= warningMs) {
      show("warning");
      timer = setTimeout(check, left);
    } else {
      timer = setTimeout(check, left - warningMs);
    }
  }

  function renewedUntil(endsAt) {
    deadline = endsAt;
    if (shown === "warning") hide();
    check();
  }

  async function staySignedIn() {
    if (renewing) return;
    renewing = true;
    problem.hidden = true;
    try {
      withCurrentToken(renewForm, dialog.dataset.csrfCookie);
      const response = await fetch(renewForm.action, {
        method: "POST",
        body: new FormData(renewForm),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        redirect: "error",
      });
      if (response.status === 401) {
        deadline = Date.now(); // it had ended already
        check();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { session_seconds: seconds } = await response.json();
      const endsAt = Date.now() + seconds * 1000;
      channel?.postMessage({ endsAt });
      renewedUntil(endsAt);
    } catch {
      problem.hidden = false;
    } finally {
      renewing = false;
    }
  }

  renewForm.addEventListener("submit", (event) => {
    event.preventDefault();
    staySignedIn();
  });
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    if (shown === "warning") staySignedIn();
    else hide();
  });
  dialog.querySelector("[data-session-close]")?.addEventListener("click", hide);

  // A sleeping tablet holds timers back: look again as soon as the page is seen.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });

  if (channel) {
    channel.addEventListener("message", ({ data }) => {
      if (!hasEnded && data && data.endsAt > deadline) renewedUntil(data.endsAt);
    });
    channel.postMessage({ endsAt: deadline });
  }

  sendFormsWithTheCurrentToken(dialog.dataset.csrfCookie);
  check();
}

// Signing in again (in this tab or another) gives the browser a new CSRF token, and a form
// opened before that would be refused as out of date, its typing lost. The token in the
// cookie is the current one, so every form takes it just before it is sent.
function sendFormsWithTheCurrentToken(cookieName) {
  if (!cookieName) return;
  document.addEventListener("submit", (event) => withCurrentToken(event.target, cookieName), true);
}

function withCurrentToken(form, cookieName) {
  const field = form.querySelector?.('input[name="csrfmiddlewaretoken"]');
  const token = cookieName && currentCookie(cookieName);
  if (field && token) field.value = token;
}

function currentCookie(name) {
  for (const pair of document.cookie.split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return "";
}
