/* Reader controls, progressively: without this file every choice is still a link or a checkbox. */
(function () {
  "use strict";
  var VIEW = "tertulia.view";
  var SWAP = "tertulia.swap";
  var body = document.body;
  var links = document.querySelectorAll("[data-view]");
  var swap = document.querySelector("[data-swap]");

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // The first row still on screen, so a change of layout can put it back where the reader saw it.
  function rowInView() {
    var rows = document.querySelectorAll(".pair:not(.column-heads)");
    for (var i = 0; i < rows.length; i++) {
      var box = rows[i].getBoundingClientRect();
      if (box.bottom > 0) { return { row: rows[i], top: box.top }; }
    }
    return null;
  }

  function keepingPlace(change) {
    var before = rowInView();
    change();
    if (before) { window.scrollBy(0, before.row.getBoundingClientRect().top - before.top); }
  }

  function showView(view) {
    body.classList.remove("view-original", "view-translation");
    if (view === "original" || view === "translation") { body.classList.add("view-" + view); }
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-view") === view) { links[i].setAttribute("aria-current", "true"); }
      else { links[i].removeAttribute("aria-current"); }
    }
  }

  function showSwap(on) {
    body.classList.toggle("swapped", on);
    if (swap) { swap.checked = on; }
  }

  if (links.length > 1) {
    showView(load(VIEW) || "both");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        var view = this.getAttribute("data-view");
        event.preventDefault();
        keepingPlace(function () { showView(view); });
        store(VIEW, view);
      });
    }
  }
  if (swap) {
    showSwap(load(SWAP) === "1");
    swap.addEventListener("change", function () {
      var on = swap.checked;
      keepingPlace(function () { showSwap(on); });
      store(SWAP, on ? "1" : "0");
    });
  }
})();
