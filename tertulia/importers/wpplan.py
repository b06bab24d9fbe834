"""What `import wordpress` decides before it writes a file: each post's and page's `Place`, and the `Plan`
both passes over the export share (files, tags, redirects, the links' new addresses), with the few
questions every part of the import asks of an exported item (is it a draft, is it placed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import pairing
from .known import Known
from .media import MediaSource
from .navmenu import Menus
from .shortcodes import Media
from .staging import Planned
from .wxr import Item, WPComment


ESSAY_STATUSES = {"publish": False, "draft": True, "pending": True, "future": True, "private": True}


KINDS = {"post": "posts", "page": "pages"}


@dataclass(frozen=True)
class Place:
    """Where an exported post or page goes, decided before any body is written, so that every body's
    links to the blog's other posts can point at their new pages."""

    folder: str  # posts/<slug>, pages/<slug>
    url: str  # its page's URL, no leading `/`
    aliases: tuple[str, ...]
    kept: str = ""  # the language an earlier import brought it in, when the export gives it none: left so
    copy: int = 1  # 2, 3... for a later item of the export under one id: its own identity in the record
    guid_taken: bool = False  # an earlier post's feed_id is its guid too: it is written without one
    translation_of: str = ""  # its original's language, when it goes beside an original an earlier import brought
    language: str = ""  # then its own
    address: str = ""  # its address on the blog now, when one of its aliases (a post renamed since keeps it)


@dataclass
class Plan:
    """What the import writes: files by path relative to content/, the tags and redirects it adds."""

    files: dict[str, Planned] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # key -> WordPress name
    redirects: dict[str, str] = field(default_factory=dict)  # old address -> new one
    taken: set[str] = field(default_factory=set)  # folders this import fills
    aliases: set[str] = field(default_factory=set)
    moved: dict[str, str] = field(default_factory=dict)  # old address -> new URL, for the links in bodies
    places: list[Place] = field(default_factory=list)  # each post's and page's, in the export's order
    known: Known = field(default_factory=Known)
    media: Media = field(default_factory=Media)
    files_from: MediaSource | None = None  # --media, --media-from
    content: Path | None = None
    served_already: list[str] = field(default_factory=list)  # old addresses a page of the site now has
    unusable: list[str] = field(default_factory=list)  # old addresses and ids left out, with their post
    attachment_pages: dict[str, str] = field(default_factory=dict)  # an attachment's old page -> its file
    shown_on: list[tuple[str, str, str]] = field(default_factory=list)  # an attachment's old pages, its post's id, its own
    named_in: dict[str, str] = field(default_factory=dict)  # an attachment's id -> the first published post showing it
    urls: dict[str, str] = field(default_factory=dict)  # a post's or page's id -> its new URL
    permalinks: Counter = field(default_factory=Counter)  # plain (`/?p=ID`), pretty: published items' links
    languages: tuple[str, ...] = ()
    renamed: dict[int, list[str]] = field(default_factory=dict)  # a place's index -> its old slugs' addresses
    tag_terms: dict[str, str] = field(default_factory=dict)  # a tag key -> the blog's term it stands for
    drafts: set[str] = field(default_factory=set)  # the ids of posts and pages imported as drafts
    polylang: bool = False  # some item has a language of its own (a multilingual plugin's term)
    # (path, identity) -> whether an earlier import wrote that comment and the author has deleted it since
    deleted_by_hand: Callable[[str, str], bool] = lambda path, identity: False
    wrote: Callable[[str, str], bool] = lambda path, identity: False  # (path, identity): an earlier import wrote it
    blog_languages: dict[str, str] = field(default_factory=dict)  # published items' languages: tag -> the blog's name
    odd_languages: set[str] = field(default_factory=set)  # the plugin's languages that are no language tag
    untagged: set[int] = field(default_factory=set)  # the places of items that have none
    ids: Counter = field(default_factory=Counter)  # the posts' and pages' identities, and posts' guids, so far
    shared_ids: list[str] = field(default_factory=list)  # guids an earlier post has, with the later post's folder
    menus: Menus = field(default_factory=Menus)  # the blog's menu items, and the published pages they may link
    # readers' comments on an attachment's own page (an image of the post), by the id of the post it belongs to
    attachment_comments: dict[str, list[WPComment]] = field(default_factory=dict)
    groups: pairing.Groups = field(default_factory=pairing.Groups)  # the plugin's translation groups
    # posts and pages that may be translations, placed once the whole export is read (by their place's index)
    deferred: dict[int, Item] = field(default_factory=dict)
    paired: set[str] = field(default_factory=set)  # the folders a translation of this import goes into
    # a translation's text as the pairing read it (and the flattening said), by its folder: written so, not made again
    converted: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    term_translations: dict = field(default_factory=dict)  # see pairing.term_translations
    labels: dict[str, str] = field(default_factory=dict)  # a tag key of site.yml -> its label in the import's language
    translated_addresses: dict[str, str] = field(default_factory=dict)  # a translation's old address -> its folder
    site_tags: dict[str, str] = field(default_factory=dict)  # site.yml's tag keys, folded -> as written
    lang: str = ""  # the language this import brings
    unpaired: list[str] = field(default_factory=list)


def is_draft(item: Item) -> bool:
    """Whether a post or page comes across as a draft: not published, or behind a password."""
    return ESSAY_STATUSES[item.status] or bool(item.password)


def placed(item: Item, lang: str) -> bool:
    """Whether an item becomes an essay or a page (in the import's language)."""
    return item.type in KINDS and item.status in ESSAY_STATUSES and not other_language(item, lang)


def other_language(item: Item, lang: str) -> str:
    """The language a multilingual plugin (Polylang) gives a post, when it is not the import's: such a
    post imported as `lang` would be a translation filed as an original in the wrong language."""
    said = language_term(item)
    return said if said and said.split("-")[0].lower() != lang.split("-")[0].lower() else ""


def language_term(item: Item) -> str:
    """The language a multilingual plugin (Polylang) gives a post, or ""."""
    return next((nicename for domain, nicename, _ in item.terms if domain == "language"), "")


def attached_to(item: Item) -> str:
    """The id of the post or page an attachment belongs to (its `post_parent`), "" for none (0) or another item."""
    return item.parent if item.type == "attachment" and item.parent not in ("", "0") else ""
