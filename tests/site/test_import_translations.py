"""A bilingual WordPress blog moves in with its translations paired: the posts and pages Polylang (or
WPML's export) groups as translations of one another come in beside the original an earlier import
brought, as its translation, where their blocks pair one to one; the others stay posts of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def categories(*terms: tuple[int, str, str]) -> str:
    """The export's categories, by term id, slug and name."""
    return "".join(f"<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
                   f"<wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n" for number, slug, name in terms)


def term_group(description: str) -> str:
    """Polylang's group of categories and tags that translate each other, its map serialized as PHP writes it."""
    return ("<wp:term><wp:term_id>30</wp:term_id><wp:term_taxonomy>term_translations</wp:term_taxonomy>"
            f"<wp:term_slug>pll_t</wp:term_slug><wp:term_description><![CDATA[{description}]]></wp:term_description>"
            "</wp:term>\n")


def filed(*slugs: str) -> str:
    """A post's categories."""
    return "".join(f'<category domain="category" nicename="{slug}"><![CDATA[{slug.title()}]]></category>'
                   for slug in slugs)


def two_boats(tmp_path: Path, more: str = "") -> tuple[Path, Path]:
    """A blog's uploads holding two `boat.jpg`, May's and June's, and an export whose English post shows May's
    and its French translation June's (each then `more`)."""
    uploads = tmp_path / "uploads"
    for month, data in (("05", b"\xff\xd8MAY"), ("06", b"\xff\xd8JUNE")):
        (uploads / "2014" / month).mkdir(parents=True)
        (uploads / "2014" / month / "boat.jpg").write_bytes(data)
        (uploads / "2014" / month / "same.jpg").write_bytes(b"\xff\xd8SAME")
    shows = '<p><img src="{blog}/wp-content/uploads/2014/{0}/boat.jpg" alt="{1}"></p>' + more
    return uploads, export_of(
        tmp_path, BLOG,
        item(70, "bridge", shows.format("05", "A boat", blog=BLOG), EN + group("pll_a")),
        item(71, "pont", shows.format("06", "Un bateau", blog=BLOG), FR + group("pll_a"), link=f"{BLOG}/fr/2014/05/pont/"),
        channel=POLYLANG)


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
    assert "translations beside their originals, as the blog's plugin groups them: 1 post, 1 page" in said, said
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
    moved = (out / "fr/2014/05/pont/index.html").read_text(encoding="utf-8")
    assert 'href="../../../posts/bridge/"' in moved
    assert '<html lang="fr"' in moved  # a French post's old address speaks to its French readers
    assert "À propos." in (out / "fr/about/index.html").read_text(encoding="utf-8")


def test_importing_one_language_never_removes_the_comments_another_language_s_import_brought(tmp_path):
    """A translation shares its original's folder, and its import took every comment file there that its
    own post did not export for one the blog had deleted since: the French import removed the English
    post's comments, the English one run again the French post's, and they never came back (a red team's)."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    content = site / "content"
    thread = content / "posts/bridge/comments"
    for lang in ("en", "fr", "en", "fr"):
        said = imported(site, export, "--lang", lang).stdout
        assert "removed" not in said and "not brought back" not in said, said
    assert sorted(path.name for path in thread.iterdir()) == ["500.en.md", "501.fr.md"]
    assert "Lovely." in (thread / "500.en.md").read_text() and "Très beau." in (thread / "501.fr.md").read_text()


def test_a_translation_s_footnotes_side_by_side_with_its_original_s_lead_each_to_its_own_notes(tmp_path):
    """Imported as the blog's HTML, both columns held `id="fn-1"`: the French mark led to the English note."""
    import re
    export = export_of(
        tmp_path, BLOG,
        item(70, "bridge", "<p>First[footnote]An English note.[/footnote].</p>", EN + group("pll_a")),
        item(71, "pont", "<p>Premier[footnote]Une note française.[/footnote].</p>", FR + group("pll_a"),
             link=f"{BLOG}/fr/2014/05/pont/"),
        channel=POLYLANG)
    site, out = tmp_path / "site", tmp_path / "out"
    imported(site, export, "--lang", "en")
    imported(site, export, "--lang", "fr")
    assert "[^1]: Une note française." in (site / "content/posts/bridge/index.fr.md").read_text()
    built = run_cli("build", "--content", str(site / "content"), "--output", str(out))
    assert built.returncode == 0, built.stderr
    side = (out / "posts/bridge/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', side)
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []
    french = side[side.index('<li id="fn-fr-1"'):]
    assert french.index("Une note française.") < french.index("</li>")
    assert side.count('href="#fn-fr-1"') == 1 and side.count('href="#fn-en-1"') == 1


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
    assert "translations beside their originals, as the blog's plugin groups them: 1 post, 1 page" in said


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
    said = imported(other, export, "--lang", "es").stdout
    assert (other / "content/posts/tren/index.es.md").is_file() and not (other / "content/posts/train/index.es.md").exists()
    # two essays of one text, said (a Dutch blog's move, whose originals were in both languages, was told nothing)
    assert ("post 80 (Tren): WPML's original of the en post imported earlier into posts/train, which is its "
            "translation") in said, said
    assert run_cli("check", cwd=site).returncode == 0 and run_cli("check", cwd=other).returncode == 0


def test_a_translation_s_pictures_land_in_its_original_s_folder_without_replacing_the_original_s(tmp_path):
    """Both texts show the same picture (one file), and the French one another of the same name from
    another month's uploads, which must not take the place of the original's."""
    uploads, export = two_boats(tmp_path, '\n<p><img src="{blog}/wp-content/uploads/2014/05/same.jpg" alt=""></p>')
    site = tmp_path / "site"
    imported(site, export, "--lang", "en", "--media-from", str(uploads))
    imported(site, export, "--lang", "fr", "--media-from", str(uploads))
    folder = site / "content/posts/bridge"
    assert (folder / "boat.jpg").read_bytes() == b"\xff\xd8MAY"
    assert (folder / "fr-boat.jpg").read_bytes() == b"\xff\xd8JUNE"
    assert sorted(path.name for path in folder.glob("same*")) == ["same.jpg"]
    assert "fr-boat.jpg" in (folder / "index.fr.md").read_text() and "same.jpg" in (folder / "index.fr.md").read_text()
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


def test_a_translation_s_categories_name_its_original_s_tags_in_its_language(tmp_path):
    """Polylang pairs the French category `voyage` with the English `travel`: the tag gets its French name,
    and the French archive leads to the tag's French page; a French term paired with none leads home."""
    terms = categories((5, "travel", "Travel"), (6, "voyage", "Voyage"), (7, "divers", "Divers")) + term_group(
        'a:2:{s:2:"en";i:5;s:2:"fr";s:1:"6";}')
    export = export_of(
        tmp_path, BLOG,
        item(70, "bridge", "<p>First.</p>", EN + group("pll_a") + filed("travel")),
        item(71, "pont", "<p>Premier.</p>", FR + group("pll_a") + filed("voyage", "divers"),
             link=f"{BLOG}/fr/2014/05/pont/"),
        # a French post of its own (or one whose blocks did not pair) files under the same tag, not a second
        item(72, "gare", "<p>Gare.</p>", FR + filed("voyage"), link=f"{BLOG}/fr/2014/05/gare/"),
        channel=POLYLANG + terms)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    said = imported(site, export, "--lang", "fr").stdout
    yml = (site / "content/site.yml").read_text()
    assert "travel: {en: \"Travel\", fr: Voyage}" in yml.replace('"Voyage"', "Voyage"), yml
    assert 'tags: ["travel"]' in (site / "content/posts/gare/index.fr.md").read_text()
    assert "tags named in this language in site.yml (the blog's plugin pairs their terms): travel (Voyage)" in said
    assert "voyage" not in yml.split("redirects:")[0] and "divers" not in yml.split("redirects:")[0]
    plain = yml.replace('"', "")
    assert "  /fr/category/voyage/: /fr/tags/travel/\n" in plain and "  /fr/category/divers/: /fr/\n" in plain, yml
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(site / "content"), "--output", str(out)).returncode == 0
    assert "Voyage" in (out / "fr/tags/travel/index.html").read_text(encoding="utf-8")
    assert 'href="../../tags/travel/"' in (out / "fr/category/voyage/index.html").read_text(encoding="utf-8")


def test_a_tag_named_no_stays_a_name_in_an_existing_site_yml(tmp_path):
    """Written plain into site.yml, a category named `No` (or `On`) was read back as false (or true), and
    the site stopped building."""
    site = tmp_path / "site"
    yml = site / "content/site.yml"
    yml.parent.mkdir(parents=True)
    yml.write_text('title: {es: "Z"}\nbase_url: "https://example.org/"\nlanguages:\n  es: Español\nmain_language: es\n')
    filed = ''.join(f'<category domain="category" nicename="{slug}"><![CDATA[{name}]]></category>'
                    for slug, name in (("no", "No"), ("on", "On")))
    imported(site, export_of(tmp_path, BLOG, item(70, "puente", "<p>Uno.</p>", filed)), "--lang", "es")
    assert '  "no":\n    es: "No"\n' in yml.read_text(), yml.read_text()
    checked = run_cli("check", cwd=site)
    assert checked.returncode == 0, checked.stderr


def test_a_new_site_s_tags_and_languages_that_yaml_reads_otherwise_are_quoted(tmp_path):
    """A new site.yml's `no` (Norwegian, or a category) and `2014` were read back as false and a number."""
    filed = ''.join(f'<category domain="post_tag" nicename="{slug}"><![CDATA[{slug}]]></category>'
                    for slug in ("no", "2014", "fjord", "1e3"))
    site = tmp_path / "site"
    export = export_of(tmp_path, BLOG, item(70, "fjord", "<p>Ord.</p>", filed))
    imported(site, export, "--lang", "no")
    # `1e3`, text to the build's YAML and a number to the import's, was written twice by a second import
    assert "tags added to site.yml: none" in imported(site, export, "--lang", "no").stdout
    yml = (site / "content/site.yml").read_text()
    assert '  "1e3": {"no": "1e3"}\n' in yml, yml
    assert '  "no": "Norsk"\n' in yml and '  "no": {"no": "no"}\n' in yml and '  "2014": {"no": "2014"}\n' in yml and '  fjord: {"no": "fjord"}' in yml, yml
    checked = run_cli("check", cwd=site)
    assert checked.returncode == 0, checked.stderr


def test_a_translation_imported_on_its_own_before_stays_there_whole(tmp_path):
    """Imported on its own (by a version before pairing, or blocks that did not pair then), a French post was
    half moved by the next import: redirects to the original's folder, which clashed with its own aliases,
    and a file "deleted by hand" that no one had written; the site no longer built."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    imported(site, export, "--lang", "fr")
    original = site / "content/posts/station/index.en.md"
    original.write_text(original.read_text() + "\nThree.\n")  # now as many blocks as `gare`
    said = imported(site, export, "--lang", "fr").stdout
    assert "post 73 (Gare): imported before into posts/gare, where it stays" in said, said
    assert not (site / "content/posts/station/index.fr.md").exists() and "deleted by hand" not in said
    checked = run_cli("check", cwd=site)
    assert checked.returncode == 0, checked.stderr


def test_a_draft_in_a_translation_group_comes_in_as_a_draft_of_its_own_and_is_named(tmp_path):
    draft = item(71, "pont", "<p>Premier.</p>\n<p>Second.</p>", FR + group("pll_a"), link=f"{BLOG}/fr/2014/05/pont/")
    export = export_of(tmp_path, BLOG, item(70, "bridge", "<p>First.</p>\n<p>Second.</p>", EN + group("pll_a")),
                       draft.replace("publish</wp:status>", "draft</wp:status>"),
                       item(74, "seul", "<p>Seul.</p>", FR, link=f"{BLOG}/fr/2014/05/seul/"), channel=POLYLANG)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    said = imported(site, export, "--lang", "fr").stdout
    assert "post 71 (Pont): a draft, or private, on the blog" in said, said
    assert "draft: true" in (site / "content/posts/pont/index.fr.md").read_text()


def test_the_original_s_picture_brought_after_its_translation_s_of_the_same_name_stays_its_own(tmp_path):
    """The French post brought `boat.jpg` (June's) first; the English import then found a `boat.jpg` there
    and showed the French picture in the English text."""
    uploads, export = two_boats(tmp_path)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    imported(site, export, "--lang", "fr", "--media-from", str(uploads))
    imported(site, export, "--lang", "en", "--media-from", str(uploads))
    folder = site / "content/posts/bridge"
    assert (folder / "boat.jpg").read_bytes() == b"\xff\xd8MAY" and (folder / "fr-boat.jpg").read_bytes() == b"\xff\xd8JUNE"
    assert "(boat.jpg)" in (folder / "index.en.md").read_text() and "(fr-boat.jpg)" in (folder / "index.fr.md").read_text()


def test_a_translation_s_old_address_where_the_site_has_a_page_is_named_when_left_out(tmp_path):
    """`/fr/a-propos/`, the French About page's old address, is where the site's own page `a-propos` would
    stand in French: left out, as an alias would be, but without a word (a review; a new user's `init`
    About page did the same to `/en/about/`)."""
    export = export_of(
        tmp_path, BLOG,
        item(90, "about", "<p>About us.</p>", EN + group("pll_c"), kind="page", link=f"{BLOG}/about/"),
        item(92, "a-propos", "<p>A page named so.</p>", EN, kind="page", link=f"{BLOG}/a-propos/"),
        item(91, "a-propos", "<p>À propos.</p>", FR + group("pll_c"), kind="page", link=f"{BLOG}/fr/a-propos/"),
        channel=POLYLANG)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    said = imported(site, export, "--lang", "fr").stdout
    assert "old addresses now served by another page of the site, so not kept: /fr/a-propos/ (pages/about, fr)" in said, said


def test_term_pairs_are_found_under_a_capital_key_a_region_tag_and_beside_polylang_pro_s_sync(tmp_path):
    """A review: `Travel:` written by the author sent the French archives to `/fr/tags/Travel/`, no page; a site
    in `en-GB`, Polylang's `en`, lost every term's pair; Pro's nested `sync` list was read as pairs."""
    terms = categories((1, "uncategorized", "Uncategorized"), (5, "travel", "Travel"), (6, "voyage", "Voyage")) + term_group(
        'a:3:{s:2:"en";i:5;s:4:"sync";a:2:{i:0;s:8:"taxonomy";i:1;s:9:"post_meta";}s:2:"fr";i:6;}')
    export = export_of(
        tmp_path, BLOG,
        item(70, "bridge", "<p>First.</p>", EN + group("pll_a") + filed("travel")),
        item(71, "pont", "<p>Premier.</p>", FR + group("pll_a") + filed("voyage") + filed("uncategorized"),
             link=f"{BLOG}/fr/2014/05/pont/"),
        channel=POLYLANG + terms)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en-GB")
    yml = site / "content/site.yml"
    yml.write_text(yml.read_text().replace("  travel:", "  Travel:").replace('en-GB: "English"', 'en-GB: "English"\n  fr: "Français"'))
    imported(site, export, "--lang", "fr")
    plain = yml.read_text().replace('"', "")
    assert "  /fr/category/voyage/: /fr/tags/travel/\n" in plain and "fr: Voyage" in plain, plain
    assert "  /?cat=1: /fr/tags/travel/" not in plain
    checked = run_cli("check", cwd=site)
    assert checked.returncode == 0 and "no page of this site" not in checked.stderr, checked.stderr


def test_each_import_ends_with_what_to_do_next(tmp_path):
    """Two new users: the step after the first language's import (the next `--lang`) was buried mid-line in
    a line of 900 characters, and no import said what came after the last one."""
    export = polylang_blog(tmp_path)
    site = tmp_path / "site"
    assert imported(site, export, "--lang", "en").stdout.splitlines()[-1] == (
        "next: import the export again with `--lang fr`, for the blog's posts in that language (translations go "
        "beside their originals)")
    assert imported(site, export, "--lang", "fr", "--dry-run").stdout.splitlines()[-1] == (
        "next: the same command without --dry-run writes these files")
    assert imported(site, export, "--lang", "fr").stdout.splitlines()[-1].startswith("next: `tertulia check` says")


def test_the_next_step_counts_the_blog_s_texts_not_init_s_and_names_languages_as_site_yml_does(tmp_path):
    """A review: after `init --translation fr`, init's French starter hid the French import still to run; a
    site in `en-GB` was told to import `--lang en` again; a dry run with nothing to write said it would."""
    site = tmp_path / "site"
    assert run_cli("init", str(site), "--lang", "en-GB", "--translation", "fr").returncode == 0
    export = polylang_blog(tmp_path)
    said = imported(site, export, "--lang", "en-GB").stdout
    assert said.splitlines()[-1].startswith("next: import the export again with `--lang fr`, for the blog's"), said
    imported(site, export, "--lang", "fr")
    again = imported(site, export, "--lang", "fr", "--dry-run").stdout
    assert again.splitlines()[-1].startswith("next: `tertulia check` says"), again


def test_a_tag_an_earlier_version_made_of_a_paired_term_stays_its_tag(tmp_path):
    """A site imported before pairing has `voyage` beside `travel`: its French posts keep `voyage`, rather
    than move to `travel` and be reported changed."""
    terms = categories((5, "travel", "Travel"), (6, "voyage", "Voyage")) + term_group('a:2:{s:2:"en";i:5;s:2:"fr";i:6;}')
    export = export_of(tmp_path, BLOG, item(70, "bridge", "<p>First.</p>", EN + filed("travel")),
                       item(72, "gare", "<p>Gare.</p>", FR + filed("voyage"), link=f"{BLOG}/fr/2014/05/gare/"),
                       channel=POLYLANG + terms)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    yml = site / "content/site.yml"
    yml.write_text(yml.read_text().replace("tags:\n", 'tags:\n  voyage: {fr: "Voyage"}\n'))
    imported(site, export, "--lang", "fr")
    assert 'tags: ["voyage"]' in (site / "content/posts/gare/index.fr.md").read_text()


@pytest.mark.parametrize("slug, pair", [("general", 'a:2:{s:2:"fr";i:1;s:2:"en";i:7;}'), ("uncategorized-en", "")])
def test_the_default_category_s_translation_is_no_tag_as_the_default_category_is_none(tmp_path, slug, pair):
    """A Dutch and English blog's move: Polylang's English `uncategorized-en`, paired with term 1, became a
    tag `Uncategorized (0)` with empty pages, and an English post imported on its own was filed under it;
    WPML names it so without a pair."""
    terms = categories((1, "geen-categorie", "Geen categorie"), (7, slug, "Uncategorized"),
                       (5, "travel", "Travel")) + (term_group(pair) if pair else "")
    export = export_of(
        tmp_path, BLOG,
        item(70, "bridge", "<p>First.</p>", EN + filed(slug, "travel")),
        item(71, "pont", "<p>Premier.</p>", FR + filed("geen-categorie")),
        channel=POLYLANG + terms)
    site = tmp_path / "site"
    imported(site, export, "--lang", "en")
    essay = (site / "content/posts/bridge/index.en.md").read_text()
    assert "travel" in essay and slug not in essay, essay
    assert f"{slug}:" not in (site / "content/site.yml").read_text()
    art = tmp_path / "art"  # a category of art, whose slug reads alike, stays a tag (a red team)
    imported(art, export_of(tmp_path, BLOG, item(70, "bridge", "<p>First.</p>", EN + filed("uncategorized-art")),
                            channel=POLYLANG + categories((1, "geen-categorie", "Geen categorie"),
                                                          (8, "uncategorized-art", "Art")), name="art.xml"),
             "--lang", "en")
    assert "uncategorized-art" in (art / "content/posts/bridge/index.en.md").read_text()
