"""An imported blog's old addresses in a real browser, served under a sub-path as GitHub Pages serves a
project site: query aliases (`/?p=123`) through the home page's script, fragments kept, and the
redirect pages and imported bodies valid (Nu) and accessible (axe)."""

from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import quote, unquote

import pytest

from helpers import ROOT, SITE_YML, make_content, run_cli, serving
from tools import AXE_JS, VNU_JAR, ensure_node_tools

THEME_TEST = ROOT / "tests" / "fixtures" / "wordpress" / "theme-unit-test.xml"


@pytest.fixture(scope="module")
def blog(tmp_path_factory):
    site = tmp_path_factory.mktemp("blog")
    assert run_cli("import", "wordpress", str(THEME_TEST), cwd=site).returncode == 0
    root = site / "www"
    root.mkdir()
    with serving(root) as url:
        built = run_cli("build", "--output", str(root / "blog"), "--base-url", f"{url}/blog/", cwd=site)
        assert built.returncode == 0, built.stderr
        yield {"url": f"{url}/blog/", "root": root / "blog"}


def own_problems(page) -> list[str]:
    """Console errors, except the old blog's images and the video hosts, which a test machine cannot reach."""
    return [problem for problem in page.problems if not problem.startswith("Failed to load resource")]


@pytest.mark.parametrize("old, new", [
    ("?p=1031", "posts/media-shortcodes/"),
    ("?p=1011#comment-881", "posts/title-with-special-characters/#comment-881"),
    ("?p=1201&utm_source=feed", "posts/zhongwenbiaoti/"),
    ("2013/01/10/media-shortcodes/#fn-1", "posts/media-shortcodes/#fn-1"),
    (quote("2013/02/01/ελληνικά/"), "posts/ellinika/"),
    ("category/markup/", "tags/markup/"),
    ("feed/", "feed.xml"),
    ("about/feed/", "about/"),
    ("?page_id=2&feed=rss2", "about/"),
    ("?p=1201&feed=rss2", "posts/zhongwenbiaoti/comments.xml"),
    ("?feed=rss2&p=1201#top", "posts/zhongwenbiaoti/comments.xml#top"),
    ("?p=1031&feed=rss2", "posts/media-shortcodes/comments.xml"),  # WordPress answers it whatever its permalinks
])
def test_an_old_address_takes_the_reader_to_the_new_page(blog, open_page, old, new):
    page = open_page(blog["url"] + old)
    page.wait_for_url(blog["url"] + new, timeout=10_000)
    assert own_problems(page) == []


def test_an_unknown_query_leaves_the_reader_on_the_home_page(blog, open_page):
    page = open_page(blog["url"] + "?p=999999")
    page.wait_for_timeout(300)
    assert page.url == blog["url"] + "?p=999999" and own_problems(page) == []


def test_a_link_to_a_comment_on_a_paged_thread_reaches_the_comment(blog, open_page):
    """WordPress paged long threads at `<post>/comment-page-2/`, and its links to a comment kept that
    page: GitHub Pages answered its 404, in a language, and the reader never saw the comment."""
    body = (blog["root"] / "404.html").read_text()
    page = open_page("about:blank")
    page.route("**/2013/01/05/title-with-special-characters/comment-page-2/",
               lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(blog["url"] + "2013/01/05/title-with-special-characters/comment-page-2/#comment-881")
    page.wait_for_url(blog["url"] + "posts/title-with-special-characters/#comment-881", timeout=10_000)
    assert page.locator("#comment-881").is_visible()


@pytest.mark.parametrize("old, new", [
    ("category/markup/page/2/", "tags/markup/"), ("category/markup/feed/", "tags/markup/"),
    ("category/markup/feed/atom/", "tags/markup/"),
    # a post split by <!--nextpage--> went on at `<post>/2/`; `/index.php?p=ID` and `/index.php/<permalink>/`
    # named what `/?p=ID` and `/<permalink>/` name (both GitHub Pages' 404 in a migration walk)
    ("2013/01/05/title-with-special-characters/2/", "posts/title-with-special-characters/"),
    ("2013/01/05/title-with-special-characters/amp/", "posts/title-with-special-characters/"),
    ("index.php?p=1031", "posts/media-shortcodes/"),
    ("index.php/2013/01/05/title-with-special-characters/#comment-881", "posts/title-with-special-characters/#comment-881"),
])
def test_an_archive_s_later_page_or_feed_reaches_the_archive(blog, open_page, old, new):
    """`/category/politica/page/2/` and `/category/politica/feed/` were GitHub Pages' 404 (a migration walk)."""
    body = (blog["root"] / "404.html").read_text()
    page = open_page("about:blank")
    missing = blog["url"] + old.partition("#")[0]
    page.route(lambda url: url == missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(blog["url"] + old)
    page.wait_for_url(blog["url"] + new, timeout=10_000)


@pytest.mark.parametrize("old, new", [
    # WordPress found a post whatever the case its address was typed in; a static host does not
    ("2013/01/05/Title-With-Special-Characters/#comment-881", "posts/title-with-special-characters/#comment-881"),
    ("Category/Markup/Page/2/", "tags/markup/"),
    (quote("2013/02/01/ΕΛΛΗΝΙΚΆ/"), "posts/ellinika/"),
    # and answered `/search/words/` as `/?s=words`
    ("search/Hello+world/", re.compile(r".*/blog/search/\?q=Hello(%20|\+)world$")),
])
def test_an_old_address_in_other_letters_reaches_its_page(blog, open_page, old, new):
    followed_as_github_pages_serves(open_page, blog, "/blog/", old, new)


def followed_as_github_pages_serves(open_page, site: dict, folder: str, asked: str, reached) -> None:
    """Open `asked` below `site`'s URL, every missing page answered with its 404.html (status 404), and
    wait for `reached` (below the site's URL, or a pattern of the whole address)."""
    body = (site["root"] / "404.html").read_text()
    page = open_page("about:blank")
    page.route(lambda url: not (site["root"] / unquote(url.split(folder, 1)[1].split("?")[0]) / "index.html").exists(),
               lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(site["url"] + asked)
    page.wait_for_url(reached if isinstance(reached, re.Pattern) else site["url"] + reached, timeout=10_000)


def test_a_site_s_own_not_found_page_written_before_still_sends_paged_addresses_on(blog, open_page):
    """A site's own 404.html, copied from an older theme, lacks the marks the script now reads: it threw,
    and none of the old addresses it had handled led anywhere."""
    body = re.sub(r' data-root="[^"]*"( data-search)?', "", (blog["root"] / "404.html").read_text())
    assert " data-root=" not in body
    page = open_page("about:blank")
    page.route("**/category/markup/page/2/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(blog["url"] + "category/markup/page/2/")
    page.wait_for_url(blog["url"] + "tags/markup/", timeout=10_000)


def test_wordpress_s_search_address_reaches_the_site_s_search(blog, open_page):
    """`/?s=words` was the blog's search; a static host serves the home page for it, which said nothing."""
    page = open_page(blog["url"] + "?s=" + quote("Hello world"))
    page.wait_for_url(re.compile(r".*/blog/search/\?q=Hello(%20|\+)world$"), timeout=10_000)
    assert page.locator("input[name=q]").input_value() == "Hello world"


def test_a_site_s_own_address_in_capitals_does_not_go_round(blog, open_page):
    """A lowered address that is not found either stays the not-found page: one hop, never a loop."""
    body = (blog["root"] / "404.html").read_text()
    page = open_page("about:blank")
    asked = []
    page.route("**/No-Such-Post/**", lambda route: (asked.append(route.request.url),
                                                    route.fulfill(status=404, body=body, content_type="text/html")))
    page.route("**/no-such-post/**", lambda route: (asked.append(route.request.url),
                                                    route.fulfill(status=404, body=body, content_type="text/html")))
    page.goto(blog["url"] + "No-Such-Post/")
    page.wait_for_url(blog["url"] + "no-such-post/", timeout=10_000)
    page.wait_for_timeout(500)
    assert page.url == blog["url"] + "no-such-post/" and len(asked) == 2


def test_a_missing_date_archive_is_not_sent_to_the_year_above(blog, open_page):
    """The number that ends a date's path is no page of a split post: `/2099/12/` stays the not-found page."""
    stays_not_found(open_page, blog, "**/2099/12/", "2099/12/")


def stays_not_found(open_page, site: dict, missing: str, asked: str):
    """Open `asked` below `site`'s URL, the addresses `missing` matches answered with its 404.html, and see
    that the reader stays there; the page."""
    body = (site["root"] / "404.html").read_text()
    page = open_page("about:blank")
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(site["url"] + asked)
    page.wait_for_timeout(500)
    assert page.url == site["url"] + asked
    return page


def test_without_scripts_a_redirect_page_still_sends_the_reader_on(blog, open_page):
    page = open_page(blog["url"] + "2013/01/05/title-with-special-characters/", javascript=False)
    page.wait_for_url(blog["url"] + "posts/title-with-special-characters/", timeout=10_000)


def test_redirect_pages_and_imported_bodies_pass_the_nu_checker(blog):
    ensure_node_tools()
    pages = sorted(str(p) for p in blog["root"].rglob("*.html"))
    assert len(pages) > 30
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [f"{m.get('url', '').split('/blog/')[-1]}:{m.get('lastLine')}: {m['message']}"
                for m in messages if m["type"] in ("error", "non-document-error")]
    assert problems == []


AXE = """async () => (await axe.run(document, {resultTypes: ['violations']}))
    .violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))"""


@pytest.mark.parametrize("path", ["posts/media-shortcodes/", "posts/code-and-footnotes/",
                                  "posts/title-with-special-characters/"])
def test_axe_finds_no_violation_on_imported_pages(blog, open_page, path):
    ensure_node_tools()
    page = open_page(blog["url"] + path)
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate(AXE) == []


def test_axe_finds_no_violation_on_a_redirect_page(blog, browser):
    """The page as a reader meets it for an instant (held still: its script and refresh taken out)."""
    ensure_node_tools()
    text = (blog["root"] / "2013/01/10/media-shortcodes/index.html").read_text()
    still = re.sub(r"<script>.*?</script>|<meta http-equiv=\"refresh\"[^>]*>", "", text, flags=re.S)
    assert still != text
    page = browser.new_page()
    page.set_content(still)
    page.add_script_tag(path=str(AXE_JS))
    assert page.evaluate(AXE) == []
    page.close()


NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>News</title><link>https://old.example.org</link>
<language>en</language>
<item><title>News</title><link>https://old.example.org/news/</link><content:encoded>The news.</content:encoded>
<wp:post_id>90</wp:post_id><wp:post_name>news</wp:post_name><wp:status>publish</wp:status>
<wp:post_type>page</wp:post_type></item>
<item><title>Harbour</title><link>https://old.example.org/news/?p=91</link><content:encoded>Words.</content:encoded>
<wp:post_id>91</wp:post_id><wp:post_date>2014-05-01 10:00:00</wp:post_date><wp:post_name>harbour</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>
"""


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A blog whose posts' old addresses were queries on its News page, which is a real page here too."""
    site = tmp_path_factory.mktemp("news")
    (site / "export.xml").write_text(NEWS)
    assert run_cli("import", "wordpress", "export.xml", cwd=site).returncode == 0
    root = site / "www"
    root.mkdir()
    with serving(root) as url:
        built = run_cli("build", "--output", str(root / "blog"), "--base-url", f"{url}/blog/", cwd=site)
        assert built.returncode == 0, built.stderr
        yield f"{url}/blog/"


@pytest.mark.parametrize("old", ["news/?p=91", "news?p=91", "news/?p=91#comment-1", "?p=91"])
def test_a_query_alias_on_a_real_page_other_than_home_takes_the_reader_on(news, open_page, old):
    page = open_page(news + old)
    page.wait_for_url(news + "posts/harbour/" + ("#comment-1" if "#" in old else ""), timeout=10_000)
    assert own_problems(page) == []


def test_the_real_page_under_a_query_alias_stays_itself(news, open_page):
    for address in ("news/", "news/?p=92"):
        page = open_page(news + address)
        page.wait_for_timeout(300)
        assert page.url == news + address and "The news." in page.inner_text("main")


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A site whose redirects lead to an address with a query, and to one with a fragment of its own."""
    folder = tmp_path_factory.mktemp("moved")
    redirects = ('redirects:\n  /stacked/: "/posts/hola/?view=stacked#p1"\n  /tagged/: "/tags/#values"\n'
                 '  /plain/: /tags/\n')
    content = make_content(folder, {"site.yml": SITE_YML + redirects})
    root = folder / "www"
    root.mkdir()
    (root / "favicon.ico").write_bytes(b"")  # the host's, which a browser asks for: no 404 to count as a problem
    with serving(root) as url:
        built = run_cli("build", "--content", str(content), "--output", str(root / "site"),
                        "--base-url", f"{url}/site/")
        assert built.returncode == 0, built.stderr
        yield f"{url}/site/"


@pytest.mark.parametrize("old, new, javascript", [
    ("stacked/", "posts/hola/?view=stacked#p1", True),  # its query as written, not percent-encoded into a path
    ("stacked/", "posts/hola/?view=stacked#p1", False),
    ("tagged/#elsewhere", "tags/#values", True),  # the new address's own fragment wins
    ("tagged/", "tags/#values", False),
    ("plain/#values", "tags/#values", True),  # else the reader's is kept (a meta refresh cannot: the script does)
])
def test_a_redirect_keeps_its_query_and_one_fragment(moved, open_page, old, new, javascript):
    page = open_page(moved + old, javascript=javascript)
    page.wait_for_url(moved + new, timeout=10_000)
    assert page.title() and page.problems == []


@pytest.mark.parametrize("old, new", [
    ("#comment-4242", "#comment-disqus-4242"),  # Disqus's permalink, its comment imported as disqus-4242
    ("#disqus_thread", "#discussion"),
    ("#comments", "#discussion"),  # WordPress's link to a post's comments, and to its reply form
    ("#respond", "#discussion"),
    ("#comment-c1", "#comment-c1"),  # a fragment the page holds stays as it is
    ("#comment-999", "#comment-999"),  # and one that names nothing on it too
])
def test_an_old_blog_s_fragment_reaches_the_discussion_it_meant(tmp_path, open_page, old, new):
    filler = "\n\n".join(["Un párrafo largo para que la discusión quede lejos del principio."] * 60)
    content = make_content(tmp_path, {
        "posts/hola/index.es.md": f"---\ntitle: Hola\nauthor: Ana\n---\n\n{filler}\n",
        "posts/hola/comments/c1.es.md": "---\nauthor: Ana\n---\n\nHola.\n",
        "posts/hola/comments/disqus-4242.es.md": "---\nauthor: Berta\n---\n\nDesde Disqus.\n",
    }, with_essay=False)
    assert run_cli("build", "--content", str(content), "--output", str(tmp_path / "www/blog"), "--no-cache").returncode == 0
    with serving(tmp_path / "www") as url:
        page = open_page(f"{url}/blog/posts/hola/{old}")
        page.wait_for_url(f"{url}/blog/posts/hola/{new}", timeout=10_000)
        if new != "#comment-999":
            assert page.evaluate(f"document.getElementById({new[1:]!r}).getBoundingClientRect().top") < 800
        # the same fragment followed on the page itself, a link there that was written for the old blog
        page.goto(f"{url}/blog/posts/hola/#comment-c1")
        page.evaluate(f"window.location.hash = {old!r}")
        page.wait_for_url(f"{url}/blog/posts/hola/{new}", timeout=10_000)
        assert page.problems == []


def test_the_not_found_page_never_sends_the_reader_to_another_host(blog, open_page):
    """`//evil.example/feed/` under a site at its host's root: the script took `//evil.example/` for the
    address the feed hangs from, which a browser reads as another host (a red team, 2026-12)."""
    body = (blog["root"] / "404.html").read_text()
    page = open_page("about:blank")
    origin = blog["url"].split("/blog/")[0]
    page.route("**/*", lambda route: route.fulfill(status=404, body=body, content_type="text/html")
               if "evil" in route.request.url else route.continue_())
    page.goto(origin + "//evil.example/feed/")
    page.wait_for_timeout(500)
    assert page.url.startswith(origin + "/"), page.url


@pytest.mark.parametrize("asked, reached", [
    # a language's folder and a side-by-side page's are written as the site writes them, whatever the case
    ("/fixture-repo/PT-br/Posts/Alpha/", "/fixture-repo/pt-BR/posts/alpha/"),
    ("/fixture-repo/posts/ALPHA/with-PT-BR/", "/fixture-repo/posts/alpha/with-pt-BR/"),
])
def test_an_address_in_other_capitals_keeps_the_site_s_own_language_tags(server, open_page, asked, reached):
    body = (server["root"] / "fixture-repo" / "404.html").read_text()
    page = open_page("about:blank")
    page.route(lambda url: url.endswith(asked), lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(server["url"] + asked)
    page.wait_for_url(server["url"] + reached, timeout=10_000)


def test_a_missing_page_in_a_language_folder_with_capitals_stays_that_language_s(server, open_page):
    """`/pt-BR/` holds capitals: lowered, every missing address there went to `/pt-br/…`, another not-found
    page in the site's language."""
    fixture = {"root": server["root"] / "fixture-repo", "url": server["url"] + "/fixture-repo/"}
    page = stays_not_found(open_page, fixture, "**/nada/", "pt-BR/nada/")
    assert page.evaluate("document.documentElement.lang") == "pt-BR"


@pytest.fixture(scope="module")
def aliased(tmp_path_factory):
    """A site under a sub-path in capitals, whose essay keeps an alias written in capitals (a host that kept
    case had it), with search on."""
    folder = tmp_path_factory.mktemp("aliased")
    content = make_content(folder, {"site.yml": SITE_YML.replace("search: false", "search: true")})
    hola = content / "posts/hola/index.es.md"
    hola.write_text(hola.read_text().replace("\n---\n", "\naliases: [/Blog/Old-Post/]\n---\n", 1))
    root = folder / "www"
    root.mkdir()
    with serving(root) as url:
        built = run_cli("build", "--content", str(content), "--output", str(root / "Sub-Path"), "--base-url",
                        f"{url}/Sub-Path/", cwd=folder)
        assert built.returncode == 0, built.stderr
        assert (root / "Sub-Path/Blog/Old-Post/index.html").is_file()
        yield {"url": f"{url}/Sub-Path/", "root": root / "Sub-Path"}


@pytest.mark.parametrize("asked, reached", [
    # what hangs from an alias as it was written, before any lowering (a red team's, of the first version)
    ("Blog/Old-Post/feed/", "posts/hola/"), ("Blog/Old-Post/comment-page-2/#comment-1", "posts/hola/#comment-1"),
    ("search/Hola/", re.compile(r".*/Sub-Path/search/\?q=Hola$")),
    ("ES/Search/Hola+Mundo/", re.compile(r".*/Sub-Path/es/search/\?q=Hola(%20|\+)Mundo$")),
])
def test_an_alias_in_capitals_and_search_addresses_below_the_site_s_folder(aliased, open_page, asked, reached):
    followed_as_github_pages_serves(open_page, aliased, "/Sub-Path/", asked, reached)


def test_search_in_an_address_below_a_post_is_no_search(aliased, open_page):
    """`/posts/hola/search/x/` was sent to `/posts/hola/search/?q=x`, another not-found address."""
    stays_not_found(open_page, aliased, "**/posts/hola/search/**", "posts/hola/search/x/")
