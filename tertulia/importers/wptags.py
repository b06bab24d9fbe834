"""A WordPress post's categories and tags as the site's tag keys, and their old archives' redirects (under
a multilingual plugin's language prefix too): a term another language's post already made a tag files
under that tag, labelled in this language."""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..reading.names import slug_of, tag_segment
from . import addresses
from .wpfiles import text_of
from .wpplan import Plan, language_term
from .wxr import Channel, Item


def translated_terms(item: Item, channel: Channel, plan: Plan, lang: str, original: str) -> None:
    """A translation's categories and tags, which its original's tags stand for: each the tag of the term
    Polylang pairs it with in the original's language, labelled in this one (`travel: {en: Travel, fr:
    Voyage}`), its archives leading to that tag's page in this language; another's to this language's home."""
    prefix = language_prefix(item, channel.address)
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        key = _paired_tag(domain, nicename, plan, original)
        if key and text_of(name):
            plan.labels.setdefault(key, text_of(name))
        target = f"/{lang}/tags/{tag_segment(key)[0]}/" if key else f"/{lang}/"
        for old, new in _archives_sent_to(domain, nicename, channel, prefix, target).items():
            plan.redirects.setdefault(old, new)  # an untranslated post's own archive keeps its redirect


def post_tags(item: Item, channel: Channel, plan: Plan, draft: bool) -> list[str]:
    """Tag keys from the post's tags and categories, except the blog's default category, whatever
    its name (term 1: Uncategorized, Sin categoría...)."""
    keys = []
    prefix = language_prefix(item, channel.address)
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        if domain == "category" and _default_category(nicename, channel, plan):
            if not draft:  # its plain address, `/?cat=1`, is the home page already
                plan.redirects.update(_in_language({f"/category/{nicename}/": "/"}, prefix))
            continue
        own = slug_of(unquote(nicename)) or slug_of(text_of(name))  # a tag of its own already stays its tag
        if own.casefold() not in plan.site_tags and (paired := _paired_tag(domain, nicename, plan)):
            if text_of(name):
                plan.labels.setdefault(paired, text_of(name))
            if not draft:
                plan.redirects.update(_archives_sent_to(domain, nicename, channel, prefix,
                                                        f"/{plan.lang}/tags/{tag_segment(paired)[0]}/"))
            keys += [paired] if paired not in keys else []
            continue
        key = _own_key(*_term_slug(domain, nicename, name, channel), plan)
        if not key:
            continue
        plan.tags.setdefault(key, text_of(name) or key)
        if not draft:
            plan.redirects.update(_in_language(addresses.term_redirects(
                domain, nicename, key, channel.category_parents, channel.category_ids.get(nicename, "")), prefix))
        if key not in keys:
            keys.append(key)
    return keys


# WPML's slug for a translated term is the original's with the language after it (`uncategorized-en`)
DEFAULT_TRANSLATED = re.compile(r"uncategori[sz]ed-([a-z]{2,3})(?:-[a-z0-9]{2,8})?")


def _default_category(nicename: str, channel: Channel, plan: Plan) -> bool:
    """Whether a category is the blog's default one or its translation: Polylang pairs term 1 with an English
    `uncategorized-en`, which became a tag of no one's choosing (a Dutch and English blog's move)."""
    if nicename in (channel.default_category, "uncategorized"):
        return True
    if (translated := DEFAULT_TRANSLATED.fullmatch(nicename)) and translated.group(1) == plan.lang.split("-")[0].lower():
        return True  # in this import's language: `uncategorized-art` is a category of art (a red team)
    paired = plan.term_translations.get(("category", nicename), {})
    return any(slug == channel.default_category for slug, _ in paired.values())


PREFIXED_CATEGORY = re.compile(r"/([^/?]+)/category/(?:[^?]*/)?([^/?]+)/")  # `/en/category/food/street/`


def parent_categories(channel: Channel, plan: Plan) -> None:
    """The old archives of a category only others were filed under (`/category/food/` over
    `/category/food/street/`), where WordPress listed its children's posts: sent to the one page its children's
    are sent to, else to the tags' list. A walk found its address lost, and a post's link to it left on the
    old blog. The deepest first, so that a grandparent finds its child's."""
    parents = channel.category_parents
    children: dict[str, list[str]] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    prefixes: dict[str, set[str]] = {}  # a category -> the language prefixes its archives were under
    for old in plan.redirects:
        if (match := PREFIXED_CATEGORY.fullmatch(old)) and match.group(2) in parents:
            prefixes.setdefault(match.group(2), set()).add(match.group(1))
    depth = {name: _ancestors(name, parents) for name in children if name}
    for parent in sorted(depth, key=lambda name: (-depth[name], name)):
        if f"/category/{parent}/" in plan.redirects:
            continue
        sent = {plan.redirects[f"/category/{child}/"] for child in children[parent]
                if f"/category/{child}/" in plan.redirects}
        if sent:  # a child on a published post: an archive the blog showed; the default category's is home's
            target = "/" if parent in (channel.default_category, "uncategorized") else (
                sent.pop() if len(sent) == 1 else "/tags/")
            archives = _archives_sent_to("category", parent, channel, "", target)
            # and under each language's prefix its children's archives were at (Polylang's `/en/category/`)
            for prefix in sorted(set().union(*(prefixes.get(child, ()) for child in children[parent]))):
                archives.update(_in_language(archives, prefix))
            plan.redirects.update(archives)


def _ancestors(name: str, parents: dict[str, str]) -> int:
    """How many categories `name` is filed under, up to its root (a cycle, which an export may hold, ends it)."""
    seen = {name}
    while (name := parents.get(name, "")) and name not in seen:
        seen.add(name)
    return len(seen) - 1


def _paired_tag(domain: str, nicename: str, plan: Plan, original: str = "") -> str:
    """The site's tag that a term Polylang pairs with this one became in an earlier import (`buecher` for the
    French `livres`), as site.yml writes it, or "": a post in another language files under that tag, not a
    second one of its name. The pair in `original` (a translation's original's language), else in any language
    but this import's."""
    paired = plan.term_translations.get((domain, nicename), {})
    if original:  # Polylang's slug for the site's `en-GB` is `en`, as a plugin's language is matched everywhere
        terms = [paired.get(original.casefold()) or paired.get(original.split("-")[0].casefold())]
    else:
        own = plan.lang.split("-")[0].casefold()
        terms = [term for code, term in sorted(paired.items()) if code.split("-")[0] != own]
    for slug, name in filter(None, terms):
        if (key := slug_of(unquote(slug)) or slug_of(text_of(name))) and key.casefold() in plan.site_tags:
            return plan.site_tags[key.casefold()]
    return ""


def _archives_sent_to(domain: str, nicename: str, channel: Channel, prefix: str, target: str) -> dict[str, str]:
    """A term's old archives, under its language's prefix too (`/fr/category/voyage/`), each sent to `target`."""
    # term_redirects names the addresses; its own target, a tag of the term's name, is not this one
    return {old: target for old in _in_language(addresses.term_redirects(
        domain, nicename, "-", channel.category_parents, channel.category_ids.get(nicename, "")), prefix)}


def language_prefix(item: Item, blog: str) -> str:
    """The first segment of a post's permalink when it is the language Polylang gives the post (`en` for
    `/en/2019/05/bridge/`): the blog then served that language's archives under it too (`/en/category/x/`)."""
    slug = language_term(item)
    path = addresses.site_path(item.link, blog)
    return slug if slug and "/" not in slug and path.startswith(f"/{slug}/") else ""


def language_home(prefix: str, lang: str) -> dict[str, str]:
    """Polylang's addresses of a language the site has (`/en/feed/`, `/en/comments/feed/`, `/?lang=en`), to
    the site's own for it (`lang`, as `declared_language` names it); none for a prefix the site does not declare,
    whose pages would not be there."""
    if not lang:
        return {}
    return {f"/{prefix}/feed/": f"/{lang}/feed.xml", f"/{prefix}/comments/feed/": f"/{lang}/comments/feed.xml",
            f"/?lang={prefix}": f"/{lang}/"}


def declared_language(prefix: str, languages: tuple[str, ...]) -> str:
    """The site's language a permalink's language prefix names (`pt-br`: `pt-BR`), or ""."""
    return next((code for code in languages if prefix and code.lower() == prefix.lower()), "")


def _in_language(redirects: dict[str, str], prefix: str) -> dict[str, str]:
    """Archive redirects, and with a language's `prefix` each under it too, leading where the plain one
    does; not a query address (`/?cat=5`), which Polylang answered at the root."""
    return {**redirects, **{f"/{prefix}{old}": new for old, new in redirects.items()
                            if prefix and not old.startswith("/?")}}


def _term_slug(domain: str, nicename: str, name: str, channel: Channel) -> tuple[str, str]:
    """A term's slug as a tag key, and what tells it from another's: its own, but a tag's that WordPress
    numbered apart from a category of its name (`scrittura-2` beside the category `scrittura`: slugs were one
    namespace) is the category's, and the two are one tag (an Italian blog's move: "Scrittura" and "scrittura"
    stood side by side)."""
    own, named = slug_of(unquote(nicename)), slug_of(text_of(name))
    if domain == "post_tag" and named in channel.category_ids and re.fullmatch(rf"{re.escape(named)}-[0-9]+", own):
        return named, named
    return own or named, unquote(nicename) or text_of(name)


def _own_key(key: str, term: str, plan: Plan) -> str:
    """A term's tag key, another's already (中文 and 钟文 are both `zhongwen` in Latin letters) made its
    own with a number: two of the blog's terms stay two tags. A category and a tag of one name are one."""
    base, number, term = key, 2, term.casefold()
    while key and plan.tag_terms.setdefault(key, term) != term:
        key, number = f"{base}-{number}", number + 1
    return key
