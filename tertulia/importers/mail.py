"""`import mail`: saved e-mails (an mbox, .eml files, a maildir) -> pending comment files, once each.

A reader without a GitHub account sends the page's letter: their text, then the comment file
between two marker lines (importers/proposal.py reads it). Mail programs change what they send:
quoted-printable or base64, format=flowed, another character set, HTML only, a signature, a quoted
message. Each of those is undone here with the standard `email` and `mailbox` modules. The
sender's address is never written: content/ goes into a public repository.
"""

from __future__ import annotations

import codecs
import contextlib
from collections import Counter
import email
import hashlib
import itertools
import mailbox
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timezone
from email import policy
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

from ..errors import counted, one_line
from ..site.proposals import placeholders
from .clock import utc_text
from .proposal import (BEGIN, FORWARDED_MESSAGE, HEADER_FROM, QUOTED, Refused, forward_line, read_letter,
                       site_config, write_proposal)

MAX_MESSAGE = 1_000_000  # bytes: a comment is at most 50,000 characters, twice in a letter, encoded
MAX_PARTS = 50
TEXT_TYPES = ("text/plain", "text/html")
PRIVATE_HEADERS = ("from", "sender", "reply-to", "return-path")
LETTER_BEGIN_WORDS = "tertulia comment file"
# What mail programs and browsers read a label as (WHATWG's Encoding Standard): a letter labelled Latin-1 is
# often Windows-1252 (its curly quotes, dashes and €; Latin-1's own control characters are never meant); one
# labelled GB2312 is GBK (`喆`), Big5 is Big5 with Hong Kong's and Microsoft's additions (`裏`), Shift_JIS and
# EUC-KR are Windows' Japanese and Korean, each a superset the label's own codec refuses
READ_AS = {"iso8859-1": ("cp1252",), "gb2312": ("gb18030",), "gbk": ("gb18030",), "big5": ("big5hkscs", "cp950"),
           "shift_jis": ("cp932",), "euc_kr": ("cp949",)}
LATIN_LABELS = {"iso8859-1", "cp1252", "iso8859-15"}  # codecs' names of the labels UTF-8 is often sent under


@dataclass
class Outcome:
    """What an import did, message by message, for its report and its exit status."""

    written: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


def import_mail(sources: list[Path], content: Path, dry_run: bool = False, report=print, problem=print) -> Outcome:
    """Every proposal in `sources` written as a pending comment of its post; what was done said
    through `report`, each message not used through `problem`. Raises ContentErrors when the content
    folder's site.yml is not valid."""
    config = site_config(content)
    outcome, seen, placeholder = Outcome(), set(), placeholders(content)
    read: dict = {}  # each post's comment files, read once for the run (see proposal._on_disk)
    for where, raw in _messages(sources):
        where = one_line(where)  # a file's name is anyone's: an escape sequence in it would reach the terminal
        try:
            if isinstance(raw, str):
                raise Refused(raw)
            _one(where, raw, content, (config, placeholder, read), dry_run, seen, outcome, report)
        except Refused as refused:
            outcome.unused.append(where)
            problem(f"{where}: not imported: {refused}")
        except (ValueError, LookupError, RecursionError, OverflowError) as unreadable:  # what the email
            # package can still raise on a hostile header: this letter is left out, the others read
            outcome.unused.append(where)
            problem(f"{where}: not imported: it cannot be read as a letter ({type(unreadable).__name__})")
    report(f"{counted(len(outcome.written), 'new pending comment')}{' would be written' if dry_run else ''}, "
           f"{len(outcome.already)} already there, {counted(len(outcome.unused), 'message')} without a usable proposal")
    return outcome


# The date line of a forwarded letter's header block, in the languages of the forward lines
FORWARDED_DATE = re.compile(r"\*?(?:date|fecha|data|datum|sent|enviado|envoyé|gesendet|inviato)\*? ?: ?(.+)",
                            re.IGNORECASE)


def _one(where: str, raw: bytes, content: Path, site: tuple, dry_run: bool, seen: set,
         outcome: Outcome, report) -> None:
    """One message's proposals written (its own, or each letter forwarded in it as an attachment); `site`
    is the site's settings, its link's placeholders and the comment files the run has read."""
    config, placeholder, read = site
    outer = _parsed(raw)
    senders = _addresses(outer)
    for message, proposal, notes, text in _holding_proposals(outer, placeholder):
        if message is outer and _from_the_site(outer, config) and not _forwarding(outer, text):
            # the maintainer's answer over a reader's letter it copies in (Outlook copies it unquoted): the
            # words above it were taken for the reader's correction, and filed under the reader's name
            raise Refused("it was sent from the site's own address (`discussion.email`): your own letter, such as an "
                          "answer to a reader, not a reader's proposal; import the reader's message itself (a "
                          "forward of it, `Fwd:`, is read as theirs)")
        if message is outer and proposal.copied_from and not _forwarding(outer, text) \
                and _someone_else(proposal.copied_from, outer, config):
            # a reply to another reader's letter, copied in whole under the reply's words: its comment file
            # is that reader's, and the reply's words would go out under their name
            raise Refused(f"its only comment file is in the letter it answers, from {one_line(proposal.copied_from)}, "
                          "which it copies in: that file is theirs, not this letter's writer's; import their own letter")
        private = tuple(sorted(set(senders + _addresses(message) + _forwarded_senders(text)), key=len, reverse=True))
        key = _message_key(message, raw if message is outer else message.as_bytes())
        origin = f"proposed by e-mail, message {key}"
        written = write_proposal(proposal, content, config, origin, _letter_date(message, text), private, dry_run,
                                 seen, read=read)
        shown = f"{content}/{written.relative}"
        if written.new:
            outcome.written.append(shown)
            extra = "; ".join(notes + ([written.note] if written.note else []))
            verb = "would write" if dry_run else "wrote"
            report(f"{verb} {shown} (pending) from {where}" + (f" ({extra})" if extra else ""))
        else:
            outcome.already.append(shown)
            if Path(shown).exists():
                report(f"{where}: already imported as {shown}; nothing written")
            else:  # a dry run's: the same proposal as a message before it in this run, which nothing wrote
                report(f"{where}: the same proposal as one above, which would be {shown}; nothing written")


def _from_the_site(message, config) -> bool:
    """Whether the message is the site's own: From its `discussion.email`, not as a mailing list at that
    address rewrites a reader's From ("'Anna' via Talk", Google Groups' and Mailman's way, the reader then in
    X-Original-From, Reply-To or Cc): a reader's letter, not the maintainer's. A Reply-To alone
    says nothing: the maintainer's own answer may carry their personal address there."""
    own = config.discussion.email.lower() if config.discussion and config.discussion.email else ""
    if not own:
        return False
    try:  # a header the email package cannot parse raises as it is read: no sign of the site's own letter
        headers = [str(message.get(name, "")) for name in ("From", "X-Original-From")]
        if any(len(header) > LONG_HEADER for header in headers):
            return False
        senders, originals = getaddresses([headers[0]]), getaddresses([headers[1]])
    except (ValueError, TypeError, IndexError, RecursionError):
        return False
    name, address = senders[0] if senders else ("", "")
    rewritten = LIST_REWRITE.search(name) or any(other.lower() not in ("", own) for _, other in originals)
    return address.lower() == own and not rewritten


def _someone_else(named: str, message, config) -> bool:
    """Whether the letter a reply copies in, whose `From:` is `named`, is another's than the message's sender (as
    a mailing list's rewrite names them too) or the site's (a reader answering the maintainer, whose letter holds
    the reader's own below, corrects their own comment): its comment file is then theirs. Told by address where
    the line shows one, else by the name, against the sender's and the site's (its title, or its address's name
    in To or Cc): `Smith, Eve` is Eve Smith, `José` is `Jose`, `Eve Marie Smith` is Eve Smith, and `eve.smith@…`
    names her too; a list's `'Yuri' via Talk <talk@…>`, Yuri. Without `discussion.email`, whom the message is
    sent to stands for the site; with it, a reply-all's other readers do not. What cannot be told apart is
    another's: a refused letter is the maintainer's to read."""
    try:
        people = {name: getaddresses([str(message.get(name, ""))[:LONG_HEADER]])
                  for name in ("From", "X-Original-From", "Reply-To", "To", "Cc")}
    except (ValueError, TypeError, IndexError, RecursionError):
        return False
    own = config.discussion.email.lower() if config.discussion and config.discussion.email else ""
    site = {own} if own else {address.lower() for _, address in people["To"]}
    senders = [pair for name in ("From", "X-Original-From", "Reply-To") for pair in people[name]]
    listed = LIST_REWRITE.search(named)  # "'Yuri' via Talk <talk@…>": the list's address, a reader's name
    addresses = [] if listed else [address.lower() for address in ADDRESS_LIKE.findall(named)]
    if addresses:
        return not any(address in site | {address.lower() for _, address in senders if address} for address in addresses)
    writer = _name_words(LIST_REWRITE.split(ADDRESS_LIKE.sub("", named))[0])
    if not writer:  # no name to tell by (`From: 🌸`): another's, as what cannot be told apart is
        return True
    names = [LIST_REWRITE.split(name)[0] for name, _ in senders if name] + [text for _, text in config.title]
    names += [name for name, address in people["To"] + people["Cc"] if name and address.lower() in site]
    names += [address.split("@")[0].replace(".", " ") for _, address in senders if "@" in address]
    known = [words for words in map(_name_words, names) if words]
    # the same words, or all of a name of two words or more within the other (a middle name): one word shared
    # (`Yuri` and `Yuri Petrov`, `Smith` and `John Smith`) is no sign of one person
    return not any(writer == words or min(len(writer), len(words)) > 1 and (writer <= words or words <= writer)
                   for words in known)


def _name_words(name: str) -> frozenset[str]:
    """A person's name as its words, in any order, case and marks aside (`Smith, Eve`, `Щукин Юрий`, `José`)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
    return frozenset(re.findall(r"\w+", plain.casefold()))


LIST_REWRITE = re.compile(r"\svia\s", re.IGNORECASE)  # "'Anna' via Talk": a list's name for a reader's letter


def _forwarding(message, text: str) -> bool:
    """Whether the message forwards a letter (its subject's `Fwd:`, or a mail program's forward line)."""
    return bool(FORWARDED_MESSAGE.fullmatch(str(message.get("Subject", "")))) or any(
        forward_line(line) for line in text.splitlines())


def _holding_proposals(message, placeholder) -> list[tuple]:
    """Each letter that holds a proposal, with its proposal, the notes on what was left out and its text:
    the message itself, else every letter forwarded in it as an attachment (Thunderbird's, Outlook's and
    Apple Mail's "Forward as attachment", of one letter or several), each then the reader's own, with its
    date and Message-ID. Raises the message's own Refused when none holds one."""
    try:
        return [(message, *_proposal(message, placeholder))]
    except Refused:
        found = []
        for attached in _attached_letters(message):
            try:
                found.append((attached, *_proposal(attached, placeholder)))
            except Refused:
                continue
        if not found:
            raise
        return found


def _proposal(message, placeholder) -> tuple:
    text, notes = letter_text(message)
    return read_letter(text, placeholders=placeholder, subject=str(message.get("Subject", ""))), notes, text


def _forwarded_senders(text: str) -> tuple[str, ...]:
    """The addresses of a forward's copied `From:` lines (`> From: Dora <dora@…>`): the letter forwarded is
    its sender's, whose address, if the text repeats it, is kept out of the file as a letter sent straight's is."""
    return tuple(address for line in text.splitlines()
                 if HEADER_FROM.fullmatch(QUOTED.sub("", line.strip(), count=1).strip())
                 for address in ADDRESS_LIKE.findall(line))


def _attached_letters(message) -> list:
    """The letters a message carries as attachments (message/rfc822), in their order, one level down."""
    letters = []
    for part in itertools.islice(message.walk(), MAX_PARTS):
        if part is not message and part.get_content_type() == "message/rfc822" and part.is_multipart():
            letters += [inner for inner in part.get_payload() if isinstance(inner, email.message.Message)][:1]
    return letters


def _messages(sources: list[Path]):
    """(where, the message's bytes or why it cannot be read) for every message of every source."""
    for source in sources:
        if source.is_symlink() or not source.exists():
            yield str(source), "no such file or folder (symbolic links are not followed)"
        elif source.is_dir() and (source / "cur").is_dir() and (source / "new").is_dir():
            yield from _from_maildir(source)
        elif source.is_dir():
            emls = sorted(p for p in source.iterdir() if p.suffix.lower() == ".eml" and p.is_file()
                          and not p.is_symlink())
            if not emls:
                yield str(source), "no .eml files and not a maildir (a folder with cur/ and new/)"
            for path in emls:
                yield str(path), _bounded_file(path)
        elif not source.is_file():
            yield str(source), "not a regular file"
        else:
            with open(source, "rb") as start:
                is_mbox = start.read(5) == b"From "
            if is_mbox:
                yield from _from_mbox(source)
            else:
                yield str(source), _bounded_file(source)


def _from_maildir(folder: Path):
    """Each message of a maildir, named by its file (`new/…`, `cur/…`), in the order of its key: walked here
    rather than by the mailbox module, which would follow a message file that is a symbolic link to
    anything on the disk."""
    messages = []
    for part in ("new", "cur"):
        if (folder / part).is_symlink():
            yield f"{folder}/{part}", "a symbolic link: not followed"
            continue
        messages += [(path.name.split(":")[0], part, path) for path in (folder / part).iterdir()
                     if not path.name.startswith(".") and (path.is_symlink() or not path.is_dir())]
    for _, part, path in sorted(messages):
        where = f"{folder}/{part}/{path.name}"
        if path.is_symlink() or not path.is_file():
            yield where, "a symbolic link: not followed" if path.is_symlink() else "not a regular file"
        else:
            yield where, _bounded_file(path)


def _from_mbox(path: Path):
    """Each message of an mbox, named by the line its `From ` opens on."""
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        keys = list(box.keys())
        names = _opening_lines(path)
    except OSError as problem:
        yield str(path), f"cannot be read: {problem.strerror or problem}"
        return
    for key, name in zip(keys, names):
        where = f"{path}:{name}"
        with box.get_file(key) as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(0)
            data = _too_big(size) or handle.read(MAX_MESSAGE)
            yield where, _unescaped(data) if isinstance(data, bytes) else data


# A line of a message that began `From ` is written `>From ` in an mbox, lest it open a new message
# (and `>From ` as `>>From `, in mboxrd): the mailbox module leaves the mark on. One `>` is taken off,
# as mboxrd says; in the older mboxo, a line the reader began `>From ` loses its `>`, a rarer line
# than one beginning `From `.
ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def _unescaped(message: bytes) -> bytes:
    return ESCAPED_FROM.sub(rb"\1", message)


def _opening_lines(path: Path) -> list[int]:
    """The line each message of an mbox opens on, in the mailbox module's order: it too starts a
    message at every line that starts with `From `."""
    with open(path, "rb") as box:
        return [number for number, line in enumerate(box, 1) if line.startswith(b"From ")]


def _bounded_file(path: Path) -> bytes | str:
    size = path.stat().st_size
    if size > MAX_MESSAGE:
        return _too_big(size)
    return path.read_bytes()


def _too_big(size: int) -> str:
    return f"{size:,} bytes, more than the {MAX_MESSAGE:,} a proposal can take; read it by hand" \
        if size > MAX_MESSAGE else ""


# A header far longer than any mail program writes (a long thread's References is some kilobytes) costs
# the email package's parser time that grows with its square: a 600 KB Content-Type took a minute
LONGEST_HEADER = 32_000  # characters, in one header
LONGEST_HEADERS = 128_000  # characters, in the headers of one message or part


def _parsed(raw: bytes) -> email.message.EmailMessage:
    try:
        _refuse_long_headers(email.message_from_bytes(raw, policy=policy.compat32))  # headers kept as text: quick
        return email.message_from_bytes(raw, policy=policy.default)
    except (RecursionError, ValueError, TypeError, LookupError) as problem:
        raise Refused(f"it cannot be read as an e-mail ({type(problem).__name__})") from None


def _refuse_long_headers(message) -> None:
    """Refused, before the headers are parsed, when one of its parts has headers no mail program writes.
    Every part is measured (a plain parse is quick), not only the first few: a long header behind 500
    small parts held the import for minutes."""
    for part in message.walk():
        lengths = [(len(str(value)), str(name)) for name, value in part.items()]
        # a sender's header of thousands of addresses is never parsed (see _addresses), only searched
        longest = max(((length, name) for length, name in lengths if name.lower() not in PRIVATE_HEADERS),
                      default=(0, ""))
        if longest[0] > LONGEST_HEADER or sum(length for length, _ in lengths) > LONGEST_HEADERS:
            longest = max(lengths)
            raise Refused(f"its headers are far longer than a mail program writes ({longest[0]:,} characters in "
                          f"`{_safe_name(longest[1])}`); read it by hand")


def letter_text(message) -> tuple[str, list[str]]:
    """The letter as text, from its plain parts, else its HTML one; and notes on what was left out."""
    plains, html, skipped = _text_parts(message)
    notes = [f"left out: {', '.join(skipped[:5])}{' …' if len(skipped) > 5 else ''}"] if skipped else []
    if not plains and html is None:
        raise Refused("it has no text, only " + (", ".join(skipped[:5]) or "nothing"))
    text = "\n".join(_unflowed(_decoded(part), part) for part in plains)
    if html is not None and (not plains or LETTER_BEGIN_WORDS not in text.lower()):
        from_html = html_text(_decoded(html))
        if not plains or LETTER_BEGIN_WORDS in from_html.lower():
            return from_html, notes
    return text, notes


def _text_parts(message):
    """The plain parts that are not attachments (a photo put in the middle of a letter splits its text
    in two), the first HTML one, and what else the message carries. A forwarded message
    (message/rfc822) is not entered: its text is read only when the message's own holds no proposal
    (see _holding_proposals)."""
    plains, html = [], None
    skipped, stack, seen = [], [message], 0
    while stack:
        part = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            skipped.append(f"parts beyond the first {MAX_PARTS}")
            break
        kind = part.get_content_type()
        if part.is_multipart() and kind.startswith("multipart/"):
            stack += reversed(part.get_payload())
            continue
        if part.get_content_disposition() == "attachment" or kind not in TEXT_TYPES:
            skipped.append(f"attachment {_safe_name(part.get_filename() or kind)}")
        elif kind == "text/plain":
            plains.append(part)
        elif kind == "text/html" and html is None:
            html = part
    return plains, html, skipped


def _decoded(part) -> str:
    """A text part's bytes (quoted-printable and base64 undone) in its character set."""
    payload = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "us-ascii").strip()
    try:
        codec = codecs.lookup(charset).name
        if codec == "iso2022_jp":
            try:
                return payload.decode(codec)
            except UnicodeDecodeError:  # Windows' letters (`①`), which the standard's codec refuses
                return _windows_iso2022_jp(payload)
        if codec in LATIN_LABELS and not payload.isascii():
            # the page's letter is UTF-8, and a mail program may label it Latin-1 all the same: bytes that
            # are valid UTF-8 beyond ASCII are almost never Latin-1 text (`QuÃ© tal`), so read as what they are
            with contextlib.suppress(UnicodeDecodeError):
                return payload.decode("utf-8")
        if codec in READ_AS and codec not in LATIN_LABELS:
            # the label's own first (a short GB2312 `一些` is valid UTF-8 too), then UTF-8 mislabelled (GB18030,
            # wider, takes almost any bytes), then the wider set mail programs mean by the label
            for reading in (codec, "utf-8"):
                with contextlib.suppress(UnicodeDecodeError):
                    return payload.decode(reading)
        for wider in READ_AS.get(codec, ()):
            with contextlib.suppress(UnicodeDecodeError):
                return payload.decode(wider)
        return payload.decode(charset)
    except UnicodeError:  # a decoding error, or a codec such as punycode that raises its parent
        problem = f"its text is not valid {_safe_name(charset)}"
    except (LookupError, ValueError):  # ValueError: a name holding a NUL, which no lookup takes
        problem = f"its text is in a character set this computer does not know (`{_safe_name(charset)}`)"
    if b"\x1b" in payload:  # an ISO-2022 letter's escapes, which read as UTF-8 would be published as they are
        raise Refused(problem)
    try:
        return payload.decode("utf-8")  # what the page's letter is; many programs mislabel it
    except UnicodeDecodeError:
        raise Refused(problem) from None


# ISO-2022-JP's escapes: to ASCII or JIS-Roman, to JIS X 0208 (two bytes a letter), to half-width katakana
JIS_ESCAPE = re.compile(rb"\x1b(\(B|\(J|\$@|\$B|\(I)")


def _windows_iso2022_jp(payload: bytes) -> str:
    """ISO-2022-JP as Windows and Japanese mail programs write it (CP50220), with NEC's and IBM's letters
    (`①`, `㈱`) that the standard's codec refuses: each JIS letter made its Shift_JIS bytes, read as Windows'
    Shift_JIS (CP932). Raises UnicodeDecodeError where it is not so either."""
    out, mode, at = bytearray(), b"(B", 0
    for escape in [*JIS_ESCAPE.finditer(payload), None]:
        chunk = payload[at:escape.start() if escape else len(payload)]
        if mode in (b"$@", b"$B"):
            if len(chunk) % 2 or any(not 0x21 <= byte <= 0x7E for byte in chunk):  # no JIS letter
                raise UnicodeDecodeError("iso2022_jp", payload, at, at + len(chunk), "not a JIS letter")
            for first, second in zip(chunk[::2], chunk[1::2]):
                lead = (first + 1) // 2 + (0x70 if first <= 0x5E else 0xB0)
                trail = second + (0x1F + (second >= 0x60) if first % 2 else 0x7E)
                out += bytes((lead, trail))
        elif b"\x1b" in chunk:  # an escape to a set Windows does not write (JIS X 0212's): not read as text
            raise UnicodeDecodeError("iso2022_jp", payload, at, at + len(chunk), "an unknown escape")
        else:
            out += bytes(byte + 0x80 for byte in chunk) if mode == b"(I" else chunk
        if escape:
            mode, at = escape.group(1), escape.end()
    return bytes(out).decode("cp932")


def _unflowed(text: str, part) -> str:
    """format=flowed (RFC 3676) undone: soft line breaks joined, space-stuffing removed."""
    if str(part.get_param("format", "")).lower() != "flowed":
        return text
    delsp = str(part.get_param("delsp", "")).lower() == "yes"
    lines, joined, depth_of_joined = text.replace("\r\n", "\n").split("\n"), [], None
    for line in lines:
        depth = len(line) - len(line.lstrip(">"))
        line = line[depth:]
        if line.startswith(" "):
            line = line[1:]
        soft = line.endswith(" ") and line != "-- "
        piece = line[:-1] if soft and delsp else line
        if joined and depth_of_joined == depth and joined[-1][1]:
            joined[-1] = (joined[-1][0] + piece, soft)
        else:
            joined.append(((">" * depth + " " if depth else "") + piece, soft))
        depth_of_joined = depth
    return "\n".join(line for line, _ in joined)


STRESS_LEAD = re.compile(r"(?:> )*\s*")  # before bold or italic words: the reader's quote signs and spaces


class _HtmlText(HTMLParser):
    """The text of an HTML mail, one line per line the reader typed, a blank line between paragraphs, the
    reader's own quotes as Markdown's; a message quoted in reply (a mail program's cite) left out."""

    BREAKS = {"br"}
    BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "section",
              "blockquote"}
    PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "blockquote"}
    SKIPPED = {"script", "style", "head", "title", "template"}
    STRESS = {"b": "**", "strong": "**", "i": "*", "em": "*"}  # what the reader made bold or italic, as Markdown
    DEEPEST = 8  # links, or bold and italics, one inside the other

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []
        self.skipped = Counter()  # the tags in `skipping`: a letter of many unclosed tags must not cost their square
        self.pre = 0
        self.quotes = 0  # the reader's own quotes open here
        self.links: list[tuple[int, str]] = []  # open links: where their words start in `out`, their address
        self.stressed: list[tuple[int, str]] = []  # open bold or italic: where their words start, the tag
        self.last_stress: tuple[int, str, str] | None = None  # the last one written: its place, its piece, its mark

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        classes = found.get("class") or ""
        cited = tag == "blockquote" and (found.get("type") or "").lower() == "cite"  # a reply's quoted message
        if self.skipping or tag in self.SKIPPED or cited or "gmail_quote" in classes or "moz-cite-prefix" in classes:
            if tag not in ("br", "img", "hr", "meta", "link", "input"):
                self.skipping.append(tag)
                self.skipped[tag] += 1
            return
        # each closing tag joins what its element holds: elements nested past a few deep are read as their
        # words alone, so that a letter of thousands of nested tags does not cost their square
        if tag == "a" and len(self.links) < self.DEEPEST:  # its address is words the reader wrote too: a link
            self.links.append((len(self.out), found.get("href") or ""))
        elif tag in self.STRESS and len(self.stressed) < self.DEEPEST:
            self.stressed.append((len(self.out), tag))
        elif tag in self.BREAKS:
            self.out.append("\n")
        elif tag in self.BLOCKS:
            self._line_start(tag in self.PARAGRAPHS)
            self.pre += tag == "pre"
            self.quotes += tag == "blockquote"

    def handle_endtag(self, tag):
        if self.skipping:
            if self.skipped[tag]:  # an element left open inside a quote must not hide the rest
                cut = len(self.skipping) - 1
                while self.skipping[cut] != tag:  # from the end, no copy: what is cut is what is walked
                    cut -= 1
                self.skipped.subtract(self.skipping[cut:])
                del self.skipping[cut:]
            return
        if tag == "a" and self.links:
            self._linked(*self.links.pop())
        elif tag in self.STRESS and self.stressed and self.stressed[-1][1] == tag:
            self._stressed(*self.stressed.pop())
        if tag in self.BLOCKS:
            self._line_start(tag in self.PARAGRAPHS)
            self.pre -= tag == "pre" and self.pre > 0
            self.quotes -= tag == "blockquote" and self.quotes > 0

    def handle_data(self, data):
        if self.skipping:
            return
        at_line_start = not self.out or self.out[-1].endswith("\n")
        if not self.pre:  # HTML's own white space; a typed indent arrives as no-break spaces
            data = re.sub(r"[ \t\r\n]+", " ", data)
            if at_line_start:
                data = data.lstrip(" ")
        if data:  # Markdown as the reader typed it (the form asks for Markdown): `<b>` and `&lt;` mean what they do there
            self.out.append(("> " * self.quotes if at_line_start else "") + data.replace("\xa0", " "))

    def _linked(self, start: int, href: str) -> None:
        """The words since `start` as a link to `href`, when it is a web address on one line the words do
        not already say; the words alone otherwise (a `mailto:` is the sender's address, kept out)."""
        words = "".join(self.out[start:])
        href = href.strip()
        if not re.fullmatch(r"https?://[^\s<>\"]+", href) or "\n" in words or not words.strip() \
                or href.rstrip("/") in words:
            return
        target = href.replace("(", "%28").replace(")", "%29")
        shown = re.sub(r"([\[\]])", r"\\\1", words)
        self.out[start:] = [f"[{shown}]({target})"]

    def _stressed(self, start: int, tag: str) -> None:
        """The words since `start` in Markdown's bold or italic, when they are on one line, hold no `*` of
        their own, end in no backslash and are not preformatted; the quote signs and spaces around them stay
        outside, and one run a mail program cut in two (`<i>a</i><i>b</i>`) is one again."""
        words = "".join(self.out[start:])
        lead = STRESS_LEAD.match(words).end()
        core = words[lead:].rstrip()
        if self.pre or not core or "\n" in words or "*" in words or core.endswith("\\"):
            return
        mark, trail = self.STRESS[tag], words[lead + len(core):]
        last = self.last_stress
        if last and last[0] == start - 1 and self.out[start - 1] is last[1] and last[2] == mark and not lead:
            self.out[start - 1] = last[1][:-len(mark)]  # `*a**b*` would read as one run holding `**`
            piece = f"{core}{mark}{trail}"
        elif not lead and start and self.out[start - 1].endswith("*"):
            return  # `*a***b**`: no reading of its stars says which words were which
        else:
            piece = f"{words[:lead]}{mark}{core}{mark}{trail}"
        self.out[start:] = [piece]
        self.last_stress = (start, piece, mark) if not trail else None

    def _line_start(self, paragraph: bool = False):
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")
        if paragraph and self.out and not "".join(self.out[-2:]).endswith("\n\n"):
            self.out.append("\n")  # a blank line: Markdown's paragraph break


def html_text(html: str) -> str:
    """An HTML-only mail as the plain text its reader typed."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return "\n".join(line.rstrip(" ") for line in "".join(parser.out).split("\n"))


# only from the start of a word: a match never starts inside one anyway (findall's leftmost would start
# earlier), and trying every position of a 200 KB run of letters without an @ took minutes
ADDRESS_LIKE = re.compile(r"(?<![^\s<>\"'(),;:\[\]@])[^\s<>\"'(),;:\[\]@]+@[^\s<>\"'(),;:\[\]@]+")


LONG_HEADER = 2000  # characters: a person's From, Reply-To or Sender is far shorter


def _addresses(message) -> tuple[str, ...]:
    """The sender's addresses, to keep out of what is written: as the headers parse and, since a header
    the email package cannot parse (an encoded line break in a name) would hide them, as they stand."""
    found = []
    longest: dict[str, int] = {}
    for name, value in message.raw_items():
        longest[name.lower()] = max(longest.get(name.lower(), 0), len(str(value)))
    for name in PRIVATE_HEADERS:
        if longest.get(name, 0) > LONG_HEADER:  # thousands of addresses: the parser takes minutes, the
            continue                              # plain search below finds them all the same
        try:  # a header of thousands of nested comments recurses in the email package's parser
            values = [str(value) for value in message.get_all(name, [])]
            found += [address for _, address in getaddresses(values) if "@" in address]
        except (ValueError, TypeError, IndexError, RecursionError):
            pass
    for name, value in message.raw_items():
        if name.lower() in PRIVATE_HEADERS:
            found += ADDRESS_LIKE.findall(str(value)) + ADDRESS_LIKE.findall(_decoded_header(str(value)))
    return tuple(sorted(set(found), key=len, reverse=True))


def _decoded_header(raw: str) -> str:
    """A header's encoded words decoded, or "" when they cannot be."""
    try:
        return str(make_header(decode_header(raw)))
    except (ValueError, TypeError, LookupError, UnicodeError, IndexError):
        return ""


def _message_key(message, raw: bytes) -> str:
    """A short fingerprint of the Message-ID (else of the bytes): the same message is imported once,
    and the id itself, which can name the sender's machine, is not written."""
    try:
        identity = str(message.get("message-id", "") or "").strip()
    except (ValueError, TypeError, IndexError, RecursionError):
        identity = ""
    return hashlib.sha256(identity.encode("utf-8", "replace") if identity else raw).hexdigest()[:16]


def _letter_date(message, text: str) -> str:
    """When the letter was sent: its message's Date, or, for a letter forwarded in the text (Gmail's,
    Thunderbird's, Apple Mail's forward), the innermost forwarded letter's own, when its header block
    says it with its zone; else "", so that the letter's date as its page wrote it is taken (the
    forward's is not the letter's)."""
    lines = [line.strip().lstrip("> ").strip() for line in text.split("\n")]  # Apple Mail quotes what it forwards
    begin = next((i for i, line in enumerate(lines) if BEGIN.fullmatch(line)), len(lines))
    forward = next((i for i in range(begin - 1, -1, -1) if forward_line(lines[i])), None)
    if forward is None:
        return _sent(message)
    said = next((found.group(1) for line in lines[forward + 1:min(begin, forward + 12)]
                 if (found := FORWARDED_DATE.fullmatch(line))), "")
    return _utc(said)


def _sent(message) -> str:
    """When the message says it was sent, in UTC and saying so, as the page's form writes dates; "" if it
    does not say."""
    return _utc(next((str(value) for name, value in message.raw_items() if name.lower() == "date"), ""))  # as sent


# RFC 5322's zone for a time in UTC from a sender whose own zone is unknown (Python's `formatdate()`
# writes it): Python reads it as no zone at all, and the letter's date was dropped for the reader's own
UNKNOWN_ZONE = re.compile(r"\s-0000(?:\s*\([^()]*\))?\s*\Z")


def _utc(said: str) -> str:
    """A mail date (RFC 5322's form) in UTC, as the page's form writes dates; "" for one without its zone."""
    try:
        when = parsedate_to_datetime(said)
        if when.tzinfo is None and UNKNOWN_ZONE.search(said):
            when = when.replace(tzinfo=timezone.utc)
        if when.tzinfo is None or str(when.year) not in said:  # a year of 1 or 99 is read as 2001, 1999
            return ""
        return utc_text(when)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: 9999-12-31 west of UTC
        return ""


def _safe_name(text: str) -> str:
    printable = "".join(c if c.isprintable() else "?" for c in str(text))
    return printable[:60] + ("…" if len(printable) > 60 else "")
