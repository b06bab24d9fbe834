"""Imported HTML reduced to what an essay may hold: it is untrusted until a person reads it.

Essays may hold raw HTML, so an imported body must not bring a script, an event handler, a dangerous
URL (in any case or encoding: nh3 parses as a browser does) or a frame from anywhere but a known
video or audio host. Figures, tables, code with its language and media stay.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from ..reading.language_tags import LANGUAGE_TAG, known_tag
from ..reading.markup import RAW_TEXT_ELEMENTS, URL_SPACES, unwrap_other_tags

TAGS = {"a", "abbr", "audio", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "source", "span",
        "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "track", "u", "ul",
        "var", "video"}
ATTRIBUTES = {
    "a": {"href", "title", "id"}, "abbr": {"title"}, "img": {"src", "alt", "title", "width", "height"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading"},
    "audio": {"src", "controls", "preload"}, "video": {"src", "controls", "poster", "width", "height", "preload"},
    "source": {"src", "type"}, "track": {"src", "kind", "srclang", "label"}, "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"}, "code": {"class"}, "pre": {"class"}, "li": {"id"}, "sup": {"id"},
    "section": {"class"}, "ol": {"class", "start"},
}
DROPPED_WITH_CONTENT = {"script", "style", "object", "embed", "noscript", "template", "textarea", "select", "form",
                        "button", "applet", "svg"}  # an inline SVG is a drawing: its <text> labels go with it
# In a post, the author's own: the words a reader of the blog saw stay (a form's labels, the text an <object>
# showed where its plugin is gone, as every browser's is now, a button's); only what was never read goes
DROPPED_FROM_POSTS = frozenset({"script", "style", "noscript", "template", "svg", "embed"})
# a post's links as its reader followed them: a phone number, a calendar, a file server, a call (an audit found
# `tel:`, `ftp:` and `skype:` links made words); none runs a script
SCHEMES = {"http", "https", "mailto", "tel", "sms", "ftp", "webcal", "xmpp", "geo", "magnet", "skype"}
CONTROL_END = re.compile(r"</(?:label|button|option|legend|select|textarea)\s*>", re.IGNORECASE)
KNOWN_TAGS = frozenset(TAGS | DROPPED_WITH_CONTENT)  # what nh3 decides about; any other tag goes, its words stay
EMBED_HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com", "w.soundcloud.com", "open.spotify.com",
               "embed.ted.com", "www.dailymotion.com", "bandcamp.com", "archive.org", "embed.music.apple.com"}
KEPT_CLASS = re.compile(r"language-[a-z0-9+#_-]{1,30}|footnotes")
IFRAME = re.compile(r"<iframe\b[^>]*>.*?</iframe>|<iframe\b[^>]*/?>", re.IGNORECASE | re.DOTALL)
IFRAME_END, IFRAME_TAG, TAG_END = (re.compile(pattern, re.IGNORECASE) for pattern in (r"</iframe>", r"<iframe\b[^>]*>", ">"))
SOURCE = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


# a passage in another language says so (a reader's voice reads it in that one), and which way it runs
ANY_TAG_ATTRIBUTES = {"lang", "dir"}
DIRECTIONS = {"rtl", "ltr", "auto"}
CLEANED_ATTRIBUTES = {**ATTRIBUTES, "*": ANY_TAG_ATTRIBUTES}  # nh3's form: "*" is every tag


def cleaned(fragment: str, frames: bool = True, every_word: bool = False) -> str:
    """`fragment` with only what an essay may hold; a frame from another host becomes a link to it.
    Without `frames` (a comment: WordPress never shows a commenter's frame) every frame is a link to
    what it showed, so that a reader still finds the video the comment is about. With `every_word` (a
    comment again: WordPress's filter removes a commenter's <script>, <textarea> or <form> and shows the
    words inside) no element's words go with it: they stay as text, escaped, never markup."""
    # a form's controls stand apart on the page: their words, kept as text, stay apart ("Name Send", not "NameSend")
    fragment = CONTROL_END.sub(r"\g<0> ", fragment)
    fragment = unwrap_other_tags(_frames_replaced(fragment, _frame if frames else _frame_link),
                                 KNOWN_TAGS - {"template"} if every_word else KNOWN_TAGS)  # nh3 drops its inside
    return nh3.clean(fragment, tags=TAGS, attributes=CLEANED_ATTRIBUTES,
                     clean_content_tags=set() if every_word else DROPPED_FROM_POSTS, url_schemes=SCHEMES,
                     strip_comments=True, link_rel="noopener", attribute_filter=_attribute)


def _frames_replaced(fragment: str, replace) -> str:
    """IFRAME.sub in linear time: before the last `</iframe>` each frame reaches a closing one, and after it
    each is a tag alone, up to the last `>`. IFRAME itself tried every unclosed frame to the text's end, and
    60,000 of them in one Disqus comment took minutes."""
    end = closed_part(fragment, IFRAME_END)
    return IFRAME.sub(replace, fragment[:end]) + sub_closed(IFRAME_TAG, replace, fragment[end:], TAG_END)


# what a browser reads otherwise than urlsplit (`\` as `/`: `https://evil.example\@www.youtube.com/` is framed
# from evil.example), or what would leave a quoted attribute: a red team's frame passed as YouTube's
UNREAD_ALIKE = re.compile(r"[\\\s\"'<>`\x00-\x1f\x7f]")


def embed_host(url: str) -> bool:
    """Whether a frame may show `url`: https, from a host on the list, read alike by a browser."""
    url = url.strip()
    if UNREAD_ALIKE.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme == "https" and (parts.hostname or "") in EMBED_HOSTS


def _source(match: re.Match) -> str:
    """The address a frame showed, as its `src` attribute holds it."""
    found = SOURCE.search(match.group().split(">", 1)[0])
    return next((g for g in found.groups() if g is not None), "") if found else ""


def _frame_link(match: re.Match) -> str:
    """A link to the http or https address a frame showed (escaped: it is untrusted); nothing else."""
    url = html.unescape(_source(match)).strip()
    if not re.match(r"https?://[^/\s]", url, re.IGNORECASE):
        return ""
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'


def _frame(match: re.Match) -> str:
    url = privately(_source(match))
    if embed_host(url):
        host = urlsplit(url).hostname or ""
        title = "YouTube" if "youtube" in host else "Vimeo" if "vimeo" in host else host  # names, in no language
        return (f'<iframe src="{html.escape(url)}" title="{title}" width="560" height="315" loading="lazy" '
                'allowfullscreen></iframe>')
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>' if url.startswith(("https://", "http://")) else ""


def privately(url: str) -> str:
    """A YouTube or Vimeo player address that does not track the reader (nocookie, dnt)."""
    url = url.replace("&amp;", "&").strip()
    url = re.sub(r"^https?://(?:www\.)?youtube\.com/embed/", "https://www.youtube-nocookie.com/embed/", url)
    if url.startswith("https://player.vimeo.com/video/") and "dnt=1" not in url:
        url += ("&" if "?" in url else "?") + "dnt=1"
    return url


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "lang":  # `ita` read as `it`, which the Nu checker and screen readers know; `xx` says nothing
        return known_tag(value)
    if name == "dir":
        return value if value in DIRECTIONS else None
    if name == "class":
        kept = [word for word in value.split() if KEPT_CLASS.fullmatch(word)]
        return " ".join(kept) or None
    if name in URL_ATTRIBUTES:  # " https://…" pasted from an editor: a browser ignores the spaces, Markdown would not
        value = value.strip(URL_SPACES)
    if tag == "iframe" and name == "src":
        return value if embed_host(value) else None
    if name == "id":
        return value if re.fullmatch(r"fn(?:ref)?-[A-Za-z0-9-]{1,40}", value) else None
    if name == "start":  # a list's first number as digits (markdownify reads it as an integer: 5,000 digits stopped
        return value.strip() if re.fullmatch(r"[0-9]{1,9}", value.strip()) else None  # the import, a review)
    return value


# What Python-Markdown itself writes, beside what an imported body may hold as HTML
MARKDOWN_ATTRIBUTES = {"a": {"href", "title", "rel"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "th": {"style"},
                       "td": {"style"}}
FOOTNOTE_CLASSES = {"footnote", "footnote-ref", "footnote-backref"}  # what Python-Markdown's footnotes write
URL_ATTRIBUTES = {"href", "src", "poster"}
TABLE_ALIGN = re.compile(r"text-align: (?:left|right|center);")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]")  # a browser reads `java\tscript:` as `javascript:`


def unsafe_markup(fragment: str) -> str:
    """What in built HTML could run as a script or load what it should not (an element, an attribute,
    a URL), or "" when nothing: the test an imported essay's body must pass as its author's own HTML."""
    inspector = _Inspector()
    inspector.feed(fragment)
    inspector.close()
    return inspector.found


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = ""

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.found = self.found or f"<{tag}>"
        for name, value in attrs:
            if not _allowed(tag, name, value or ""):
                self.found = self.found or f"<{tag} {name}>"

    handle_startendtag = handle_starttag


def _allowed(tag: str, name: str, value: str) -> bool:
    if name == "dir":
        return value in DIRECTIONS
    if name in ANY_TAG_ATTRIBUTES:
        return bool(LANGUAGE_TAG.fullmatch(value))
    if name == "class" and tag in ("a", "div"):  # an imported post's footnotes, as Markdown's (see footnotes.py)
        return value in FOOTNOTE_CLASSES
    if name not in ATTRIBUTES.get(tag, set()) | MARKDOWN_ATTRIBUTES.get(tag, set()):
        return False
    if name == "style":
        return bool(TABLE_ALIGN.fullmatch(value))
    if tag == "iframe" and name == "src":
        return embed_host(value)
    if name in URL_ATTRIBUTES:
        scheme = re.match(r"([a-z][a-z0-9+.-]*):", INVISIBLE.sub("", value).lower())
        return scheme is None or scheme.group(1) in SCHEMES
    return True


# the tags of markup.RAW_TEXT_ELEMENTS but frames (an unclosed frame is a tag alone: _frames_replaced)
# (a tag's name ends at HTML's own spaces, `/` or `>`: Python's `\s` is wider, and `</script` and a no-break space
# ended no script for a parser, which then took the rest of a post: a red team)
RAW_TEXT_TAG = re.compile(rf"<(/?)({'|'.join(name for name in RAW_TEXT_ELEMENTS if name != 'iframe')})(?=[ \t\n\f\r/>])",
                          re.IGNORECASE)


def raw_text_as_typed(fragment: str, every: bool = False) -> str:
    """`fragment` with each opening tag of a raw text element (`<script>`, `<textarea>`) that no closing tag
    follows written as text; with `every` (a comment, which WordPress never let hold one), every such tag,
    opening or closing. Who typed "add a <script> tag" meant the words, and a parser took the rest of the
    body (`</p>` and all) for the script's: the words were lost, or `</p>` shown as words nobody wrote (a
    red team). A parser ends the element at `</script` followed by a space, `/` or `>` alone."""
    # where each element's last closing tag starts (dict keeps the last of each); none ends `<plaintext>`
    last_closing = {} if every else {match.group(2).lower(): match.start() for match in RAW_TEXT_TAG.finditer(fragment)
                                     if match.group(1) and match.group(2).lower() != "plaintext"}

    def as_text_unless_closed(tag: re.Match) -> str:
        if every:
            return "&lt;" + tag.group()[1:]
        closing, name = tag.group(1), tag.group(2).lower()
        kept = closing or last_closing.get(name, -1) > tag.start()
        return tag.group() if kept else "&lt;" + tag.group()[1:]
    return RAW_TEXT_TAG.sub(as_text_unless_closed, fragment)


def closed_part(text: str, closer: re.Pattern) -> int:
    """Where the text's last `closer` ends (0 without one): a span opened after it cannot close, and a
    lazy pattern would try each such opening to the text's end (16,000 `<pre` in a comment: 6 s)."""
    last = None
    for last in closer.finditer(text):
        pass
    return last.end() if last else 0


def sub_closed(pattern: re.Pattern, replace, text: str, closer: re.Pattern) -> str:
    """`pattern.sub` over the part of `text` where its spans can close (the rest as it is): a lazy span to
    a closing tag stays linear on an export's body, however many openings lack their closing."""
    end = closed_part(text, closer)
    return pattern.sub(replace, text[:end]) + text[end:] if end else text
