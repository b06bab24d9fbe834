"""Markdown -> one HTML string per top-level block; comment HTML sanitized."""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

# A non-character: never in real text, and ElementTree writes it through unescaped.
BLOCK_MARK = "\ufdd0tertulia-block\ufdd0"
EXTENSIONS = ("tables", "fenced_code", "sane_lists")

COMMENT_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "del", "em", "hr", "i", "li",
                "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
                "thead", "tr", "ul"}
COMMENT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
COMMENT_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript",
                                "template", "textarea", "select"}
SAFE_SCHEMES = {"http", "https", "mailto"}
COMMENT_LINK_REL = "nofollow ugc noopener"


class _MarkBlocks(Treeprocessor):
    """Put a marker after each top-level element so the HTML can be cut into blocks."""

    def run(self, root):
        for child in root:
            child.tail = "\n" + BLOCK_MARK + "\n"


class Converter:
    """A reusable Markdown converter; one per process, since Markdown objects hold state."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        # lowest priority: runs after every other tree processor, before raw HTML is restored
        self._md.treeprocessors.register(_MarkBlocks(self._md), "tertulia-blocks", -100)

    def blocks(self, text: str, trusted: bool) -> tuple[str, ...]:
        """Top-level blocks of `text` as HTML; untrusted text is sanitized block by block."""
        blocks = plain_blocks(text)
        if blocks is None:
            self._md.reset()
            rendered = self._md.convert(text)
            blocks = [part for part in (p.strip() for p in rendered.split(BLOCK_MARK)) if part]
        if not trusted:
            blocks = [block if NEUTRAL_PARAGRAPH.fullmatch(block) else sanitize(block).strip() for block in blocks]
        return tuple(blocks)


LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)


def _unlink_without_href(match: re.Match) -> str:
    """A link whose unsafe address was dropped is just its text."""
    return match.group(0) if " href=" in match.group(1) else match.group(2)


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


def sanitize(fragment: str) -> str:
    """Reduce untrusted HTML to a small safe subset; links get rel=nofollow ugc noopener."""
    cleaned = nh3.clean(
        fragment,
        tags=COMMENT_TAGS,
        clean_content_tags=COMMENT_DROPPED_WITH_CONTENT,
        attributes=COMMENT_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel=COMMENT_LINK_REL,
        strip_comments=True,
    )
    return LINK.sub(_unlink_without_href, cleaned)


def is_safe_url(url: str) -> bool:
    """True for absolute http(s) URLs, the only kind a commenter's website may be."""
    return bool(re.fullmatch(r"https?://[^\s\"'<>]+", url))


TAG = re.compile(r"<[^>]*>")
RELATIVE_LINK = re.compile(r'(\s(?:src|href)=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)')


def rebase_links(block_html: str, prefix: str) -> str:
    """Point an essay's relative links (its images) at the post folder from another page."""
    return RELATIVE_LINK.sub(lambda m: m.group(1) + prefix, block_html) if prefix else block_html


def plain_text(block_html: str) -> str:
    """The visible text of an HTML block, for lengths, excerpts and feeds."""
    return " ".join(html.unescape(TAG.sub(" ", block_html)).split())
