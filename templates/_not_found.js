/* The missing address's language folder picks the words: GitHub Pages serves this one page for all. */
(function () {
  var versions = document.querySelectorAll(".not-found[data-folder]");
  for (var i = 0; i < versions.length; i++) {
    if (location.pathname.indexOf(versions[i].getAttribute("data-folder")) === 0) {
      document.querySelector(".not-found:not([lang])").hidden = true;
      versions[i].hidden = false;
      return;
    }
  }
})();