"""The sender's own addresses taken out of what an import writes (a letter's text and name, an export's
comments and names): content/ goes into a repository that is often public. An address is found however
its characters are written (character references, percent escapes, marks and tags between them, `[at]`
spelled out), and its formatting that pairs with text outside it is kept."""

from __future__ import annotations

import html.entities
import re
from functools import lru_cache, partial
from urllib.parse import unquote

from .problems import author_name

REDACTED = "[address removed]"
ADDRESS_IN_NOTE = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+")
# the sender's address as a mail program writes it after a name (`Inês M. <ines@…>`), once removed
ADDRESS_AFTER_NAME = re.compile(r"\s*(?:&lt;|[<(\[])?\s*(?:mailto:)?\s*" + re.escape(REDACTED) + r"\s*(?:&gt;|[>)\]])?")
# a name typed between quotes, as Outlook's autocorrect curls them: the quotes are not the name's
ENCLOSING_QUOTES = {"“": "”", "„": "“", "«": "»", "»": "«", "‘": "’", "‚": "‘", '"': '"', "'": "'", "「": "」"}


def name_written(typed: str) -> str:
    """The reader's name as the file gives it: without an address (removed), or the quotes around it; a
    name that was only the sender's address names no one: unknown, as an empty one."""
    name = ADDRESS_AFTER_NAME.sub("", typed).strip()
    if len(name) > 2 and ENCLOSING_QUOTES.get(name[0]) == name[-1]:
        name = name[1:-1].strip()
    return author_name(name)


def private_name(typed: str, private: tuple[str, ...]) -> str:
    """A commenter's name as an import writes it, without their own addresses (`private`), which an
    export's e-mail field or a letter's sender gives: a name that was only the address names no one."""
    return name_written(redacted(typed, private))


def redacted(text: str, private: tuple[str, ...]) -> str:
    """`text` without the sender's addresses: content/ goes into a public repository. An address is found
    however its characters are written: `ana&#64;x.org` and `mailto:ana%40x.org` show `ana@x.org` once built.
    Only the addresses whose two halves the text holds, however written, are searched for: a letter whose
    From names thousands took minutes, a search of the whole text for each."""
    if not text or not private:
        return text
    readable = _as_read(text)
    for address in (spelled for address in private for spelled in _host_spellings(address)):
        local, domain = (_unmarked(half) for half in address.lower().rpartition("@")[::2])
        if address and local in readable and domain in readable:
            text = re.sub(_address_pattern(address), partial(_formatting_kept, address), text, flags=re.IGNORECASE)
    return text


def _formatting_kept(address: str, found: re.Match) -> str:
    """The marker, and what stood between the address's characters that pairs with something outside it:
    a tag closed or opened outside (without its `</b>`, `<b>ana</b>@x.org` left the rest of a comment
    bold: a review), an odd number of one emphasis or code mark (`*ana*@x.org`, `` `ana`@x.org ``). A tag
    inside a code span is words, kept as none."""
    text = found.group()
    # a mark's runs, not its characters, pair: in `**ana**@x.org` the `**` inside closes the one before the
    # address, an even count of `*` that left that one open
    runs = [re.findall(f"{re.escape(mark)}+", text) for mark in "*~`" if mark not in address]
    marks = "".join(found_runs[-1] for found_runs in runs if len(found_runs) % 2)
    if "`" in text:
        return REDACTED + marks
    kept: list[tuple[str, str]] = []  # (name, tag)
    for tag in re.finditer(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>", text):
        name = tag.group(2).lower()
        if tag.group(1) and kept and kept[-1][0] == name and not kept[-1][1].startswith("</"):
            kept.pop()
        elif not tag.group().endswith("/>"):
            kept.append((name, tag.group()))
    return REDACTED + "".join(tag for _, tag in kept) + marks


# what may stand between an address's characters and still show it once built: Markdown's escapes, emphasis
# and code marks, an inline tag (`ana_<span>maria</span>@<i>x</i>.org` from a letter's HTML, a red team); a
# few, and never the characters beside them (`a_a_a@x` with `_` a mark too took exponential time, a review)
MARKS = ("\\", "*", "~", "`")
# a tag (`<eve@x.org>` is an address, written so), or an HTML comment, which a page shows as nothing
TAG_BETWEEN = r"(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>@]{0,80})?/?>|<!--[^<>]{0,80}?-->)"
# characters a page shows as nothing (a soft hyphen, zero-width spaces and joiners), as they are or as
# references: `ana&shy;maria@x.org` reads as the address it hides; and the other characters Unicode
# says to show as nothing where a font has no glyph for them (marks of direction, invisible operators, fillers)
INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u200b\u200c\u200d\u200e"
             "\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2065\u2066\u2067\u2068\u2069\u3164"
             "\ufeff\uffa0")
# and, in a character class, the runs of them: variation selectors, tags, shorthand format controls
INVISIBLE_RANGES = INVISIBLE + "\ufe00-\ufe0f\U0001bca0-\U0001bca3\U000e0000-\U000e0fff"
# a run of them as one (possessive: never given back, so however long, it is read once: a red team typed five)
INVISIBLE_BETWEEN = (f"[{INVISIBLE_RANGES}]++|&(?:shy|ZeroWidthSpace|zwn?j|NoBreak);?|&(?:lrm|rlm|it|ic|af|"
                     "InvisibleTimes|InvisibleComma|ApplyFunction);|"
                     f"&#0*(?:{'|'.join(str(ord(c)) for c in INVISIBLE)});?|&#x0*(?:{'|'.join(f'{ord(c):x}' for c in INVISIBLE)});?")
# the at sign and the dot as people spell them out to keep an address from harvesters: `ana [at] x [dot] org`
# (a space beside them may be a no-break one, or a line's end, which a page shows as a space: a review)
SPACE_CHARACTERS = " \t\n\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
SPACES = rf"(?:[{SPACE_CHARACTERS}]|&nbsp;|&#160;|&#xa0;|&thinsp;|&ensp;|&emsp;)*"
# the at signs and full stops of other widths and scripts, which read as the address's (`ana＠x．org`, typed with
# a Chinese or Japanese input method on: a red team)
AT_SIGNS, FULL_STOPS = "\uff20\ufe6b", "\uff0e\u3002\uff61\ufe52\u2024"
SPELLED_OUT = {"@": rf"{SPACES}[\[({{][ \t]*at[ \t]*[\])}}]{SPACES}", ".": rf"{SPACES}[\[({{][ \t]*dot[ \t]*[\])}}]{SPACES}"}
SPELLED_SIGNS = {sign: re.compile(spelled.removeprefix(SPACES).removesuffix(SPACES))
                 for sign, spelled in SPELLED_OUT.items()}  # the words alone, from their bracket


def _address_pattern(address: str) -> str:
    """A pattern for `address` however its characters are written (_spellings), marks between them, and
    not inside a longer address (`diana@x.org`, `ana@x.org.uk` are others')."""
    parts = [_spellings(address[0])]
    for before, after in zip(address, address[1:]):
        marks = "".join(re.escape(mark) for mark in MARKS if mark not in (before, after))
        parts.append(f"(?:[{marks}]|{TAG_BETWEEN}|{INVISIBLE_BETWEEN}){{0,4}}" + _spellings(after))
    # after a percent escape (`?to=%20ana%40x.org`) it stands alone whatever the escape's last sign
    # (an ideographic full stop ends a sentence, and a Latin word may follow it: `ana@x.org。Twitterでも`, a red team)
    longer = rf"(?![.．]?[0-9A-Za-z-]|{SPELLED_OUT['.']}[0-9A-Za-z])"  # `ana [at] x [dot] org [dot] uk` too
    return r"(?:(?<![0-9A-Za-z.-])|(?<=%[0-9A-Fa-f]{2}))" + "".join(parts) + longer


def _unmarked(text: str) -> str:
    return re.sub(TAG_BETWEEN + rf"|[\\*~`{INVISIBLE_RANGES}]", "", text)


def _as_read(text: str) -> str:
    """The text as a reader would read it, lower case: its character references and percent escapes
    decoded, its marks and tags (MARKS, TAG_BETWEEN) gone, so that any spelling _spellings finds holds the
    address's halves as they are (unmarked too)."""
    decoded = html.unescape(text).translate(READ_AS)
    decoded = _unmarked(re.sub(r"(?:%[0-9A-Fa-f]{2})+", _percent_decoded, decoded).lower())
    for sign, spelled in SPELLED_SIGNS.items():
        decoded = _joined(spelled.split(decoded), sign)
    return decoded


# ASCII's full-width forms (`ａｎａ＠ｘ．ｏｒｇ`, an input method's full-width mode) read as ASCII
FULL_WIDTH = 0xFEE0  # from `!` (U+0021) to `~`, U+FF01 to U+FF5E
READ_AS = {**{code + FULL_WIDTH: chr(code) for code in range(0x21, 0x7F)},
           **dict.fromkeys(map(ord, AT_SIGNS), "@"), **dict.fromkeys(map(ord, FULL_STOPS), ".")}


def _joined(parts: list[str], sign: str) -> str:
    """`parts` joined by `sign`, without the spaces beside it: `ana [at] x` read as `ana@x`. Split first
    and trimmed after, since a search starting at the spaces tried every one of a long run (60,000
    spaces in a comment, minutes: a review)."""
    trimmed = [part.rstrip(SPACE_CHARACTERS) for part in parts[:-1]] + parts[-1:]
    return sign.join(trimmed[:1] + [part.lstrip(SPACE_CHARACTERS) for part in trimmed[1:]])


def _host_spellings(address: str) -> tuple[str, ...]:
    """An address, and the same with its host as a reader writes it, or as mail carries it: `bücher.example`
    and `xn--bcher-kva.example` are one host."""
    local, _, domain = address.rpartition("@")
    try:
        other = domain.encode("idna").decode("ascii") if not domain.isascii() else domain.encode("ascii").decode("idna")
        # Python's IDNA is 2003's, which maps `ß` to `ss`: another host now; a twin only when it reads back
        same = (other.encode("ascii").decode("idna") if other.isascii() else other.encode("idna").decode("ascii"))
    except UnicodeError:
        return (address,)
    if other.lower() == domain.lower() or same.lower() != domain.lower():
        return (address,)
    return (address, f"{local}@{other}")


def _percent_decoded(match: re.Match) -> str:
    return unquote(match.group(0), errors="replace")


@lru_cache(maxsize=256)
def _spellings(character: str) -> str:
    """A pattern for one character as a text may write it: itself, a character reference (`&#64;`,
    `&#x40;`, `&commat;`), or percent-escaped (`%40`); `@` with spaces around it too (`ana @ x.org`)."""
    code = ord(character)
    names = [re.escape(f"&{name}") for name, value in html.entities.html5.items() if value == character]
    escaped = "".join(f"%{byte:02x}" for byte in character.encode("utf-8"))
    full_width = [chr(code + FULL_WIDTH)] if 0x21 <= code < 0x7F else []
    spelled = "|".join([re.escape(character), *full_width, f"&#0*{code};?", f"&#x0*{code:x};?", *names, escaped])
    if character == "@":  # and the at signs that read as one, spaces beside it as a page shows them
        return f"(?:{SPACES}(?:{spelled}|[{AT_SIGNS}]){SPACES}|{SPELLED_OUT['@']})"
    if character == ".":
        return f"(?:{spelled}|[{FULL_STOPS}]|{SPELLED_OUT['.']})"
    return f"(?:{spelled})"
