"""A translation's starter: each block of the original in its own Markdown shape, its words marked.

Heading levels, lists, quotes, code, images with their paths and link targets stay as they
are; the translator replaces words only. The marker goes before the block's first words, each
list item's, table cell's and caption's, and into every image's alternative text, never into
code, and the build refuses to publish a block that still holds it.
"""

from __future__ import annotations

import re

from markdownify import markdownify

from ..reading.markup import Converter
from ..reading.starter_marks import TAG_NAME, marked_html

# An author's footnotes as the converter draws them with no language (see markup.footnote_ids): a
# number in the text, and the last block gathering the notes, each with its arrows back
FOOTNOTE_REF = re.compile(r'<sup id="fnref[0-9]*-[^"]*"><a class="footnote-ref" href="#fn-([^"]*)">[^<]*</a></sup>')
FOOTNOTES = '<div class="footnote">'
NOTE = re.compile(r'<li id="fn-([^"]*)">(.*?)</li>', re.DOTALL)
BACKLINKS = re.compile(r'(?:&#160;)?<a class="footnote-backref" [^>]*>[^<]*</a>')
REFERENCE_MARK = "\ufdd1"  # a non-character around a note's label while markdownify reads the text around it


def starter_markdown(block_html: str, trusted: bool) -> str:
    """One block of the original as Markdown of the same shape with the marker in its words;
    as HTML where Markdown would change its shape (an essay's raw HTML, say). Footnotes stay
    Markdown's: `[^1]` in the text, `[^1]: …` for each note of the last block."""
    if block_html.startswith(FOOTNOTES):
        return "\n\n".join(_note(label, inner, trusted) for label, inner in NOTE.findall(block_html))
    if 'class="footnote-ref"' in block_html:
        block_html = FOOTNOTE_REF.sub(lambda m: f"{REFERENCE_MARK}{m.group(1)}{REFERENCE_MARK}", block_html)
        markdown = starter_markdown(block_html, trusted)
        return re.sub(f"{REFERENCE_MARK}([^{REFERENCE_MARK}]*){REFERENCE_MARK}", r"[^\1]", markdown)
    marked = marked_html(block_html)
    markdown = markdownify(marked, heading_style="ATX", bullets="-", code_language_callback=_code_language).strip()
    # markdownify indents nested lists by two spaces; Python-Markdown wants four
    for candidate in (markdown, re.sub(r"(?m)^( +)", lambda m: m.group(1) * 2, markdown)):
        converted = Converter().blocks(candidate, trusted) if candidate else ()
        if len(converted) == 1 and shape(converted[0]) == shape(marked):
            return candidate
    return marked


def _note(label: str, inner_html: str, trusted: bool) -> str:
    """One footnote's definition, its words marked, its paragraphs after the first indented under it."""
    paragraphs = [starter_markdown(part, trusted) for part in re.findall(r"<p>.*?</p>", BACKLINKS.sub("", inner_html), re.DOTALL)]
    text = re.sub(r"\n(?=.)", "\n    ", "\n\n".join(paragraphs))
    return f"[^{label}]: {text}"


def shape(block_html: str) -> tuple[str, ...]:
    """The elements a block is made of, in order: what a starter must keep of its original."""
    return tuple(name.lower() for closing, name in TAG_NAME.findall(block_html) if not closing)


def _code_language(element) -> str:
    """A fenced block keeps its language (`language-python` -> python)."""
    code = element.find("code") if element.name == "pre" else None
    classes = (code.get("class") if code else None) or element.get("class") or []
    return next((c[len("language-"):] for c in classes if c.startswith("language-")), "")
