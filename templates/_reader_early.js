/* Runs as the page is read, before its text is drawn, so a remembered view never makes it jump:
   the view in the address wins, then the one kept on this device, then the one that suits the width. */
(function () {
  var views = document.getElementsByName("view"), asked = new URLSearchParams(location.search).get("view");
  var kept = {}, chosen = null, i;
  try {
    kept = { view: localStorage.getItem("tertulia.view"), swap: localStorage.getItem("tertulia.swap"),
             translation: localStorage.getItem("tertulia.translation") };
  } catch (e) { /* storage refused: nothing is remembered */ }
  var wanted = [["value", asked], ["data-view", kept.view],  // then the stylesheet's choice for this width
                ["data-view", getComputedStyle(document.body).getPropertyValue("--default-view").trim()]];
  for (var w = 0; w < wanted.length && !chosen; w++) {
    for (i = 0; i < views.length; i++) {
      if (views[i].getAttribute(wanted[w][0]) === wanted[w][1]) { chosen = views[i]; }
    }
  }
  if (chosen) { chosen.checked = true; }
  if (kept.swap === "1") { document.getElementById("swap-sides").checked = true; }
  // A remembered translation is for the reader's own browsing; a link someone shared shows what it says.
  var choices = document.querySelectorAll(".choices a[hreflang]:not([aria-current])"), other = null;
  for (i = 0; i < choices.length; i++) {
    if (choices[i].getAttribute("hreflang") === kept.translation) { other = choices[i]; }
  }
  var fromHere = document.referrer.indexOf(location.origin + "/") === 0;
  if (other && fromHere && !location.hash && !location.search) { location.replace(other.href); }
})();
