// A "Copy link" button beside a link shown for copying (the shared link, shown once). Where
// the browser cannot copy (no Clipboard API, or not a secure page) nothing is added and the
// link stays as selectable text. The button and the words it says come from a <template> the
// server wrote in the page's language:
//   <template data-copy-from="ID-OF-THE-INPUT" data-copied="Link copied"
//             data-not-copied="...">  <button> ... </button> <p role="status"></p>  </template>

export function initCopyButtons(root) {
  if (!navigator.clipboard || !window.isSecureContext) return;
  for (const template of root.querySelectorAll("template[data-copy-from]")) {
    const source = document.getElementById(template.dataset.copyFrom);
    if (!source) continue;
    const added = template.content.cloneNode(true);
    const button = added.querySelector("button");
    const status = added.querySelector("[role=status]");
    template.replaceWith(added);
    button.addEventListener("click", async () => {
      // Emptied first, so saying the same words again is announced again.
      status.textContent = "";
      try {
        await navigator.clipboard.writeText(source.value);
        status.textContent = template.dataset.copied;
      } catch {
        source.focus();
        source.select();
        status.textContent = template.dataset.notCopied;
      }
    });
  }
}
