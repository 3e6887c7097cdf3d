// Copy buttons on code blocks (issue #19). A file of the site's own, so its Content-Security-
// Policy (script-src 'self') holds; without JavaScript the blocks simply have no button.
(function () {
  "use strict";

  // The block's text without the line numbers of a file view.
  function textOf(code) {
    var copy = code.cloneNode(true);
    var numbers = copy.querySelectorAll(".ln");
    for (var i = 0; i < numbers.length; i++) numbers[i].parentNode.removeChild(numbers[i]);
    return copy.textContent;
  }

  // For pages opened from file:// or plain http, where the Clipboard API is not offered.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function report(button, ok) {
    button.textContent = ok ? "Copied" : "Press Ctrl+C";
    window.setTimeout(function () { button.textContent = "Copy"; }, 1600);
  }

  function copy(button, code) {
    var text = textOf(code);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { report(button, true); },
        function () { report(button, copyBySelection(text)); });
    } else {
      report(button, copyBySelection(text));
    }
  }

  function setUp() {
    var blocks = document.querySelectorAll("main pre > code");
    for (var i = 0; i < blocks.length; i++) {
      var code = blocks[i];
      var pre = code.parentNode;
      if (pre.parentNode.className === "code-block") continue;
      var wrap = document.createElement("div");
      wrap.className = "code-block";
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.addEventListener("click", copy.bind(null, button, code));
      wrap.appendChild(button);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
