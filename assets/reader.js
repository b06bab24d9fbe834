/* Reader controls, progressively: without this file the view and side choices still work (CSS reads
   the radio buttons and the checkbox), and every other choice is a link. The view the page opens in
   is set before its text is drawn, by the small script the page carries (templates/_reader_early.js). */
(function () {
  "use strict";

  // a number's digits as the page's own words write them (data-digits, set by the build: Bengali's ১২)
  function written(number) {
    var digits = Array.from(document.documentElement.getAttribute("data-digits") || "0123456789");
    return String(number).replace(/[0-9]/g, function (digit) { return digits[digit]; });
  }

  var VIEW = "tertulia.view";
  var SWAP = "tertulia.swap";
  var TRANSLATION = "tertulia.translation";
  var SIZE = "tertulia.size";

  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }

  // Where the page's language has no catalog, the interface's words are English stand-ins, and <html>
  // says so (templates/base.html): the words a script places are marked like those the page holds.
  // The same function in reader.js, propose.js and search.js, which pages load apart.
  // `phraseLang`: "en" for a phrase the page's catalog lacks (data-*-lang), where the rest of the page's words are its own
  function interfaceWords(element, words, phraseLang) {
    var lang = phraseLang || document.documentElement.getAttribute("data-words-lang");  // read when asked: tests load a script without a page
    if (words !== undefined) { element.textContent = words; }
    if (lang) {
      element.lang = lang;
      if (document.documentElement.hasAttribute("dir")) { element.dir = "ltr"; }  // English, on a right-to-left site
    } else if (element.hasAttribute("data-marked")) {  // an element that said an English phrase before says the page's now
      element.removeAttribute("lang");
      element.removeAttribute("dir");
    }
    element.toggleAttribute("data-marked", Boolean(lang));
    return element;
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
  // At the very top the reader is reading the title: the page stays at its top, whatever moves below.
  function placeMarks() {
    if (window.scrollY <= 0) { return [{ top: 0 }]; }
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
    if (marks.length && !marks[0].element) { window.scrollTo(0, 0); return; }
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
    window.requestAnimationFrame(function () { noted = placeMarks(); showProgress(); noting = false; });
  }

  // The chosen view's name, heard: the label's words as they are marked there ("العربية only"), without its input.
  function say(label) {
    var status = document.querySelector("[data-view-status]");
    if (!status) { return; }
    var words = label.cloneNode(true);
    Array.prototype.forEach.call(words.querySelectorAll("input"), function (input) { input.remove(); });
    status.replaceChildren.apply(status, Array.prototype.slice.call(words.childNodes));
  }

  // The address carries the view, so a link shares "English only"; the fragment stays as it was.
  function showInAddress(view) {
    var url = new URL(window.location.href);
    url.searchParams.set("view", view.value);
    window.history.replaceState(null, "", url.href);
  }

  // How far through the text the reader is, as a line under the bar: 0 with its top at the top of the
  // window, 1 with its end at the window's foot.
  function showProgress() {
    var bar = document.querySelector(".reader-bar"), text = document.querySelector(".text");
    if (!bar || !text) { return; }
    var box = text.getBoundingClientRect(), travel = Math.max(1, box.height - window.innerHeight);
    bar.style.setProperty("--progress", String(Math.min(1, Math.max(0, -box.top / travel))));
  }

  // The bars' heights, so that a focused or linked element scrolls clear of them.
  function measureBars() {
    var bars = stuckBars(), root = document.documentElement.style;
    root.setProperty("--bar-top", (bars.top ? bars.top.offsetHeight : 0) + "px");
    root.setProperty("--bar-bottom", (bars.bottom ? bars.bottom.offsetHeight : 0) + "px");
  }

  // Another translation comes in place: its page is fetched and its body put where this one was,
  // in the same view and sides, at the same passage, with focus back on the choice the reader made.
  // A choice is a step in the history (Back undoes it); a remembered one (`remembered`) is not.
  function chooseTranslation(url, remembered) {
    var hash = window.location.hash, search = window.location.search;
    pinHeadLinks();
    return window.fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      var address = url.split("#")[0].split("?")[0] + search + hash;
      if (remembered) { window.history.replaceState({ translation: true }, "", address); }
      else if (address !== window.location.href) {
        window.history.replaceState({ translation: true }, "", window.location.href);
        window.history.pushState({ translation: true }, "", address);  // relative links resolve from here
      }
      putInPlace(next);
      var chosen = document.querySelector(".choices a[aria-current]");
      if (chosen && !remembered) { chosen.focus(); }
    }).catch(function () { if (!remembered) { window.location.href = url; } })
      .then(function () { document.documentElement.classList.remove("awaiting-translation"); });
  }

  // The fetched page replaces this one's body and what its head says of it: title, language,
  // canonical address, print labels; the reader's view and sides stay as they were.
  function putInPlace(next) {
    var view = document.querySelector("input[name=view]:checked"), swap = document.querySelector("[data-swap]");
    var value = view && view.value, swapped = swap && swap.checked;
    keepingPlace(function () {
      document.title = next.title;
      document.documentElement.lang = next.documentElement.lang;
      if (next.documentElement.dir) { document.documentElement.dir = next.documentElement.dir; }
      else { document.documentElement.removeAttribute("dir"); }  // none on a site written left to right: `dir=""` is invalid
      var print = document.head.querySelector("style[media=print]"), freshPrint = next.head.querySelector("style[media=print]");
      if (print && freshPrint) { print.replaceWith(document.adoptNode(freshPrint)); }
      document.head.querySelectorAll(PAGE_LINKS).forEach(function (link) { link.remove(); });
      next.head.querySelectorAll(PAGE_LINKS).forEach(function (link) { document.head.appendChild(document.adoptNode(link)); });
      pinHeadLinks();
      document.body.replaceWith(document.adoptNode(next.body));
      var same = value && document.querySelector('input[name=view][value="' + value + '"]');
      if (same) { same.checked = true; }
      var sides = document.querySelector("[data-swap]");
      if (sides) { sides.checked = !!swapped; }
      reachableScrollers();  // the new body's code blocks and tables, which may scroll sideways
      start();
    });
  }

  // The head's links that belong to one page (its address, its translations, its discussion's feed).
  var PAGE_LINKS = "link[rel=canonical], link[rel=alternate]";

  // The head's links made absolute, as they resolve now: the address is about to change (or Back
  // changes it), and a relative one would be read from there (`../../favicon.svg` off a sub-path).
  function pinHeadLinks() {
    document.head.querySelectorAll("link[href]").forEach(function (link) {
      if (link.getAttribute("href") !== link.href) { link.setAttribute("href", link.href); }
    });
  }

  // Back or Forward between translations chosen in place: the page for the address comes back in place.
  function followHistory(event) {
    if (event.state && event.state.translation) { chooseTranslation(window.location.href, true); }
  }

  // Ctrl, Cmd, Shift or a middle click: a new tab or window, which the link alone gives.
  function wantsNewTab(event) {
    return event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  }

  var NOT_MARKED = "script, style, template, noscript, textarea, button, label, select, nav, form, .reader-bar, " +
    ".visually-hidden, .anchor, [aria-hidden='true']";

  // Words a search found, marked in the passage it opened at (or the whole page).
  function markFound() {
    var asked = new URLSearchParams(window.location.search).get("highlight");
    if (!asked) { return; }
    var terms = asked.toLowerCase().split(/\s+/).filter(function (term) { return term.length > 1; });
    var id = fragmentId();
    var scope = (id && document.getElementById(id)) || document.querySelector("main");
    if (!scope || !terms.length) { return; }
    // the words of essays and comments, not the interface's (the view bar, hidden labels, buttons) nor
    // the inline script's text, which a mark there would break
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, { acceptNode: function (node) {
      var parent = node.parentElement;
      return parent && !parent.closest(NOT_MARKED) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    } });
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
    // a picture whose description holds the words (the index reads its alt text): outlined, as no mark fits in it
    Array.prototype.forEach.call(scope.querySelectorAll("img[alt]"), function (image) {
      if (!image.closest(NOT_MARKED) && firstHit(lowered(image.alt), terms)) { image.classList.add("search-hit"); }
    });
    showFound(scope.querySelectorAll("mark.search-hit, img.search-hit"));
  }

  // A view kept on this device may hide the words a search found ("Română only" for a hit in English): the
  // view of the first one's language, else both stacked, for this visit (the address says it; the kept one stays).
  function showFound(marks) {
    var folded = marks.length ? marks[0].closest("details:not([open])") : null;
    if (folded) {  // a comment's folded original (Chromium gives what a closed fold holds a box all the same)
      folded.open = true;
      marks[0].scrollIntoView({ block: "center" });
      return;
    }
    if (!marks.length || marks[0].getClientRects().length) {  // the first, where the reader looks: a title's, say
      return;
    }
    var side = marks[0].closest(".side[lang]");
    var view = (side && document.querySelector('input[name=view][value="' + CSS.escape(side.lang) + '"]')) ||
      document.querySelector("input[name=view][value=stacked]");
    if (!view) { return; }
    view.checked = true;
    showInAddress(view);
    marks[0].scrollIntoView({ block: "center" });
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

  var UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  var WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

  // The earliest term found on whole characters of the original, as its start and end there.
  function firstHit(low, terms) {
    var best = null;
    terms.forEach(function (term) {
      for (var at = low.text.indexOf(term); at >= 0; at = low.text.indexOf(term, at + 1)) {
        var end = at + term.length;
        var whole = (at === 0 || low.from[at - 1] !== low.from[at]) && low.from[end] !== low.from[end - 1];
        // where a word starts, as the index matched it (`art` is `artisan`'s start, not `partir`'s middle);
        // anywhere in a script written without spaces, whose words the index cut out of a run
        var starts = at === 0 || UNSPACED.test(term.charAt(0)) || !WORDLIKE.test(low.text.charAt(at - 1));
        if (whole && starts) {
          if (!best || low.from[at] < best.start) { best = { start: low.from[at], end: low.from[end] }; }
          break;
        }
      }
    });
    return best;
  }

  // Following a paragraph's number copies its link, to cite or to send, without moving the page:
  // the link is the passage's address as it stands, without the words a search marked.
  function copyPassageLinks() {
    var text = document.querySelector(".text[data-copied]");
    if (!text || !navigator.clipboard) { return; }  // the link alone still leads to the passage
    // Escape dismisses "Link copied", as it does what else opens on the page, from the number or the note
    // (which follows it); the focus stays on the number
    text.addEventListener("keydown", function (event) {
      var note = text.querySelector(".copied-note");
      if (event.key !== "Escape" || !note || (event.target !== note.previousElementSibling && !note.contains(event.target))) {
        return;
      }
      note.previousElementSibling.focus();
      note.remove();
    });
    Array.prototype.forEach.call(text.querySelectorAll("a.anchor"), function (anchor) {
      anchor.addEventListener("click", function (event) {
        if (wantsNewTab(event)) { return; }
        event.preventDefault();
        var url = new URL(window.location.href);
        url.searchParams.delete("highlight");
        url.hash = anchor.hash;
        navigator.clipboard.writeText(url.href).then(function () {
          showCopied(anchor, text.getAttribute("data-copied"), quotation(text, anchor, url.href));
        }, function () { window.location.hash = anchor.hash; /* not allowed here: go there instead */ });
      });
    });
  }

  // "Link copied", seen beside the number for a while and heard once, with the offer to copy the
  // passage as a quotation instead; the offer is the next thing Tab reaches.
  function showCopied(anchor, words, quote) {
    var status = document.querySelector("[data-passage-status]");
    if (status) { interfaceWords(status, words + ": " + anchor.firstChild.nodeValue); }
    var old = document.querySelector(".copied-note");
    if (old) { old.remove(); }
    var note = document.createElement("span");
    note.className = "copied-note";
    note.appendChild(interfaceWords(document.createElement("span"), words));
    note.firstChild.setAttribute("aria-hidden", "true");  // the status above says it once
    var text = anchor.closest(".text");
    if (quote) {
      var button = note.appendChild(document.createElement("button"));
      button.type = "button";
      interfaceWords(button, text.getAttribute("data-quote-button"));
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(quote).then(function () {
          if (status) { interfaceWords(status, text.getAttribute("data-quote-copied")); }
          interfaceWords(note.firstChild, text.getAttribute("data-quote-copied"));
          button.remove();
          anchor.focus();
        });
      });
    }
    // from the side the text starts on, as the stylesheet's inset-inline-start: a right-to-left text's
    // note stands from the right (a `left` beside the stylesheet's `right: 0` squeezed it to a sliver)
    var fromRight = window.getComputedStyle(anchor).direction === "rtl" && anchor.offsetParent;
    note.style.insetInlineStart = (fromRight ? anchor.offsetParent.clientWidth - anchor.offsetLeft - anchor.offsetWidth
                                             : anchor.offsetLeft) + "px";
    anchor.after(note);
    var timer = window.setTimeout(function () { note.remove(); }, 6000);
    note.addEventListener("focusin", function () { window.clearTimeout(timer); });
    note.addEventListener("focusout", function () { timer = window.setTimeout(function () { note.remove(); }, 1500); });
  }

  // The passage as the reader sees it, cited in the page's words: its text in the language shown (the
  // page's own language where both are), the author, the title in that language, its number, its address.
  function quotation(text, anchor, address) {
    var form = text.getAttribute("data-quote");
    var sides = Array.prototype.filter.call(anchor.parentNode.querySelectorAll(":scope > .side[lang]"), function (side) {
      return side.getClientRects().length;
    });
    var side = sides.filter(function (s) { return s.lang === document.documentElement.lang; })[0] ||
      sides.filter(function (s) { return s.classList.contains("translation"); })[0] || sides[0];
    if (!form || !side) { return ""; }
    var title = document.querySelector('h1 .side[lang="' + side.lang + '"]') || document.querySelector("h1");
    var author = document.querySelector(".byline .author");
    var words = side.cloneNode(true);
    // what the page adds to the words is not quoted: its notes on the translation, the footnotes' numbers
    Array.prototype.forEach.call(words.querySelectorAll(".outdated-note, .unfinished-note, sup > a.footnote-ref"),
      function (added) { (added.matches("a") ? added.parentNode : added).remove(); });
    var plain = function (element) { return element.textContent.trim().replace(/\s+/g, " "); };
    var parts = { text: plain(words), author: author ? plain(author) : "", title: plain(title),
                  number: written(anchor.hash.replace(/^#p/, "")), address: address };
    if (!parts.author) { form = form.replace(/%\(author\)s[,،、]?\s*/, ""); }  // a page that names no one: no empty slot
    return form.replace(/%\((\w+)\)s/g, function (whole, name) { return name in parts ? parts[name] : whole; });
  }

  // A− / A+: the texts' size in steps, kept on this device (the page's first script applies it before paint).
  // At either end its button says it can go no further (aria-disabled) but keeps the focus: a disabled button
  // would hand it to the other one, and a reader pressing Enter again would shrink what they had enlarged.
  var SIZES = [1, 1.15, 1.3, 1.5];
  function textSize() {
    var root = document.documentElement;
    var current = function () { return Number(root.style.getPropertyValue("--text-scale")) || 1; };
    var buttons = document.querySelectorAll("[data-text-size]");
    var update = function () {
      Array.prototype.forEach.call(buttons, function (button) {
        var step = Number(button.getAttribute("data-text-size"));
        var atEnd = step < 0 ? current() <= SIZES[0] : current() >= SIZES[SIZES.length - 1];
        button.setAttribute("aria-disabled", atEnd ? "true" : "false");
      });
    };
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-disabled") === "true") { return; }
        var at = SIZES.indexOf(current()), step = Number(button.getAttribute("data-text-size"));
        var next = SIZES[Math.min(SIZES.length - 1, Math.max(0, (at < 0 ? 0 : at) + step))];
        keepingPlace(function () { root.style.setProperty("--text-scale", String(next)); });
        store(SIZE, String(next));
        update();
      });
    });
    update();
  }

  // In one language alone, each passage offers its counterpart: a button under its number, named
  // with the other language, that shows that text in place until pressed again.
  function glances() {
    var text = document.querySelector(".text[data-glance]");
    Array.prototype.forEach.call(document.querySelectorAll(".glance-toggle"), function (button) { button.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll(".pair.glancing"), function (pair) { pair.classList.remove("glancing"); });
    var view = document.querySelector("input[name=view]:checked"), role = view && view.getAttribute("data-view");
    if (!text || (role !== "original" && role !== "translation")) { return; }
    var other = role === "original" ? "translation" : "original";
    var name = document.querySelector(".column-heads ." + other + " [lang]");
    Array.prototype.forEach.call(text.querySelectorAll(":scope > .pair"), function (pair) {
      var hidden = pair.querySelector(":scope > ." + other);
      if (!hidden || !pair.querySelector(":scope > ." + role) || !name) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "glance-toggle";
      button.setAttribute("aria-expanded", "false");
      // the arrow is drawn, not read; the phrase is the catalog's, the language's name where it says
      button.innerHTML = '<span aria-hidden="true">⇄</span><span class="visually-hidden"></span>';
      var phrase = text.getAttribute("data-glance").split("%(language)s");
      var language = document.createElement("span");
      language.lang = name.lang;
      if (name.dir) { language.dir = name.dir; }  // an Arabic name in a Romanian phrase, as the heading marks it
      language.textContent = name.textContent;
      interfaceWords(button.lastChild, " " + phrase[0]);
      button.lastChild.appendChild(language);
      if (phrase[1]) { button.lastChild.appendChild(document.createTextNode(phrase[1])); }
      button.addEventListener("click", function () {
        var open = pair.classList.toggle("glancing");
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
      pair.appendChild(button);
    });
  }

  // Escape closes a counterpart shown in place, as it closes what else opens on the page, from its button or within
  // it: one listener for the page, as glances() draws the buttons anew at each change of view
  function closingGlances() {
    var text = document.querySelector(".text[data-glance]");
    if (!text) { return; }
    text.addEventListener("keydown", function (event) {
      var pair = event.key === "Escape" && event.target.closest(".pair.glancing");
      var button = pair && pair.querySelector(":scope > .glance-toggle");
      if (!button) { return; }
      pair.classList.remove("glancing");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    });
  }

  // Comments published since this device last showed the discussion are marked "new" (the ids seen
  // are kept on the device, per essay; nothing is marked on a first visit, when all would be).
  function markNew() {
    var discussion = document.querySelector(".discussion[data-slug]");
    if (!discussion) { return; }
    var key = "tertulia.seen." + discussion.getAttribute("data-slug"), seen = null;
    var ids = Array.prototype.map.call(discussion.querySelectorAll("article.comment[id]"), function (c) { return c.id; });
    try { seen = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { seen = null; }
    store(key, JSON.stringify(ids));
    if (!Array.isArray(seen)) { return; }
    var fresh = ids.filter(function (id) { return seen.indexOf(id) < 0; });
    fresh.forEach(function (id) {
      var head = document.getElementById(id).querySelector(".comment-head");
      var badge = document.createElement("strong");
      badge.className = "new-badge";
      interfaceWords(badge, discussion.getAttribute("data-new"));
      head.prepend(badge, " ");
    });
    var heading = discussion.querySelector("h2");
    if (fresh.length && heading) {
      var words = document.createElement("span");
      words.className = "new-count";
      var english = discussion.getAttribute("data-new-count-lang");  // a phrase the catalog lacks: English's digits too
      var dot = document.documentElement.getAttribute("data-dot") || "·";  // as the page parts a line's items
      interfaceWords(words, " " + dot + " " + discussion.getAttribute("data-new-count").replace("%(num)s",
        english ? String(fresh.length) : written(fresh.length)), english);
      heading.appendChild(words);
    }
  }

  function start() {
    measureBars();
    showProgress();
    textSize();
    glances();
    closingGlances();
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
        glances();  // its buttons give a one-line passage room: laid out before the place is put back
        putBack(noted);
        store(VIEW, view.value);  // by what it shows: "en" is English on every essay
        showInAddress(view);
        say(view.labels[0]);
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
        if (!link.hasAttribute("aria-current")) { chooseTranslation(link.href, false); }
      });
    });
  }

  // The translation this reader chose before, brought in place of the default one (see _reader_early.js).
  function rememberedTranslation() {
    var lang = document.documentElement.getAttribute("data-remembered");
    var link = lang && document.querySelector('.choices a[hreflang="' + lang + '"]:not([aria-current])');
    document.documentElement.removeAttribute("data-remembered");
    if (link) { chooseTranslation(link.href, true); }
  }

  // A code block or a table wider than its column scrolls sideways in its own box: while it does, the
  // keyboard can reach it (its arrow keys scroll it); once it fits again, it is no stop on the way.
  function reachableScrollers() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll("pre"));
    Array.prototype.forEach.call(document.querySelectorAll(".side table"), function (table) {
      var side = table.closest(".side");
      if (boxes.indexOf(side) < 0) { boxes.push(side); }
    });
    function check(box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroller", "");
      } else if (!scrolls && box.hasAttribute("data-scroller")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroller");
      }
    }
    // Checked at once, so a box is reachable from the first keypress; the watcher only follows later changes
    // (its first report comes with a frame the browser paints, which a busy machine may paint late).
    boxes.forEach(check);
    if (!window.ResizeObserver) { return; }
    var watcher = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { check(entry.target); });
    });
    boxes.forEach(function (box) { watcher.observe(box); });
  }

  // A link made for the old blog (WordPress's #comments and #respond, Disqus's #disqus_thread and its
  // #comment-<id>, imported as comment-disqus-<id>) reaches the discussion it meant, not the page's top; one
  // to an anchor in the text (`#o-basico`, a section) the passage that holds it now (the text's `anchors`).
  function oldAnchor() {
    var id = fragmentId();
    if (!id || document.getElementById(id)) { return; }
    var number = /^comment-([0-9]+)$/.exec(id);
    var found = number ? document.getElementById("comment-disqus-" + number[1])
      : /^(?:comments|respond|disqus_thread)$/.test(id) ? document.getElementById("discussion") : null;
    // a footnote's id as a blog wrote it (`#fn-1`, `#fnref-1`), which the build names by each text's
    // language (`fn-en-1`): the page's own language's, else the first on the page
    var note = /^(fn|fnref)-([0-9]+)$/.exec(id);
    if (!found && note) {
      found = document.getElementById(note[1] + "-" + document.documentElement.lang + "-" + note[2]) ||
        document.querySelector('[id^="' + note[1] + '-"][id$="-' + note[2] + '"]');
    }
    var article = document.querySelector("article[data-anchors]");
    if (!found && article) {
      try {
        var passages = JSON.parse(article.getAttribute("data-anchors"));
        var raw = window.location.hash.slice(1);  // a name written as the link spells it (`caf%C3%A9`) too
        var name = Object.prototype.hasOwnProperty.call(passages, id) ? id
          : Object.prototype.hasOwnProperty.call(passages, raw) ? raw : "";
        found = name ? document.getElementById(passages[name]) : null;
      } catch (e) { found = null; }
    }
    if (found) { window.location.replace("#" + found.id); }
  }

  function begin() {
    oldAnchor();
    reachableScrollers();
    start();
    markFound();
    markNew();
    rememberedTranslation();
  }

  window.addEventListener("resize", function () { measureBars(); notePlace(); });
  window.addEventListener("scroll", notePlace, { passive: true });
  window.addEventListener("popstate", followHistory);
  window.addEventListener("hashchange", oldAnchor);  // an old link followed on the page itself
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", begin); }
  else { begin(); }
})();
