"""reading/lists: the sub-lists Python-Markdown draws flat where CommonMark nests them, found by line."""

from __future__ import annotations

import markdown
import pytest

from tertulia.reading.lists import flattened_item_line

FLAT = [  # (body, the line of the first item drawn flat)
    ("- a\n  - b\n", 2),
    ("1. a\n   - b\n", 2),
    ("Intro.\n\n* a\n* b\n  * c\n", 5),
    ("- a\n\n  - b\n", 3),  # a blank line between
    ("> - a\n>   - b\n", 2),  # in a quotation
    ("- a\n    - b\n      - c\n", 3),  # a third level two spaces under a second at four
    ("~~~~\n- a\n  - b\n~~~~\n\n- c\n  - d\n", 7),  # after the code, a real one
]
DRAWN_AS_MEANT = [
    "- a\n    - b\n",  # four spaces: nested
    " - a\n - b\n",  # one indent throughout: one list, as meant
    "- a\n\n - b\n",  # one space: beside it in CommonMark too
    "```\n- a\n  - b\n```\n",  # code
    "````\n- a\n```\n- c\n  - d\n````\n",  # a shorter fence inside a longer one is the code's
    "<div>\n- a\n  - b\n</div>\n",  # raw HTML
    "<!--\n- a\n  - b\n-->\n",
    "* * *\n  * b\n",  # a line across
    "Intro:\n- a\n  - b\n",  # no list at all: a paragraph's lines
    "1) a\n  2) b\n",  # no list in Python-Markdown either
    "A line\n  - b\n",
]


@pytest.mark.parametrize(("body", "line"), FLAT)
def test_a_flattened_sub_list_is_found_on_its_line(body, line):
    assert flattened_item_line(body, 1) == line


@pytest.mark.parametrize("body", DRAWN_AS_MEANT)
def test_a_list_drawn_as_written_or_no_list_is_not_named(body):
    assert flattened_item_line(body, 1) == 0


@pytest.mark.parametrize(("body", "line"), [case for case in FLAT if "~~~" not in case[0]])
def test_what_it_finds_is_flat_in_python_markdown(body, line):
    """The warning's claim, checked against the library: the item named is not inside the one above."""
    html = markdown.markdown(body)
    named = body.split("\n")[line - 1].lstrip(" >").split(" ", 1)[1]
    above = body.split("\n")[line - 2 if body.split("\n")[line - 2].strip(" >") else line - 3].lstrip(" >").split(" ", 1)[1]
    assert f"<li>{named}</li>" in html or f"<li>\n<p>{named}</p>" in html, html
    assert f"<li>{above}\n<ul>" not in html and f"<li>{above}<ul>" not in html and f"<p>{above}</p>\n<ul>" not in html, html

