"""A bilingual WordPress blog moves in with its translations paired: the posts and pages Polylang (or
WPML's export) groups as translations of one another come in beside the original an earlier import
brought, as its translation, where their blocks pair one to one; the others stay posts of their own."""

from __future__ import annotations

from pathlib import Path

from helpers import run_cli
from test_migration import POLYLANG, export_of, imported, in_language, item

BLOG = "https://blog.example"
EN, FR = in_language("en", "English"), in_language("fr", "Français")


def group(name: str) -> str:
    """Polylang's translation group, as each of its posts carries it."""
    return f'<category domain="post_translations" nicename="{name}"><![CDATA[{name}]]></category>'


def comment(comment_id: int, author: str, words: str) -> str:
    return (f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author><![CDATA[{author}]]>"
            f"</wp:comment_author><wp:comment_date>2014-05-02 10:00:00</wp:comment_date><wp:comment_content>"
            f"<![CDATA[{words}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
            "<wp:comment_parent>0</wp:comment_parent></wp:comment>")


def wpml(code: str, group_name: str, source: str = "") -> str:
    meta = {"_wpml_import_language_code": code, "_wpml_import_translation_group": group_name,
            "_wpml_import_source_language_code": source}
    return "".join(f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key><wp:meta_value><![CDATA[{value}]]>"
                   "</wp:meta_value></wp:postmeta>" for key, value in meta.items())


def polylang_blog(tmp_path: Path) -> Path:
    """English originals, French translations: one post that pairs block for block, one whose French has a
    paragraph more, a page; the French post comes first in the export, as a later id may well."""
    two = "<p>First.</p>\n<p>Second, with <a href=\"{blog}/2014/05/station/\">the station</a>.</p>"
    return export_of(
        tmp_path, BLOG,
        item(71, "pont", "<p>Premier.</p>\n<p>Second.</p>", FR + group("pll_a") + comment(501, "Zoé", "Très beau."),
             link=f"{BLOG}/fr/2014/05/pont/"),
        item(70, "bridge", two, EN + group("pll_a") + comment(500, "Ann", "Lovely.")),
        item(72, "station", "<p>One.</p>\n<p>Two.</p>", EN + group("pll_b")),
        item(73, "gare", "<p>Un.</p>\n<p>Deux.</p>\n<p>Trois.</p>", FR + group("pll_b"),
             link=f"{BLOG}/fr/2014/05/gare/"),
        item(90, "about", "<p>About us.</p>", EN + group("pll_c"), kind="page", link=f"{BLOG}/about/"),
        item(91, "a-propos", "<p>À propos.</p>", FR + group("pll_c"), kind="page", link=f"{BLOG}/fr/a-propos/"),
        item(74, "seul", "<p>Seul.</p>", FR, link=f"{BLOG}/fr/2014/05/seul/"),
        channel=POLYLANG)


def test_a_polylang_blog_s_translations_come_in_beside_their_originals(tmp_path):
    """A bilingual blog imported one language after the other came in as two sites' worth of originals,
    each post twice, its two languages never shown side by side."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    said = imported(site, export, "--lang", "fr").stdout
    content = site / "content"
    translation = (content / "posts/bridge/index.fr.md").read_text()
    assert translation.startswith('---\ntitle: "Pont"\ntranslation_of: "en"\n---\n'), translation
    assert "Premier." in translation and "author" not in translation and "aliases" not in translation
    assert not (content / "posts/pont").exists()
    assert "Très beau." in (content / "posts/bridge/comments/501.fr.md").read_text()
    assert "translation_of" not in (content / "posts/bridge/comments/501.fr.md").read_text()  # Zoé wrote it in French
    assert 'translation_of: "en"' in (content / "pages/about/index.fr.md").read_text()
    assert "translations written beside their originals, as the blog's plugin groups them: 1 post, 1 page" in said, said
    # the French post with a paragraph more comes in on its own, and the summary says why
    assert (content / "posts/gare/index.fr.md").is_file() and not (content / "posts/station/index.fr.md").exists()
    assert "post 73 (Gare): 3 blocks, its original in posts/station 2" in said, said
    assert (content / "posts/seul/index.fr.md").is_file()  # in no group: a French original
    yml = (content / "site.yml").read_text()
    for old, new in (("/fr/2014/05/pont/", "/fr/posts/bridge/"), ("/?p=71", "/fr/posts/bridge/"),
                     ("/fr/2014/05/pont/feed/", "/fr/posts/bridge/comments.xml"), ("/?page_id=91", "/fr/about/")):
        assert f"  {old}: {new}\n" in yml.replace('"', ""), (old, yml)
    out = tmp_path / "out"
    built = run_cli("build", "--content", str(content), "--output", str(out))
    assert built.returncode == 0, built.stderr
    side = (out / "posts/bridge/index.html").read_text(encoding="utf-8")
    assert "Premier." in side and "First." in side and "Très beau." in side
    assert "Premier." in (out / "fr/posts/bridge/index.html").read_text(encoding="utf-8")
    assert 'href="../../../posts/bridge/"' in (out / "fr/2014/05/pont/index.html").read_text(encoding="utf-8")
    assert "À propos." in (out / "fr/about/index.html").read_text(encoding="utf-8")


def test_a_second_import_of_the_translations_finds_them_where_the_first_put_them(tmp_path):
    """Run again, the import writes no second copy and keeps what a translator changed since."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    imported(site, export, "--lang", "fr")
    content = site / "content"
    before = sorted(path.relative_to(content).as_posix() for path in content.rglob("*.md"))
    edited = content / "posts/bridge/index.fr.md"
    edited.write_text(edited.read_text().replace("Premier.", "Le premier."))
    said = imported(site, export, "--lang", "fr").stdout
    assert sorted(path.relative_to(content).as_posix() for path in content.rglob("*.md")) == before
    assert "Le premier." in edited.read_text()
    assert "edited by hand, left as they are: posts/bridge/index.fr.md" in said, said
    assert "translations written beside their originals, as the blog's plugin groups them: 1 post, 1 page" in said


def test_a_translation_written_by_hand_before_the_import_is_kept_and_its_post_s_comments_join_the_thread(tmp_path):
    """A translator who had already folded the French post in by hand (as the README said to) got a second
    copy of it from the next import."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    mine = site / "content/posts/bridge/index.fr.md"
    mine.write_text('---\ntitle: "Le pont"\ntranslation_of: en\n---\n\nUn.\n\nDeux.\n')
    imported(site, export, "--lang", "fr")
    assert mine.read_text().startswith('---\ntitle: "Le pont"')
    assert not (site / "content/posts/pont").exists()
    assert (site / "content/posts/bridge/comments/501.fr.md").is_file()


def test_wpml_s_word_on_which_post_is_the_original_is_kept(tmp_path):
    """WPML's export names each translation's original language: a translation imported first stays a
    post of its own, and the original imported after it never becomes its translation."""
    export = export_of(
        tmp_path, BLOG,
        item(80, "tren", "<p>Uno.</p>", wpml("es", "g1")),
        item(81, "train", "<p>One.</p>", wpml("en", "g1", source="es"), link=f"{BLOG}/en/2014/05/train/"),
        item(82, "barco", "<p>Uno.</p>", wpml("es", "g2")),
        item(83, "boat", "<p>One.</p>", wpml("en", "g2", source="es"), link=f"{BLOG}/en/2014/05/boat/"))
    site = tmp_path / "site"
    imported(site, export, "--lang", "es")
    said = imported(site, export, "--lang", "en").stdout
    content = site / "content"
    assert 'translation_of: "es"' in (content / "posts/tren/index.en.md").read_text(), said
    assert not (content / "posts/train").exists()
    other = tmp_path / "other"
    imported(other, export, "--lang", "en")
    imported(other, export, "--lang", "es")
    assert (other / "content/posts/tren/index.es.md").is_file() and not (other / "content/posts/train/index.es.md").exists()
    assert run_cli("check", cwd=site).returncode == 0 and run_cli("check", cwd=other).returncode == 0


def test_a_translation_s_pictures_land_in_its_original_s_folder_without_replacing_the_original_s(tmp_path):
    """Both texts show the same picture (one file), and the French one another of the same name from
    another month's uploads, which must not take the place of the original's."""
    uploads = tmp_path / "uploads"
    for month, data in (("05", b"\xff\xd8MAY"), ("06", b"\xff\xd8JUNE")):
        (uploads / "2014" / month).mkdir(parents=True)
        (uploads / "2014" / month / "boat.jpg").write_bytes(data)
        (uploads / "2014" / month / "same.jpg").write_bytes(b"\xff\xd8SAME")
    shows = '<p><img src="{blog}/wp-content/uploads/2014/{0}/boat.jpg" alt="{1}"></p>\n' \
            '<p><img src="{blog}/wp-content/uploads/2014/05/same.jpg" alt=""></p>'
    export = export_of(
        tmp_path, BLOG,
        item(70, "bridge", shows.format("05", "A boat", blog=BLOG), EN + group("pll_a")),
        item(71, "pont", shows.format("06", "Un bateau", blog=BLOG), FR + group("pll_a"), link=f"{BLOG}/fr/2014/05/pont/"),
        channel=POLYLANG)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en", "--media-from", str(uploads))
    imported(site, export, "--lang", "fr", "--media-from", str(uploads))
    folder = site / "content/posts/bridge"
    assert (folder / "boat.jpg").read_bytes() == b"\xff\xd8MAY"
    assert (folder / "boat-2.jpg").read_bytes() == b"\xff\xd8JUNE"
    assert sorted(path.name for path in folder.glob("same*")) == ["same.jpg"]
    assert "boat-2.jpg" in (folder / "index.fr.md").read_text() and "same.jpg" in (folder / "index.fr.md").read_text()
    assert "boat.jpg" in (folder / "index.en.md").read_text()


def test_a_published_translation_of_a_draft_stays_a_page_of_its_own(tmp_path):
    """Beside a draft, the French post the blog showed would have vanished from the site, its old
    addresses leading to the page-not-found page."""
    draft = item(70, "bridge", "<p>First.</p>", EN + group("pll_a")).replace("publish</wp:status>", "draft</wp:status>")
    export = export_of(tmp_path, BLOG, draft, item(71, "pont", "<p>Premier.</p>", FR + group("pll_a"),
                                                   link=f"{BLOG}/fr/2014/05/pont/"), channel=POLYLANG)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    said = imported(site, export, "--lang", "fr").stdout
    assert (site / "content/posts/pont/index.fr.md").is_file() and not (site / "content/posts/bridge/index.fr.md").exists()
    assert "post 71 (Pont): its original in posts/bridge is a draft" in said, said
    assert "no page of this site" not in run_cli("check", cwd=site).stderr
