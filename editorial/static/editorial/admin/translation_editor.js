// wagtail-localize's translation editor, adjusted for the user by our template override
// (templates/wagtail_localize/admin/edit_translation.html):
// - the translation's status is moved up, under the language bar, where it is seen first;
// - for someone who cannot publish, "Submit translation for moderation" becomes the main
//   button of the action bar, and the button that was there moves into its "More actions"
//   menu. The action bar is drawn by the editor's React code, so this waits for it.
//   The submit button belongs to the action bar's own form (its CSRF token and `next`),
//   posting to our submit view through `formaction`.

function placeStatus() {
  const status = document.querySelector("[data-translation-status]");
  const languageBar = document.querySelector(".header-meta--locales")?.closest("header");
  if (status && languageBar) languageBar.after(status);
}

function placeMainAction(actionBar, template) {
  const group = actionBar.querySelector(".w-dropdown-button");
  const menu = group?.querySelector('[data-w-dropdown-target="content"]');
  if (!group || !menu || group.querySelector("[data-translation-main-action]")) return;
  const button = template.content.firstElementChild.cloneNode(true);
  button.dataset.translationMainAction = "";
  const previousMain = group.firstElementChild;
  if (previousMain && previousMain !== menu.closest(".w-dropdown")) menu.prepend(previousMain);
  group.prepend(button);
}

function whenRendered(root, selector, callback) {
  const found = root.querySelector(selector);
  if (found) {
    callback(found);
    return;
  }
  const observer = new MutationObserver(() => {
    const element = root.querySelector(selector);
    if (element) {
      observer.disconnect();
      callback(element);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
}

placeStatus();
const template = document.querySelector("template[data-translation-main-action]");
const editor = document.querySelector(".js-translation-editor");
if (template && editor) {
  whenRendered(editor, "footer .actions .w-dropdown-button", () =>
    placeMainAction(editor.querySelector("footer .actions"), template),
  );
}
