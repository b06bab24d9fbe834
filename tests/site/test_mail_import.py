"""`import mail`: letters as mail programs send them become pending comments, once; bad mail is one line."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage

import pytest

import mail_letters as mails
from helpers import SITE_YML, every_file, make_content, run_cli
from tertulia.reading.read import parse_text
from tertulia.site.proposals import comment_file, letter

COMMENT_C1 = "---\nauthor: Carla\n---\n\nPrimer comentario.\n"
BODY = ("Estoy de acuerdo con *casi* todo, pero\n\n> «los valores no se negocian»\n\n"
        "me parece demasiado fuerte: una frase larga que un programa de correo partirá en varias líneas "
        "al enviarla, con acentos, eñes y “comillas”.\n\n- uno\n- dos")


def site(tmp_path):
    return make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})


def the_letter(body=BODY, name="Eve: x --- status: published", comment_id="20261130-0615-k3x9qa7b",
               reply_to="c1", lang="es", slug="hola", url="https://eve.example.org/", text=None):
    path = f"content/posts/{slug}/comments/{comment_id}.{lang}.md"
    file_text = comment_file(name, body, reply_to, url, "2026-11-30 06:15")
    return letter(body if text is None else text, path, file_text)


def comments_of(content):
    return {p.name: p.read_text(encoding="utf-8") for p in (content / "posts/hola/comments").glob("*.md")}


def import_mail(content, *sources, dry=False):
    return run_cli("import", "mail", *map(str, sources), "--content", str(content), *(["--dry-run"] if dry else []))


KINDS = {
    "quoted-printable": mails.quoted_printable,
    "base64": mails.base64,
    "format=flowed": mails.flowed,
    "format=flowed delsp": lambda body, subject, number: mails.flowed(body, subject, number, delsp=True),
    "html only": mails.html_only,
    "latin-1": lambda body, subject, number: mails.quoted_printable(body, subject, number, charset="iso-8859-1"),
    "with an attachment": mails.with_attachment,
}


@pytest.mark.parametrize("store", ["mbox", "eml", "maildir"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_way_of_sending_gives_the_same_pending_comment_once(tmp_path, kind, store):
    content = site(tmp_path)
    body = BODY.replace("“comillas”", "comillas") if kind == "latin-1" else BODY
    message = KINDS[kind](the_letter(body), "Respuesta a Carla sobre Hola", 1)
    sources = mails.store([message], tmp_path / "mail")[store]
    result = import_mail(content, *sources)
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    parsed, error = parse_text(written.encode(), "x.md")
    assert error is None
    assert parsed.meta == {"author": "Eve: x --- status: published", "url": "https://eve.example.org/",
                           "date": "2026-11-30 06:15+00:00", "reply_to": "c1", "status": "pending"}
    assert parsed.body.strip("\n") == body
    assert "eve.private" not in written and "mail.example.net" not in written
    assert run_cli("check", "--content", str(content)).returncode == 0
    before = every_file(content)
    again = import_mail(content, *sources)
    assert again.returncode == 0 and "already imported" in again.stdout
    assert every_file(content) == before


def test_a_comment_file_its_mail_program_wrapped_is_read_as_written_saying_so(tmp_path):
    """Outlook's plain text wraps every long line at a space, the comment file's too: a long name or website
    split its `key: value` line in two, and the letter was refused as YAML that does not parse (a new
    user's walk). A front-matter line that starts no value continues the one above it."""
    content = site(tmp_path)
    name = "Gino Bartolomé della Valle Superiore di Sopra e di Sotto"
    url = "https://www.example.com/un-indirizzo-molto-lungo/che-supera-la-larghezza/"
    body = "La nebbia di Milano è gentile."
    message = mails.hard_wrapped(the_letter(body, name=name, url=url), "Commento", 1, width=60)
    assert f'url: "{url}"' not in message.get_content()  # the line was cut
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stdout + result.stderr
    parsed, error = parse_text(comments_of(content)["20261130-0615-k3x9qa7b.es.md"].encode(), "x.md")
    assert error is None and parsed.meta["author"] == name and parsed.meta["url"] == url
    assert " ".join(parsed.body.split()) == body
    assert "2 lines of its comment file, which the mail program had wrapped, joined again" in result.stdout


def test_what_a_proposal_may_not_set_and_the_sender_s_address_taken_out_are_said(tmp_path):
    """The import's report goes to the reviewer (the workflow pastes it into the pull request): keys only
    the site's author sets, a date in the future and the sender's address taken out were dropped unsaid."""
    content = site(tmp_path)
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    file_text = ("---\nauthor: \"Eve <eve.private@mail.example.net>\"\ndate: \"2031-01-01 10:00\"\n"
                 "status: published\ntranslation_of: en\n---\n\nEscribidme a eve.private@mail.example.net.\n")
    message = mails.quoted_printable(letter("Escribidme a eve.private@mail.example.net.", path, file_text),
                                     "Comentario", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stdout + result.stderr
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "eve.private" not in written and "status: pending" in written and "translation_of" not in written
    assert "its file's date 2031-01-01 10:00 left out: it is in the future" in result.stdout
    assert "left out: status, translation_of (a proposal sets only author, url, date, reply_to)" in result.stdout
    assert "the sender's e-mail address taken out of the name" in result.stdout
    assert "taken out of the comment's text (1 place)" in result.stdout


def test_a_direction_override_taken_out_of_a_name_is_said(tmp_path):
    """`Eve \u202egnp.exe` is written `Eve gnp.exe` (a name never turns the words after it), and the
    report said nothing of it, while the same character in the text is kept and `check` names it."""
    content = site(tmp_path)
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    file_text = '---\nauthor: "Eve \u202egnp.exe"\n---\n\nHola.\n'
    message = mails.quoted_printable(letter("Hola.", path, file_text), "Comentario", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'author: "Eve gnp.exe"' in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "(a direction override) taken out of the name" in result.stdout


def test_a_file_without_a_date_takes_when_the_letter_was_sent_on_the_site_s_clock_saying_so(tmp_path):
    """Sent at 06:15 UTC: written 07:15+01:00 on a site in Madrid, so that its thread shows one clock."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    (content / "site.yml").write_text((content / "site.yml").read_text() + "timezone: Europe/Madrid\n")
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    undated = letter(BODY, path, comment_file("Eve", BODY, "c1", "", ""))
    sources = mails.store([mails.quoted_printable(undated, "Respuesta a Carla sobre Hola", 1)], tmp_path / "mail")
    assert import_mail(content, *sources["eml"]).returncode == 0
    assert 'date: "2026-11-30 07:15+01:00"' in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


@pytest.mark.parametrize("zone", ["-0000", "-0000 (UTC)", "+0000"])
def test_a_letter_sent_at_a_time_in_utc_whose_sender_s_zone_is_unknown_is_dated_by_it(tmp_path, zone):
    """`-0000`, as Python's own `formatdate()` writes it, is UTC from a sender of no known zone: read as
    no zone at all, the letter's date gave way to the one the reader's page had written (a red team's)."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    typed = letter(BODY, path, comment_file("Eve", BODY, "c1", "", "2026-11-30 06:25+00:00"))
    message = mails.quoted_printable(typed, "Respuesta a Carla sobre Hola", 1)
    message.replace_header("Date", f"Mon, 30 Nov 2026 06:15:00 {zone}")
    assert import_mail(content, *mails.store([message], tmp_path / "mail")["eml"]).returncode == 0
    assert 'date: "2026-11-30 06:15+00:00"' in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


def test_a_letter_dated_before_its_essay_is_no_date_and_says_so(tmp_path):
    """`Date: Mon, 1 Jan 1900` was written as the comment's date, unsaid: no one proposes a comment before
    its essay is there to read (a red team's); the moderator is told, as of a date in the future."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    essay = (content / "posts/hola/index.es.md").read_text()
    (content / "posts/hola/index.es.md").write_text(essay.replace("\n---\n", "\ndate: 2012-09-11\n---\n", 1))
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    message = mails.quoted_printable(letter(BODY, path, comment_file("Eve", BODY, "c1", "", "")), "Respuesta", 1)
    message.replace_header("Date", "Mon, 01 Jan 1900 00:00:00 +0000")
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    assert "date 1900-01-01 00:00+00:00 left out: it is before its essay's, 2012-09-11" in result.stdout, result.stdout
    assert "\ndate:" not in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


def test_a_letter_labelled_punycode_is_read_as_the_utf_8_it_is_not_a_traceback(tmp_path):
    content = site(tmp_path)
    message = EmailMessage()
    message.set_content(the_letter(body="Estoy de acuerdo.", name="Eve"), cte="8bit")  # ASCII, with `-` lines
    message.replace_header("Content-Type", 'text/plain; charset="punycode"')
    sources = mails.store([mails.headers(message, "Comment", 1)], tmp_path / "mail")
    result = import_mail(content, *sources["mbox"])
    assert "Traceback" not in result.stderr and result.returncode == 0, result.stderr
    assert "Estoy de acuerdo" in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


def test_a_sending_date_of_year_1_is_no_date_not_2001(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1})
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    undated = letter(BODY, path, comment_file("Eve", BODY, "c1", "", ""))
    sent = bytes(mails.quoted_printable(undated, "Respuesta", 1))
    saved = tmp_path / "year-1.eml"  # as a mail program saved it: a library would rewrite the year
    saved.write_bytes(sent.replace(b"Mon, 30 Nov 2026 07:15:00 +0100", b"Mon, 1 Jan 0001 00:00:00 +0100"))
    assert import_mail(content, saved).returncode == 0
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "Eve" in written and "date:" not in written


def test_the_letter_text_wins_over_the_file_and_quotes_and_signatures_are_left_out(tmp_path):
    content = site(tmp_path)
    edited = ("I changed my mind: *this* is what I mean.\n\n-- \nEve\neve.private@mail.example.net")
    message = mails.quoted_printable(the_letter(text=edited), "Comment", 1)
    reply = mails.quoted_printable(
        the_letter(comment_id="20261130-0620-aaaaaaaa",
                   text="A second thought.\n\nOn Sun, 29 Nov 2026 at 21:05, Ana <ana@example.org> wrote:\n> her words\n> more"),
        "Re: Comment", 2)
    box = tmp_path / "in.mbox"
    mailbox_file = mailbox.mbox(box)
    mailbox_file.add(message)
    mailbox_file.add(reply)
    mailbox_file.flush()
    assert import_mail(content, box).returncode == 0
    comments = comments_of(content)
    first = comments["20261130-0615-k3x9qa7b.es.md"]
    assert first.endswith("\n\nI changed my mind: *this* is what I mean.\n") and "Eve\n" not in first
    second = comments["20261130-0620-aaaaaaaa.es.md"]
    assert second.endswith("\n\nA second thought.\n") and "her words" not in second


def test_the_same_proposal_sent_twice_is_written_once(tmp_path):
    content = site(tmp_path)
    once, twice = (mails.base64(the_letter(), "Comment", number) for number in (1, 2))  # two Message-IDs
    folder = mails.store([once, twice], tmp_path / "mail")
    result = import_mail(content, *folder["mbox"], *folder["maildir"])
    assert result.returncode == 0
    assert len(comments_of(content)) == 2  # c1 and the proposal
    assert result.stdout.count("already imported") == 3


def test_a_second_comment_file_in_one_letter_is_named_not_dropped_unsaid(tmp_path):
    content = site(tmp_path)
    two = the_letter("Uno.", comment_id="first") + "\n\n" + the_letter("Dos.", comment_id="second")
    result = import_mail(content, *mails.store([mails.base64(two, "Comment", 1)], tmp_path / "mail")["mbox"])
    assert result.returncode == 0, result.stderr
    assert "the letter holds 1 more comment file after this one, not read: ask for each in a letter of its own" \
        in result.stdout
    assert "first.es.md" in comments_of(content) and "second.es.md" not in comments_of(content)


def test_the_same_words_by_no_one_named_under_one_essay_are_two_readers_comments(tmp_path):
    """Two readers who each sent "Gracias." without a name were one comment: the second letter was
    "already imported", its reader's word lost. A named reader's letter sent twice is still written once."""
    content = site(tmp_path)
    letters = [mails.base64(the_letter("Gracias.", name="", reply_to="", comment_id=f"thanks{number}"),
                            "Comment", number) for number in (1, 2)]
    result = import_mail(content, *mails.store(letters, tmp_path / "mail")["mbox"])
    assert result.returncode == 0 and "already imported" not in result.stdout, result.stdout
    assert {"thanks1.es.md", "thanks2.es.md"} <= comments_of(content).keys()
    again = import_mail(content, *mails.store(letters, tmp_path / "again")["mbox"])
    assert again.stdout.count("already imported") == 2  # by their Message-IDs


def test_the_same_words_proposed_under_two_essays_are_two_comments_in_one_run_as_in_two(tmp_path):
    """"Great essay, thank you!" under two essays is two readers' comments, however the letters are batched."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": COMMENT_C1, "posts/adios/index.es.md":
                                      "---\ntitle: Adiós\nauthor: Ana\n---\n\nAdiós.\n"})
    letters = [mails.base64(the_letter("Great essay, thank you!", name="Anonymous", reply_to="", slug=slug,
                                       comment_id=f"thanks{number}"), "Comment", number)
               for number, slug in ((1, "hola"), (2, "adios"))]
    result = import_mail(content, *mails.store(letters, tmp_path / "mail")["mbox"])
    assert result.returncode == 0 and "already imported" not in result.stdout, result.stdout
    assert (content / "posts/hola/comments/thanks1.es.md").is_file()
    assert (content / "posts/adios/comments/thanks2.es.md").is_file()


def test_messages_without_a_usable_proposal_are_listed_one_line_each(tmp_path):
    content = site(tmp_path)
    plain = EmailMessage()
    plain.set_content("Just saying hello, no proposal here.")
    unknown = EmailMessage()
    unknown.set_content(the_letter().encode("utf-16-le"), "text", "plain", cte="base64")
    unknown.replace_header("Content-Type", 'text/plain; charset="x-martian"')
    quoting = mails.quoted_printable("Thanks!\n\n" + "\n".join("> " + line for line in the_letter().split("\n")),
                                     "Re: Comment", 7)
    huge = mails.base64(the_letter(text="big " * 400_000), "Huge", 8)
    cases = {
        "no proposal": mails.headers(plain, "Hello", 1),
        "missing post": mails.base64(the_letter(slug="no-such-post"), "Comment", 2),
        "missing comment": mails.base64(the_letter(reply_to="c99"), "Reply", 3),
        "bad language": mails.base64(the_letter(lang="fr"), "Comment", 4),
        "hostile path": mails.base64(the_letter(slug="../../../etc"), "Comment", 5),
        "unknown charset": mails.headers(unknown, "Comment", 6),
        "only quoted": quoting,
        "huge": huge,
        "too many brackets": mails.base64(the_letter(body="[" * 501), "Comment", 9),
        "empty": mails.base64(the_letter(body="", text=""), "Comment", 10),
    }
    sources = mails.store(list(cases.values()), tmp_path / "mail")
    before = every_file(content)
    result = import_mail(content, *sources["mbox"])
    assert result.returncode == 1
    assert every_file(content) == before
    lines = [line for line in result.stderr.splitlines() if ": not imported: " in line]
    assert len(lines) == len(cases), result.stderr
    reasons = dict(zip(cases, lines))
    assert "no comment file in it" in reasons["no proposal"]
    assert "`no-such-post`, and there is no such post" in reasons["missing post"]
    assert "comment `c99`, and its post has no such comment" in reasons["missing comment"]
    assert "language `fr` is not one of the site's" in reasons["bad language"]
    assert "is not a comment file's path" in reasons["hostile path"]
    assert "character set this computer does not know (`x-martian`)" in reasons["unknown charset"]
    assert "only quotes a proposal" in reasons["only quoted"]
    assert "more than the 1,000,000 a proposal can take" in reasons["huge"]
    assert "`[` signs; at most 500 are taken" in reasons["too many brackets"]
    assert "its comment is empty" in reasons["empty"]
    assert "0 new pending comments" in result.stdout
    box = sources["mbox"][0]
    openings = [number for number, line in enumerate(box.read_bytes().split(b"\n"), 1) if line.startswith(b"From ")]
    assert [line.split(": not imported: ")[0] for line in lines] == [f"{box}:{number}" for number in openings]
    assert openings[1] > 2  # a line of the file an editor opens at, not a message's count


def test_a_dry_run_says_what_it_would_write_and_writes_nothing(tmp_path):
    """The same letter sent twice: the second was said to be "already imported", by a run that imports none."""
    content = site(tmp_path)
    sources = mails.store([mails.quoted_printable(the_letter(), "Comment", n) for n in (1, 2)], tmp_path / "mail")
    before = every_file(content)
    result = import_mail(content, *sources["mbox"], dry=True)
    assert result.returncode == 0 and "would write" in result.stdout
    assert "already imported" not in result.stdout and "the same proposal as one above, which would be" in result.stdout
    assert every_file(content) == before
    assert "already imported as" in import_mail(content, *sources["mbox"]).stdout  # the second, in earnest


def test_an_attachment_is_named_and_left_out(tmp_path):
    content = site(tmp_path)
    sources = mails.store([mails.with_attachment(the_letter(), "Comment", 1)], tmp_path / "mail")
    result = import_mail(content, *sources["eml"])
    assert result.returncode == 0 and "left out: attachment photo.png" in result.stdout
    assert not list((content / "posts/hola").glob("**/*.png"))


def test_a_file_of_that_name_with_other_words_is_kept_and_the_letter_takes_the_next_name(tmp_path):
    """Readers who followed one link before a rebuild propose one name: each letter is still a comment."""
    content = site(tmp_path)
    target = content / "posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    target.write_text("---\nauthor: Someone\n---\n\nOther words.\n", encoding="utf-8")
    sources = mails.store([mails.base64(the_letter(), "Comment", 1)], tmp_path / "mail")
    result = import_mail(content, *sources["eml"])
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == "---\nauthor: Someone\n---\n\nOther words.\n"
    renamed = content / "posts/hola/comments/20261130-0615-k3x9qa7b-2.es.md"
    assert "status: pending" in renamed.read_text(encoding="utf-8")
    assert "named 20261130-0615-k3x9qa7b-2: another comment is 20261130-0615-k3x9qa7b already" in result.stdout
    assert import_mail(content, *sources["eml"]).stdout.count("already imported as") == 1  # once each, still


def test_a_website_without_a_scheme_is_completed_and_a_bad_one_left_out(tmp_path):
    content = site(tmp_path)
    messages = [mails.base64(the_letter(url="eve.example.org/blog"), "Comment", 1),
                mails.base64(the_letter(comment_id="20261130-0615-bbbbbbbb", body="Otro.", url="javascript:alert(1)"),
                             "Comment", 2)]
    sources = mails.store(messages, tmp_path / "mail")
    result = import_mail(content, *sources["eml"])
    assert result.returncode == 0
    comments = comments_of(content)
    assert 'url: "https://eve.example.org/blog"' in comments["20261130-0615-k3x9qa7b.es.md"]
    assert "url:" not in comments["20261130-0615-bbbbbbbb.es.md"] and "website left out" in result.stdout


def test_a_name_loses_what_hides_or_turns_its_letters_and_a_long_one_is_said_cut(tmp_path):
    """The walk's `\u202eнимда\u202c\u200b\u200b Admin` kept its closing mark and zero-width spaces,
    and a 3,000-letter name was cut to 200 with nothing said."""
    content = site(tmp_path)
    messages = [mails.base64(the_letter(name="\u202eнимда\u202c\u200b\u200b Ad\u2066min\u2069 и\u200cя"), "Comment", 1),
                mails.base64(the_letter(comment_id="20261130-0615-bbbbbbbb", body="Otro.", name="Б" * 3000),
                             "Comment", 2)]
    result = import_mail(content, *mails.store(messages, tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    comments = comments_of(content)
    assert 'author: "нимда Admin и\u200cя"' in comments["20261130-0615-k3x9qa7b.es.md"]  # ZWNJ shapes letters
    assert f'author: "{"Б" * 200}"' in comments["20261130-0615-bbbbbbbb.es.md"]
    assert "name cut to its first 200 characters" in result.stdout
    assert result.stdout.count("name cut") == 1


def test_no_site_yml_is_a_usage_error(tmp_path):
    result = import_mail(tmp_path / "nowhere", tmp_path / "x.eml")
    assert result.returncode == 2 and "no site.yml" in result.stderr


def test_an_html_quote_left_unclosed_does_not_hide_the_letter_under_it(tmp_path):
    content = site(tmp_path)
    lines = "".join(f"<div>{line or '<br>'}</div>" for line in the_letter(body="Sí.", text="Sí.").split("\n"))
    message = EmailMessage()
    message.set_content(f"<blockquote><p>an earlier message, its paragraph never closed</blockquote>{lines}",
                        subtype="html")
    sources = mails.store([mails.headers(message, "Comment", 1)], tmp_path / "mail")
    result = import_mail(content, *sources["eml"])
    assert result.returncode == 0, result.stderr
    assert comments_of(content)["20261130-0615-k3x9qa7b.es.md"].endswith("\n\nSí.\n")


def test_a_readers_own_quote_stays_and_a_copied_in_message_goes(tmp_path):
    content = site(tmp_path)
    own = "As Carla wrote:\n\n> los valores no se negocian\n\nI disagree."
    outlook = ("Adding a word.\n\n-----Original Message-----\nFrom: Site <talk@example.org>\nSent: Sunday\n\n"
               "Thank you for your comment")
    messages = [mails.base64(the_letter(body=own, text=own), "Comment", 1),
                mails.base64(the_letter(comment_id="20261130-0700-cccccccc", body="Adding a word.", text=outlook),
                             "Comment", 2)]
    result = import_mail(content, *mails.store(messages, tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    comments = comments_of(content)
    assert comments["20261130-0615-k3x9qa7b.es.md"].endswith("\n\n" + own + "\n")
    assert comments["20261130-0700-cccccccc.es.md"].endswith("\n\nAdding a word.\n")


def test_a_reply_to_another_readers_letter_copied_in_is_not_their_comment(tmp_path):
    """A Russian walk: Irina answered Yuri's proposal in Outlook, which copies his letter in whole under her
    words, his comment file with it; her "I agree with Yuri." went out as a comment under his name. A reader's
    answer to their own letter (the maintainer's question between) still corrects their comment."""
    content = site(tmp_path)
    copied = ("Поддерживаю Юрия.\n\n-----Original Message-----\nFrom: Щукин Юрий\nSent: 7 декабря 2026 г. 23:50\n\n"
              "Щедрость — не утопия.")
    other = mails.headers(EmailMessage(), "RE: Ответ", 1, sender="Ирина Ёлкина <irina@example.ru>")
    other.set_content(the_letter(name="Щукин Юрий", body="Щедрость — не утопия.", text=copied))
    own = copied.replace("From: Щукин Юрий", "From: Eve <eve@mail.example.net>").replace("Поддерживаю Юрия.", "Короче.")
    mine = mails.headers(EmailMessage(), "RE: Ответ", 2, sender="Eve <eve@mail.example.net>")
    mine.set_content(the_letter(comment_id="20261130-0700-cccccccc", body="Щедрость — не утопия.", text=own))
    result = import_mail(content, *mails.store([other, mine], tmp_path / "mail")["eml"])
    refused = [line for line in result.stderr.splitlines() if "not imported" in line]
    assert len(refused) == 1 and "in the letter it answers, from Щукин Юрий" in refused[0], result.stderr
    comments = comments_of(content)
    assert "20261130-0615-k3x9qa7b.es.md" not in comments
    assert comments["20261130-0700-cccccccc.es.md"].endswith("\n\nКороче.\n")


@pytest.mark.parametrize("case, sender, copied, extra, refused", [
    # a red team: Outlook in Russian, Chinese or Thunderbird's order, a reply-all To the other reader, an HTML
    # letter's bold header all let another reader's file go out
    ("ru", "Ирина <irina@example.ru>", "-----Исходное сообщение-----\nОт: Щукин Юрий\nОтправлено: 30 ноября 2026 г.",
     {}, True),
    ("zh", "Irina <irina@example.ru>", "-----原始邮件-----\n发件人: 尤里\n发送时间: 2026年11月30日 6:15", {}, True),
    ("thunderbird", "Irina <irina@example.ru>",
     "-------- Original Message --------\nSubject: Hola\nDate: Mon, 30 Nov 2026\nFrom: Yuri <yuri@example.ru>", {}, True),
    ("reply-all", "Irina <irina@example.ru>", "-----Original Message-----\nFrom: Yuri <yuri@example.ru>\nSent: Monday",
     {"To": "Yuri <yuri@example.ru>", "Cc": "talk@example.org"}, True),
    ("bold", "Irina <irina@example.ru>", "**From:** Yuri <yuri@example.ru>\n**Sent:** Monday", {}, True),
    # a second red team: another reader's letter through the site's list, Spanish Outlook with To and Cc before
    # its date, a first name shared
    ("list", "Irina <irina@example.ru>", "-----Original Message-----\nFrom: 'Yuri Shchukin' via Talk <talk@example.org>\n"
     "Sent: Monday", {}, True),
    ("es", "Irina <irina@example.ru>", "________________________________\nDe: Yuri <yuri@example.ru>\nPara: talk@example.org\n"
     "CC: x@example.org\nEnviado el: lunes, 30 de noviembre de 2026 6:15", {}, True),
    ("a first name shared", "Yuri Petrov <yp@example.ru>", "-----Original Message-----\nFrom: Yuri\nSent: Monday", {}, True),
    # and what is the reader's own letter, or the site's, still corrects their comment
    ("own, name turned", "Eve Smith <eve@example.net>", "-----Original Message-----\nFrom: Smith, Eve\nSent: Monday",
     {}, False),
    ("own, marks", "Jose Garcia <jg@example.net>", "-----Original Message-----\nFrom: José García\nSent: Monday", {}, False),
    ("own, through a list", "'Eve Smith' via Talk <talk@example.org>",
     "-----Original Message-----\nFrom: Eve Smith <eve@example.net>\nSent: Monday", {"Reply-To": "eve@example.net"}, False),
    ("the site's", "Eve Smith <eve@example.net>", "-----Original Message-----\nFrom: Talk <TALK@example.org>\nSent: Monday",
     {}, False),
])
def test_whose_letter_a_reply_copies_in_is_told_in_mail_programs_many_shapes(tmp_path, case, sender, copied, extra, refused):
    content = make_content(tmp_path, {"site.yml": SITE_YML + "discussion: {repo: o/r, email: talk@example.org}\n",
                                      "posts/hola/comments/c1.es.md": COMMENT_C1})
    message = mails.headers(EmailMessage(), "RE: Hola", 1, sender=sender)
    for name, value in extra.items():
        del message[name]
        message[name] = value
    message.set_content(the_letter(name="Yuri", body="Texto original.", text=f"Corto.\n\n{copied}\n\nTexto original."))
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert ("in the letter it answers" in result.stderr) == refused, (case, result.stdout + result.stderr)
    assert ("20261130-0615-k3x9qa7b.es.md" in comments_of(content)) != refused, case


def test_the_site_s_own_answer_over_a_readers_letter_is_no_proposal_but_its_forward_is(tmp_path):
    """A red team: the maintainer's Outlook answer ("we will not publish this, it is rude") over the reader's
    letter, copied in unquoted, became a pending comment of those words under the reader's name."""
    content = make_content(tmp_path, {"site.yml": SITE_YML + "discussion: {repo: o/r, email: talk@example.org}\n",
                                      "posts/hola/comments/c1.es.md": COMMENT_C1})
    answer = ("Thanks, we will not publish this, it is rude.\n\n________________________________\nFrom: Eve "
              "<eve.private@mail.example.net>\nSent: Monday, November 30, 2026 6:15 AM\nTo: talk@example.org\n"
              "Subject: Comment\n\n" + BODY)
    reply = mails.headers(EmailMessage(), "RE: Comment", 1, sender="The Site <Talk@Example.org>")
    reply.set_content(the_letter(text=answer))
    forward = mails.headers(EmailMessage(), "Fwd: Comment", 2, sender="The Site <talk@example.org>")
    forward.set_content(the_letter(comment_id="20261130-0700-cccccccc", text=BODY))
    # a mailing list at the site's address writes it in every reader's From, the reader in Reply-To (a review)
    listed = mails.headers(EmailMessage(), "Comment", 3, sender="'Anna' via Talk <talk@example.org>")
    listed["Reply-To"] = "anna@example.net"
    listed.set_content(the_letter(body="Desde la lista.", comment_id="20261130-0800-dddddddd", text="Desde la lista."))
    # Mailman's: the list's address in Reply-To, the reader in Cc; and the maintainer's answer with their own
    # address in Reply-To, which is still theirs (a second review)
    mailman = mails.headers(EmailMessage(), "Comment", 4, sender="Bo via Talk <talk@example.org>")
    mailman["Reply-To"], mailman["Cc"] = "talk@example.org", "Bo <bo@example.net>"
    mailman.set_content(the_letter(body="Por Mailman.", comment_id="20261130-0900-eeeeeeee", text="Por Mailman."))
    personal = mails.headers(EmailMessage(), "RE: Comment", 5, sender="The Site <talk@example.org>")
    personal["Reply-To"] = "Maintainer <me.personal@example.net>"
    personal.set_content(the_letter(comment_id="20261130-1000-ffffffff", text=answer))
    result = import_mail(content, *mails.store([reply, forward, listed, mailman, personal], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("sent from the site's own address (`discussion.email`): your own letter") == 2
    assert set(comments_of(content)) == {"c1.es.md", "20261130-0700-cccccccc.es.md", "20261130-0800-dddddddd.es.md",
                                         "20261130-0900-eeeeeeee.es.md"}
    assert "rude" not in comments_of(content)["20261130-0700-cccccccc.es.md"]


def test_nothing_is_written_through_a_linked_posts_folder(tmp_path):
    content = site(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (content / "posts").rename(elsewhere)
    (content / "posts").symlink_to(elsewhere)
    result = import_mail(content, *mails.store([mails.base64(the_letter(), "Comment", 1)], tmp_path / "mail")["eml"])
    assert result.returncode == 1 and "posts is a symbolic link" in result.stderr
    assert not list(elsewhere.glob("hola/comments/2*"))


def test_an_html_letter_keeps_its_paragraphs_its_bold_and_italics_and_the_readers_own_quote_and_drops_the_cited_reply(
        tmp_path):
    content = site(tmp_path)
    file_lines = the_letter(body="x", text="").split("\n")
    start = next(i for i, line in enumerate(file_lines) if line.startswith("--------"))
    html_letter = ("<p>Para one <b>bold</b>, <em>stressed </em>and <i>a*b</i>.</p>"
                   "<blockquote><strong>A sentence</strong> I quote myself.</blockquote><p>After it.</p>"
                   "<pre>" + "\n".join(file_lines[start:]).replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
                   '<div class="gmail_quote"><blockquote type="cite">Earlier message</blockquote></div>')
    message = EmailMessage()
    message.set_content(html_letter, subtype="html", cte="quoted-printable")
    sources = mails.store([mails.headers(message, "Comment", 1)], tmp_path / "mail")
    result = import_mail(content, *sources["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert written.endswith("\n\nPara one **bold**, *stressed* and a*b.\n\n> **A sentence** I quote myself.\n\n"
                            "After it.\n"), written
    assert "Earlier message" not in written


def raw_letter(charset: str, text: bytes, header: bytes = b"") -> bytes:
    """A letter as a mail program saves it, its text in `charset` as it is."""
    return (b"From: Eve <eve@example.net>\nTo: talk@example.org\nSubject: Comment\nMessage-ID: <r1@example.net>\n"
            + header + b"MIME-Version: 1.0\nContent-Type: text/plain; charset=\"" + charset.encode() + b"\"\n"
            b"Content-Transfer-Encoding: 8bit\n\n" + text)


@pytest.mark.parametrize("header", [
    b"Date: Tue, 31 Dec 9999 23:59:59 -2359\n",  # past the calendar once moved to UTC
    b"Sender: " + b"(" * 5000 + b"a@b" + b")" * 5000 + b"\n",  # nested comments the parser recurses into
])
def test_a_hostile_header_costs_its_letter_at_most_and_never_the_next(tmp_path, header):
    content = site(tmp_path)
    hostile = raw_letter("utf-8", the_letter(comment_id="20261130-0615-aaaaaaaa").encode(), header)
    good = mails.base64(the_letter(body="Otra cosa.", text="Otra cosa.", comment_id="20261130-0616-bbbbbbbb"),
                        "Comment", 2)
    sources = mails.store([hostile, good], tmp_path / "mail")
    result = import_mail(content, *sources["mbox"])
    assert "Traceback" not in result.stderr, result.stderr
    assert "20261130-0616-bbbbbbbb.es.md" in comments_of(content)


@pytest.mark.parametrize("header, name", [
    (b"From: " + b"a" * 200_000 + b"\n", "From"),  # the address search took minutes over a run of letters
    (b"Content-Type: text/plain" + b"; p=v" * 40_000 + b"\n", "Content-Type"),  # the email package's parser
])
def test_a_header_no_mail_program_writes_is_refused_before_it_is_parsed(tmp_path, header, name):
    """A red team: one letter with a 200 KB From, or a Content-Type of 40,000 parameters, kept the import
    busy for minutes (an hour, at the 1 MB a letter may have); the next letter waited behind it."""
    content = site(tmp_path)
    hostile = raw_letter("utf-8", the_letter(comment_id="20261130-0615-aaaaaaaa").encode(), header)
    good = mails.base64(the_letter(body="Otra cosa.", text="Otra cosa.", comment_id="20261130-0616-bbbbbbbb"),
                        "Comment", 2)
    result = import_mail(content, *mails.store([hostile, good], tmp_path / "mail")["mbox"])
    assert "its headers are far longer than a mail program writes" in result.stdout + result.stderr
    assert f"characters in `{name}`); read it by hand" in result.stdout + result.stderr
    assert set(comments_of(content)) >= {"20261130-0616-bbbbbbbb.es.md"}
    assert "20261130-0615-aaaaaaaa.es.md" not in comments_of(content)


def test_a_long_header_behind_hundreds_of_small_parts_is_refused_as_well(tmp_path):
    """A red team: only the first 500 parts were measured; a Content-Type of 40,000 parameters after 520
    small parts held the import for minutes."""
    content = site(tmp_path)
    parts = b"".join(b"--b\nContent-Type: text/plain\n\nx\n" for _ in range(520))
    hostile = (b"From: Eve <eve@example.net>\nSubject: x\nMessage-ID: <m@x>\nMIME-Version: 1.0\n"
               b"Content-Type: multipart/mixed; boundary=b\n\n" + parts
               + b"--b\nContent-Type: text/plain" + b"; p=v" * 40_000 + b"\n\ny\n--b--\n")
    saved = tmp_path / "hostile.eml"
    saved.write_bytes(hostile)
    result = import_mail(content, saved)
    assert "characters in `Content-Type`); read it by hand" in result.stdout + result.stderr


def test_the_address_search_finds_what_it_found_and_reads_a_long_run_once():
    """Matches start only where a word does; findall's leftmost matches never started elsewhere."""
    import re
    from tertulia.importers.mail import ADDRESS_LIKE
    before = re.compile(r"[^\s<>\"'(),;:\[\]@]+@[^\s<>\"'(),;:\[\]@]+")
    for text in ["Eve <eve@example.net>, bob@b.org", "a@b@c@d", "x@@y z@w", "@a@b", "mailto:ana@x.es;(p@q)",
                 "Ünïcode <ü@ß.de>", "no address here", "a.b@c.d.e f@g"]:
        assert ADDRESS_LIKE.findall(text) == before.findall(text), text
    assert ADDRESS_LIKE.findall("From: " + "a" * 200_000) == []


def test_a_character_set_named_with_a_nul_is_read_as_the_utf_8_it_is(tmp_path):
    content = site(tmp_path)
    saved = tmp_path / "odd.eml"
    saved.write_bytes(raw_letter("utf_8\x00", the_letter().encode("utf-8")))
    result = import_mail(content, saved)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "20261130-0615-k3x9qa7b.es.md" in comments_of(content)


def test_a_letter_holding_a_lone_surrogate_is_one_line_not_a_traceback(tmp_path):
    content = site(tmp_path)
    saved = tmp_path / "odd.eml"
    saved.write_bytes(raw_letter("utf-7", the_letter(name="Eve").encode("utf-7").replace(b"Eve", b"Eve+2AA-")))
    before = every_file(content)
    result = import_mail(content, saved)
    assert "Traceback" not in result.stderr, result.stderr
    assert "not imported: it holds a character that is not text" in result.stderr and every_file(content) == before


def test_a_line_that_began_with_from_reads_as_written_not_as_the_mbox_escaped_it(tmp_path):
    content = site(tmp_path)
    body = "From the start, I disagreed.\n\nFrom then on, too."
    box = tmp_path / "in.mbox"
    saved = mailbox.mbox(box)
    saved.add(mails.quoted_printable(the_letter(body), "Comment", 1))
    saved.flush()
    assert b"\n>From the start" in box.read_bytes()  # the mailbox module escaped it, as mail programs do
    assert import_mail(content, box).returncode == 0
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert written.endswith("\n\nFrom the start, I disagreed.\n\nFrom then on, too.\n"), written


@pytest.mark.parametrize("sender", [b"=?utf-8?q?Eve=0A_Ruiz?= <eve@example.net>", b"=?utf-8?b?RXZlIFJ1aXoK?= <eve@example.net>"])
def test_a_sender_name_the_email_package_cannot_parse_still_keeps_the_address_out(tmp_path, sender):
    """An encoded line break in the name made the whole From header unreadable, and its address was written."""
    content = site(tmp_path)
    text = the_letter(body="Write to me at eve@example.net.", name="Eve Ruiz <eve@example.net>",
                      comment_id="20261130-0615-cccccccc").encode()
    raw = raw_letter("utf-8", text).replace(b"From: Eve <eve@example.net>", b"From: " + sender)
    result = import_mail(content, *mails.store([raw], tmp_path / "mail")["mbox"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-cccccccc.es.md"]
    assert "eve@example.net" not in written and written.count("[address removed]") == 1, written
    assert 'author: "Eve Ruiz"' in written  # the name, without the address's place after it


def test_a_dry_run_takes_a_reply_to_an_earlier_letter_of_the_same_run_as_the_real_run_does(tmp_path):
    """The dry run refused the reply (its comment was not on disk) that the real run then wrote."""
    content = site(tmp_path)
    first = the_letter(body="Primero.", text="Primero.", comment_id="20261130-0615-aaaaaaaa", reply_to="")
    second = the_letter(body="Segundo.", text="Segundo.", comment_id="20261130-0616-bbbbbbbb",
                        reply_to="20261130-0615-aaaaaaaa")
    sources = mails.store([mails.base64(first, "Comment", 1), mails.base64(second, "Comment", 2)], tmp_path / "mail")
    dry = import_mail(content, *sources["mbox"], dry=True)
    real = import_mail(content, *sources["mbox"])
    said = "2 new pending comments{}, 0 already there, 0 messages without a usable proposal"
    assert said.format(" would be written") in dry.stdout, dry.stdout + dry.stderr
    assert said.format("") in real.stdout, real.stdout + real.stderr


def test_a_letter_labelled_latin_1_in_windows_1252_keeps_its_quotes_dashes_and_euro(tmp_path):
    content = site(tmp_path)
    body = "L’assaig — 5 € — és “curiós”."
    message = EmailMessage()
    message.set_content(the_letter(body=body, name="Eve"), cte="8bit")
    raw = mails.headers(message, "Comentari", 1).as_bytes().replace(b"utf-8", b"iso-8859-1")
    raw = raw.replace(body.encode("utf-8"), body.encode("cp1252"))
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(raw)
    assert import_mail(content, tmp_path / "mail/a.eml").returncode == 0
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert body in written and "\x92" not in written


@pytest.mark.parametrize("label, codec, body", [
    ("gb2312", "gbk", "陈喆说：广告的价值。"),  # 喆 is GBK's, not GB2312's, the label Chinese mail programs write
    ("big5", "cp950", "這裏是臺北，價格 5 €。"),  # 裏 and € are Microsoft's Big5 (CP950), the label Big5's
    ("shift_jis", "cp932", "①番目の髙橋さん。"),  # ① and 髙 are Windows' Shift_JIS
    ("euc-kr", "cp949", "똠방각하의 댓글."),  # 똠 is Windows' Korean (UHC) only
])
def test_a_letter_labelled_as_mail_programs_label_east_asian_text_is_read_as_they_read_it(tmp_path, label, codec, body):
    """A Chinese walk: GBK text labelled gb2312 and CP950 text labelled big5 were refused as "not valid";
    mail programs and browsers read these labels as the wider encodings (WHATWG's Encoding Standard)."""
    with pytest.raises(UnicodeDecodeError):
        body.encode(codec).decode(label)
    content = site(tmp_path)
    message = EmailMessage()
    message.set_content(the_letter(body=body, name="Eve"), cte="8bit")
    raw = mails.headers(message, "Comment", 1).as_bytes().replace(b"utf-8", label.encode())
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(raw.replace(body.encode("utf-8"), body.encode(codec)))
    result = import_mail(content, tmp_path / "mail/a.eml")
    assert result.returncode == 0, result.stderr
    assert comments_of(content)["20261130-0615-k3x9qa7b.es.md"].endswith("\n\n" + body + "\n")


def test_a_short_gb2312_letter_that_is_valid_utf_8_too_is_read_as_gb2312(tmp_path):
    """A second red team: `一些` in GB2312 is valid UTF-8 (`һЩ`), and read so once UTF-8 was tried first."""
    content = site(tmp_path)
    message = EmailMessage()
    message.set_content(the_letter(body="一些", name="Eve"), cte="8bit")
    raw = mails.headers(message, "Comment", 1).as_bytes().replace(b"utf-8", b"gb2312")
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(raw.replace("一些".encode("utf-8"), "一些".encode("gb2312")))
    assert import_mail(content, tmp_path / "mail/a.eml").returncode == 0
    assert comments_of(content)["20261130-0615-k3x9qa7b.es.md"].endswith("\n\n一些\n")


@pytest.mark.parametrize("label", ["gb2312", "big5", "shift_jis", "euc-kr"])
def test_a_utf_8_letter_labelled_with_an_east_asian_character_set_is_read_as_utf_8(tmp_path, label):
    """A red team: a Russian letter in UTF-8 labelled gb2312 read well (gb2312 refused it, UTF-8 took it), and
    read as nonsense once the label was read as GB18030, which takes almost any bytes."""
    content = site(tmp_path)
    body = "Поддерживаю Юрия: всё так."
    message = EmailMessage()
    message.set_content(the_letter(body=body, name="Ирина"), cte="8bit")
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(mails.headers(message, "Comment", 1).as_bytes().replace(b"utf-8", label.encode()))
    assert import_mail(content, tmp_path / "mail/a.eml").returncode == 0
    assert comments_of(content)["20261130-0615-k3x9qa7b.es.md"].endswith("\n\n" + body + "\n")


def test_a_japanese_letter_in_iso_2022_jp_with_windows_letters_is_read_and_never_published_as_escapes(tmp_path):
    """A red team: `その通り①㈱` in ISO-2022-JP, as Japanese mail programs write ① and ㈱ (NEC's row 13), failed the
    standard's codec, and the 7-bit bytes read as UTF-8 were published as `$B$=$NDL$j-!-j(B`."""
    content = site(tmp_path)
    message = EmailMessage()
    message.set_content(the_letter(body="XX", name="Taro", text="XX"), cte="7bit")
    raw = mails.headers(message, "Comment", 1).as_bytes().replace(b"utf-8", b"iso-2022-jp")
    (tmp_path / "mail").mkdir()
    nec = b"\x1b$B$=$NDL$j-!-j\x1b(B"  # その通り①㈱
    (tmp_path / "mail/a.eml").write_bytes(raw.replace(b"XX", nec))
    result = import_mail(content, tmp_path / "mail/a.eml")
    assert result.returncode == 0, result.stderr
    assert comments_of(content)["20261130-0615-k3x9qa7b.es.md"].endswith("\n\nその通り①㈱\n")
    for unread in (b"\x1b$B\x7f\x7f\x1b(B", b"abc \x1b$(D0!\x1b(B def"):  # no letter either way; JIS X 0212's
        (tmp_path / "mail/a.eml").write_bytes(raw.replace(b"XX", unread))
        result = import_mail(site(tmp_path / str(len(unread))), tmp_path / "mail/a.eml")
        assert "not imported: its text is not valid iso-2022-jp" in result.stderr


def test_a_photo_put_in_the_middle_of_a_letter_leaves_both_halves_of_its_text(tmp_path):
    content = site(tmp_path)
    message = EmailMessage()
    message.set_content("Antes de la foto.")
    message.add_attachment(b"\xff\xd8\xff", maintype="image", subtype="jpeg", filename="IMG_1.jpeg", disposition="inline")
    message.add_attachment(the_letter(text="Después de la foto."), subtype="plain", disposition="inline")
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(mails.headers(message, "Comentario", 1).as_bytes())
    result = import_mail(content, tmp_path / "mail/a.eml")
    assert result.returncode == 0, result.stderr
    assert "left out: attachment IMG_1.jpeg" in result.stdout
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "Antes de la foto.\n\nDespués de la foto." in written


def test_a_date_in_the_future_is_left_out_and_said(tmp_path):
    content = site(tmp_path)
    path = "content/posts/hola/comments/20261130-0615-k3x9qa7b.es.md"
    future = letter(BODY, path, comment_file("Eve", BODY, "c1", "", "2099-12-31 23:00+00:00"))
    message = EmailMessage()
    message.set_content(future, cte="8bit")
    message["Subject"], message["From"] = "Comentario", "eve@example.org"
    (tmp_path / "mail").mkdir()
    (tmp_path / "mail/a.eml").write_bytes(message.as_bytes())
    result = import_mail(content, tmp_path / "mail/a.eml")
    assert result.returncode == 0 and "date 2099-12-31 23:00+00:00 left out: it is in the future" in result.stdout
    assert "date:" not in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "latin1"])
def test_a_utf_8_letter_labelled_latin_1_reads_as_the_utf_8_it_is(tmp_path, charset):
    """A mail program sent the page's UTF-8 letter as `charset=iso-8859-1`: read as labelled, every accent
    became two signs (`QuÃ© tal`) in the comment written."""
    content = site(tmp_path)
    body = "Qué tal, señor. Acción € así."
    saved = tmp_path / "utf8.eml"
    saved.write_bytes(raw_letter(charset, the_letter(body=body, name="Eve").encode("utf-8")))
    assert import_mail(content, saved).returncode == 0
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert body in written and "Ã" not in written


def test_the_sender_s_address_written_with_a_character_reference_or_a_percent_escape_is_removed(tmp_path):
    """`eve&#64;example.net` shows `eve@example.net` once built, and `mailto:eve%40example.net` leads there:
    both are the sender's address, which content/, a public repository, never holds."""
    content = site(tmp_path)
    body = ("Write to eve&#64;example.net, eve&#x40;example&period;net, mailto:eve%40example.net, "
            "EVE%40EXAMPLE.NET or eve @ example.net; not to ana&#64;example.net.")
    saved = tmp_path / "a.eml"
    saved.write_bytes(raw_letter("utf-8", the_letter(body=body, name="Eve").encode("utf-8")))
    assert import_mail(content, saved).returncode == 0
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"].split("\n---\n", 1)[1]
    assert written.count("[address removed]") == 5 and "not to ana&#64;example.net." in written
    assert "eve" not in written.lower()


def test_a_mailbox_of_many_letters_to_a_post_of_many_comments_reads_its_folder_once(tmp_path, monkeypatch):
    """Each letter read every comment file of its post again to find itself there: 200 letters to a post of
    3,000 comments took 40 s. The folder is read once per run (counted, not timed: speed lives in
    benchmarks/); a letter sent twice is still written once."""
    from tertulia.importers import mail, proposal

    content = make_content(tmp_path, {f"posts/hola/comments/c{i}.es.md": f"---\nauthor: R{i}\n---\n\nDicho {i}.\n"
                                      for i in range(60)})
    letters = [raw_letter("utf-8", the_letter(body=f"Carta {i}.", name="Eve", comment_id=f"20261130-0615-m{i:07d}")
                          .encode("utf-8"), f"Message-ID: <m{i}@example.net>\n".encode()) for i in range(20)]
    mbox = tmp_path / "many.mbox"
    mbox.write_bytes(b"".join(b"From eve@example.net Mon Nov 30 06:15:00 2026\n" + letter.replace(
        b"Message-ID: <r1@example.net>\n", b"") + b"\n" for letter in letters + letters[:1]))
    parsed = []
    monkeypatch.setattr(proposal, "parse_text", lambda raw, name: parsed.append(name) or parse_text(raw, name))
    said = []
    mail.import_mail([mbox], content, report=said.append, problem=said.append)
    existing = [name for name in parsed if name.startswith("c") and "/" not in name]  # not the letters' own
    # the folder once, and the answered comment (c1) once a letter for its status: not 60 files a letter
    assert set(existing) == {f"c{i}.es.md" for i in range(60)} and len(existing) <= 60 + 21, len(existing)
    assert any("20 new pending comments, 1 already there" in line for line in said), said


def test_a_website_that_was_the_senders_address_is_left_out_with_a_word(tmp_path):
    """`url: mailto:` the sender's own address: removed as every copy of it is, and the import says so,
    as it does for a website it cannot take; it went silently."""
    content = site(tmp_path)
    text = the_letter(url="mailto:eve@example.net", comment_id="20261130-0615-dddddddd").encode()
    result = import_mail(content, *mails.store([raw_letter("utf-8", text)], tmp_path / "mail")["mbox"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-dddddddd.es.md"]
    assert "url:" not in written and "eve@example.net" not in written, written
    assert "website left out: it held the sender's e-mail address" in result.stdout, result.stdout
    assert "eve@example.net" not in result.stdout + result.stderr


def test_a_from_of_thousands_of_addresses_is_read_and_each_one_the_text_holds_is_removed(tmp_path):
    """One letter whose From listed 30,000 addresses held the import for four minutes: the email package
    parsed the header, then the text was searched once per address. Every address the text holds, in any
    spelling, still goes."""
    content = site(tmp_path)
    many = ", ".join(f"u{n}@d{n}.example" for n in range(3000)).encode()
    text = the_letter(body="Mine are u7&#64;d7.example and mailto:u2999%40d2999.example, not u8 at d8.",
                      name="Eve", comment_id="20261130-0615-dddddddd").encode()
    raw = raw_letter("utf-8", text).replace(b"From: Eve <eve@example.net>", b"From: " + many)
    result = import_mail(content, *mails.store([raw], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-dddddddd.es.md"]
    assert "Mine are [address removed] and mailto:[address removed], not u8 at d8." in written, written


def test_a_name_that_is_only_the_sender_s_address_is_no_name(tmp_path):
    """`author: "bob@evil.org"` from bob@evil.org was written `author: "[address removed]"`: a made-up name."""
    content = site(tmp_path)
    text = the_letter(body="Hola.", name="eve@example.net", comment_id="20261130-0615-eeeeeeee").encode()
    result = import_mail(content, *mails.store([raw_letter("utf-8", text)], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-eeeeeeee.es.md"]
    assert 'author: "Anonymous"' in written and "address removed" not in written, written


@pytest.mark.parametrize("typed, written", [("Inês M. <eve@example.net>", "Inês M."),
                                             ("“Sofia Matos”", "Sofia Matos"), ("«Rui»", "Rui"),
                                             ("Eve (eve@example.net)", "Eve"), ("Eve [eve@example.net]", "Eve"),
                                             ("Eve <mailto:eve@example.net>", "Eve")])
def test_a_name_written_with_the_address_after_it_or_in_curly_quotes_is_the_name_alone(tmp_path, typed, written):
    """A participation walk: `Inês M. <[address removed]>` and `"“Sofia Matos”"` were published as names."""
    content = site(tmp_path)
    text = the_letter(body="Hola.", name="NAME", comment_id="20261130-0615-abababab").replace('"NAME"', typed)
    result = import_mail(content, *mails.store([raw_letter("utf-8", text.encode())], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    comment = comments_of(content)["20261130-0615-abababab.es.md"]
    assert f'author: "{written}"' in comment or f"author: {written}\n" in comment, comment


def test_words_after_the_comment_file_are_named_not_dropped_unsaid_but_a_signature_is_left_out(tmp_path):
    """A reader's P.S. under the end marker was left out with no word to the maintainer."""
    content = site(tmp_path)
    signed = the_letter(body="Hola.", name="Eve", comment_id="20261130-0615-ffffffff") + "\n-- \nEve Ruiz\n"
    after = the_letter(body="Hola otra vez.", name="Eve", comment_id="20261130-0615-gggggggg") \
        + "\nP.S. Una cosa más, que olvidé arriba.\n"
    raws = [raw_letter("utf-8", text.encode()).replace(b"<r1@", f"<r{n}@".encode()) for n, text in ((2, signed), (3, after))]
    result = import_mail(content, *mails.store(raws, tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if "ffffffff" in line and "after the comment file" in line] == []
    assert any("gggggggg" in line and "words after the comment file, not in it: “P.S. Una cosa más, que olvidé "
               "arriba.”; add them to the file if they belong to the comment" in line for line in lines), result.stdout


def test_an_html_letter_keeps_the_address_of_each_link_as_markdown_s(tmp_path):
    """`<a href="https://source.example/paper">this paper</a>` came in as "this paper": its address was lost."""
    import html as html_module
    content = site(tmp_path)
    text = the_letter(body="See LINK, and mailto.", name="Eve", comment_id="20261130-0615-hhhhhhhh")
    divs = "".join(f"<div>{html_module.escape(line) if line else '<br>'}</div>\n" for line in text.split("\n"))
    divs = divs.replace("LINK", '<a href="https://source.example/paper_(2)">this [draft] paper</a>', 1)
    divs = divs.replace("mailto", '<a href="mailto:eve@example.net">me</a>', 1)
    message = EmailMessage()
    message.set_content(f'<div dir="ltr">\n{divs}</div>', subtype="html", cte="quoted-printable")
    raw = bytes(mails.headers(message, "Comment", 7))
    result = import_mail(content, *mails.store([raw], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-hhhhhhhh.es.md"]
    assert "See [this \\[draft\\] paper](https://source.example/paper_%282%29), and me." in written, written
    assert "eve@example.net" not in written


def test_a_message_file_in_a_maildir_that_links_elsewhere_is_named_and_not_followed(tmp_path):
    content = site(tmp_path)
    maildir = mails.store([mails.base64(the_letter(), "Comment", 1)], tmp_path / "mail")["maildir"][0]
    secret = tmp_path / "secret.eml"
    secret.write_bytes(mails.base64(the_letter(comment_id="20261130-0616-zzzzzzzz", text=None), "Secret", 2).as_bytes())
    (maildir / "new" / "9999.link.host").symlink_to(secret)
    result = import_mail(content, maildir)
    assert f"{maildir}/new/9999.link.host: not imported: a symbolic link: not followed" in result.stderr
    assert set(comments_of(content)) == {"c1.es.md", "20261130-0615-k3x9qa7b.es.md"}


def test_an_outlook_forward_imports_the_letter_forwarded_not_the_forwarder_s_note(tmp_path):
    """Outlook's forward says "FW:" only in the message's own subject, not in the block it copies."""
    content = site(tmp_path)
    forwarded = ("Vi inoltro.\n\n________________________________\nFrom: Olga <olga@mail.example.net>\n"
                 "Sent: Monday, November 30, 2026 6:15 AM\nTo: talk@example.org\nSubject: Respuesta sobre Hola\n\n"
                 + BODY)
    message = mails.quoted_printable(the_letter(text=forwarded), "FW: Respuesta sobre Hola", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    parsed, _ = parse_text(comments_of(content)["20261130-0615-k3x9qa7b.es.md"].encode(), "x.md")
    assert parsed.body.strip("\n") == BODY
    assert "olga@" not in comments_of(content)["20261130-0615-k3x9qa7b.es.md"]


def test_a_letter_forwarded_as_an_attachment_is_the_proposal_imported_once(tmp_path):
    """"Forward as attachment" (Thunderbird, Outlook, Apple Mail) puts the reader's letter in a
    message/rfc822 part: it was refused as "no comment file in it". Its own date and Message-ID are
    kept, so the same letter sent straight is not imported twice; neither sender's address is written."""
    from email.mime.message import MIMEMessage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    content = site(tmp_path)
    original = mails.quoted_printable(the_letter(), "Respuesta a Carla sobre Hola", 1)
    forward = MIMEMultipart("mixed")
    forward.attach(MIMEText("Te reenvío lo que me mandó Eve.\n\n-- \nModerador\n", "plain", "utf-8"))
    forward.attach(MIMEMessage(original))
    mails.headers(forward, "Fwd: Respuesta a Carla sobre Hola", 2, sender="Mod <mod.private@other.example.com>")
    sources = mails.store([forward, original], tmp_path / "mail")["mbox"]
    result = import_mail(content, *sources)
    assert result.returncode == 0, result.stderr
    assert "1 new pending comment, 1 already there, 0 messages without" in result.stdout
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    parsed, _ = parse_text(written.encode(), "x.md")
    assert parsed.body.strip("\n") == BODY and parsed.meta["author"] == "Eve: x --- status: published"
    for private in ("eve.private", "mod.private", "Te reenvío", "Moderador"):
        assert private not in written
    # two letters forwarded together: each is read (the second was dropped without a word)
    second = mails.quoted_printable(the_letter(body="Otra opinión, breve.", comment_id="20261130-0700-b2c3d4e5"),
                                    "Respuesta a Carla sobre Hola", 3)
    both = MIMEMultipart("mixed")
    both.attach(MIMEText("Dos propuestas.\n", "plain", "utf-8"))
    both.attach(MIMEMessage(original))
    both.attach(MIMEMessage(second))
    mails.headers(both, "Fwd: dos", 4, sender="Mod <mod.private@other.example.com>")
    again = import_mail(content, *mails.store([both], tmp_path / "more")["mbox"])
    assert "1 new pending comment, 1 already there" in again.stdout, again.stdout
    assert "Otra opinión, breve." in comments_of(content)["20261130-0700-b2c3d4e5.es.md"]


def test_an_apple_mail_forward_that_quotes_the_letter_is_the_letter_s_proposal(tmp_path):
    """Apple Mail quotes what it forwards, as a reply quotes: the letter was refused as "it only quotes a
    proposal". One level of `>` goes; a quote the reader wrote stays one."""
    content = site(tmp_path)
    quoted = "\n".join("> " + line if line else ">" for line in the_letter().split("\n"))
    forward = (f"Mira esto.\n\nBegin forwarded message:\n\n> From: Eve <eve.private@mail.example.net>\n"
               f"> Subject: Respuesta a Carla sobre Hola\n> Date: 30 November 2026 at 07:15:00 CET\n>\n{quoted}\n")
    message = mails.quoted_printable(forward, "Fwd: Respuesta a Carla sobre Hola", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    parsed, _ = parse_text(written.encode(), "x.md")
    assert parsed.body.strip("\n") == BODY and "> «los valores no se negocian»" in parsed.body
    assert "eve.private" not in written and "Mira esto" not in written


@pytest.mark.parametrize("date_line, written", [
    ("Date: Mon, Nov 30, 2026 at 7:15 AM", "2026-11-30 06:15"),  # Gmail's: no zone, so the letter's own
    ("Date: Mon, 30 Nov 2026 07:20:00 +0100", "2026-11-30 06:20"),  # Thunderbird's, read in UTC
])
def test_a_forwarded_letter_is_dated_when_it_was_sent_not_when_it_was_forwarded(tmp_path, date_line, written):
    """A participation walk: a Gmail forward sent three days later gave the comment the forward's date."""
    content = site(tmp_path)
    forward = ("Mira esto.\n\n---------- Forwarded message ---------\nFrom: Eve <eve@example.net>\n"
               f"{date_line}\nSubject: Respuesta a Carla sobre Hola\nTo: <talk@example.org>\n\n" + the_letter())
    message = mails.quoted_printable(forward, "Fwd: Respuesta a Carla sobre Hola", 1)
    del message["Date"]
    message["Date"] = "Thu, 03 Dec 2026 10:00:00 +0000"
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    comment = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert f'date: "{written}' in comment and "2026-12-03" not in comment, comment


def test_a_reply_that_quotes_a_proposal_is_still_refused_as_one(tmp_path):
    content = site(tmp_path)
    quoted = "\n".join("> " + line for line in the_letter().split("\n"))
    message = mails.quoted_printable(f"Gracias, lo publico.\n\nOn Mon, 30 Nov 2026 at 07:15, Eve wrote:\n{quoted}\n",
                                     "Re: Respuesta a Carla sobre Hola", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert "it only quotes a proposal" in result.stdout + result.stderr
    assert "20261130-0615-k3x9qa7b.es.md" not in comments_of(content)


def test_a_forward_keeps_the_forwarded_sender_s_address_out_and_is_the_letter_sent_straight(tmp_path):
    """Apple Mail's forward of Dora's letter, whose text repeats her address: the address, only in the
    forward's `> From:` line, was written into the public file, and the letter sent straight became a
    second file (a red team, 2026-12)."""
    content = site(tmp_path)
    body = "Escribidme a dora@private.example, gracias."
    letter_text = the_letter(body=body)
    quoted = "\n".join("> " + line if line else ">" for line in letter_text.split("\n"))
    forward = (f"Mira esto.\n\nBegin forwarded message:\n\n> From: Dora <dora@private.example>\n"
               f"> Subject: Respuesta a Carla sobre Hola\n>\n{quoted}\n")
    forwarded = mails.quoted_printable(forward, "Fwd: Respuesta a Carla sobre Hola", 1)
    straight = mails.headers(EmailMessage(), "Respuesta a Carla sobre Hola", 2, sender="Dora <dora@private.example>")
    straight.set_content(letter_text)
    result = import_mail(content, *mails.store([forwarded, straight], tmp_path / "mail")["mbox"])
    assert result.returncode == 0, result.stderr
    assert "1 new pending comment, 1 already there" in result.stdout, result.stdout
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "dora@" not in written and "Escribidme a [address removed], gracias." in written


def test_a_forward_of_a_forward_is_the_innermost_letter_s_proposal(tmp_path):
    """A Gmail forward of a forward kept the second "Forwarded message" line as the comment, the reader's
    text lost without a word (a red team, 2026-12)."""
    content = site(tmp_path)
    inner = ("---------- Forwarded message ---------\nFrom: Eva <eva@private.example>\nDate: Mon, Nov 30, 2026\n"
             "Subject: Respuesta a Carla sobre Hola\nTo: <talk@example.org>\n\n" + the_letter())
    twice = ("hola\n\n---------- Forwarded message ---------\nFrom: Middle <middle@secret.example>\nDate: Tue, Dec 1, "
             "2026\nSubject: Fwd: Respuesta a Carla sobre Hola\nTo: <owner@site.example>\n\n" + inner)
    message = mails.quoted_printable(twice, "Fwd: Fwd: Respuesta a Carla sobre Hola", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    parsed, _ = parse_text(comments_of(content)["20261130-0615-k3x9qa7b.es.md"].encode(), "x.md")
    assert parsed.body.strip("\n") == BODY


def corrected_letter(typed: str, filed: str, number: int):
    """A reader who corrected a word in the text above the markers: that text, not the file's, is the comment."""
    return mails.quoted_printable(the_letter(body=filed, text=typed), "Comentario", number)


def imported_body(tmp_path, message) -> str:
    content = site(tmp_path)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    parsed, _ = parse_text(comments_of(content)["20261130-0615-k3x9qa7b.es.md"].encode(), "x.md")
    return parsed.body.strip("\n")


def test_a_readers_closing_line_that_begins_sent_from_is_kept_and_a_phone_s_is_not(tmp_path):
    """"Sent from the heart of Bucharest, where agencies are many." was left out as a phone's signature
    when the reader had corrected a word above the markers (a red team, 2026-12)."""
    closing = "Sent from the heart of Bucharest, where agencies are many."
    typed = f"Agencies must treat clients as partners.\n{closing}"
    filed = f"Agencies should treat clients as partners.\n{closing}"
    assert imported_body(tmp_path / "own", corrected_letter(typed, filed, 1)) == typed
    for number, phone in enumerate(("Sent from my iPhone", "Sent from Mail for Windows", "Envoyé de mon iPhone",
                                    "Enviado desde mi Samsung Galaxy"), 2):
        signed = corrected_letter(f"Agencies must treat clients as partners.\n\n{phone}", filed, number)
        assert imported_body(tmp_path / str(number), signed) == "Agencies must treat clients as partners."


def test_a_quote_the_reader_closes_with_is_kept_and_a_quoted_earlier_letter_is_not(tmp_path):
    """"On 3 May 1968, a student in Paris wrote on a wall:" over `> Il est interdit d'interdire.` was left
    out as a reply's quoted letter when the reader had corrected a word above the markers (a red team, 2026-12)."""
    closing = "On 3 May 1968, a student in Paris wrote on a wall:\n> Il est interdit d'interdire."
    typed = f"I fully agree with the essay, and I will end with a quote.\n\n{closing}"
    filed = f"I agree with the essay, and I will end with a quote.\n\n{closing}"
    assert imported_body(tmp_path / "own", corrected_letter(typed, filed, 1)) == typed
    reply = ("I fully agree with the essay.\n\nOn Tue, 3 May 2026 at 10:00, Ana <ana@example.org> wrote:\n"
             "> Il est interdit d'interdire.")
    assert imported_body(tmp_path / "reply", corrected_letter(reply, filed, 2)) == "I fully agree with the essay."


def test_what_is_left_out_of_a_corrected_text_as_the_mail_program_s_is_named_in_the_report(tmp_path):
    """Lines under the reader's text taken for their mail program's were left out with no word: one the
    patterns took wrongly was lost unseen. The report names them, addresses hidden."""
    content = site(tmp_path)
    filed = "I agree with the essay."
    reply = ("I fully agree with the essay.\n\nSent from my iPhone\n\n"
             "On Tue, 3 May 2026 at 10:00, Ana <ana@private.example> wrote:\n> earlier\n> letter")
    messages = [corrected_letter(reply, filed, 1),
                mails.quoted_printable(the_letter(body=filed, text=f"{filed}\n\nSent from my iPhone",
                                                  comment_id="20261130-0615-bbbbbbbb"), "Comentario", 2)]
    result = import_mail(content, *mails.store(messages, tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    corrected = next(line for line in result.stdout.splitlines() if "k3x9qa7b" in line)
    assert corrected.endswith("(left out as the mail program's: “Sent from my iPhone” and 3 lines under it; "
                              "add to the file what of it the reader wrote (the mail holds it))"), corrected
    assert "ana@private" not in result.stdout
    # the file's own text, whole, is the comment: nothing of it is left out, nothing is said
    unchanged = next(line for line in result.stdout.splitlines() if "bbbbbbbb" in line)
    assert "left out" not in unchanged, unchanged


def test_words_after_the_comment_file_are_named_on_one_line_of_the_terminal(tmp_path):
    """A reader's P.S. was printed as it came: an escape sequence in it would have coloured or moved the
    maintainer's terminal. It is shown as every other untrusted word of an import is."""
    content = site(tmp_path)
    after = the_letter(body="Hola.", name="Eve", comment_id="20261130-0615-hhhhhhhh") + "\nP.S. \x1b[2Jborrado\n"
    result = import_mail(content, *mails.store([raw_letter("utf-8", after.encode())], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "not in it: “P.S. \\x1b[2Jborrado”" in result.stdout, result.stdout


def test_a_mail_files_own_name_reaches_the_terminal_on_one_line(tmp_path):
    """A saved message's file name is anyone's: `m10<ESC>]0;TITLE<BEL>.eml` set the terminal's title."""
    content = site(tmp_path)
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "m10\x1b]0;TITLE\x07.eml").write_bytes(b"From: x@example.org\nSubject: hi\n\nNo proposal here.\n")
    result = import_mail(content, str(folder))
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    assert "m10\\x1b]0;TITLE\\x07.eml: not imported" in result.stdout + result.stderr


def test_the_file_s_other_text_kept_unpublished_holds_no_address_of_the_sender(tmp_path):
    """A red team: the comment file's other text, kept as `#` lines of the front matter, and the report
    quoting it kept the sender's address, which the comment itself had removed; a P.S. quoted it too."""
    content = site(tmp_path)
    address = mails.SENDER.split("<")[-1].rstrip(">")
    filed = f"Write to me at {address}: the second paragraph is wrong about the river."
    message = mails.quoted_printable(the_letter(body=filed, text="Thanks! My comment is in the file below.")
                                     + f"\nP.S. again, {address}\n", "Comentario", 1)
    result = import_mail(content, *mails.store([message], tmp_path / "mail")["eml"])
    assert result.returncode == 0, result.stderr
    written = comments_of(content)["20261130-0615-k3x9qa7b.es.md"]
    assert "#   Write to me at [address removed]: the second paragraph is wrong about the river." in written
    assert address not in written and address not in result.stdout and address.split("@")[0] not in result.stdout
    assert "its comment file held another text than the words above it: “Write to me at [address removed]" in result.stdout
