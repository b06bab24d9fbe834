"""reading/lists: the sub-lists Python-Markdown draws flat, found by line."""

from __future__ import annotations

import markdown
import pytest

from tertulia.reading.lists import flattened_item_line

CASES = [
    ("- a\n  - b\n", 2),
    ("1. a\n   - b\n", 2),
    ("Intro.\n\n* a\n* b\n * c\n", 5),
    ("- a\n    - b\n", 0),  # four spaces: nested
    (" - a\n - b\n", 0),  # one indent throughout: one list, as meant
    ("```\n- a\n  - b\n```\n", 0),  # code
    ("~~~~\n- a\n  - b\n~~~~\n\n- c\n  - d\n", 7),  # after the code, a real one
    ("- a\n  text\n  - b\n", 0),  # under a paragraph line: not what this looks for
    ("A line\n  - b\n", 0),
]


@pytest.mark.parametrize(("body", "line"), CASES)
def test_a_flattened_sub_list_is_found_on_its_line(body, line):
    assert flattened_item_line(body, 1) == line


@pytest.mark.parametrize(("body", "line"), [case for case in CASES if case[1] and "```" not in case[0]
                                            and "~~~" not in case[0]])
def test_what_it_finds_is_flat_in_python_markdown(body, line):
    """The warning's claim, checked against the library: no list inside a list item."""
    html = markdown.markdown(body)
    assert "<li>" in html and "<ul>\n<li" in html or "<ol>" in html
    assert "<li>a\n<ul>" not in html and "<li>a<ul>" not in html and "<li>\n<p>a</p>\n<ul>" not in html
