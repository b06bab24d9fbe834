"""Old addresses across the site: each `aliases` entry and `redirects` key leads to one place, none is
an address of the site's own pages or lies under one of its files; and no two essays keep one feed id."""

from __future__ import annotations

from typing import Callable

from . import addresses
from ..errors import ContentError
from ..model import Essay, SiteConfig
from .findings import Findings


def check_addresses(config: SiteConfig, essays: list[Essay], essay_records, found: Findings,
                     pages: tuple = (), page_records: dict | None = None, drafts: list[Essay] = ()) -> None:
    """Each old address leads to one place and is no page of the site's own: two essays or pages claiming
    one, one claiming a redirect's address, or an alias on a real page is an error on the file. `drafts`:
    the essays left out, whose tags' pages a build with --drafts makes."""
    own = _own_page(config, essays, pages, drafts)
    claimed = {addresses.written_at(redirect.old): "site.yml redirects" for redirect in config.redirects}
    for redirect in config.redirects:
        if own(redirect.old):
            found.errors.append(ContentError(redirect.path, redirect.line, f"redirect `{redirect.old[:80]}` is an "
                                             "address of the site's own pages, not an old one"
                                             + _case_note(redirect.old)))
        elif file := addresses.under_own_file(redirect.old, config.language_codes):
            found.errors.append(ContentError(redirect.path, redirect.line, f"redirect `{redirect.old[:80]}` "
                                             + _under_own_file(file)))
    claimants = [(essay, essay_records[essay.slug][essay.original.lang]) for essay in essays]
    claimants += [(page, (page_records or {})[page.slug][page.original.lang]) for page in pages]
    for owner, record in claimants:
        for alias in owner.aliases:
            where = addresses.written_at(alias)
            if own(alias):
                found.error(record, "aliases", f"alias `{alias[:80]}` is an address of the site's own pages"
                            + _case_note(alias))
            elif file := addresses.under_own_file(alias, config.language_codes):
                found.error(record, "aliases", f"alias `{alias[:80]}` " + _under_own_file(file))
            elif where in claimed:
                found.error(record, "aliases", f"alias `{alias[:80]}` is claimed by {claimed[where]} too")
            else:
                claimed[where] = owner.original.path
    _check_files_in_the_way(config, claimants, found)


def _check_files_in_the_way(config: SiteConfig, claimants, found: Findings) -> None:
    """An old address under another that is served from a file (`/post.html/feed/` under `/post.html`):
    the build could write only one of the two. An error on the one under, naming the other."""
    olds = [redirect.old for redirect in config.redirects] + [a for owner, _ in claimants for a in owner.aliases]
    blocked = addresses.under_files(olds)
    if not blocked:
        return
    said = {old: f"`{old[:80]}` would need `{blocked[old][:80]}` to be a folder, but that old address is served " \
                 "from a file of that name: a static host cannot hold both; keep one of them" for old in blocked}
    for redirect in config.redirects:
        if redirect.old in said:
            found.errors.append(ContentError(redirect.path, redirect.line, "redirect " + said[redirect.old]))
    for owner, record in claimants:
        for alias in owner.aliases:
            if alias in said:
                found.error(record, "aliases", "alias " + said[alias])


def _under_own_file(file: str) -> str:
    return (f"lies under `{file}`, a file the site writes itself: a static host cannot make it a folder too "
            "(leave this old address out)")


def _case_note(address: str) -> str:
    """What to add when an old address may be the site's own only with its letter case folded."""
    if address == address.casefold():
        return ""
    return (" (letter case aside: on a disk that ignores it, as macOS's and Windows's do, its redirect would "
            "overwrite that page)")


def check_feed_ids(essays: list[Essay], essay_records, found: Findings) -> None:
    """Two essays keeping one feed_id would be one entry to a feed reader, which shows only one of them."""
    kept: dict[str, str] = {}
    for essay in sorted(essays, key=lambda e: e.original.path):  # the error falls on the same file every run
        if not essay.feed_id:
            continue
        if essay.feed_id in kept:
            found.error(essay_records[essay.slug][essay.original.lang], "feed_id",
                        f"feed_id `{essay.feed_id[:80]}` is {kept[essay.feed_id]}'s too: a feed reader would show "
                        "one of the two")
        else:
            kept[essay.feed_id] = essay.original.path


def _own_page(config: SiteConfig, essays: list[Essay], pages: tuple, drafts: list[Essay] = ()) -> Callable[[str], bool]:
    """Whether the site serves a page of its own at an address (see addresses.own_page); a draft's tags
    and site.yml's count, so that no redirect `check` passes meets a tag's page."""
    languages, slugs = config.language_codes, {essay.slug for essay in essays}
    page_slugs = {page.slug for page in pages}
    # site.yml's tags have their pages too, used or not (a draft's, once shown)
    tags = {addresses.compared(tag) for essay in (*essays, *drafts) for tag in essay.tags} | {
        addresses.compared(tag.key) for tag in config.tags}
    return lambda address: addresses.own_page(address, languages, slugs, page_slugs, tags)
