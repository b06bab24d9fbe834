/* Search with no server: Pagefind's index, in the browser. A hit opens the side-by-side page at the
   paragraph or comment it was found in, with the words marked (see reader.js). */
(function () {
  "use strict";

  // a number's digits as the page's own words write them (data-digits, set by the build: Bengali's ১২)
  function written(number) {
    var digits = Array.from(document.documentElement.getAttribute("data-digits") || "0123456789");
    return String(number).replace(/[0-9]/g, function (digit) { return digits[digit]; });
  }

  var form = document.querySelector("[data-search]");
  if (!form) { return; }
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var pagefind = null;
  var PASSAGE = /^(p[0-9]+|comment-[a-z0-9-]+)$/;
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

  function load() {
    if (!pagefind) {
      var url = new URL(form.getAttribute("data-pagefind"), window.location.href).href;
      pagefind = import(url).then(function (module) { return module.init ? module.init().then(function () { return module; }) : module; });
    }
    return pagefind;
  }

  // Where Pagefind's excerpt starts: the window of its 30 words (its default) that holds the most weight
  // of matched words, as its own calculate_excerpt_region finds it. The link must lead to the passage the
  // excerpt quotes, not to the first word matched, which can be in another.
  var EXCERPT_WORDS = 30;
  function excerptStart(weighted) {
    var words = [];
    (weighted || []).forEach(function (word) { words[word.location] = (words[word.location] || 0) + word.balanced_score; });
    if (words.length <= EXCERPT_WORDS) { return 0; }
    var sum = 0, i;
    for (i = 0; i < EXCERPT_WORDS; i++) { sum += words[i] || 0; }
    var densest = sum, densestAt = [0];
    for (i = 0; i < words.length; i++) {
      sum += (words[i + EXCERPT_WORDS] || 0) - (words[i] || 0);
      if (sum > densest) { densest = sum; densestAt = [i]; }
      else if (sum === densest && densestAt[densestAt.length - 1] === i - 1) { densestAt.push(i); }
    }
    return densestAt[Math.floor(densestAt.length / 2)];
  }

  // The passage a hit is in: the last paragraph or comment that starts before the first matched word the
  // excerpt shows (else the first matched word). One before every passage is in the title, the byline or the
  // summary (see search.py), which the page does not show beside its text: then the first passage holding
  // a matched word, where the page can mark it, else none (the page's top).
  function passage(data) {
    var locations = data.locations || [];
    var start = excerptStart(data.weighted_locations);
    var shown = locations.filter(function (location) { return location >= start && location < start + EXCERPT_WORDS; });
    var at = shown.length ? shown[0] : (locations.length ? locations[0] : 0);
    var passages = (data.anchors || []).filter(function (anchor) { return PASSAGE.test(anchor.id); });
    if (passages.length && at < passages[0].location) {
      var inText = locations.filter(function (location) { return location >= passages[0].location; });
      if (inText.length) { at = inText[0]; }
    }
    var found = "";
    passages.forEach(function (anchor) {
      if (anchor.location <= at) { found = anchor.id; }
    });
    return found;
  }

  // an article or pronoun cut short, as the site's languages that elide write them (`l’`, `qu’`, `dell’`)
  var ELISION = "(?:" + (form.getAttribute("data-elisions") || "-").split(" ").join("|") + ")['’]";
  var ELIDED_WORD = new RegExp("(^|[^\\p{L}])(" + ELISION + ")(\\p{L}+)", "giu");
  // Two words the index keeps apart (see search.py), each sign that parts them as its excerpt writes it: apart
  // (`l’ hospitalité`), or ending a run of text, with or without the space
  var ELIDED = {
    apart: new RegExp("(^|[^\\p{L}])(" + ELISION + ") (?=\\p{L})", "giu"),
    ends: new RegExp("(^|[^\\p{L}])" + ELISION + "$", "iu"),
    endsApart: new RegExp("(^|[^\\p{L}])" + ELISION + " $", "iu"),
    word: /^\p{L}/u  // how the word after it starts
  };
  var MAQAF = { apart: /()(\u05be) (?=[\p{L}\p{N}])/gu, ends: /\u05be$/u, endsApart: /\u05be $/u, word: /^[\p{L}\p{N}]/u };
  // Ethiopic's wordspace, after which the index parts words (see search.py): a space after it is none the author wrote
  var WORDSPACE = { apart: /()(\u1361) (?=[\p{L}\p{N}])/gu, ends: /\u1361$/u, endsApart: /\u1361 $/u, word: /^[\p{L}\p{N}]/u };

  // An excerpt's words the index keeps apart joined again (`sign`: ELIDED or MAQAF): Pagefind's excerpt puts a
  // space between the two (`l’ hospitalité`, `בית־ ספר`), inside a run of text or where a marked word starts or
  // ends (`<mark>all’</mark> <mark>alba</mark>`).
  function rejoined(paragraph, sign) {
    var nodes = paragraph.childNodes;
    for (var i = 0; i < nodes.length; i++) {
      var text = nodes[i].textContent.replace(sign.apart, "$1$2");
      var next = nodes[i + 1] ? nodes[i + 1].textContent : "";
      if (sign.endsApart.test(text) && sign.word.test(next)) {
        text = text.slice(0, -1);
      } else if (sign.ends.test(text) && ((next.charAt(0) === " " && sign.word.test(next.slice(1))) ||
                 (next === " " && nodes[i + 2] && sign.word.test(nodes[i + 2].textContent)))) {
        nodes[i + 1].textContent = next.slice(1);  // a space alone between two marks is left empty
      }
      if (text !== nodes[i].textContent) { nodes[i].textContent = text; }
    }
    return paragraph;
  }

  // The punctuation Pagefind's marks take along with the word they mark (`<mark>clients,</mark>`,
  // `<mark>(brand)</mark>`): left outside the mark, as the page a result opens marks the word alone. An
  // apostrophe stays: it is part of an elided word (`all’`, see rejoined).
  var OPENING = /^[(\[{«“„‘‚"¿¡‹「『（［\u00a0\u202f]+/;
  var CLOSING = /[.,;:!?)\]}»”“"…›،؛؟。，、：；！？」』）］\u00a0\u202f\u1361-\u1368]+$/;

  // Pagefind's excerpt is text with <mark> around the matched words: keep exactly that, nothing else.
  function excerpt(html, lang) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    Array.prototype.forEach.call(parsed.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var word = node.textContent;
        var before = (word.match(OPENING) || [""])[0];
        var after = (word.slice(before.length).match(CLOSING) || [""])[0];
        var core = word.slice(before.length, word.length - after.length);
        if (after.charAt(0) === "." && core.indexOf(".") >= 0) {  // `U.S.`: its last dot is its own
          core += "."; after = after.slice(1);
        }
        var mark = document.createElement("mark");
        mark.textContent = core || word;  // nothing but punctuation: marked as Pagefind marked it
        if (before && core) { paragraph.appendChild(document.createTextNode(before)); }
        paragraph.appendChild(mark);
        if (after && core) { paragraph.appendChild(document.createTextNode(after)); }
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    if (paragraph.textContent.indexOf("\u05be") >= 0) { rejoined(paragraph, MAQAF); }
    if (paragraph.textContent.indexOf("\u1361") >= 0) { rejoined(paragraph, WORDSPACE); }
    var eliding = (form.getAttribute("data-elides") || "").split(" ");
    return eliding.indexOf(lang) >= 0 ? rejoined(paragraph, ELIDED) : paragraph;
  }

  // A language's name as this page's sentence writes it ("trouvé en français"), marked with the
  // language it is written in only where that is not the page's (a name CLDR does not know).
  function languageName(code, element) {
    var option = form.querySelector('input[name="lang"][value="' + code + '"] + span');
    element.textContent = option ? option.getAttribute("data-in-text") : code;
    var written = option ? option.getAttribute("data-in-text-lang") : code;
    if (written) { element.lang = written; }
    else if (document.documentElement.hasAttribute("data-words-lang")) {  // the page's word, in an English phrase
      element.lang = document.documentElement.lang;
      element.dir = "auto";
    }
  }

  // The page a hit opens, which the index holds in hexadecimal (see writing/search.py): as text it was
  // searched too, and a site's sub-path found every page.
  function fromHex(hex) {
    var bytes = new Uint8Array((hex.match(/[0-9a-f]{2}/g) || []).map(function (pair) { return parseInt(pair, 16); }));
    return new TextDecoder().decode(bytes);
  }

  // One result per passage: a word both languages share finds both versions of the same paragraph,
  // which open at the same place side by side; one hit stands for both, at the better hit's rank, shown
  // in the page's language where there is one (a Portuguese reader sees the Portuguese title, not the
  // Catalan translation that happened to rank higher), else in its original's (a Frisian reader of a
  // Dutch essay was shown its Polish translation), else the better.
  function preferred(data, reader) {
    var meta = data.meta || {};
    var found = languageOf(data);
    return found === reader ? 0 : meta.original && found === fromHex(meta.original) ? 1 : 2;
  }

  // The language a hit was found in, which the index holds in hexadecimal too: as a word, `ka` found every
  // Georgian page for `kakheti` (a Georgian walk)
  function languageOf(data) { return data.meta && data.meta.language ? fromHex(data.meta.language) : ""; }

  function onePerPassage(words, results) {
    var reader = document.documentElement.lang;
    var kept = [];
    var at = {};
    results.forEach(function (data) {
      var target = data.byRun ? data.byRun.passage : passage(data);
      var side = (data.meta && data.meta.side) ? fromHex(data.meta.side) : data.url;
      var place = side + "#" + target;
      var found = { data: data, target: target, side: side };
      if (!(place in at)) {
        at[place] = kept.length;
        kept.push(found);
      } else if (preferred(data, reader) < preferred(kept[at[place]].data, reader)) {
        kept[at[place]] = found;
      }
    });
    // A search page of one language's pages opens a hit in that language on its page in that language,
    // as every link there does; the site's own search page, a hit side by side.
    var scope = form.getAttribute("data-scope");
    return kept.map(function (found) {
      var text = excerpt(found.data.excerpt || "", languageOf(found.data));  // read once: shown, and its marks carried to the page
      var page = scope && languageOf(found.data) === scope ? found.data.url : found.side;
      return { data: found.data, text: text,
               href: page + "?highlight=" + encodeURIComponent(highlighted(words, text)) + (found.target ? "#" + found.target : "") };
    });
  }

  // The words to mark on the page a result opens: those typed, and the forms of them the index
  // matched there ("clientes" finds "clientul"), as its excerpt marks them.
  function highlighted(words, text) {
    var terms = words.toLowerCase().split(/\s+/).filter(Boolean);
    text.querySelectorAll("mark").forEach(function (mark) {
      mark.textContent.toLowerCase().split(/\s+/).forEach(function (term) {
        term = term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
        if (term && terms.indexOf(term) < 0) { terms.push(term); }
      });
    });
    return terms.join(" ");
  }

  // A hit in Arabic or Hebrew reads right to left, whatever the page's direction: its language's, which the
  // build wrote on the language's label (a site with such a language gets `dir` on every `lang`); "auto"
  // guessed from the first letter, and an excerpt starting with a Latin word ran left to right.
  function directionOf(lang) {
    var label = form.querySelector('.search-languages [lang="' + CSS.escape(lang) + '"]');
    return label && label.dir ? label.dir : "auto";
  }

  function show(words, lang, results) {
    var hits = onePerPassage(words, results);
    list.textContent = "";
    var english = hits.length && form.getAttribute("data-found-lang");  // a phrase the catalog lacks: English's digits too
    interfaceWords(status, hits.length ? form.getAttribute("data-found").replace("%(count)s",
      english ? String(hits.length) : written(hits.length)) : form.getAttribute("data-none"), english || "");
    hits.forEach(function (hit) {
      var data = hit.data;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.href;
      var found = languageOf(data);
      link.textContent = ((data.meta && data.meta.title) || data.url).replace(/\u200a/g, "");  // see search.py
      link.lang = found;
      link.dir = directionOf(found);
      var heading = document.createElement("h2");
      heading.appendChild(link);
      var where = document.createElement("p");
      where.className = "match-language";
      interfaceWords(where);
      var name = document.createElement("span");
      languageName(found, name);
      // one phrase for the translator, "%(language)s" where the language's name goes, in any order
      var phrase = form.getAttribute("data-matched").split("%(language)s");
      where.appendChild(document.createTextNode(phrase[0]));
      where.appendChild(name);
      where.appendChild(document.createTextNode(phrase.slice(1).join("")));
      var text = hit.text;
      text.lang = found;
      text.dir = directionOf(found);
      item.appendChild(heading);
      item.appendChild(where);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  // The forms of the reader's words to look for, in lower case as the index keeps them: a final Σ as ς
  // ("ΨΥΧΗΣ" found nothing of "ψυχής"). On a site in a language with a dotless ı, also as that language
  // lowers them ("ILIK" is "ılık"), and with ı as i where a capital stood: the index lowers I to i, so it
  // holds "Işık" as "işık" and "IŞIK" as "işik", which "ışık" did not find.
  function forms(words) {
    // Ethiopic's wordspace and marks part words as the index parts them (see search.py's ETHIOPIC_MARK)
    var found = [maqafApart(words.toLowerCase().replace(/[\u1361-\u1368]/g, " ").trim())];
    if (form.hasAttribute("data-dotless-i") && /[ıIİ]/.test(words)) {
      var turkic = words.toLocaleLowerCase("tr");
      found.push(turkic, turkic.replace(/(^|[^\p{L}])ı/gu, "$1i"), turkic.replace(/ı/g, "i"));
    }
    // the index keeps an elided article or pronoun apart from its word (`l’ hospitalité`, see search.py):
    // typed joined, the word is looked for without it (joined, it is in no document of the index)
    if (form.hasAttribute("data-elisions")) {  // `qu’il` as two words: `il` alone would find every `il…`
      found = found.map(function (each) {
        return each.replace(ELIDED_WORD, function (whole, before, elided, word) {
          return before + (word.length < 3 ? elided.slice(0, -1) + " " : "") + word;
        });
      });
    }
    // Ukrainian's apostrophe as each keyboard types it: the index holds a word with the modifier letter ʼ whole,
    // and one with ' or ’ as words apart, so "п'ять" found nothing of "пʼять", nor "мʼята" of "м'ята"
    if (/\p{L}['’ʼ]\p{L}/u.test(words)) {
      found = found.concat(found.map(function (each) { return each.replace(/(\p{L})['’](?=\p{L})/gu, "$1\u02bc"); }),
                           found.map(function (each) { return each.replace(/(\p{L})\u02bc(?=\p{L})/gu, "$1’"); }));
    }
    // a letter made of no other (data-own-letters: "lł dđ"), which a reader's keyboard may lack
    (form.getAttribute("data-own-letters") || "").split(" ").filter(Boolean).forEach(function (pair) {
      if (found[0].indexOf(pair[0]) >= 0) {
        found = found.concat.apply(found, found.map(function (each) { return otherLetters(each, pair[0], pair[1]); }));
      }
    });
    if (form.hasAttribute("data-arabic-script") && /[يكىیکهہھةۃ]/.test(words)) {
      found = found.concat(found.map(persianLetters), found.map(arabicLetters), found.map(function (each) {
        return urduLetters(each).replace(/\u06be/g, "\u06c1");  // دہلی, whose ہ follows a د as بھ's ھ does
      }), found.map(urduLetters));
    }
    // Armenian's `և` as one letter or as `եւ`, both spellings in use, and `եվ` as its capitals `ԵՎ` lower (a
    // Georgian walk with Armenian: `Երեւան` found nothing of `Երևան`, nor `ԵՐԵՎԱՆ`)
    if (/[\u0565\u0587]/.test(found[0])) {
      found = found.concat(found.map(function (each) { return each.replace(/\u0587|\u0565\u057e/g, "\u0565\u0582"); }),
                           found.map(function (each) { return each.replace(/\u0565[\u0582\u057e]/g, "\u0587"); }));
    }
    // Serbian in its other script: its readers write both, and type Latin most (a Russian walk with Serbian:
    // `ekonomija` found nothing of `економија`), `dj` for `đ` on a keyboard without it
    if (form.hasAttribute("data-serbian")) {
      found = found.concat(found.map(serbianCyrillic), found.map(function (each) {
        return serbianCyrillic(each.replace(/dj/g, "đ"));
      }), found.map(serbianLatin));
    }
    // Latin letters and digits in both widths on a Chinese, Japanese or Korean site: its keyboards type either
    // (`ＡＢＣ`, `２０２６`), and the index holds each as written (a Chinese walk: `2026` missed `２０２６`)
    if (form.hasAttribute("data-wide-forms") && /[!-~\uff01-\uff5e]/.test(words)) {
      found = found.concat(found.map(function (each) { return each.normalize("NFKC"); }), found.map(function (each) {
        return each.replace(/[!-~]/g, function (narrow) { return String.fromCharCode(narrow.charCodeAt(0) + 0xfee0); });
      }));
    }
    // the site's own digits (data-digit-sets), and both Arabic-script keyboards' on a site written in that script
    var sets = (form.getAttribute("data-digit-sets") || "").split(" ").filter(Boolean)
      .concat(form.hasAttribute("data-arabic-script") ? ["\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"] : []);
    if (sets.length && /\p{Nd}/u.test(words)) {
      sets = ["0123456789"].concat(sets).filter(function (set, at, all) { return all.indexOf(set) === at; });
      found = found.concat.apply(found, sets.map(function (set) { return found.map(function (each) { return inDigits(each, sets, set); }); }));
    }
    // each form is a search of its own, all at once: a few dozen at the most, the likeliest first (a query of a
    // Polish, Turkish and Persian site's variants made 384)
    return found.filter(function (each, at) { return found.indexOf(each) === at; }).slice(0, MOST_FORMS);
  }
  var MOST_FORMS = 24;

  // The two words a Hebrew maqaf joins are two in the index (see search.py): looked for as two, and a prefix of
  // one letter (`ה־20`, "the 20th") as none, which alone would find every word it starts. A hyphen typed for the
  // maqaf (a Hebrew keyboard's plain layer has none) likewise.
  function maqafApart(words) {
    return words.replace(/(?<![\p{L}\p{M}])[\u05d0-\u05ea]\p{M}*[\u05be-](?=[\p{L}\p{N}])/gu, "")  // ו־ה־ too
      .replace(/([\u05d0-\u05ea]\p{M}*)[\u05be-](?=[\u05d0-\u05ea\p{N}])/gu, "$1 ").replace(/\u05be/g, " ");
  }

  // The forms of `words` with each `plain` letter as `other`, a letter made of no other: Polish's ł, Vietnamese's
  // đ, Turkish's ı. The index keeps it with the other marks gone ("łódź" as "łodz", "đường" as "đuong"), so "lodz"
  // and "duong", typed on a keyboard without it, found nothing. Every choice in a word of a few; in a longer one,
  // all or none.
  function otherLetters(words, plain, other) {
    var either = new RegExp("[" + plain + other + "]", "g");
    var spelled = [""];
    words.split(/(\s+)/).forEach(function (word) {
      var count = (word.match(either) || []).length;
      var choices = count > 3 ? [word, word.split(plain).join(other)] : [word];
      for (var at = 0; count && count <= 3 && at < count; at++) {
        choices = choices.concat(choices.map(function (each) {
          var which = -1;
          return each.replace(either, function (letter) { which += 1; return which === at ? other : letter; });
        }));
      }
      spelled = [].concat.apply([], spelled.map(function (before) {
        return choices.map(function (choice) { return before + choice; });
      })).slice(0, 16);  // a query of many such words: the first forms, not thousands of searches
    });
    return spelled.slice(1);
  }

  // Serbian's two scripts, letter for letter (its Latin's lj, nj and dž are one Cyrillic letter each)
  var SERBIAN_LATIN = ["lj", "nj", "dž", "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "m", "n", "o",
                       "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "š"];
  var SERBIAN_CYRILLIC = "љњџабвгдђежзијклмнопрстћуфхцчш";
  function serbianCyrillic(words) {
    return words.normalize("NFC").replace(/lj|nj|dž|[a-pr-vzćčđšž]/g, function (latin) {
      return SERBIAN_CYRILLIC[SERBIAN_LATIN.indexOf(latin)] || latin;
    });
  }
  function serbianLatin(words) {
    return words.replace(/[\u0430-\u045f]/g, function (cyrillic) {
      var at = SERBIAN_CYRILLIC.indexOf(cyrillic);
      return at >= 0 ? SERBIAN_LATIN[at] : cyrillic;
    });
  }

  // A word as Persian and Urdu write its yeh and kaf (ی ک), and as Arabic does (ي ك): the index keeps each
  // as written, and an Arabic keyboard types Arabic's letters in a Persian word ("يلدا" found nothing of "یلدا").
  // Their heh too: Persian and Arabic write one (ه), Urdu a round one (ہ) and, for the breath after b, p, t, d, k,
  // g, r and their kin, a two-eyed one (ھ); an Arabic or Persian keyboard types ه ("لاهور" found nothing of
  // "لاہور", nor "دوده" of "دودھ": an Urdu walk), and Urdu's round teh marbuta (ۃ) is Arabic's ة
  function ownYehKaf(words) { return words.replace(/[يى]/g, "\u06cc").replace(/ك/g, "\u06a9"); }  // Persian's and Urdu's
  function persianLetters(words) { return ownYehKaf(words).replace(/[ہھ]/g, "\u0647").replace(/ۃ/g, "\u0629"); }
  function arabicLetters(words) { return persianLetters(words).replace(/ی/g, "\u064a").replace(/ک/g, "\u0643"); }
  function urduLetters(words) {
    return ownYehKaf(words).replace(/ة/g, "\u06c3").replace(/([بپتٹجچدڈکگرڑ])ه/g, "$1\u06be").replace(/ه/g, "\u06c1");
  }

  // A number written in the digits `set`, whichever of `sets` it was typed in ("1402" finds "۱۴۰۲")
  function inDigits(words, sets, set) {
    return Array.from(words).map(function (char) {
      for (var at = 0; at < sets.length; at += 1) {
        var value = Array.from(sets[at]).indexOf(char);
        if (value >= 0) { return Array.from(set)[value]; }
      }
      return char;
    }).join("");
  }

  // The hits that mark a word the reader looked for (in any of its forms), and only those where there are any:
  // where a form matches nothing, Pagefind looks for a shorter start of it, and its guesses are no one's words
  // ("olowek" listed the About page for its "O" beside "ołówek"; "ışığı" four English pages for their "is").
  // Where no hit marks one, the guesses are what there is. A word is the reader's when it starts as a form's
  // word does (four letters, marks aside: "clientes" finds "clientul"). Of a Chinese word no page holds, the
  // guesses kept mark two of its characters or more (`怡君` of `陈怡君`): one of them is no page about it
  // (`待审核秘密词` listed a page for its `词`). `chinese`: the query's Chinese runs.
  function readersWordsFound(asked, results, chinese) {
    var starts = [].concat.apply([], asked.map(function (each) { return each.split(/\s+/); }))
      .filter(Boolean).map(function (term) { return folded(term).slice(0, 4); });
    function guessed(data) {
      if (data.byRun) { return false; }  // its text holds what was typed (see byRuns)
      var marked = ((data.excerpt || "").match(/<mark>[^<]*<\/mark>/g) || []).map(function (mark) {
        return folded(mark.slice(6, -7).replace(/^[^\p{L}\p{N}]+/u, ""));
      });
      return marked.length > 0 && !marked.some(function (word) {
        return starts.some(function (start) { return word.indexOf(start) === 0; });
      });
    }
    // where a hit holds the runs the browser parted as typed, one that does not is no one's (see byRuns)
    var holding = results.filter(function (data) { return data.byRun; });
    var found = (holding.length ? holding : results).filter(function (data) { return !guessed(data); });
    if (found.length || !chinese.length) { return found.length ? found : results; }
    return results.filter(function (data) {
      // Pagefind marks each character of an index cut into them apart: marks side by side are one word
      var excerpt = (data.excerpt || "").replace(/<\/mark>[\s\u200b]*<mark>/g, "");
      return (excerpt.match(/<mark>[^<]*<\/mark>/g) || []).some(function (mark) {
        var word = mark.slice(6, -7);
        return Array.from(word).length > 1 && chinese.some(function (run) { return run.indexOf(word) >= 0; });
      });
    });
  }

  // A word without the accents that Latin, Greek and Cyrillic letters carry (`é`, `ё`, `ά`), and Hebrew's and
  // Arabic's vowel points, which a writer may leave out; not the vowel signs
  // that make a Tamil or Sinhala letter (a Tamil walk: `மழை`, rain, read `மழ`, and took `மொழிபெயர்க்கிறார்கள்`
  // for the reader's word)
  function folded(word) { return word.normalize("NFD").replace(/[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670]/g, "").toLowerCase(); }

  // Thai, Lao, Khmer, Burmese, Chinese and Japanese write a phrase's words without spaces. Pagefind's build cut
  // the index's text into words by its dictionary, and its script cuts the reader's query by the browser's,
  // which parts some words the index keeps whole: "ชาเย็น" (iced tea), looked for as "ชา" and "เย็น", found
  // nothing of the essay it names. Where no hit holds such a run as typed, the run is looked for whole: its
  // first word (the one sure to start a word of the index) finds the pages, and a page is kept where its text
  // holds every run, linked to the passage that holds it, its excerpt the run in its sentence.
  // (Script_Extensions: Japanese's long vowel mark ー, and 々, belong to the run they stand in.)
  var UNSPACED = /[\p{scx=Thai}\p{scx=Lao}\p{scx=Khmr}\p{scx=Mymr}\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]+/gu;
  var GAP = /[\s\u200b]/;  // between two words of Pagefind's text: a space, or the zero-width one it puts there
  var MOST_WHOLE = 40;  // pages read to find a run in, the first word's best: a short word starts many
  var AROUND_RUN = 60;  // letters of its sentence an excerpt shows before a run (twice as many after)

  // Thai's and Lao's sara am typed in two keys (nikhahit, a tone mark perhaps, sara aa): the one letter the
  // index holds (as a tag key is read: reading/names.TYPED_APART)
  function saraAmJoined(words) {
    return words.replace(/([\u0e4d\u0ecd])([\u0e48-\u0e4b\u0ec8-\u0ecb]?)([\u0e32\u0eb2])/g, function (typed, nikhahit, tone, aa) {
      return tone + String.fromCharCode(aa.charCodeAt(0) + 1);
    });
  }

  // The browser's words, as it cuts the page's language (made once, when first asked)
  var segmenter = null;
  function wordsOf(text) {
    segmenter = segmenter || new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: "word" });
    return Array.from(segmenter.segment(text));
  }

  // The runs the index may cut otherwise than the browser: those it parts, and on a site in Traditional Chinese
  // (data-characters) a Chinese word of two characters or more, which Pagefind's dictionary (Simplified
  // Chinese's) cut into characters: `廣告` is `廣` and `告` in the index, and the browser's whole word matched
  // nothing (a Chinese walk).
  var CHINESE = /^\p{scx=Han}{2,}$/u;
  function partedRuns(words) {
    if (typeof Intl.Segmenter !== "function") { return []; }
    var characters = form.hasAttribute("data-characters");
    return (words.match(UNSPACED) || []).map(function (run) {
      return { run: run, words: wordsOf(run).filter(function (part) { return part.isWordLike; }) };
    }).filter(function (parted) { return parted.words.length > 1 || characters && CHINESE.test(parted.run); });
  }

  // A page's text with the gaps Pagefind parts its words with (its `content` has none: `raw_content` keeps them)
  function gappedText(data) { return data.raw_content || data.content || ""; }

  // Where a page's text holds the first run, if it holds every run: each {start, end} in its text (Pagefind's,
  // its gaps counted), or null.
  function runIn(data, parted) {
    var content = gappedText(data);
    var joined = "", places = [];
    for (var at = 0; at < content.length; at++) {
      if (!GAP.test(content[at])) { joined += content[at]; places.push(at); }
    }
    if (!parted.every(function (each) { return joined.indexOf(each.run) >= 0; })) { return null; }
    var found = [], run = parted[0].run;
    for (var from = joined.indexOf(run); from >= 0; from = joined.indexOf(run, from + 1)) {
      found.push({ start: places[from], end: places[from + run.length - 1] + 1 });
    }
    return found;
  }

  // A page found by its run, as a hit shows it: the run marked in its sentence, and the passage that holds it,
  // the first that does (the title, the byline and the summary come before every passage, as passage() says).
  // Passages are placed by words, Pagefind's, which its text parts with gaps; a stop between two is one too.
  function foundByRun(data, places) {
    var content = gappedText(data);
    var passages = (data.anchors || []).filter(function (anchor) { return PASSAGE.test(anchor.id); });
    var inPassages = places.map(function (place) {
      var words = content.slice(0, place.start).split(GAP).filter(Boolean).length;
      var within = passages.filter(function (anchor) { return anchor.location <= words; });
      return { place: place, passage: within.length ? within[within.length - 1].id : "" };
    });
    var chosen = inPassages.filter(function (each) { return each.passage; })[0] || inPassages[0];
    var place = chosen.place;
    function shown(text) {
      return text.replace(/\u200b/g, "").replace(/[&<>]/g, function (c) { return c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"; });
    }
    var excerpt = shown(wholeWords(content, Math.max(0, place.start - AROUND_RUN), place.start)) + "<mark>" +
      shown(content.slice(place.start, place.end)) + "</mark>" +
      shown(wholeWords(content, place.end, Math.min(content.length, place.end + 2 * AROUND_RUN)));
    return Object.assign({}, data, { excerpt: excerpt, byRun: { passage: chosen.passage } });
  }

  // Each hit whose text holds the runs the browser parted, shown by them: the run marked as typed, in the passage
  // that holds it (Pagefind's excerpt marks its parts, the first passage one of them is in: "ชา" of "ชาวนา").
  function byRuns(found, parted) {
    return parted.length ? found.map(function (data) {
      var places = runIn(data, parted);
      return places ? foundByRun(data, places) : data;
    }) : found;
  }

  // `content` from `start` to `end`, less a word cut at either end (a Thai vowel left without its consonant)
  function wholeWords(content, start, end) {
    var parts = wordsOf(content.slice(start, end)).map(function (part) { return part.segment; });
    if (start > 0 && parts.length > 1) { parts.shift(); }
    if (end < content.length && parts.length > 1) { parts.pop(); }
    return parts.join("");
  }

  // The pages that hold the runs the browser parted, where none of the hits `found` does: found by the first
  // run's first word. A Chinese run is looked for by its characters too, together and the first alone, as an
  // index cut into characters holds it, hits or none: one page's text may be cut so and another's not.
  function wholeRuns(index, parted, found) {
    var held = found.some(function (data) { return data.byRun; });
    var chinese = form.hasAttribute("data-characters") && parted.length > 0 && CHINESE.test(parted[0].run);
    if (!parted.length || held && !chinese) { return Promise.resolve([]); }
    var known = found.map(function (data) { return data.url; });
    var letters = Array.from(parted[0].run);
    var looked = (held ? [] : [parted[0].words[0].segment]).concat(chinese ? [letters.join(" "), letters[0]] : []);
    return searchAll(index, looked).then(function (search) {
      return pagesOf(search, MOST_WHOLE);
    }).then(function (results) {
      return results.filter(function (data) { return known.indexOf(data.url) < 0; }).map(function (data) {
        var places = runIn(data, parted);
        return places && foundByRun(data, places);
      }).filter(Boolean);
    });
  }

  // A phrase in quotes that Pagefind finds nowhere, though a page holds it: it misses one whose page writes a
  // word of it in two ways (`все` and `всё`, "все свои" found nothing: a Russian walk). Its words are then looked
  // for apart, and a page kept whose text holds each phrase, marks and case aside.
  function phrasesFound(index, typed, found) {
    var phrases = (typed.match(/"[^"]+"/g) || []).map(function (quoted) {
      return folded(quoted.slice(1, -1)).replace(/\s+/g, " ").trim();
    }).filter(Boolean);
    if (!phrases.length || found.length) { return Promise.resolve(found); }
    return index.search(typed.replace(/"/g, " ")).then(function (search) {
      return pagesOf(search, MOST_WHOLE);
    }).then(function (results) {
      return results.filter(function (data) {
        var text = folded(data.content || "").replace(/\s+/g, " ");
        return phrases.every(function (phrase) { return text.indexOf(phrase) >= 0; });
      });
    });
  }

  // The data of a search's best `most` pages, each a fragment the browser loads
  function pagesOf(search, most) {
    return Promise.all(search.results.slice(0, most).map(function (result) { return result.data(); }));
  }

  // Every form searched, each page once at its best score, best first.
  function searchAll(index, asked) {
    if (asked.length === 1) { return index.search(asked[0]); }
    return Promise.all(asked.map(function (each) { return index.search(each); })).then(function (searches) {
      var best = [];
      var at = {};
      searches.forEach(function (search) {
        search.results.forEach(function (result) {
          if (!(result.id in at)) { at[result.id] = best.length; best.push(result); }
          else if (result.score > best[at[result.id]].score) { best[at[result.id]] = result; }
        });
      });
      return { results: best.sort(function (a, b) { return b.score - a.score; }) };
    });
  }

  function run() {
    var words = form.elements.q.value.trim();
    var lang = form.querySelector('input[name="lang"]:checked').value;
    var address = new URL(window.location.href);
    address.searchParams.set("q", words);
    if (lang) { address.searchParams.set("lang", lang); } else { address.searchParams.delete("lang"); }
    window.history.replaceState(null, "", address.href);
    if (!words) { list.textContent = ""; status.textContent = ""; return; }
    interfaceWords(status, form.getAttribute("data-loading"));
    var typed = saraAmJoined(words);  // as the index holds a Thai word
    var asked = forms(typed);  // searched, then what their hits mark is weighed by
    var parted = partedRuns(typed);  // runs of letters the browser cuts where the index may not
    load().then(function (index) {
      return searchAll(index, asked).then(function (search) {
        // one index for every language: narrowing to one is done here, on the best hits
        return pagesOf(search, lang ? 60 : 20);
      }).then(function (found) {
        found = byRuns(found, parted);
        return wholeRuns(index, parted, found).then(function (byRun) {
          // the index's own hits that hold the runs first, then those found by the runs, then the rest
          var holding = found.filter(function (data) { return data.byRun; });
          return holding.concat(byRun, found.filter(function (data) { return !data.byRun; }));
        });
      }).then(function (found) {
        return phrasesFound(index, typed, found);
      });
    }).then(function (results) {
      // what is the reader's is judged in every language, then narrowed to the one asked: a guess in English
      // ("is" for "ışığı") is none the better for the Turkish hits being set aside
      var chinese = (typed.match(UNSPACED) || []).filter(function (run) { return CHINESE.test(run); });
      show(words, lang, readersWordsFound(asked, results, chinese).filter(function (data) {
        return !lang || languageOf(data) === lang;
      }).slice(0, 20));
    })
      .catch(function () { interfaceWords(status, form.getAttribute("data-none")); });
  }

  form.hidden = false;
  var fallback = document.querySelector("[data-search-fallback]");
  if (fallback) { fallback.hidden = true; }
  var asked = new URLSearchParams(window.location.search);
  form.elements.q.value = asked.get("q") || "";
  var chosen = form.querySelector('input[name="lang"][value="' + (asked.get("lang") || "").replace(/[^a-zA-Z-]/g, "") + '"]');
  if (chosen) { chosen.checked = true; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!form.elements.q.value.trim()) {  // nothing to find: back to the field, whose label says what it wants
      form.elements.q.value = "";
      form.elements.q.focus();
    }
    run();
  });
  form.addEventListener("change", function (event) { if (event.target.name === "lang") { run(); } });
  if (form.elements.q.value) { run(); }
})();
