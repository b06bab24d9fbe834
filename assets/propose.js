/* Readers propose comments: a small form composes a comment file and opens GitHub's new-file
   page with it (a pull request for review), a new issue carrying it (`issues: true`, no fork), or
   an e-mail. An issue or an e-mail reads as a letter: the reader's text, then the file between two
   marker lines that `import issue` and `import mail` look for. Without this script the same links
   lead to GitHub with a file to fill in. The composing functions mirror tertulia/site/proposals.py. */
(function () {
  "use strict";

  // a number's digits as the page's own words write them (data-digits, set by the build: Bengali's ১২)
  function written(number) {
    var digits = Array.from(document.documentElement.getAttribute("data-digits") || "0123456789");
    return String(number).replace(/[0-9]/g, function (digit) { return digits[digit]; });
  }

  // a number grouped as the page's language groups it in the page's digits (Persian's ۵۰٬۰۰۰, not ۵۰,۰۰۰):
  // the numbering system the build wrote the page's numbers in (data-numbering), Latin's where it says none
  function grouped(number, language) {
    var system = document.documentElement.getAttribute("data-numbering") || "latn";
    return written(number.toLocaleString(language, { numberingSystem: system }));  // a system the browser lacks: Latin, then
  }

  var MAX_URL = 8000;  // GitHub answers longer addresses with an error page
  var MAX_ISSUE = 65536;  // GitHub refuses an issue whose body is longer (in characters)
  var KEPT = "tertulia.proposer";
  var ISSUE_TEMPLATE = "comment.md";  // labels the issue `comment` for any reader (tertulia/site/proposals.py)
  var ISSUE_LABEL = "comment";  // for its owners, where the template is missing
  // Fixed English words whatever the page's language, so an import finds them.
  var LETTER_BEGIN = "-------- Tertulia comment file: keep it as it is --------";
  var LETTER_END = "-------- end of the comment file --------";
  var HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
  // a website typed without https:// (the name and website are kept only when the reader asks): a host's
  // labels between its dots, each dot a fixed point, so a long run of `a.a.a…` is read once
  var HOST_FIRST = /^[^\s\/:@"'<>.]+(?:\.[^\s\/:@"'<>.]+)+\.?(?:[\/?#][^\s"'<>]*)?$/;
  var LONGEST_WEBSITE = 2000;  // as the import's (site/proposals.py)
  // Characters YAML will not take raw in a double-quoted scalar, or would read as a line break.
  var UNSAFE_IN_YAML = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"\\]/g;
  var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g;

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

  function wellFormed(text) {
    return String(text).replace(LONE_SURROGATE, function (match, before) {
      return (before || "") + "\ufffd";
    });
  }

  function yamlQuoted(text) {
    return '"' + wellFormed(text).replace(UNSAFE_IN_YAML, function (char) {
      if (char === '"' || char === "\\") { return "\\" + char; }
      return "\\u" + ("000" + char.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }

  // A comment file with only the keys the form sets, each value the reader's text verbatim.
  function commentFile(fields) {
    var lines = ["---", "author: " + yamlQuoted(fields.author || "Anonymous")];
    if (fields.url) { lines.push("url: " + yamlQuoted(fields.url)); }
    if (fields.date) { lines.push("date: " + yamlQuoted(fields.date)); }
    if (fields.replyTo) { lines.push("reply_to: " + yamlQuoted(fields.replyTo)); }
    var body = wellFormed(fields.body).replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
    return lines.join("\n") + "\n---\n\n" + body + "\n";
  }

  function pad(number, width) { return ("000" + number).slice(-width); }

  // "YYYY-MM-DD HH:MM+00:00": in UTC, saying so, since a site with a timezone reads a time without
  // an offset as its own local time.
  function dateOf(now) {
    return now.getUTCFullYear() + "-" + pad(now.getUTCMonth() + 1, 2) + "-" + pad(now.getUTCDate(), 2) + " " +
      pad(now.getUTCHours(), 2) + ":" + pad(now.getUTCMinutes(), 2) + "+00:00";
  }

  // Unique without knowing the other comments: the time, then 8 random letters or digits
  // (36^8 of them), so ids sort by when they were written and match [a-z0-9]+(-[a-z0-9]+)*.
  function newId(now, randomValues) {
    var bytes = randomValues(new Uint32Array(8));
    var tail = "";
    for (var i = 0; i < 8; i++) { tail += (bytes[i] % 36).toString(36); }
    return now.getUTCFullYear() + pad(now.getUTCMonth() + 1, 2) + pad(now.getUTCDate(), 2) + "-" +
      pad(now.getUTCHours(), 2) + pad(now.getUTCMinutes(), 2) + "-" + tail;
  }

  function githubUrl(repo, branch, path, text) {
    return "https://github.com/" + repo + "/new/" + branch.split("/").map(encodeURIComponent).join("/") +
      "?filename=" + encodeURIComponent(path) + "&value=" + encodeURIComponent(text);
  }

  function mailtoUrl(email, subject, text) {
    return "mailto:" + email + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(text);
  }

  function issueUrl(repo, title, body) {
    return "https://github.com/" + repo + "/issues/new?template=" + ISSUE_TEMPLATE + "&labels=" + ISSUE_LABEL +
      "&title=" + encodeURIComponent(title) + "&body=" + encodeURIComponent(body);
  }

  // The reader's text first, readable in any mail program, then the comment file between the markers.
  function letter(text, path, file) {
    var typed = wellFormed(text).replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
    return (typed ? typed + "\n\n" : "") + LETTER_BEGIN + "\n" + path + "\n" + file + LETTER_END + "\n";
  }

  // {url} as a comment may link it (`example.org` gets https://), or {problem: true}.
  function completeWebsite(url, pattern) {
    var safe = new RegExp("^(?:" + pattern + ")$");
    url = url.trim();
    if (!url || safe.test(url)) { return { url: url }; }
    if (url.length > LONGEST_WEBSITE || (HAS_SCHEME.test(url) && !/^https?:/i.test(url)) || !HOST_FIRST.test(url)) {
      return { problem: true };
    }
    return { url: "https://" + url };
  }

  // What `check` would refuse in a comment, with the same limits (the page carries Python's numbers).
  function commentProblem(body, limits) {
    body = body.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");  // as the import reads the letter
    var chars = Array.from(body).length;  // code points, as Python counts
    if (chars > limits.chars) { return { kind: "chars", count: chars, max: limits.chars }; }
    var signs = [["brackets", "["], ["angles", "<"]];
    for (var i = 0; i < signs.length; i++) {
      var count = body.split(signs[i][1]).length - 1;
      if (count > limits[signs[i][0]]) { return { kind: signs[i][0], count: count, max: limits[signs[i][0]] }; }
    }
    var lines = body.split("\n").length;
    if (lines > limits.lines) { return { kind: "lines", count: lines, max: limits.lines }; }
    return null;
  }

  function safeLink(url) { return /^https?:\/\/[^\s]+$/i.test(url); }

  // An approximate preview: paragraphs, quotes, emphasis, code and http(s) links, built as DOM
  // nodes so nothing the reader typed is ever read as HTML. The build renders the real thing. The
  // inline tags the build keeps in a comment (`<b>`, `<em>`…) are drawn as they will be, each made
  // here by its name from this list, never parsed, and without the attributes the build drops too.
  var INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|(?<![A-Za-z0-9_])_[^_\s][^_]*_(?![A-Za-z0-9_]))|\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|<(b|i|em|strong|del|s|sub|sup|q|code)(?:\s[^<>]*)?>([\s\S]*?)<\/\6\s*>|(<br(?:\s[^<>]*)?\/?>)|<(https?:\/\/[^<>\s]+)>|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:[\s\/][^<>]*)?>/i;
  // The tags the build keeps (markup.py's COMMENT_TAGS) or shows as typed (its SWALLOWING_TAG): the
  // preview shows them as text when it does not draw them. The build takes any other tag out and
  // keeps its words (`<span>a</span>` is "a"), and so does the preview.
  var KEPT_OR_SHOWN = /^(?:a|abbr|b|blockquote|br|code|del|em|hr|i|li|ol|p|pre|q|s|strong|sub|sup|table|tbody|td|th|thead|tr|ul|script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template|select|object|embed|applet|svg)$/i;

  // A web address typed as plain text is linked, as the build links it (reading/linkify.py): from
  // http://, https:// or www. to a space, a full-width sign or a direction control, without the punctuation after it.
  var ADDRESS = /(?<![A-Za-z0-9_@\/.=-])(?<!=")(?<!=')(?:https?:\/\/|www\.[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)[^\s<>"\u3000-\u303f\uff00-\uffef\u202a-\u202e\u2066-\u2069]*/iu;
  function withoutTrailing(address) {
    // in one pass from the end, counting the parentheses once: a long run of them froze the tab
    var end = address.length;
    var unopened = {")": address.split(")").length - address.split("(").length,
                    "]": address.split("]").length - address.split("[").length};
    while (end) {
      var last = address.charAt(end - 1);
      if (last in unopened && unopened[last] <= 0) { break; }
      if (!("?!.,:;*_~')]".indexOf(last) >= 0 || (last > "\x7f" && /[\p{P}\p{Z}]/u.test(last)))) { break; }
      if (last in unopened) { unopened[last] -= 1; }
      end -= 1;
    }
    return address.slice(0, end);
  }
  function linkedText(parent, text, inLink) {
    var match;
    while (!inLink && (match = ADDRESS.exec(text))) {
      var address = withoutTrailing(match[0]), end = match.index + address.length;
      if (/:\/\/$/.test(address)) { end = match.index + match[0].length; address = ""; }
      parent.appendChild(document.createTextNode(text.slice(0, address ? match.index : end)));
      if (address) {
        var link = document.createElement("a");
        link.href = /:\/\//.test(address) ? address : "http://" + address;
        link.rel = "nofollow ugc noopener";
        link.textContent = address;
        parent.appendChild(link);
      }
      text = text.slice(end);
    }
    parent.appendChild(document.createTextNode(text));
  }

  function inline(parent, text, inLink) {
    var match, address;
    while ((match = INLINE.exec(text))) {
      // an address that starts before any markup is an address whole: `Bertrand_Russell_paradox` in it is
      // no emphasis, as the build links it before reading its words
      address = inLink ? null : ADDRESS.exec(text);
      if (address && address.index < match.index) {
        var end = address.index + withoutTrailing(address[0]).length;
        linkedText(parent, text.slice(0, end), inLink);
        text = text.slice(end);
        continue;
      }
      linkedText(parent, text.slice(0, match.index), inLink);
      var element;
      if (match[1]) { element = document.createElement("code"); element.textContent = match[1].slice(1, -1); }
      else if (match[2]) { element = document.createElement("strong"); inline(element, match[2].slice(2, -2), inLink); }
      else if (match[3]) { element = document.createElement("em"); inline(element, match[3].slice(1, -1), inLink); }
      else if (match[6]) {
        element = document.createElement(match[6].toLowerCase());
        // Markdown goes on inside a tag, even <code> (only `code` spans hold it off); addresses are not linked in code
        inline(element, match[7], inLink || match[6].toLowerCase() === "code");
      } else if (match[8]) { element = document.createElement("br"); }
      else if (match[9] && inLink) { element = document.createTextNode(match[9]); }  // no link inside a link
      else if (match[9]) {  // `<https://…>`, Markdown's way to link an address: linked, as the build links it
        element = document.createElement("a"); element.href = match[9]; element.rel = "nofollow ugc noopener";
        element.textContent = match[9];
      }
      else if (match[10]) { element = document.createTextNode(KEPT_OR_SHOWN.test(match[10]) ? match[0] : ""); }
      else if (safeLink(match[5])) {
        element = document.createElement("a"); element.href = match[5]; element.rel = "nofollow ugc noopener";
        inline(element, match[4], true);
      } else {
        // a link the preview does not follow (javascript:, a page of this site): its words, as the build
        // keeps the words of a link it takes the address from
        element = document.createElement("span");
        inline(element, match[4], true);
      }
      parent.appendChild(element);
      text = text.slice(match.index + match[0].length);
    }
    linkedText(parent, text, inLink);
  }

  function codeBlock(text) {
    var pre = document.createElement("pre"), code = document.createElement("code");
    code.textContent = text;
    pre.appendChild(code);
    return pre;
  }

  // The text cut at its fenced code blocks (``` or ~~~, closed by a fence as long), which keep their
  // blank lines: [prose, code, prose, ...].
  function fenced(markdown) {
    var parts = [], prose = [], code = null, fence = null;
    markdown.split("\n").forEach(function (line) {
      var mark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (code === null && mark && !(mark[1][0] === "`" && line.indexOf("`", mark[0].length) >= 0)) {
        parts.push(prose.join("\n"));
        prose = [];
        code = [];
        fence = mark[1];
      } else if (code !== null && mark && mark[1][0] === fence[0] && mark[1].length >= fence.length &&
                 !line.slice(mark[0].length).trim()) {
        parts.push(code.join("\n"));
        code = null;
      } else {
        (code === null ? prose : code).push(line);
      }
    });
    parts.push(code === null ? prose.join("\n") : code.join("\n"));  // an unclosed fence runs to the end
    return parts;
  }

  function preview(container, markdown) {
    container.textContent = "";
    fenced(markdown.replace(/\r\n?/g, "\n")).forEach(function (part, index) {
      if (index % 2) { container.appendChild(codeBlock(part)); } else { previewProse(container, part); }
    });
  }

  function previewProse(container, markdown) {
    apartFromRules(markdown).split(/\n\s*\n/).forEach(function (block) {
      block = block.replace(/^\n+|\n+$/g, "");
      if (!block.trim()) { return; }
      if (/^( {4}|\t)/.test(block) && block.split("\n").every(function (line) { return /^( {4}|\t)/.test(line); })) {
        container.appendChild(codeBlock(block.replace(/^( {4}|\t)/gm, "")));
        return;
      }
      // a line across (`---`, `* * *`) stands for itself, as in the published comment: not a paragraph of dashes
      if (RULE.test(block)) { container.appendChild(document.createElement("hr")); return; }
      if (LIST_ITEM.test(block)) { container.appendChild(list(block)); return; }
      var quoted = /^>\s?/.test(block);
      var paragraph = document.createElement("p");
      inline(paragraph, quoted ? block.replace(/^>\s?/gm, "") : block);
      if (quoted) {
        var quote = document.createElement("blockquote");
        quote.appendChild(paragraph);
        paragraph = quote;
      }
      container.appendChild(paragraph);
    });
  }

  var RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
  // A line across is a block of its own even where text touches it (`Text` over `***`), as the build reads
  // it; but dashes right under a line of text underline it into a heading there, which this leaves alone.
  function apartFromRules(markdown) {
    var lines = markdown.split("\n");
    return lines.map(function (line, index) {
      var underlines = /^ {0,3}-/.test(line) && index > 0 && lines[index - 1].trim() !== "";
      return RULE.test(line) && !underlines ? "\n" + line + "\n" : line;
    }).join("\n");
  }
  // A list as the build makes one: `- `, `* `, `+ ` or `1. ` starts an item, any other line goes on with it.
  var LIST_ITEM = /^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+/;
  function list(block) {
    var ordered = /^ {0,3}[0-9]/.test(block);
    var items = [];
    block.split("\n").forEach(function (line) {
      if (LIST_ITEM.test(line) || !items.length) { items.push(line.replace(LIST_ITEM, "")); }
      else { items[items.length - 1] += "\n" + line.replace(/^\s+/, ""); }
    });
    var element = document.createElement(ordered ? "ol" : "ul");
    items.forEach(function (text) {
      var item = document.createElement("li");
      inline(item, text);
      element.appendChild(item);
    });
    return element;
  }

  var api = { yamlQuoted: yamlQuoted, commentFile: commentFile, newId: newId, dateOf: dateOf,
              githubUrl: githubUrl, mailtoUrl: mailtoUrl, issueUrl: issueUrl, letter: letter,
              completeWebsite: completeWebsite, commentProblem: commentProblem, MAX_URL: MAX_URL,
              LONGEST_WEBSITE: LONGEST_WEBSITE };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEPT)) || null; } catch (e) { return null; }
  }
  // The remembered name and website, as plain text no longer than each field takes: the store can
  // hold anything (another page of the site, a hand edit), and a huge value would stall the page.
  function restoreKept(form) {
    var kept = load(), restored = false;
    if (!kept || typeof kept !== "object") { return; }
    ["author", "url"].forEach(function (name) {
      var field = form.elements[name], value = kept[name];
      if (!field || typeof value !== "string") { return; }
      field.value = value.slice(0, field.maxLength > 0 ? field.maxLength : 500);
      restored = true;
    });
    form.elements.remember.checked = restored;
  }
  function keep(fields) {
    try {
      if (fields) { window.localStorage.setItem(KEPT, JSON.stringify(fields)); }
      else { window.localStorage.removeItem(KEPT); }
    } catch (e) { /* private mode: not kept */ }
  }

  function say(form, parts) {
    var result = form.querySelector(".result");
    result.textContent = "";
    parts.forEach(function (part) { result.appendChild(part); });
  }

  function paragraph(text) {
    return interfaceWords(document.createElement("p"), text);
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    interfaceWords(a, text);
    a.target = "_blank";
    a.rel = "noopener";
    return a;
  }

  // Where the chosen way sends a proposal, and what it carries there: the letter by e-mail or in an
  // issue (the imports read it), the file on GitHub's new-file page. `bare`: the link without it.
  function route(section, how, sent, bare) {
    if (how === "email") {
      return { text: sent.letter, url: mailtoUrl(section.dataset.email, sent.subject, bare ? "" : sent.letter) };
    }
    if ("issues" in section.dataset) {
      // The letter holds the comment twice (the text, then the file); where twice is past GitHub's limit,
      // or past a link's (a Thai letter takes nine characters of one), the file alone, which the import
      // reads as it reads the letter
      var alone = letter("", sent.path, sent.file);
      var url = issueUrl(section.dataset.repo, sent.subject, bare ? "" : sent.letter);
      if (!bare && url.length > MAX_URL) { url = issueUrl(section.dataset.repo, sent.subject, alone); }
      return { text: bare && sent.letter.length > MAX_ISSUE ? alone : sent.letter, url: url };
    }
    return { text: sent.file, url: githubUrl(section.dataset.repo, section.dataset.branch, sent.path,
                                             bare ? "" : sent.file) };
  }

  // Too long for a link: what the chosen way carries, to copy (the file under its name, or the
  // letter), and a link to where it goes that carries none of it: the new-file page with the name
  // filled in, a new issue, or the address.
  function offerFile(form, section, how, sent) {
    var byMail = how === "email", bare = route(section, how, sent, true);
    var lettered = byMail || "issues" in section.dataset;
    var label = document.createElement("label");
    if (lettered) {
      interfaceWords(label, form.dataset.textLabel);
    } else {
      interfaceWords(label, form.dataset.fileLabel + " ");
      var name = document.createElement("code");
      name.textContent = sent.path;
      label.appendChild(name);
    }
    var file = document.createElement("textarea");
    file.className = "to-copy";  // each line runs its own way: the reader's Arabic, the file's English lines
    file.readOnly = true;
    file.rows = 8;
    file.value = bare.text;
    label.appendChild(file);
    var copy = document.createElement("button");
    copy.type = "button";
    interfaceWords(copy, lettered ? form.dataset.copyText : form.dataset.copy);
    copy.addEventListener("click", function () {
      file.select();
      var done = function () { interfaceWords(copy, form.dataset.copied); };
      if (navigator.clipboard) { navigator.clipboard.writeText(bare.text).then(done, function () {}); }
    });
    var go = link(bare.url, byMail ? form.dataset.sendEmail : form.querySelector('button[value="github"]').textContent);
    if (byMail) { go.removeAttribute("target"); }  // the mail program, not a blank tab
    var tooLong = byMail ? form.dataset.tooLongMail : lettered ? form.dataset.tooLongIssue : form.dataset.tooLong;
    say(form, [paragraph(tooLong), label, copy, document.createTextNode(" "), go]);
    form.querySelector(".result").scrollIntoView({ block: "nearest" });
  }

  // What is wrong stands right under the field it is about, which says so to a screen reader too
  // (invalid, described by it); the field takes the focus, and both come into view above the bars.
  var problems = 0;
  function refuse(form, field, message) {
    say(form, []);
    var note = paragraph(message);
    note.className = "field-problem";
    note.id = "field-problem-" + (++problems);
    field.closest("p").after(note);
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", note.id);
    field.focus({ preventScroll: true });
    note.scrollIntoView({ block: "nearest" });
    // the box with its label: from the buttons below, the box alone came flush with the screen's top, the
    // label above it and the focus ring cut (a browser review)
    field.closest("p").scrollIntoView({ block: "nearest" });
  }

  function clearProblems(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".field-problem"), function (note) { note.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
  }

  function filled(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function limitsOf(section) {
    return { chars: Number(section.dataset.maxChars), brackets: Number(section.dataset.maxBrackets),
      angles: Number(section.dataset.maxAngles), lines: Number(section.dataset.maxLines) };
  }

  function send(form, section, how, replyTo, replyName) {
    clearProblems(form);
    var body = form.elements.body.value;
    if (!body.trim()) { refuse(form, form.elements.body, form.dataset.empty); return; }
    var problem = commentProblem(body, limitsOf(section));
    if (problem) {
      var words = { chars: form.dataset.tooManyChars, brackets: form.dataset.tooManyBrackets,
        angles: form.dataset.tooManyAngles, lines: form.dataset.tooManyLines }[problem.kind];
      var language = document.documentElement.lang || undefined;  // the sentence's, not the browser's
      var numbers = { count: grouped(problem.count, language), max: grouped(problem.max, language) };
      refuse(form, form.elements.body, filled(words, numbers));
      return;
    }
    var website = completeWebsite(form.elements.url.value, section.dataset.website);
    if (website.problem) { refuse(form, form.elements.url, form.dataset.badWebsite); return; }
    form.elements.url.value = website.url;
    var author = form.elements.author.value.trim();
    keep(form.elements.remember.checked ? { author: author, url: website.url } : null);
    var now = new Date();
    var lang = form.elements.lang.value;
    var path = section.dataset.folder + newId(now, function (a) { return window.crypto.getRandomValues(a); }) +
      "." + lang + ".md";
    var text = commentFile({ author: author, url: website.url, date: dateOf(now), replyTo: replyTo, body: body });
    // the name without the marks that set it apart on the page: in a subject line they are noise (model.name_alone)
    var alone = replyName.replace(/^\u2068([^\u202a-\u202e\u2066-\u2069]*)\u2069$/, "$1");
    var subject = replyTo ? filled(section.dataset.subjectReply, { name: alone, title: section.dataset.title })
      : filled(section.dataset.subjectComment, { title: section.dataset.title });
    subject = subject.replace(/\s+/g, " ");  // one line: a line break in a mail's subject would start a header
    var sent = { path: path, file: text, letter: letter(body, path, text), subject: subject };
    var target = route(section, how, sent, false).url;
    if (target.length > MAX_URL) { offerFile(form, section, how, sent); return; }
    if (how === "email") {
      var write = link(target, form.dataset.openMail);
      write.removeAttribute("target");
      say(form, [paragraph(form.dataset.mailed), write]);
      write.click();  // the reader's mail program, with the letter ready
    } else {
      window.open(target, "_blank", "noopener");
      say(form, [paragraph(form.dataset.opened), link(target, form.dataset.openLink)]);
    }
    form.querySelector(".result").scrollIntoView({ block: "nearest" });
  }

  // The language of the view the reader chose ("English only" is English, whichever side of the pair it
  // is: the main language may be the original's), else the page's.
  function languageRead(section) {
    var view = document.querySelector('input[name="view"]:checked');
    return (view && view.getAttribute("data-lang")) || section.dataset.lang;
  }

  // One form per place; closing hides it, so what was typed is there when it opens again. Two links may open
  // the same form (the discussion's "Join" and "Send by e-mail"): the one that opened it last says it is
  // open, gets the focus back when it closes, and closes it when used again, as a disclosure does.
  var OPENED_BY = new WeakMap();
  function openForm(section, trigger) {
    var holder = trigger.parentNode;
    var form = holder.nextElementSibling;
    if (!form || !form.classList.contains("proposal")) {
      form = document.getElementById("proposal-form").content.firstElementChild.cloneNode(true);
      holder.parentNode.insertBefore(form, holder.nextSibling);
      wire(form, section, trigger);
    } else if (!form.hidden && OPENED_BY.get(form) === trigger) {
      closeForm(form);
      return;
    }
    var before = OPENED_BY.get(form);
    if (before && before !== trigger) { before.setAttribute("aria-expanded", "false"); }
    OPENED_BY.set(form, trigger);
    if (!form.dataset.langChosen) { form.elements.lang.value = languageRead(section); }
    writtenIn(form);
    form.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    form.querySelector(".proposal-title").focus();
  }

  function closeForm(form) {
    var opener = OPENED_BY.get(form);
    form.hidden = true;
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
  }

  // What the reader writes is in the language they chose, whatever the page's: a screen reader speaks it
  // so, and the box and its preview run in the direction the words take (dir="auto"), not the page's. A
  // language written right to left runs so from its first word, as its published comment will, even when
  // that word is English ("Thanks! قرأت…"); its option says so (a right-to-left site's options carry `dir`).
  function writtenIn(form) {
    var lang = form.elements.lang.value;
    var option = form.elements.lang.selectedOptions[0];
    var way = option && option.getAttribute("dir") === "rtl" ? "rtl" : "auto";
    [form.elements.body, form.querySelector(".preview-body")].forEach(function (box) {
      box.lang = lang;
      box.dir = way;
    });
  }

  // "Reply to Carla": the words in the interface's language, the name in its own, as the reply link says it
  // (a screen reader spoke a Spanish name with English sounds); its element is the one that heads the comment
  function replyTitle(title, words, commentId, name) {
    var at = words.indexOf("%(author)s");  // split, not replaced: `$&` in a name is not a pattern
    interfaceWords(title, at < 0 ? words : words.slice(0, at));
    if (at < 0) { return; }
    var named = commentId && document.getElementById("by_" + commentId);
    var holder = named && named.closest("[lang]");
    var bdi = document.createElement("bdi");
    bdi.textContent = name;
    if (holder) { bdi.lang = holder.getAttribute("lang"); }
    title.appendChild(bdi);
    title.appendChild(document.createTextNode(words.slice(at + "%(author)s".length)));
  }

  function wire(form, section, trigger) {
    var replyTo = trigger.getAttribute("data-reply-to") || "";
    var title = form.querySelector(".proposal-title");
    var author = replyTo && trigger.closest(".comment").querySelector(".author");
    var replyName = author ? author.textContent : replyTo;
    if (replyTo) { replyTitle(title, form.dataset.replyTitle, author ? replyTo : "", replyName); }
    form.elements.lang.addEventListener("change", function () { form.dataset.langChosen = "yes"; writtenIn(form); });
    restoreKept(form);
    var shown = form.querySelector(".preview-body");
    form.elements.body.addEventListener("input", function () { preview(shown, form.elements.body.value); });
    // a refusal speaks of what was sent: once the reader changes that field, it no longer holds
    form.addEventListener("input", function (event) {
      if (event.target.hasAttribute("aria-invalid")) { clearProblems(form); }
    });
    form.querySelector(".close").addEventListener("click", function () { closeForm(form); });
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") { closeForm(form); } });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var how = event.submitter && event.submitter.value === "email" ? "email" : "github";
      send(form, section, how, replyTo, replyName);
    });
  }

  // the plain e-mail link too: with the script, the form offers both ways of sending
  var TRIGGERS = "[data-propose] a.propose, [data-propose] a.propose-mail";

  // With the script, each link opens the form in place, as a disclosure button does: said as a button,
  // closed until opened (a disclosure says so from the start), and opened by Space too (a reader who heard
  // "button" pressed Space, and the page scrolled). Marked again when choosing another translation
  // replaces the body.
  function asButtons() {
    if (!document.getElementById("proposal-form")) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(TRIGGERS), function (link) {
      link.setAttribute("role", "button");
      if (!link.hasAttribute("aria-expanded")) { link.setAttribute("aria-expanded", "false"); }
    });
  }
  asButtons();
  new MutationObserver(asButtons).observe(document.documentElement, { childList: true });

  // Listening on the document, not the section: choosing another translation replaces the body.
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest(TRIGGERS);
    if (!trigger || !document.getElementById("proposal-form")) { return; }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;  // a new tab or window gets the plain link, as the reader asked
    }
    event.preventDefault();
    openForm(trigger.closest("[data-propose]"), trigger);
  });
  document.addEventListener("keydown", function (event) {
    var trigger = event.key === " " && event.target.closest && event.target.closest(TRIGGERS);
    if (!trigger || !document.getElementById("proposal-form")) { return; }
    event.preventDefault();
    openForm(trigger.closest("[data-propose]"), trigger);
  });
})();
