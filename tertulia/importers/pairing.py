"""Posts and pages a multilingual plugin groups as translations of each other (Polylang's
`post_translations` term, WPML's `_wpml_import_translation_group`): one imported in a later language
is written beside the original an earlier import brought, as its translation.

A blog moves in one language at a time (`--lang`), so the original is the post of the group that an
earlier import brought; WPML also says which post is the original, and its word is kept. Tertulia
pairs a translation with its original block by block, so one is written beside it only where their
blocks pair one to one; another comes in as a post of its own, named in the summary, nothing lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..reading.markup import trusted_block_count
from ..reading.read import parse_text
from .known import Known
from .wxr import Channel, Item, WPML_GROUP, WPML_SOURCE

POLYLANG_GROUP = "post_translations"  # the taxonomy whose one term an item shares with its translations


@dataclass(frozen=True)
class Member:
    """What a group needs of one of its posts to find the folder an earlier import gave it."""

    post_id: str
    type: str
    link: str
    guid: str
    language: str


@dataclass
class Groups:
    """The export's translation groups: the group's name -> its posts and pages, in the export's order."""

    members: dict[str, list[Member]] = field(default_factory=dict)

    def add(self, item: Item, language: str) -> None:
        """Note an item's group, if it has one and a language."""
        group = group_of(item)
        if group and language:
            self.members.setdefault(group, []).append(
                Member(item.post_id, item.type, item.link, item.guid, language))

    def others(self, item: Item, language: str) -> list[Member]:
        """The posts (or pages) of an item's group in languages other than its own, WPML's original first."""
        found = [m for m in self.members.get(group_of(item), []) if m.type == item.type
                 and m.language.casefold() != language.casefold()]
        source = dict(item.meta).get(WPML_SOURCE, "").strip().casefold()
        return sorted(found, key=lambda member: member.language.casefold() != source)


def group_of(item: Item) -> str:
    """The name of an item's translation group, or "" (none, or the plugin's group of one)."""
    polylang = next((nicename for domain, nicename, _ in item.terms if domain == POLYLANG_GROUP and nicename), "")
    if polylang:
        return f"polylang {polylang}"
    wpml = dict(item.meta).get(WPML_GROUP, "").strip()
    return f"wpml {wpml}" if wpml else ""


def said_original(item: Item) -> bool:
    """Whether WPML's export says the item is an original (its group's, with no source language): never
    written as a translation of another, whatever was imported first."""
    meta = dict(item.meta)
    return WPML_GROUP in meta and not meta.get(WPML_SOURCE, "").strip()


def original_of(item: Item, language: str, groups: Groups, known: Known, blog: str) -> tuple[str, str]:
    """The folder an earlier import gave an original of the item's group, and that original's language; or
    ("", "")."""
    if said_original(item):
        return "", ""
    return imported_in_another_language(item, language, groups, known, blog)


def imported_in_another_language(item: Item, language: str, groups: Groups, known: Known, blog: str) -> tuple[str, str]:
    """The folder an earlier import gave a post (or page) of the item's group in another language, as an
    original, and its language; or ("", "")."""
    kind = {"post": "posts", "page": "pages"}.get(item.type, "")
    for member in groups.others(item, language):
        folder = known.of_post(member.link, member.guid, member.post_id, item.type == "page", blog)
        earlier = known.languages.get(folder, "")
        if folder.startswith(f"{kind}/") and earlier and earlier.casefold() != language.casefold():
            return folder, earlier
    return "", ""


def block_count(text: str, seconds: float) -> int:
    """The top-level blocks of a text's body (after its front matter), as the build counts them: a
    translation whose count differs from its original's would stop every build. -1 for one that takes
    longer than `seconds` to read."""
    return trusted_block_count(text.partition("\n---\n")[2], seconds)


def original_state(original: Path, seconds: float) -> tuple[int, bool]:
    """An original's blocks and whether it is a draft (whose translation, published on the blog, would
    vanish beside it); (-2, False) for one that does not read, or not within `seconds`: no count pairs."""
    parsed, error = parse_text(original.read_bytes(), str(original)) if original.is_file() else (None, None)
    if parsed is None or error is not None:
        return -2, False
    blocks = trusted_block_count(parsed.body, seconds)
    return blocks if blocks >= 0 else -2, parsed.meta.get("draft") is True


def term_translations(channel: Channel) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """The categories and tags Polylang pairs with others (its `term_translations`): (domain, slug) -> each
    language (folded) -> the (slug, name) of the term of that domain in that language."""
    found: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    for group in channel.term_groups:
        terms = {code.casefold(): channel.terms[term_id] for code, term_id in group.items() if term_id in channel.terms}
        for domain, slug, _ in terms.values():
            found.setdefault((domain, slug), {}).update(
                (code, (other_slug, name)) for code, (other, other_slug, name) in terms.items() if other == domain)
    return found
