"""A proposal carried by a letter (an e-mail, an issue) -> a comment file in its post (`status: pending` for
an e-mail, which no pull request reviews).

The letter is the reader's text, then the comment file between two marker lines (see
site/proposals.py). Everything in it is untrusted: the file is read as data, its values checked as
`check` checks them, and a new file is composed from them; only a file under
`content/posts/<slug>/comments/` is ever written, and never over another.
"""

from __future__ import annotations

import itertools
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..errors import counted, hides, one_line
from ..model import SiteConfig
from ..reading.config import load_config
from ..reading.find import SETTINGS, is_key, is_scratch
from ..reading.markup import clean_text, comment_refusal, comment_too_long
from ..reading.names import MAX_KEY, passage_of
from ..reading.read import FRONT_MATTER, parse_text
from ..reading.dates import parse_date
from ..site.proposals import (CONTENT_FOLDER, LETTER_BEGIN, LETTER_END, LONGEST_NAME, PLACEHOLDER, comment_file,
                              complete_website)
from .clock import before_tomorrow, in_zone
from .private import ADDRESS_IN_NOTE, REDACTED, name_written, redacted
from .problems import ANONYMOUS, author_name, shown

BEGIN = re.compile(r"-{4,} *tertulia comment file\b.*", re.IGNORECASE)
END = re.compile(r"-{4,} *end of the comment file *-*", re.IGNORECASE)
QUOTED = re.compile(r"(?:> ?)+")
ONE_QUOTE = re.compile(r"\A\s*> ?")  # one level of quoting, which the reader's own `> ` quotes stand under
IMPORTS_NAME = re.compile(r"[0-9]+(?:-[0-9]+)*|disqus-.*")  # a WordPress comment's id, a Disqus one's
PROPOSED_PATH = re.compile(rf"{CONTENT_FOLDER}/posts/([^/]+)/comments/([^/.]+)\.([^/.]+)\.md")
# A mail program's line over a message it quotes ("On Sun, 29 Nov 2026 at 21:05, Ana <ana@x.org> wrote:",
# "El dl., 4 de març 2024 a les 18:22, Jordi <j@x.org> va escriure:"): dated with a day and its time of day
# (see DATED), its verb then the colon, or in German's, Dutch's, the Nordic languages' and Arabic's the
# sender after it ("Am 4.3.2024 um 18:22 schrieb Jordi <j@x.org>:"; "في 29/11/2026 10:00، كتب Ana <a@x.org>:").
# A reader's own "Carla wrote:", "On paragraph 2 you wrote:" or "On 3 May 1968, a student in Paris wrote
# on a wall:" over a quote stays.
ATTRIBUTION = re.compile(r"(?:on|el|am|le|il|em|în|pe|op|den|dne|w dniu|في|ב)\b.*[0-9]:[0-9]{2}.*"
                         r"(?:(?:wrote|escribió|écrit|a scris|scrisse|ha scritto|escreveu|va escriure|ha escrit|"
                         r"napisał|pisze|כתב/ה|כתבה|כתב)\s*|(?:schrieb|schreef|skrev|كتبت?)\b[^:]{0,160}):"
                         # no word before it, and its colon right after Russian's or Ukrainian's verb
                         # ("30.11.2026 06:15, Ana пишет:") or after the address, in Gmail's line in the languages
                         # where it has no verb ("2026年11月30日(月) 6:15 Ana <a@x.org>:"); a reader's "В 1869 году
                         # Толстой написал:" over a quote has a year but no time, and stays
                         r"|.*[0-9]:[0-9]{2}.*(?:\b(?:пишет|пише|написал\(а\)|написала|написал|написав\(ла\)|написав)"
                         r"|<[^<>@\s]+@[^<>\s]+>|のメール)\s*[:：]"
                         # the sender first, then the verb and the day (Gmail on a phone, in German or Portuguese:
                         # "Ana <a@x.org> schrieb am So., 29. Nov. 2026, 21:05:")
                         r"|.*<[^<>@\s]+@[^<>\s]+>,? (?:schrieb am|wrote on|escribió el|a écrit le|escreveu no dia|"
                         r"escreveu em|ha scritto il|a scris pe)\b.*[0-9]:[0-9]{2}\s*:", re.IGNORECASE)
# The day an attribution names: a year (`2026`, `2026年`) or a date in figures (`3/4/24`, Thunderbird's);
# "On Monday at 10:00, the minister wrote:" is a reader's
DATED = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])|(?<![0-9])[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2}")
# An attribution names a date and a person on one line: a longer line is the reader's own text, and
# never tried, since the pattern's two open spans cost the cube of a line's length (a 1 MB line: hours).
LONGEST_ATTRIBUTION = 400
# Outlook's and Gmail's separators over a message copied in without `>` marks: above a reply's is the
# reader's new text; below a forward's, the letter forwarded (whose text the proposal is).
SEPARATOR = re.compile(r"-{2,} ?(?:original message|mail original|mensaje original|missatge original|message d'origine|"
                       r"ursprüngliche nachricht|messaggio originale|mensagem original|mesaj original|الرسالة الأصلية|"
                       r"הודעה מקורית|oorspronkelijk bericht|ursprungligt meddelande|исходное сообщение|"
                       r"оригінальне повідомлення|wiadomość oryginalna|původní zpráva|orijinal ileti|αρχικό μήνυμα|"
                       r"原始邮件|原始郵件|元のメッセージ|원본 메시지|message original) ?-{2,}",
                       re.IGNORECASE)
FORWARD = re.compile(r"-{2,} ?(?:forwarded message|mensaje reenviado|missatge reenviat|message transféré|"
                     r"weitergeleitete nachricht|messaggio inoltrato|mensagem encaminhada|mesaj redirecționat|doorgestuurd bericht|"
                     r"vidarebefordrat meddelande) ?-{2,}",
                     re.IGNORECASE)
# Apple Mail's line over a forwarded message, in its languages (no dashes; French's space before the colon)
APPLE_FORWARD = re.compile(r"(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht|"
                           r"inicio del mensaje reenviado|inici del missatge reenviat|inizio messaggio inoltrato|"
                           r"início da mensagem (?:reencaminhada|encaminhada)|begin doorgestuurd bericht) ?:", re.IGNORECASE)
# Outlook draws a forward as it draws a reply (a rule, then From, Sent, To, Subject); only the subject's
# "FW:" (French "TR :", German "WG:", Spanish "RV:", Italian "I:", Swedish "VB:") tells that the letter below is the one sent on
FORWARD_PREFIX = r"(?:fwd?|rv|tr|wg|i|enc|doorst|vb|pd|إعادة توجيه|הועבר) ?:"
FORWARD_SUBJECT = re.compile(r"\*?(?:subject|asunto|assumpte|objet|betreff|oggetto|assunto|subiect|onderwerp|ämne|temat|"
                             r"الموضوع|נושא)\*? ?: ?" + FORWARD_PREFIX + ".*", re.IGNORECASE)
# The message's own subject, which in Outlook's forward holds the "FW:" (the block's keeps the original's)
FORWARDED_MESSAGE = re.compile(r"\s*(?:re ?: ?)*" + FORWARD_PREFIX + ".*", re.IGNORECASE | re.DOTALL)
# Outlook's header block over the message a reply copies in ("From: …" then "Sent: …"), in its languages
# (French puts a space before the colon: `De : …`, `Envoyé : …`; Romanian's "from" is `De la:`; Chinese and
# Japanese may write a full-width colon), in bold as an HTML letter's reads (`**From:** …`, `*From:*`)
HEADER_COLON = r"\**(?: ?:\**\s|：\**\s?)"
HEADER_FROM = re.compile(r"\**(?:from|de|de la|von|da|van|od|från|من|מאת|от|від|kimden|από|fra|lähettäjä|"
                         r"发件人|寄件者|差出人|보낸 사람|از|feladó|từ|dari|од)" + HEADER_COLON + ".*", re.IGNORECASE)
HEADER_SENT = re.compile(r"\**(?:sent|date|enviat|enviado|envoyé|gesendet|inviato|data|fecha|datum|trimis|verzonden|"
                         r"skickat|تاريخ الإرسال|تم الإرسال|נשלח|отправлено|дата|надіслано|wysłano|odesláno|gönderildi|"
                         r"tarih|στάλθηκε|ημερομηνία|lähetetty|sendt|发送时间|日期|寄件日期|傳送時間|送信日時|보낸 날짜|"
                         r"enviado el|enviada em|enviado em|enviat el|ارسال شده|изпратено|poslano|odoslané|elküldve|"
                         r"đã gửi|dikirim|послато)"
                         + HEADER_COLON + ".*", re.IGNORECASE)
RULE = re.compile(r"_{8,}")  # Outlook's line over the message a reply copies in
HEADER_LINE = re.compile(r"[\w*][\w *.-]{0,30}: .*")  # a header of a forwarded message: `Subject: …`
# A mail program's line under the text, in the shapes mail apps write it: "Sent from my iPhone", "Sent from
# my Verizon, Samsung Galaxy smartphone", "Get Outlook for iOS<https://aka.ms/…>", "Envoyé de mon iPhone",
# "Von meinem iPhone gesendet", "iPhoneから送信". After its opening words it names a device, a carrier or a mail
# app, or a brand in capitals (`my LG G6`), in a few words: "Sent from the heart of Bucharest, where agencies
# are many.", "Sent from my heart." or "Enviado desde Madrid, con cariño." closes a reader's own text
SENT_FROM_LEAD = re.compile(
    r"(?:sent (?:from|with|via)|get outlook for|enviado (?:desde|do|de)|enviat (?:des de|amb)|"
    r"envoyé (?:de|depuis|avec|à partir de)|obtenir outlook pour|gesendet (?:von|mit)|inviato (?:da|dal|dalla|con)|"
    r"trimis (?:de pe|cu)|verzonden (?:met|vanaf)|verstuurd (?:met|vanaf)|skickat (?:från|med)|hämta outlook för|"
    r"wysłane z|отправлено с|надіслано з|ուղարկված է(?: իմ)?|გაგზავნილია(?: ჩემი)?|"
    r"أُ?رسلت من|مرسل من) (.*)", re.IGNORECASE)
SENT_LAST = re.compile(r"(?:von|vom) (?:meinem|meiner) (.*) gesendet\.?|(.*)から送信", re.IGNORECASE)  # the verb last
SENT_FROM_DEVICE = re.compile(
    r"\b(?:i?phone|ipad|outlook|mail|e-mail|email|correo|courrier|posta|yahoo|aol|gmail|proton|protonmail|samsung|"
    r"galaxy|pixel|xperia|nokia|motorola|oneplus|huawei|xiaomi|android|blackberry|kindle|spark|bluemail|edison|"
    r"thunderbird|fastmail|tuta|tutanota|gmx|zoho|mailbird|airmail|ios|windows|smartphone|tablet|device|mobile|"
    r"móvil|movil|celular|cellulare|handy|telefon|telefone|portable|app|aplicación|application|verizon|t-mobile|"
    r"at&t|sprint|vodafone|lte|4g|5g|lg|htc|sony|xfinity|comcast|apple watch)\b",
    re.IGNORECASE)
# `LG`, `HTC`, `G6`, `5G`: a maker's or model's name; a year alone ("Sent from Kiruna, July 2024") is none
BRAND = re.compile(r"(?:[A-Z]{2,}|[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*)")
LINKED_AFTER = re.compile(r"\s*<https?://[^<>\s]*>$")  # Outlook's line as plain text: its link after it
MOST_SENT_WORDS = 10


class Refused(Exception):
    """A letter whose proposal cannot be used, with the one line that says why."""

    def __str__(self) -> str:  # it may quote what the letter says: one line, whatever that holds
        return one_line(super().__str__())


# What the site's issue template holds where a page writes the comment file: a reader who opens the form
# from the repository, not from an essay, sends it unchanged
TEMPLATE_HINT = ('(The essay\'s page writes the comment file here: open this form from its "Join the discussion" '
                 'or "Reply" link.)')


@dataclass(frozen=True)
class Proposal:
    """What a letter proposes: the comment file's path and front matter, and the text to publish."""

    path: str
    meta: dict
    body: str
    others: int = 0  # further comment files in the letter, which are not read (each is named as such)
    after: str = ""  # the reader's words after the comment file (a P.S.), which are not read: named
    unread: str = ""  # the file's own text when the words above are another text: kept in the file, unpublished
    left_out: tuple[str, ...] = ()  # the lines under the reader's text taken for their mail program's: named
    copied_from: str = ""  # who wrote the letter a reply copies in over the file (its `From:`), see _copied_from
    joined: int = 0  # the comment file's lines a mail program wrapped, joined again: named


@dataclass(frozen=True)
class Written:
    """The outcome for one proposal: its file (relative to content/), and whether it was new."""

    relative: str
    new: bool
    note: str = ""


def read_letter(text: str, mail: bool = True, placeholders: frozenset[str] = frozenset(), subject: str = "") -> Proposal:
    """The proposal in a letter (an e-mail, with its `subject`, else an issue, which no mail program
    wrote): the reader's text above the markers or the file's own body, see _chosen. Raises Refused."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, as a JSON escape or a UTF-7 letter can carry
        raise Refused("it holds a character that is not text (a lone surrogate)") from None
    lines = _forward_unquoted(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = _without_template_file(lines, placeholders)
    begin = next((i for i, line in enumerate(lines) if BEGIN.fullmatch(line.strip())), None)
    if begin is None:
        if any(BEGIN.fullmatch(QUOTED.sub("", line, count=1).strip()) for line in lines):
            raise Refused("it only quotes a proposal (a reply to an earlier message); it holds none of its own")
        raise Refused(f"no comment file in it (nothing between `{LETTER_BEGIN}` and `{LETTER_END}`)")
    # the last end line before any second file: a reader who writes the end line into the comment
    # carries it into the file's body too
    following = next((i for i in range(begin + 1, len(lines)) if BEGIN.fullmatch(lines[i].strip())), len(lines))
    end = next((i for i in range(following - 1, begin, -1) if END.fullmatch(lines[i].strip())), None)
    if end is None:
        raise Refused("its comment file is cut short: the line `-------- end of the comment file --------` is missing")
    begin, end = _quoting(lines, begin, end) or (begin, end)
    inside = _unfenced(lines[begin + 1:end], opens_with_path=True)
    if not inside:
        raise Refused("its comment file is empty")
    if inside[0].strip() == TEMPLATE_HINT:
        raise Refused("it holds the form's empty comment file: the essay's page fills it in. Open the form from the "
                      "essay's “Join the discussion” link (or a comment's “Reply”), and write your comment there")
    path, file_text = inside[0].strip(), "\n".join(inside[1:]).strip("\n") + "\n"
    parsed, error = parse_text(file_text.encode("utf-8"), path[:300])
    joined = 0
    if error is not None and mail and (mended := _unwrapped(inside)):  # taken only when it reads, else its error
        read_again = parse_text(mended[1].encode("utf-8"), mended[0][:300])
        if read_again[1] is None:
            (path, _, joined), (parsed, error) = mended, read_again
    if error is not None:
        raise Refused(f"its comment file cannot be read: {error.message}")
    # a fence without its partner on each side of the file wraps it (a reader's own unclosed block does not)
    wrapped = _loose_fence(lines[:begin]) and _loose_fence(lines[end + 1:])
    above = _unfenced(lines[:begin], unpaired=-1 if wrapped else 0)
    forward = bool(FORWARDED_MESSAGE.fullmatch(subject))
    written = _forwarded(above, forward) if mail else above
    kept = _letter_lines(written) if mail else written
    typed = "\n".join(kept).strip("\n")
    others = sum(1 for line in lines[end + 1:] if BEGIN.fullmatch(line.strip()))
    below = _unfenced(lines[end + 1:], unpaired=1 if wrapped else 0) if not others else []  # a second file is named as one (see others)
    after = (_letter_text(below) if mail else "\n".join(below)).strip() if below else ""
    filed = parsed.body.strip("\n")
    body = _chosen(typed, filed, placeholders)
    # the lines taken for the mail program's, said when the text they closed is the comment, not the file's
    left_out = tuple(line.strip() for line in written[len(kept):] if line.strip()) if body != filed else ()
    unread = filed if body != filed and _another_text(typed, filed, placeholders) else ""
    copied_from = _copied_from(above) if mail and written == above else ""
    return Proposal(path=path, meta=parsed.meta, body=body, others=others, after=after, left_out=left_out,
                    unread=unread, joined=joined, copied_from=copied_from)


def _without_template_file(lines: list[str], placeholders: frozenset[str]) -> list[str]:
    """The letter without the issue template's empty comment file (its markers, its hint and the placeholder
    line above it), where the reader pasted the page's letter beside or inside it, with the hint or without:
    that file came first and was refused as the form's, or as empty, the reader's own never read (a reader on
    a phone, whose comment was too long for the issue's link; a red team's other pastings)."""
    if sum(1 for line in lines if BEGIN.fullmatch(line.strip())) < 2:
        return lines
    hint = next((i for i, line in enumerate(lines) if line.strip() == TEMPLATE_HINT), None)
    kept = [line for i, line in enumerate(lines) if i != hint]
    starts = [i for i, line in enumerate(kept) if BEGIN.fullmatch(line.strip())]
    # the template's own start: followed by its end (emptied), or, where its hint was, by what was pasted in it
    # (a page's file may sit in a code fence inside its markers: its path is the first line past the fence)
    begin = next((i for i in starts if (after := _next_filled(kept, i)) is not None and (
        END.fullmatch(kept[after].strip()) or hint is not None and not PROPOSED_PATH.fullmatch(_past_fence(kept, after)))),
        None)
    if begin is None:
        return lines
    after = _next_filled(kept, begin)
    ends = [i for i, line in enumerate(kept) if END.fullmatch(line.strip())]
    # its end: right after it, or the last, one more than the starts left, where the letter was pasted inside it
    close = after if END.fullmatch(kept[after].strip()) else ends[-1] if len(ends) >= len(starts) else None
    if close is None:
        return lines
    dropped = {begin, close}
    above = next((i for i in range(begin - 1, -1, -1) if kept[i].strip()), None)
    if above is not None and (kept[above].strip() == PLACEHOLDER or kept[above].strip() in placeholders):
        dropped.add(above)
    return [line for i, line in enumerate(kept) if i not in dropped]


def _past_fence(lines: list[str], index: int) -> str:
    """Line `index`, or the first line holding anything after it where it opens a code fence."""
    if not FENCE_LINE.fullmatch(lines[index]):
        return lines[index].strip()
    after = _next_filled(lines, index)
    return lines[after].strip() if after is not None else ""


def _next_filled(lines: list[str], index: int) -> int | None:
    """The index of the first line after `index` that holds anything, or None."""
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


# a front matter's line that starts a value (`url: …`)
VALUE_LINE = re.compile(r"[A-Za-z_][\w-]*:(?:\s.*)?")
# a line a mail program cut: the next word would have taken it past this many characters (Outlook cuts at 76,
# some at 72 or 70); a short line the next follows was ended by its writer, not cut
NARROWEST_WRAP = 60
MOST_JOINED = 40  # a name or a website cut at every space of its 76 characters' lines: a handful


def _unwrapped(inside: list[str]) -> tuple[str, str, int] | None:
    """The comment file as written before a mail program wrapped its long lines (Outlook's plain text, at
    76 characters): a front-matter line that starts no value continues a value's line above it that was
    full, after the space the wrap took; a path cut into pieces is one again. (path, file text, lines
    joined), or None when nothing reads as cut so."""
    closing = next((i for i in range(min(len(inside), 4)) if inside[i].strip() == "---"), None)
    if not closing:
        return None
    path = "".join(line.strip() for line in inside[:closing])  # a path has no space to wrap at: cut inside
    if closing > 1 and (any(" " in line.strip() or not line.strip() for line in inside[:closing])
                        or not PROPOSED_PATH.fullmatch(path)):
        return None
    rest = inside[closing + 1:]
    end = next((i for i in range(len(rest)) if rest[i].strip() == "---"), None)
    if end is None:
        return None
    front: list[list[str]] = []  # each line as its pieces, joined once: a letter of many is read in one pass
    joined = closing - 1
    for line in rest[:end]:
        above = front[-1] if front else None
        if above and line.strip() and not line[:1].isspace() and not line.startswith("#") \
                and not VALUE_LINE.fullmatch(line.rstrip()) and _cut(above, line):
            above.append(line.strip())
            joined += 1
            if joined > MOST_JOINED:
                return None
        else:
            front.append([line])
    if not joined:
        return None
    lines = [" ".join(piece.rstrip() if at == 0 else piece for at, piece in enumerate(pieces)) for pieces in front]
    return path, "\n".join(["---", *lines, *rest[end:]]).strip("\n") + "\n", joined


def _cut(above: list[str], line: str) -> bool:
    """Whether `line` continues the value above it, which a mail program cut: a value's line (no comment at
    its end, which the wrap would have cut too) full enough that the next word did not fit."""
    if not VALUE_LINE.fullmatch(above[0].rstrip()) or " #" in above[0]:
        return False
    return len(above[-1].rstrip()) + 1 + len(line.split()[0]) > NARROWEST_WRAP


def _quoting(lines: list[str], begin: int, end: int) -> tuple[int, int] | None:
    """The comment file that ends the letter, where the first one (`begin` to `end`) is only words of the
    comment: a reader who writes the marker lines into their comment (quoting a letter, say) has them in
    the text above the page's file and in its body alike, and the first was taken, another essay's path and
    name with it. Found by pairing the markers from the letter's last end line back; None otherwise (two
    files, one after the other: the first is read, the second named)."""
    last = next((at for at in range(len(lines) - 1, end, -1) if END.fullmatch(lines[at].strip())), None)
    if last is None:
        return None
    depth = 0
    for at in range(last, end, -1):
        depth += 1 if END.fullmatch(lines[at].strip()) else -1 if BEGIN.fullmatch(lines[at].strip()) else 0
        if depth == 0:
            # whole lines, in one substring search: comparing a slice at each line took minutes on a letter of
            # many lines
            first = "\n" + "\n".join(line.strip() for line in lines[begin:end + 1]) + "\n"
            later = "\n" + "\n".join(line.strip() for line in lines[at + 1:last]) + "\n"
            return (at, last) if first in later else None
    return None


def forward_line(line: str) -> bool:
    """Whether a line is the one Gmail, Thunderbird or Apple Mail writes over a letter it forwards."""
    return bool(FORWARD.fullmatch(line.strip()) or APPLE_FORWARD.fullmatch(line.strip()))


def _forward_unquoted(lines: list[str]) -> list[str]:
    """The lines, with a forwarded letter's `>` marks taken off where a forward's line stands over it
    and its comment file is quoted: Apple Mail quotes what it forwards, as a reply quotes."""
    at = next((i for i, line in enumerate(lines) if forward_line(line)), None)
    if at is None or any(BEGIN.fullmatch(line.strip()) for line in lines):
        return lines
    return lines[:at + 1] + [ONE_QUOTE.sub("", line, count=1) for line in lines[at + 1:]]


# A line opening or closing a Markdown code block, as a reader who pastes the letter into an issue
# may wrap it (or the comment file alone) to keep it as it is
FENCE_LINE = re.compile(r"\s{0,3}(```+|~~~+)[\w+-]*\s*")


def _unfenced(lines: list[str], opens_with_path: bool = False, unpaired: int = 0) -> list[str]:
    """The lines without blank ones at either end, nor a fence line at either end that opens or
    closes nothing among them: a code block the reader wrote keeps both of its fences. The comment
    file opens with its path, never a fence: one there wraps the file. `unpaired`, -1 for the lines
    above the file (1 below it) when a fence there and one on the other side wrap the file: the one
    left with no partner goes, though a note of the reader's stands before it ("my comment is below")."""
    lines = _trimmed(lines)
    if opens_with_path and lines and FENCE_LINE.fullmatch(lines[0]):
        lines = _trimmed(lines[1:])
    fences = [at for at, line in enumerate(lines) if FENCE_LINE.fullmatch(line)]
    if len(fences) % 2:
        if fences[0] == 0:
            lines = lines[1:]
        elif fences[-1] == len(lines) - 1:
            lines = lines[:-1]
        elif unpaired:
            loose = fences[-1] if unpaired < 0 else fences[0]
            lines = lines[:loose] + lines[loose + 1:]
    return _trimmed(lines)


def _loose_fence(lines: list[str]) -> bool:
    """Whether `lines` hold a fence line with no partner among them."""
    return sum(1 for line in lines if FENCE_LINE.fullmatch(line)) % 2 == 1


def _trimmed(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(len(lines), start, -1) if lines[i - 1].strip()), start)
    return lines[start:end]


def _chosen(typed: str, file_body: str, placeholders: frozenset[str]) -> str:
    """The reader's text above the markers, which a reader may have corrected there; but the file's when
    that text is empty, the plain link's placeholder, or the start of the file's (a mail program's line,
    or a Markdown line read as one, cut it short); and the text above when the file's is the placeholder."""
    said, filed = " ".join(typed.split()), " ".join(file_body.split())
    if (not said or said in placeholders) and filed in placeholders:
        raise Refused("its comment is only the words the link put there for one; nothing was written in their place")
    if not said or said in placeholders or filed.startswith(said) and filed not in placeholders:
        return file_body
    return typed


# How alike the words above the markers and the file's are when the ones above are the file's text
# corrected: a typo mended or a sentence added keeps most words; a note over the comment keeps few
SAME_TEXT = 0.6
WORDS_PAIRED = 1_000_000  # words above times words in the file: a diff of two 1,000-word texts, a tenth of a second


def _another_text(typed: str, file_body: str, placeholders: frozenset[str]) -> bool:
    """Whether the words above the markers are another text than the file's (a note such as "my comment
    is below", or a comment begun afresh), not the reader's correction of it: which one the reader meant,
    only the maintainer can tell, so the file's is kept too."""
    said, filed = typed.split(), file_body.split()
    if not said or not filed or " ".join(filed) in placeholders:
        return False
    from difflib import SequenceMatcher  # here: only a letter whose two texts differ asks
    matcher = SequenceMatcher(None, said, filed, autojunk=False)
    if len(said) * len(filed) > WORDS_PAIRED:  # their words in common, in any order: a diff of two long texts
        return matcher.quick_ratio() < SAME_TEXT  # takes time as their product grows (a 64 KB issue took 36 s)
    return matcher.ratio() < SAME_TEXT


def _letter_text(lines: list[str], forward: bool = False) -> str:
    """The reader's own text: without a signature, a mail program's lines, or a message quoted under it;
    in a forward (`forward`: the message's subject says so), the text of the letter forwarded."""
    return "\n".join(_letter_lines(_forwarded(lines, forward)))


def _letter_lines(kept: list[str]) -> list[str]:
    """The first of the lines, up to the signature, a mail program's lines or a message quoted under
    them (see _letter_text), the blank ones at the end left out."""
    for index, line in enumerate(kept):
        # the signature separator; `--` alone under a line of words underlines a heading instead
        if line == "-- " or line == "--" and (index == 0 or not kept[index - 1].strip()):
            kept = kept[:index]
            break
    kept = _without_closing_lines(kept)
    # whether every written line after each one is quoted, found from the end in one pass: a letter
    # of many lines must not cost their square
    quoted_after, all_quoted = [False] * len(kept), True
    for index in range(len(kept) - 1, -1, -1):
        quoted_after[index] = all_quoted
        all_quoted = all_quoted and (not kept[index].strip() or kept[index].lstrip().startswith(">"))
    for index, line in enumerate(kept):
        quoting = quoted_after[index] and _attribution(line.strip())
        if quoting or SEPARATOR.fullmatch(line.strip()) or _outlook_headers(kept, index):
            kept = kept[:index]
            break
    return _without_closing_lines(kept)


def _attribution(line: str) -> bool:
    """Whether a line is a mail program's over the letter it quotes, see ATTRIBUTION."""
    line = line.strip("\u200e\u200f\u061c")  # a direction mark some programs end it with, unseen
    return len(line) <= LONGEST_ATTRIBUTION and bool(DATED.search(line)) and bool(ATTRIBUTION.fullmatch(line))


def _without_closing_lines(lines: list[str]) -> list[str]:
    """The lines without the mail program's under the text: blank ones, "Sent from my iPhone", Outlook's
    rule of underscores over a message it copies in. Asked before a quoted message is cut, and after."""
    while lines and (not (last := lines[-1].strip()) or _sent_from(last) or RULE.fullmatch(last)):
        lines = lines[:-1]
    return lines


def _sent_from(line: str) -> bool:
    """Whether a line is a mail app's own under the text (see SENT_FROM_LEAD), not a reader's sentence."""
    line = LINKED_AFTER.sub("", line)
    found = SENT_FROM_LEAD.fullmatch(line) or SENT_LAST.fullmatch(line)
    if not found:
        return False
    rest = next(group for group in found.groups() if group is not None).rstrip(".")
    words = rest.split()
    if not words or len(words) > MOST_SENT_WORDS:
        return False
    return bool(SENT_FROM_DEVICE.search(rest)) or any(BRAND.fullmatch(word.strip(",")) for word in words)


def _forwarded(lines: list[str], forward: bool = False) -> list[str]:
    """The lines of the letter a forward carries, its headers left out; the lines as they are otherwise.
    The forwarder's own note above is theirs, not the proposal's writer's; in a forward of a forward, the
    innermost letter is the proposal's (the first marker's, taken, left the second and its headers)."""
    at = next((i for i in range(len(lines) - 1, -1, -1) if forward_line(lines[i])), None)
    if at is None:
        at = _outlook_forward(lines, forward)
    if at is None:
        return list(lines)
    rest = lines[at + 1:]
    while rest and (not rest[0].strip() or HEADER_LINE.fullmatch(rest[0].strip())):
        rest = rest[1:]
    return rest


def _outlook_forward(lines: list[str], forward: bool = False) -> int | None:
    """The line above Outlook's header block of a forward (the message's subject says "FW:", as
    Outlook writes it, or the block's does), or None."""
    for index in range(len(lines)):
        if _outlook_headers(lines, index):
            block = itertools.takewhile(str.strip, lines[index:index + 8])
            if forward or any(FORWARD_SUBJECT.fullmatch(line.strip()) for line in block):
                return index - 1
    return None


def _copied_from(lines: list[str]) -> str:
    """Who wrote the letter a reply copies in unquoted above the comment file, the nearest to it: as its header
    block names them (`From: Ana <ana@x.org>`, under Outlook's or Thunderbird's separator), or the mail program's
    line over it (`On …, Ana <ana@x.org> wrote:`, where it gives an address); or ""."""
    quoted_below = False  # a line over `>`-quoted lines is over a quote the file stands after, not in (Gmail's)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if HEADER_FROM.fullmatch(line) and (_under_separator(lines, index) or _outlook_headers(lines, index)):
            return re.split("[:：]", line, maxsplit=1)[1].strip(" *")
        if not quoted_below and _attribution(line) and SENDER_ADDRESS.search(line):
            return line
        quoted_below = quoted_below or line.startswith(">")
    return ""


SENDER_ADDRESS = re.compile(r"<[^<>@\s]+@[^<>\s]+>")  # `<ana@x.org>` in a mail program's line over a letter


def _under_separator(lines: list[str], index: int) -> bool:
    """Whether the line stands in the header block right under a separator (Thunderbird's puts `Subject:` and
    `Date:` before `From:`)."""
    for above in range(index - 1, max(index - 8, -1), -1):
        if not lines[above].strip():
            return False
        if SEPARATOR.fullmatch(lines[above].strip()):
            return True
    return False


def _outlook_headers(lines: list[str], index: int) -> bool:
    """Whether Outlook's block of headers over a message it copies in starts at this line."""
    after = [line.strip() for line in lines[index + 1:index + 4] if line.strip()]  # `Cc:` may come between
    return bool(HEADER_FROM.fullmatch(lines[index].strip()) and any(HEADER_SENT.fullmatch(line) for line in after))


def site_config(content: Path) -> SiteConfig:
    """The settings of the site a proposal goes into; raises ContentErrors for a bad site.yml."""
    return load_config(content / SETTINGS, f"{content.name}/site.yml")


def write_proposal(proposal: Proposal, content: Path, site: SiteConfig, origin: str, fallback_date: str,
                   private: tuple[str, ...] = (), dry_run: bool = False, seen: set | None = None,
                   status: str = "pending", read: dict | None = None) -> Written:
    """Write the proposal as a comment of its post (with `status`, "" for none: published), once: a
    file that already holds this proposal (by `origin`, or by its author, answer and text) is named
    instead; `read` keeps each post's comment files as a run of many proposals first read them (see
    _on_disk). Raises Refused."""
    slug, comment_id, lang = _where(proposal.path, content, site.language_codes)
    folder = content / "posts" / slug / "comments"
    fields = _fields(proposal, folder, fallback_date, private, _earlier_ids(seen, slug))
    fields["date"] = in_zone(fields["date"], site.timezone)
    relative = f"posts/{slug}/comments/{comment_id}.{lang}.md"
    # the file's other text goes into the file too: without the sender's addresses, as the comment's, and
    # only as long as a comment may be (a longer one is named, not kept)
    unread = "" if comment_too_long(proposal.unread) else redacted(clean_text(proposal.unread), private).strip("\n")
    text = comment_file(fields["author"], fields["body"], fields["reply_to"], fields["url"], fields["date"],
                        status=status, origin=origin, unread=unread)
    parsed, error = parse_text(text.encode("utf-8"), relative)
    if error is not None or parsed.body.strip("\n") != fields["body"]:  # never: composed files read back
        raise Refused("its comment could not be written as a file that reads back as sent")
    fingerprint = (fields["author"], fields["reply_to"], " ".join(fields["body"].split()))
    same = _already_there(folder, origin, fingerprint, seen, read)
    if same:
        return Written(same, new=False)
    free, why = _free_id(folder, comment_id, slug, seen)
    notes = [fields["note"]] if fields["note"] else []
    if proposal.others:  # a reader who wrote two comments in one letter: the maintainer is told, nothing is guessed
        notes.append(f"the letter holds {proposal.others} more comment file{'s' if proposal.others > 1 else ''} "
                     "after this one, not read: ask for each in a letter of its own")
    if proposal.after:  # a P.S. under the file: the maintainer is told, nothing is guessed into the comment
        notes.append(f"words after the comment file, not in it: “{_quoted_in_note(proposal.after)}”; "
                     "add them to the file if they belong to the comment")
    if proposal.unread:  # the words above won, as a reader's correction does; the file's may be the comment
        kept = ("kept in the file's front matter as `#` lines; put it in place of the comment if it is the one meant"
                if unread else "too long to keep in the file: ask the reader which text is the comment")
        notes.append(f"its comment file held another text than the words above it: "
                     f"“{_quoted_in_note(proposal.unread)}”, {kept}")
    if proposal.left_out:
        notes.append(_left_out_note(proposal.left_out))
    if proposal.joined:
        notes.append(f"{counted(proposal.joined, 'line')} of its comment file, which the mail program had wrapped, "
                     "joined again")
    if free != comment_id:
        notes.append(f"named {free}: {why}")
        relative = f"posts/{slug}/comments/{free}.{lang}.md"
    if seen is not None:
        seen.add((origin, fingerprint, relative))
    if not dry_run:
        _write_new(folder, f"{free}.{lang}.md", text)
    return Written(relative, new=True, note="; ".join(notes))


def _quoted_in_note(text: str) -> str:
    """A reader's words as a note of the report quotes them: on one line, cut short, no address in them
    (a log is no place for one)."""
    return shown(ADDRESS_IN_NOTE.sub(REDACTED, " ".join(text.split())))


def _left_out_note(lines: tuple[str, ...]) -> str:
    """The lines under the reader's text left out as their mail program's (a signature, a quoted letter),
    named by the first, its addresses hidden: the maintainer puts back what a reader wrote after all. Not
    kept in the file: a signature's telephone number or a private letter quoted under the comment would go
    into the site's repository, which is often public, with it."""
    first = ADDRESS_IN_NOTE.sub(REDACTED, lines[0])
    more = f" and {len(lines) - 1} line{'s' if len(lines) > 2 else ''} under it" if len(lines) > 1 else ""
    return (f"left out as the mail program's: “{shown(first)}”{more}; "
            "add to the file what of it the reader wrote (the mail holds it)")


def _free_id(folder: Path, comment_id: str, slug: str, seen: set | None) -> tuple[str, str]:
    """`comment_id`, or when it clashes with a comment of the post, the first of `<id>-2`, `-3`, ... that
    does not, with why: readers who followed one link before a rebuild, when the page cannot run a script
    to make a name of its own, all propose the same name (see the README). A name of the form imports
    give (`12`, `disqus-12`) is the blog's: taken now, it would keep the blog's comment out later."""
    taken = {path.name.split(".")[0] for path in folder.glob("*.md")} if folder.is_dir() else set()
    taken |= _earlier_ids(seen, slug)
    why = _clash(comment_id, taken)
    if IMPORTS_NAME.fullmatch(comment_id):
        why = f"a name like {comment_id} is kept for the comments an import brings from the old blog"
        comment_id = f"reader-{comment_id}"[:MAX_KEY].rstrip("-")
    number = 2
    free = comment_id
    while _clash(free, taken):  # the name stays a comment id: within MAX_KEY, no doubled hyphen
        suffix = f"-{number}"
        free, number = comment_id[:MAX_KEY - len(suffix)].rstrip("-") + suffix, number + 1
    return free, why


def _clash(comment_id: str, taken: set[str]) -> str:
    """Why a post whose comments have the ids `taken` cannot take `comment_id` too ("" when it can): a
    comment's paragraphs are `#comment-<id>-p1`, `-p2`, ..., so `alice-p1` beside `alice` is one address
    for two things, which check refuses (reading/replies.check_anchors)."""
    if comment_id in taken:
        return f"another comment is {comment_id} already"
    if passage_of(comment_id) in taken:
        return f"{comment_id} is the address of a passage of comment {passage_of(comment_id)}"
    passages = [other for other in taken if passage_of(other) == comment_id]
    if passages:
        return f"comment {min(passages)} has the address of a passage of {comment_id}"
    return ""


def _earlier_ids(seen: set | None, slug: str) -> set[str]:
    """The ids this run gave the post's comments already: a dry run's earlier letters are not on disk."""
    return {Path(relative).name.split(".")[0] for _, _, relative in seen or ()
            if relative.startswith(f"posts/{slug}/comments/")}


def _where(path: str, content: Path, languages: tuple[str, ...]) -> tuple[str, str, str]:
    """(slug, id, language) of a proposed path, checked: a post that exists, a good id, a site language."""
    match = PROPOSED_PATH.fullmatch(path)
    if not match or not is_key(match.group(1)) or not is_key(match.group(2)):
        raise Refused(f"`{shown(path)}` is not a comment file's path "
                      f"({CONTENT_FOLDER}/posts/<slug>/comments/<id>.<lang>.md)")
    slug, comment_id, lang = match.groups()
    if lang not in languages:
        raise Refused(f"its language `{shown(lang)}` is not one of the site's ({', '.join(languages)})")
    post = content / "posts" / slug
    if (content / "posts").is_symlink():
        raise Refused(f"{content.name}/posts is a symbolic link; nothing is written through it")
    if post.is_symlink() or not post.is_dir() or not any(post.glob("index.*.md")):
        raise Refused(f"it proposes a comment on `{slug}`, and there is no such post")
    comments = post / "comments"
    if comments.is_symlink() or comments.exists() and not comments.is_dir():
        raise Refused(f"{CONTENT_FOLDER}/posts/{slug}/comments is not a folder; nothing is written there")
    return slug, comment_id, lang


# the keys the form writes: a proposal sets no other (a status, a translation_of), which a maintainer is told of
PROPOSED_KEYS = ("author", "url", "date", "reply_to")


def _fields(proposal: Proposal, folder: Path, fallback_date: str, private: tuple[str, ...],
            earlier: set[str]) -> dict:
    """The values of the file to write, each checked as `check` checks it; private addresses removed.
    A reply may answer a comment on disk or one this run gave before (`earlier`)."""
    meta = proposal.meta
    values = {}
    for key in PROPOSED_KEYS:
        value = meta.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise Refused(f"its `{key}` is not text")
        values[key] = redacted(clean_text(str(value)).strip(), private)
    author = name_written(values["author"][:LONGEST_NAME])
    cut = len(values["author"]) > LONGEST_NAME  # the form takes no longer one: a mail or an issue may
    url, why = complete_website(values["url"]) if REDACTED not in values["url"] else \
        ("", "it held the sender's e-mail address")  # said, not shown: the file and the log keep no address
    reply_to = values["reply_to"]
    if reply_to and not (is_key(reply_to) and (reply_to in earlier or any(folder.glob(f"{reply_to}.*.md")))):
        raise Refused(f"it replies to comment `{shown(reply_to)}`, and its post has no such comment")
    if reply_to and reply_to not in earlier and _status_of(folder, reply_to) == "spam":  # no reader sees one
        raise Refused(f"it replies to comment `{shown(reply_to)}`, which is spam")
    # when the issue was opened or the mail sent, as its carrier says: the date in the letter is the
    # reader's to type, and one in 2099 would head every newest-first list and feed until then
    date = fallback_date or (values["date"] if values["date"] and parse_date(values["date"]) else "")
    late = date and not before_tomorrow(date)  # a wrong clock's, or typed: unknown, then
    # no one proposes a comment before its essay is there to read: a wrong clock's, or forged (1900-01-01)
    essay_date = "" if late or not date else _essay_date(folder.parent)
    early = bool(essay_date) and parse_date(date).first_day() < parse_date(essay_date).first_day()
    too_long = comment_too_long(proposal.body)  # before the redaction, which reads the whole text
    if too_long:
        raise Refused(f"its comment is refused, as `check` would refuse it: {too_long[1]}")
    body = redacted(clean_text(proposal.body), private).strip("\n")
    if not body.strip():
        raise Refused("its comment is empty")
    problem = comment_refusal(body)
    if problem:
        raise Refused(f"its comment is refused, as `check` would refuse it: {problem}")
    notes = [f"website left out: {why}"] * bool(why) + [f"date {date} left out: it is in the future"] * bool(late)
    notes += [f"date {date} left out: it is before its essay's, {essay_date}"] * early
    notes += [f"name cut to its first {LONGEST_NAME} characters"] * cut
    typed = values["date"] if fallback_date and values["date"] and parse_date(values["date"]) else ""
    notes += [f"its file's date {typed} left out: it is in the future"] * bool(typed and not before_tomorrow(typed))
    notes += _changes_said(proposal, values["author"], body)
    return {"author": author, "url": url, "date": "" if late or early else date, "reply_to": reply_to, "body": body,
            "note": "; ".join(notes)}


def _changes_said(proposal: Proposal, author: str, body: str) -> list[str]:
    """What the import changed of what the reader sent, besides their website and date, said for the
    reviewer: keys only the site's author sets, the sender's address taken out of the name or the text."""
    notes = []
    others = [str(key) for key in proposal.meta if key not in PROPOSED_KEYS]
    if others:
        notes.append(f"left out: {shown(', '.join(others))} (a proposal sets only {', '.join(PROPOSED_KEYS)})")
    if author.count(REDACTED) > clean_text(str(proposal.meta.get("author") or "")).count(REDACTED):
        notes.append("the sender's e-mail address taken out of the name")
    if any(hides(char) for char in author):  # the text keeps its own, which `check` then names
        notes.append("a character that hides or turns the letters after it (a direction override) taken out of "
                     "the name")
    if (removed := body.count(REDACTED) - clean_text(proposal.body).count(REDACTED)) > 0:
        notes.append(f"the sender's e-mail address taken out of the comment's text ({counted(removed, 'place')}), "
                     f"written `{REDACTED}`")
    return notes


def _essay_date(folder: Path) -> str:
    """The date an essay's original says (as written, if it is one of the contract's), "" for none."""
    meta = _original_meta(folder, "index")
    written = str(meta.get("date") or "") if meta is not None else ""
    return written if written and parse_date(written) else ""


def _status_of(folder: Path, comment_id: str) -> str:
    """The `status` a comment's original says, "" where no file of it reads as one."""
    meta = _original_meta(folder, comment_id)
    return str(meta.get("status", "published")) if meta is not None else ""


def _original_meta(folder: Path, name: str) -> dict | None:
    """The front matter of the original among `<name>.<lang>.md` in `folder`, None where none reads as one."""
    for path in sorted(folder.glob(f"{name}.*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        parsed, error = parse_text(path.read_bytes(), path.name)
        if error is None and "translation_of" not in parsed.meta:
            return parsed.meta
    return None


def _already_there(folder: Path, origin: str, fingerprint: tuple, seen: set | None, read: dict | None = None) -> str:
    """The comment file (relative to content/) that already holds this proposal, else ""."""
    here = f"posts/{folder.parent.name}/comments/"  # the same words under another essay are another comment
    # the same words by no one named ("Thanks!") may be two readers' each: both are kept
    named = fingerprint[0] != ANONYMOUS
    for was_origin, was_print, relative in seen or ():
        if was_origin == origin or named and was_print == fingerprint and relative.startswith(here):
            return relative
    for relative, front, printed in _on_disk(folder, here, read):
        if f"\n# {origin}\n" in front:
            return relative
        if named and printed == fingerprint:
            return relative
    return ""


def _on_disk(folder: Path, here: str, read: dict | None) -> list[tuple[str, str, tuple | None]]:
    """(path relative to content/, front matter between newlines, fingerprint of an original that reads)
    of each comment file in `folder`; read once per run into `read` (a post of thousands of comments and a
    mailbox of hundreds of letters cost their product otherwise), since what the run itself writes is in
    its `seen`."""
    if read is not None and folder in read:
        return read[folder]
    found = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        if is_scratch(path.name) or path.is_symlink() or not path.is_file():
            continue
        raw = path.read_bytes()
        parsed, error = parse_text(raw, path.name)
        original = error is None and "translation_of" not in parsed.meta
        printed = _fingerprint(parsed) if original else None
        found.append((f"{here}{path.name}", "\n" + _front_matter(raw) + "\n", printed))
    if read is not None:
        read[folder] = found
    return found


def _front_matter(raw: bytes) -> str:
    """A comment file's front matter, where the import writes its origin, even in a file that does
    not parse: a reader's own words below it may say `# proposed in issue #8` and must not stand for
    that issue."""
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        return FRONT_MATTER.split(text)[0] if FRONT_MATTER.detect(text) else ""
    except ValueError:  # not closed by a `---` line
        return ""


def _fingerprint(parsed) -> tuple:
    meta = parsed.meta
    return (author_name(str(meta.get("author") or "")), str(meta.get("reply_to") or ""),
            " ".join(parsed.body.split()))


def _write_new(folder: Path, name: str, text: str) -> None:
    """The file, whole or not at all, and never over one that appeared meanwhile."""
    folder.mkdir(exist_ok=True)
    # os.open's mode, not mkstemp's 0600: a comment file is shared as every file of content/ is (the umask decides)
    temporary = folder / f".proposal-{secrets.token_hex(8)}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.link(temporary, folder / name)  # fails if the name is taken: nothing is overwritten
    except FileExistsError:
        raise Refused(f"{name} appeared while it was being written; it is kept as it is") from None
    finally:
        os.unlink(temporary)
