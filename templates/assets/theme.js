// Light / dark / auto colour theme, remembered in localStorage. Loaded in <head> so a chosen
// theme applies before the page paints; shows and wires the header's button once the page is
// parsed. Without JavaScript the button stays hidden and the theme follows the system.
(function () {
  "use strict";
  var KEY = "skillex-theme";
  var MODES = ["auto", "light", "dark"];
  var root = document.documentElement;
  var current = "auto";
  try {
    var saved = window.localStorage.getItem(KEY);
    if (MODES.indexOf(saved) > 0) current = saved;
  } catch (e) { /* storage blocked: auto */ }

  function apply(mode) {
    if (mode === "auto") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", mode);
  }

  function remember(mode) {
    try {
      if (mode === "auto") window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, mode);
    } catch (e) { /* storage blocked: this page only */ }
  }

  apply(current);
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() {
      button.textContent = "Theme: " + current;
      button.title = "Colour theme: " + current + ". Click for " + MODES[(MODES.indexOf(current) + 1) % MODES.length] + ".";
    }
    show();
    button.hidden = false;
    button.addEventListener("click", function () {
      current = MODES[(MODES.indexOf(current) + 1) % MODES.length];
      remember(current);
      apply(current);
      show();
    });
  });
})();
