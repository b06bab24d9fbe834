/* "2 new" beside a card's comment count: the comments published since this device last showed the
   essay's discussion. reader.js keeps, per essay, the ids of the comments the thread showed
   ("tertulia.seen.<slug>"); a card carries its essay's comment ids. Nothing is said for an essay this
   device never opened, as the thread marks nothing on a first visit. Without this file the card is
   as it always was. */
(function () {
  "use strict";

  // a number's digits as the page's own words write them (data-digits, set by the build: Bengali's ১২)
  function written(number) {
    var digits = Array.from(document.documentElement.getAttribute("data-digits") || "0123456789");
    return String(number).replace(/[0-9]/g, function (digit) { return digits[digit]; });
  }

  function seenOn(slug) {
    var seen = null;
    try { seen = JSON.parse(window.localStorage.getItem("tertulia.seen." + slug) || "null"); } catch (e) { seen = null; }
    if (!Array.isArray(seen)) { return null; }
    var known = Object.create(null);
    seen.forEach(function (id) { known[id] = true; });
    return known;
  }

  // The phrase in the form this number takes in the page's language ("1 nou", "2 noi", "20 de noi"),
  // its digits the page's own (Babel writes 0-9 in every language: Arabic's cards say "5 تعليقات",
  // where a browser's Arabic would say "٥").
  function phrase(list, count, lang) {
    var category = "other";
    try { category = new Intl.PluralRules(lang).select(count); } catch (e) { category = count === 1 ? "one" : "other"; }
    var words = list.getAttribute("data-new-" + category) || list.getAttribute("data-new-other");
    var english = list.hasAttribute("data-new-lang");  // English's words: its digits
    // grouped as the build groups the page's numbers, in the numbering system it wrote them in (data-numbering)
    var system = (!english && document.documentElement.getAttribute("data-numbering")) || "latn";
    var number = count.toLocaleString(lang, { numberingSystem: system });
    return words.replace("%(num)d", english ? number : written(number));
  }

  function markCards() {
    var lang = document.documentElement.lang;
    Array.prototype.forEach.call(document.querySelectorAll(".essay-list[data-new-other]"), function (list) {
      Array.prototype.forEach.call(list.querySelectorAll(".essay-card[data-comments]"), function (card) {
        var seen = seenOn(card.getAttribute("data-slug")), count = card.querySelector(".comment-count");
        if (!seen || !count) { return; }
        var fresh = card.getAttribute("data-comments").split(" ").filter(function (id) {
          return id && !seen["comment-" + id];
        }).length;
        if (!fresh) { return; }
        // Read in its place, after "5 comments", by a screen reader as by the eye: no live region,
        // which would announce every card at once while the page loads.
        var mark = document.createElement("strong");
        mark.className = "new-count";
        if (list.hasAttribute("data-new-lang")) { mark.lang = list.getAttribute("data-new-lang"); }
        mark.textContent = phrase(list, fresh, mark.lang || lang);
        count.after(" " + (document.documentElement.getAttribute("data-dot") || "·") + " ", mark);  // as the byline parts its items
      });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", markCards); }
  else { markCards(); }
})();
