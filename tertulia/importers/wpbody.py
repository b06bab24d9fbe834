"""A WordPress post or comment body -> Markdown.

WordPress keeps classic-editor text without <p> (blank lines are paragraphs, single
newlines are <br>) and adds paragraphs only when it displays it (`wpautop`); the block
editor leaves `<!-- wp:... -->` comments; shortcodes such as [caption] stand in the text.
Each is undone in that order, then markdownify converts the HTML. What Markdown cannot say
(an embedded video's iframe) stays as HTML, which essays may hold.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from collections import Counter
from copy import copy
from functools import lru_cache
from urllib.parse import quote

import nh3
from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from ..reading.lists import INDENT
from ..reading.markup import (MAX_ANGLES, MAX_COMMENT, MAX_SECONDS, MAX_SECONDS_TRUSTED,
                              comment_refusal, run_on, trusted_blocks)
from . import anchors
from .footnotes import notes_as_markdown
from .accessible import accessible
from .private import REDACTED, redacted
from .problems import ContentProblem
from .shortcodes import PRE_END, Media, expanded
from .untrusted import DROPPED_FROM_POSTS, cleaned, raw_text_as_typed, sub_closed, unsafe_markup
from .wrapped_blocks import formatting_within_blocks

BLOCK_EDITOR_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# A block with no content of its own (`<!-- wp:latest-posts {…} /-->`): WordPress filled it in as it showed the
# page (the latest posts, a search form, a plugin's form); the import has nothing to fill it with
CONTENTLESS_BLOCK = re.compile(r"<!--\s*wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(?:\s[^<>]{0,2000}?)?/-->",
                               re.IGNORECASE)
FILLED_HERE = {"footnotes", "core/footnotes"}  # written from the post's meta (see shortcodes._block_footnotes)
COMMENT_END = re.compile("-->")
MORE = re.compile(r"<!--more(.*?)?-->", re.IGNORECASE)
NEXTPAGE = re.compile(r"<!--nextpage-->", re.IGNORECASE)
# a browser's blocks, each on lines of its own; the last six are no essay's (see untrusted.TAGS), but their words part
# as a reader saw them: `<center>one</center><center>two</center>` was "onetwo"
BLOCK_TAGS = ("address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|summary|"
              "li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|iframe|video|audio|object|form|"
              "center|fieldset|hgroup|main|menu|nav")
BLOCK_BOUNDARY = re.compile(rf"(<(?:{BLOCK_TAGS})\b[^<>]*>|</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
STARTS_WITH_BLOCK = re.compile(rf"^\s*</?(?:{BLOCK_TAGS})\b", re.IGNORECASE)
OPENS_PHRASING = re.compile(r"<(?:h[1-6]|p|li|td|th|dt|dd|figcaption|summary)\b[^<>]*>$", re.IGNORECASE)  # holds no <p>
INSIDE_BLOCK = re.compile(r"<(figure|audio|video|section)\b[^<>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
CLOSING_INSIDE_BLOCK = re.compile(r"</(?:figure|audio|video|section)>", re.IGNORECASE)
LANGUAGE = re.compile(r"language-([a-z0-9+#_-]+)")
ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
INTRAWORD_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # an underscore not between two letters or digits
LANG_BLOCKS = {"p", "blockquote", "div"}  # with a `lang` or `dir`, kept as an HTML block
LANG_INLINE = {"span", "em", "i", "b", "strong", "q", "cite", "dfn", "abbr", "small", "code"}  # inline HTML
URL_ENDERS = re.compile(r"""[\s()<>"'\\`\[\]]""")  # what would end a URL in Markdown's (...) or <...>
URL_ENDERS_BUT_PARENS = re.compile(r"""[\s<>"'\\`\[\]]""")
INLINE_MARKS = re.compile(r"[\\`\[\]*_]")  # what Markdown reads as markup inside inline HTML
ATTRIBUTE_MARKS = re.compile(r"[\[\]*_`\\]")
LEAD = rf"(?:[ \t]|{anchors.MARK_TEXT})*"  # what may stand before a line's first word: spaces, an anchor's mark
# what a Markdown table's cell, one line, cannot hold
CELL_BLOCKS = ["br", "p", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dl", "table",
               "figure", "hr"]
PLAIN_TAGS = {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "b",
              "i"}  # a body whose markup could not be made safe keeps these: its words, each one escaped


class _Converter(MarkdownConverter):
    """markdownify, keeping what Markdown cannot say as HTML (embeds, figures, footnotes, inline marks),
    code blocks with their language, and escaping only what Python-Markdown would read as markup."""

    def _kept(self, el, text, *args, **kwargs):
        if el.find("a", href=False) is not None or el.find("img", src=False) is not None:
            # an anchor (`<a id>`, whose id anchors.py has read) or a link whose address was unsafe: nh3 left it
            # `<a rel="noopener">`, which the Nu checker refuses without an address: its words alone; a picture
            # whose address was unsafe (`data:` pasted in) shows broken: its description, as words
            el = copy(el)
            for anchor in el.find_all("a", href=False):
                anchor.unwrap()
            for image in el.find_all("img", src=False):
                image.replace_with(image.get("alt") or "")
        return "\n\n" + str(el) + "\n\n"

    def convert_audio(self, el, text, *args, **kwargs):
        # Markdown reads inside <audio> (to it, an inline element): its fallback words stay words
        for string in el.find_all(string=True):
            string.replace_with(INLINE_MARKS.sub(lambda m: "\\" + m.group(), string))
        return self._kept(el, text)

    def _kept_inline(self, el, text, *args, **kwargs):
        # the element's words as converted (escaped), not as written: Markdown reads inside inline HTML
        attributes = "".join(f' {name}="{_attribute_text(value if isinstance(value, str) else " ".join(value))}"'
                             for name, value in el.attrs.items())
        return f"<{el.name}{attributes}>{text}</{el.name}>"

    convert_iframe = convert_video = convert_object = convert_figure = convert_section = _kept
    # Markdown has no definition list and no disclosure: as Markdown their words would run together
    convert_dl = convert_details = _kept

    def convert_table(self, el, text, parent_tags):
        """A table Markdown can say (a header row, no merged cells, a line of words in each cell) as
        Markdown; any other as it is, or its cells would move under the wrong heading, under an empty
        header row of its own, or a cell's list, lines and code run together ("- Fast - Cheap", an audit)."""
        cells = el.find_all(["td", "th"])
        spans = any(cell.get("colspan", "1") != "1" or cell.get("rowspan", "1") != "1" for cell in cells)
        first_row = el.find("tr")
        headed = first_row is not None and all(cell.name == "th" for cell in first_row.find_all(["td", "th"]))
        lines = any(cell.find(CELL_BLOCKS) is not None for cell in cells)
        if (spans or not headed or lines) and not parent_tags & {"li", "blockquote"}:
            return self._kept(el, text)
        return super().convert_table(el, text, parent_tags)
    convert_sup = convert_sub = convert_mark = convert_u = convert_del = convert_ins = convert_s = _kept_inline

    def convert_ul(self, el, text, parent_tags):
        return self._apart(el, text, parent_tags, super().convert_ul)

    def convert_ol(self, el, text, parent_tags):
        return self._apart(el, text, parent_tags, super().convert_ol)

    def convert_blockquote(self, el, text, parent_tags):
        return self._apart(el, text, parent_tags, super().convert_blockquote)

    def _apart(self, el, text, parent_tags, convert):
        """A list or a quotation right after another of its kind stays apart, as HTML: in Markdown the two
        would read as one (two people quoted as one voice), with one block where the blog had two. One
        holding code with a link, or opening with code, stays HTML too."""
        before = el.find_previous_sibling()
        between = []
        node = before.next_sibling if before is not None else None
        while node is not None and node is not el:
            between.append(node)
            node = node.next_sibling
        follows = before is not None and before.name == el.name and not any(str(n).strip() for n in between)
        # code with links in an item or a quote: Markdown would indent it as code, which holds no link; code
        # opening one: markdownify takes its indentation with the item's or quote's leading space, and it
        # became a paragraph
        held = [pre for pre in el.find_all("pre") if _shows_elsewhere(pre) or _opens(pre)]
        if (follows or held) and el.parent is not None and el.parent.name == "[document]":
            return self._kept(el, text)
        return convert(el, text, parent_tags)

    def convert_abbr(self, el, text, parent_tags):
        """An abbreviation keeps its expansion (`title`), which a reader sees on hover and a screen reader says."""
        return self._kept_inline(el, text) if el.get("title") else text

    def convert_td(self, el, text, parent_tags):
        """A cell whose words hold a `|` keeps them: unescaped, it cut the cell there and moved the rest
        of the row under the wrong heading ("Tea | coffee")."""
        return super().convert_td(el, _pipes_escaped(text), parent_tags)

    def convert_th(self, el, text, parent_tags):
        return super().convert_th(el, _pipes_escaped(text), parent_tags)

    def convert_cite(self, el, text, parent_tags):
        """A quotation's attribution (the block editor's `<cite>` after a quote's words) stays one, on a
        paragraph of its own: as a plain line it read as more of the quoted words. A title cited in a
        sentence stays in its sentence."""
        cited = self._kept_inline(el, text)
        return f"\n\n{cited}\n\n" if el.parent is not None and el.parent.name in ("blockquote", "figure") else cited

    def get_conv_fn(self, tag_name):
        """A tag's conversion; but an element marked with its language or direction stays HTML, which
        can say so where Markdown cannot (a quotation in Spanish, a phrase in Arabic in an English one)."""
        plain = super().get_conv_fn(tag_name)
        name = tag_name.lower()
        if name not in LANG_BLOCKS and name not in LANG_INLINE:
            return plain
        kept = self._kept if name in LANG_BLOCKS else self._kept_inline

        def convert(el, text, *args, **kwargs):
            if el.get("lang") or el.get("dir"):
                return kept(el, text, *args, **kwargs)
            return plain(el, text, *args, **kwargs) if plain else text
        return convert

    # markdownify copies a link's or an image's attributes into Markdown as they are: each is made
    # unable to end its place there and start markup of its own
    def convert_a(self, el, text, *args, **kwargs):
        return super().convert_a(_inert(el, "href"), text, *args, **kwargs)

    def convert_img(self, el, text, parent_tags):
        # markdownify gives an image in a heading or a table cell as its alt text alone, the picture
        # lost (and reads the parent a copy has not): Markdown holds an image there as anywhere
        if not el.get("src"):  # its address was no web address (`data:` pasted in): its words, not `src=""`
            return self.escape(el.get("alt") or "", parent_tags)
        return super().convert_img(_inert(el, "src"), text, parent_tags - {"_inline"})

    def convert_li(self, el, text, parent_tags):
        # Python-Markdown continues a list item only on lines indented four spaces, where markdownify
        # indents by the bullet's width: a second paragraph or a nested list would leave the list
        item = super().convert_li(el, text, parent_tags)
        bullet = re.match(r"\S+ ", item)
        if not bullet:
            return item
        width = len(bullet.group())
        first, _, rest = item.partition("\n")
        item = first + "\n" + re.sub(rf"(?m)^ {{{width}}}(?=\s*\S)", " " * INDENT, rest)
        # an item of several blocks ends with a blank line, or the next item's bullet continues its last
        return item.rstrip("\n") + "\n\n" if "\n\n" in item.strip("\n") else item

    def convert_code(self, el, text, parent_tags):
        """Code with a link or a picture in it keeps them: a code span holds neither, and the address was
        lost (`pip install <a href=…>tertulia</a>`, an audit), or the picture shown as `![…](…)` words."""
        if "_noformat" in parent_tags or not _shows_elsewhere(el):
            return super().convert_code(el, text, parent_tags)
        return "".join(self._code_piece(piece, parent_tags) for piece in _code_pieces(el))

    convert_kbd = convert_samp = convert_code

    def _code_piece(self, piece, parent_tags) -> str:
        """A run of code's words as a code span, a link as one around its words as code, a picture as itself."""
        if isinstance(piece, str):
            return super().convert_code(None, piece, parent_tags)
        if piece.name == "img":
            return self.convert_img(piece, "", parent_tags)
        if piece.find("img", src=True) is not None:  # a linked picture: the link round the picture and the words
            words = "".join(self._code_piece(part, parent_tags) for part in _code_pieces(piece, within_link=True))
        else:
            words = super().convert_code(None, piece.get_text(), parent_tags)
        return self.convert_a(piece, words, parent_tags)

    def convert_pre(self, el, text, parent_tags):
        if _shows_elsewhere(el) and not parent_tags & {"li", "blockquote"}:
            return self._kept(el, text)  # a fenced block holds no link: the preformatted text stays HTML, links and all
        if parent_tags & {"li", "blockquote"} and text:
            # Python-Markdown finds fences only at a line's start: in a list or a quote, code is indented
            code = text.strip("\n").expandtabs(INDENT)
            return "\n\n" + "\n".join(" " * INDENT + line if line.strip() else "" for line in code.split("\n")) + "\n\n"
        # a fence longer than any run of backticks in the code: a ``` line in it must not end the block
        fenced = super().convert_pre(el, text, parent_tags)  # "\n\n```lang\ncode\n```\n\n"
        longest = max((len(run) for run in re.findall(r"`+", text or "")), default=0)
        if longest < 3 or not (fenced.startswith("\n\n```") and fenced.endswith("\n```\n\n")):
            return fenced
        fence = "`" * (longest + 1)
        return "\n\n" + fence + fenced[len("\n\n```"):-len("```\n\n")] + fence + "\n\n"

    def escape(self, text, parent_tags):
        if not text:
            return ""
        text = text.replace("\\", "\\\\").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
        text = ENTITY_LIKE.sub("&amp;", text)  # `&amp;` written as text stays text
        # `[^1]` in the words stays words; as a reference `\[^` still read as one to `check`, which reads the page
        text = text.replace("\\[^", "&#91;^")
        # an underscore between two letters is no emphasis to Python-Markdown (`snake_case`): left as written
        text = INTRAWORD_UNDERSCORE.sub("\\\\_", text.replace("*", "\\*")).replace("<", "&lt;")
        # a bullet, a heading's hashes or a list's number mean something only where a line starts (or
        # where this text may start one): "desde 2014. Moro" and "isto - aquilo" stay as written
        # (an anchor's mark, see anchors.py, is no word: a line it starts is read as if it were not there)
        text = re.sub(rf"(\n|^)({LEAD})(-+|\++)(?=\s|$)", lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)
        text = re.sub(rf"(\n|^)({LEAD})(#{{1,6}})(?=\s|$)", lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)
        # a line of `=` under words would make them a heading and vanish; Markdown has no `\=`, so the
        # first is written as its character reference
        text = re.sub(rf"(^|\n)({LEAD})=(=*[ \t]*)(?=\n|$)", lambda m: m.group(1) + m.group(2) + "&#61;" + m.group(3), text)
        # nor has it `\~`: a line of three tildes would open a code block, and hide itself and what follows
        text = re.sub(rf"(^|\n)({LEAD})~(?=~~)", lambda m: m.group(1) + m.group(2) + "&#126;", text)
        text = re.sub(rf"(\n|^)({LEAD}[0-9]{{1,9}})([.)])(?=\s|$)", lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)
        return re.sub(rf"(^|\n)((?:\s|{anchors.MARK_TEXT})*)>", lambda m: m.group(1) + m.group(2) + "\\>", text)


def _opens(pre) -> bool:
    """Whether code (`pre`) is the first thing its list item or quotation holds."""
    if pre.parent is None or pre.parent.name not in ("li", "blockquote"):
        return False
    return not any(getattr(node, "name", None) or str(node).strip() for node in pre.previous_siblings)


def _shows_elsewhere(el) -> bool:
    """Whether `el` holds a link that leads somewhere or a picture (an anchor alone, `<a name>`, does not)."""
    return el.find(_elsewhere) is not None


def _elsewhere(tag) -> bool:
    return (tag.name == "a" and bool(tag.get("href"))) or (tag.name == "img" and bool(tag.get("src")))


def _code_pieces(el, within_link: bool = False) -> list:
    """The words of code (`el`) in runs, its links and pictures apart, in their order (within a link,
    only its pictures: a link holds no other)."""
    pieces: list = []
    for node in el.children:
        if getattr(node, "name", None) is not None and _elsewhere(node) and not (within_link and node.name == "a"):
            pieces.append(node)
        elif getattr(node, "name", None) is not None and (node.find("img", src=True) if within_link else _shows_elsewhere(node)):
            pieces.extend(_code_pieces(node, within_link))  # `<b>` around a link in code: the link still leads somewhere
        elif pieces and isinstance(pieces[-1], str):
            pieces[-1] += node.get_text()
        else:
            pieces.append(node.get_text())
    return pieces


def _attribute_text(value: str) -> str:
    """An attribute's value as inline HTML in Markdown keeps it: Markdown reads links and emphasis even
    there (`title="see [the docs](…)"` broke the tag, and the post was flattened), so their signs are
    written as character references."""
    return ATTRIBUTE_MARKS.sub(lambda m: f"&#{ord(m.group())};", html.escape(value))


def _inert(el, url_attribute: str):
    """A copy of `el` with its URL percent-encoded where Markdown would end it, its title and alt text
    escaped (a copy: a figure that keeps its <img> as HTML writes the element as it was)."""
    el = copy(el)
    if el.get(url_attribute):
        el[url_attribute] = markdown_url(el[url_attribute])
    if el.get("title"):
        el["title"] = html.escape(el["title"])
    if el.get("alt"):
        alt = el["alt"].replace("\\", "\\\\").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]")
        el["alt"] = ENTITY_LIKE.sub("&amp;", alt).replace("<", "&lt;")
    return el


def markdown_url(url: str) -> str:
    """A URL as Markdown's (...) and <...> hold it whole: what would end it there, percent-encoded.
    Parentheses that pair up (`/wiki/Tertulia_(gathering)`) stay as written: Markdown holds them."""
    enders = URL_ENDERS_BUT_PARENS if _paired(url) else URL_ENDERS
    return enders.sub(lambda m: quote(m.group()), url)


def _paired(url: str) -> bool:
    """Whether every `)` of `url` closes a `(` before it, and every `(` is closed."""
    depth = 0
    for char in url:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def _language(el) -> str | None:
    code = el.find("code") if el.name == "pre" else el
    found = LANGUAGE.search(" ".join(code.get("class", []) if code is not None else []))
    return found.group(1) if found else None


def blocks_left_out(body: str) -> list[str]:
    """The names of the blocks of `body` that WordPress filled in as it showed it, which an import leaves
    out, once each (`latest-posts`, `search`, `contact-form-7/contact-form-selector`)."""
    found = [match.group(1).lower() for match in CONTENTLESS_BLOCK.finditer(body)]
    return list(dict.fromkeys(name for name in found if name not in FILLED_HERE))


def to_markdown(body: str, post_id: str = "", media: Media | None = None, footnotes: str = "",
                shortcodes: bool = True, flattened: list[str] | None = None, flat: bool = False,
                places: dict[str, int] | None = None) -> str:
    """Markdown for a stored WordPress body (post or, without shortcodes, comment), sanitized. A post's
    whose markup cannot be made safe (or, with `flat`, any) keeps its words with plain formatting, and
    its id goes to `flattened`; a post's anchors (`id`, `name`) go to `places`, each with its passage."""
    text = sub_closed(BLOCK_EDITOR_COMMENT, "", body.replace("\r\n", "\n").replace("\r", "\n"), COMMENT_END)
    text = raw_text_as_typed(text, every=not shortcodes)  # a comment's, all; a post's closed script is one
    text = NEXTPAGE.sub("\n\n<hr />\n\n", sub_closed(MORE, "", text, COMMENT_END))
    code: list[str] = []
    if shortcodes:
        text, code = expanded(text, post_id, media, footnotes)
    text = autop(text)
    text = re.sub(r"(?:<p>)?\x00code(\d+)\x00(?:</p>)?", lambda m: code[int(m.group(1))], text)
    if text.count("<") > MANY_TAGS and _nests_deeper(text, DEEP):  # nh3 takes time as the square of how deep
        text = shallow(text)  # tags nest: 100,000 `<div>`, 40 s; their words kept, as past MAX_NESTING
    if shortcodes and not flat:  # a post's table of contents: its anchors, found again as passages
        markdown = _converted(cleaned(text, frames=True))
        marked_text, held = anchors.marked(text)
        if held:  # converted again with its anchors marked, to find which passage holds each
            numbers = anchors.places(markdown, _converted(cleaned(marked_text, frames=True)), held, IMPORTED_SECONDS)
            markdown = anchors.resolved(markdown, numbers)
            if places is not None:
                places.update(anchors.kept_for_links(numbers))
        markdown = notes_as_markdown(markdown, _converted)
    else:
        markdown = flat_markdown(text) if flat else _converted(cleaned(text, frames=shortcodes, every_word=not shortcodes))
    if shortcodes and not flat and not safe_as_essay(markdown):  # a post or page: its Markdown is trusted when built
        markdown = flat_markdown(text)
        if flattened is not None:
            flattened.append(post_id)
        if places is not None:
            places.clear()  # its blocks are others now
    return markdown


ESCAPED_REDACTED = "\\" + REDACTED[:-1] + "\\]"  # as Markdown writes the marker: `\[address removed\]`


@lru_cache(maxsize=1024)
def comment_markdown(body: str) -> str:
    """A comment's Markdown, converted once: an import also writes every file the comment may have
    been written as before, to know them again, and first asks whether `check` would take it. A body of
    more markup than any comment `check` takes keeps its words alone: cleaning so many tags, nested,
    takes seconds each (a spam-filled export took hours)."""
    if overgrown(body):
        return plain_words(body)
    return to_markdown(body, shortcodes=False)


MAX_COMMENT_HTML = 10 * MAX_COMMENT  # characters of a stored comment: its Markdown would be over MAX_COMMENT
MAX_COMMENT_TAGS = 20 * MAX_ANGLES  # `<` signs; a comment's paragraphs and links in earnest hold a few hundred
TAG = re.compile(r"</?[A-Za-z!?][^<>]*>")  # a tag, a comment, a declaration; `I <3 it`, `5 > 3` are words
BREAKING_TAG = re.compile(r"<(?:/?(?:p|div|blockquote|li|ul|ol|pre|h[1-6]|tr|table)\b[^<>]*|br\b[^<>]*)>", re.IGNORECASE)


def overgrown(body: str) -> bool:
    """Whether a stored comment holds more markup than a comment `check` takes could come from."""
    return len(body) > MAX_COMMENT_HTML or body.count("<") > MAX_COMMENT_TAGS


def plain_words(body: str) -> str:
    """A comment's words without its markup, paragraphs where its blocks were, every sign Markdown reads
    escaped as the converter escapes a text's words: in linear time, whatever the body's shape."""
    text = html.unescape(TAG.sub("", BREAKING_TAG.sub("\n\n", body)))
    paragraphs = (" ".join(line.split()) for line in text.split("\n\n"))
    escape = _Converter().escape
    return "\n\n".join(escape(paragraph, set()) for paragraph in paragraphs if paragraph)


def comment_markdown_without(body: str, private: tuple[str, ...]) -> str:
    """A comment's Markdown without its writer's own addresses (`private`): taken out of the text as it
    was written, before Markdown escapes them (`la_communa@…` becomes `la\\_communa@…`, which no search
    for the address finds), and the marker they leave kept as it reads."""
    if not private:
        return comment_markdown(body)
    markdown = comment_markdown(redacted(body, private))
    return redacted(markdown.replace(ESCAPED_REDACTED, REDACTED), private)


def comment_refused(body: str, spam: bool = False) -> str:
    """Why `check` would refuse the comment this stored body becomes (too long, too many lines or signs,
    too slow to read), or "": an import writes no file the next build refuses. Spam is never refused:
    a build keeps it unread, as it is written (a person's words are kept, even spam's)."""
    if spam:
        return ""
    if overgrown(body):
        return (f"it is over {MAX_COMMENT_HTML:,} characters or {MAX_COMMENT_TAGS:,} tags of HTML, more than "
                f"any comment `check` takes ({MAX_COMMENT:,} characters)")
    return comment_refusal(comment_markdown(body))


UNESCAPED_BRACKET = re.compile(r"(?<!\\)([\[\]])")


def flat_markdown(fragment: str) -> str:
    """A body's words with plain formatting only (paragraphs, headings, lists, quotes, emphasis), every
    other character escaped: what an imported essay keeps when its markup could not be made safe."""
    markdown = _converted(nh3.clean(fragment, tags=PLAIN_TAGS, attributes={}, clean_content_tags=DROPPED_FROM_POSTS))
    # no links here, so a bracket is a word's: escaped, as thousands of them unclosed stall Python-Markdown
    escaped = UNESCAPED_BRACKET.sub(r"\\\1", markdown)
    if safe_as_essay(escaped, MAX_SECONDS):  # a comment's time: plain words, which convert at once
        return escaped
    markdown = _fenced(markdown)  # too slow to convert, even so (80,000 `\[`): every word kept, as written
    if not safe_as_essay(markdown):  # never seen; but this is the last step, so it holds on its own
        raise ContentProblem("an imported body could not be made safe, even as a code block")
    return markdown


def _fenced(text: str) -> str:
    """`text` (Markdown) as a code block, which Python-Markdown copies as it stands: its backslash escapes
    undone, or the page shows them."""
    text = html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))  # and its `&lt;`, written for `<`
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{fence}\n{text.rstrip()}\n{fence}\n"


MAX_NESTING = 40  # elements inside elements; deeper, markdownify's recursion fails (no real post nests so)
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}

MANY_TAGS = 20_000  # in one body, which a long post in earnest stays far below
DEEP = 1_000  # elements open at once, which no post written in earnest comes near
# elements a parser closes itself at the next of their kind (`<li>` after `<li>`): a long list whose items
# are left open, as HTML allows, is not deep (5,100 such items lost their links past the 40th)
CLOSED_BY_THE_NEXT = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp",
                                "thead", "tbody", "tfoot", "colgroup", "caption"})
# HTML's formatting elements: closed by an end tag of an element around them, a parser opens them again after it
FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"})
START_OR_END = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")


class _OpenElements:
    """The elements open at a point of a text, as a parser keeps them: an end tag closes its element and
    those opened inside it, and one whose element is not open closes nothing (`<div></i>` 100,000 times
    nests as deep as `<div>` does, and took nh3 a minute: a red team). Each carries a value of its reader's."""

    def __init__(self):
        self.stack: list[tuple[str, bool]] = []
        self.counts: Counter = Counter()

    def __len__(self) -> int:
        return len(self.stack)

    def open(self, name: str, value: bool = True) -> None:
        self.stack.append((name, value))
        self.counts[name] += 1

    def close(self, name: str) -> list[tuple[str, bool]]:
        """The elements an end tag `name` closes, innermost first: none for a stray one."""
        closed: list[tuple[str, bool]] = []
        while self.counts[name]:
            closed.append(self.stack.pop())
            self.counts[closed[-1][0]] -= 1
            if closed[-1][0] == name:
                break
        return closed


def _nests_deeper(text: str, depth: int) -> bool:
    """Whether more than `depth` elements stand open at once somewhere in `text`, as a parser would count
    them (_OpenElements), near enough: one pass over its tags. A bold or a link closed with an element around
    it stays open to a parser, which opens it again in what follows (`<div><b x=1>w</div>` 20,000 times: a
    review): it counts until its own end tag."""
    opened = _OpenElements()
    lingering: Counter = Counter()  # formatting closed with an element around it, which a parser reopens
    for closing, name in START_OR_END.findall(text):
        name = name.lower()
        if name in VOID or name in CLOSED_BY_THE_NEXT:
            continue
        if not closing:
            opened.open(name)
            if len(opened) + lingering.total() > depth:
                return True
        elif closed := opened.close(name):
            lingering.update(inner for inner, _ in closed[:-1] if inner in FORMATTING)
        elif lingering[name]:
            lingering[name] -= 1
    return False


class _Shallow(HTMLParser):
    """Sanitized (so balanced) HTML written again without the tags nested past MAX_NESTING: their
    words stay, in the element that holds them."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open = _OpenElements()  # each with whether its tags are written

    def handle_starttag(self, tag, attrs):
        written = len(self.open) < MAX_NESTING
        if tag not in VOID:
            self.open.open(tag, written)
        self.out.append(self.get_starttag_text() if written else "")

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text() if len(self.open) < MAX_NESTING else "")

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.out.extend(f"</{name}>" for name, written in self.open.close(tag) if written)

    def handle_data(self, data):
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")


def shallow(fragment: str) -> str:
    """`fragment` (sanitized HTML) nested at most MAX_NESTING deep, its words all kept."""
    if fragment.count("<") <= MAX_NESTING:  # too few tags to nest so deep: nearly every body
        return fragment
    writer = _Shallow()
    writer.feed(fragment)
    writer.close()
    return "".join(writer.out)


def _converted(fragment: str) -> str:
    fragment = accessible(shallow(fragment))
    # no autolinks (<url>): a reference to a file brought beside the post becomes <name.png>, a tag
    soup = formatting_within_blocks(BeautifulSoup(fragment, "html.parser"))
    markdown = _Converter(heading_style="ATX", bullets="-", escape_misc=False, escape_asterisks=False,
                          escape_underscores=False, autolinks=False, code_language_callback=_language).convert_soup(soup)
    return SPARE_BLANK_LINES.sub(lambda m: m.group(1) or "\n\n", markdown).strip() + "\n"


# the blank lines markdownify leaves between blocks, one kept; inside code, each (PEP 8's two between functions)
SPARE_BLANK_LINES = re.compile(r"(^(`{3,})[^\n]*\n.*?^\2[ \t]*$|<pre\b.*?</pre>)|\n{3,}",
                               re.MULTILINE | re.DOTALL | re.IGNORECASE)


# half the build's time: a text's time to convert varies by half again from run to run (80,000 `\[`, 12 s to
# over 20), and one the import let through at 19 s the build then refused at 21 (a test, on a busy machine)
IMPORTED_SECONDS = MAX_SECONDS_TRUSTED / 2


def safe_as_essay(markdown: str, seconds: float = IMPORTED_SECONDS) -> bool:
    """Whether `markdown`, built as an essay (raw HTML kept), holds nothing that could run as a script:
    the last check on an imported body, after every step that wrote into it. One the build would refuse as
    too slow to convert (80,000 `[`: a red team's import took minutes, and wrote what the build refused) is
    not: its words are kept flat, as an unsafe one's are."""
    # within half the build's time, so the build surely takes it (one written in earnest: under a second)
    blocks = trusted_blocks(markdown, seconds)
    return blocks is not None and not any(unsafe_markup(block) for block in blocks)


def before_more(body: str) -> str | None:
    """The text before `<!--more-->`, which WordPress shows as the teaser, or None without one."""
    match = MORE.search(body)
    return body[:match.start()] if match else None


# A footnote's mark in the text, as the block editor writes it (`<sup data-fn="…"><a href="#…">1</a></sup>`)
FOOTNOTE_MARK = re.compile(r"<sup\b[^<>]*\bdata-fn\b[^<>]*>(?:<a\b[^<>]*>)?[^<>]{0,12}(?:</a>)?</sup>", re.IGNORECASE)


def plain(body: str) -> str:
    """A body's visible words on one line, for a summary."""
    text = BLOCK_BOUNDARY.sub("\x00", sub_closed(BLOCK_EDITOR_COMMENT, "", body, COMMENT_END))  # blocks part words; inline tags do not
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = FOOTNOTE_MARK.sub("", text)  # a summary has no notes: "…passaria.1" read as the sentence's
    text = re.sub(r"<[^<>]*>", "", text)  # not `[^>]*`: each of 16,000 `<` without `>` scanned to the end
    blocks = [" ".join(block.split()) for block in html.unescape(text).split("\x00")]  # XML holds no NUL
    blocks = [block for block in blocks if block]
    # a heading runs on into the paragraph under it: see run_on
    return " ".join([run_on(block) for block in blocks[:-1]] + blocks[-1:])


# A line's end in a paragraph, with the <br> a writer typed before it: wpautop adds none there (`a<br />\nb` is
# one break, not two, which Markdown would read as a paragraph's end)
LINE_END = re.compile(r"(<br\s*/?>)?\s*\n\s*", re.IGNORECASE)


def autop(text: str) -> str:
    """WordPress's wpautop, in short: blank lines make paragraphs, single newlines <br>,
    except around and inside block elements, and never inside <pre>."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\n\n\x00pre{len(kept) - 1}\x00\n\n"

    text = sub_closed(PRE, keep, sub_closed(INSIDE_BLOCK, keep, text, CLOSING_INSIDE_BLOCK), PRE_END)
    text = BLOCK_BOUNDARY.sub(lambda m: f"\n\n{m.group()}\n\n", text)
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if STARTS_WITH_BLOCK.match(chunk) or chunk.startswith(("\x00pre", "\x00code")) or (
                chunks and OPENS_PHRASING.search(chunks[-1])):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + LINE_END.sub(lambda m: (m.group(1) or "<br />") + "\n", chunk) + "</p>")
    joined = "\n".join(chunks)
    return re.sub(r"\x00pre(\d+)\x00", lambda m: kept[int(m.group(1))], joined)


def _pipes_escaped(text: str) -> str:
    """A cell's text with each `|` outside its code spans escaped, as Markdown's tables read `\\|` (a `|` outside
    one ends the cell in Markdown, inside one it does not)."""
    parts, at = [], 0
    for span in anchors.CODE_SPAN.finditer(text):
        parts += [text[at:span.start()].replace("|", "\\|"), span.group()]
        at = span.end()
    return "".join(parts + [text[at:].replace("|", "\\|")])
