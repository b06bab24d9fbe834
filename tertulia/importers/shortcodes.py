"""WordPress shortcodes and embeds -> the HTML WordPress shows for them.

Only the names WordPress and its common plugins register are shortcodes: `[sic]` or `[1]` in a text
stay text, as on the blog. `[[gallery]]` is WordPress's way to write a shortcode as text. Code
shortcodes come first and are set aside, so that a shortcode shown in code stays as written.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from .untrusted import privately, sub_closed

CODE_NAMES = ("code|sourcecode|source|php|js|javascript|css|html|xml|python|py|bash|shell|sh|ruby|java|sql|"
              "text|plain|c|cpp|csharp|perl|diff|json|yaml|go|rust|swift|objc|scala|powershell|latex")
HANDLED = "caption|wp_caption|gallery|embed|youtube|vimeo|audio|video|footnote|ref"
DROPPED = ("playlist|archives|contact-form|contact-field|polldaddy|crowdsignal|twitter-timeline|tweet|instagram|"
           "slideshare|googlemaps|wpvideo|dailymotion|ted|recipe|spotify|soundcloud|scribd|portfolio|"
           "testimonials|blog-subscription|jetpack_subscription_form|simple-payment|wufoo|gravatar|"
           "digg|email|facebook|flickr|latex|upcoming-events|wp_email|"
           # forms and sign-ups of common plugins: a static page cannot send them
           "contact-form-7|mc4wp_form|wpforms|gravityform|ninja_form|formidable|caldera_form|newsletter|"
           "sibwp_form|yikes-mailchimp")
# The most characters a shortcode's brackets hold: read to any length, each of 30,000 openings left unclosed
# (`[caption a[caption a…`) was tried to the body's end, and an export of 200 KB took minutes
TAG = 2000
# What a shortcode encloses never holds another of its name: an unclosed `[video …]` before a closed one
# stands alone, and the words between them stay words, not the first one's ignored content
CODE = re.compile(rf"\[({CODE_NAMES})(\s[^\]]{{0,{TAG}}})?\]((?:(?!\[\1[\s\]]).)*?)\[/\1\]", re.IGNORECASE | re.DOTALL)
ESCAPED = re.compile(rf"\[\[((?:{CODE_NAMES}|{HANDLED}|{DROPPED})\b[^\]]{{0,{TAG}}})\]\]", re.IGNORECASE)
SHORTCODE = re.compile(rf"\[({HANDLED}|{DROPPED})(?![\w-])([^\]]{{0,{TAG}}}?)(?:/\]|\](?:((?:(?!\[\1[\s\]/]).)*?)\[/\1\])?)",
                       re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
LONE_URL = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
BLOCK_EMBED = re.compile(r'<div class="wp-block-embed__wrapper">\s*(https?://[^\s<>"]+)\s*</div>', re.IGNORECASE)
BLOCK_FOOTNOTE = re.compile(r'<sup\b[^>]*\bdata-fn="([^"]+)"[^>]*>.*?</sup>', re.IGNORECASE | re.DOTALL)
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINKED_IMAGE = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)
PRE_WITH_BRUSH = re.compile(r"<pre\b[^<>]*\bclass=\"[^\"]*\b(?:brush:\s*|lang(?:uage)?-)([\w+#-]+)[^\"]*\"[^<>]*>(.*?)</pre>",
                            re.IGNORECASE | re.DOTALL)
PRE_END = re.compile(r"</pre>", re.IGNORECASE)
OEMBED_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "soundcloud.com", "spotify.com", "twitter.com", "x.com",
                "instagram.com", "flickr.com", "ted.com", "dailymotion.com", "slideshare.net", "wordpress.tv")
AUDIO = (".mp3", ".ogg", ".oga", ".wav", ".m4a", ".flac", ".opus")
VIDEO = (".mp4", ".webm", ".ogv", ".mov", ".m4v")


@dataclass
class Media:
    """What a body's shortcodes may name: the blog's attachments, and the post's own."""

    urls: dict[str, str] = field(default_factory=dict)  # attachment id -> its file's address
    captions: dict[str, str] = field(default_factory=dict)  # attachment id -> its caption (HTML), when it has one
    alts: dict[str, str] = field(default_factory=dict)  # attachment id -> its alt text, when the export has one
    children: dict[str, list[str]] = field(default_factory=dict)  # post id -> its attachments' ids


@dataclass
class Body:
    """One body on its way to HTML: the code set aside, the footnotes gathered."""

    post_id: str
    media: Media
    code: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# A plugin's shortcode this importer does not know, told from a reader's `[sic]` by its attributes or its
# closing tag: `[contact-form-7 id="3"]`, `[/spoiler]`
OTHER_SHORTCODE = re.compile(r"""\[(?=[^\]]{1,%d}\])(?:[a-z][\w-]*(?:\s+[\w-]+\s*=\s*(?:"[^"\]]*"|'[^'\]]*'|[^\s\]]+))+\s*/?"""
                             r"""|/[a-z][\w-]*)\]""" % TAG, re.IGNORECASE)

CLOSING_NAME = re.compile(r"\[/([a-z][\w-]*)\]", re.IGNORECASE)


# Code as an author wrote it in HTML: a shortcode's name in it is an example to read (`[foo]` on a page
# about a plugin), never run here, nor its line taken for an embed
PRE_ELEMENT = re.compile(r"<pre\b[^<>]*>.*?</pre>", re.IGNORECASE | re.DOTALL)
CODE_ELEMENT = re.compile(r"<code\b[^<>]*>.*?</code>", re.IGNORECASE | re.DOTALL)
CODE_END = re.compile(r"</code>", re.IGNORECASE)
KEPT = re.compile(r"\x00kept(\d+)\x00")


def _code_kept(text: str) -> tuple[str, list[str]]:
    """`text` with its `<pre>` and `<code>` elements set aside as `\x00kept<n>\x00`, and those elements."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\x00kept{len(kept) - 1}\x00"
    return sub_closed(CODE_ELEMENT, keep, sub_closed(PRE_ELEMENT, keep, text, PRE_END), CODE_END), kept


def _code_restored(text: str, kept: list[str]) -> str:
    """The code set aside put back; `[[gallery]]` in it shown as WordPress shows it there too, `[gallery]`."""
    return KEPT.sub(lambda match: ESCAPED.sub(r"[\1]", kept[int(match.group(1))]), text) if kept else text


def stripped(text: str) -> str:
    """`text` as WordPress makes an excerpt of it (strip_shortcodes): the shortcodes it knows gone with what
    they enclose (an image's caption, a footnote, an embed); code keeps its words, part of the sentence;
    any other shortcode's brackets go and its words stay."""
    text, kept = _code_kept(CODE.sub(lambda match: match.group(3), text))
    for _ in range(3):  # a caption inside a shortcode, a shortcode inside a caption
        text, count = SHORTCODE.subn("", text)
        if not count:
            break
    return _code_restored(without_other_shortcodes(text), kept)


def without_other_shortcodes(text: str) -> str:
    """`text` without the brackets of the shortcodes of plugins this importer does not know, their words
    kept: a pair (`[spoiler]…[/spoiler]`) or a tag with attributes; a reader's `[sic]` stays."""
    closed = sorted(set(CLOSING_NAME.findall(text)), key=len, reverse=True)
    if closed:
        text = re.sub(r"\[/?(?:%s)(?:\s[^\]]{0,%d})?\]" % ("|".join(map(re.escape, closed)), TAG), "", text,
                      flags=re.IGNORECASE)
    return OTHER_SHORTCODE.sub("", text)


def left_out(text: str) -> list[str]:
    """The names of the shortcodes in `text` that WordPress ran and an import leaves out (a plugin's form, a
    subscription box), once each: DROPPED's, and any other plugin's, whose brackets go (see `expanded`);
    none shown in code, which keeps it as written."""
    text = _code_kept(sub_closed(PRE_WITH_BRUSH, "", CODE.sub("", text), PRE_END))[0]
    text = ESCAPED.sub("", text)
    named: list[str] = []
    text = SHORTCODE.sub(lambda match: named.append(match.group(1).lower()) or "", text)  # as `expanded` does
    named += [re.match(r"\[/?([\w-]+)", match.group()).group(1).lower() for match in OTHER_SHORTCODE.finditer(text)]
    return list(dict.fromkeys(name for name in named if not re.fullmatch(HANDLED, name)))


def expanded(text: str, post_id: str = "", media: Media | None = None, footnotes: str = "") -> tuple[str, list[str]]:
    """`text` with its shortcodes as HTML, code set aside as `\\x00code<n>\\x00`: (text, the code blocks)."""
    body = Body(post_id, media or Media())
    text = CODE.sub(lambda m: _aside(body, _code(m.group(1), m.group(2) or "", m.group(3))), text)
    text = sub_closed(PRE_WITH_BRUSH, lambda m: _aside(body, _pre(m.group(1), m.group(2))), text, PRE_END)
    text, kept = _code_kept(text)
    escaped: list[str] = []
    text = ESCAPED.sub(lambda m: escaped.append(m.group(1)) or f"\x00text{len(escaped) - 1}\x00", text)
    text = _block_footnotes(text, footnotes, body)
    text = BLOCK_EMBED.sub(lambda m: embed(m.group(1)), text)
    for _ in range(3):  # a caption inside a shortcode, a shortcode inside a caption
        text, count = SHORTCODE.subn(lambda m: _shortcode(m, body), text)
        if not count:
            break
    text = without_other_shortcodes(text)  # as in the summary (see stripped): the plugin is not here
    text = _code_restored(LONE_URL.sub(lambda m: embed(m.group(1)) if _oembed(m.group(1)) else m.group(), text), kept)
    text = re.sub(r"\x00text(\d+)\x00", lambda m: "[" + html.escape(escaped[int(m.group(1))]) + "]", text)
    if body.notes:
        items = "".join(f'<li id="fn-{n}">{note} <a href="#fnref-{n}">↩</a></li>'
                        for n, note in enumerate(body.notes, 1))
        text += f'\n\n<section class="footnotes"><ol>{items}</ol></section>\n'
    return text, body.code


# The ways a body names an attachment by its id: a gallery's list, an image WordPress inserted (its class, its
# caption's id), a block editor's gallery of the older kind (its ids in the block's comment)
GALLERY_IDS = re.compile(r"""\[gallery\b[^\][]{0,%d}?\b(?:ids|include)\s*=\s*["']?([0-9,\s]{1,%d})""" % (TAG, TAG),
                         re.IGNORECASE)
NAMED_ID = re.compile(r"""\bwp-image-([0-9]{1,20})\b|\bid=["']?attachment_([0-9]{1,20})\b"""
                      r"""|<!--\s*wp:gallery\s+\{[^{}]{0,%d}?"ids"\s*:\s*\[([0-9,\s]{1,%d})\]""" % (TAG, TAG),
                      re.IGNORECASE)


def attachments_named(text: str) -> list[str]:
    """The ids of the attachments a body shows by id, in the order it names them."""
    found = [number for match in GALLERY_IDS.finditer(text) for number in re.findall(r"[0-9]+", match.group(1))]
    for match in NAMED_ID.finditer(text):
        found += re.findall(r"[0-9]+", next(group for group in match.groups() if group))
    return list(dict.fromkeys(found))


def _aside(body: Body, block: str) -> str:
    body.code.append(block)
    return f"\n\n\x00code{len(body.code) - 1}\x00\n\n"


def _code(name: str, attributes: str, content: str) -> str:
    """A code shortcode as a code block in its language; its text exactly as written (`<?php` too)."""
    found = attributes_of(attributes)
    language = found.get("language") or found.get("lang") or ("" if name.lower() in ("code", "sourcecode", "source")
                                                              else name.lower())
    language = re.sub(r"[^a-z0-9+#_-]", "", language.lower())[:30]
    code = html.unescape(content.strip("\n"))
    kind = f' class="language-{language}"' if language and language not in ("text", "plain") else ""
    return f"<pre><code{kind}>{html.escape(code, quote=False)}</code></pre>"


def _pre(language: str, content: str) -> str:
    """A SyntaxHighlighter `<pre class="brush: php">` as a code block in its language."""
    code = re.sub(r"<[^>]*>", "", content.replace("<?", "&lt;?"))
    return _code("code", f'language="{language}"', code)


def _shortcode(match: re.Match, body: Body) -> str:
    name, attributes, inner = match.group(1).lower(), attributes_of(match.group(2)), match.group(3) or ""
    if name in ("caption", "wp_caption"):
        return _caption(attributes, inner)
    if name == "gallery":
        return _gallery(attributes, body)
    if name == "embed":
        return embed(inner.strip() or attributes.get("src", ""))
    if name in ("youtube", "vimeo"):
        target = (match.group(2) or "").strip().lstrip("=").strip()
        target = attributes.get("id") or attributes.get("url") or target.split()[0] if target else ""
        if name == "vimeo" and re.fullmatch(r"[0-9]+", target):
            target = f"https://vimeo.com/{target}"
        elif name == "youtube" and re.fullmatch(r"[\w-]{11}", target):
            target = f"https://www.youtube.com/watch?v={target}"
        return embed(html.unescape(target)) + inner  # a player shows no words: any written inside stay
    if name in ("audio", "video"):
        source = next((attributes[k] for k in ("src", "mp3", "ogg", "wav", "m4a", "mp4", "webm", "ogv", "url")
                       if k in attributes), (match.group(2) or "").strip().split(" ")[0])
        return _media(name, html.unescape(source)) + inner
    if name in ("footnote", "ref"):
        if _in_a_tag(match.string, match.start()):  # `title="[footnote]…"`: a mark there broke the tag open
            return html.escape(inner, quote=True)
        body.notes.append(_paragraphs(inner.strip()))
        number = len(body.notes)
        return f'<sup id="fnref-{number}"><a href="#fn-{number}">{number}</a></sup>'
    return inner  # a shortcode whose plugin this site does not have: its text, as far as it has one


TAG_SEEN = 2000  # characters before a note's mark in which the tag it may stand in begins
OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*$")


def _in_a_tag(text: str, at: int) -> bool:
    """Whether `at` stands inside an HTML tag (in an attribute's value): a tag's start, `<` and a letter,
    with no `>` after it, among the characters just before, so that a post of many notes is read once, not
    again for each. A `<` of the words (`x < 5`, `<3`) starts no tag."""
    return OPEN_TAG.search(text, max(0, at - TAG_SEEN), at) is not None


def _paragraphs(note: str) -> str:
    """A note's paragraphs as written apart (a blank line between), each its own: run together, the
    conversion made one paragraph of them."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", note) if part.strip()]
    return "".join(f"<p>{part}</p>" for part in parts) if len(parts) > 1 else note


def attributes_of(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in ATTRIBUTE.finditer(text)}


def _caption(attributes: dict[str, str], inner: str) -> str:
    """A captioned image as a figure whose caption a reader sees."""
    image = LINKED_IMAGE.search(inner) or IMAGE.search(inner)
    if not image:
        return inner
    caption = (inner[:image.start()] + inner[image.end():]).strip() or html.escape(attributes.get("caption", ""))
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"\n\n<figure>{image.group()}{figcaption}</figure>\n\n"


def _gallery(attributes: dict[str, str], body: Body) -> str:
    """A gallery as a figure of its images (those it names by id, else the post's own attachments); as a
    figure for each image when one has a caption, which stands under its image as WordPress shows it.
    `link` is not followed: the image shown is the whole file already, not a thumbnail of it."""
    ids = re.findall(r"[0-9]+", attributes.get("ids") or attributes.get("include") or "")
    ids = [i for i in ids or body.media.children.get(attributes.get("id") or body.post_id, []) if i in body.media.urls]
    if not ids:
        return ""
    if not any(i in body.media.captions for i in ids):
        return f"\n\n<figure>{''.join(_gallery_image(i, body.media) for i in ids)}</figure>\n\n"
    return "".join(f"\n\n<figure>{_gallery_image(i, body.media)}{_figcaption(body.media.captions.get(i, ''))}"
                   "</figure>\n\n" for i in ids)


def _gallery_image(attachment: str, media: Media) -> str:
    """One image of a gallery, with the attachment's own alt text (none made up: a caption is not one)."""
    return f'<img src="{html.escape(media.urls[attachment])}" alt="{html.escape(media.alts.get(attachment, ""))}">'


def _figcaption(caption: str) -> str:
    return f"<figcaption>{caption}</figcaption>" if caption else ""


def _block_footnotes(text: str, footnotes: str, body: Body) -> str:
    """The block editor's footnotes (markers in the text, notes in the post's `footnotes` meta) as
    [footnote] shortcodes, so that both kinds are numbered together in the order they stand."""
    notes = _meta_notes(footnotes)
    if not notes:
        return text
    return BLOCK_FOOTNOTE.sub(lambda m: f"[footnote]{notes.get(m.group(1), '')}[/footnote]", text)


def _meta_notes(footnotes: str) -> dict[str, str]:
    """The block editor's notes, by id, as the post's `footnotes` meta holds them (JSON)."""
    try:
        return {n["id"]: n.get("content", "") for n in json.loads(footnotes or "[]") if isinstance(n, dict)}
    except (ValueError, TypeError, KeyError, RecursionError):  # RecursionError: `[[[…`, a hostile export's
        return {}


def notes_missing(text: str, footnotes: str) -> int:
    """How many of the block editor's footnote marks in a body have no words in the post's meta: an export
    cut short, a meta left behind. Each is told, not filled with words the blog did not hold."""
    marks = BLOCK_FOOTNOTE.findall(text)
    notes = _meta_notes(footnotes) if marks else {}
    return sum(1 for mark in marks if not str(notes.get(mark) or "").strip())


def _oembed(url: str) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.").removeprefix("m.")
    return any(host == known or host.endswith("." + known) for known in OEMBED_HOSTS) or url.lower().endswith(
        AUDIO + VIDEO)


def embed(url: str) -> str:
    """An embedded URL as WordPress shows it: YouTube and Vimeo as players that do not track the reader,
    audio and video files as players, anything else as a link."""
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s<>\"]+", url):
        return html.escape(url)
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video = ""
    if host in ("youtube.com", "youtu.be"):
        found = parse_qs(parts.query).get("v", [""])[0] if host == "youtube.com" else parts.path.strip("/")
        found = found or (parts.path.split("/embed/")[-1] if "/embed/" in parts.path else "")
        if re.fullmatch(r"[\w-]{11}", found):
            video, title = f"https://www.youtube-nocookie.com/embed/{found}", "YouTube"
    elif host == "vimeo.com" and re.fullmatch(r"/[0-9]+/?", parts.path):
        video, title = privately(f"https://player.vimeo.com/video/{parts.path.strip('/')}"), "Vimeo"
    if video:
        return (f'\n\n<iframe src="{html.escape(video)}" title="{title}" width="560" height="315" loading="lazy" '
                'allowfullscreen></iframe>\n\n')
    if parts.path.lower().endswith(AUDIO):
        return _media("audio", url)
    if parts.path.lower().endswith(VIDEO):
        return _media("video", url)
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'


def _media(kind: str, url: str) -> str:
    """A player for the file; a site-relative address (`/wp-content/uploads/a.mp3`) kept as the blog wrote
    it, so the reference is not lost; any other scheme (`javascript:`) left out, and nothing in its place."""
    if not re.fullmatch(r"(?:https?://|/|(?![\w+.-]*:))[^\s<>\"]+", url.strip()):
        return ""
    url = html.escape(url.strip())
    return f'\n\n<{kind} controls src="{url}"><a href="{url}">{url}</a></{kind}>\n\n'
