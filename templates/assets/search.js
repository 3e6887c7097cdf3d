// Offline search over the prebuilt index (search-index.js sets window.SKILLEX_SEARCH_INDEX).
// Results are built with textContent, never innerHTML.
(function () {
  "use strict";
  var index = window.SKILLEX_SEARCH_INDEX || [];
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) { return; }

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9_\-]+/).filter(function (w) { return w.length > 0; });
  }

  function search(query) {
    var terms = words(query);
    list.textContent = "";
    if (terms.length === 0) { status.textContent = ""; return; }
    var hits = index.filter(function (entry) {
      var hay = (entry.title + " " + entry.text).toLowerCase();
      return terms.every(function (t) { return hay.indexOf(t) !== -1; });
    }).slice(0, 100);
    status.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d";
    hits.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      var kind = document.createElement("span");
      kind.className = "muted";
      kind.textContent = " " + entry.kind;
      var text = document.createElement("p");
      text.textContent = entry.text.slice(0, 200);
      item.appendChild(link);
      item.appendChild(kind);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  search(initial);
  input.addEventListener("input", function () { search(input.value); });
})();
