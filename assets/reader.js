/* Reader controls, progressively: without this file the view and side choices still work (CSS reads
   the radio buttons and the checkbox), and every other choice is a link. The view the page opens in
   is set before its text is drawn, by the small script the page carries (templates/_reader_early.js). */
(function () {
  "use strict";
  var VIEW = "tertulia.view";
  var SWAP = "tertulia.swap";
  var TRANSLATION = "tertulia.translation";

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // The bars that stay on screen while the text scrolls: the top one where it sticks (wide
  // screens), the controls where they are fixed at the bottom (narrow ones); null where neither.
  function stuckBars() {
    var bar = document.querySelector(".reader-bar"), controls = document.querySelector(".reader-controls");
    return {
      top: bar && getComputedStyle(bar).position === "sticky" ? bar : null,
      bottom: controls && getComputedStyle(controls).position === "fixed" ? controls : null
    };
  }

  // Where the reader is reading: a line a third of the way down what the bars leave uncovered.
  function readingLine() {
    var bars = stuckBars();
    var top = bars.top ? Math.max(0, bars.top.getBoundingClientRect().bottom) : 0;
    var bottom = bars.bottom ? bars.bottom.getBoundingClientRect().top : window.innerHeight;
    return top + (bottom - top) / 3;
  }

  // What sits on the reading line: the text there, then its row, so a change of layout can put
  // back whichever of them it still shows exactly where the reader had it.
  function placeMarks() {
    var line = readingLine(), rows = document.querySelectorAll(".pair:not(.column-heads)"), row = null;
    for (var i = 0; i < rows.length && !row; i++) {
      var box = rows[i].getBoundingClientRect();
      if (box.height && box.bottom > line) { row = rows[i]; }
    }
    if (!row) { return []; }
    var marks = [row], sides = row.querySelectorAll(".side");
    for (var j = 0; j < sides.length; j++) {
      var side = sides[j].getBoundingClientRect();
      if (side.height && side.top <= line && side.bottom > line) { marks.unshift(sides[j]); }
    }
    return marks.map(function (element) { return { element: element, top: element.getBoundingClientRect().top }; });
  }

  function putBack(marks) {
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].element.getClientRects().length) {
        window.scrollBy(0, marks[i].element.getBoundingClientRect().top - marks[i].top);
        return;
      }
    }
  }

  function keepingPlace(change) {
    var marks = placeMarks();
    change();
    putBack(marks);
  }

  // A radio button has changed the layout (through CSS) before its change event is heard, so the
  // place is noted as the reader scrolls, ready for that moment.
  var noted = [], noting = false;
  function notePlace() {
    if (noting) { return; }
    noting = true;
    window.requestAnimationFrame(function () { noted = placeMarks(); noting = false; });
  }

  function say(words) {
    var status = document.querySelector("[data-view-status]");
    if (status) { status.textContent = words; }
  }

  // The address carries the view, so a link shares "English only"; the fragment stays as it was.
  function showInAddress(view) {
    var url = new URL(window.location.href);
    url.searchParams.set("view", view.value);
    window.history.replaceState(null, "", url.href);
  }

  // The bars' heights, so that a focused or linked element scrolls clear of them.
  function measureBars() {
    var bars = stuckBars(), root = document.documentElement.style;
    root.setProperty("--bar-top", (bars.top ? bars.top.offsetHeight : 0) + "px");
    root.setProperty("--bar-bottom", (bars.bottom ? bars.bottom.offsetHeight : 0) + "px");
  }

  // Another translation comes in place: its page is fetched and its body put where this one was,
  // in the same view, at the same passage, with focus back on the choice the reader made.
  function chooseTranslation(link) {
    var url = link.href, hash = window.location.hash, lang = link.getAttribute("hreflang");
    var view = document.querySelector("input[name=view]:checked");
    var role = view && view.getAttribute("data-view");
    return window.fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      keepingPlace(function () {
        window.history.replaceState(null, "", url + hash);  // relative links in the new body resolve from here
        document.title = next.title;
        document.body.replaceWith(document.adoptNode(next.body));
        var same = role && document.querySelector('input[name=view][data-view="' + role + '"]');
        if (same) { same.checked = true; }
        start();
      });
      var chosen = document.querySelector('.choices a[aria-current][hreflang="' + lang + '"]');
      if (chosen) { chosen.focus(); }
    }).catch(function () { window.location.href = url + hash; });
  }

  // Ctrl, Cmd, Shift or a middle click: a new tab or window, which the link alone gives.
  function wantsNewTab(event) {
    return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  }

  // Words a search found, marked in the passage it opened at (or the whole page).
  function markFound() {
    var asked = new URLSearchParams(window.location.search).get("highlight");
    if (!asked) { return; }
    var terms = asked.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 1; });
    var id = fragmentId();
    var scope = (id && document.getElementById(id)) || document.querySelector("main");
    if (!scope || !terms.length) { return; }
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var rest = node;
      while (rest) {
        var hit = firstHit(lowered(rest.nodeValue), terms);
        if (!hit) { break; }
        var word = rest.splitText(hit.start);
        rest = word.splitText(hit.end - hit.start);
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        word.parentNode.replaceChild(mark, word);
        mark.appendChild(word);
      }
    });
  }

  // The address's fragment as an id; a malformed one (`#%E0%A4%A`) names nothing, and stops nothing.
  function fragmentId() {
    try {
      return window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    } catch (e) {
      return "";
    }
  }

  // A text in lower case, with where each of its code units came from: lower case can lengthen a
  // text ("İ" becomes "i" and a combining dot), so positions found in it are mapped back.
  function lowered(text) {
    var lower = text.toLowerCase(), from = [];
    if (lower.length === text.length) {  // nearly always: every position stays where it was
      for (var k = 0; k <= text.length; k++) { from.push(k); }
      return { text: lower, from: from };
    }
    lower = "";
    for (var i = 0; i < text.length;) {
      var size = text.codePointAt(i) > 0xffff ? 2 : 1;
      var piece = text.substr(i, size).toLowerCase();
      lower += piece;
      for (var j = 0; j < piece.length; j++) { from.push(i); }
      i += size;
    }
    from.push(text.length);
    return { text: lower, from: from };
  }

  // The earliest term found on whole characters of the original, as its start and end there.
  function firstHit(low, terms) {
    var best = null;
    terms.forEach(function (term) {
      for (var at = low.text.indexOf(term); at >= 0; at = low.text.indexOf(term, at + 1)) {
        var end = at + term.length;
        var whole = (at === 0 || low.from[at - 1] !== low.from[at]) && low.from[end] !== low.from[end - 1];
        if (whole) {
          if (!best || low.from[at] < best.start) { best = { start: low.from[at], end: low.from[end] }; }
          break;
        }
      }
    });
    return best;
  }

  // Following a paragraph's number also copies its link, to cite or to send.
  function copyPassageLinks() {
    var copied = document.querySelector("[data-copied]");
    Array.prototype.forEach.call(document.querySelectorAll("a.anchor"), function (anchor) {
      anchor.addEventListener("click", function (event) {
        if (wantsNewTab(event) || !navigator.clipboard || !copied) { return; }
        var url = new URL(anchor.getAttribute("href"), window.location.href).href;
        navigator.clipboard.writeText(url).then(function () {
          say(copied.getAttribute("data-copied") + ": " + anchor.firstChild.nodeValue);
        }, function () { /* not allowed here: the address bar has the link */ });
      });
    });
  }

  function start() {
    measureBars();
    noted = placeMarks();
    copyPassageLinks();
    var swap = document.querySelector("[data-swap]");
    var group = document.querySelector(".views");
    if (group) {  // a press or a key comes before the change: the surest moment to note the place
      group.addEventListener("pointerdown", function () { noted = placeMarks(); });
      group.addEventListener("keydown", function () { noted = placeMarks(); });
    }
    Array.prototype.forEach.call(document.querySelectorAll("input[name=view]"), function (view) {
      view.addEventListener("change", function () {
        measureBars();
        putBack(noted);
        store(VIEW, view.getAttribute("data-view"));
        showInAddress(view);
        say(view.labels[0].textContent);
      });
    });
    if (swap) {
      swap.addEventListener("change", function () { store(SWAP, swap.checked ? "1" : "0"); });
    }
    Array.prototype.forEach.call(document.querySelectorAll(".choices a[hreflang]"), function (link) {
      link.addEventListener("click", function (event) {
        if (wantsNewTab(event)) { return; }
        event.preventDefault();
        store(TRANSLATION, link.getAttribute("hreflang"));
        if (!link.hasAttribute("aria-current")) { chooseTranslation(link); }
      });
    });
  }

  function begin() {
    start();
    markFound();
  }

  window.addEventListener("resize", function () { measureBars(); notePlace(); });
  window.addEventListener("scroll", notePlace, { passive: true });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", begin); }
  else { begin(); }
})();
