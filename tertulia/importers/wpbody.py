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

from markdownify import MarkdownConverter

BLOCK_EDITOR_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
MORE = re.compile(r"<!--more(.*?)?-->", re.IGNORECASE)
BLOCK_TAGS = ("address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|"
              "li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|iframe|video|audio|object|form")
BLOCK_BOUNDARY = re.compile(rf"(<(?:{BLOCK_TAGS})\b[^>]*>|</(?:{BLOCK_TAGS})>)", re.IGNORECASE)
STARTS_WITH_BLOCK = re.compile(rf"^\s*</?(?:{BLOCK_TAGS})\b", re.IGNORECASE)
OPENS_PHRASING = re.compile(r"<(?:h[1-6]|p|li|td|th|dt|dd|figcaption)\b[^>]*>$", re.IGNORECASE)  # holds no <p>
PRE = re.compile(r"<pre\b.*?</pre>", re.IGNORECASE | re.DOTALL)
CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINKED_IMAGE = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class _Converter(MarkdownConverter):
    """markdownify, keeping embeds as HTML blocks instead of dropping them with their tags."""

    def _kept(self, el, text, *args, **kwargs):
        return "\n\n" + str(el) + "\n\n"

    convert_iframe = convert_video = convert_audio = convert_object = _kept


def to_markdown(body: str) -> str:
    """Markdown for a stored WordPress body (post or comment)."""
    text = BLOCK_EDITOR_COMMENT.sub("", body.replace("\r\n", "\n").replace("\r", "\n"))
    text = MORE.sub("", text)
    text = autop(shortcodes(text))
    markdown = _Converter(heading_style="ATX", bullets="-", escape_misc=True, escape_asterisks=True,
                          escape_underscores=True).convert(text)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def before_more(body: str) -> str | None:
    """The text before `<!--more-->`, which WordPress shows as the teaser, or None without one."""
    match = MORE.search(body)
    return body[:match.start()] if match else None


def plain(body: str) -> str:
    """A body's visible words on one line, for a summary."""
    text = BLOCK_BOUNDARY.sub(" ", BLOCK_EDITOR_COMMENT.sub("", body))  # blocks part words; inline tags do not
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(text).split())


def shortcodes(text: str) -> str:
    """[caption] becomes its image titled with the caption; [embed] becomes a link."""
    text = CAPTION.sub(_caption, text)
    return EMBED.sub(lambda m: f'<a href="{html.escape(m.group(1).strip())}">{html.escape(m.group(1).strip())}</a>',
                     text)


def _caption(match: re.Match) -> str:
    attributes, inner = match.group(1), match.group(2)
    image = LINKED_IMAGE.search(inner) or IMAGE.search(inner)
    if not image:
        return inner
    caption = plain(inner[:image.start()] + inner[image.end():]) or plain(_attributes(attributes).get("caption", ""))
    picture = image.group()
    if caption:
        titled = re.sub(r"\s+title\s*=\s*(\"[^\"]*\"|'[^']*')", "", picture)
        titled = re.sub(r"<img\b", f'<img title="{html.escape(caption)}"', titled, count=1,
                        flags=re.IGNORECASE)
        if 'alt=""' in titled or "alt=" not in titled:
            titled = re.sub(r'\s+alt=""', "", titled)
            titled = re.sub(r"<img\b", f'<img alt="{html.escape(caption)}"', titled, count=1,
                            flags=re.IGNORECASE)
        picture = titled
    return "\n\n" + picture + "\n\n"


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3) for m in ATTRIBUTE.finditer(text)}


def autop(text: str) -> str:
    """WordPress's wpautop, in short: blank lines make paragraphs, single newlines <br>,
    except around and inside block elements, and never inside <pre>."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\n\n\x00pre{len(kept) - 1}\x00\n\n"

    text = PRE.sub(keep, text)
    text = BLOCK_BOUNDARY.sub(lambda m: f"\n\n{m.group()}\n\n", text)
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if STARTS_WITH_BLOCK.match(chunk) or chunk.startswith("\x00pre") or (
                chunks and OPENS_PHRASING.search(chunks[-1])):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + re.sub(r"\s*\n\s*", "<br />\n", chunk) + "</p>")
    joined = "\n".join(chunks)
    return re.sub(r"\x00pre(\d+)\x00", lambda m: kept[int(m.group(1))], joined)
