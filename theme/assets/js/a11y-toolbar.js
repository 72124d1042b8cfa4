/* 适老化 toolbar: each button changes a class on <html> and remembers the
   choice in localStorage; prefs-early.js re-applies it before first paint. */
(function () {
  "use strict";
  var KEY = "xc-prefs";
  var STEPS = [100, 125, 150, 200]; /* text size in %, class xc-text-<index> */
  var TOGGLES = ["contrast", "spacing", "cursor"];
  var root = document.documentElement;
  var bar = document.querySelector("[data-xc-a11y]");
  if (!bar) return;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(prefs) {
    try { localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode: this page only */ }
  }

  var prefs = load();
  var level = bar.querySelector("[data-xc-level]");

  function render() {
    var text = prefs.text || 0;
    for (var i = 1; i < STEPS.length; i++) root.classList.toggle("xc-text-" + i, text === i);
    TOGGLES.forEach(function (name) {
      root.classList.toggle("xc-" + name, !!prefs[name]);
      var button = bar.querySelector('[data-xc-toggle="' + name + '"]');
      if (button) button.setAttribute("aria-pressed", prefs[name] ? "true" : "false");
    });
    bar.querySelector('[data-xc-action="bigger"]').setAttribute("aria-disabled", text >= STEPS.length - 1 ? "true" : "false");
    bar.querySelector('[data-xc-action="smaller"]').setAttribute("aria-disabled", text <= 0 ? "true" : "false");
    if (level) level.textContent = level.getAttribute("data-xc-level").replace("{n}", STEPS[text]);
  }

  var actions = {
    bigger: function () { prefs.text = Math.min((prefs.text || 0) + 1, STEPS.length - 1); },
    smaller: function () { prefs.text = Math.max((prefs.text || 0) - 1, 0); },
    reset: function () { prefs = {}; }
  };

  bar.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var action = button.getAttribute("data-xc-action");
    var toggle = button.getAttribute("data-xc-toggle");
    if (action) actions[action]();
    if (toggle) prefs[toggle] = !prefs[toggle];
    save(prefs);
    render();
  });
  render();
})();
