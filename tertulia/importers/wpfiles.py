"""The files an imported WordPress item becomes: an essay's or a page's original, and each comment,
in the contract's format. Every value from the export is quoted, and entity-decoded once (WordPress
stores titles and names with entities such as `&amp;` and `&#8220;`)."""

from __future__ import annotations

import html
import re
from datetime import datetime

from ..model import LATEST_OFFSET, offset_text
from ..reading.markup import TAG, is_safe_url
from ..reading.dates import parse_date
from ..reading.fields import FEED_ID
from ..reading.yamltext import quoted
from .addresses import directed
from .clock import written_yet
from .media import shown_in
from .private import private_name, redacted
from .shortcodes import Media, expanded, stripped
from .wpbody import before_more, comment_markdown_without, plain, to_markdown
from .wxr import Item, WPComment

SUMMARY_SOURCE = 10_000  # characters of a teaser or excerpt read for the summary's words
SUMMARY_WORDS = 60


def text_of(value: str) -> str:
    """A title or name as WordPress shows it: entities decoded once, on one line."""
    return " ".join(html.unescape(value).split())


# Markup in a title: WordPress shows its words in a page's <title>, and so does a file's `title`
TITLE_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
UNTITLED_WORDS = 8
UNPUBLISHED = {"draft", "pending", "auto-draft"}  # WordPress's statuses of a post not yet published
# a scheduled post: not published either, but its date is the one its author chose, so it is kept
SCHEDULED = "future"


def title_of(item: Item) -> str:
    """A post's title as its words; an empty one (an aside, a status) takes its text's first words, the
    author's own, rather than words no one wrote; its slug when it has no text either."""
    title = text_of(TAG.sub("", TITLE_SCRIPT.sub("", item.title)))
    if title:
        return title
    words = plain(item.content).split()
    if words:
        return " ".join(words[:UNTITLED_WORDS]) + ("…" if len(words) > UNTITLED_WORDS else "")
    return item.name or item.post_id


def essay_file(item: Item, author: str, draft: bool, tags: list[str], aliases: list[str], page: bool,
               media: Media | None = None, flattened: list[str] | None = None, flat: bool = False) -> str:
    """An essay's (or, with `page`, a page's) original; its id goes to `flattened` when its markup
    could not be made safe, and only its words and plain formatting were kept."""
    lines = ["---", f"title: {quoted(title_of(item))}", f"author: {quoted(author)}"]
    # a post never published has no date of publication (WordPress's is when it was last saved) and no
    # address it was published at
    unpublished = item.status in UNPUBLISHED
    date = "" if unpublished else stamp(item.date, item.date_gmt)
    if date and not page:
        lines.append(f"date: {quoted(date)}")
    if tags and not page:
        lines.append("tags: [" + ", ".join(quoted(tag) for tag in tags) + "]")
    # a scheduled post's permalink never served it: no `source`. Its old addresses stay among its aliases, as
    # a draft's and a private post's do: no draft is built, and they find the post again on a later import
    never_published = unpublished or item.status == SCHEDULED
    if _usable_link(item.link) and not page and not never_published:  # a page has no `source`: its aliases find it
        lines.append(f"source: {quoted(item.link)}")
    lines += _summary(item)
    if draft:
        lines.append("draft: true")
    if aliases:
        lines.append("aliases: [" + ", ".join(quoted(alias) for alias in aliases) + "]")
    if FEED_ID.fullmatch(item.guid) and not page:
        lines.append(f"feed_id: {quoted(item.guid)}")
    return _file(lines, item, media, flattened, flat)


def translation_file(item: Item, original: str, media: Media | None = None, flattened: list[str] | None = None,
                     flat: bool = False) -> str:
    """A post's or page's text as the translation of an original in the language `original`: its title,
    summary and words; the rest (author, date, tags, addresses, feed id) is its original's to say."""
    lines = ["---", f"title: {quoted(title_of(item))}", *_summary(item), f"translation_of: {quoted(original)}"]
    return _file(lines, item, media, flattened, flat)


def _file(lines: list[str], item: Item, media: Media | None, flattened: list[str] | None, flat: bool) -> str:
    """A text's file: its front matter's `lines`, the anchors its words hold (a link from elsewhere to a
    section, `#o-basico`, finds the passage that holds it now), and its words."""
    places: dict[str, int] = {}
    body = _body(item, media, flattened, flat, places)
    if places:
        lines = lines + ["anchors: {" + ", ".join(f"{quoted(name)}: {number}" for name, number in places.items()) + "}"]
    return "\n".join(lines) + "\n---\n\n" + body


def _summary(item: Item) -> list[str]:
    """The summary's line, from the excerpt or the text before `<!--more-->`, or none."""
    # a summary is plain words, as WordPress's own excerpts are: no shortcode's brackets on a card or in a feed;
    # its first words come from the text's start, and a hostile export's thousands of unclosed shortcodes
    # further on must not cost their square
    summary = plain(stripped(item.excerpt[:SUMMARY_SOURCE])) or plain(
        stripped((before_more(item.content) or "")[:SUMMARY_SOURCE]))
    if not summary:
        return []
    words = summary.split()
    return [f"summary: {quoted(' '.join(words[:SUMMARY_WORDS]) + ('…' if len(words) > SUMMARY_WORDS else ''))}"]


def _body(item: Item, media: Media | None, flattened: list[str] | None, flat: bool,
          places: dict[str, int] | None = None) -> str:
    """The post's words as Markdown, its featured image first; its anchors' passages go to `places`."""
    return to_markdown(featured(item, media) + item.content, item.post_id, media, dict(item.meta).get("footnotes", ""),
                       flattened=flattened, flat=flat, places=places)


def unusable_ids(item: Item, page: bool) -> list[str]:
    """The post's link and guid when the build would refuse them as its `source` and `feed_id`: left
    out of its file (feed readers then get the build's own id), so that one post cannot stop the site."""
    if page:
        return []
    return [value for value, usable in ((item.link, _usable_link), (item.guid, FEED_ID.fullmatch))
            if value and not usable(value)]


def _usable_link(link: str) -> bool:
    """Whether a post's link can be its `source`: an address the build takes, with no direction mark."""
    return is_safe_url(link) and not directed(link)


def featured(item: Item, media: Media | None) -> str:
    """The featured image (`_thumbnail_id`) as a figure above the text, where themes show it, unless the
    text shows that very file already, in whatever size (a theme's copy, `photo-300x200.jpg`) or way (a
    gallery's image); its alt text the attachment's own, never made up."""
    thumbnail = dict(item.meta).get("_thumbnail_id", "").strip()
    url = media.urls.get(thumbnail, "") if media is not None else ""
    if not url or url in item.content or shown_in(url, item.content):
        return ""
    shown, _ = expanded(item.content, item.post_id, media)  # as WordPress shows it: [gallery] as its images
    if url in shown or shown_in(url, shown):
        return ""
    alt = html.escape(media.alts.get(thumbnail, ""))
    return f'<figure><img src="{html.escape(url)}" alt="{alt}"></figure>\n\n'


def comment_date(comment: WPComment) -> str:
    """A comment's date as its file gives it (see clock.written_yet)."""
    return written_yet(stamp(comment.date, comment.date_gmt))


def comment_file(comment: WPComment, status: str, parent: str) -> str:
    """The comment's file; the commenter's own e-mail address, which WordPress knew, kept out of its name,
    its text and its website (content/ goes into a public repository, spam and pending ones too)."""
    private = (comment.email,) if "@" in comment.email else ()
    # the build refuses any other website
    url = comment.url if is_safe_url(comment.url) and redacted(comment.url, private) == comment.url else ""
    return imported_comment(private_name(text_of(comment.author), private), comment_date(comment), parent, status,
                            comment_markdown_without(comment.content, private), url)


def imported_comment(author: str, date: str, parent: str, status: str, body: str, url: str = "") -> str:
    """A comment file as the imports write it (WordPress's and Disqus's alike, so that either's later
    import knows the other's files): only the keys that say something, `status` when not published."""
    lines = ["---", f"author: {quoted(author)}"]
    if date:
        lines.append(f"date: {quoted(date)}")
    if parent:
        lines.append(f"reply_to: {quoted(parent)}")
    if status != "published":
        lines.append(f"status: {status}")
    if url:
        lines.append(f"url: {quoted(url)}")
    return "\n".join(lines) + "\n---\n\n" + body


def stamp(local: str, gmt: str = "") -> str:
    """`YYYY-MM-DD HH:MM±HH:MM` from WordPress's local time and its UTC twin (the offset is their
    difference), `YYYY-MM-DD HH:MM` without the twin; the twin in UTC when only it is a date (a local
    time a plugin broke); nothing for 0000-00-00 (unknown)."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?", local)
    if not match or parse_date(f"{match.group(1)} {match.group(2)}") is None:  # 0000-00-00, 2020-13-45
        utc = stamp(gmt) if gmt else ""  # the twin alone: its own twin is "", so this goes one deep
        return utc + "+00:00" if utc else ""
    return f"{match.group(1)} {match.group(2)}{clock_offset(local, gmt)}"


def clock_offset(local: str, gmt: str) -> str:
    """The blog's clock at that moment, as the difference of WordPress's local time and its UTC twin
    (`+02:00`); "" when one of them is no time (a draft's `0000-00-00 00:00:00`) or it is no offset."""
    try:
        difference = datetime.fromisoformat(local) - datetime.fromisoformat(gmt)
    except ValueError:
        return ""  # 0000-00-00 00:00:00 (a draft) or nothing
    minutes = round(difference.total_seconds() / 60)
    if abs(minutes) > LATEST_OFFSET:
        return ""
    return offset_text(minutes)
