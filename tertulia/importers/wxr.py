"""Read a WordPress eXtended RSS export (WXR 1.0-1.2) as untrusted XML, one item at a time.

The export is parsed by defusedxml, which refuses entity definitions and external
references (an entity-expansion bomb stops at its first definition), and streamed: each
item is handed over and then dropped, so a 500 MB export imports in bounded memory.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from ..reading.markup import host_readable
from .problems import shown

WP_NAMESPACE = re.compile(r"https?://wordpress\.org/export/\d+(\.\d+)*/")  # the version varies by export
DECLARATION = re.compile(rb"""(?:\xef\xbb\xbf)?<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
EXPAT_ENCODINGS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"}
WPML_LANGUAGE = "_wpml_import_language_code"  # an item's language, as WPML's Export and Import add-on writes it
WPML_GROUP = "_wpml_import_translation_group"  # the posts that translate each other share it
WPML_SOURCE = "_wpml_import_source_language_code"  # a translation's original's language; empty on the original
USED_META = {"_thumbnail_id", "footnotes", "_wp_attachment_image_alt", "_wp_old_slug",
             "_menu_item_type", "_menu_item_object", "_menu_item_object_id", "_menu_item_menu_item_parent",
             WPML_LANGUAGE, WPML_GROUP, WPML_SOURCE}
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
RSS, DISQUS = "rss", "{http://disqus.com}disqus"  # the root element of each export, as the parser names it
EXPORTS = {RSS: ("a WordPress export (WXR)", "<rss>"),  # root -> what it is, and its root as written
           DISQUS: ("a Disqus export", '<disqus xmlns="http://disqus.com">')}
PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[[^\]]*\])*>)", re.DOTALL | re.IGNORECASE)
ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]*)")
HEAD = 64 * 1024  # what is read to tell what a document is, when the parse cannot
# A PHP array serialized, as Polylang keeps a group of translated terms (`a:2:{s:2:"en";i:5;s:2:"fr";i:9;}`)
SERIAL_SCALAR = re.compile(rb'i:(-?[0-9]{1,20});|s:([0-9]{1,6}):"')  # a string's length is in bytes
SERIAL_ARRAY = re.compile(rb"a:[0-9]{1,6}:\{")
LANGUAGE_SLUG = re.compile(r"[A-Za-z0-9_-]{1,35}")
MAX_GROUP = 10_000  # a group names a few languages; a hostile description is not read further


NO_NAMESPACE = ("not a WordPress export (WXR): no wordpress.org/export namespace, as in a blog's feed (WordPress's "
                "Tools → Export → All content gives the export)")


class UnreadableExport(Exception):
    """The export cannot be read; the message is `export:line: what is wrong`."""


@dataclass
class Channel:
    """The blog itself, from the export's header."""

    title: str = ""
    link: str = ""
    description: str = ""
    language: str = ""
    base_site_url: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name
    default_category: str = "uncategorized"  # nicename of term 1, the category WordPress files posts under unasked
    category_parents: dict[str, str] = field(default_factory=dict)  # nicename -> its parent's, for nested archives
    category_ids: dict[str, str] = field(default_factory=dict)  # nicename -> term id, its plain address `/?cat=ID`
    language_terms: dict[str, str] = field(default_factory=dict)  # a multilingual plugin's language: slug -> name
    terms: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # category's or tag's id -> (domain, slug, name)
    term_groups: list[dict[str, str]] = field(default_factory=list)  # Polylang's terms that translate each other: lang -> id

    @property
    def address(self) -> str:
        """The blog's address: its `<link>`, else WordPress's own `base_site_url` (an export cut by hand)."""
        return self.link or self.base_site_url


@dataclass(frozen=True)
class WPComment:
    id: str
    author: str
    url: str
    date: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: str
    email: str = ""  # never written: only so that the commenter's own address is kept out of what is


@dataclass(frozen=True)
class Item:
    """One exported item: a post, a page, an attachment, a menu item..."""

    post_id: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    date: str
    date_gmt: str
    name: str
    status: str
    type: str
    guid: str
    password: str
    terms: tuple[tuple[str, str, str], ...]  # (domain, nicename, name)
    comments: tuple[WPComment, ...]
    parent: str = ""
    attachment_url: str = ""
    meta: tuple[tuple[str, str], ...] = ()  # the few postmeta an import uses (featured image, footnotes, old slugs)
    sticky: bool = False  # kept at the top of the blog's home page
    menu_order: str = ""  # a menu item's place in its menu


def read_export(path: Path) -> Iterator[Channel | Item]:
    """The channel (once, before the first item), then each item; UnreadableExport on bad XML."""
    yield from _items(path, safe_events(path, ("start-ns", "start", "end"), RSS))


def safe_events(path: Path, events: tuple[str, ...], expected: str) -> Iterator[tuple[str, object]]:
    """iterparse's events for an untrusted XML file in any encoding Python knows; UnreadableExport
    (`export:line: what is wrong`) for XML that is not well-formed or defines entities, or for a file
    that is not XML at all or not the `expected` export (its root element: RSS, DISQUS)."""
    encoding, utf16 = _foreign_encoding(path), _in_utf16(path)
    parser = SafeTree.DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True,
                                       encoding="utf-8" if encoding else None)
    try:
        if encoding:  # expat reads four encodings itself; Python's codecs read the rest for it
            with path.open("rb") as raw:
                yield from SafeTree.iterparse(_Transcoded(raw, encoding, path), events=events, parser=parser)
        elif utf16:
            yield from SafeTree.iterparse(str(path), events=events, parser=parser)
        else:
            with path.open("rb") as raw:
                yield from SafeTree.iterparse(_WithoutControls(raw), events=events, parser=parser)
    except DefusedXmlException as problem:
        raise UnreadableExport(f"{path}:{parser.parser.CurrentLineNumber}: the export defines entities or "
                               f"refers to outside files ({type(problem).__name__}), which an export "
                               "never does; it is not read") from None
    except SafeTree.ParseError as problem:
        root = _root_of(path)
        if root is not None and root.rsplit(":", 1)[-1] != expected.rsplit("}", 1)[-1]:
            raise not_the_export(path, root, expected) from None  # a CSV file, an HTML page, nothing
        line, column = problem.position
        if not encoding and not utf16 and not _decodes(path, line):
            raise UnreadableExport(f"{path}:{line}: a byte that is not UTF-8, the encoding the export says it is "
                                   "in (a file saved again by another program, in windows-1252 perhaps): "
                                   "save it as UTF-8 and import it again") from None
        if str(problem).startswith("XML or text declaration not at start of entity"):  # `\n\n<?xml`, as a paste leaves it
            raise UnreadableExport(f"{path}:{line}: `<?xml` must begin the file, and blank lines or spaces stand "
                                   "before it: remove them and import it again") from None
        said = str(problem).split(':')[0]
        raise UnreadableExport(f"{path}:{line}: not well-formed XML at column {column + 1}: {said}"
                               f"{_what_to_do(path, line, said)}") from None


def _what_to_do(path: Path, line: int, said: str) -> str:
    """The likeliest mending for expat's complaint, for a blogger who never wrote the file by hand: one cut
    short (a download stopped) is exported again; a bare `&` is written `&amp;` (a Dutch blog's move)."""
    if said in ("unclosed token", "no element found", "unclosed CDATA section") or (
            said.startswith("mismatched") and line > 1 and _last_line(path) <= line):
        return " (the file ends before its last element closes: it was cut short; export it again from the blog)"
    if said == "not well-formed (invalid token)":
        return " (a `&` or `<` written as it is in a text? an export writes them `&amp;` and `&lt;`)"
    if said == "undefined entity":
        return (" (an HTML entity such as `&nbsp;`, which XML does not know: an export writes `&#160;`, or the "
                "character itself)")
    return ""


def _last_line(path: Path) -> int:
    """The number of the file's last line."""
    with path.open("rb") as raw:
        return sum(1 for _ in raw)


def not_the_export(path: Path, root: str, expected: str) -> UnreadableExport:
    """The error for a file that is not the `expected` export: its root element named as it is written
    (`<feed>`, never `<{http://www.w3.org/2005/Atom}feed>`), "" for one that is not XML at all; the
    other export with the command that takes it."""
    kind, element = EXPORTS[expected]
    local = root.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    if expected == RSS and local == "disqus":
        said = "a Disqus export, not a WordPress one: use `tertulia import disqus`"
    elif expected == DISQUS and local == "rss":
        said = f"not {kind}: the document is <rss>, as a WordPress export is (`tertulia import wordpress` takes one)"
    elif root:
        said = f"not {kind}: the document is <{shown(local)}>, not {element}"
    elif f"<{expected.rsplit('}', 1)[-1]}" in _decoded(path, _head(path, HEAD)):  # a server's warning, often
        said = f"{kind} with something before its XML: {_beginning(path)}; remove what stands before `<?xml`"
    else:
        said = f"not {kind}, which is XML: {_beginning(path)}"
    return UnreadableExport(f"{path}:1: {said}")


def _root_of(path: Path) -> str | None:
    """The root element a file begins with, as written (`html`, `dsq:disqus`); "" for a file that does
    not begin as XML does (a CSV file, an empty one); None when its head does not tell (a long comment)."""
    text = _decoded(path, _head(path, HEAD))
    position = 0
    while (match := PROLOG.match(text, position)) and match.end() > position:
        position = match.end()
    rest = text[position:].lstrip()
    found = ELEMENT.match(rest)
    if found:
        return found.group(1)
    return "" if not rest.startswith("<") and (rest or position == 0) else None


def _beginning(path: Path) -> str:
    """What a file that is not XML begins with, for the one line that says so."""
    first = _decoded(path, _head(path, 400)).lstrip("\ufeff").strip().split("\n", 1)[0].strip()
    return f"the file begins `{shown(first)}`" if first else "the file is empty"


def line_of(path: Path, tag: str) -> int:
    """The line of the first `<tag>` of an export's channel (before its first item), outside comments
    and CDATA, for an error's `export:line:` (the streamed parse keeps no lines); 1 when not found."""
    chunks: list[bytes] = []
    with path.open("rb") as raw:
        while len(chunks) < 64 and (chunk := raw.read(1 << 20)):
            chunks.append(chunk)
            if b"<item" in b"".join(chunks[-2:]):
                break  # the channel's own fields come before its items
    text = _decoded(path, b"".join(chunks))
    for match in re.finditer(rf"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<{re.escape(tag)}\b", text, re.DOTALL):
        if match.group().startswith(f"<{tag}"):
            return text.count("\n", 0, match.start()) + 1
    return 1


def _head(path: Path, size: int) -> bytes:
    with path.open("rb") as raw:
        return raw.read(size)


def _decoded(path: Path, data: bytes) -> str:
    """Bytes of the export as text in the encoding it says (UTF-16 by its mark), what does not decode
    replaced: for what an error says, never for what is imported."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        encoding = _foreign_encoding(path) or "utf-8"
    except UnreadableExport:
        encoding = "utf-8"
    return data.decode(encoding, errors="replace").lstrip("\ufeff")


def _foreign_encoding(path: Path) -> str | None:
    """The encoding the export declares when expat cannot read it itself (Shift_JIS, windows-1252...)."""
    declared = DECLARATION.match(_head(path, 512))
    if not declared:
        return None
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise UnreadableExport(f"{path}:1: the export says it is in `{name}`, an encoding Python does not know; "
                               "save it as UTF-8 and import it again") from None
    return None if codec in EXPAT_ENCODINGS else name


# C0 control characters, which XML forbids anywhere but which WordPress's exporter writes as they are
# when a post holds text pasted from a word processor (a form feed, a vertical tab): nobody's words,
# and one of them made a whole export unreadable. In UTF-8 (and the one-byte encodings) such a byte is
# never part of another character, so it goes byte by byte. A vertical tab or a form feed parted words
# as a space does: it becomes one.
CONTROLS = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
AS_SPACES = bytes.maketrans(b"\x0b\x0c", b"  ")


class _WithoutControls:
    """A byte stream read without the control characters XML forbids."""

    def __init__(self, raw):
        self.raw = raw

    def read(self, size: int = -1) -> bytes:
        return self.raw.read(size).translate(AS_SPACES, CONTROLS)


def _decodes(path: Path, number: int) -> bool:
    """Whether line `number` of the file is UTF-8."""
    with path.open("rb") as raw:
        for at, line in enumerate(raw, 1):
            if at == number:
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    return False
                break
    return True


def _in_utf16(path: Path) -> bool:
    """Whether the file is in UTF-16 (a BOM, or the zero bytes of its first ASCII characters)."""
    head = _head(path, 4)
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head


class _Transcoded:
    """A byte stream in another encoding, read as UTF-8; a byte that does not decode is `export:line:`."""

    def __init__(self, raw, encoding: str, path: Path):
        self.raw, self.encoding, self.path = raw, encoding, path
        self.decoder = codecs.getincrementaldecoder(encoding)()
        self.line = 1

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size if size and size > 0 else -1)
        try:
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as problem:
            where = self.line + problem.object[:problem.start].count(b"\n")
            raise UnreadableExport(f"{self.path}:{where}: a byte that is not {self.encoding}, the encoding the "
                                   "export says it is in") from None
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as problem:  # UTF-7 and UTF-16 can spell half a character
            where = self.line + text[:problem.start].count("\n")
            raise UnreadableExport(f"{self.path}:{where}: half of a character (a lone surrogate) in "
                                   f"{self.encoding}, which no text holds") from None
        self.line += text.count("\n")
        return data.translate(AS_SPACES, CONTROLS)


def _items(path: Path, events) -> Iterator[Channel | Item]:
    channel, element_of_channel, wp, started = Channel(), None, "", False
    depth = 0
    for event, element in events:
        if event == "start-ns":
            if WP_NAMESPACE.fullmatch(element[1]) and (element[0] == "wp" or not wp):
                wp = "{" + element[1] + "}"
            continue
        if event == "start":
            depth += 1
            if depth == 1 and element.tag != RSS:
                raise not_the_export(path, element.tag, RSS)
            if depth == 2:
                element_of_channel = element
            elif depth == 3 and element.tag == "item" and not started:
                if not wp:
                    raise UnreadableExport(f"{path}:1: {NO_NAMESPACE}")
                started = True
                yield channel
            continue
        depth -= 1
        if depth == 2 and element.tag == "item":
            yield _item(element, wp)
            element.clear()  # done with: memory stays bounded
            element_of_channel.remove(element)
        elif depth == 2:
            _channel_field(channel, element, wp)
            element_of_channel.remove(element)
    if not started:
        if not wp:
            raise UnreadableExport(f"{path}:1: {NO_NAMESPACE}")
        yield channel


def _blog_address(text: str) -> str:
    """The blog's address as the export gives it, or "" for one whose host cannot be read (`http://[::1`):
    every old address is read against it, and the import stopped at the first with Python's bare words."""
    return text if host_readable(text) else ""


def _channel_field(channel: Channel, element, wp: str) -> None:
    tag = element.tag
    if tag in ("title", "description", "language"):
        setattr(channel, tag, (element.text or "").strip())
    elif tag in ("link", wp + "base_site_url"):
        setattr(channel, "link" if tag == "link" else "base_site_url", _blog_address((element.text or "").strip()))
    elif tag == wp + "author":
        login = _text(element, wp + "author_login")
        # an empty display name is no name: the login is half of a credential, and the blog never showed it
        channel.authors[login] = _text(element, wp + "author_display_name")
    elif tag == wp + "term" and _text(element, wp + "term_taxonomy").strip() == "language":
        slug = _text(element, wp + "term_slug").strip()  # Polylang's languages, defined before any item
        if slug:
            channel.language_terms.setdefault(slug, _text(element, wp + "term_name").strip())
    elif tag == wp + "term" and _text(element, wp + "term_taxonomy").strip() == "term_translations":
        group = {code: term_id for code, term_id in serialized_pairs(_text(element, wp + "term_description")[:MAX_GROUP])
                 if LANGUAGE_SLUG.fullmatch(code) and term_id.isdigit()}
        if len(group) > 1:
            channel.term_groups.append(group)
    elif tag == wp + "tag":
        term_id = _text(element, wp + "term_id").strip()
        if term_id:
            channel.terms[term_id] = ("post_tag", _text(element, wp + "tag_slug").strip(),
                                      _text(element, wp + "tag_name").strip())
    elif tag == wp + "category":
        nicename = _text(element, wp + "category_nicename").strip()
        parent = _text(element, wp + "category_parent").strip()
        if nicename and parent:
            channel.category_parents[nicename] = parent
        term_id = _text(element, wp + "term_id").strip()
        if nicename and term_id.isascii() and term_id.isdigit():
            channel.category_ids[nicename] = term_id
            channel.terms[term_id] = ("category", nicename, _text(element, wp + "cat_name").strip())
        if term_id == "1":
            channel.default_category = nicename or channel.default_category


def serialized_pairs(serialized: str) -> list[tuple[str, str]]:
    """The (key, value) pairs at the top of a serialized PHP array whose values are integers or strings, as
    text; a nested array (Polylang Pro's `sync`) is passed over whole, strings read by their declared
    length (in bytes). What does not read so ends the reading: [] for text that is no such array."""
    text = serialized.encode("utf-8", "surrogatepass")
    if not (start := SERIAL_ARRAY.match(text)):
        return []
    position, pairs, depth, values = start.end(), [], 0, []
    while position < len(text) and len(pairs) < 100:
        if text.startswith(b"}", position):
            if depth == 0:
                break
            depth, position = depth - 1, position + 1
        elif array := SERIAL_ARRAY.match(text, position):
            if depth == 0:
                values.append("")  # a nested array: no value the top's pair can use
            depth, position = depth + 1, array.end()
        elif scalar := SERIAL_SCALAR.match(text, position):
            if scalar.group(1) is not None:
                value, position = scalar.group(1), scalar.end()
            else:
                end = scalar.end() + int(scalar.group(2))
                if not text.startswith(b'";', end):
                    return pairs
                value, position = text[scalar.end():end], end + 2
            if depth == 0:
                values.append(value.decode("utf-8", "replace"))
        else:
            return pairs
        if depth == 0 and len(values) == 2:
            pairs.append((values[0], values[1]))
            values = []
    return pairs


def _wpml_language(terms: tuple, meta: tuple) -> tuple[tuple[str, str, str], ...]:
    """The language WPML's export gives an item (its `_wpml_import_language_code`), as the term Polylang gives
    one, when it has none such: a WPML blog's English posts came in as originals in the import's language."""
    if any(domain == "language" for domain, *_ in terms):
        return ()
    code = next((value.strip() for key, value in meta if key == WPML_LANGUAGE), "")
    return (("language", code, ""),) if code else ()


def _text(element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "") if found is not None else ""


def _item(element, wp: str) -> Item:
    terms = tuple((term.get("domain", ""), term.get("nicename", ""), (term.text or "").strip())
                  for term in element.findall("category"))
    meta = tuple((key, _text(m, wp + "meta_value")) for m in element.findall(wp + "postmeta")
                 if (key := _text(m, wp + "meta_key")) in USED_META)
    comments = tuple(WPComment(
        id=_text(c, wp + "comment_id").strip(), author=_text(c, wp + "comment_author").strip(),
        url=_text(c, wp + "comment_author_url").strip(), date=_text(c, wp + "comment_date").strip(),
        date_gmt=_text(c, wp + "comment_date_gmt").strip(),
        content=_text(c, wp + "comment_content"), approved=_text(c, wp + "comment_approved").strip(),
        type=_text(c, wp + "comment_type").strip(), parent=_text(c, wp + "comment_parent").strip(),
        email=_text(c, wp + "comment_author_email").strip(),
    ) for c in element.findall(wp + "comment"))  # IP addresses are never read; e-mail ones only to keep out
    excerpt = next((child.text or "" for child in element if child.tag.endswith("}encoded")
                    and "excerpt" in child.tag), "")
    return Item(
        post_id=_text(element, wp + "post_id").strip(), title=_text(element, "title").strip(),
        link=_text(element, "link").strip(), creator=_text(element, DC_CREATOR).strip(),
        content=_text(element, CONTENT), excerpt=excerpt, date=_text(element, wp + "post_date").strip(),
        date_gmt=_text(element, wp + "post_date_gmt").strip(),
        name=_text(element, wp + "post_name").strip(), status=_text(element, wp + "status").strip(),
        type=_text(element, wp + "post_type").strip(), terms=terms + _wpml_language(terms, meta), comments=comments,
        guid=_text(element, "guid").strip(), password=_text(element, wp + "post_password"),
        parent=_text(element, wp + "post_parent").strip(), attachment_url=_text(element, wp + "attachment_url").strip(),
        meta=meta,
        sticky=_text(element, wp + "is_sticky").strip() == "1", menu_order=_text(element, wp + "menu_order").strip(),
    )
