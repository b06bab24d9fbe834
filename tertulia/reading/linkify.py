"""A web address a commenter typed as plain text becomes a link, as WordPress, Disqus and Hugo show it.

Readers paste addresses into comments without Markdown's `<…>`, and comments moved in from WordPress
keep them plain (WordPress links them only as it shows them). The rules are GitHub's for its extended
autolinks: an address starts with `http://`, `https://` or `www.`, and the punctuation that ends a
sentence is not part of it, nor is a closing parenthesis it did not open. Text already in a link, or
in code, stays as it is. Works on a sanitized block, whose text has `&`, `<` and `>` as references.
"""

from __future__ import annotations

import re
import unicodedata

# Where a tag starts or ends an element whose text is not linked: inside a link, code or preformatted text
TAG = re.compile(r"<(/?)(a|code|pre)\b[^>]*>|<[^>]*>", re.IGNORECASE)
# A full-width sign (CJK punctuation, `，`, `）`) ends an address too, and a Chinese or Japanese word
# may stand just before one: that text has no spaces around it, while an address's path may hold any script.
# An attribute's value in a tag shown as typed (`<iframe src="https://…">`) is code, not an address given.
# A direction control ends it too: one inside would show the address's visible text reordered, another than the link's.
ADDRESS = re.compile(r"(?<![A-Za-z0-9_@/.=-])(?<!=\")(?<!=')(?:https?://|www\.[\w-]+(?:\.[\w-]+)+)"
                     r"[^\s<>\"\u3000-\u303f\uff00-\uffef\u202a-\u202e\u2066-\u2069]*", re.IGNORECASE)
WWW = re.compile(r"[wW][wW][wW]\.")  # `www.` in any case, without the flag that makes every search slower
ENDING_REFERENCE = re.compile(r"&[A-Za-z0-9#]{1,10};\Z")  # `&gt;`, `&amp;`: an entity the text ends with
LONGEST_REFERENCE = 12  # characters of `&…;`: only the address's last ones are searched for one
TRAILING = frozenset("?!.,:;*_~'")
# a `<`, `>` or `"` typed beside the address ends it, as a no-break space does (`&nbsp;`, as the sanitizer writes one)
ANGLE = re.compile(r"&(?:lt|gt|quot|nbsp|#160|#xa0);", re.IGNORECASE)


def linked_addresses(block_html: str, rel: str) -> str:
    """`block_html` with each plain web address outside links and code made a link with `rel`."""
    # most blocks hold neither: substring tests first (a `www.` ends in `w.` or `W.`, which few words do),
    # a third of the time of one case-blind search
    if "://" not in block_html and not (("w." in block_html or "W." in block_html) and WWW.search(block_html)):
        return block_html
    pieces, depth, start = [], 0, 0
    for tag in TAG.finditer(block_html):
        pieces.append(_linked(block_html[start:tag.start()], rel) if depth == 0 else block_html[start:tag.start()])
        pieces.append(tag.group(0))
        if tag.group(2):
            depth = max(0, depth + (-1 if tag.group(1) else 1))
        start = tag.end()
    tail = block_html[start:]
    pieces.append(_linked(tail, rel) if depth == 0 else tail)
    return "".join(pieces)


def _linked(text: str, rel: str) -> str:
    """Plain text with its addresses linked."""
    return ADDRESS.sub(lambda found: _link(found.group(0), rel), text) if text else text


def _link(found: str, rel: str) -> str:
    address = found[:angle.start()] if (angle := ANGLE.search(found)) else found
    address = _without_trailing(address)
    if address.lower() in ("http://", "https://") or address.endswith("://"):
        return found
    href = address if "://" in address else "http://" + address
    return f'<a href="{href}" rel="{rel}">{address}</a>{found[len(address):]}'


def _without_trailing(address: str) -> str:
    """The address without the punctuation after it: a sentence's full stop, a closing parenthesis or
    bracket not opened in it (`[see https://x.org/z]`), `&amp;`, a full-width comma. In one pass from its
    end, whatever its length: a comment of 49,000 `&amp;` after an address took a search of the whole
    address for each."""
    end = len(address)
    unopened = {close: address.count(close) - address.count(open_) for open_, close in PAIRS}
    while end:
        last = address[end - 1]
        if last == ";" and (reference := ENDING_REFERENCE.search(address, max(0, end - LONGEST_REFERENCE), end)):
            end = reference.start()
        elif last in unopened and unopened[last] <= 0:
            break
        elif last in TRAILING or last in unopened or (ord(last) > 127 and unicodedata.category(last)[0] in "PZ"):
            if last in unopened:
                unopened[last] -= 1
            end -= 1
        else:
            break
    return address[:end]


PAIRS = (("(", ")"), ("[", "]"))  # a closing one ends an address unless the address opened it (Wikipedia's `_(x)`)
