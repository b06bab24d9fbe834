/* Sets the view before the text is drawn, so nothing jumps: the address's view, else the one kept on this
   device (by what it shows, "en" or "stacked", not by role), else the width's; side by side only where offered. */
(function () {
  var views = document.getElementsByName("view"), asked = new URLSearchParams(location.search).get("view");
  var kept = {}, chosen = null, i, style = getComputedStyle(document.body);
  try {
    kept = { view: localStorage.getItem("tertulia.view"), swap: localStorage.getItem("tertulia.swap"),
             translation: localStorage.getItem("tertulia.translation") };
  } catch (e) { /* storage refused: nothing is remembered */ }
  var narrow = style.getPropertyValue("--offers-side-by-side").trim() === "no";
  var wanted = [["value", asked], ["value", kept.view], ["data-view", kept.view],  // a role: as kept before
                ["data-view", style.getPropertyValue("--default-view").trim()]];
  for (var w = 0; w < wanted.length && !chosen; w++) {
    for (i = 0; i < views.length; i++) {
      if (views[i].getAttribute(wanted[w][0]) === wanted[w][1] && !(narrow && views[i].value === "side-by-side")) {
        chosen = views[i];
      }
    }
  }
  // A shared `?view=ca` of the page side by side with another translation: the page that holds that
  // language, in that view (the link showed no Catalan, and said nothing of it)
  var holding = asked && !(chosen && chosen.value === asked) && window.CSS && CSS.escape
    && document.querySelector('.choices a[hreflang="' + CSS.escape(asked) + '"]:not([aria-current])');
  if (holding) {
    location.replace(holding.href.split("#")[0] + "?view=" + encodeURIComponent(asked) + location.hash);
    return;
  }
  if (chosen) { chosen.checked = true; }
  if (kept.swap === "1") { document.getElementById("swap-sides").checked = true; }
  // A translation chosen before applies while browsing the site (not to a shared link): reader.js brings
  // it in place; until then, or for three seconds, the column it replaces stays blank.
  var choices = document.querySelectorAll(".choices a[hreflang]:not([aria-current])"), root = document.documentElement;
  for (i = 0; i < choices.length; i++) {
    if (choices[i].getAttribute("hreflang") === kept.translation && document.referrer.indexOf(location.origin + "/") === 0
        && !location.hash && !location.search) {
      root.classList.add("awaiting-translation");
      root.setAttribute("data-remembered", kept.translation);
      setTimeout(function () { root.classList.remove("awaiting-translation"); }, 3000);
    }
  }
})();
