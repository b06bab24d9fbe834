"""A front matter's fields read as the model holds them (text, a person's name, a web address, a flag, old
addresses, a feed id), each problem said on its key's line."""

from __future__ import annotations

import re
import unicodedata
from difflib import get_close_matches
from unicodedata import bidirectional

from . import addresses
from ..errors import DIRECTION_CONTROLS, hides
from ..model import END_ISOLATE, ISOLATE
from .findings import Findings
from .markup import clean_text, is_safe_url
from .read import Record


def text(record: Record, key: str, required: bool, found: Findings) -> str:
    value = record.meta.get(key)
    if value is None:
        if required and key in record.meta:  # `title:` with nothing after it
            found.error(record, key, f"`{key}` has no value: it is required")
        elif required:
            misspelt = get_close_matches(key, [k for k in record.meta if isinstance(k, str)], n=1, cutoff=0.7)
            # no line holds a missing key: the front matter's first does, where an editor opens it
            found.error(record, misspelt[0] if misspelt else key, f"missing required key `{key}`" + (
                f"; is `{misspelt[0]}` meant to be `{key}`?" if misspelt else ""))
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        found.error(record, key, f"`{key}` must be text")
        return ""
    text = clean_text(str(value)).strip()
    if required and not text:
        found.error(record, key, f"`{key}` must not be empty")
    return text


LONGEST_NAME = 200  # characters of a commenter's name: the form takes no more, an import of a proposal cuts a longer one

# Letters written right to left, and the controls that set a direction (an override: U+202E)
RIGHT_TO_LEFT_OR_CONTROL = frozenset({"R", "AL"} | DIRECTION_CONTROLS)


def person(record: Record, key: str, required: bool, found: Findings) -> str:
    """A person's name, isolated (U+2068 … U+2069) when it holds right-to-left letters or direction
    controls: where no <bdi> can hold it (a feed's title, a mail's subject, an aria-label) it then
    neither reverses the words around it (`\u202egnp.exe: Welcome`) nor is reordered by them."""
    name = single_line_name(text(record, key, required, found))
    if len(name) > LONGEST_NAME and len(letters := unicodedata.normalize("NFC", name)) > LONGEST_NAME:
        # a pull request's file may hold any: each reply link repeats it, and mail subjects; counted as the
        # form counts, `é` one character however its file spells it
        found.warn(record, key, f"the name is {len(letters):,} characters long; the comment form and the import of a "
                                f"proposal take at most {LONGEST_NAME}: shorten it")
    if name.isascii():
        return name
    if unseen := sorted({f"U+{ord(c):04X}" for c in name if hides(c)}):
        # every import takes these out (importers.problems.author_name); a merged proposal's file may hold them
        found.warn(record, key, f"the name holds characters no one sees ({', '.join(unseen)}), which can make it "
                                "read as another (an override turns `gnp.exe` into `exe.png`): remove them")
    if not any(bidirectional(c) in RIGHT_TO_LEFT_OR_CONTROL for c in name):
        return name
    return f"{ISOLATE}{name}{END_ISOLATE}"


OVERRIDES = {"LRE", "RLE", "LRO", "RLO", "PDF"}  # overrides and embeddings: they turn all after them, unlike an isolate


def turned(record: Record, key: str, value: str, found: Findings) -> str:
    """`value`, with a warning when it holds an override: a title's turns the words after it wherever it stands
    alone (a tab's title, a feed's, a link's: `\u202egnp.exe` · Welcome), which the page's isolation cannot
    mend (a red team's imported title)."""
    if not value.isascii() and (controls := sorted({f"U+{ord(c):04X}" for c in value if bidirectional(c) in OVERRIDES})):
        found.warn(record, key, f"the {key} holds direction controls ({', '.join(controls)}), which turn the words after "
                                "them where it stands alone (a browser's tab, a feed): remove them")
    return value


def single_line_name(name: str) -> str:
    """A name on one line: a line break in it would break a reply's mail subject (`%0ABcc:`), and no
    one's name holds one."""
    return " ".join(name.split()) if any(c.isspace() and c != " " for c in name) else name


def web_address(record: Record, key: str, found: Findings) -> str:
    url = text(record, key, False, found)
    if url and not is_safe_url(url):
        found.error(record, key, f"`{key}` must be an absolute http(s) URL, not `{url}`")
        return ""
    return url


def flag(record: Record, key: str, found: Findings) -> bool:
    value = record.meta.get(key, False)
    if not isinstance(value, bool):
        found.error(record, key, f"`{key}` must be true or false, not `{value}`")
        return False
    return value


def translate(record: Record, texts: int, found: Findings) -> bool:
    """`translate: false`: an essay or page its writer keeps in its one language, which `status` then
    does not call missing in the others (true, the default: every language of site.yml is to come)."""
    value = record.meta.get("translate", True)
    if not isinstance(value, bool):
        found.error(record, "translate", f"`translate` must be true or false, not `{value}`")
        return True
    if value is False and texts > 1:  # its translations are shown all the same: nothing is hidden
        found.warn(record, "translate", "`translate: false`, yet it has translations: take the key out, or them")
    return value


def aliases(record: Record, found: Findings) -> tuple[str, ...]:
    """`aliases`: old site-relative addresses that lead to this essay."""
    value = record.meta.get("aliases", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        found.error(record, "aliases", "aliases must be a list of old addresses, e.g. `[/2012/09/10/old-slug/]`")
        return ()
    kept = []
    for alias in value:
        wrong = addresses.problem(alias)
        if wrong:
            found.error(record, "aliases", f"alias {wrong}")
        elif alias not in kept:
            kept.append(alias)
    return tuple(kept)


# an anchor a link from elsewhere may name (`#o-basico`): one word of a URL's fragment, not a passage's own (`p3`)
ANCHOR_NAME = re.compile(r"[^\s#\"'<>\\`\x00-\x1f\x7f]{1,200}")
PASSAGE_ID = re.compile(r"p[0-9]+")


def anchors(record: Record, blocks: int, found: Findings) -> tuple[tuple[str, int], ...]:
    """`anchors`: the old blog's anchors in the text (`o-basico: 3`), each with the passage that holds it now,
    so that a link from elsewhere naming one (`/2023/03/post/#o-basico`) still reaches its place."""
    value = record.meta.get("anchors") or {}  # `anchors:` with nothing after it: none
    if not isinstance(value, dict):
        found.error(record, "anchors", "anchors must map each old anchor to its passage's number, e.g. `{intro: 3}`")
        return ()
    kept = []
    for name, number in value.items():
        if not isinstance(name, str):  # YAML reads `1:` as a number
            found.error(record, "anchors", f"anchor `{str(name)[:80]}` must be a name: quote it (`\"{str(name)[:80]}\": …`)")
        elif not ANCHOR_NAME.fullmatch(name) or PASSAGE_ID.fullmatch(name):
            found.error(record, "anchors", f"anchor `{name[:80]!s}` must be a name without spaces, quotes or `#`, "
                                           "and not a passage's own (`p3`)")
        elif isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= blocks:
            found.error(record, "anchors", f"anchor `{name}` must lead to a passage of the text, 1 to {blocks}")
        else:
            kept.append((name, number))
    return tuple(kept)


FEED_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"\x00-\x1f\x7f]{1,500}")  # an IRI, as Atom asks


def feed_id(record: Record, found: Findings) -> str:
    value = text(record, "feed_id", False, found)
    if value and not FEED_ID.fullmatch(value):
        found.error(record, "feed_id", f"feed_id `{value[:80]}` must be an IRI such as a WordPress guid "
                                       "(`https://example.org/?p=123`)")
        return ""
    return value
