"""What each page's templates depend on, for the one way a build and the preview decide a page is up to
date (freshness.py): a template's key is its bytes and those of every template it
extends, imports or includes; a site's own template that reads the whole model makes every page
depend on every content file."""

from __future__ import annotations

import re

from jinja2 import Environment, TemplateError, TemplateNotFound, nodes

from ..cache import content_key


# `{% extends "x" %}`, `{% import "x" as m %}`, `{% from "x" import y %}`, `{% include "x" %}`, the tag
# whole (group 1); a name that is not one string literal alone (`"a" if c else "b"`, `"_" ~ name`, a
# list) could be any template. Read as text, not parsed: parsing every template costs more than the
# build saves, and a name too many only makes a key stricter; one too few would leave pages stale.
REFERENCE = re.compile(r"""\{%[-+]?\s*(?:extends|include|import|from)\b(.*?)[-+]?%\}""", re.DOTALL)
ONE_NAME = re.compile(r"""\s*(['"])([^'"]*)\1\s*(?:(?:ignore\s+missing\s*)?(?:(?:with|without)\s+context\s*)?"""
                      r"""|as\s+\w+\s*(?:(?:with|without)\s+context\s*)?|import\s+[\w\s,]+)""")


# `site` in a template's code: the whole model, whose every essay a page may then show. The default
# theme reads only `site.favicon` and `site.search`, which every page's key holds already.
EVERY_PAGE_HOLDS = frozenset({"favicon", "search"})
# what a template may read of `page` that its key holds: any other use of it (`page.args[2].comments`,
# `page["args"]`, `{% set p = page %}`, a macro given it) may reach the model it is made of, its
# neighbours whole, and reads beyond its own content files as `site` does (two red teams')
PAGE_KEYED = frozenset({"url", "lang", "kind", "template", "alternates", "in_sitemap", "shape", "scope"})


def reads_the_whole_site(env: Environment) -> bool:
    """Whether one of the site's own templates reads the model beyond what every page's key holds
    (`site.essays[0].title` in a footer, a neighbour through `page.args`): then any content file changes
    every page. Asked of Jinja's parse of each, since text can hide a name (`{{ "}}" ~ site.essays|length }}`
    ends at its `}}`); one that does not parse is taken to (its error stops the build anyway)."""
    for name in env.theme.overrides("templates"):
        try:
            text = env.loader.get_source(env, name)[0]  # the site's own, which its name finds first
            if "site" not in text and "page" not in text:
                continue
            tree = env.parse(text, name)
        except (TemplateError, UnicodeDecodeError):
            return True
        if _reads_the_model(tree):
            return True
    return False


def _reads_the_model(tree: nodes.Template) -> bool:
    """Whether a template's parse names `site` beyond what every page's key holds, or `page` beyond
    what its own key holds."""
    attributes = [node for node in tree.find_all(nodes.Getattr) if isinstance(node.node, nodes.Name)]
    held = {id(node.node) for node in attributes if (node.attr in EVERY_PAGE_HOLDS and node.node.name == "site")
            or (node.attr in PAGE_KEYED and node.node.name == "page")}
    return any(node.name in ("site", "page") and id(node) not in held for node in tree.find_all(nodes.Name))


def template_closure(env: Environment, names) -> set[str]:
    """These templates and every one they extend, import or include, at any depth, as this theme
    finds them; all the theme's templates when one names another by an expression."""
    return set().union(*_closures(env, names, {}).values()) if names else set()


def _closures(env: Environment, names, sources: dict) -> dict[str, set[str]]:
    """Each template's closure (see template_closure), reading each template's text once into `sources`."""
    def closure(name: str, seen: set) -> None:
        if name in seen:
            return
        seen.add(name)
        for found in REFERENCE.finditer(_source(env, name, sources)):
            named = ONE_NAME.fullmatch(found.group(1))
            if named is None:
                seen.add(None)
            else:
                closure(named.group(2), seen)

    closures = {}
    for name in sorted(set(names)):
        seen: set = set()
        closure(name, seen)
        closures[name] = set(env.list_templates()) if None in seen else seen
    return closures


def _source(env: Environment, name: str, sources: dict) -> str:
    if name not in sources:
        try:
            sources[name] = env.loader.get_source(env, name)[0]
        except TemplateNotFound:  # rendering says so, naming the template that asked for it
            sources[name] = ""
    return sources[name]


def template_keys(env: Environment, names) -> dict[str, str]:
    """Each template's key: its bytes and those of every template it extends, imports or includes, as
    this theme finds them, so an edited template redraws only the pages it shapes."""
    sources: dict = {}
    return {name: content_key(*(f"{other}\0{_source(env, other, sources)}" for other in sorted(seen)))
            for name, seen in _closures(env, names, sources).items()}
