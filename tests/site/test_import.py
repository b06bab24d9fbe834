"""`import wordpress`: an export's essays and threads come across whole, and nothing else does."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT, children_cpu, every_file, read_proposals, run_cli

EXPORT = ROOT / "tests" / "fixtures" / "wordpress" / "blog.xml"
SECRETS = ("secret@example", "203.0.113.77", "198.51.100.1", "NOTE-WORDS", "TRASH-WORDS", "POST-TRASHED-WORDS",
           "BINNED-WORDS", "PINGBACK-WORDS")


def imported(tmp_path, *extra, export=EXPORT):
    result = run_cli("import", "wordpress", str(export), *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return result


def test_an_export_becomes_essays_and_threads_and_counts_add_up(tmp_path):
    result = imported(tmp_path)
    content = tmp_path / "content"
    assert sorted(every_file(content)) == [
        ".tertulia-imports.json", "pages/about/index.es.md", "posts/ano-nuevo-que/index.es.md", "posts/los-clientes-2/index.es.md",
        *[f"posts/los-clientes/comments/{i}.es.md" for i in (11, 12, 13, 14, 15, 16, 17, 19, 22)],
        "posts/los-clientes/index.es.md", "posts/nandu/index.es.md", "site.yml"]
    assert "essays: 4 (2 published, 2 drafts) of 8 items in the export" in result.stdout
    assert "comments: 9 (7 published, 1 pending, 1 spam) of 14 in the export" in result.stdout
    assert ("items not imported: 1 attachment item (not posts or pages), 1 nav_menu_item item (not posts or "
            "pages), 1 post with status trash") in result.stdout
    assert "pages: 1 (1 published, 0 drafts)" in result.stdout
    assert ("comments not imported: 1 editors' note (private), 1 on posts not imported, 1 pingback or "
            "trackback (--pingbacks imports them), 1 trashed, 1 trashed with their post") in result.stdout
    essay = (content / "posts/los-clientes/index.es.md").read_text()
    assert essay.startswith('---\ntitle: "Los clientes no son todos iguales"\nauthor: "Tactil Básico"\n'
                            'date: "2012-09-10 12:34+02:00"\ntags: ["ensayos", "cluetrain", "verticalidad"]\n'
                            'source: "https://blog.example.org/2012/09/10/los-clientes/"\nsummary: "Habría que')
    for markdown in ("*voluntad*", "[Manifiesto](https://www.cluetrain.com/)", "## La verticalidad era norma",
                     "- Primero\n- Segundo", "> Una cita famosa.",
                     '<figure><img alt="" height="200" src="https://blog.example.org/wp-content/uploads/foto.jpg" '
                     'width="300"/><figcaption>La foto del equipo</figcaption></figure>',
                     "Texto con &lt;script> escrito como texto"):
        assert markdown in essay
    assert "<!--more-->" not in essay and "uncategorized" not in essay
    draft = (content / "posts/ano-nuevo-que/index.es.md").read_text()
    assert 'title: "Año nuevo: ¿qué?"\nauthor: "ghost"\n' in draft and "date:" not in draft
    assert 'summary: "Un resumen escrito a mano."\ndraft: true' in draft
    assert "wp:" not in draft and "**editor de bloques**" in draft and "## Un título" in draft
    assert "CDATA edge: a literal \\]\\]> inside" in (content / "posts/nandu/index.es.md").read_text()
    site = (content / "site.yml").read_text()
    assert 'base_url: "https://blog.example.org/"' in site and 'es: "Español"' in site
    assert 'verticalidad: {es: "Verticalidad"}' in site and "  uncategorized:" not in site


def image_comment(comment_id: str, words: str) -> str:
    """Eva's approved comment, as an export holds one on an attachment's own page."""
    return (f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author><![CDATA[Eva]]>"
            "</wp:comment_author><wp:comment_date><![CDATA[2012-09-14 09:00:00]]></wp:comment_date>"
            f"<wp:comment_content><![CDATA[{words}]]></wp:comment_content><wp:comment_approved>1"
            "</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>")


def test_a_comment_on_an_item_that_is_no_post_or_page_is_counted_as_not_imported(tmp_path):
    """A red team: a comment on an attachment's page (or a plugin's portfolio item) was in no file, and the
    summary said "comments not imported: none" and "of 16" of an export holding 17."""
    comment = image_comment("90", "Qué foto.")
    text = EXPORT.read_text()
    at = text.index("<wp:post_type><![CDATA[attachment]]></wp:post_type>")
    export = tmp_path / "export.xml"
    export.write_text(text[:at] + comment + text[at:])
    result = imported(tmp_path, export=export)
    assert "comments: 9 (7 published, 1 pending, 1 spam) of 15 in the export" in result.stdout
    assert "1 on attachment items (not posts or pages)" in result.stdout


def test_a_comment_on_the_page_of_an_image_of_a_post_joins_that_post_s_thread(tmp_path):
    """A red team: a reader's words on an attachment's page ("what a beautiful cup") were counted as not
    imported, though the export names the post the image belongs to (its `post_parent`)."""
    comment = image_comment("90", "Qué foto.")
    text = EXPORT.read_text()
    at = text.index("<wp:post_type><![CDATA[attachment]]></wp:post_type>")
    export = tmp_path / "export.xml"
    # a second image, its file's address left empty by the export (a review: its comment was neither kept nor counted)
    second = ("<item><title>otra</title><wp:post_id>31</wp:post_id><wp:status>inherit</wp:status><wp:post_parent>5"
              "</wp:post_parent>" + image_comment("91", "Otra foto.")
              + "<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url></wp:attachment_url></item>")
    end = text.index("</channel>")
    export.write_text(text[:at] + "<wp:post_parent>5</wp:post_parent>" + comment + text[at:end] + second + text[end:])
    result = imported(tmp_path, export=export)
    assert "comments: 11 (9 published, 1 pending, 1 spam) of 16 in the export" in result.stdout
    assert "attachment items (not posts or pages)" not in result.stdout.split("comments not imported:")[1]
    written = (tmp_path / "content/posts/los-clientes/comments/90.es.md").read_text()
    assert 'author: "Eva"' in written and "Qué foto." in written and "status:" not in written
    assert "Otra foto." in (tmp_path / "content/posts/los-clientes/comments/91.es.md").read_text()


def test_comments_keep_their_status_and_threads_and_no_private_data(tmp_path):
    imported(tmp_path)
    comments = tmp_path / "content/posts/los-clientes/comments"
    assert (comments / "16.es.md").read_text().count("status: pending") == 1
    assert "status: spam" in (comments / "17.es.md").read_text()
    assert 'reply_to: "11"' in (comments / "19.es.md").read_text()  # its parent was trashed
    first = (comments / "11.es.md").read_text()
    assert 'url: "https://lacommuna.example.net/"' in first and "Primer comentario.  \nCon una línea más." in first
    hostile = (comments / "22.es.md").read_text()
    assert "url:" not in hostile and "status: published" not in hostile
    for path, data in every_file(tmp_path / "content").items():
        for secret in SECRETS:
            assert secret.encode() not in data, f"{secret} in {path}"


def test_the_imported_site_builds_with_threads_nested_as_they_were(tmp_path):
    imported(tmp_path)
    check = run_cli("check", cwd=tmp_path)
    assert check.returncode == 0 and check.stderr == "", check.stderr
    assert run_cli("build", "--output", "out", cwd=tmp_path).returncode == 0
    parents = read_proposals(tmp_path / "out/posts/los-clientes/index.html").parents
    assert parents == {"11": [], "12": ["11"], "13": ["11", "12"], "14": ["11", "12", "13"],
                       "15": ["11", "12", "13", "14"], "19": ["11"], "22": []}
    built = b"".join(data for path, data in every_file(tmp_path / "out").items()
                     if not path.startswith(("pagefind/", "assets/")))  # the site's own scripts
    for hidden in (b"PENDING-WORDS", b"SPAM-WORDS", b"<img src=x", b"javascript:", b'src="https://evil.example.com',
                   *map(str.encode, SECRETS)):
        assert hidden not in built
    # a commenter's frame is never a frame; its address stays as a link no search engine credits
    assert b'<a href="https://evil.example.com/" rel="nofollow ugc noopener">' in built
    assert not (tmp_path / "out/posts/ano-nuevo-que").exists()  # a draft
    for slug in ("los-clientes", "los-clientes-2", "ano-nuevo-que", "nandu"):
        started = run_cli("new", "translation", slug, "--lang", "es", cwd=tmp_path)
        assert started.returncode == 1 and "already exists" in started.stderr  # es is the original
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text().replace("languages:\n", "languages:\n  en: English\n"))
    for slug in ("los-clientes", "los-clientes-2", "ano-nuevo-que", "nandu"):
        assert run_cli("new", "translation", slug, "--lang", "en", cwd=tmp_path).returncode == 0
    assert run_cli("check", cwd=tmp_path).returncode == 0


def test_a_second_import_writes_nothing_that_exists_and_a_dry_run_nothing_at_all(tmp_path):
    imported(tmp_path)
    essay = tmp_path / "content/posts/los-clientes/index.es.md"
    essay.write_text(essay.read_text().replace("Una cita famosa.", "Una cita famosa, corregida."))
    before = every_file(tmp_path / "content")
    again = imported(tmp_path)
    assert "wrote 0 files; kept 14 that were already there" in again.stdout
    assert every_file(tmp_path / "content") == before
    dry = tmp_path / "dry"
    dry.mkdir()
    result = imported(dry, "--dry-run")
    assert "would write 15 files" in result.stdout and "would write content/posts/nandu/index.es.md" in result.stdout
    assert list(dry.iterdir()) == []


def test_an_existing_site_yml_gains_only_the_missing_tags_with_its_comments_kept(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    original = ('# Our site: keep this comment\ntitle: {es: "Mío"}\nbase_url: "https://me.example.org/"\n'
                "languages:\n  en: English   # first\n  es: Español\nmain_language: en\ntags:\n"
                "  cluetrain: {en: Cluetrain}  # already here\n")
    (content / "site.yml").write_text(original)
    result = imported(tmp_path)
    site = (content / "site.yml").read_text()
    assert site.startswith(original)
    assert '  ensayos:\n    es: "Ensayos"\n' in site and "  verticalidad:\n" in site and site.count("  cluetrain:") == 1
    assert "tags added to site.yml: ensayos, verticalidad" in result.stdout
    assert run_cli("check", cwd=tmp_path).returncode == 0


def test_a_language_the_site_does_not_have_is_a_usage_error(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yml").write_text('title: t\nbase_url: "https://x.org/"\nlanguages: {en: English}\n'
                                      "main_language: en\n")
    result = run_cli("import", "wordpress", str(EXPORT), cwd=tmp_path)
    assert result.returncode == 2 and "language `es-ES` is not in" in result.stderr
    assert result.stderr.startswith(f"{EXPORT}:15: the export's language `es-ES`")  # where it comes from
    assert "--lang" in result.stderr
    assert sorted(every_file(content)) == ["site.yml"]
    assert imported(tmp_path, "--lang", "en").returncode == 0
    assert (content / "posts/nandu/index.en.md").is_file()


def test_a_reimport_in_another_language_is_refused_naming_the_file_and_writes_nothing(tmp_path):
    """Imported as es, then again as en: each post would have two originals and the site would not build."""
    imported(tmp_path)
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text().replace("languages:\n", "languages:\n  en: English\n"))
    before = every_file(tmp_path / "content")
    result = run_cli("import", "wordpress", str(EXPORT), "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("content/posts/los-clientes/index.es.md: this post was imported as `es`; "
                                    "imported as `en` it would have two originals"), result.stderr
    assert "--lang es" in result.stderr and result.stdout == "nothing was written\n"
    assert every_file(tmp_path / "content") == before
    assert run_cli("check", cwd=tmp_path).returncode == 0
    assert "wrote 0 files; kept 14 that were already there" in imported(tmp_path, "--lang", "es").stdout


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_older_wxr_versions_name_their_namespace_differently(tmp_path, version):
    export = tmp_path / "old.xml"
    export.write_text(EXPORT.read_text().replace("wordpress.org/export/1.2/", f"wordpress.org/export/{version}/"))
    result = imported(tmp_path, export=export)
    assert "comments: 9 (7 published, 1 pending, 1 spam)" in result.stdout


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol9;</title></channel></rss>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&passwd;</title></channel></rss>
"""


@pytest.mark.parametrize("text, line, words", [
    (BOMB, 3, "defines entities"),
    (EXTERNAL, 2, "defines entities"),
    (EXPORT.read_text().replace("<wp:post_id>7</wp:post_id>", "<wp:post_id>7</wp:post_ix>"), 128, "not well-formed"),
    ('<?xml version="1.0"?>\n<feed><entry/></feed>\n', 1, "not a WordPress export"),
    ('<?xml version="1.0"?>\n<rss><channel><item><title>x</title></item></channel></rss>\n', 1,
     "not a WordPress export"),
    ('title,author\n"Un caffè",lucia\n', 1, "not a WordPress export (WXR), which is XML: the file begins `title,author`"),
    ("", 1, "not a WordPress export (WXR), which is XML: the file is empty"),
    ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Blog</title></head><body><p>Hi</body></html>\n', 1,
     "not a WordPress export (WXR): the document is <html>, not <rss>"),
    ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>\n', 1,
     "not a WordPress export (WXR): the document is <feed>, not <rss>"),
    ('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com"><thread/></disqus>\n', 1,
     "a Disqus export, not a WordPress one: use `tertulia import disqus`"),
    ("Warning: Cannot modify header information\n" + EXPORT.read_text(), 1,
     "a WordPress export (WXR) with something before its XML: the file begins `Warning: Cannot modify header "
     "information`; remove what stands before `<?xml`"),
    ("\n\n" + EXPORT.read_text(), 3, "`<?xml` must begin the file, and blank lines or spaces stand before it"),
], ids=["entity-bomb", "external-entity", "malformed", "atom", "plain-rss", "csv", "empty", "html", "atom-namespaced",
        "disqus", "server-warning-first", "blank-lines-first"])
def test_an_unreadable_export_exits_1_with_its_line_and_writes_nothing(tmp_path, text, line, words):
    export = tmp_path / "export.xml"
    export.write_text(text)
    content = tmp_path / "content"
    started = children_cpu()  # an entity bomb is refused, not expanded: seconds of work, whatever the machine's load
    result = run_cli("import", "wordpress", str(export), "--lang", "es", cwd=tmp_path)
    assert children_cpu() - started < 20
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{export}:{line}: ") and words in result.stderr, result.stderr
    assert "{http" not in result.stderr  # an element named as it is written, not in Clark notation
    assert not content.exists()


def peak_memory_of_import(tmp_path, items: int) -> int:
    """KiB at the most for a dry-run import of an export of `items` posts of 20 KB each."""
    export = tmp_path / f"export-{items}.xml"
    post = ("<item><title>Post {n}</title><link>https://b.example.org/{n}/</link><content:encoded><![CDATA["
            + "Lorem ipsum dolor sit amet. " * 700 + "]]></content:encoded><wp:post_id>{n}</wp:post_id>"
            "<wp:post_name>post-{n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>attachment"
            "</wp:post_type></item>\n")
    with export.open("w") as out:
        out.write('<?xml version="1.0"?>\n<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Big</title>'
                  "<link>https://b.example.org</link><language>en</language>\n")
        for n in range(items):
            out.write(post.format(n=n))
        out.write("</channel></rss>\n")
    code = ("import resource, runpy, sys\nsys.argv = sys.argv[1:]\ntry:\n"
            "    runpy.run_path(sys.argv[0], run_name='__main__')\nfinally:\n"
            "    print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "build.py"), "import", "wordpress", str(export),
                             "--dry-run", "--content", str(tmp_path / "content")], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert f"items not imported: {items} attachment items (not posts or pages)" in result.stdout, result.stderr
    return int(result.stdout.split("peak ")[-1])


def test_the_blogs_description_is_offered_in_the_blogs_language_whatever_lang_the_posts_take(tmp_path):
    """A Spanish blog's posts imported as English (--lang en): its description is still Spanish."""
    site = tmp_path / "cuaderno"
    assert run_cli("init", str(site), "--lang", "es", "--translation", "en").returncode == 0
    result = imported(site, "--lang", "en", "--dry-run")
    assert "`description: {es: \"Ensayos y conversaciones\"}`" in result.stdout, result.stdout
    assert "`title: {es: \"Blog de prueba\"}`" in result.stdout


def test_the_blogs_clock_is_offered_as_a_timezone_by_its_offset_never_by_a_guessed_name(tmp_path):
    """The blog wrote its times at +02:00; a site.yml without `timezone` puts Disqus's and readers' comments
    in UTC beside them. The summary says so, with the offset seen: the export names no zone."""
    said = imported(tmp_path, "--dry-run").stdout
    assert ("the blog's clock, which site.yml does not have: the export's times are at +02:00 from UTC "
            "(WordPress's local times against their UTC twins)") in said, said
    assert "set `timezone: Region/City` in content/site.yml, the IANA name of the blog's zone" in said
    imported(tmp_path)
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text() + "timezone: Europe/Madrid\n")
    assert "timezone" not in imported(tmp_path, "--dry-run").stdout


def test_a_large_export_imports_in_bounded_memory(tmp_path):
    """The importer holds one item at a time: three times the export, not three times the memory."""
    small, large = peak_memory_of_import(tmp_path, 1000), peak_memory_of_import(tmp_path, 3000)  # 20 MB, 60 MB
    assert large < small + 20_000, f"{small} KiB for 20 MB, {large} KiB for 60 MB"


def test_the_blogs_title_and_description_are_offered_for_the_site_yml_init_wrote(tmp_path):
    """Imported into a site `tertulia init` made, the blog's title and description were dropped without a
    word: the summary gives them, and the keys to set (site.yml is the author's: it is not rewritten)."""
    site = tmp_path / "cuaderno"
    assert run_cli("init", str(site), "--lang", "es").returncode == 0
    settings = site / "content/site.yml"
    result = imported(site)
    assert ("the blog's title, which site.yml does not have (its `title` is `cuaderno`, the folder's name that "
            "`tertulia init` put there): to use it, set `title: {es: \"Blog de prueba\"}` in content/site.yml") \
        in result.stdout
    assert ("the blog's description, which site.yml does not have: to use it, set "
            "`description: {es: \"Ensayos y conversaciones\"}` in content/site.yml") in result.stdout
    assert 'title: "cuaderno"' in settings.read_text() and "\ndescription:" not in settings.read_text()
    settings.write_text(settings.read_text().replace('title: "cuaderno"', 'title: "Mi cuaderno"')
                        .replace("# description:", "description:"))
    again = imported(site).stdout
    assert "the blog's title" not in again and "the blog's description" not in again


def test_the_site_yml_init_wrote_keeps_every_line_and_gains_only_what_the_import_adds(tmp_path):
    """The import wrote `menu`'s `  - page: about` as `- page: about` (its comment moved) and added an
    empty `tags: {}` while saying it added none."""
    site = tmp_path / "cuaderno"
    assert run_cli("init", str(site), "--lang", "es").returncode == 0
    settings = site / "content/site.yml"
    before = settings.read_text().splitlines()
    export = tmp_path / "untagged.xml"
    export.write_text(UNTAGGED)
    result = imported(site, export=export)
    after = settings.read_text().splitlines()
    assert "tags added to site.yml: none" in result.stdout and "tags:" not in after
    assert after[:len(before)] == before and all(line.startswith(("redirects:", "  /", '  "/')) for line in after[len(before):])


UNTAGGED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>B</title><link>https://blog.example.org</link><language>es</language><wp:wxr_version>1.2</wp:wxr_version>
<item><title>T</title><link>https://blog.example.org/t/</link><wp:post_id>100</wp:post_id>
<content:encoded><![CDATA[<p>ok</p>]]></content:encoded><wp:post_name>t</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item>
</channel></rss>
"""


def test_an_exports_language_no_registry_has_is_refused_with_the_tag_browsers_know():
    from tertulia.importers.wpplaces import language_tag
    assert language_tag("pt_BR", "--lang") == "pt-BR"
    with pytest.raises(ValueError, match=r"the export's <language>: `deu` is not a current tag of IANA's .* write `de`; or choose"):
        language_tag("deu", "the export's <language>")


def test_an_import_into_an_empty_folder_says_how_the_site_gets_published(tmp_path):
    """A new user's blog, imported into an empty folder, had no workflows to publish it, and `init` then
    refused the folder; nothing said so. Imported into a site `init` started, nothing needs saying."""
    (tmp_path / "bare").mkdir()
    said = imported(tmp_path / "bare").stdout
    assert ("a new site: its base_url is the old blog's address; to publish it on GitHub Pages, start a site with "
            "`tertulia init DIR --lang ...`") in said, said
    assert run_cli("init", str(tmp_path / "started"), "--lang", "es").returncode == 0
    (tmp_path / "started/content/site.yml").unlink()  # as a writer who lets the import write it
    assert "a new site:" not in imported(tmp_path / "started").stdout


SPANISH_AND_RUSSIAN = ('title: {es: "Blog"}\nbase_url: "https://example.org/"\n'
                       "languages: {es: Español, ru: Русский}\nmain_language: es\n")


def with_a_russian_comment(tmp_path):
    """The blog's export with a Russian reader's reply on its Spanish post `los-clientes`."""
    text = EXPORT.read_text()
    at = text.index("</wp:comment>") + len("</wp:comment>")
    comment = ("<wp:comment><wp:comment_id>95</wp:comment_id><wp:comment_author><![CDATA[Olga]]></wp:comment_author>"
               "<wp:comment_date><![CDATA[2012-09-15 09:00:00]]></wp:comment_date><wp:comment_content><![CDATA["
               "Очень интересная статья, <a href=\"https://example.org/x\">спасибо</a> большое!]]>"
               "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
               "<wp:comment_parent>11</wp:comment_parent></wp:comment>")
    export = tmp_path / "export.xml"
    export.write_text(text[:at] + comment + text[at:])
    return export


def test_a_comment_in_another_script_is_filed_in_the_one_site_language_writing_it(tmp_path):
    """A Hindi blog's English comments were filed as Hindi, and `new translation --comments` asked for
    their English translation (a new user's walk): letters tell a script, and one language of the site
    alone writes Cyrillic here."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/site.yml").write_text(SPANISH_AND_RUSSIAN)
    result = imported(tmp_path, export=with_a_russian_comment(tmp_path))
    thread = tmp_path / "content/posts/los-clientes/comments"
    assert (thread / "95.ru.md").is_file() and not (thread / "95.es.md").exists()
    assert 'reply_to: "11"' in (thread / "95.ru.md").read_text()
    assert (thread / "11.es.md").is_file() and not (thread / "11.ru.md").exists()  # the Spanish ones stay
    assert ("comments filed in the language their letters are written in, which their post's language does not "
            "write (one in another: rename its file): posts/los-clientes/comments/95.ru.md") in result.stdout
    assert run_cli("check", cwd=tmp_path).returncode == 0
    assert "wrote 0 files" in imported(tmp_path, export=with_a_russian_comment(tmp_path)).stdout


def test_a_comment_an_earlier_import_filed_in_its_posts_language_stays_there(tmp_path):
    """Filed as Spanish by an import before the site had Russian, the comment keeps its file: a second
    original of it in Russian would have two originals."""
    export = with_a_russian_comment(tmp_path)
    imported(tmp_path, export=export)
    thread = tmp_path / "content/posts/los-clientes/comments"
    assert (thread / "95.es.md").is_file()
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text().replace('  es: "Español"\n', '  es: "Español"\n  ru: "Русский"\n'))
    assert 'ru: "Русский"' in site.read_text()
    again = imported(tmp_path, export=export)
    assert not (thread / "95.ru.md").exists() and "wrote 0 files" in again.stdout
    (thread / "95.es.md").unlink()  # deleted by hand: not brought back, in either language
    imported(tmp_path, export=export)
    assert not (thread / "95.es.md").exists() and not (thread / "95.ru.md").exists()


def test_a_comment_filed_by_its_letters_keeps_its_file_whatever_changes_after(tmp_path):
    """A red team: a second language of the same script in site.yml, the comment rewritten on the blog in
    its post's language, or its translation into that language written here, each made a re-import write
    a second original of it (the build stopped), or refuse it as another comment's."""
    (tmp_path / "content").mkdir()
    site = tmp_path / "content/site.yml"
    site.write_text(SPANISH_AND_RUSSIAN)
    export = with_a_russian_comment(tmp_path)
    imported(tmp_path, export=export)
    thread = tmp_path / "content/posts/los-clientes/comments"
    assert (thread / "95.ru.md").is_file()
    site.write_text(site.read_text().replace("ru: Русский}", "ru: Русский, uk: Українська}"))
    assert "uk: Українська" in site.read_text()
    again = imported(tmp_path, export=export)  # Cyrillic is no one language's now
    assert "wrote 0 files" in again.stdout and not (thread / "95.es.md").exists()
    assert "comments filed in the language their letters" not in again.stdout  # nothing was filed this time
    (thread / "95.es.md").write_text("---\ntranslation_of: ru\n---\n\nUn artículo muy interesante, ¡gracias!\n")
    again = imported(tmp_path, export=export)
    assert "wrote 0 files" in again.stdout and "held by other comments" not in again.stdout
    rewritten = tmp_path / "rewritten.xml"
    rewritten.write_text(export.read_text().replace("Очень интересная статья, <a href=\"https://example.org/x\">спасибо"
                                                    "</a> большое!", "Un artículo muy interesante, de verdad."))
    imported(tmp_path, export=rewritten)
    assert "Un artículo muy interesante, de verdad." in (thread / "95.ru.md").read_text()  # followed the blog
    assert "translation_of" in (thread / "95.es.md").read_text()  # the translation, untouched
    assert run_cli("check", cwd=tmp_path).returncode == 0


def test_a_comment_file_its_author_renamed_to_its_language_stays_the_import_s_own(tmp_path):
    """A verification of the letters' filing: a comment renamed by hand to its language (as the summary
    advises) lost its replies at the next import, and a later edit on the blog was refused as another
    comment's name, with advice that would have written it twice."""
    imported(tmp_path)
    thread = tmp_path / "content/posts/los-clientes/comments"
    assert 'reply_to: "11"' in (thread / "12.es.md").read_text()
    (thread / "11.es.md").rename(thread / "11.en.md")
    site = tmp_path / "content/site.yml"
    site.write_text(site.read_text().replace('  es: "Español"\n', '  es: "Español"\n  en: "English"\n'))
    again = imported(tmp_path)
    assert "wrote 0 files" in again.stdout and 'reply_to: "11"' in (thread / "12.es.md").read_text()
    edited = tmp_path / "edited.xml"
    text = EXPORT.read_text()
    at = text.index("<wp:comment_id>11</wp:comment_id>")
    edited.write_text(text[:at] + text[at:].replace("]]></wp:comment_content>", " (edited)]]></wp:comment_content>", 1))
    after = imported(tmp_path, export=edited)
    assert "held by other comments" not in after.stdout and not (thread / "11.es.md").exists()
    assert 'reply_to: "11"' in (thread / "12.es.md").read_text()
    assert run_cli("check", cwd=tmp_path).returncode == 0
