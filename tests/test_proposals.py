"""Proposed comments: hostile values come out as one well-formed file that reads back verbatim."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, run_python
from tertulia.importers.proposal import Refused, read_letter
from tertulia.reading.markup import clean_text, is_safe_url, markup_problem
from tertulia.model import Discussion
from tertulia.site.proposals import (LONGEST_WEBSITE, MAX_URL, PROPOSAL_LIMITS, comment_file, complete_website, github_new_file,
                                     github_new_issue, letter, offline_id, yaml_quoted)
from tertulia.reading.read import parse_text

HOSTILE = [
    "Eve: x", "Eve\n---\nstatus: published", "status: published", "---", "- item", "[a, b]", "{a: b}",
    "&anchor", "*alias", "!!python/object:os.system", "'single'", '"double"', "back\\slash", "#hash",
    "null", "~", "true", "123", "0x1F", "2012-09-11", "<script>alert(1)</script>", "javascript:alert(1)",
    "tab\there", "cr\rhere", "\x00nul", "\x1besc", "\u202eevil", "\u2028line\u2029para", "\x85next",
    "\ufeffbom", "emoji 🗣️", "   spaced   ", "", "%TAG", "@at", "`tick`", "|", ">", "? key",
]
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def read_back(text: str) -> tuple[dict, str]:
    """Front matter and body as the build reads a comment file."""
    parsed, error = parse_text(text.encode("utf-8"), "c.en.md")
    assert error is None, error
    return parsed.meta, parsed.body


@pytest.mark.parametrize("value", HOSTILE)
def test_a_quoted_value_reads_back_exactly(value):
    meta, _ = read_back(f"---\nauthor: {yaml_quoted(value)}\n---\n\nx\n")
    assert meta == {"author": value}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_composed_file_has_only_the_keys_given_and_the_values_verbatim(name):
    text = comment_file(name, "A body\n---\nstatus: spam\n", reply_to="c1", url=name, date="2026-11-29 21:05")
    meta, body = read_back(text)
    expected = {"author": name or "Anonymous", "url": name, "date": "2026-11-29 21:05", "reply_to": "c1"}
    assert meta == {key: value for key, value in expected.items() if value}
    assert "status: spam" in body and text.count("\n---\n") == 2


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_back(value):
    meta, _ = read_back(f"---\nauthor: {yaml_quoted(value)}\n---\n\nx\n")
    assert meta["author"] == value


def compose_in_browser_script(cases: list[dict]) -> list[dict]:
    """The page's own composer (assets/propose.js), run by node on the same cases."""
    script = """
const p = require(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const crypto = require("crypto");
const ids = [];
const now = new Date(Date.UTC(2026, 10, 29, 21, 5));
for (let i = 0; i < 10000; i++) ids.push(p.newId(now, (a) => crypto.getRandomValues(a)));
console.log(JSON.stringify({
  files: cases.map((c) => p.commentFile(c)),
  urls: cases.map((c) => p.githubUrl("owner/repo", "main", "content/posts/x/comments/a.en.md", p.commentFile(c))),
  ids, date: p.dateOf(now), max: p.MAX_URL, website: p.LONGEST_WEBSITE,
}));
"""
    result = subprocess.run(["node", "-e", script, str(ROOT / "assets" / "propose.js")], input=json.dumps(cases),
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_page_script_composes_files_that_read_back_verbatim():
    cases = [{"author": name, "url": name, "replyTo": "c1" if i % 2 else "", "body": f"Body {i}\r\n\r\n{name}"}
             for i, name in enumerate(HOSTILE)]
    out = compose_in_browser_script(cases)
    for case, text, url in zip(cases, out["files"], out["urls"]):
        meta, body = read_back(text)
        expected = {"author": case["author"] or "Anonymous"}
        if case["url"]:
            expected["url"] = case["url"]
        if case["replyTo"]:
            expected["reply_to"] = case["replyTo"]
        assert meta == expected
        typed = case["body"].replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        assert body.strip("\n") == clean_text(typed)  # the build drops what XML forbids, as from any file
        query = parse_qs(urlsplit(url).query, keep_blank_values=True)
        assert query["value"] == [text] and query["filename"] == ["content/posts/x/comments/a.en.md"]


def test_the_page_script_ids_never_collide_and_match_the_id_pattern():
    out = compose_in_browser_script([])
    ids = out["ids"]
    assert len(set(ids)) == 10000
    assert all(ID.fullmatch(i) and i.startswith("20261129-2105-") for i in ids)
    assert out["date"] == "2026-11-29 21:05+00:00" and out["max"] == MAX_URL == 8000
    assert out["website"] == LONGEST_WEBSITE  # the page refuses no address the import takes


def test_a_lone_surrogate_from_a_paste_becomes_a_replacement_character():
    out = compose_in_browser_script([{"author": "a\ud800b", "url": "", "replyTo": "", "body": "x\udc00"}])
    meta, body = read_back(out["files"][0])
    assert meta["author"] == "a\ufffdb" and body.strip() == "x\ufffd"


def test_the_github_url_round_trips_the_file():
    text = comment_file("Ana & Eve", "¿Qué? 100% <b>sí</b>\n\nSegundo + párrafo #1")
    url = github_new_file(Discussion("owner/repo", "feature/x"), "content/posts/a/comments/b.es.md", text)
    parts = urlsplit(url)
    assert parts.scheme == "https" and parts.netloc == "github.com" and parts.path == "/owner/repo/new/feature/x"
    assert parse_qs(parts.query) == {"filename": ["content/posts/a/comments/b.es.md"], "value": [text]}


def test_offline_ids_match_the_pattern_and_differ_per_parent_and_language():
    ids = {offline_id("essay", parent, lang, 7) for parent in ("", "c1", "c2") for lang in ("en", "es")}
    assert len(ids) == 6 and all(ID.fullmatch(i) for i in ids)
    assert offline_id("essay", "c1", "en", 7) == offline_id("essay", "c1", "en", 7)


def run_page_script(script: str, cases) -> dict:
    """Run `script` with the page's propose.js as `p` and the JSON `cases` as `cases`."""
    code = 'const p = require(process.argv[1]); const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));\n'
    result = subprocess.run(["node", "-e", code + script, str(ROOT / "assets" / "propose.js")],
                            input=json.dumps(cases), capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_the_page_and_python_write_the_same_letter_and_issue_link():
    cases = [{"body": f"Body {i}\r\n\r\n{name}", "author": name, "path": "content/posts/x/comments/a.en.md",
              "title": name} for i, name in enumerate(HOSTILE)]
    out = run_page_script("""console.log(JSON.stringify(cases.map((c) => {
      const file = p.commentFile({author: c.author, body: c.body});
      const mail = p.letter(c.body, c.path, file);
      return {letter: mail, issue: p.issueUrl("owner/repo", c.title, mail)};
    })));""", cases)
    for case, composed in zip(cases, out):
        body = clean_text(case["body"])
        file_text = comment_file(case["author"], body)
        if body == case["body"] and case["author"] == clean_text(case["author"]):
            assert composed["letter"] == letter(body, case["path"], file_text)
        python_url = github_new_issue(Discussion("owner/repo", issues=True), case["title"], composed["letter"])
        for url in (composed["issue"], python_url):  # the two escape `*` and `'` differently, to the same effect
            parts = urlsplit(url)
            assert (parts.netloc, parts.path) == ("github.com", "/owner/repo/issues/new")
            assert parse_qs(parts.query, keep_blank_values=True) == {
                "template": ["comment.md"], "labels": ["comment"], "title": [case["title"]], "body": [composed["letter"]]}
        proposal = read_letter(composed["letter"])
        assert proposal.path == case["path"]
        assert proposal.meta == {"author": case["author"] or "Anonymous"}


WEBSITES = ["", "https://eve.example.org/", "http://x.org", "eve.example.org", "eve.example.org/blog?a=1#b",
            "  example.org  ", "javascript:alert(1)", "ftp://example.org/", "mailto:eve@example.org", "eve@example.org",
            "not a site", "localhost", "HTTPS://EXAMPLE.ORG/", "example.org/<script>", "//example.org/", "ex ample.org",
            "example.org.", "a..b", ".a.b", "a." * 900 + "@",  # a red team's: 64 KB of `a.` took the import 20 s
            "e.org/" + "x" * 2000]


def test_the_page_completes_a_website_as_the_import_does_and_check_accepts_the_result():
    script = f"""const pattern = {json.dumps(PROPOSAL_LIMITS["website"])};
console.log(JSON.stringify(cases.map((c) => p.completeWebsite(c, pattern))));"""
    out = run_page_script(script, WEBSITES)
    for typed, page in zip(WEBSITES, out):
        url, problem = complete_website(typed)
        assert page.get("url", "") == url and bool(page.get("problem")) == bool(problem), typed
        assert not url or is_safe_url(url), typed
    assert complete_website("eve.example.org") == ("https://eve.example.org", "")


BODIES = ["x", "[" * 500, "[" * 501, "a" * 50_000, "a" * 50_001, "🗣️" * 20_000, "é" * 50_000 + "[", "[]" * 300,
          "<" * 500, "<a " * 501, "a\n" * 2000, "\n\na\n" * 2000, "a\n" * 2001, "a\r\n" * 2000 + "\r\n\n",
          "a\r" * 2001, "a\r\n" * 2001]


def test_the_page_refuses_exactly_what_check_refuses():
    limits = {kind: PROPOSAL_LIMITS[kind] for kind in ("chars", "brackets", "angles", "lines")}
    out = run_page_script(f"console.log(JSON.stringify(cases.map((c) => p.commentProblem(c, {json.dumps(limits)}))));",
                          BODIES)
    for body, page in zip(BODIES, out):
        assert (page is not None) == (markup_problem(body, trusted=False) is not None), body[:20]


def test_the_next_free_name_stays_a_comment_id_even_at_the_longest(tmp_path):
    from tertulia.importers.proposal import _free_id
    from tertulia.reading.names import MAX_KEY, is_key
    longest = "a" * (MAX_KEY - 3) + "-bc"
    (tmp_path / f"{longest}.es.md").write_text("taken")
    (tmp_path / "seven.es.md").write_text("taken")
    (tmp_path / "seven-2.en.md").write_text("taken")
    assert _free_id(tmp_path, "seven", "hola", None)[0] == "seven-3"
    free, why = _free_id(tmp_path, longest, "hola", None)
    assert is_key(free) and free == "a" * (MAX_KEY - 3) + "-2" and why == f"another comment is {longest} already"


@pytest.mark.parametrize("proposed, named", [("7", "reader-7"), ("12-2", "reader-12-2"),
                                             ("disqus-5021", "reader-disqus-5021"), ("r7-1a2b", "r7-1a2b")])
def test_a_proposal_never_takes_a_name_an_import_gives(tmp_path, proposed, named):
    """A reader who names a proposal `disqus-5021` (or `7`) held the name of a comment a later import
    brings: that comment was kept out. The form's own names never look like these."""
    from tertulia.importers.proposal import _free_id
    (tmp_path / "reader-12-2.es.md").write_text("taken")
    free, why = _free_id(tmp_path, proposed, "hola", None)
    assert free == (named if named != "reader-12-2" else "reader-12-2-2")
    assert ("kept for the comments an import brings" in why) == (named != proposed)


@pytest.mark.parametrize("proposed, on_disk, named, why", [
    ("alice-p1", ["alice"], "alice-p1-2", "alice-p1 is the address of a passage of comment alice"),
    ("alice", ["alice-p3"], "alice-2", "comment alice-p3 has the address of a passage of alice"),
    ("alice-p1", ["bob"], "alice-p1", ""),
])
def test_a_proposed_name_that_is_a_passage_address_of_the_thread_is_renamed(tmp_path, proposed, on_disk, named, why):
    """`#comment-alice-p1` is Alice's first paragraph: a comment called `alice-p1` beside her is refused
    by check, so the importer names it otherwise, as it does a name already taken."""
    from tertulia.importers.proposal import _free_id
    for name in on_disk:
        (tmp_path / f"{name}.es.md").write_text("taken")
    assert _free_id(tmp_path, proposed, "hola", None) == (named, why)


FILE = ("-------- Tertulia comment file: keep it as it is --------\ncontent/posts/hola/comments/c9.ca.md\n"
        "---\nauthor: \"Rosa\"\n---\n\n{body}\n-------- end of the comment file --------\n")


def letter_of(typed: str, body: str) -> str:
    return typed + "\n\n" + FILE.format(body=body)


@pytest.mark.parametrize("typed,expected", [
    # a mail program's line over the letter it quotes, in the site's languages: the quote and its address go
    ("Trobo que té raó.\n\nEl dl., 4 de març 2024 a les 18:22, Jordi Vilà <jordi@example.org> va escriure:\n> Hola",
     "Trobo que té raó."),
    ("Trobo que té raó.\n\nIl giorno lun 4 mar 2024 alle ore 18:22 Jordi <j@example.org> ha scritto:\n> Ciao",
     "Trobo que té raó."),
    ("أوافقك.\n\nفي 4 مارس 2024، الساعة 18:22، كتب Jordi <j@example.org>:\n> مرحبًا", "أوافقك."),
    ("מסכימה.\n\nב-4 במרץ 2024, בשעה 18:22, Jordi <j@example.org> כתב/ה:\n> שלום", "מסכימה."),
    ("מסכימה.\n\n-----הודעה מקורית-----\nמאת: Jordi <j@example.org>\nנשלח: יום שני 4 מרץ 2024 18:22\n\nשלום",
     "מסכימה."),
    ("أوافقك.\n\nمن: Jordi <j@example.org>\nتاريخ الإرسال: الاثنين، 4 مارس 2024 18:22\n\nمرحبًا", "أوافقك."),
    # Outlook's header block over the letter a reply copies in
    ("Perdó, m'he descuidat.\n\n________________________________\nFrom: Núria <n@example.org>\nSent: Tuesday, "
     "March 5, 2024 10:01\nTo: tertulia@example.org\nSubject: Comentari\n\nL'anterior.", "Perdó, m'he descuidat."),
    ("Voilà, plus court.\n\n________________________________\nDe : Site <talk@example.org>\nEnvoyé : lundi 4 mars "
     "2024 18:22\nÀ : Eve\nObjet : Commentaire\n\nAppelez-moi au +34 600 111 222.", "Voilà, plus court."),
    ("Așa e mai scurt.\n\n________________________________\nDe la: Site <talk@example.org>\nTrimis: luni, 4 martie "
     "2024 18:22\nCătre: Eve\nSubiect: Comentariu\n\nSunați-mă.", "Așa e mai scurt."),
    # German names the writer after the verb: "Am … schrieb Jordi <…>:"
    ("Stimmt.\n\nAm 04.03.2024 um 18:22 schrieb Jordi Vilà <jordi@example.org>:\n> Hallo", "Stimmt."),
    ("Zgadzam się.\n\nW dniu 4.03.2024 o 18:22, Jordi <j@example.org> pisze:\n> Cześć", "Zgadzam się."),
    # Russian, Ukrainian and Japanese lines begin with the date; Gmail's name no verb, only the address
    ("Согласна.\n\nпн, 4 мар. 2024 г. в 18:22, Jordi <j@example.org>:\n> Привет", "Согласна."),
    ("Згодна.\n\nпн, 4 бер. 2024 р. о 18:22 Jordi <j@example.org> пише:\n> Привіт", "Згодна."),
    ("Согласна.\n\n04.03.2024 18:22, Jordi пишет:\n> Привет", "Согласна."),
    ("Согласна.\n\n4 мар. 2024 г., в 18:22, Jordi <j@example.org> написал(а):\n> Привет", "Согласна."),
    ("賛成です。\n\n2024年3月4日(月) 18:22 Jordi <j@example.org>:\n> こんにちは", "賛成です。"),
    # a reader's own line over a quote, with a year, a verb or an address but no mail program's time
    *[(f"Great essay.\n\n{line}\n> Все счастливые семьи", f"Great essay.\n\n{line}\n> Все счастливые семьи")
      for line in ("В 2024 году Jordi писал:", "В 1869 году Толстой написал:", "У 1840 році Шевченко написав:",
                   "Ещё в 1999 году Бродский написал в письме:",
                   "In 2019 I asked the ministry <info@gob.es> and they answered:")],
    # dated, but with no time of day, or with words of the reader's after the verb
    *[(f"Great essay.\n\n{line}\n> Il est interdit d'interdire.", f"Great essay.\n\n{line}\n> Il est interdit d'interdire.")
      for line in ("On 3 May 1968, a student in Paris wrote on a wall:", "On 3 May 1968 at 10:00, a student wrote on a wall:",
                   "On Monday at 10:00, the minister wrote:")],
    ("Stimmt.\n\nAm 04.03.2024 um 18:22 schrieb Jordi Vilà:\n> Hallo", "Stimmt."),
    # the sender first (Gmail on a phone), Apple Mail's Japanese, a direction mark after the colon, Zimbra's rule
    *[(f"Stimmt.\n\n{line}\n> Hallo", "Stimmt.") for line in (
        "Jordi <j@example.org> schrieb am So., 29. Nov. 2026, 21:05:",
        "Jordi <j@example.org> escreveu no dia domingo, 29/11/2026 à(s) 21:05:",
        "2026/11/30 6:15、Jordi <j@example.org>のメール:",
        "On Sun, Nov 29, 2026 at 9:05 PM Jordi <j@example.org> wrote:\u200f")],
    ("Stimmt.\n\n----- Mail original -----\nDe: Jordi\n\nHallo", "Stimmt."),
    ("Agreed.\n\nOn 3/4/24 18:22, Jordi Vilà wrote:\n> Hello", "Agreed."),
    ("M'agrada.\n\nEnviat des de l'Outlook per a iOS", "M'agrada."),
    ("M'agrada.\n\nSent from my iPhone\n", "M'agrada."),
    ("M'agrada.\n\nGet Outlook for iOS", "M'agrada."),
    ("M'agrada.\n\nInviato dal mio iPhone", "M'agrada."),
    # as carriers, makers and apps write theirs, and in the languages whose verb comes last (a red team, 2026-12)
    *[(f"M'agrada.\n\n{line}", "M'agrada.") for line in (
        "Sent from my Verizon, Samsung Galaxy smartphone", "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Sent from the all new AOL app for iOS", "Sent from my T-Mobile 4G LTE Device", "Sent from my LG G6",
        "Sent from my HTC", "Sent from Xfinity Connect App", "Enviado desde mi Samsung Galaxy, un smartphone de AT&T",
        "Von meinem iPhone gesendet", "iPhoneから送信", "Envoyé à partir de Courrier pour Windows",
        "Obtenir Outlook pour iOS", "أرسلت من iPhone الخاص بي", "Skickat från min iPhone", "Hämta Outlook för Android",
        "Verzonden vanaf mijn iPhone",
        # a Georgian walk with Armenian: "Sent from my iPhone" in theirs was kept in the comment
        "Ուղարկված է իմ iPhone-ից", "გაგზავნილია ჩემი iPhone-დან")],
    # Dutch's and Swedish's mail programs, now that their pages speak those languages
    ("Eens.\n\n-----Oorspronkelijk bericht-----\nVan: Jordi\n\nHallo", "Eens."),
    ("Håller med.\n\n-----Ursprungligt meddelande-----\nFrån: Jordi\n\nHej", "Håller med."),
    ("Håller med.\n\nDen sön 29 nov. 2026 kl 21:05 skrev Jordi <j@example.org>:\n> Hej", "Håller med."),
    ("Voor de site.\n\n---------- Doorgestuurd bericht ---------\nVan: Rosa <r@example.org>\nDate: ma 10 mrt 2024\n"
     "Subject: Reactie\n\nReactie van mijn moeder.", "Reactie van mijn moeder."),
    ("Till sidan.\n\n---------- Vidarebefordrat meddelande ---------\nFrån: Rosa <r@example.org>\nDate: mån 10 mars 2024\n"
     "Subject: Kommentar\n\nMin mammas kommentar.", "Min mammas kommentar."),
    ("Till sidan.\n\n________________________________\nFrån: Rosa <r@example.org>\nSkickat: den 10 mars 2024 "
     "18:22\nTill: Ana <a@example.org>\nÄmne: VB: Kommentar\n\nMin mammas kommentar.", "Min mammas kommentar."),
    # a reader's own closing line that begins as a phone's does: no device or mail app named, or a comma
    ("M'agrada.\nSent from my heart.", "M'agrada.\nSent from my heart."),
    ("M'agrada.\nEnviado desde Madrid, con cariño.", "M'agrada.\nEnviado desde Madrid, con cariño."),
    ("M'agrada.\nSent from my Mom's kitchen.", "M'agrada.\nSent from my Mom's kitchen."),
    ("Håller med.\nSkickat från Kiruna, juli 2024", "Håller med.\nSkickat från Kiruna, juli 2024"),  # a year is no model
    ("M'agrada.\nSent from the heart of Bucharest, where agencies are many.",
     "M'agrada.\nSent from the heart of Bucharest, where agencies are many."),
    # a forward: the letter forwarded is the proposal, not the note of whoever forwarded it
    ("Reenvio això per la meva mare.\n\n---------- Forwarded message ---------\nFrom: Rosa <r@example.org>\n"
     "Date: dl., 10 de març 2024\nSubject: Comentari\n\nComentari de la meva mare.", "Comentari de la meva mare."),
    # Apple Mail's forward, whose headers carry the reader's address, and Outlook's, told from its reply by "FW:"
    ("Per a la web.\n\nBegin forwarded message:\n\nFrom: Rosa <r@example.org>\nSubject: Comentari\nDate: 10 March "
     "2024 at 18:22:01 CET\nTo: Ana <a@example.org>\n\nComentari de la meva mare.", "Comentari de la meva mare."),
    ("Per a la web.\n\nDébut du message réexpédié :\n\nDe: Rosa <r@example.org>\nObjet: Comentari\n\nComentari.",
     "Comentari."),
    ("Per a la web.\n\n________________________________\nFrom: Rosa <r@example.org>\nSent: Sunday, March 10, 2024 "
     "18:22\nTo: Ana <a@example.org>\nSubject: FW: Comentari\n\nComentari de la meva mare.", "Comentari de la meva mare."),
    ("Per a la web.\n\n________________________________\nDe : Rosa <r@example.org>\nEnvoyé : dimanche 10 mars 2024 "
     "18:22\nÀ : Ana\nObjet : TR : Comentari\n\nComentari de la meva mare.", "Comentari de la meva mare."),
    # the reader's own words that look like a mail program's: a quote they introduce, a heading's underline
    ("Molt bé.\n\nOn paragraph 2 you wrote:\n> Every paragraph", "Molt bé.\n\nOn paragraph 2 you wrote:\n> Every paragraph"),
    ("جميل.\n\nفي الفقرة 2 كتبت:\n> كل فقرة", "جميل.\n\nفي الفقرة 2 كتبت:\n> كل فقرة"),
    ("Dues idees\n--\n\nPrimera.\n\nSegona.", "Dues idees\n--\n\nPrimera.\n\nSegona."),
    ("Bé.\n\n-- \nAna, des del tren", "Bé."),
    # a reader's emphasis at the very end is theirs; a phone's line above a quoted letter is not
    ("Molt _bé_", "Molt _bé_"),
    ("M'agrada.\n\nSent from my iPhone\n\nEl dl., 4 de març 2024 a les 18:22, Jordi <j@example.org> va escriure:\n> Hola",
     "M'agrada."),
])
def test_a_letter_keeps_what_its_writer_wrote_and_leaves_out_what_mail_programs_add(typed, expected):
    assert read_letter(letter_of(typed, "La còpia del fitxer.")).body == expected


OUTLOOK_FORWARD = ("Vi inoltro.\n\n________________________________\nFrom: Olga <o@example.org>\nSent: Friday, "
                   "December 4, 2026 10:00 AM\nTo: talk@example.org\nSubject: Commento su «La città lenta»\n\n"
                   "Commento da Outlook inoltrato.")


def test_outlook_s_forward_is_told_by_the_message_s_own_subject():
    # Outlook writes "FW:" in the message's subject; the block it copies keeps the original subject
    for subject in ("FW: Commento su «La città lenta»", "I: Commento", "WG: Kommentar", "RE: Fwd: Commento"):
        assert read_letter(letter_of(OUTLOOK_FORWARD, "Altro."), subject=subject).body == "Commento da Outlook inoltrato."
    # the same block under a reply's subject is the letter answered, quoted under the reader's text
    assert read_letter(letter_of(OUTLOOK_FORWARD, "Altro."), subject="RE: Commento").body == "Vi inoltro."


def test_a_comment_that_holds_the_end_line_is_read_whole_and_nothing_is_said_to_follow_it():
    words = "Prima.\n\n-------- end of the comment file --------\n\nFine. Parola."
    for typed in (words, ""):
        proposal = read_letter(letter_of(typed, words))
        assert proposal.body == words and proposal.after == ""
    second = letter_of("Uno.", "Uno.") + "\n" + FILE.format(body="Due.")
    assert read_letter(second).body == "Uno." and read_letter(second).others == 1


def test_marker_lines_a_reader_writes_into_the_comment_do_not_choose_its_essay_or_name():
    """A red team: a comment quoting a letter's two marker lines, round another essay's file and another
    name, went into that essay under that name, the comment cut to its first line."""
    example = letter("text", "content/posts/second/comments/x.en.md", comment_file("Someone", "text", "", "", "2026-11-30"))
    words = "To propose by mail, the letter ends like this:\n\n" + example.strip() + "\n\nand that is all."
    proposal = read_letter(letter(words, "content/posts/welcome/comments/t.en.md",
                                  comment_file("Teacher", words, "", "", "2026-11-30 06:15")))
    assert proposal.path == "content/posts/welcome/comments/t.en.md" and proposal.meta["author"] == "Teacher"
    assert proposal.body == words and proposal.others == 0 and proposal.unread == ""
    # two files one after the other are still two: the first read, the second named
    two = letter("Uno.", "content/posts/a/comments/1.en.md", comment_file("A", "Uno.", "", "", "2026-11-30")) + "\n" + \
        letter("Dos.", "content/posts/b/comments/2.en.md", comment_file("B", "Dos.", "", "", "2026-11-30"))
    assert read_letter(two).path == "content/posts/a/comments/1.en.md" and read_letter(two).others == 1


def test_the_file_s_text_stands_where_the_text_above_is_the_link_s_placeholder_or_cut_short():
    words = frozenset({"El teu comentari, en Markdown."})
    assert read_letter(letter_of("El teu comentari, en Markdown.", "Maria, jo també."), placeholders=words).body == "Maria, jo també."
    assert read_letter(letter_of("Text nou.", "El teu comentari, en Markdown."), placeholders=words).body == "Text nou."
    with pytest.raises(Refused, match="only the words the link put there"):
        read_letter(letter_of("El teu comentari, en Markdown.", "El teu comentari, en Markdown."), placeholders=words)
    cut = read_letter(letter_of("Tres punts", "Tres punts\n--\n\n1. Un."), mail=True)
    assert cut.body == "Tres punts\n--\n\n1. Un."


def test_an_issue_s_text_is_taken_as_typed_no_mail_program_wrote_it():
    typed = "Bé.\n\n-- \nno és una signatura\n\nOn Sun, 29 Nov 2026, Ana wrote:\n> i això tampoc"
    assert read_letter(letter_of(typed, "altre"), mail=False).body == typed


@pytest.mark.parametrize("mail", [True, False])
def test_a_letter_wrapped_in_a_code_block_leaves_no_stray_fence(mail):
    """A reader pasting the letter into an issue may wrap it, or the comment file alone, in a code
    block to keep it as it is; a code block of the reader's own keeps both fences."""
    whole = "```\n" + letter_of("Molt bé.", "La còpia.") + "```\n"
    assert read_letter(whole, mail=mail).body == "Molt bé."
    file_only = "Molt bé.\n\n```text\n" + FILE.format(body="La còpia.") + "```\n"
    assert read_letter(file_only, mail=mail).body == "Molt bé."
    inside = "Molt bé.\n\n" + FILE.format(body="La còpia.").replace("content/posts", "```\ncontent/posts", 1)
    assert read_letter(inside, mail=mail).meta == {"author": "Rosa"}
    wrapped = inside.replace("\n-------- end", "\n```\n-------- end")
    proposal = read_letter(wrapped.replace("Molt bé.", ""), mail=mail)
    assert proposal.path == "content/posts/hola/comments/c9.ca.md" and proposal.body == "La còpia."
    own = "Mira:\n\n```\nprint(1)\n```"
    assert read_letter(letter_of(own, "altre"), mail=mail).body == own
    # a note above the wrapped letter: its fence opens under the note, and closes after the file (a red team's)
    noted = read_letter("Aquí va mi comentario:\n\n" + whole, mail=mail)
    assert noted.body == "Aquí va mi comentario:\n\nMolt bé." and noted.after == ""  # the note is words typed too
    unclosed = "Regardez :\n\n```\nprint(1)"  # a reader's own block, run to the comment's end: kept whole
    assert read_letter(letter_of(unclosed, "altre"), mail=mail).body == unclosed



def _finishes_within(seconds: float, code: str) -> None:
    """Runs `code` in a Python of its own, which is stopped past `seconds`: an input that costs hours fails
    the test instead of stalling the suite."""
    result = subprocess.run([__import__("sys").executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=seconds)
    assert result.returncode == 0, result.stderr


def test_a_long_line_over_the_file_is_never_taken_for_an_attribution_and_costs_no_hours():
    """`on 0000 0000 …` (200 KB) looked like "On <date> … wrote:" to a pattern whose cost is a line's cube."""
    _finishes_within(60, "import sys; sys.path.insert(0, 'tests')\n"
                         "from test_proposals import letter_of\n"
                         "from tertulia.importers.proposal import read_letter\n"
                         "typed = 'on ' + '0000 ' * 40000\n"
                         "assert read_letter(letter_of(typed, 'Hola.')).body.strip() == typed.strip()\n")


def test_a_front_matter_line_of_many_spaces_reads_in_linear_time():
    """`author: b` + 100,000 spaces + `x`: 32 s of CPU for one file, in check, build, serve and the imports."""
    from tertulia.reading.yamltext import simple_mapping
    assert simple_mapping("author: b" + " " * 10 + "x  ") == {"author": "b" + " " * 10 + "x"}
    _finishes_within(60, "from tertulia.reading.yamltext import simple_mapping\n"
                         "assert simple_mapping('author: b' + ' ' * 200000 + 'x') == {'author': 'b' + ' ' * 200000 + 'x'}\n")


def test_the_preview_keeps_as_text_the_tags_the_build_keeps_or_shows_and_drops_only_the_others():
    """propose.js's list of the tags its preview does not take out is the build's (markup.py's two sets)."""
    from tertulia.reading.markup import COMMENT_TAGS, SWALLOWING_TAG
    script = (ROOT / "assets" / "propose.js").read_text(encoding="utf-8")
    page = re.search(r"var KEPT_OR_SHOWN = /\^\(\?:([a-z|]+)\)\$/i;", script).group(1).split("|")
    shown = re.search(r"\(\?:([a-z|]+)\)", SWALLOWING_TAG.pattern).group(1).split("|")
    assert sorted(page) == sorted(COMMENT_TAGS | set(shown))


@pytest.mark.parametrize("html,text", [
    ("<p><i>a</i><i>b</i> and <b>c</b> <b>d</b></p>", "*ab* and **c** **d**"),  # one run a mail program cut in two
    ("<p><b>x\\</b>y</p>", "x\\y"),  # `**x\**y` would show its stars
    ("<p><i>e</i><b>f</b> and 5*<i>g</i></p>", "*e*f and 5*g"),  # no reading of `*e***f**` says which was which
    ("<blockquote><b> quoted </b>words</blockquote>", "> **quoted** words"),
])
def test_an_html_letter_s_bold_and_italics_become_markdown_that_reads_as_they_showed(html, text):
    from tertulia.importers.mail import html_text
    assert html_text(html).strip() == text


def test_an_html_letter_of_thousands_of_nested_or_spaced_tags_is_read_in_time():
    """Each closing tag joined all its element held, and spaces were scanned once per character: a 1 MB
    letter of them would have held `import mail` for minutes (a red team's)."""
    import time
    from tertulia.importers.mail import html_text
    for html in ("<b>a" + "&nbsp;" * 20_000 + "b</b>", "<b>a" * 20_000 + "</b>" * 20_000,
                 '<a href="https://x.example/">a' * 20_000 + "</a>" * 20_000):
        started = time.process_time()
        assert html_text(html).startswith(("**a", "a", "[a"))
        assert time.process_time() - started < 3


def test_an_html_letter_s_markdown_is_the_markdown_its_reader_typed():
    """The form asks for Markdown, and a mail program sends what was typed as HTML text (`&lt;b&gt;`): the
    letter's text is that Markdown again, a tag and a code span as typed, never escaped once more (a review
    found a form's `<b>bold</b>`, `<div>` in a code span and `R&D` garbled by an escape meant for words)."""
    from tertulia.importers.mail import html_text
    typed = "I like <b>bold</b>, `&lt;div>` and R&amp;D: <https://example.org/x>"
    html = "<p>" + typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    assert html_text(html).strip() == typed


@pytest.mark.parametrize("written", [
    "ana\\_maria@example.org",  # a Markdown escape, which the page does not show
    "ana_maria＠example.org",  # the full-width at sign
    "ana_<span>maria</span>@<i>example</i>.org",  # a letter's HTML, tags between its characters
    "ana_maria@*example*.org",  # the same once made Markdown
])
def test_the_sender_s_address_is_removed_however_its_characters_are_marked(written):
    """A red team: these spellings of the sender's address were written into the public comment file."""
    from tertulia.importers.private import REDACTED, redacted
    assert redacted(f"Write to {written} any time.", ("ana_maria@example.org",)) == f"Write to {REDACTED} any time."
    assert redacted("anamaria@example.org", ("ana_maria@example.org",)) == "anamaria@example.org"  # another's


def test_an_address_is_removed_with_its_host_in_either_spelling():
    from tertulia.importers.private import REDACTED, redacted
    for sender in ("ana@xn--bcher-kva.example", "ana@bücher.example"):
        assert redacted("ana@bücher.example, ana@xn--bcher-kva.example", (sender,)) == f"{REDACTED}, {REDACTED}"


def test_an_address_made_of_marks_is_found_in_linear_time_and_others_addresses_are_kept():
    """A review: with `_` a mark between any two characters, `a_a_…_a@x.org` against a text of `_____`
    runs took exponential time (an import stalled for an hour); `ana_maria@x.org` was removed for the
    sender `anamaria@x.org`, `diana@…` became `di[address removed]`, and words between `<` and `>` went."""
    import sys
    from tertulia.importers.private import REDACTED, redacted
    program = ("from tertulia.importers.private import redacted\n"
               "sender = '_'.join('a' * 32) + '@x.org'\n"
               "print(redacted('Hola x.org ' + '_____'.join('a' * 32) + '@x.orz fin, ' + sender, (sender,)))")
    # in a process of its own, so that a search that never ends fails here instead of holding the suite
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.endswith(f"fin, {REDACTED}\n"), done.stderr
    assert redacted("Pregunta a ana_maria@x.org.", ("anamaria@x.org",)) == "Pregunta a ana_maria@x.org."
    assert redacted("diana@x.org, ana@x.org.uk, ana@x.org.", ("ana@x.org",)) == f"diana@x.org, ana@x.org.uk, {REDACTED}."
    assert redacted("see a<- this ->@b.co", ("a@b.co",)) == "see a<- this ->@b.co"
    assert redacted("_ana@x.org_", ("ana@x.org",)) == f"_{REDACTED}_"


@pytest.mark.parametrize("written", ["ana<!-- -->@x.org", "https://www.google.com/search?q=write+to+ana%40x.org",
                                     "[me](mailto:?to=%20ana%40x.org)"])
def test_the_sender_s_address_is_removed_behind_a_comment_a_plus_or_a_percent_escape(written):
    """A review: an HTML comment between its characters (which a page shows as nothing), or a `+` or a
    percent escape just before it, kept the sender's address in the public file."""
    from tertulia.importers.private import REDACTED, redacted
    assert "ana" not in redacted(written, ("ana@x.org",)).replace(REDACTED, "")


@pytest.mark.parametrize("written", [
    "ana_&shy;maria@example.org", "ana_ma\u00adria@example.org", "ana_maria\u200b@example.org",
    "ana&#8203;_maria@exam&#x200d;ple.org", "ana_maria&ZeroWidthSpace;@example.org",
    "ana_maria [at] example [dot] org", "ana_maria(at)example(dot)org", "ANA_MARIA {AT} example.org",
])
def test_the_sender_s_address_is_removed_behind_invisible_characters_or_spelled_out(written):
    """A red team: a soft hyphen or a zero-width space between its characters (a page shows them as
    nothing), or its at sign and dots spelled out against harvesters, kept the sender's address public."""
    from tertulia.importers.private import REDACTED, redacted
    assert redacted(f"Write to {written}, any time.", ("ana_maria@example.org",)) == f"Write to {REDACTED}, any time."


def test_a_longer_address_spelled_out_is_another_s():
    from tertulia.importers.private import redacted
    kept = "ana [at] example [dot] org [dot] uk and ana at example dot org"
    assert redacted(kept, ("ana@example.org",)) == kept


def test_spelled_out_signs_are_read_in_linear_time_and_a_redacted_address_keeps_the_tags_around_it():
    """A review: a run of 60,000 spaces in a comment took minutes, each space the start of a search for
    `[at]`; and `<b>ana</b>@x.org` lost its `</b>` with the address, leaving the rest of the comment bold."""
    import sys
    program = ("from tertulia.importers.private import redacted\n"
               "print(redacted('ana ' + ' ' * 200000 + '\\t' * 100000 + 'b (at) x (dot) org', ('ana@x.org',))[-20:])")
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert done.stdout == "\t\tb (at) x (dot) org\n", done.stderr
    from tertulia.importers.private import REDACTED, redacted
    assert redacted("<b>ana</b> (at) x (dot) org. Then", ("ana@x.org",)) == f"<b>{REDACTED}</b>. Then"
    assert redacted("x <i>ana@x.</i>org", ("ana@x.org",)) == f"x <i>{REDACTED}</i>"
    assert redacted("ana_<span>maria</span>@x.org!", ("ana_maria@x.org",)) == f"{REDACTED}!"


@pytest.mark.parametrize("written, left", [
    ("ana\u00a0[at]\u00a0x\u00a0[dot]\u00a0org", "{}"), ("ana&nbsp;[at]&nbsp;x&nbsp;[dot]&nbsp;org", "{}"),
    ("ana [at]\nx [dot] org", "{}"), ("`<b>ana`@x.org", "`<b>{}`"), ("`ana`@x.org and `code`", "`{}` and `code`"),
    ("*ana*@x.org", "*{}*"), ("**ana**@x.org", "**{}**"), ("~~ana~~@x.org", "~~{}~~"), ("a*n*a@x.org", "{}"),
])
def test_a_removed_address_beside_no_break_spaces_or_in_a_code_span_leaves_no_address_and_no_broken_mark(written, left):
    """A second review: a no-break space or a line's end beside `[at]` kept the address public, and a code
    span's closing backtick went with the address, so the span took the rest of the comment."""
    from tertulia.importers.private import REDACTED, redacted
    assert redacted(f"{written}!", ("ana@x.org",)) == left.format(REDACTED) + "!"


WRAPPED_FILE = ("-------- Tertulia comment file: keep it as it is --------\ncontent/posts/hola/comments/c9.ca.md\n"
                "---\n{front}\n---\n\nMolt bé.\n-------- end of the comment file --------\n")


def test_a_front_matter_line_cut_by_the_mail_program_is_joined_and_a_line_its_writer_ended_is_not():
    """Outlook's plain text cuts a long `url:` or `author:` line at a space: joined again. A red team's: a name
    typed on the line under the plain link's `author: "Anonymous"  # your name` was joined into the YAML
    comment, and published as Anonymous; under a short `author: Anonymous`, joined into the name. A line its
    writer ended is no cut: such a letter is refused, as it was, for a maintainer to read."""
    cut = 'author: "Gina Bartolomé della Valle Superiore di Sopra e di\nSotto"\nurl:\n"https://www.example.com/un-indirizzo-molto-lungo/che-supera-la-larghezza/"'
    read = read_letter(WRAPPED_FILE.format(front=cut))
    assert read.meta == {"author": "Gina Bartolomé della Valle Superiore di Sopra e di Sotto",
                         "url": "https://www.example.com/un-indirizzo-molto-lungo/che-supera-la-larghezza/"} and read.joined == 2
    for ended in ('author: "Anonymous"  # your name, as it should appear beside the comment\nAna García',
                  "author: Anonymous\nAna García", 'author: "Ana"\n\nYo creo que sí, y mucho más que eso, de verdad que sí'):
        with pytest.raises(Refused, match="YAML does not parse"):
            read_letter(WRAPPED_FILE.format(front=ended))
    with pytest.raises(Refused, match="YAML does not parse"):  # an issue's text is taken as typed: no mail program cut it
        read_letter(WRAPPED_FILE.format(front=cut), mail=False)


def test_a_front_matter_of_many_cut_lines_is_read_in_one_pass():
    """A red team's: 495,000 lines of `x` under `author:` were joined one by one into a growing line (8.8 s
    against 0.5 s before); and no name or website is cut at 76 characters more than a few dozen times."""
    result = run_python("import sys; sys.path.insert(0, 'tests')\n"
                        "from test_proposals import WRAPPED_FILE\n"
                        "from tertulia.importers.proposal import Refused, read_letter\n"
                        "front = 'author: ' + 'y' * 70 + ('\\n' + 'x' * 70) * 480000\n"
                        "try:\n    read_letter(WRAPPED_FILE.format(front=front))\nexcept Refused as why:\n"
                        "    print(why)\n", cpu_seconds=6)
    assert result.returncode == 0 and "YAML does not parse" in result.stdout, result.stderr


@pytest.mark.parametrize("written", [
    "ana_maria＠example．org", "ana_maria@example。org", "ana_maria@example\ufe52org",  # other widths' signs
    "ana_maria\u00a0@\u00a0example.org", "ana_maria\u2009@ example.org",  # no-break and thin spaces by the at
    "ana_maria@exa\u2062mple.org", "ana\u200e_maria@example.org", "ana_ma\u034fria@example.org",  # invisible
    "ana_maria@exa\u3164mple.org", "ana_maria@exa&InvisibleTimes;mple.org", "ana_maria@exa&#x2063;mple.org",
])
def test_the_sender_s_address_is_removed_in_other_widths_spaces_and_invisible_characters(written):
    """A red team: a full-width or ideographic full stop (typed with a Chinese or Japanese input method on),
    a no-break space beside the at sign, or an invisible operator, filler or mark of direction between its
    characters kept the sender's address in the public file, and as a commenter's name on the page."""
    from tertulia.importers.private import REDACTED, private_name, redacted
    assert redacted(f"Write to {written}, any time.", ("ana_maria@example.org",)) == f"Write to {REDACTED}, any time."
    assert private_name(written, ("ana_maria@example.org",)) == "Anonymous"
    longer = written.replace("org", "org．uk")
    assert redacted(longer, ("ana_maria@example.org",)) == longer  # another's


@pytest.mark.parametrize("written", [
    "ａｎａ_ｍａｒｉａ＠ｅｘａｍｐｌｅ．ｏｒｇ",  # an input method's full-width letters
    "ana_maria\u2009[at]\u2009example\u2009[dot]\u2009org", "ana_maria\u3000[at]\u3000example\u3000[dot]\u3000org",
    "ana_ma\u061cria@example.org", "ana_ma\ufe0fria@example.org", "ana_ma\U000e0061ria@example.org",
    "ana_ma" + "\u200b" * 5 + "ria@example.org",  # a run of invisible characters, however long
])
def test_the_sender_s_address_is_removed_in_full_width_spelled_with_wide_spaces_or_behind_a_run_of_invisibles(written):
    """A red team of the fix above: these still kept the sender's address public."""
    from tertulia.importers.private import REDACTED, redacted
    assert redacted(f"Write to {written}, any time.", ("ana_maria@example.org",)) == f"Write to {REDACTED}, any time."


def test_an_address_before_an_ideographic_full_stop_and_a_latin_word_is_removed():
    """A red team: taking `。` for a dot inside a longer address let `ana@x.org。Twitterでも` keep the address."""
    from tertulia.importers.private import REDACTED, redacted
    assert redacted("連絡はana@x.org。Twitterでも", ("ana@x.org",)) == f"連絡は{REDACTED}。Twitterでも"


def test_a_fenced_file_pasted_above_the_issue_template_is_read():
    """A red team: a page's file inside a code fence within its markers, pasted above the issue template with its
    hint kept, was taken for the template's and refused as cut short; it was read before."""
    from tertulia.commands.init import ISSUE_TEMPLATE_TEXT
    from tertulia.site.proposals import comment_file, letter
    mine = letter("Mine.", "content/posts/hola/comments/20261130-0620-aaaa.es.md",
                  comment_file("Eve", "Mine.", "c1", "", "2026-11-30 06:20")).split("\n")
    begin = next(i for i, line in enumerate(mine) if "Tertulia comment file" in line)
    end = next(i for i, line in enumerate(mine) if "end of the comment file" in line)
    fenced = "\n".join(mine[:begin + 1] + ["```"] + mine[begin + 1:end] + ["```"] + mine[end:])
    read = read_letter(fenced + "\n" + ISSUE_TEMPLATE_TEXT.split("---\n", 2)[2], mail=False)
    assert (read.path, read.meta["author"], read.body) == ("content/posts/hola/comments/20261130-0620-aaaa.es.md", "Eve", "Mine.")
