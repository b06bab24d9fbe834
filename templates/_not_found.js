/* The missing address's language folder picks the words: GitHub Pages serves this one page for all.
   The page becomes that language's (its title too); the masthead and footer around the words stay
   in the site's language, and say so once the footer, which follows this script, is there. */
(function () {
  // WordPress paged a long thread at `<post>/comment-page-2/` (links to a comment kept that page), an
  // archive at `<archive>/page/2/`, and gave each archive a feed at `<archive>/feed/`: the address they
  // hang from (an imported alias of the post or of the tag) holds them all here, the anchor kept.
  // The AMP plugin served each post again at `<post>/amp/`, which search engines still hold.
  // A post split by `<!--nextpage-->` went on at `<post>/2/` (the number after a word, never a date's part);
  // `/index.php?p=ID` and `/index.php/<permalink>/` (WordPress's "almost pretty" permalinks) named what
  // `/?p=ID` and `/<permalink>/` name.
  var path = location.pathname.replace(/(?:\/index\.php)+(?=\/|$)/g, "");  // every `index.php` at once
  path += /index\.php$/.test(location.pathname) ? "/" : "";
  // (a site's own 404.html, written before the marks read here, has none: its readers get the rest)
  var here = document.querySelector(".not-found[data-root]"), siteRoot = here && here.getAttribute("data-root");
  var below = siteRoot && path.indexOf(siteRoot) === 0 ? path.slice(siteRoot.length) : null;
  var codes = {}, main = document.documentElement.lang;  // the site's languages, by their tags as it writes them
  codes[main.toLowerCase()] = main;
  Array.prototype.forEach.call(document.querySelectorAll(".not-found[lang]"), function (version) {
    codes[version.lang.toLowerCase()] = version.lang;
  });
  // WordPress answered `/search/words/` (Polylang's `/en/search/words/`) as `/?s=words`: the site's search takes them
  var searched = below !== null && here.hasAttribute("data-search") && /^(?:([^\/]+)\/)?search\/([^\/]+)\/?$/i.exec(below);
  if (searched && (!searched[1] || codes[searched[1].toLowerCase()])) {
    try {
      location.replace(location.origin + siteRoot + (searched[1] ? codes[searched[1].toLowerCase()] + "/" : "") + "search/?q=" +
                       encodeURIComponent(decodeURIComponent(searched[2].replace(/\+/g, " "))));
      return;
    } catch (e) { /* an address no words decode from stays not found */ }
  }
  var paged = /^(.*\/)(?:comment-page-[0-9]+|page\/[0-9]+|feed(?:\/(?:rss|rss2|atom|rdf))?|amp)\/?$/i.exec(path) ||
    /^(.*\/[^\/]*[^0-9\/][^\/]*\/)[0-9]+\/?$/.exec(path);
  // WordPress also found a post whatever the case its address was typed in (`/2019/05/Mi-Viaje/`), which a
  // static host does not: once nothing hangs from the address as typed (an alias may hold capitals), the path
  // below the site's folder is lowered, as the import wrote every address; a language's folder and a
  // side-by-side page's `with-pt-BR` are written as the site writes them
  if (!paged && below !== null) {
    path = siteRoot + below.split("/").map(function (segment, index) {
      try {
        var lowered = decodeURIComponent(segment).toLowerCase(), code = lowered.replace(/^with-/, "");
        if (codes[code] && (index === 0 || code !== lowered)) { return lowered.slice(0, lowered.length - code.length) + codes[code]; }
        return /[A-Z]/.test(segment) || /%[0-9A-F]{2}/i.test(segment) ? encodeURIComponent(lowered) : segment;
      } catch (e) { return segment; }
    }).join("/");
  }
  paged = paged || (path !== location.pathname && [path, path]);
  if (paged) {
    // on this site's own host, always: a path of `//other.example/feed/` read alone names another host
    location.replace(location.origin + paged[1] + location.search + location.hash);
    return;
  }
  // a direction where there is one: `dir=""` is no value an HTML checker takes (a site written left to right)
  function setDir(element, dir) {
    if (dir) { element.dir = dir; } else { element.removeAttribute("dir"); }
  }
  var versions = document.querySelectorAll(".not-found[data-folder]");
  for (var i = 0; i < versions.length; i++) {
    if (location.pathname.indexOf(versions[i].getAttribute("data-folder")) === 0) {
      var shown = versions[i], root = document.documentElement, site = root.lang, siteDir = root.dir;
      // the site's own words, hidden, keep the site's language once the page takes the folder's
      var own = document.querySelector(".not-found:not([lang])");
      own.hidden = true;
      own.lang = site;
      setDir(own, siteDir);
      shown.hidden = false;
      document.title = shown.getAttribute("data-title");
      document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.body.children, function (part) {
          if (part.tagName !== "MAIN" && part.tagName !== "SCRIPT" && !part.lang) { part.lang = site; setDir(part, siteDir); }
        });
        root.lang = shown.lang;
        setDir(root, shown.dir);
      });
      return;
    }
  }
})();
