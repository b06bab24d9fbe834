"""Readers' proposals on the built site: every link carries a valid file that lands in the right thread."""

from __future__ import annotations

import re

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from helpers import FIXTURE, make_content, read_proposals as read, run_cli
from test_serve import poll, preview  # noqa: F401 - the preview fixture


def proposed_file(link: str) -> tuple[str, str]:
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/example/fixture-repo/new/main")
    query = parse_qs(parts.query)
    return query["filename"][0], query["value"][0]


def essay_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("index.html") if "/posts/" in p.as_posix())


def test_every_published_comment_offers_a_reply_and_every_thread_a_new_comment(fixture_site):
    for page in essay_pages(fixture_site):
        proposals = read(page)
        replies = {link["data-reply-to"] for link in proposals.links if "data-reply-to" in link}
        assert replies == set(proposals.parents), page
        joins = [link for link in proposals.links if "data-reply-to" not in link]
        assert len(joins) == 1, page
    alpha = read(fixture_site / "posts/alpha/index.html")
    assert "waiting" not in alpha.parents and "spam1" not in alpha.parents


def test_each_prefilled_file_passes_check_and_lands_under_its_parent(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    built = tmp_path / "first"
    assert run_cli("build", "--content", str(content), "--output", str(built), "--no-cache").returncode == 0
    expected: dict[str, str] = {}  # new comment id -> the comment it answers ("" for a new thread)
    for page in (built / "posts/alpha/index.html", built / "es/posts/alpha/index.html",
                 built / "ro/posts/gamma/index.html"):
        for link in read(page).links:
            filename, text = proposed_file(link["href"])
            assert filename.startswith("content/posts/") and "/comments/" in filename
            target = content / filename[len("content/"):]
            target.parent.mkdir(exist_ok=True)  # as GitHub makes the folders of a new file
            target.write_text(text, encoding="utf-8")
            expected[target.name.split(".")[0]] = link.get("data-reply-to", "")
    assert len(expected) >= 8
    check = run_cli("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    out = tmp_path / "second"
    assert run_cli("build", "--content", str(content), "--output", str(out), "--no-cache").returncode == 0
    placed = {**read(out / "posts/alpha/index.html").parents, **read(out / "posts/gamma/index.html").parents}
    for new_id, parent in expected.items():
        assert new_id in placed, new_id
        assert (placed[new_id][-1] if placed[new_id] else "") == parent


def test_without_a_discussion_setting_no_page_offers_to_propose(tmp_path):
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: B\n---\n\nHola.\n"})
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "github.com" not in html and 'class="propose"' not in html and "propose.js" not in html
        assert "<template" not in html


def test_a_bad_discussion_setting_is_a_content_error(tmp_path):
    content = make_content(tmp_path)
    site = content / "site.yml"
    site.write_text(site.read_text() + "discussion:\n  repo: not a repo\n  email: nobody\n")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 1
    # each at its own line, under `discussion:` (line 8)
    assert "content/site.yml:9: discussion repo must be a GitHub repository as `owner/name`" in result.stderr
    assert "content/site.yml:10: discussion email `nobody` is not an e-mail address" in result.stderr


def test_an_untranslated_comment_says_so_where_its_translation_would_stand(fixture_site):
    html = (fixture_site / "posts/alpha/index.html").read_text(encoding="utf-8")
    radu = html[html.index('id="comment-c3"'):]
    radu = radu[:radu.index("</article>")]
    # written in Romanian, on a Spanish and English page: under neither column's label, and said so
    assert '<div class="side other" lang="ro">' in radu
    assert "Not yet translated; shown in its original language." in radu
    assert 'class="side original' not in radu and 'class="side translation' not in radu
    # written in English only: under the English column, the Spanish column saying what it lacks
    mallory = html[html.index('id="comment-hostile"'):]
    mallory = mallory[:mallory.index("</article>")]
    assert 'class="comment depth-0 lacks-original" id="comment-hostile"' in html
    assert '<div class="side original missing">Not yet translated into Spanish</div>' in mallory
    assert '<div class="side translation" lang="en">' in mallory and 'lang="es"><p' not in mallory
    assert "Not yet translated" not in html[html.index('id="comment-c1"'):html.index('id="comment-c2"')]


def test_only_the_preview_shows_pending_comments_marked(fixture_site, tmp_path):
    assert "PENDING-SECRET" not in (fixture_site / "posts/alpha/index.html").read_text(encoding="utf-8")
    from tertulia.pipeline import Options, build
    build(Options(content=FIXTURE, output=tmp_path / "preview", pending=True))
    html = (tmp_path / "preview/posts/alpha/index.html").read_text(encoding="utf-8")
    assert "PENDING-SECRET" in html and 'class="note pending">Pending review: not published' in html
    assert "PENDING-SECRET" not in (tmp_path / "preview/comments/index.html").read_text(encoding="utf-8")


def test_serve_shows_a_pending_comment_to_the_moderator(preview):  # noqa: F811
    content, base, _ = preview
    poll(base + "posts/hola/", lambda s, b: s == 200)
    (content / "posts/hola/comments").mkdir()
    (content / "posts/hola/comments/p1.es.md").write_text("---\nauthor: Pat\nstatus: pending\n---\n\nEN-ESPERA.\n")
    status, body = poll(base + "posts/hola/", lambda s, b: "EN-ESPERA" in b)
    assert re.search(r'class="comment depth-0[^"]* pending"', body)


def test_with_issues_every_plain_link_opens_a_prefilled_issue_that_import_issue_takes(tmp_path):
    import json
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: Bea\n---\n\nHola.\n"})
    site = content / "site.yml"
    site.write_text(site.read_text() + "discussion:\n  repo: owner/essays\n  issues: true\n")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    links = read(out / "es/posts/hola/index.html").links
    assert {link.get("data-reply-to", "") for link in links} == {"", "c1"}
    for number, link in enumerate(links, 1):
        parts = urlsplit(link["href"])
        assert (parts.netloc, parts.path) == ("github.com", "/owner/essays/issues/new")
        query = parse_qs(parts.query)
        assert query["template"] == ["comment.md"] and query["labels"] == ["comment"]  # the label the contract names
        assert query["title"] == (["Respuesta a Bea sobre «Hola»"] if "data-reply-to" in link else ["Comentario sobre «Hola»"])
        event = tmp_path / f"event{number}.json"
        body = query["body"][0]
        # sent as the link wrote it, the issue holds no comment: only the words put there for one
        event.write_text(json.dumps({"action": "opened", "issue": {"number": number, "body": body,
                                                                   "created_at": "2026-11-30T06:00:00Z"}}))
        result = run_cli("import", "issue", str(event), "--content", str(content))
        assert result.returncode == 1 and "only the words the link put there" in result.stderr
        assert body.startswith("Tu comentario, en Markdown.")
        written = body.replace("Tu comentario, en Markdown.", f"Mi comentario número {number}.", 1)
        event.write_text(json.dumps({"action": "edited", "issue": {"number": number, "body": written,
                                                                   "created_at": "2026-11-30T06:00:00Z"}}))
        result = run_cli("import", "issue", str(event), "--content", str(content))
        assert result.returncode == 0, result.stderr
    check = run_cli("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    assert len(list((content / "posts/hola/comments").glob("*.es.md"))) == 3
    assert "Mi comentario número 2." in "".join(p.read_text() for p in (content / "posts/hola/comments").glob("*.es.md"))


def test_a_plain_reply_to_an_unnamed_reader_names_them_in_the_pages_language(tmp_path):
    """The files say "Anonymous" for a name the source does not give; the page says "Anónimo", and so
    must the issue a Spanish reader opens to answer them."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": "---\nauthor: Anonymous\n---\n\nHola.\n"})
    site = content / "site.yml"
    site.write_text(site.read_text() + "discussion:\n  repo: owner/essays\n  issues: true\n")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    [reply] = [link for link in read(out / "es/posts/hola/index.html").links if link.get("data-reply-to") == "c1"]
    assert parse_qs(urlsplit(reply["href"]).query)["title"] == ["Respuesta a Anónimo sobre «Hola»"]


def test_a_reply_link_names_whom_it_answers_with_the_name_in_its_own_language(fixture_site):
    """A review's: the link's name was an aria-label, "Reply to Carla", read out wholly in the page's language
    though Carla is a Spanish name on an English page; an attribute cannot mark a part of itself."""
    page = (fixture_site / "en/posts/alpha/index.html").read_text()
    link = re.search(r'<a class="propose"[^>]*data-reply-to="c1"[^>]*>(.*?)</a>', page).group(0)
    assert "aria-label" not in link
    assert link.endswith('><span aria-hidden="true">Reply</span>'
                        ' <span class="visually-hidden">Reply to <bdi lang="es">Carla</bdi></span></a>')


def test_on_a_side_by_side_page_a_reader_writes_in_the_pages_language(tmp_path):
    """A German site's German essay beside its French translation: the page is German, so is the form."""
    assert run_cli("init", str(tmp_path / "site"), "--lang", "de", "--translation", "fr").returncode == 0
    content = tmp_path / "site/content"
    (content / "site.yml").write_text((content / "site.yml").read_text() + "discussion:\n  repo: owner/essays\n")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    page = (out / "posts/welcome/index.html").read_text()
    assert '<html lang="de"' in page
    assert re.search(r'<section class="discussion"[^>]* data-lang="de"', page)
    french = (out / "fr/posts/welcome/index.html").read_text()
    assert re.search(r'<section class="discussion"[^>]* data-lang="fr"', french)


def test_without_javascript_a_reader_can_propose_by_e_mail_and_import_mail_takes_the_letter(tmp_path):
    """A reader with no GitHub account and no script: the page's plain e-mail link opens a letter
    holding a valid file; sent as it is, it proposes nothing; with their words in place of the
    placeholder, `import mail` writes their comment."""
    from email.message import EmailMessage
    content = make_content(tmp_path)
    site = content / "site.yml"
    site.write_text(site.read_text() + "discussion:\n  repo: owner/essays\n  email: talk@example.org\n")
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out)).returncode == 0
    page = (out / "es/posts/hola/index.html").read_text()
    found = re.search(r'<a class="propose-mail" href="([^"]+)" rel="nofollow">Enviar por correo</a>', page)
    assert found, "no plain e-mail link"
    # what is public, and what not, is said in the form, in the page's language (a reader on a phone)
    assert ("Por correo electrónico, tu dirección sigue siendo privada: solo se publican tu nombre, tu sitio web y "
            "tu comentario, una vez aceptado.") in page
    parts = urlsplit(found.group(1).replace("&amp;", "&"))
    assert (parts.scheme, parts.path) == ("mailto", "talk@example.org")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Comentario sobre «Hola»"]
    body = query["body"][0]
    assert body.startswith("Tu comentario, en Markdown.") and re.search(r"\ncontent/posts/hola/comments/r[0-9]+-[0-9a-f]{8}\.es\.md\n", body)
    for number, text in enumerate((body, body.replace("Tu comentario, en Markdown.", "Me gustó mucho, gracias.", 1))):
        letter = EmailMessage()
        letter["From"], letter["To"], letter["Subject"] = "Rosa <rosa@example.org>", "talk@example.org", query["subject"][0]
        letter["Date"] = "Mon, 30 Nov 2026 06:20:00 +0000"
        letter["Message-ID"] = f"<m{number}@example.org>"
        letter.set_content(text)
        eml = tmp_path / f"letter{number}.eml"
        eml.write_bytes(bytes(letter))
        result = run_cli("import", "mail", str(eml), "--content", str(content))
        if number == 0:  # sent as the link wrote it: only the words put there for a comment
            assert result.returncode == 1 and "only the words the link put there" in result.stderr + result.stdout
    assert result.returncode == 0, result.stderr
    written = list((content / "posts/hola/comments").glob("*.es.md"))
    assert len(written) == 1 and "Me gustó mucho, gracias." in written[0].read_text()
    assert "rosa@example.org" not in written[0].read_text()
    assert run_cli("check", "--content", str(content)).returncode == 0
