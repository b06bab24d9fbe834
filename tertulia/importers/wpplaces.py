"""`import wordpress`'s first pass: the blog's language, its attachments, and the place of every post and
page (its folder, beside its original for a translation the plugin groups, its old addresses as aliases
and redirects), all decided before any body is written, so that every body's links can point at the
new pages."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import unquote

from ..errors import counted
from ..layout import SEGMENTS
from ..reading.addresses import own_page, page_url, split as address_split
from ..reading.fields import FEED_ID
from ..reading.find import SETTINGS
from ..reading.language_tags import LANGUAGE_TAG, unregistered
from ..reading.names import as_written_in, slug_of
from . import addresses, media, pairing, pasted, siteyml
from .known import WP_ID
from .problems import ContentProblem, UsageProblem, shown
from .shortcodes import attachments_named
from .wpbody import IMPORTED_SECONDS, safe_as_essay
from .wpfiles import text_of, title_of, translation_file, unusable_ids
from .wpplan import KINDS, Place, Plan, attached_to, is_draft, language_term, placed
from .wptags import declared_language, language_home, language_prefix, parent_categories, post_tags, translated_terms
from .wxr import Channel, Item, line_of, read_export


def first_pass(export: Path, content: Path, lang: str | None, plan: Plan, download: bool,
                uploads: Path | None) -> tuple[Channel, str]:
    """The blog, its attachments, and the place of every post and page with its old addresses: read
    once before any file is written (only addresses are kept, so memory stays small)."""
    channel = Channel()
    for entry in read_export(export):
        tagged = not isinstance(entry, Channel) and bool(language_term(entry))
        plan.polylang = plan.polylang or tagged  # an attachment's language says so too
        if tagged and entry.type in KINDS and entry.status == "publish":
            _published_language(entry, channel, plan)
        if tagged and entry.type in KINDS:
            plan.groups.add(entry, language_term(entry))
        if isinstance(entry, Channel):
            channel = entry
            lang = _language(lang, channel, content, export)
            unusable = siteyml.site_address(channel)[1]
            if unusable and not (content / SETTINGS).is_file():
                raise ContentProblem(f"{export}:{line_of(export, 'channel')}: {unusable}, which a new site.yml needs as "
                                     "base_url: write content/site.yml first (`tertulia init` writes one), or mend the "
                                     "<link> of the export")
            _blog_read(channel, content, lang, plan, download, uploads)
            continue
        if (post := attached_to(entry)) and entry.comments:  # whatever its file's address
            plan.attachment_comments.setdefault(post, []).extend(entry.comments)
        if entry.type == "attachment" and (url := addresses.file_url(entry.attachment_url)):
            _attachment(replace(entry, attachment_url=url), channel, plan)
        elif entry.type == "nav_menu_item" and entry.status == "publish":
            plan.menus.add(entry)
        elif placed(entry, lang):
            if not tagged:
                plan.untagged.add(len(plan.places))
            if tagged and pairing.group_of(entry):
                # perhaps a translation: its group's other posts, and the images its text shows, may come later
                plan.deferred[len(plan.places)] = entry
                plan.places.append(Place("", "", ()))
                continue
            plan.places.append(_place(entry, channel, plan, len(plan.places)))
            _placed_at(entry, plan.places[-1], plan)
    _whole_export_read(channel, lang, plan)
    return channel, lang


def _blog_read(channel: Channel, content: Path, lang: str, plan: Plan, download: bool, uploads: Path | None) -> None:
    """What the blog's header decides for every post: the site's languages, the blog's feeds' redirects, the
    terms that translate each other, site.yml's tags, where media come from."""
    # a new site.yml declares the plugin's languages too: a page's slug keeps clear of them already
    plan.languages = tuple(siteyml.languages(content / SETTINGS)[0]) or (lang, *_usable_tags(channel.language_terms))
    plan.redirects.update(addresses.FEEDS)
    plan.lang = lang
    # the blog's terms that translate each other, and site.yml's tags, read once: every post asks
    plan.term_translations = pairing.term_translations(channel)
    if plan.content is not None:
        plan.site_tags = {key.casefold(): key for key in siteyml.tag_keys(plan.content / SETTINGS)}
    plan.files_from = media.source_for(channel.link, channel.base_site_url, download, uploads)


def _whole_export_read(channel: Channel, lang: str, plan: Plan) -> None:
    """What can be decided only once every item is known: the translations' places, aliases of renamed
    posts, attachment pages, and the new address of each old one the bodies may link."""
    for index, entry in plan.deferred.items():
        plan.places[index] = _translation_place(entry, channel, plan, index, lang) or _place(
            entry, channel, plan, index)
        _placed_at(entry, plan.places[index], plan)
    _one_original_each(lang, plan)
    _old_slugs(plan, lang)
    _attachment_pages_to_posts(plan)
    if plan.permalinks["plain"] and not plan.permalinks["pretty"]:
        # a blog of plain permalinks linked its feeds as `/?feed=rss2`; each post's own (`?p=ID&feed=rss2`)
        # says more, and wins; on a blog of pretty ones `?p=ID&feed=rss2` rather leads to the post itself
        plan.redirects.update(addresses.QUERY_FEEDS)
    parent_categories(channel, plan)
    moved = {"/": "", **{old: new.lstrip("/") for old, new in plan.redirects.items()}, **plan.moved}
    plan.moved = {addresses.same_address(old): new for old, new in moved.items()}  # as links are compared
    _keep_clear_of_own_pages(plan)


def _placed_at(entry: Item, place: Place, plan: Plan) -> None:
    """What the import keeps of a post's or page's place for the links of others."""
    plan.urls.setdefault(entry.post_id, place.url)  # `?p=ID` leads to the first, as its alias
    if is_draft(entry):
        plan.drafts.add(entry.post_id)
    elif entry.type == "page":
        plan.menus.pages.setdefault(entry.post_id, place.url.rstrip("/"))
    else:  # the export's order, so a second import finds the same post
        for attachment in attachments_named(entry.content):
            plan.named_in.setdefault(attachment, entry.post_id)


def _translation_place(item: Item, channel: Channel, plan: Plan, index: int, lang: str) -> Place | None:
    """The place beside its original of a post or page the blog's plugin groups with one an earlier import
    brought, or None (see pairing.py). A translation has no aliases: its old addresses lead to its page in
    its own language through site.yml's redirects."""
    blog = channel.address
    folder, original = pairing.original_of(item, lang, plan.groups, plan.known, blog)
    named = f"{item.type} {item.post_id} ({shown(title_of(item), 60)})"
    if pairing.said_original(item) and plan.content is not None and not is_draft(item) and (
            earlier := pairing.imported_in_another_language(item, lang, plan.groups, plan.known, blog))[0]:
        # WPML's original, its translation brought first as an original: no order of imports pairs a blog whose
        # originals are in both languages, and the two came in as two essays without a word (a Dutch blog's move)
        plan.unpaired.append(f"{named}: WPML's original of the {earlier[1]} {item.type} imported earlier into "
                             f"{earlier[0]}, which is its translation")
        return None
    if not folder or plan.content is None:
        return None
    if (own := plan.known.of_post(item.link, item.guid, item.post_id, item.type == "page", blog)) not in ("", folder):
        # an earlier import put it in a folder of its own (a version before pairing, or blocks that did not
        # pair then): it stays there, whole, rather than half moved
        plan.unpaired.append(f"{named}: imported before into {own}, where it stays")
        return None
    if is_draft(item):  # never shown on the blog beside its original: it comes in as a draft of its own
        plan.unpaired.append(f"{named}: a draft, or private, on the blog")
        return None
    target = plan.content / folder / f"index.{lang}.md"
    if folder in plan.paired or folder in plan.taken or target.is_symlink():
        plan.unpaired.append(f"{named}: {folder} has another {lang} translation")
        return None
    original_blocks, draft = pairing.original_state(plan.content / folder / f"index.{original}.md", IMPORTED_SECONDS)
    if draft:  # the blog showed it: it stays a page of its own
        plan.unpaired.append(f"{named}: its original in {folder} is a draft")
        return None
    if not target.exists():  # one there already (an earlier import's, or a translator's) is left to staging
        item = pasted.taken_out(item)[0]  # as _item writes it, its pasted pictures files
        flattened: list[str] = []
        text = translation_file(item, original, plan.media, flattened)
        counted_text = text if safe_as_essay(text.partition("\n---\n")[2]) else translation_file(
            item, original, plan.media, [], flat=True)
        if (blocks := pairing.block_count(counted_text, IMPORTED_SECONDS)) != original_blocks:
            plan.unpaired.append(f"{named}: {counted(blocks, 'block')}, its original in {folder} "
                                 f"{max(original_blocks, 0)}")
            return None
        plan.converted[folder] = (text, flattened)
    plan.paired.add(folder)
    page = item.type == "page"
    url = f"{folder.split('/', 1)[1]}/" if page else f"{folder}/"
    own = f"/{lang}/{url}"
    candidates = addresses.aliases(item.link, blog, item.post_id, page, own)
    usable = [a for a in candidates if a not in plan.aliases and not addresses.problem(a)]
    plan.unusable += [f"{shown(a, 80)} ({folder}, {lang})" for a in candidates if addresses.problem(a)]
    plan.redirects.update((alias, own) for alias in usable)
    plan.translated_addresses.update((alias, f"{folder}, {lang}") for alias in usable)
    plan.moved.update((alias, own.lstrip("/")) for alias in usable + [addresses.site_path(item.link, blog)] if alias)
    old_slugs = tuple(value for key, value in item.meta if key == "_wp_old_slug")
    plan.renamed[index] = addresses.renamed(item.link, blog, item.name, old_slugs, own)
    _old_addresses_sent_on(item, blog, plan, own, candidates, usable)
    if not page:
        translated_terms(item, channel, plan, lang, original)
    return _counted(item, Place(folder, url, (), translation_of=original, language=lang), plan)


def _one_original_each(lang: str, plan: Plan) -> None:
    """A post an earlier import brought in another language, written as `lang`, would be a second original
    beside the first, and the site would stop building: the import is refused before anything is written.
    But on a blog whose posts have languages of their own (Polylang's), one that has none (a page left
    without) is rather left as the earlier import wrote it, and links to it still lead there: the import
    of the blog's posts in each of its languages, one after the other, is how such a blog moves in."""
    for index, place in enumerate(plan.places):
        earlier = plan.known.languages.get(place.folder, "")
        if not earlier or earlier == lang or plan.content is None or place.translation_of:
            continue
        if plan.polylang and index in plan.untagged:
            plan.places[index] = replace(place, kept=earlier)
            continue
        kind = "page" if place.folder.startswith("pages/") else "post"
        raise ContentProblem(f"{plan.content.name}/{place.folder}/index.{earlier}.md: this {kind} was imported as "
                             f"`{earlier}`; imported as `{lang}` it would have two originals: import the export "
                             f"with --lang {earlier} (a translation is written beside it, with "
                             f"`translation_of: {earlier}`)")


def _old_slugs(plan: Plan, lang: str) -> None:
    """The addresses of posts renamed on the blog, as aliases; after every place is known, since an old
    slug another post has taken since is that post's address (WordPress sent a reader on only from
    where no post was)."""
    for index, found in plan.renamed.items():
        place = plan.places[index]
        found = [alias for alias in found if alias not in plan.aliases]
        kept = [alias for alias in found if not addresses.problem(alias)]
        plan.unusable += [f"{shown(alias, 80)} ({place.folder})" for alias in found if alias not in kept]
        if place.translation_of:  # a translation takes no aliases (see _translation_place)
            own = f"/{lang}/{place.url}"
            plan.redirects.update((alias, own) for alias in kept)
            plan.moved.update((alias, own.lstrip("/")) for alias in kept)
            continue
        plan.places[index] = replace(place, aliases=place.aliases + tuple(kept))
        plan.aliases.update(kept)
        plan.moved.update((alias, place.url) for alias in kept)


def _attachment_pages_to_posts(plan: Plan) -> None:
    """An attachment's page (`/2020/01/post/bridge/`, `/?attachment_id=301`) showed one image of a post:
    its old address leads to that post, where the image now is. One of no imported post has none, nor one
    of a draft, which has no page until it is published. One attached to no post (uploaded to the media
    library, then shown in a gallery) leads to the first published post that names it by its id."""
    for old, parent, attachment in plan.shown_on:
        if parent in ("", "0"):  # WordPress's "attached to no post"
            parent = plan.named_in.get(attachment, "")
        if WP_ID.fullmatch(parent) and parent in plan.urls and parent not in plan.drafts and old not in plan.aliases:
            plan.redirects.setdefault(old, "/" + plan.urls[parent])


def _keep_clear_of_own_pages(plan: Plan) -> None:
    """No alias or redirect at an address the site serves a page or file of its own (`/about/` when content/
    already has an About page, `/sitemap.xml`), nor an alias under such a file: the build would refuse it, or
    fail. Each alias left out is named in the summary, and the feed redirect it brought goes with it."""
    folders = plan.known.folders | {place.folder for place in plan.places}
    slugs = {folder.split("/", 1)[1] for folder in folders if folder.startswith("posts/")}
    pages = {folder.split("/", 1)[1] for folder in folders if folder.startswith("pages/")}
    static = addresses.static_files(plan.content)
    page = partial(own_page, languages=plan.languages, slugs=slugs, pages=pages)

    def own(address: str) -> bool:  # a page's or a file's of the site (own_page knows its own files), or static/'s
        return page(address) or address_split(address)[0].casefold() in static
    for index, place in enumerate(plan.places):
        taken = [alias for alias in place.aliases
                 if own(alias) or addresses.site_file_above(alias, static, plan.languages)]
        if taken:
            plan.places[index] = replace(place, aliases=tuple(a for a in place.aliases if a not in taken))
            # its own new address (Polylang's `/en/about/`, where the page stays) is no loss to tell of
            plan.served_already += [f"{alias} ({place.folder})" for alias in taken
                                    if not _its_own(alias, place, plan.languages)]
            for feed in filter(None, map(addresses.feed_address, taken)):  # its feed was the post's, not kept
                if plan.redirects.get(feed) in (f"/{place.url}", f"/{place.url}comments.xml"):
                    del plan.redirects[feed]
    for old in [old for old in plan.redirects if own(old)]:
        del plan.redirects[old]
        if old in plan.translated_addresses:  # a translation's own old address, as an alias would be named
            plan.served_already.append(f"{old} ({plan.translated_addresses[old]})")


def _its_own(address: str, place: Place, languages: tuple[str, ...]) -> bool:
    """Whether an old address is the place's own new one, in any of the site's languages (`/en/about/` for
    pages/about): as an alias it would lead the page to itself."""
    path, query = address_split(address)
    parts = page_url(path).casefold().split("/")
    if parts and parts[0] in {code.casefold() for code in languages}:
        parts = parts[1:]
    return not query and "/".join(parts) == place.url.casefold()


def _published_language(item: Item, channel: Channel, plan: Plan) -> None:
    """The language the plugin gives a published post or page, as a tag, with the blog's name for it (its
    term's), for a new site.yml to declare; one that is no language tag is only named in the summary."""
    slug, name = next((nicename, text) for domain, nicename, text in item.terms if domain == "language")
    tags = _usable_tags({slug: name})
    if not tags:
        plan.odd_languages.add(slug)
    for tag in tags:
        plan.blog_languages.setdefault(tag, text_of(channel.language_terms.get(slug) or name))


def _usable_tags(slugs) -> list[str]:
    """The plugin's language slugs that are BCP 47 tags (`en`, `pt-br`), as tags."""
    tags = []
    for slug in slugs:
        try:
            tags.append(language_tag(slug, "the plugin's language"))
        except ValueError:
            continue
    return tags


def _place(item: Item, channel: Channel, plan: Plan, index: int) -> Place:
    """A post's or page's folder and old addresses, and the site's redirects it brings (its archives,
    its terms, its own feed)."""
    page = item.type == "page"
    blog = channel.address
    folder = _folder(item, page, plan, blog)
    new_url = f"/{folder.split('/', 1)[1]}/" if page else f"/{folder}/"
    # an address a hostile or broken export gives (a quote in a link) would stop every later build
    candidates = addresses.aliases(item.link, blog, item.post_id, page, new_url)
    found = [a for a in candidates if a not in plan.aliases]
    aliases = [a for a in found if not addresses.problem(a)]
    plan.unusable += [f"{shown(a, 80)} ({folder})" for a in found if a not in aliases]
    plan.unusable += [f"{shown(value, 80)} ({folder})" for value in unusable_ids(item, page)]
    plan.aliases.update(aliases)
    old_slugs = tuple(value for key, value in item.meta if key == "_wp_old_slug")
    plan.renamed[index] = addresses.renamed(item.link, blog, item.name, old_slugs, new_url)
    plan.moved.update((alias, new_url.lstrip("/")) for alias in aliases + [addresses.site_path(item.link, blog)] if alias)
    if item.type != "page":
        post_tags(item, channel, plan, is_draft(item))
    _old_addresses_sent_on(item, blog, plan, new_url, candidates, aliases)
    permalink = addresses.site_path(item.link, blog)
    return _counted(item, Place(folder, new_url.lstrip("/"), tuple(aliases),
                                address=permalink if permalink in aliases else ""), plan)


def _old_addresses_sent_on(item: Item, blog: str, plan: Plan, new_url: str, candidates: list[str],
                           kept: list[str]) -> None:
    """The redirects a published post or page brings besides its own addresses: its date and author
    archives, its language's home (Polylang's `/en/`) and its own comment feed."""
    page, draft = item.type == "page", is_draft(item)
    prefix = language_prefix(item, blog)
    lang = declared_language(prefix, plan.languages)
    if not draft and not page:  # a language's archives (`/en/2014/05/`) to its home, where the site has one
        archives = addresses.archive_redirects(item.date, slug_of(item.creator))
        plan.redirects.update({**archives, **{f"/{prefix}{old}": f"/{lang}/" if lang else "/"
                                              for old in archives if prefix}})
    plan.redirects.update(language_home(prefix, lang))
    link = addresses.site_path(item.link, blog)
    if not draft and (link not in candidates or link in kept):  # a permalink left out takes its feed along
        plan.redirects.update(addresses.feed_redirect(item.link, blog, new_url, page, item.post_id))
        plan.permalinks["plain" if "?" in link else "pretty"] += 1


def _counted(item: Item, place: Place, plan: Plan) -> Place:
    """The place of a post or page that shares its id or its guid with an earlier item of the export (two
    copies of one post, a hostile export): both are imported, no word lost, but only the first keeps the guid
    as its feed_id (check refuses one on two essays; the later one's is said in the summary), and the later
    one has an identity of its own in the import's record."""
    plan.ids[(item.type, item.post_id)] += 1
    guid = item.guid if FEED_ID.fullmatch(item.guid) and item.type == "post" else ""
    plan.ids[("guid", guid)] += 1
    taken = bool(guid) and plan.ids[("guid", guid)] > 1
    if taken:
        plan.shared_ids.append(f"{guid[:80]} ({place.folder})")
    return replace(place, copy=plan.ids[(item.type, item.post_id)], guid_taken=taken)


def _attachment(entry: Item, channel: Channel, plan: Plan) -> None:
    """An attachment's address, alt text and caption, by its id and under the post it belongs to, so that
    a gallery or a featured image finds it wherever in the export it stands; and its own old pages."""
    found = plan.media
    alt = text_of(dict(entry.meta).get("_wp_attachment_image_alt", ""))
    found.urls[entry.post_id] = entry.attachment_url
    caption = " ".join((entry.excerpt or "").split())  # HTML, as WordPress shows it under the image
    if caption:
        found.captions[entry.post_id] = caption
    if alt:
        found.alts[entry.post_id] = alt
    found.children.setdefault(entry.parent, []).append(entry.post_id)
    page = addresses.site_path(entry.link, channel.address)
    if page and page != "/":
        plan.attachment_pages[addresses.same_address(page)] = entry.attachment_url  # with media: the file
    plan.shown_on += [(old, entry.parent, entry.post_id) for old in (page, f"/?attachment_id={entry.post_id}") if old]


def _language(asked: str | None, channel: Channel, content: Path, export: Path) -> str:
    """--lang, else the blog's language, else site.yml's main_language; it must be one of site.yml's.

    The result names files and goes into site.yml, so it is a BCP 47 tag before anything else."""
    known, main = siteyml.languages(content / SETTINGS)
    if not known and (content / SETTINGS).is_file():  # the posts would land in a site that cannot build
        raise ContentProblem(f"{content.name}/site.yml: declares no `languages`: add them there (the blog's "
                             "too) before importing into it")
    if asked is not None:
        wanted = language_tag(asked, "--lang")
    elif channel.language:
        try:
            wanted = language_tag(channel.language, "the export's <language>")
        except UsageProblem as problem:
            raise UsageProblem(f"{export}:{line_of(export, 'language')}: {problem}") from None
    elif main:
        wanted = language_tag(main, f"{content.name}/site.yml's main_language")
    else:
        raise UsageProblem("the export names no language and there is no site.yml: say which with --lang")
    if known and wanted not in known:
        primary = wanted.split("-")[0].lower()
        if asked:
            raise UsageProblem(f"language `{wanted}` is not in {content}/site.yml languages ({', '.join(known)}); "
                             "add it there or choose one with --lang")
        if primary not in known:  # the blog's setting, which its posts may not all follow: said where it stands
            raise UsageProblem(f"{export}:{line_of(export, 'language')}: the export's language `{wanted}` is not in "
                             f"{content}/site.yml languages ({', '.join(known)}): add `{primary}` there, or, if the "
                             f"posts are written in one of those, say which with --lang (--lang {known[0]})")
        wanted = primary
    elif not known:
        wanted = wanted if asked else wanted.split("-")[0].lower()
    return wanted


def language_tag(text: str, where: str) -> str:
    """`text` as a BCP 47 tag (`en_US` read as `en-US`), or a UsageProblem that names `where`."""
    tag = text.strip().replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(tag):
        raise UsageProblem(f"{where} `{shown(text)}` is not a BCP 47 language tag such as `en` or `pt-BR`: "
                         "choose the site's language with --lang")
    if problem := unregistered(tag):
        raise UsageProblem(f"{where}: {problem}; or choose the site's language with --lang")
    return tag


def _folder(item: Item, page: bool, plan: Plan, blog: str) -> str:
    """The folder an earlier import gave the item (found by its link, guid or old address, so a renamed
    folder is found again); else its post_name (or title) as a slug, -2, -3... when taken."""
    kind = KINDS[item.type]
    earlier = plan.known.of_post(item.link, item.guid, item.post_id, page, blog)
    if earlier.startswith(f"{kind}/") and earlier not in plan.taken:
        plan.taken.add(earlier)
        return earlier
    spelled = partial(as_written_in, lang=plan.lang)
    base = slug_of(spelled(unquote(item.name))) or slug_of(spelled(title_of(item))) or f"{'page' if page else 'post'}-" \
        f"{slug_of(item.post_id) or 'untitled'}"
    if page and (base in SEGMENTS or base in plan.languages):
        base = f"{base}-page"  # the site's own first segments are not a page's
    for number in range(1, 10_000):
        folder = f"{kind}/{base}" if number == 1 else f"{kind}/{base}-{number}"
        if folder not in plan.taken and folder not in plan.known.folders:
            plan.taken.add(folder)
            return folder
    where = f"{plan.content.name}/{kind}" if plan.content is not None else kind
    raise ContentProblem(f"{where}/{base}: no free slug for this {'page' if page else 'post'}: {base}-2 to "
                         f"{base}-9999 are all taken; rename some of those folders")
