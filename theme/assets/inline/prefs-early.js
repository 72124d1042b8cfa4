/* 适老化: apply the reader's saved choices before first paint. Inlined in <head>
   (a file there would block rendering); its hash is ASSET_SCRIPT_HASHES. */
(function (root) {
  root.classList.add("xc-js");
  try {
    var prefs = JSON.parse(localStorage.getItem("xc-prefs") || "{}");
    if (prefs.text >= 1 && prefs.text <= 3) root.classList.add("xc-text-" + prefs.text);
    if (prefs.contrast) root.classList.add("xc-contrast");
    if (prefs.spacing) root.classList.add("xc-spacing");
    if (prefs.cursor) root.classList.add("xc-cursor");
  } catch (e) { /* storage blocked or corrupt: defaults */ }
})(document.documentElement);
