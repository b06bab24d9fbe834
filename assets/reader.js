/* Reader controls, progressively: without this file every choice is still a link or a checkbox. */
(function () {
  "use strict";
  var VIEW = "tertulia.view";
  var SWAP = "tertulia.swap";
  var TRANSLATION = "tertulia.translation";

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // The first row still on screen, so a change of layout can put it back where the reader saw it.
  function rowInView() {
    var rows = document.querySelectorAll(".pair[id], .comment[id]");
    for (var i = 0; i < rows.length; i++) {
      var box = rows[i].getBoundingClientRect();
      if (box.bottom > 0) { return { id: rows[i].id, top: box.top }; }
    }
    return null;
  }

  function keepingPlace(change) {
    var before = rowInView();
    change();
    var row = before && document.getElementById(before.id);
    if (row) { window.scrollBy(0, row.getBoundingClientRect().top - before.top); }
  }

  function showView(view) {
    var links = document.querySelectorAll("[data-view]");
    document.body.classList.remove("view-original", "view-translation");
    if (view === "original" || view === "translation") { document.body.classList.add("view-" + view); }
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-view") === view) { links[i].setAttribute("aria-current", "true"); }
      else { links[i].removeAttribute("aria-current"); }
    }
  }

  function showSwap(on) {
    var swap = document.querySelector("[data-swap]");
    document.body.classList.toggle("swapped", on);
    if (swap) { swap.checked = on; }
  }

  // Another translation comes in place: its page is fetched and its body put where this one was.
  function chooseTranslation(link) {
    var url = link.href;
    return window.fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      keepingPlace(function () {
        window.history.replaceState(null, "", url);  // relative links in the new body resolve from here
        document.title = next.title;
        document.body.replaceWith(document.adoptNode(next.body));
        start();
      });
    }).catch(function () { window.location.href = url; });
  }

  // Ctrl, Cmd, Shift or a middle click: a new tab or window, which the link alone gives.
  function wantsNewTab(event) {
    return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  }

  // The search box works only with this script, so it shows only where the script runs.
  function showSearchBox() {
    var box = document.querySelector("[data-search-box]");
    if (box) { box.hidden = false; }
  }

  // Words a search found, marked in the passage it opened at (or the whole page).
  function markFound() {
    var asked = new URLSearchParams(window.location.search).get("highlight");
    if (!asked) { return; }
    var terms = asked.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 1; });
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
    var scope = (id && document.getElementById(id)) || document.querySelector("main");
    if (!scope || !terms.length) { return; }
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    nodes.forEach(function (node) {
      var rest = node;
      while (rest) {
        var lower = rest.nodeValue.toLowerCase();
        var at = -1, length = 0;
        terms.forEach(function (term) {
          var found = lower.indexOf(term);
          if (found >= 0 && (at < 0 || found < at)) { at = found; length = term.length; }
        });
        if (at < 0) { break; }
        var word = rest.splitText(at);
        rest = word.splitText(length);
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        word.parentNode.replaceChild(mark, word);
        mark.appendChild(word);
      }
    });
  }

  function start() {
    showSearchBox();
    var links = document.querySelectorAll("[data-view]");
    var swap = document.querySelector("[data-swap]");
    var choices = document.querySelectorAll(".choices a[hreflang]");
    if (links.length > 1) {
      showView(load(VIEW) || "both");
      Array.prototype.forEach.call(links, function (link) {
        link.addEventListener("click", function (event) {
          var view = link.getAttribute("data-view");
          if (wantsNewTab(event)) { return; }  // the reader asked for the link itself
          event.preventDefault();
          keepingPlace(function () { showView(view); });
          store(VIEW, view);
        });
      });
    }
    if (swap) {
      showSwap(load(SWAP) === "1");
      swap.addEventListener("change", function () {
        var on = swap.checked;
        keepingPlace(function () { showSwap(on); });
        store(SWAP, on ? "1" : "0");
      });
    }
    Array.prototype.forEach.call(choices, function (link) {
      link.addEventListener("click", function (event) {
        if (wantsNewTab(event)) { return; }
        event.preventDefault();
        store(TRANSLATION, link.getAttribute("hreflang"));
        if (!link.hasAttribute("aria-current")) { chooseTranslation(link); }
      });
    });
    var wanted = load(TRANSLATION);
    var current = document.querySelector(".choices a[aria-current]");
    var preferred = document.querySelector('.choices a[hreflang="' + wanted + '"]');
    if (preferred && current && preferred !== current) { chooseTranslation(preferred); }
  }

  function begin() {
    start();
    markFound();
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", begin); }
  else { begin(); }
})();
