"""One way to decide what is up to date, checked against none at all.

Hypothesis changes every kind of input a site has, one step at a time: content, site.yml, catalogs,
templates and their overrides, assets, static files, pages, the translation record, renames and
deletions. After every step the preview (its last run kept in memory, told what the file system
said changed) and an incremental build (its caches on disk) must equal a clean `--no-cache` build
of the same options, byte for byte.
"""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tertulia.commands.serve import preview_options
from tertulia.errors import ContentErrors
from tertulia.freshness import LastRun
from tertulia.pipeline import Options, build, parse_cache
from tertulia.commands.translated import save_record
from tertulia.reading.translations import Followed
from tertulia.theme import DEFAULT

from helpers import ESSAY_EN, ESSAY_ES, SITE_YML, about_site, every_file

CATALOG = "locales/en/LC_MESSAGES/messages.po"


def _write(path, text: str) -> set[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return {str(path)}


def _remove(path) -> set[str]:
    """A file or a folder gone; the paths the file system reports for it."""
    if path.is_dir():
        touched = {str(p) for p in path.rglob("*")} | {str(path)}
        shutil.rmtree(path)
        return touched
    if path.exists():
        path.unlink()
        return {str(path)}
    return set()


def _first_post(content):
    return min((p for p in (content / "posts").iterdir() if p.is_dir()), default=None)


def essay(root, n):
    post = _first_post(root / "content")
    if post is None:
        return set()
    return _write(post / "index.es.md", ESSAY_ES.replace("Primer párrafo.", f"Primer párrafo, versión {n}."))


def comment(root, n):
    post = _first_post(root / "content")
    if post is None:
        return set()
    status = "pending" if n % 2 else "published"
    return _write(post / f"comments/c{n}.es.md", f"---\nauthor: Lector {n}\ndate: 2021-03-0{n + 1}\n"
                                                 f"status: {status}\n---\n\nComentario {n}.\n")


def broken(root, n):
    """A comment whose front matter does not parse: every build fails alike, until a later step removes it."""
    post = _first_post(root / "content")
    if post is None:
        return set()
    return _write(post / f"comments/roto{n}.es.md", "---\nauthor: [sin cerrar\n---\n\nRoto.\n")


def comment_rename(root, n):
    post = _first_post(root / "content")
    found = sorted((post / "comments").glob("*.md")) if post else []
    if not found:
        return set()
    source = found[n % len(found)]
    target = source.with_name(f"r{n}{source.name}")
    source.rename(target)  # the same bytes, another id
    return {str(source), str(target)}


def delete_comment(root, n):
    post = _first_post(root / "content")
    found = sorted((post / "comments").glob("*.md")) if post else []
    return _remove(found[n % len(found)]) if found else set()


def site_yml(root, n):
    return _write(root / "content/site.yml", SITE_YML.replace('"Test site"', f'"Site {n}"') + f"per_page: {n + 1}\n"
                  + "menu:\n  - page: about\n")


def catalog(root, n):
    original = (DEFAULT / CATALOG).read_text(encoding="utf-8")
    return _write(root / CATALOG, original.replace('msgid "original"\nmsgstr "original"',
                                                   f'msgid "original"\nmsgstr "source {n}"'))


def template(root, n):
    return _write(root / "templates/base.html", '{% extends "default/base.html" %}\n'
                                                f"{{% block footer %}}<p>Footer {n}</p>{{{{ super() }}}}{{% endblock %}}\n")


def another_template(root, n):
    """A second override beside the first: a page already drawn from the theme's must see it."""
    return _write(root / "templates/single.html", '{% extends "default/single.html" %}\n'
                                                  f"{{% block title %}}Single {n}{{% endblock %}}\n")


def asset(root, n):
    original = (DEFAULT / "assets/style.css").read_text(encoding="utf-8")
    return _write(root / "assets/style.css", original + f"\n/* {n} */\n")


def static(root, n):
    return _write(root / "content/static/robots.txt", f"User-agent: *\nDisallow: /{n}/\n")


def page(root, n):
    return _write(root / "content/pages/about/index.en.md",
                  f"---\ntitle: About {n}\ntranslation_of: es\n---\n\nWe are two.\n\n![The logo](logo.svg)\n")


def record(root, n):
    post = _first_post(root / "content")
    if post is None or not (post / "index.en.md").exists():
        return set()
    name = f"content/posts/{post.name}/index"
    save_record(root / "content", {f"{name}.en.md": Followed(f"{name}.es.md", (f"Párrafo viejo {n}.", None))})
    return {str(root / "content/translations.json")}


def post_rename(root, n):
    post = _first_post(root / "content")
    target = root / f"content/posts/ensayo-{n}"
    if post is None or target.exists():
        return set()
    touched = {str(p) for p in post.rglob("*")}
    post.rename(target)
    return touched | {str(p) for p in target.rglob("*")}


def post_add(root, n):
    folder = root / f"content/posts/nuevo-{n}"
    return (_write(folder / "index.es.md", ESSAY_ES.replace("Hola", f"Nuevo {n}"))
            | _write(folder / "index.en.md", ESSAY_EN.replace("Hello", f"New {n}")))


def delete(root, n):
    """One of the inputs the other steps make, gone: a post, a page's translation, an override, a static file."""
    choices = [_first_post(root / "content"), root / "content/pages/about/index.en.md", root / "locales",
               root / "templates", root / "assets", root / "content/static/robots.txt",
               root / "content/translations.json"]
    chosen = choices[n % len(choices)]
    return _remove(chosen) if chosen else set()


STEPS = [essay, comment, broken, comment_rename, delete_comment, site_yml, catalog, template, another_template, asset, static, page, record,
         post_rename, post_add, delete]
STEP = st.tuples(st.sampled_from(STEPS), st.integers(0, 6))


def clean(content, out, **settings_) -> dict[str, bytes] | None:
    """The reference: no cache, no previous output, one process; None when the content has errors."""
    shutil.rmtree(out, ignore_errors=True)
    return every_file(out) if attempt(Options(content=content, output=out, workers=1, **settings_)) else None


def attempt(options, last=None, changed=None) -> bool:
    """A build; False when it stops at content errors (it keeps its previous output)."""
    try:
        build(options, last=last, changed=changed)
    except ContentErrors:
        return False
    return True


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=6))
def test_every_kind_of_input_changed_in_any_order_matches_a_clean_build(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("site")
    content = about_site(root)
    built = Options(content=content, output=root / "built", workers=1, cache_dir=root / "cache")
    preview = preview_options(Options(content=content, output=root / "unused", workers=1, cache_dir=root / "cache"))
    last = LastRun(preview, parse_cache(preview))
    build(built)
    build(preview, last=last)
    for step, n in steps:
        touched = step(root, n)
        said = f"{step.__name__}({n})"
        reference = clean(content, root / "reference")
        assert attempt(built) == (reference is not None), said
        assert attempt(preview, last, {str(path) for path in touched} or None) == (reference is not None), said
        if reference is not None:
            assert every_file(root / "built") == reference, said
            assert every_file(preview.output) == clean(content, root / "reference", pending=True, search=False), said


def test_planned_pages_hold_no_closure_and_templates_ask_their_kind(tmp_path):
    """A page carries plain data and a module-level maker, so it cannot keep an older build's site or
    words; pickling fails on any lambda or nested function left among them."""
    import pickle
    from tertulia.pipeline import load_site
    from tertulia.site.plan import plan_site
    content = about_site(tmp_path, {"posts/hola/index.es.md": ESSAY_ES.replace("author: Ana", "author: Ana\n"
                                                                                 "aliases: ['/?p=7', /viejo/]")})
    pages = plan_site(load_site(Options(content=content)).site, "2020-01-01T00:00:00Z")
    assert {page.kind.value for page in pages} >= {"essay", "single", "page", "page_single", "home", "tags",
                                                  "comments", "feed", "sitemap", "404", "redirect"}
    pickle.dumps(pages)
    for template in (DEFAULT / "templates").iterdir():
        assert "page.template" not in template.read_text(encoding="utf-8"), template.name
