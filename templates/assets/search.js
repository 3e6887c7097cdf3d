// Full-text search over the prebuilt index (SearchIndex.swift). search-index.js sets
// window.SKILLEX_SEARCH_INDEX (each page's kind, repository, gate, length); word shards
// (search/t-<c>.js) and page text (search/d-<n>.js) are scripts calling skillexSearch(), added
// as <script> elements when a query needs them, so the search works from file:// and under the
// site's Content-Security-Policy. Results are built from text nodes and <mark>, never innerHTML.
(function () {
  "use strict";
  var index = window.SKILLEX_SEARCH_INDEX;
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var repoFilter = document.getElementById("search-repo");
  var gateFilter = document.getElementById("search-gate");
  if (!index || !input || !list || !status) { return; }
  var N = index.docs.length / 4;
  var avg = 0;
  for (var d = 0; d < N; d++) { avg += index.docs[d * 4 + 3]; }
  avg = avg / Math.max(N, 1);
  var SHOWN = 20, K1 = 1.2, B = 0.75, PREFIX = 0.6;
  var has = Object.prototype.hasOwnProperty;

  // ---- Words: the same rules as SearchTokenizer.swift. ----
  var WORD = /[\p{L}\p{N}]+/gu;
  function words(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var w = m[0].toLowerCase();
      if (Array.from(w).length <= 32) { out.push(w); }
    }
    return out;
  }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function stem(word) {
    var w = Array.from(word), t = word;
    var n = w.length;
    if (n > 4 && ends(t, "ies")) { t = w.slice(0, n - 3).join("") + "y"; }
    else if (ends(t, "sses")) { t = w.slice(0, n - 2).join(""); }
    else if (n > 3 && ends(t, "s") && !ends(t, "ss") && !ends(t, "us") && !ends(t, "is")) { t = w.slice(0, n - 1).join(""); }
    w = Array.from(t); n = w.length;
    if (n >= 7 && ends(t, "ing")) { t = w.slice(0, n - 3).join(""); }
    else if (n >= 6 && ends(t, "ed")) { t = w.slice(0, n - 2).join(""); }
    return t;
  }
  function shardOf(term) { return /^[a-z0-9]/.test(term) ? term[0] : "_"; }

  // ---- Loading data files as scripts. ----
  var shards = {}, chunks = {}, waiting = {};
  window.skillexSearch = function (kind, name, data) {
    if (kind === "t") { shards[name] = data; } else if (kind === "d") { chunks[name] = data; }
  };
  function load(file) {
    if (!waiting[file]) {
      waiting[file] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = file;
        script.onload = resolve;
        script.onerror = resolve;
        document.head.appendChild(script);
      });
    }
    return waiting[file];
  }
  function loadShards(names) {
    return Promise.all(names.filter(function (s) { return index.shards.indexOf(s) !== -1; })
      .map(function (s) { return load("search/t-" + s + ".js"); }));
  }

  // ---- Ranking: pages with every word, by BM25 over weighted counts; the last word also
  // matches as a prefix. ----
  function postingsOf(term, prefix) {
    var shard = shards[shardOf(term)] || {};
    var found = [];
    if (has.call(shard, term)) { found.push([shard[term], 1]); }
    if (prefix && prefix.length >= 2) {
      var p = shards[shardOf(prefix)] || {};
      for (var key in p) {
        if (has.call(p, key) && key !== term && key.lastIndexOf(prefix, 0) === 0) { found.push([p[key], PREFIX]); }
      }
    }
    return found;
  }
  function rank(query) {
    var raw = words(query);
    var terms = raw.map(stem);
    var scores = {}, matched = {};
    terms.forEach(function (term, i) {
      var best = {};
      var prefix = i === terms.length - 1 && !/\s$/.test(query) ? raw[i] : "";
      postingsOf(term, prefix).forEach(function (pair) {
        var list = pair[0], df = list.length / 2;
        var idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        var doc = 0;
        for (var j = 0; j < list.length; j += 2) {
          doc += list[j];
          var w = list[j + 1], len = index.docs[doc * 4 + 3];
          var s = pair[1] * idf * w * (K1 + 1) / (w + K1 * (1 - B + B * len / avg));
          if (!(doc in best) || s > best[doc]) { best[doc] = s; }
        }
      });
      for (var doc in best) {
        scores[doc] = (scores[doc] || 0) + best[doc];
        matched[doc] = (matched[doc] || 0) + 1;
      }
    });
    var repo = repoFilter ? repoFilter.value : "", gate = gateFilter ? gateFilter.value : "";
    var hits = [];
    for (var key in scores) {
      var n = Number(key);
      // Every word must match (as a stem, or the last one as a prefix).
      if (matched[key] < terms.length) { continue; }
      if (repo && index.repos[index.docs[n * 4 + 1]] !== repo) { continue; }
      if (gate && index.gates[index.docs[n * 4 + 2]] !== gate) { continue; }
      hits.push({ doc: n, score: scores[key], matched: matched[key] });
    }
    hits.sort(function (a, b) { return b.matched - a.matched || b.score - a.score || a.doc - b.doc; });
    return { hits: hits, terms: terms, prefix: raw.length && !/\s$/.test(query) ? raw[raw.length - 1] : "" };
  }

  // ---- Snippets: the window of the page's text with the most query words, marked. ----
  function isHit(word, terms, prefix) {
    var s = stem(word.toLowerCase());
    return terms.indexOf(s) !== -1 || (prefix.length >= 2 && word.toLowerCase().lastIndexOf(prefix, 0) === 0);
  }
  function snippet(text, terms, prefix) {
    var spots = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (isHit(m[0], terms, prefix)) { spots.push({ at: m.index, end: m.index + m[0].length, word: stem(m[0].toLowerCase()) }); }
    }
    var start = 0, bestCount = -1;
    for (var i = 0; i < spots.length; i++) {
      var seen = {}, count = 0;
      for (var j = i; j < spots.length && spots[j].at - spots[i].at < 160; j++) {
        if (!seen[spots[j].word]) { seen[spots[j].word] = true; count++; }
      }
      if (count > bestCount) { bestCount = count; start = spots[i].at; }
    }
    var from = Math.max(0, start - 60);
    var back = text.lastIndexOf(" ", from);
    if (from > 0 && back > from - 20) { from = back + 1; }
    var to = Math.min(text.length, from + 220);
    var p = document.createElement("p");
    p.className = "snippet";
    if (from > 0) { p.appendChild(document.createTextNode("\u2026 ")); }
    var cursor = from;
    spots.forEach(function (spot) {
      if (spot.at < from || spot.end > to) { return; }
      p.appendChild(document.createTextNode(text.slice(cursor, spot.at)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(spot.at, spot.end);
      p.appendChild(mark);
      cursor = spot.end;
    });
    p.appendChild(document.createTextNode(text.slice(cursor, to) + (to < text.length ? " \u2026" : "")));
    return p;
  }

  // ---- Showing results. ----
  var active = -1, generation = 0;
  function links() { return list.querySelectorAll("a.result"); }
  function setActive(i) {
    var all = links();
    if (all.length === 0) { active = -1; return; }
    active = i < 0 ? -1 : Math.min(all.length - 1, i);
    all.forEach(function (a, n) { a.parentNode.classList.toggle("active", n === active); });
  }
  function show(result, query) {
    list.textContent = "";
    active = -1;
    var hits = result.hits.slice(0, SHOWN);
    var word = result.hits.length === 1 ? " result" : " results";
    status.textContent = result.hits.length + word + " for \u201c" + query + "\u201d" +
      (result.hits.length > SHOWN ? " (best " + SHOWN + " shown)" : "");
    hits.forEach(function (hit) {
      var row = chunks[Math.floor(hit.doc / index.chunk)][hit.doc % index.chunk];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "result";
      link.href = row[1];
      link.textContent = row[0];
      var meta = document.createElement("span");
      meta.className = "muted result-meta";
      var kind = index.kinds[index.docs[hit.doc * 4]];
      var parts = [kind];
      if (kind === "skill") { parts.push(index.repos[index.docs[hit.doc * 4 + 1]], index.gates[index.docs[hit.doc * 4 + 2]]); }
      meta.textContent = " " + parts.join(" \u00b7 ");
      item.appendChild(link);
      item.appendChild(meta);
      item.appendChild(snippet(row[2] + (row[2] ? " \u2014 " : "") + row[3], result.terms, result.prefix));
      list.appendChild(item);
    });
  }
  function search() {
    var query = input.value;
    var mine = ++generation;
    var raw = words(query);
    // Old results go at once; new ones come when their data has loaded (at once when it had).
    list.textContent = "";
    active = -1;
    if (raw.length === 0) { status.textContent = ""; return; }
    var needed = raw.map(function (w) { return shardOf(stem(w)); }).concat(raw.map(shardOf));
    loadShards(needed).then(function () {
      var result = rank(query);
      var files = {};
      result.hits.slice(0, SHOWN).forEach(function (h) { files[Math.floor(h.doc / index.chunk)] = true; });
      return Promise.all(Object.keys(files).map(function (c) { return load("search/d-" + c + ".js"); }))
        .then(function () { if (mine === generation) { show(result, query); } });
    });
    remember(query);
  }
  function remember(query) {
    try {
      var params = new URLSearchParams(window.location.search);
      params.set("q", query);
      if (repoFilter) { if (repoFilter.value) { params.set("repo", repoFilter.value); } else { params.delete("repo"); } }
      if (gateFilter) { if (gateFilter.value) { params.set("gate", gateFilter.value); } else { params.delete("gate"); } }
      window.history.replaceState(null, "", "?" + params.toString());
    } catch (e) { /* file:// may refuse; the query still works */ }
  }

  // ---- Filters, keys and start-up. ----
  function fill(select, values, chosen) {
    if (!select) { return; }
    values.forEach(function (v) {
      if (!v) { return; }
      var option = document.createElement("option");
      option.value = v;
      option.textContent = v;
      select.appendChild(option);
    });
    select.value = values.indexOf(chosen) !== -1 ? chosen : "";
    select.addEventListener("change", search);
  }
  var params = new URLSearchParams(window.location.search);
  fill(repoFilter, index.repos, params.get("repo") || "");
  fill(gateFilter, index.gates, params.get("gate") || "");
  input.addEventListener("input", search);
  input.form && input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var all = links();
    if (all.length) { window.location.href = all[Math.max(active, 0)].href; }
  });
  document.addEventListener("keydown", function (e) {
    var typing = e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      var all = links();
      if (!all.length || (typing && e.target !== input)) { return; }
      e.preventDefault();
      if (e.key === "ArrowUp" && active <= 0) { setActive(-1); active = -1; input.focus(); return; }
      setActive(active + (e.key === "ArrowDown" ? 1 : -1));
      all[active].focus();
    }
  });
  input.value = params.get("q") || "";
  if (input.value) { search(); }
})();
