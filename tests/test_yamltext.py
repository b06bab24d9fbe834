"""Front matter read without the YAML library must read exactly as YAML reads it, or step aside."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tertulia.reading.read import parse_text
from tertulia.reading.yamltext import _AuthorLoader, load_yaml, simple_mapping

from helpers import ROOT

KEYS = st.sampled_from(["author", "date", "reply_to", "translation_of", "status", "title", "yes", "null", "on",
                        "a-b", "_x", "Title", "n", "y", "True", "x1"])
PIECES = st.sampled_from(["Lector", " ", "  ", "1", "2012", "-", ":", ": ", "#", " #", "'", '"', "\\", ".", "5",
                          "yes", "no", "null", "~", "=", "<<", "0x1f", "1e3", ".inf", "_", "0o7", "1:20", "2012-09-11",
                          "10:27", "é", "ț", "\u00a0", "\t", "\x85", "\u2028", "\ufeff", "[", "]", "{", "}", ",", "&",
                          "*", "!", "|", ">", "%", "@", "`", "?", "http://x.y/z", "O'Brien", "La Communa"])
VALUES = st.lists(PIECES, max_size=6).map("".join)
LINES = st.one_of(
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(KEYS, VALUES).map(lambda kv: f'{kv[0]}: "{kv[1]}"'),
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: '{kv[1]}'"),
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}:{kv[1]}"),
    VALUES,
)


def full_yaml(text: str):
    return yaml.load(text, Loader=_AuthorLoader)


@settings(max_examples=4000, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=5).map(lambda lines: "\n".join(lines) + "\n"))
@example('author: Lector 1\ndate: "2011-02-02 01:01"\nreply_to: "2"\n')
@example("url: http://x.y/z\nauthor: O'Brien\n")
def test_simple_front_matter_reads_as_yaml_reads_it(text):
    simple = simple_mapping(text)
    if simple is not None:
        assert simple == full_yaml(text)


def test_anything_yaml_would_read_otherwise_takes_the_yaml_path():
    for text in ("reply_to: 2\n", "a: yes\n", "a: ~\n", "null: x\n", "a: b: c\n", "tags: [a, b]\n",
                 "a: x # note\n", "a: 'it''s'\n", "a:\n", "a: -1\n", "a: 1.5\n", "a: 0x1f\n", "a: !!python/name:os.system\n"):
        assert simple_mapping(text) is None, text


def test_the_real_front_matter_mostly_skips_the_yaml_library():
    taken = 0
    for path in sorted((ROOT / "content").rglob("*.md")):
        front = path.read_text("utf-8").split("---\n")[1]
        simple = simple_mapping(front)
        if simple is not None:
            taken += 1
            assert simple == full_yaml(front), path
            assert load_yaml(front, str(path), 2) == (simple, None)
    assert taken >= 5


@pytest.mark.parametrize("written", ["007", "0x1F", "12:30", "1.50", "+12", ".nan", "1984"])
def test_a_name_or_title_that_yaml_reads_as_a_number_is_kept_as_written(written):
    parsed, error = parse_text(f"---\ntitle: {written}\nauthor: {written}  # a reader's name\n---\n\nBody.\n".encode(),
                               "content/posts/x/comments/c1.en.md")
    assert error is None
    assert parsed.meta["author"] == written and parsed.meta["title"] == written
