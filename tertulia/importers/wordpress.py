"""`import wordpress`: a WordPress export -> essays, pages and their comment threads in content/,
with every old address kept (aliases, redirects).

Two passes over the export: the first places every post and page (wpplaces.py), the second writes each
one's files at its place, its links pointed at their new pages. Nothing already in content/ is overwritten,
except a file that still holds exactly what an earlier import wrote, so a second import of a newer export
adds what is new and follows what moved. Files are staged and moved in once the whole export has been read
(staging.py). Commenters' e-mail and IP addresses are never read, let alone written: content/ goes into a
public repository.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..reading.addresses import under_files
from ..reading.find import SETTINGS
from ..reading.names import same_words
from ..reading.read import parse_text
from . import addresses, media, pasted, siteyml
from .clock import written_yet
from .known import WP_ID, known
from .problems import ANONYMOUS, author_name
from .shortcodes import GALLERY_IDS, Media, left_out, notes_missing
from .staging import Planned, Staging
from .wpbody import blocks_left_out, safe_as_essay
from .filing import comment_language, deleted_here, other_names
from .wpcomments import comments_brought, comments_gone, translated_here
from .wpfiles import clock_offset, comment_file, essay_file, stamp, text_of, title_of, translation_file
from .wpplaces import first_pass
from .wpplan import ESSAY_STATUSES, KINDS, Place, Plan, attached_to, is_draft, other_language, placed
from .wpsummary import Summary
from .wptags import post_tags
from .wxr import Channel, Item, read_export


def import_wordpress(export: Path, content: Path, lang: str | None, dry_run: bool = False,
                     pingbacks: bool = False, report=print, download: bool = False,
                     uploads: Path | None = None) -> tuple[Summary, object]:
    """Import `export` into `content`: (summary, what was staged); raises UnreadableExport or
    ContentProblem (nothing written) or UsageProblem."""
    summary = Summary()
    plan = Plan(known=known(content), content=content)
    channel, lang = first_pass(export, content, lang, plan, download, uploads)
    hosts = plan.files_from.hosts if plan.files_from is not None else set()
    staging = Staging(content, dry_run, report, tally=partial(media.old_host_references, hosts=hosts))
    plan.deleted_by_hand = staging.deleted_by_hand
    plan.wrote = staging.wrote
    failed = True
    try:
        _second_pass(export, channel, lang, plan, summary, staging, pingbacks)
        _site_yml_planned(channel, content, lang, plan, summary, staging)
        staging.move_in()
        failed = False
    finally:
        staging.close(failed)
    # a private post deleted by hand since an earlier import is not brought back: no warning to remove it
    gone = {path.rsplit("/", 1)[0] for path in staging.done.deleted}
    summary.protected = [folder for folder in summary.protected if folder not in gone]
    return summary, staging.done


def _second_pass(export: Path, channel: Channel, lang: str, plan: Plan, summary: Summary, staging: Staging,
                 pingbacks: bool) -> None:
    """Each post and page the first pass placed, written at its place and staged; the others counted."""
    places = iter(plan.places)
    unsaid = {plan.places[index].folder for index in plan.untagged} if plan.polylang else set()
    for entry in read_export(export):
        if isinstance(entry, Item) and placed(entry, lang):
            place = next(places)
            # a comment left on the page of an image the post shows joins the post's thread (the
            # first of two items sharing the post's id takes them): words no other page would keep
            entry = replace(entry, comments=entry.comments + tuple(plan.attachment_comments.pop(entry.post_id, ())))
            if place.kept:
                _left_as_imported(entry, place, summary)
                continue
            _item(entry, place, channel, lang, plan, summary, pingbacks)
            if place.folder in unsaid:
                summary.no_language.append(place.folder)
            staging.stage(plan.files)
        elif isinstance(entry, Item):
            _not_placed(entry, summary, lang, joined=bool(post := attached_to(entry)) and post in plan.urls,
                        site_languages=plan.languages)


def _site_yml_planned(channel: Channel, content: Path, lang: str, plan: Plan, summary: Summary,
                      staging: Staging) -> None:
    """site.yml with the import's tags, redirects, languages and menu (a new one from the blog's header when
    there is none), staged; and what the summary says of the whole plan."""
    summary.brought = plan.files_from
    summary.served_already = plan.served_already
    summary.unusable = plan.unusable
    summary.unpaired = plan.unpaired
    summary.languages_left = _languages_left(plan, content, lang)
    summary.shared_ids = plan.shared_ids
    redirects = _redirects_kept(plan, content, summary, staging.done.changed_on_blog + staging.done.edited_both)
    menu, menus, summary.menu_left_out = plan.menus.linked(lang)
    site = siteyml.updated(content / SETTINGS, channel, lang, plan.tags, redirects, summary,
                           languages=plan.blog_languages, odd_languages=sorted(plan.odd_languages),
                           menu=menu, menus=menus, labels=plan.labels)
    summary.unlinked_pages = _unlinked_pages(summary.page_folders, content / SETTINGS, summary.menu_written)
    summary.same_titled = _same_titled(summary.page_titles, content, lang)
    if site is not None:
        plan.files[SETTINGS] = Planned(site)
        staging.stage(plan.files, overwrite=True)


def _redirects_kept(plan: Plan, content: Path, summary: Summary, left: list[str]) -> dict[str, str]:
    """The import's redirects that the site can serve; those under a file left out, and named. `left`: the
    files left as they are though the blog changed them."""
    # an old address the build would refuse (a tag named `%2e%2e`, a NUL in a category's name)
    # is left out: written, it would stop the site from building at all
    redirects = {old: new for old, new in plan.redirects.items() if old not in plan.aliases
                 and not addresses.problem(old) and not addresses.problem(new, target=True)}
    redirects.update(_addresses_left_behind(plan, content, left))
    # WordPress served `/post.html/feed/` under a `.html` permalink; a static host cannot hold both
    blocked = under_files([*plan.aliases, *redirects])
    # nor under a file the site serves itself (`/sitemap.xml/feed/`): the build would fail
    static = addresses.static_files(content)
    blocked.update((old, above) for old in redirects
                   if (above := addresses.site_file_above(old, static, plan.languages)))
    summary.under_files = [f"{old[:80]} (under {above[:80]})" for old, above in blocked.items()]
    return {old: new for old, new in redirects.items() if old not in blocked}


def _addresses_left_behind(plan: Plan, content: Path, left: list[str]) -> dict[str, str]:
    """The blog's address now of a post or page whose file was left as it is (an essay does not follow the blog:
    its translations align to it) where the file does not hold it, to its page: renamed on the blog since an
    import, a post's new address led nowhere, and a Disqus thread there matched no essay. Only that one: an
    old address its author took out of `aliases` by hand stays out."""
    held: dict[str, set] = {}  # folder -> the aliases its files left as they are hold
    for path in left:
        folder, name = path.rsplit("/", 1)
        if name.startswith("index."):
            parsed, _ = parse_text((content / path).read_bytes(), path)
            aliases = parsed.meta.get("aliases") if parsed else None
            held.setdefault(folder, set()).update(map(str, aliases) if isinstance(aliases, list) else ())
    return {place.address: "/" + place.url for place in plan.places
            if place.folder in held and place.address in place.aliases and place.address not in held[place.folder]}


def _languages_left(plan: Plan, content: Path, lang: str) -> list[str]:
    """The languages that published posts and pages of the blog are in, but no text an import brought
    (init's first essay is not the blog's): the imports still to run, named as site.yml names them, in its
    order. Languages are compared by their first part, as the plugin's are (`de` is the site's `de-DE`)."""
    imported = set(plan.known.by_address.values())  # the folders of posts and pages imports brought
    present = {path.name.split(".")[1].split("-")[0].casefold() for folder in imported
               for path in (content / folder).glob("index.*.md")}
    present.add(lang.split("-")[0].casefold())
    wanted = {code.split("-")[0].casefold(): code for code in plan.blog_languages}
    named = {code.split("-")[0].casefold(): code for code in reversed(plan.languages)}  # site.yml's, first wins
    order = [code.split("-")[0].casefold() for code in plan.languages] + list(wanted)
    return [named.get(primary, wanted[primary]) for primary in dict.fromkeys(order)
            if primary in wanted and primary not in present]


def _same_titled(imported: dict[str, str], content: Path, lang: str) -> list[str]:
    """The site's own pages (not this import's) whose title in `lang` an imported page has too: two "About"
    pages, the one `tertulia init` wrote linked from the menu and the blog's own beside it, reached by nothing."""
    titles = {title: folder for folder, title in imported.items()}
    found = []
    for path in sorted((content / "pages").glob(f"*/index.{lang}.md")) if imported else []:
        folder = f"pages/{path.parent.name}"
        if folder in imported or path.is_symlink() or path.parent.is_symlink():  # the build refuses a link
            continue
        try:
            parsed, error = parse_text(path.read_bytes(), folder)
        except OSError:  # unreadable: `check` names it
            continue
        title = same_words(str(parsed.meta.get("title", ""))) if error is None else ""
        if title in titles:
            found.append(f"{folder} (as {titles[title]})")
    return found


def _unlinked_pages(folders: list[str], site_yml: Path, written: list[str]) -> list[str]:
    """The pages (`pages/<slug>`) site.yml's menu does not name (the one this import `written`, or the one
    it has): no listing shows a page."""
    menu = siteyml.settings(site_yml).get("menu")
    linked = {entry.get("page") for entry in menu if isinstance(entry, dict)} if isinstance(menu, list) else set()
    linked.update(written)
    return sorted(folder for folder in set(folders) if folder.split("/", 1)[1] not in linked)


def _left_as_imported(item: Item, place: Place, summary: Summary) -> None:
    """Counted, as not imported this time: a post an earlier import brought in another language."""
    summary.skipped_items[f"{item.type}{{s}} an earlier import brought in another language ({place.kept}), "
                          "left as imported then"] += 1
    summary.skipped_comments[f"on {item.type}s an earlier import brought in another language"] += len(item.comments)


def _not_placed(item: Item, summary: Summary, lang: str, joined: bool = False, site_languages=()) -> None:
    """Count an item the import does not bring, and its comments (but those `joined` to its post's thread)."""
    if item.type not in KINDS:
        summary.skipped_items[f"{item.type or 'untyped'} item{{s}} (not posts or pages)"] += 1
        if joined:
            return
        # a comment on an attachment's page or a plugin's item (a portfolio) was not counted at all: the
        # summary said "comments not imported: none" of words no file holds
        if attached_to(item):  # its post's import brings them
            summary.skipped_comments["on images of posts or pages this import does not bring (the import that brings "
                                     "the post brings them into its thread)"] += len(item.comments)
        else:
            summary.skipped_comments[f"on {item.type or 'untyped'} items (not posts or pages)"] += len(item.comments)
        return
    other = other_language(item, lang)
    if other and item.status in ESSAY_STATUSES:
        # the option as site.yml names the language (Polylang's `pt` is the site's `pt-BR`): `--lang pt` is refused
        option = next((code for code in site_languages if code.split("-")[0].casefold() == other.split("-")[0].casefold()),
                      other)
        summary.skipped_items[f"{item.type}{{s}} in another language ({other}, as the blog's plugin marks them): not imported "
                              f"as `{lang}` (imported with `--lang {option}`, those it groups with an imported post go beside "
                              "it as translations)"] += 1
        summary.skipped_comments[f"on {item.type}s in another language (its import brings them)"] += len(item.comments)
        return
    summary.skipped_items[f"{item.type}{{s}} with status {item.status or 'none'}"] += 1
    summary.skipped_comments[f"on {item.type}s not imported"] += len(item.comments)


def _item(item: Item, place: Place, channel: Channel, lang: str, plan: Plan, summary: Summary,
          pingbacks: bool) -> None:
    """One exported post or page, with its comments, at the place the first pass gave it."""
    blog = channel.address
    item, pictures = pasted.taken_out(item)
    summary.pasted_left += [f"{place.folder} ({why})" for why in dict.fromkeys(pictures.left)]
    _told(item, place, plan.media, summary)
    author = author_name(text_of(channel.authors.get(item.creator, item.creator)))
    if author == ANONYMOUS and item.creator.strip() and not place.translation_of:  # a login with no display name: told, never written
        summary.unnamed_authors.append(place.folder)
    tags = [] if item.type == "page" or place.translation_of else post_tags(item, channel, plan, is_draft(item))
    names: dict[str, str] = {}  # each file brought into the folder, by its address, for all its texts
    identity = _identity(item, blog)
    identity += f" copy {place.copy}" if place.copy > 1 and identity else ""
    if place.guid_taken:
        item = replace(item, guid="")  # the first item's feed_id (see wpplaces._counted)
    # as the post's text reads in its new place, with that text under the other media options (see _planned)
    planned = partial(_planned, place=place, blog=blog, plan=plan, names=names, beside={})
    text = f"{place.folder}/index.{lang}.md"
    plan.files[text] = _text_planned(item, place, plan, author, tags, identity, summary, planned)
    plan.files.update((f"{place.folder}/{name}", Planned(data, shown_by=text)) for name, data in pictures.files.items())
    _thread_planned(item, place, lang, plan, summary, pingbacks, identity, planned,
                    within=partial(_within, place=place, blog=blog, plan=plan, names=names))


def _told(item: Item, place: Place, found: Media, summary: Summary) -> None:
    """What the summary counts and names of a post or page (what it is, what it lost, its clock)."""
    page, draft = item.type == "page", is_draft(item)
    if item.password or item.status == "private":
        summary.protected.append(place.folder)
    if item.sticky and not page and not place.translation_of:
        summary.sticky.append(place.folder)
    if place.translation_of:
        summary.translations[item.type] += 1
    else:
        (summary.pages if page else summary.essays)["drafts" if draft else "published"] += 1
    if page and not place.translation_of:
        summary.page_folders.append(place.folder)
        summary.page_titles[place.folder] = same_words(title_of(item))
    for name in [f"[{code}]" for code in left_out(item.content)] + [f"wp:{b}" for b in blocks_left_out(item.content)]:
        summary.left_out.setdefault(name, []).append(place.folder)
    if notes_missing(item.content, dict(item.meta).get("footnotes", "")):
        summary.notes_missing.append(place.folder)
    if _gallery_unfound(item.content, found):  # it vanished, its images not in the export to show
        summary.left_out.setdefault("[gallery] of images the export does not hold", []).append(place.folder)
    summary.clock_offsets.update(filter(None, [clock_offset(item.date, item.date_gmt),
                                               *(clock_offset(c.date, c.date_gmt) for c in item.comments)]))


def _text_planned(item: Item, place: Place, plan: Plan, author: str, tags: list[str], identity: str,
                  summary: Summary, planned: Callable[..., Planned]) -> Planned:
    """The essay's, page's or translation's own file, its links pointed at their new pages; with plain
    formatting (the words kept) where its markup could run as a script."""
    flattened: list[str] = []

    def text(flat: bool = False) -> str:
        if place.translation_of and not flat and place.folder in plan.converted:
            converted, noted = plan.converted.pop(place.folder)  # as the pairing made it, with the same media
            flattened.extend(noted)
            return converted
        if place.translation_of:
            return translation_file(item, place.translation_of, plan.media, flattened, flat=flat)
        return essay_file(item, author, is_draft(item), tags, list(place.aliases), item.type == "page", plan.media,
                          flattened, flat=flat)
    essay = planned(text(), identity=identity)
    if not safe_as_essay(essay.text.partition("\n---\n")[2]):  # made unsafe later, by its links or media brought
        essay = Planned(text(flat=True), identity=identity)
        flattened.append(item.post_id)
    if flattened:
        summary.flattened.append(place.folder)
    return essay


def _thread_planned(item: Item, place: Place, lang: str, plan: Plan, summary: Summary, pingbacks: bool,
                    identity: str, planned: Callable[..., Planned], within: Callable[[str], str]) -> None:
    """A post's comment files, and those of an earlier import the blog has trashed or deleted since (to
    remove where untouched). A page has no thread, but its readers' words are kept: in its comments/,
    which no build publishes."""
    page = item.type == "page"
    counts = Summary() if page else summary

    folder = plan.content / place.folder / "comments" if plan.content is not None else None
    languages = (lang, *plan.languages)

    def deleted_in(comment_id: str) -> Callable[[str], bool]:  # whether deleted in a language
        return partial(_deleted_in, plan=plan, path=f"{place.folder}/comments/{comment_id}",
                       identity=identity and f"{identity} comment {comment_id}")

    def deleted(comment_id: str) -> bool:
        return deleted_here(folder, comment_id, languages, deleted_in(comment_id))

    for comment, status, parent, earlier in comments_brought(item.comments, counts, pingbacks, deleted):
        filed, by_letters = comment_language(folder, comment.id, comment.content, lang, plan.languages,
                                             deleted_in(comment.id))
        if status is None and translated_here(plan, place, comment.id, filed):
            continue  # trashed on the blog, but translated here: the author's now
        file = planned(comment_file(comment, status, parent)) if status else Planned(None)
        if status and (date := stamp(comment.date, comment.date_gmt)) and not written_yet(date):
            summary.future_dates.append(f"{place.folder}/comments/{comment.id}")
        if status and by_letters:
            summary.filed_by_letters.append(f"{place.folder}/comments/{comment.id}.{filed}.md")
        plan.files[f"{place.folder}/comments/{comment.id}.{filed}.md"] = replace(
            file, earlier=tuple(within(text) for text in earlier), if_recorded=True,
            identity=identity and f"{identity} comment {comment.id}",
            named_before=other_names(comment.id, filed, languages))
    for gone, comment_id in comments_gone(item, place, lang, plan, identity):
        plan.files.setdefault(gone, Planned(None, if_recorded=True,
                                            identity=identity and f"{identity} comment {comment_id}"))
    if page:
        summary.skipped_comments.update(counts.skipped_comments)
        if counts.comments:
            summary.on_pages[place.folder] = sum(counts.comments.values())


def _deleted_in(language: str, plan: Plan, path: str, identity: str) -> bool:
    """Whether the author deleted the comment file an earlier import wrote at `path` in `language`."""
    return plan.deleted_by_hand(f"{path}.{language}.md", identity)


def _gallery_unfound(content: str, media: Media) -> bool:
    """Whether a gallery of the body names its images by id and the export holds none of them."""
    return any(ids and not any(i in media.urls for i in ids)
               for ids in (re.findall(r"[0-9]+", found.group(1)) for found in GALLERY_IDS.finditer(content)))


def _identity(item: Item, blog: str) -> str:
    """What a post or page is in the blog, whatever folder it is in: the blog's host and path, and its
    id there (an http blog that moved to https is the same blog); "" for an item without an id."""
    if not WP_ID.fullmatch(item.post_id):
        return ""
    try:
        parts = urlsplit(blog.strip())
        where = f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}"
    except ValueError:
        where = ""
    return f"wordpress {where} {item.type} {item.post_id}"


def _within(text: str, place: Place, blog: str, plan: Plan, names: dict[str, str]) -> str:
    """A file's text as it reads in its new place: links to the blog's own posts, pages, tags and
    archives relative to the post's folder; with --media or --media-from, its files beside it."""
    if not _bringing(plan):
        return _relinked(text, place, blog, plan)
    # a translation's pictures go into its original's folder, where another of the same name may stand
    beside = (plan.content / place.folder, place.language) if place.translation_of and plan.content is not None else None
    text, files = media.bring(_relinked(text, place, blog, plan, to_files=True), plan.files_from, names, beside)
    plan.files.update((f"{place.folder}/{name}", Planned(data)) for name, data in files.items())
    return text


def _planned(text: str, place: Place, blog: str, plan: Plan, names: dict[str, str], beside: dict[str, str],
             **planned) -> Planned:
    """A file's text as it reads in its new place (see _within), with that text under the other media
    options (see Planned): as an import without media writes it, when this one brings them; else pointing
    at the files an earlier import brought beside the post (named in `beside`, shared by its texts)."""
    final = _within(text, place, blog, plan, names)
    folder = plan.content / place.folder if plan.content is not None else None
    if _bringing(plan):
        other = {"unbrought": _relinked(text, place, blog, plan)}
    elif folder is not None and folder.is_dir():  # imported before: perhaps with its media
        other = {"beside": media.pointed_beside(_relinked(text, place, blog, plan, to_files=True), plan.files_from,
                                                folder, beside)}
    else:
        other = {}
    return Planned(final, **{key: value for key, value in other.items() if value != final}, **planned)


def _bringing(plan: Plan) -> bool:
    """Whether this import brings media (--media, --media-from)."""
    return plan.files_from is not None and plan.files_from.active


def _relinked(text: str, place: Place, blog: str, plan: Plan, to_files: bool = False) -> str:
    """A file's text with its links to the blog's own pages pointed at their new ones, and, `to_files`
    (as media come along), those to attachment pages at their files."""
    head, separator, body = text.partition("\n---\n")
    body = addresses.to_files(body, blog, plan.attachment_pages if to_files else {})
    body = addresses.uploads_on_blog(body, blog)
    return head + separator + addresses.relinked(body, place.url, blog, plan.moved)
