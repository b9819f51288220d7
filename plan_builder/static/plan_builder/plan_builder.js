// The plan builder's progressive enhancements. Every page works without this file.
import { initCopyButtons } from "./copy_link.js";
import { initSessionTimeout } from "./session_timeout.js";

initSessionTimeout(document.getElementById("plan-session"));
initCopyButtons(document);
