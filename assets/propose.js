/* Readers propose comments: a small form composes a comment file and opens GitHub's new-file
   page with it (a pull request for review), or an e-mail. Without this script the same links
   lead to GitHub with a file to fill in. The composing functions mirror tertulia/proposals.py. */
(function () {
  "use strict";
  var MAX_URL = 8000;  // GitHub answers longer addresses with an error page
  var KEPT = "tertulia.proposer";  // name and website, only when the reader asks to keep them
  // Characters YAML will not take raw in a double-quoted scalar, or would read as a line break.
  var UNSAFE_IN_YAML = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"\\]/g;
  var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g;

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

  // "YYYY-MM-DD HH:MM" in UTC: the contract's most precise date form.
  function dateOf(now) {
    return now.getUTCFullYear() + "-" + pad(now.getUTCMonth() + 1, 2) + "-" + pad(now.getUTCDate(), 2) + " " +
      pad(now.getUTCHours(), 2) + ":" + pad(now.getUTCMinutes(), 2);
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

  function safeLink(url) { return /^https?:\/\/[^\s]+$/i.test(url); }

  // An approximate preview: paragraphs, quotes, emphasis, code and http(s) links, built as DOM
  // nodes so nothing the reader typed is ever read as HTML. The build renders the real thing.
  var INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|\[([^\]]+)\]\(([^)\s]+)\)/;

  function inline(parent, text) {
    var match;
    while ((match = INLINE.exec(text))) {
      parent.appendChild(document.createTextNode(text.slice(0, match.index)));
      var element;
      if (match[1]) { element = document.createElement("code"); element.textContent = match[1].slice(1, -1); }
      else if (match[2]) { element = document.createElement("strong"); inline(element, match[2].slice(2, -2)); }
      else if (match[3]) { element = document.createElement("em"); inline(element, match[3].slice(1, -1)); }
      else if (safeLink(match[5])) {
        element = document.createElement("a"); element.href = match[5]; element.rel = "nofollow ugc noopener";
        inline(element, match[4]);
      } else { element = document.createTextNode(match[0]); }
      parent.appendChild(element);
      text = text.slice(match.index + match[0].length);
    }
    parent.appendChild(document.createTextNode(text));
  }

  function preview(container, markdown) {
    container.textContent = "";
    markdown.replace(/\r\n?/g, "\n").split(/\n\s*\n/).forEach(function (block) {
      if (!block.trim()) { return; }
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

  var api = { yamlQuoted: yamlQuoted, commentFile: commentFile, newId: newId, dateOf: dateOf,
              githubUrl: githubUrl, mailtoUrl: mailtoUrl, MAX_URL: MAX_URL };
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
    var p = document.createElement("p");
    p.textContent = text;
    return p;
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    a.target = "_blank";
    a.rel = "noopener";
    return a;
  }

  // Too long for a link: the whole file to copy, and e-mail where the site takes it.
  function offerFile(form, section, text, mailto) {
    var label = document.createElement("label");
    label.textContent = form.dataset.fileLabel + " ";
    var file = document.createElement("textarea");
    file.readOnly = true;
    file.rows = 8;
    file.value = text;
    label.appendChild(file);
    var copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = form.dataset.copy;
    copy.addEventListener("click", function () {
      file.select();
      var done = function () { copy.textContent = form.dataset.copied; };
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done, function () {}); }
    });
    var parts = [paragraph(form.dataset.tooLong), label, copy];
    if (section.dataset.email && mailto.length <= MAX_URL) {
      parts.push(document.createTextNode(" "), link(mailto, form.dataset.sendEmail));
    }
    say(form, parts);
  }

  function send(form, section, how, replyTo) {
    var body = form.elements.body.value;
    if (!body.trim()) {
      say(form, [paragraph(form.dataset.empty)]);
      form.elements.body.focus();
      return;
    }
    var author = form.elements.author.value.trim();
    var url = form.elements.url.value.trim();
    keep(form.elements.remember.checked ? { author: author, url: url } : null);
    var now = new Date();
    var lang = form.elements.lang.value;
    var path = section.dataset.folder + newId(now, function (a) { return window.crypto.getRandomValues(a); }) +
      "." + lang + ".md";
    var text = commentFile({ author: author, url: url, date: dateOf(now), replyTo: replyTo, body: body });
    var mailto = mailtoUrl(section.dataset.email, path, text);
    var target = how === "email" ? mailto : githubUrl(section.dataset.repo, section.dataset.branch, path, text);
    if (target.length > MAX_URL) { offerFile(form, section, text, mailto); return; }
    if (how === "email") { window.location.href = target; return; }
    window.open(target, "_blank", "noopener");
    say(form, [paragraph(form.dataset.opened), link(target, form.dataset.openLink)]);
  }

  // One form per place; closing hides it, so what was typed is there when it opens again.
  function openForm(section, trigger) {
    var holder = trigger.parentNode;
    var form = holder.nextElementSibling;
    if (!form || !form.classList.contains("proposal")) {
      form = document.getElementById("proposal-form").content.firstElementChild.cloneNode(true);
      holder.parentNode.insertBefore(form, holder.nextSibling);
      wire(form, section, trigger);
    }
    form.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    form.querySelector(".proposal-title").focus();
  }

  function wire(form, section, trigger) {
    var replyTo = trigger.getAttribute("data-reply-to") || "";
    var title = form.querySelector(".proposal-title");
    if (replyTo) {
      var author = trigger.closest(".comment").querySelector(".author");
      title.textContent = form.dataset.replyTitle.replace("%(author)s", author ? author.textContent : replyTo);
    }
    var readingOriginal = document.body.classList.contains("view-original");
    form.elements.lang.value = readingOriginal ? section.dataset.originalLang : section.dataset.lang;
    restoreKept(form);
    var shown = form.querySelector(".preview-body");
    form.elements.body.addEventListener("input", function () { preview(shown, form.elements.body.value); });
    var close = function () {
      form.hidden = true;
      trigger.setAttribute("aria-expanded", "false");
      trigger.focus();
    };
    form.querySelector(".close").addEventListener("click", close);
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var how = event.submitter && event.submitter.value === "email" ? "email" : "github";
      send(form, section, how, replyTo);
    });
  }

  // Listening on the document, not the section: choosing another translation replaces the body.
  document.addEventListener("click", function (event) {
    var trigger = event.target.closest && event.target.closest("[data-propose] a.propose");
    if (!trigger || !document.getElementById("proposal-form")) { return; }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;  // a new tab or window gets the plain link, as the reader asked
    }
    event.preventDefault();
    openForm(trigger.closest("[data-propose]"), trigger);
  });
})();
