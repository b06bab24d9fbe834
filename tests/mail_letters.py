"""E-mails as mail programs send the page's letter: quoted-printable, base64, format=flowed, HTML only,
another character set; stored in an mbox, as .eml files or in a maildir."""

from __future__ import annotations

import html
import mailbox
import textwrap
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

SENDER = "Eve Example <eve.private@mail.example.net>"


def headers(message, subject: str, number: int, sender: str = SENDER):
    message["From"] = sender
    message["To"] = "talk@example.org"
    message["Subject"] = subject
    message["Date"] = "Mon, 30 Nov 2026 07:15:00 +0100"
    message["Message-ID"] = f"<{number}.proposal@mail.example.net>"
    return message


def quoted_printable(body: str, subject: str, number: int, charset: str = "utf-8"):
    message = EmailMessage()
    message.set_content(body, cte="quoted-printable", charset=charset)
    return headers(message, subject, number)


def base64(body: str, subject: str, number: int):
    message = EmailMessage()
    message.set_content(body, cte="base64")
    return headers(message, subject, number)


def flowed(body: str, subject: str, number: int, delsp: bool = False):
    """format=flowed (RFC 3676) as Thunderbird sends it: long lines cut after a space, which marks the
    cut; lines starting with a space, `>` or `From ` stuffed with one more space."""
    lines = []
    for line in body.split("\n"):
        lines += _flowed_line(line.rstrip(" "), delsp)
    message = MIMEText("\n".join(lines), "plain", "utf-8")
    message.set_param("format", "flowed")
    if delsp:
        message.set_param("delsp", "yes")
    return headers(message, subject, number)


def _flowed_line(line: str, delsp: bool, width: int = 40) -> list[str]:
    words = line.split(" ")
    out, current = [], ""
    for index, word in enumerate(words):
        piece = word + (" " if index < len(words) - 1 else "")
        if current.strip() and len(current) + len(piece) > width:
            out.append(current + (" " if delsp else ""))
            current = ""
        current += piece
    out.append(current)
    return [" " + piece if piece.startswith((" ", ">", "From ")) else piece for piece in out]


def hard_wrapped(body: str, subject: str, number: int, width: int = 40):
    """Outlook's plain text ("wrap text at 76 characters", here narrower): a line too long cut at its last
    space that fits, the space gone, nothing marking the cut; a word longer than the line left whole."""
    lines = []
    for line in body.split("\n"):
        lines += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""]
    message = EmailMessage()
    message.set_content("\r\n".join(lines), cte="quoted-printable", charset="windows-1252")
    return headers(message, subject, number)


def html_only(body: str, subject: str, number: int):
    """One <div> a line, as Gmail writes, and a quoted earlier message under it."""
    divs = "".join(f"<div>{html.escape(line) if line else '<br>'}</div>\n" for line in body.split("\n"))
    quoted = ('<div class="gmail_quote"><div>On Sun, 29 Nov 2026 Ana wrote:</div>'
              '<blockquote type="cite">Earlier words &amp; a <b>quote</b></blockquote></div>')
    message = EmailMessage()
    message.set_content(f'<div dir="ltr">\n{divs}</div>{quoted}', subtype="html", cte="quoted-printable")
    return headers(message, subject, number)


def with_attachment(body: str, subject: str, number: int):
    message = MIMEMultipart("mixed")
    message.attach(MIMEText(body, "plain", "utf-8"))
    picture = MIMEApplication(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "octet-stream")
    picture.add_header("Content-Disposition", "attachment", filename="photo.png")
    message.attach(picture)
    return headers(message, subject, number)


def store(messages: list, folder: Path) -> dict[str, list[Path]]:
    """The same messages three ways: one mbox, .eml files in a folder, a maildir."""
    folder.mkdir(parents=True, exist_ok=True)
    box = mailbox.mbox(folder / "proposals.mbox")
    maildir = mailbox.Maildir(folder / "Maildir")
    emls = folder / "saved"
    emls.mkdir()
    for number, message in enumerate(messages, 1):
        box.add(message)
        maildir.add(message)
        (emls / f"{number:02d}.eml").write_bytes(bytes(message))
    box.flush()
    box.close()
    return {"mbox": [folder / "proposals.mbox"], "eml": [emls], "maildir": [folder / "Maildir"]}
