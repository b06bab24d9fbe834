"""Markdown -> one HTML string per top-level block; comment HTML sanitized."""

from __future__ import annotations

import contextlib
import html
import re
import signal
import threading
import unicodedata
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.blockprocessors import HRProcessor
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor

from .cjk import CJK_CHARACTERS, LETTERS_A_WORD, MARKS, UNSPACED, UNSPACED_LETTER, joined_lines, without_spaces
from .language_tags import known_tag
from .linkify import linked_addresses

# A non-character: never in real text, and ElementTree writes it through unescaped.
BLOCK_MARK = "\ufdd0tertulia-block\ufdd0"
# Named by class, not by "tables": a name sends Markdown through every installed package's entry
# points, 40 ms in each process that parses; imported here, the parse workers inherit them.
EXTENSIONS = (TableExtension, FencedCodeExtension, SaneListExtension)

COMMENT_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "del", "em", "hr", "i", "li",
                "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
                "thead", "tr", "ul"}
COMMENT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
COMMENT_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript",
                                "template", "textarea", "select"}
SAFE_SCHEMES = {"http", "https", "mailto"}
COMMENT_LINK_REL = "nofollow ugc noopener"


# Python-Markdown stands `\x02klzzwxh:0000\x03` for a code span while it reads links, and leaves it in an address
# with quotes and a parenthesis (`[z](a"b"(1)) `x``): characters XML forbids, and every feed holding the comment
# was ill-formed (a red team). The span's words are lost to Markdown there; the rest of the text is kept.
LEFT_PLACEHOLDER = re.compile("\x02(?:klzzwxh:[0-9]+)?\x03?|\x03")


class _MarkBlocks(Treeprocessor):
    """Put a marker after each top-level element so the HTML can be cut into blocks."""

    def run(self, root):
        for child in root:
            child.tail = "\n" + BLOCK_MARK + "\n"


class _AsciiListStart(Treeprocessor):
    """A numbered list's `start` in ASCII digits: Markdown takes any script's digits for a list's number
    and copies them (`۳.` made `start="۳"`, which HTML refuses and browsers read as 1: an Urdu walk)."""

    def run(self, root):
        for numbered in root.iter("ol"):
            start = numbered.get("start")
            if start and not start.isascii():
                # digit by digit, not int(): 4,301 of them stopped the build with a traceback (a red team)
                number = "".join(str(unicodedata.decimal(digit, 0)) for digit in start).lstrip("0") or "0"
                if number == "1":  # as `1.` makes it: no attribute
                    del numbered.attrib["start"]
                else:
                    numbered.set("start", number)


class TooSlow(Exception):
    """A text whose Markdown took longer than MAX_SECONDS (a comment) or MAX_SECONDS_TRUSTED to convert."""


def _expired(signum, frame):
    raise TooSlow


@contextlib.contextmanager
def alarms():
    """While open, an alarm raises TooSlow, so a Converter made with `timed` inside can give each
    comment a time of CPU (yields whether it can). Python-Markdown may be slow in more shapes of text
    than the limits on signs can name, hence a time as well, a backstop far above what those limits
    let through. Only a main thread takes alarms: elsewhere (the preview's watcher thread) comments
    are not timed."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield False
        return
    previous = signal.signal(signal.SIGPROF, _expired)  # once per batch: 7 µs, against 1 µs per timer
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _markdown(*extensions) -> markdown.Markdown:
    """A Markdown converter that marks where each top-level block ends."""
    md = markdown.Markdown(extensions=list(extensions), output_format="html")
    # lowest priority: runs after every other tree processor, before raw HTML is restored
    md.treeprocessors.register(_AsciiListStart(md), "tertulia-list-start", -90)
    md.treeprocessors.register(_MarkBlocks(md), "tertulia-blocks", -100)
    return md


class Converter:
    """A reusable Markdown converter; one per process, since Markdown objects hold state."""

    def __init__(self, timed: bool = False, seconds: float | None = None):
        self._timed = timed  # made inside `alarms()`, which said it can: comments are timed
        self._seconds = seconds  # a text's time, where not the build's (MAX_SECONDS, MAX_SECONDS_TRUSTED)
        self._md = _markdown(*(extension() for extension in EXTENSIONS))
        self._with_notes: markdown.Markdown | None = None  # made for the first text with a footnote

    def blocks(self, text: str, trusted: bool, lang: str = "") -> tuple[str, ...]:
        """Top-level blocks of `text` as HTML; untrusted text is sanitized block by block, and (timed)
        raises TooSlow when it takes longer than any text written in earnest could. An author's
        footnotes (`[^1]`) become one block at the end, their ids named by `lang`, the text's language,
        so that both sides of a page can hold theirs."""
        if BLOCK_MARK[0] in text:  # a non-character no one types: written, it cut a paragraph in two blocks
            text = text.replace(BLOCK_MARK[0], "")
        blocks = plain_blocks(text)
        if blocks is None:
            md = self._notes() if trusted and FOOTNOTE_SIGN in text else self._md
            md.reset()
            if not self._timed:
                rendered = md.convert(text)
            else:
                # the process's own CPU time, not the clock's: a busy machine must not refuse what an idle one takes
                signal.setitimer(signal.ITIMER_PROF, self._seconds or (MAX_SECONDS_TRUSTED if trusted else MAX_SECONDS))
                try:
                    rendered = md.convert(text)
                finally:
                    signal.setitimer(signal.ITIMER_PROF, 0)
            if "\x02" in rendered:  # Markdown's own placeholder, left in a link's address it misread
                rendered = LEFT_PLACEHOLDER.sub("", rendered)
            if "&#" in rendered:  # `&#1;` would make every feed holding it ill-formed XML
                rendered = CHARACTER_REFERENCE.sub(_allowed_reference, rendered)
            if md is not self._md:
                rendered = footnote_ids(rendered, lang)
            if trusted and lang and ' id="fn' in rendered:  # a text may hold both kinds: an import's, a post on notes
                rendered = html_footnote_ids(rendered, lang if md is self._md else f"{lang}-h")
            blocks = [part for part in (p.strip() for p in rendered.split(BLOCK_MARK)) if part]
        blocks = [joined_lines(block) for block in blocks]
        if not trusted:
            blocks = [linked_addresses(block if NEUTRAL_PARAGRAPH.fullmatch(block) else sanitize(block).strip(),
                                       COMMENT_LINK_REL) for block in blocks]
        return tuple(blocks)

    def _notes(self) -> markdown.Markdown:
        """The converter for an author's text with footnotes: only those texts pay for the extension, and
        every other converts exactly as before. Its backlinks get no English title: the page's words are
        its language's, and the arrow says where it leads."""
        if self._with_notes is None:
            notes = FootnoteExtension(BACKLINK_TITLE="")
            self._with_notes = _markdown(*(extension() for extension in EXTENSIONS), notes)
        return self._with_notes


FOOTNOTE_SIGN = "[^"
# Python-Markdown's footnote ids and links to them (`fn:1`, `fnref:1`, `fnref2:1` for a second
# reference), and the empty title it gives a backlink
FOOTNOTE_ID = re.compile(r'\s(id|href)="(#?)(fn|fnref[0-9]*):([^"]*)"')
EMPTY_TITLE = re.compile(r'(<a class="footnote-backref" href="[^"]*") title=""')


def footnote_ids(rendered: str, lang: str) -> str:
    """Footnote ids of one language's text (`fn-en-1`), apart from the other language's beside it on the
    same page; a label's spaces, which no id may hold, become hyphens."""
    prefix = f"-{lang}-" if lang else "-"
    return EMPTY_TITLE.sub(r"\1", _outside_code(FOOTNOTE_ID, lambda m: (
        f' {m.group(1)}="{m.group(2)}{m.group(3)}{prefix}{"-".join(m.group(4).split())}"'), rendered))


# Inline and indented code escape no `"`: `<li id="fn:1">` shown in a post about notes reads as an id there
# (and in an author's own `<kbd>`, `<samp>` or `<pre>`)
CODE_TAGS = ("code", "kbd", "samp", "pre")
CODE_ELEMENT = re.compile(rf"(<({'|'.join(CODE_TAGS)})\b[^>]*>.*?</\2>)", re.DOTALL)


def _outside_code(pattern: re.Pattern, rename, rendered: str) -> str:
    """`rendered` with `pattern`'s matches renamed, except where code shows them as written."""
    if not any(f"<{tag}" in rendered for tag in CODE_TAGS):
        return pattern.sub(rename, rendered)
    parts = CODE_ELEMENT.split(rendered)  # text, code, its tag's name, text, …
    return "".join(part if index % 3 else pattern.sub(rename, part) for index, part in enumerate(parts)
                   if index % 3 != 2)


# Footnotes written as HTML (`<li id="fn-1">`, `href="#fnref-1"`): most blogs' plugins, and what an import
# keeps where a note's mark stands inside HTML (a table, a caption); each language's text holds the same ids
HTML_FOOTNOTE_ID = re.compile(r'\s(id|href)="(#?)(fn|fnref)-([0-9]{1,4})"')


def html_footnote_ids(rendered: str, lang: str) -> str:
    """Footnote ids written as HTML, named by the text's language as Markdown's are (`fn-en-1`, see
    footnote_ids; `en-h` in a text that holds Markdown's too, whose numbers may be the same): side by
    side, a translation's marks led to its original's notes."""
    return _outside_code(HTML_FOOTNOTE_ID, lambda m: f' {m.group(1)}="{m.group(2)}{m.group(3)}-{lang}-{m.group(4)}"',
                         rendered)


LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
# Characters XML 1.0 forbids, which no feed reader will take: they never reach a page or a feed.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
CHARACTER_REFERENCE = re.compile(r"&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));")
MAX_NESTING = 100  # Python-Markdown recurses per level; past a few hundred it hits Python's limit
MAX_COMMENT = 50_000  # characters: a long essay-length comment, far below what stalls the parser
MAX_BRACKETS = 500  # link brackets in a comment: Markdown's link search is quadratic in them
MAX_ANGLES = 500  # `<` signs in a comment: an unclosed tag makes the HTML search rescan to the end
MAX_LINES = 2000  # lines in a comment: each block processor re-splits what is left of a block
# Python-Markdown reads from each `[` to its `]` (and a link's `(` to its `)`), or to the end of its
# paragraph when none closes it, over a text swollen by a placeholder for each escape, code span and tag
# (some 15 characters each): 500 such `[` before 20,000 letters took 1.6 s here, 4 s on a busy machine.
# Their cost, counted before converting, is what a comment may have: the same on every machine, where a
# time limit was not.
MAX_OPEN_BRACKET_COST = 3_000_000  # characters read: half a second here; a comment in earnest, thousands
PLACEHOLDER_WEIGHT = 15
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# what the converter puts a placeholder in place of before it looks for links: a code span, an escape
PLACEHOLDERS = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)|\\.", re.DOTALL)
PLACEHOLDER = "\x02" * PLACEHOLDER_WEIGHT
BRACKET_OR_PAREN = re.compile(r"[\[\]()]")
# Seconds a comment may take to convert: the longest comment in earnest takes under 0.3 s here, a
# comment built to stall the parser minutes. Past it, check refuses it, on any machine alike in practice.
MAX_SECONDS = 5.0
TOO_SLOW = (f"this comment takes Python-Markdown over {MAX_SECONDS:.0f} s to read (the shape of a text "
            "built to stall the build, not of one written in earnest); it is not taken")
# An author's text has no limits on its signs, but a time all the same: thousands of `[` with no `]`
# would otherwise hold a build for minutes, where the longest essay in earnest takes under a second.
MAX_SECONDS_TRUSTED = 20.0
TOO_SLOW_TRUSTED = (f"this text takes Python-Markdown over {MAX_SECONDS_TRUSTED:.0f} s to read: something in it "
                    "stalls the converter (thousands of `[` with no `]`, say, or of `<` never closed)")
NESTING_PREFIX = re.compile(r"[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)]|>)[ \t]*)*")
# a rule drawn by hand, or a heading's underline: Python-Markdown reads it as such before any list, nested nowhere
THEMATIC_BREAK = re.compile(HRProcessor.RE)
# a line that might nest deep: the first, or one after a line break (a search for `\n` first, five times
# quicker than a search of every position for a line's start)
LONG_PREFIX = re.compile(rf"[ \t0-9.)>*+-]{{{MAX_NESTING + 1}}}")
LONG_PREFIX_AFTER_A_LINE = re.compile(rf"\n[ \t0-9.)>*+-]{{{MAX_NESTING + 1}}}")


def has_forbidden_bytes(raw: bytes) -> bool:
    """Whether a file's bytes hold a character XML forbids: checked for every file, so by the
    quickest means (a deleting translate and two substring searches, not a regex)."""
    return len(raw.translate(None, CONTROL_BYTES)) != len(raw) or b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw


def clean_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return XML_FORBIDDEN.sub("", text) if XML_FORBIDDEN.search(text) else text


def _allowed_reference(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16 if match.group(2) else 10)
    allowed = code in (9, 10, 13) or 0x20 <= code <= 0xd7ff or 0xe000 <= code <= 0xfffd or 0x10000 <= code <= 0x10ffff
    return match.group(0) if allowed else "\ufffd"


def comment_too_long(text: str) -> tuple[int, str] | None:
    """(line, message) for a comment longer than any written in earnest, else None."""
    if len(text) > MAX_COMMENT and len(comment := text.strip("\r\n")) > MAX_COMMENT:
        # the blank lines around a body are the file's, not its writer's
        return _first_line(text), f"this comment has {len(comment):,} characters; at most {MAX_COMMENT:,} are taken"
    return None


def markup_problem(text: str, trusted: bool) -> tuple[int, str] | None:
    """(line in `text`, message) for Markdown that would stall or crash the converter, else None.

    Nesting is bounded for everyone; size, lines, `[` and `<` only for comments, which anyone
    can propose. Nothing an author writes in earnest comes near these limits."""
    if not trusted:  # every comment comes here: the cheap bounds first, the exact count past them
        if too_long := comment_too_long(text):
            return too_long
        for sign, most in (("[", MAX_BRACKETS), ("<", MAX_ANGLES)):
            if text.count(sign) > most:
                line = text.count("\n", 0, _nth(text, sign, most + 1)) + 1
                return line, f"this comment has {text.count(sign):,} `{sign}` signs; at most {most} are taken"
        if text.count("\n") + text.count("\r") >= MAX_LINES and (lines := line_count(text.strip("\r\n"))) > MAX_LINES:
            return _first_line(text) + MAX_LINES, f"this comment has {lines:,} lines; at most {MAX_LINES:,} are taken"
        if "[" in text and (open_cost := _open_bracket_cost(text)) and open_cost[0] > MAX_OPEN_BRACKET_COST:
            return open_cost[1], (f"this comment's `[` signs and links would have the converter read "
                                  f"{open_cost[0]:,} characters, far more than a comment in earnest: close each `[` "
                                  "with `]` and a link's `(` with `)`, or write `\\[`")
    if not (LONG_PREFIX.match(text) or LONG_PREFIX_AFTER_A_LINE.search(text)):  # almost every file ends here
        return None
    for number, line in enumerate(text.split("\n"), 1):
        prefix = NESTING_PREFIX.match(line).group()
        if len(prefix) > MAX_NESTING and not THEMATIC_BREAK.match(line):  # depth never exceeds the prefix's length
            depth = len(prefix.expandtabs(4)) - len(prefix.lstrip(" \t").expandtabs(4))
            depth = depth // 2 + sum(1 for char in prefix if char in "-*+>.)")
            if depth > MAX_NESTING:
                return number, f"Markdown nested about {depth} levels deep; at most {MAX_NESTING} are taken"
    return None


def _open_bracket_cost(text: str) -> tuple[int, int]:
    """(characters the converter reads from `[` signs, the line of the first paragraph past a tenth of the
    limit): each `[` is read to its `]` and a `(` after that to its `)`, or to the end of the paragraph
    when none closes it; code spans, escapes and tags are read as the placeholders the converter puts in
    their place, each some 15 characters long."""
    cost = first = 0
    breaks = list(PARAGRAPH_BREAK.finditer(text))
    for begin, end in zip([0] + [found.end() for found in breaks], [found.start() for found in breaks] + [len(text)]):
        if "[" not in text[begin:end]:
            continue
        read = _bracket_reads(PLACEHOLDERS.sub(PLACEHOLDER, text[begin:end]).replace("<", PLACEHOLDER))
        cost += read
        if not first and read > MAX_OPEN_BRACKET_COST // 10:
            first = text.count("\n", 0, begin) + 1
    return cost, first or 1


def _bracket_reads(paragraph: str) -> int:
    """The characters read from each `[` of a paragraph, as the link reader reads them."""
    closing, paren_closing, brackets, open_brackets, open_parens = {}, {}, [], [], []
    for found in BRACKET_OR_PAREN.finditer(paragraph):
        sign, at = found.group(), found.start()
        if sign == "[":
            brackets.append(at)
            open_brackets.append(at)
        elif sign == "]" and open_brackets:
            closing[open_brackets.pop()] = at
        elif sign == "(":
            open_parens.append(at)
        elif sign == ")" and open_parens:
            paren_closing[open_parens.pop()] = at
    end, read = len(paragraph), 0
    for at in brackets:
        close = closing.get(at)
        if close is None:
            read += end - at
        else:
            read += close - at
            if paragraph.startswith("(", close + 1):
                read += paren_closing.get(close + 1, end) - close
    return read


def comment_refusal(text: str) -> str:
    """Why `check` would refuse a comment of this Markdown, or "": what an import asks before it
    writes a comment, so that it never writes one the next build refuses."""
    problem = markup_problem(text, trusted=False)
    if problem:
        return problem[1]
    with alarms() as timed:
        try:
            Converter(timed).blocks(text, trusted=False)
        except TooSlow:
            return TOO_SLOW
    return ""


def trusted_blocks(text: str, seconds: float) -> tuple[str, ...] | None:
    """An author's text's blocks as the build makes them, or None when making them takes longer than
    `seconds` of this process's time: what an import asks of a text before it writes it."""
    with alarms() as timed:
        try:
            return Converter(timed=timed, seconds=seconds).blocks(text, trusted=True)
        except TooSlow:
            return None


def trusted_block_count(text: str, seconds: float) -> int:
    """How many blocks the build makes of an author's text, -1 when making them takes longer than `seconds`."""
    blocks = trusted_blocks(text, seconds)
    return -1 if blocks is None else len(blocks)


def _first_line(text: str) -> int:
    """The line a text's first non-empty line is on."""
    return text[:len(text) - len(text.lstrip("\r\n"))].count("\n") + 1


def line_count(text: str) -> int:
    """Lines as Markdown reads them (a line ends with \\n, \\r\\n or a lone \\r), as the reply form
    counts them."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1


def _nth(text: str, char: str, count: int) -> int:
    index = -1
    for _ in range(count):
        index = text.index(char, index + 1)
    return index


HREF = re.compile(r' href="([^"]*)"')


def _unlink_without_href(match: re.Match) -> str:
    """A link whose unsafe address was dropped is just its text; one whose words went with an element a
    comment may not hold (a linked image) shows its address, or a reader would meet a link with no name."""
    href = HREF.search(match.group(1))
    if href is None:
        return match.group(2)
    return match.group(0) if match.group(2).strip() else f"<a{match.group(1)}>{href.group(1)}</a>"


# Prose with none of Markdown's signs converts to the same HTML without Python-Markdown, five
# times faster; tests compare both on generated text. Anything unusual takes the full path.
MARKDOWN_SIGNS = re.compile("[\\\\`*_\\[\\]<>&!#|~=\t\x00-\x08\x0b-\x1f\x85\u2028\u2029\ufdd0-\ufdef]")
PLAIN_LINE = re.compile(r"""(?:[^\W\d_]|[“"'‘¿¡(«„…])[^\n]*(?<! )""")  # a letter or an opening sign first
HEADING = re.compile(r"(#{1,6}) +([^#\s](?:[^#\n]*[^#\s])?)")  # Markdown strips any space, NBSP too


def plain_blocks(text: str) -> list[str] | None:
    """HTML blocks for text made only of plain paragraphs and # headings, else None."""
    blocks = []
    for chunk in re.split(r"\n[ ]*\n", text.strip("\n")):
        chunk = chunk.strip("\n")
        if not chunk:
            continue
        heading = HEADING.fullmatch(chunk)
        if heading and not MARKDOWN_SIGNS.search(heading.group(2)):
            blocks.append(f"<h{len(heading.group(1))}>{heading.group(2)}</h{len(heading.group(1))}>")
            continue
        lines = chunk.split("\n")
        if MARKDOWN_SIGNS.search(chunk) or not all(PLAIN_LINE.fullmatch(line) for line in lines):
            return None
        blocks.append(f"<p>{chunk}</p>")
    return blocks


# A paragraph of plain text that the sanitizer gives back unchanged: no markup, no entity, no
# character its HTML parser rewrites. Most comments are just this, and skip nh3 (tests compare both).
NEUTRAL_PARAGRAPH = re.compile("<p>[^<>&\x00-\x09\x0b-\x1f\x7f-\x9f\xa0]*</p>")


# Elements whose content an HTML parser reads as text up to their own closing tag, wherever that is
RAW_TEXT_ELEMENTS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
                     "plaintext")
# Tags of those, or of elements a comment may not hold with their content (a form field, SVG): an unclosed
# `<script>` in "never put a <script> tag in" took every word after it. Shown as typed instead, as text, so
# every word the reader wrote stays.
SWALLOWING_TAG = re.compile(rf"<(?=/?(?:{'|'.join(RAW_TEXT_ELEMENTS)}|template|select|object|embed|applet|svg)(?![\w-]))",
                            re.IGNORECASE)
# `<www.example.org>`, an address bracketed as one writes it in a letter (Markdown links only `<https://…>`):
# read as a tag, the sanitizer took the address away with it
BRACKETED_ADDRESS = re.compile(r"<(?=www\.[^\s<>]+>)", re.IGNORECASE)
# A tag, its attributes whole: a `>` inside a quoted value does not end it
WHOLE_TAG = re.compile(r"""</?([A-Za-z][A-Za-z0-9:-]*)(?:[\s/](?:[^<>"']|"[^"]*"|'[^']*')*)?>""")


def unwrap_other_tags(fragment: str, known: frozenset[str]) -> str:
    """`fragment` without the tags `known` does not name, their words kept, as for any tag a text may
    not hold. nh3 would drop the words of some with them: SVG's and MathML's element names (`<text>`,
    `<line>`, `<true>`, `<mi>`) even outside <svg> or <math>, so "a <text> element and why" lost "and why"."""
    if "<" not in fragment:
        return fragment
    return WHOLE_TAG.sub(lambda tag: tag.group(0) if tag.group(1).lower() in known else "", fragment)


COMMENT_KNOWN_TAGS = frozenset(COMMENT_TAGS | COMMENT_DROPPED_WITH_CONTENT | {"img"})
# nh3 keeps a comment's images for a moment, to turn each into its description (see sanitize)
SANITIZED_TAGS = COMMENT_TAGS | {"img"}
# "*": on every tag, `lang` alone, for a passage quoted in another language; nh3's own default let `title`
# anywhere and `lang` with any value (`lang=""`, `lang="zz-Not-A-Language"`), which a screen reader obeys
SANITIZED_ATTRIBUTES = {**COMMENT_ATTRIBUTES, "img": {"src", "alt"}, "*": {"lang"}}


def _comment_attribute(tag: str, name: str, value: str) -> str | None:
    """A comment's `lang` only when it names a language browsers know; an address without the spaces around
    it, which a browser ignores and every later rewriting would read as part of it; the rest as nh3 kept it."""
    if name == "lang":
        return known_tag(value)
    if name in ("href", "src"):
        return value.strip(URL_SPACES).translate(UNWRITABLE_IN_URL)
    return value


URL_SPACES = "".join(map(chr, range(0x21)))  # what a browser strips from both ends of an address: C0 controls, space
# What no address may hold as it is, percent-encoded as a browser sends it: `<https://a.org/ b>` in a comment
# made `href="https://a.org/ b"`, which the Nu checker refuses
UNWRITABLE_IN_URL = str.maketrans({char: f"%{ord(char):02X}" for char in ' "<>\\^`{|}'})


def sanitize(fragment: str) -> str:
    """Reduce untrusted HTML to a small safe subset; links get rel=nofollow ugc noopener. An image, which a
    comment may not show, is its description, as a link to the picture where its address is a web one."""
    cleaned = nh3.clean(
        unwrap_other_tags(BRACKETED_ADDRESS.sub("&lt;", SWALLOWING_TAG.sub("&lt;", fragment)), COMMENT_KNOWN_TAGS),
        tags=SANITIZED_TAGS,
        clean_content_tags=COMMENT_DROPPED_WITH_CONTENT,
        attributes=SANITIZED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel=COMMENT_LINK_REL,
        strip_comments=True,
        attribute_filter=_comment_attribute,
    )
    if "<img" in cleaned:
        cleaned = IMAGE.sub(_image_as_link, LINK.sub(_images_as_words, cleaned))
    return LINK.sub(_unlink_without_href, cleaned)


# An image as nh3 and Python-Markdown write it: its attributes double-quoted, `"` and `&` in them as references
IMAGE = re.compile(r"<img\b([^>]*)>")
IMAGE_ATTRIBUTE = re.compile(r'\s(src|alt)="([^"]*)"')


def image_description(attributes: str) -> str:
    """An image's description, its alt text, as plain text ("" without one), from its tag's attributes."""
    return html.unescape(dict(IMAGE_ATTRIBUTE.findall(attributes)).get("alt", "")).strip()


def image_source(attributes: str) -> str:
    """An image's address as written, from its tag's attributes ("" without one)."""
    return html.unescape(dict(IMAGE_ATTRIBUTE.findall(attributes)).get("src", ""))


def images_described(block_html: str) -> str:
    """A block with each image as its description: the words a reader of the page is given for it."""
    if "<img" not in block_html:
        return block_html
    return IMAGE.sub(lambda image: f" {html.escape(image_description(image.group(1)), quote=False)} ", block_html)


def _image_words(attributes: str) -> tuple[str, str]:
    """(the image's description as text for the page, its address if a web one, else "")."""
    src = image_source(attributes)
    return html.escape(image_description(attributes), quote=False), src if is_safe_url(src) else ""


def _images_as_words(match: re.Match) -> str:
    """Inside a link (a linked picture) an image is its description: the link already leads somewhere."""
    inner = IMAGE.sub(lambda image: _image_words(image.group(1))[0], match.group(2))
    return f"<a{match.group(1)}>{inner}</a>"


def _image_as_link(match: re.Match) -> str:
    words, src = _image_words(match.group(1))
    if not src:
        return words
    return f'<a href="{html.escape(src)}" rel="{COMMENT_LINK_REL}">{words or html.escape(src, quote=False)}</a>'


# The page's form checks a website with this very pattern (an HTML `pattern`: no flags, so the scheme's
# case is spelt out; `HTTPS://` is as good an address as `https://`)
# no direction control; no `\`, which a browser reads as `/` where urlsplit does not (`https://evil\@blog/`
# was named "blog" and led to evil)
SAFE_URL = re.compile(r"[hH][tT][tT][pP][sS]?://[^\s\"'<>\\\u202a-\u202e\u2066-\u2069]+")


def is_safe_url(url: str) -> bool:
    """True for absolute http(s) URLs, the only kind a commenter's website may be, whose host can be read:
    `http://[::1/x`, a bracket left open, passed `check` and stopped the build that names an essay's source's
    host with a traceback."""
    return bool(SAFE_URL.fullmatch(url)) and host_readable(url)


def host_readable(url: str) -> bool:
    """Whether urllib can read `url`'s host: one written `http://[::1/x`, a bracket left open, raises
    ValueError wherever it is read."""
    try:
        urlsplit(url).hostname  # noqa: B018 (read for what it raises)
    except ValueError:
        return False
    return True


TAG = re.compile(r"<[^>]*>")
# Tags that end a word: between blocks, cells and lines there is a space; around a link or an
# emphasis there is none ("a fine <a>link</a>." reads "a fine link.").
BREAKING_TAG = re.compile(r"</?(?:p|div|br|hr|li|ul|ol|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th|"
                          r"figure|figcaption|dl|dt|dd|section|img)\b[^>]*>", re.IGNORECASE)
# `&`: an address Markdown wrote in character references (`<me@example.org>` becomes a mailto: so written)
# (an author's ` https://…`, spaces a browser ignores before it, is not relative either)
RELATIVE_LINK = re.compile(r'(\s(?:src|href)=")(?![\x00-\x20]*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|&))')


# A tag, whose attributes the rewriting below may touch: outside tags, `src="dog.png"` is a reader's words
# or an essay's code sample (Markdown escapes `<` and `>` in text, and in attribute values).
OPENING_TAG = re.compile(r"<[a-zA-Z][^<>]*>")


def in_tags(block_html: str, pattern: re.Pattern, replace) -> str:
    """`pattern` replaced as `replace` says, inside the block's tags only."""
    return OPENING_TAG.sub(lambda tag: pattern.sub(replace, tag.group(0)) if '="' in tag.group(0) else tag.group(0),
                           block_html)


ROOTED_LINK = re.compile(r'(\s(?:src|href)=")/(?!/)')


def rooted_links(block_html: str, base_path: str) -> str:
    """Put the site's sub-path before a link written from the site's root (`/logo.png`, `/about/`),
    as GitHub Pages serves a project's site under one; a link that already starts with it is kept."""
    if base_path == "/" or '="/' not in block_html:
        return block_html
    return in_tags(block_html, ROOTED_LINK, lambda m: m.group(0) if m.string.startswith(base_path, m.end() - 1)
                    else m.group(1) + base_path)


# A footnote's number in the text and the arrow back to it: marks, not words
FOOTNOTE_MARKS = re.compile(r'<sup id="fnref[^"]*"><a class="footnote-ref" [^>]*>[^<]*</a></sup>'
                            r'|<a class="footnote-backref" [^>]*>[^<]*</a>')


def _without_footnote_marks(block_html: str) -> str:
    return FOOTNOTE_MARKS.sub("", block_html) if 'class="footnote-' in block_html else block_html


def plain_text(block_html: str) -> str:
    """The words of an HTML block, for lengths and for comparing versions (the translation record
    keeps them as this gives them, so it must not change)."""
    block_html = _without_footnote_marks(block_html)
    return without_spaces(" ".join(html.unescape(TAG.sub(" ", block_html)).split()))


# what an essay's raw HTML holds that no reader sees as words, a comment too, which may hold a tag (`<!--
# <script> -->`): a card's summary read a script's code aloud. Each ends where a browser ends it.
UNSEEN = re.compile(r"<!--|<(script|style|template)(?=[\s/>])", re.IGNORECASE)
UNSEEN_END = {"": re.compile(r"--!?>"), **{tag: re.compile(rf"</{tag}(?=[\s/>])", re.IGNORECASE)
                                           for tag in ("script", "style", "template")}}


def _without_unseen(block_html: str) -> str:
    """`block_html` without its scripts, style sheets, templates and comments, each to its end, in one pass
    (an unclosed one, and what follows it, are left as they are: a search for each end to the block's
    end would make it quadratic)."""
    found = UNSEEN.search(block_html)
    kept, at = [], 0
    while found:
        tag = (found.group(1) or "").lower()
        # a comment's end may be its own opening's dashes (`<!-->`, `<!--->`, as browsers read them)
        close = UNSEEN_END[tag].search(block_html, found.start() + 2 if not tag else found.end())
        if close is None:
            break
        kept.append(block_html[at:found.start()])
        at = close.end() if not tag else (block_html.find(">", close.end()) + 1 or len(block_html))
        found = UNSEEN.search(block_html, at)
    return "".join(kept) + block_html[at:] if kept else block_html


def reading_text(block_html: str) -> str:
    """The visible text of an HTML block as a reader sees it, for excerpts: no space before the
    full stop that follows a link, nor where a line breaks between two Chinese or Japanese characters,
    nor a script's or a style sheet's code."""
    block_html = _without_unseen(_without_footnote_marks(block_html))
    return without_spaces(" ".join(html.unescape(TAG.sub("", BREAKING_TAG.sub(" ", block_html))).split()))


DASH = "—"


def run_on(words: str) -> str:
    """A block's last words as words of another block follow them on one line: a heading or a quote
    that ends with no punctuation of its own gets a dash, or it reads as one sentence with the next."""
    return words if ends_in_punctuation(words) else f"{words} {DASH}"


def ends_in_punctuation(words: str) -> bool:
    return unicodedata.category(words[-1])[0] == "P"


def first_words(blocks, words: int = 40) -> str:
    """The first words of a text's blocks, for the comment archive."""
    taken: list[str] = []
    for block in blocks:  # only as many blocks as the excerpt needs
        inner = block[3:-4] if block.startswith("<p>") and block.endswith("</p>") else "<"
        words_of = inner if "<" not in inner and "&" not in inner else reading_text(block)
        if CLOSE_SET.search(words_of):  # Chinese or Japanese: cut by characters, not spaces
            return cut_to_words(without_spaces(" ".join(reading_text(block) for block in blocks)), words)
        if UNSPACED_LETTER.search(words_of):  # Thai: by letters, and its blocks joined as its phrases are, by a space
            return cut_to_words(" ".join(reading_text(block) for block in blocks), words)
        more = words_of.split()
        if taken and more and not ends_in_punctuation(taken[-1]):
            taken.append(DASH)  # see run_on
        taken += more
        if len(taken) > words:
            break
    return cut_tokens(taken, words)


def cut_tokens(tokens: list[str], count: int) -> str:
    """The first `count` of a text's words (and run-on dashes), with "…" where more follow; never "—…"."""
    if len(tokens) <= count:
        return " ".join(tokens)
    return " ".join(tokens[:count - 1] if tokens[count - 1] == DASH else tokens[:count]) + "…"


# Chinese and Japanese write words without spaces between them: their characters are counted, about
# two and a half to a word as readers read them (500 a minute against 200 words), not their spaces.
# Their punctuation (、。「」, full-width ！？) is counted with them, not as a word of its own.
CLOSE_SET_RANGES = CJK_CHARACTERS  # as cjk.py names them, radicals and bopomofo too
CLOSE_SET = re.compile(f"[{CLOSE_SET_RANGES}]")
UNIT = re.compile(f"[{CLOSE_SET_RANGES}]|[^\\s{CLOSE_SET_RANGES}]+")  # one such character, or a spaced word
CHARACTER, WORD = 6, 15  # in fifteenths of a word, counted in whole numbers: two and a half characters a word
# Thai, Lao, Khmer and Burmese spell a phrase's words without spaces: a letter (its vowel and tone marks
# with it) is counted as a third of a word, as a Thai word runs to three letters (ICU's dictionary cuts a
# Thai essay so), and a text is cut between two letters, never after a vowel written before its consonant
# (Thai's เ แ โ ใ ไ) nor before a mark
UNSPACED_UNIT = re.compile(f"[{CLOSE_SET_RANGES}]|[{UNSPACED}][{MARKS}]*|[^\\s{CLOSE_SET_RANGES}{UNSPACED}]+")
# a vowel written before its consonant (Thai's and Lao's), and the signs that stack the next letter under one
HOLDS_THE_NEXT = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4\u17d2\u1039")
FOLLOWS_ITS_LETTER = frozenset("\u0e30\u0e32\u0e33\u0e45\u0eb0\u0eb2\u0eb3")  # ะ า ำ ๅ and Lao's, after a consonant
LETTER_WEIGHT = WORD // LETTERS_A_WORD  # a Thai letter's, in fifteenths of a word


def word_count(text: str) -> float:
    """How many words `text` holds: its spaced words, and its Chinese or Japanese characters and its Thai
    (Lao, Khmer, Burmese) letters by their weight."""
    if UNSPACED_LETTER.search(text):
        return sum(_weight(unit) for unit in UNSPACED_UNIT.findall(text)) / WORD
    if "\u1361" in text:  # Ethiopic's wordspace parts words with no space beside it (`አዲስ፡አበባ`): 600 were 1
        text = text.replace("\u1361", " ")
    if not CLOSE_SET.search(text):
        return len(text.split())
    close = len(CLOSE_SET.findall(text))
    return (close * CHARACTER + (len(UNIT.findall(text)) - close) * WORD) / WORD


def _weight(unit: str) -> int:
    return CHARACTER if CLOSE_SET.fullmatch(unit) else LETTER_WEIGHT if UNSPACED_LETTER.match(unit) else WORD


def cut_to_words(text: str, words: int) -> str:
    """`text` cut after `words` words as word_count counts them, with "…" when something is left out."""
    if UNSPACED_LETTER.search(text):
        return _cut_unspaced(text, words)
    counted, most = 0, words * WORD
    for unit in UNIT.finditer(text):
        counted += CHARACTER if CLOSE_SET.fullmatch(unit.group()) else WORD
        if counted > most:
            return text[:unit.start()].rstrip() + "…"
    return text


def _cut_unspaced(text: str, words: int) -> str:
    """A text holding Thai (Lao, Khmer, Burmese) cut as cut_to_words cuts: at the last space within the
    words taken when there is one past their half (a space ends a phrase there), else between two letters."""
    counted, most, starts = 0, words * WORD, []
    for unit in UNSPACED_UNIT.finditer(text):
        counted += _weight(unit.group())
        starts.append(unit.start())
        if counted > most:
            at = _letter_boundary(text, starts)
            space = text.rfind(" ", 0, at)
            return text[:space if space > at // 2 else at].rstrip() + "…"
    return text


def _letter_boundary(text: str, starts: list[int]) -> int:
    """The last of `starts` (where letters begin) that parts no syllable: not after a vowel written before its
    consonant, nor after a sign stacking the next letter under it (Khmer's coeng, Burmese's virama), nor
    before a vowel that follows its consonant (Thai's ะ า ำ); the last start itself when none does."""
    for at in reversed(starts[1:]):
        if text[at - 1] not in HOLDS_THE_NEXT and text[at] not in FOLLOWS_ITS_LETTER:
            return at
    return starts[-1]
