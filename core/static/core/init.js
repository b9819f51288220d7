// Progressive enhancement only: every page works without this file.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();

// A listing's filters sit beside its results on a wide screen, so they start open there. On
// a phone they stay folded under their summary ("Filter organisations"), so the results come
// first; without JavaScript they start folded on every screen.
const wideScreen = window.matchMedia("(min-width: 40.0625em)");
const filterPanels = document.querySelectorAll("details[data-app-filters]");
const fitFiltersToScreen = () => {
  for (const panel of filterPanels) panel.open = wideScreen.matches;
};
fitFiltersToScreen();
wideScreen.addEventListener("change", fitFiltersToScreen);
