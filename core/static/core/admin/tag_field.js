// Enter in a Wagtail tag field adds the tag and never submits the editor's form.
//
// Wagtail 7.4's tag field is jQuery tag-it inside its `w-tag` controller. tag-it lets an Enter
// through to the form whenever its new-tag box is empty (for example just after a tag was
// added, when people press Enter once more to "confirm"), so the browser submits the form and
// saves a draft. It also makes no tag from Enter while its suggestions list is open, or at all
// when the tag model only allows existing tags (`free_tagging = False`, as our topics do), so
// Enter after typing a topic's name did nothing. This listener runs before tag-it's own:
// it stops the form submission, then adds the typed tag when tag-it will not, matching the
// name against the field's own autocomplete (in any letter case) when only existing tags may
// be chosen, and otherwise showing the suggestions for what was typed.

const TAG_BOX = "ul.tagit li.tagit-new input";

function tagFieldOf(input) {
  const field = input.closest("ul.tagit")?.previousElementSibling;
  return field?.matches('[data-controller~="w-tag"]') ? field : null;
}

function typedName(input) {
  return input.value.trim().replace(/^"(.*)"$/, "$1").trim();
}

async function suggestionsFor(field, term) {
  const url = new URL(field.dataset.wTagUrlValue, window.location.origin);
  url.searchParams.set("term", term);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) return [];
  const names = await response.json();
  return Array.isArray(names) ? names : [];
}

async function addTypedTag($, field, input, typed, existingOnly) {
  const names = await suggestionsFor(field, typed);
  if (typedName(input) !== typed) return; // they have typed on since
  const wanted = typed.toLocaleLowerCase();
  const match = names.find((name) => name.toLocaleLowerCase() === wanted);
  const autocomplete = $(input).autocomplete("instance");
  if (match || !existingOnly) {
    $(field).tagit("createTag", match ?? typed);
    if (autocomplete) {
      autocomplete.close();
      // A suggestions request still on its way must not reopen the list under the empty box.
      autocomplete.cancelSearch = true;
    }
  } else if (autocomplete) {
    autocomplete.search(typed);
  }
}

function onKeydown(event) {
  if (event.key !== "Enter" || event.isComposing) return;
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.matches(TAG_BOX)) return;
  const field = tagFieldOf(input);
  const $ = window.jQuery;
  if (!field || !$) return;
  event.preventDefault();

  // A highlighted suggestion: jQuery UI's autocomplete adds it.
  if ($(input).autocomplete("instance")?.menu.active) return;
  const typed = typedName(input);
  if (!typed) return;
  const options = JSON.parse(field.dataset.wTagOptionsValue || "{}");
  const existingOnly = Boolean(options.autocompleteOnly);
  // With free tagging and no suggestions open, tag-it makes the tag itself.
  if (!existingOnly && !$(input).data("autocomplete-open")) return;
  addTypedTag($, field, input, typed, existingOnly);
}

document.addEventListener("keydown", onKeydown, { capture: true });
