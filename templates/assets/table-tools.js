// Sort and filter for the home page's and dashboard's tables (issue #19). Without JavaScript the
// tables are plain tables, already ordered with problems first; this only adds controls.
//   <table data-sortable>    every column header becomes a button that sorts the rows
//   <table data-filterable>  one search box and a state menu filter the rows of all such tables
(function () {
  "use strict";

  function cellValue(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numbers = !isNaN(x) && !isNaN(y);
    if (numbers && x !== y) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, header, column) {
    var descending = header.getAttribute("aria-sort") === "ascending";
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute("aria-sort");
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = compare(cellValue(a, column), cellValue(b, column));
      return descending ? -order : order;
    });
    for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies[0]) return;
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) {
      var header = headers[i];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", sortBy.bind(null, table, header, i));
    }
  }

  function makeFilters(tables) {
    if (!tables.length) return;
    var states = [];
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var state = row.getAttribute("data-state");
        if (state && states.indexOf(state) < 0) states.push(state);
      });
    });
    var bar = document.createElement("div");
    bar.className = "table-tools";
    bar.setAttribute("role", "search");
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = "Filter skills";
    box.setAttribute("aria-label", "Filter skills by name or description");
    var menu = document.createElement("select");
    menu.setAttribute("aria-label", "Show skills in state");
    [""].concat(states.sort()).forEach(function (state) {
      var option = document.createElement("option");
      option.value = state;
      option.textContent = state || "every state";
      menu.appendChild(option);
    });
    var count = document.createElement("span");
    count.className = "muted";
    count.setAttribute("aria-live", "polite");
    bar.appendChild(box);
    bar.appendChild(menu);
    bar.appendChild(count);
    var first = tables[0].closest("section") || tables[0].parentNode;
    var heading = first.querySelector("h2");
    first.insertBefore(bar, heading ? heading.nextSibling : first.firstChild);

    function apply() {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var state = menu.value;
      var shown = 0, total = 0;
      tables.forEach(function (table) {
        var visible = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
          var text = row.textContent.toLowerCase();
          var ok = (!state || row.getAttribute("data-state") === state) &&
            words.every(function (word) { return text.indexOf(word) >= 0; });
          row.classList.toggle("filtered-out", !ok);
          total += 1;
          if (ok) { visible += 1; shown += 1; }
        });
        var wrap = table.closest(".table-wrap") || table;
        wrap.classList.toggle("filtered-out", visible === 0);
        var title = wrap.previousElementSibling;
        if (title && title.tagName === "H3") title.classList.toggle("filtered-out", visible === 0);
      });
      count.textContent = shown === total ? "" : shown + " of " + total + " skills";
    }
    box.addEventListener("input", apply);
    menu.addEventListener("change", apply);
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), makeSortable);
    makeFilters(Array.prototype.slice.call(document.querySelectorAll("table[data-filterable]")));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
