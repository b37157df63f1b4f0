// The site's search box and, when served by `stdgen serve`, reload after a rebuild.
// Works from disk (file://): the index is a script (search-index.js), nothing is fetched.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var MAX = 40;

  function norm(s) {
    return (s || "").normalize("NFKC").toLowerCase().replace(/[\s\u3000]+/g, "");
  }
  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out.length ? out : [s];
  }

  var entries = (window.STDGEN_SEARCH || []).map(function (e) {
    return { e: e, id: norm(e.i), num: norm(e.k), title: norm(e.t), text: norm(e.x) };
  });

  // Higher is better; 0: no match. Chinese needs no word segmentation: a query matches as a
  // substring, or else by the share of its character bigrams found in the entry.
  function score(r, q, grams) {
    if (r.id && r.id === q) return 1000;
    if (r.num && r.num === q) return 900;
    var s = 0;
    if (r.id && r.id.indexOf(q) >= 0) s = Math.max(s, 500);
    if (r.title.indexOf(q) >= 0) s = Math.max(s, 400);
    if (r.num && r.num.indexOf(q) === 0) s = Math.max(s, 350);
    if (r.text.indexOf(q) >= 0) s = Math.max(s, 300);
    if (s) return s;
    if (q.length < 3) return 0;
    var hay = r.title + r.text, found = 0;
    grams.forEach(function (g) { if (hay.indexOf(g) >= 0) found++; });
    var share = found / grams.length;
    return share >= 0.7 ? Math.round(200 * share) : 0;
  }

  function snippet(text, query) {
    var flat = (text || "").replace(/\s+/g, " ");
    var at = norm(flat).indexOf(query);
    var frag = document.createElement("span");
    frag.className = "snip";
    if (at < 0) { frag.textContent = flat.slice(0, 60) + (flat.length > 60 ? "…" : ""); return frag; }
    // positions in the normalised text differ from the original only by removed spaces: find by scanning
    var start = 0, seen = 0;
    while (start < flat.length && seen < at) { if (!/[\s\u3000]/.test(flat[start])) seen++; start++; }
    var end = start, got = 0;
    while (end < flat.length && got < query.length) { if (!/[\s\u3000]/.test(flat[end])) got++; end++; }
    var from = Math.max(0, start - 24), to = Math.min(flat.length, end + 36);
    frag.appendChild(document.createTextNode((from ? "…" : "") + flat.slice(from, start)));
    var mark = document.createElement("mark");
    mark.textContent = flat.slice(start, end);
    frag.appendChild(mark);
    frag.appendChild(document.createTextNode(flat.slice(end, to) + (to < flat.length ? "…" : "")));
    return frag;
  }

  function search(raw) {
    var q = norm(raw);
    if (!q) return [];
    var grams = bigrams(q);
    var hits = [];
    entries.forEach(function (r, i) {
      var s = score(r, q, grams);
      if (s) hits.push({ r: r, s: s, i: i });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    return hits.slice(0, MAX).map(function (h) { return { entry: h.r.e, exact: h.s >= 300 }; });
  }

  function show(box, panel) {
    var q = box.value;
    panel.textContent = "";
    if (!norm(q)) { panel.hidden = true; return; }
    var hits = search(q);
    panel.hidden = false;
    if (!hits.length) {
      var none = document.createElement("p");
      none.className = "none";
      none.textContent = "没有找到“" + q + "”";
      panel.appendChild(none);
      return;
    }
    var list = document.createElement("ol");
    hits.forEach(function (h) {
      var e = h.entry, li = document.createElement("li"), a = document.createElement("a");
      a.href = root + e.u;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = [e.s, e.k, e.i].filter(Boolean).join("　");
      var title = document.createElement("span");
      title.className = "title";
      title.textContent = e.t || "";
      a.appendChild(meta);
      a.appendChild(title);
      a.appendChild(snippet(e.x, h.exact ? norm(q) : ""));
      li.appendChild(a);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  var box = document.getElementById("search-box");
  var panel = document.getElementById("search-results");
  if (box && panel) {
    box.addEventListener("input", function () { show(box, panel); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        var first = panel.querySelector("a");
        if (first) { ev.preventDefault(); window.location.href = first.href; }
      } else if (ev.key === "Escape") {
        box.value = ""; panel.hidden = true;
      }
    });
    document.addEventListener("click", function (ev) {
      if (!panel.contains(ev.target) && ev.target !== box) panel.hidden = true;
    });
  }

  // A phone starts with the table of contents folded.
  var toc = document.getElementById("toc");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 899px)").matches) toc.open = false;

  // Under `stdgen serve` only (never from disk): reload when a rebuild finished.
  if (/^https?:$/.test(location.protocol) && window.fetch) {
    var seen = null;
    var poll = function () {
      fetch("/__stdgen/build", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
        if (seen !== null && v !== seen) location.reload();
        seen = v;
      }).catch(function () { /* the server stopped: keep the page */ }).then(function () {
        setTimeout(poll, 1000);
      });
    };
    poll();
  }
})();
