"""`import wordpress`: a WordPress export -> essays, pages and their comment threads in content/,
with every old address kept (aliases, redirects).

Nothing already in content/ is overwritten, except a file that still holds exactly what an earlier
import wrote, so a second import of a newer export adds what is new and follows what moved. Files are
staged and moved in once the whole export has been read (staging.py). Commenters' e-mail and IP
addresses are never read, let alone written: content/ goes into a public repository.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import counted
from ..reading.addresses import own_page, page_url, split as address_split, under_files
from ..reading.language_tags import LANGUAGE_TAG, unregistered
from ..reading.names import same_words, slug_of, tag_segment
from ..reading.read import parse_text
from ..reading.fields import FEED_ID
from ..reading.validate import RESERVED_SEGMENTS
from . import addresses, media, pairing, pasted, siteyml
from .clock import written_yet
from .known import WP_ID, Known, known
from .navmenu import Menus
from .problems import ANONYMOUS, ContentProblem, author_name, first_few, reasons_said, refusal, shown
from .shortcodes import GALLERY_IDS, Media, attachments_named, left_out
from .staging import Planned, Staging
from .threads import nearest_kept_finder
from .wpbody import IMPORTED_SECONDS, blocks_left_out, comment_refused, safe_as_essay
from .wpfiles import clock_offset, comment_file, essay_file, stamp, text_of, title_of, translation_file, unusable_ids
from .wxr import Channel, Item, WPComment, line_of, read_export

ESSAY_STATUSES = {"publish": False, "draft": True, "pending": True, "future": True, "private": True}
COMMENT_STATUSES = {"1": "published", "0": "pending", "spam": "spam"}
NOT_IMPORTED_COMMENTS = {"trash": "trashed", "post-trashed": "trashed with their post"}
PINGS = ("pingback", "trackback")
KINDS = {"post": "posts", "page": "pages"}
# and -2, -3... for a second comment under one id; `unnumbered-<n>` for one without an id WordPress makes
COMMENT_ID = re.compile(r"(?:[0-9]{1,20}|unnumbered)(-[0-9]+)?")
# WordPress's remove_accents() for a German or a Danish site: the letters' spellings without their marks
ASCII_SPELLINGS = {"de": str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}),
                   "da": str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})}


@dataclass
class Summary:
    """Every count of an import; the skipped ones with their reasons, so they add up to the export."""

    essays: Counter = field(default_factory=Counter)  # published, drafts
    pages: Counter = field(default_factory=Counter)
    translations: Counter = field(default_factory=Counter)  # post, page: written beside their originals
    comments: Counter = field(default_factory=Counter)  # published, pending, spam
    skipped_items: Counter = field(default_factory=Counter)  # reason -> count
    skipped_comments: Counter = field(default_factory=Counter)
    on_pages: dict = field(default_factory=dict)  # a page's folder -> its comments, kept in its comments/ unpublished
    tags_added: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)  # `key (label)`: a tag's name in the import's language
    redirects_added: list[str] = field(default_factory=list)
    redirects_followed: list[str] = field(default_factory=list)  # to a renamed folder's new address
    protected: list[str] = field(default_factory=list)  # private or password-protected: imported as drafts
    unnamed_authors: list[str] = field(default_factory=list)  # an author with a login and no display name
    page_folders: list[str] = field(default_factory=list)  # every page this import writes
    unlinked_pages: list[str] = field(default_factory=list)  # those site.yml's menu does not link: reached by no link
    flattened: list[str] = field(default_factory=list)  # markup that could run as a script: words kept
    served_already: list[str] = field(default_factory=list)  # aliases a page of the site has: left out
    unusable: list[str] = field(default_factory=list)  # an old address, link or guid the build would refuse
    under_files: list[str] = field(default_factory=list)  # old addresses under one served as a file: left out
    shared_ids: list[str] = field(default_factory=list)  # a guid an earlier post has too: no feed_id of this one
    blog_header: list[str] = field(default_factory=list)  # the blog's title, description and clock site.yml lacks
    clock_offsets: set[str] = field(default_factory=set)  # the blog's offsets from UTC its dates show (`+02:00`)
    sticky: list[str] = field(default_factory=list)  # posts the blog kept at the top of its home page
    no_language: list[str] = field(default_factory=list)  # on a multilingual blog, those its plugin gave none
    future_dates: list[str] = field(default_factory=list)  # comments dated after tomorrow: written undated
    menu_written: list[str] = field(default_factory=list)  # the pages a new site.yml's menu links, from the blog's
    menu_left_out: Counter = field(default_factory=Counter)  # the blog's other menu items, by what they lead to
    left_out: dict = field(default_factory=dict)  # `[shortcode]`, `wp:block` only WordPress filled in -> its folders
    page_titles: dict = field(default_factory=dict)  # each page this import writes -> its title, folded
    same_titled: list[str] = field(default_factory=list)  # the site's other pages of such a title (init's About)
    brought: object = None  # the MediaSource of --media or --media-from, for its failures
    unpaired: list[str] = field(default_factory=list)  # in a translation group, but imported on their own: why
    languages_left: list[str] = field(default_factory=list)  # other languages of the blog's posts content/ has none in
    pasted_left: list[str] = field(default_factory=list)  # `folder (why)`: a picture pasted into it, left as its words

    def _named_lists(self) -> list[tuple[list[str], str]]:
        """Each list of posts or addresses the summary names, with the words that introduce it."""
        return [
            (self.protected, "private or password-protected, imported as drafts, whose text a public repository "
                             "would show (remove them before you push, if they must stay private): "),
            (self.unlinked_pages, "pages no link leads to (a page is listed nowhere: `menu:` in site.yml links it, "
                                  "as `- page: <slug>`): "),
            (self.unnamed_authors, "written by `Anonymous`, their author's display name being empty in the export "
                                   "(a login signs in to the blog and is no name it showed; write `author:` by hand "
                                   "if you know it): "),
            (self.flattened, "markup that could run as a script or stalls the converter, left out (the words kept, with plain formatting): "),
            (self.pasted_left, "pictures pasted into posts (their bytes in the text), left as their words (save one "
                               "beside its post by hand, and show it with `![words](name.png)`): "),
            (self.served_already, "old addresses now served by another page of the site, so not kept: "),
            (self.under_files, "old addresses under another one served as a file, which a static host cannot hold "
                               "beside it, left out: "),
            (self.shared_ids, "posts whose id (guid) an earlier post of the export has too, written without it as "
                              "their feed_id (feed readers take the site's own id for them), their words all kept: "),
            (self.same_titled, "pages of the site titled as an imported page, perhaps the one `tertulia init` wrote "
                               "(remove it, and link the imported one from `menu`, if it replaces it): "),
            (self.sticky, "posts the blog kept at the top of its home page (sticky), listed here by their date "
                          "as every essay is: "),
            (self.no_language, "given no language by the blog's plugin, so imported in the language this import "
                               "brings (one in another: rename its file, and add `translation_of:` if it is a "
                               "translation): "),
            (self.unpaired, "posts and pages the blog's plugin groups with one imported earlier, imported on their "
                            "own, not as its translation (why, beside each; the README says how to pair one by "
                            "hand): "),
            (self.unusable, "old addresses and ids the build would refuse (a quote, a space, a control character) or "
                            "a reader would misread (a direction mark), left out: "),
        ]

    def _left_out(self) -> list[str]:
        """One line naming the shortcodes and blocks left out, each with the posts that had it: a contact
        form gone without a word was found only by a reader."""
        if not self.left_out:
            return []
        return ["shortcodes and blocks only WordPress could run (a plugin's form, a list of posts), left out, any "
                "words inside kept: " + ", ".join(f"{name} ({first_few(folders)})"
                                                  for name, folders in sorted(self.left_out.items()))]

    def lines(self, dry_run: bool, staged) -> list[str]:
        verb = "would write" if dry_run else "wrote"
        items = sum(self.essays.values()) + sum(self.pages.values()) + sum(self.translations.values()) + sum(
            self.skipped_items.values())
        comments = sum(self.comments.values()) + sum(self.skipped_comments.values()) + sum(self.on_pages.values())
        lines = [
            f"essays: {sum(self.essays.values())} ({self.essays['published']} published, "
            f"{counted(self.essays['drafts'], 'draft')}) of {counted(items, 'item')} in the export",
            f"pages: {sum(self.pages.values())} ({self.pages['published']} published, "
            f"{counted(self.pages['drafts'], 'draft')})",
            *([f"translations beside their originals, as the blog's plugin groups them: "
               f"{counted(self.translations['post'], 'post')}, {counted(self.translations['page'], 'page')} (once "
               "read, `tertulia translated` records that each follows its original, so that `status` names what "
               "changes in the original after)"] if self.translations else []),
            f"comments: {sum(self.comments.values())} ({self.comments['published']} published, "
            f"{self.comments['pending']} pending, {self.comments['spam']} spam) of {comments} in the export",
            *reasons_said("items not imported", self.skipped_items),
            *self._left_out(),
            *reasons_said("comments not imported", self.skipped_comments),
            *([f"comments dated after today, which no one can have written yet (a wrong clock's), written with no "
               f"date: {first_few(self.future_dates)}"] if self.future_dates else []),
            *(reasons_said("the blog's menu items left out of site.yml's `menu` (it links the imported pages, "
                           "one level deep)", self.menu_left_out) if self.menu_left_out else []),
            *([f"comments on pages, kept in the page's comments/ folder but never shown (a page has no thread): "
               + ", ".join(f"{folder} {count}" for folder, count in sorted(self.on_pages.items()))]
              if self.on_pages else []),
            f"tags added to site.yml: {', '.join(self.tags_added) or 'none'}",
            *([f"tags named in this language in site.yml (the blog's plugin pairs their terms): "
               f"{', '.join(self.labels_added)}"] if self.labels_added else []),
            f"redirects added to site.yml: {len(self.redirects_added)}",
            *([f"redirects in site.yml sent on to a post's renamed folder: {len(self.redirects_followed)}"]
              if self.redirects_followed else []),
            *self.blog_header,
        ]
        lines += [said + ", ".join(names) for names, said in self._named_lists() if names]
        # what this run wrote, and the files as it leaves them: not what an earlier run did
        bringing = self.brought is not None and self.brought.active
        if bringing:
            there = f" ({len(staged.media_there)} there already)" if staged.media_there else ""
            brought = len(staged.media) - len(staged.pasted)  # the blog's files; pasted ones came in the export
            lines.append(f"media brought beside their posts: {counted(brought, 'file')}{there}")
            lines += [f"media not brought (its address kept): {shown(url, 200)} ({shown(why, 200)})"
                      for url, why in sorted(self.brought.failures.items())]  # a server's words are anyone's
        if staged.pasted:
            lines.append(f"pictures pasted into posts, saved beside them: {counted(len(staged.pasted), 'file')}")
        if staged.pointed:
            lines.append("pointed at the media brought beside them (an earlier import had left them on the old "
                         "blog's host): " + ", ".join(staged.pointed))
        if staged.tallied:
            lines.append(f"references still on the old blog's host: {staged.tallied}"
                         + ("" if bringing else " (--media or --media-from brings the files along)"))
        lines.append(f"{verb} {counted(len(staged.written), 'file')}; kept {len(staged.kept)} that were already there")
        if staged.moved_on or staged.removed:
            lines.append(f"followed the blog: {len(staged.moved_on)} updated, {len(staged.removed)} removed "
                         "(files as an earlier import wrote them)")
        lines += staged.left_alone()
        return lines + [self._next(dry_run, bool(staged.written))]

    def _next(self, dry_run: bool, writes: bool) -> str:
        """What to do next: a dry run's real run; the imports of the blog's languages content/ has no text in
        yet, one by one; else a look at the site."""
        if dry_run and writes:
            return "next: the same command without --dry-run writes these files"
        if self.languages_left:
            return ("next: import the export again with " + ", then ".join(f"`--lang {code}`" for code in self.languages_left)
                    + ", for the blog's posts in " + ("that language" if len(self.languages_left) == 1 else "those languages")
                    + " (translations go beside their originals)")
        return "next: `tertulia check` says what to mend, `tertulia serve` shows the site, `tertulia build` writes it"


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
    files_from: media.MediaSource | None = None  # --media, --media-from
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


def import_wordpress(export: Path, content: Path, lang: str | None, dry_run: bool = False,
                     pingbacks: bool = False, report=print, download: bool = False,
                     uploads: Path | None = None) -> tuple[Summary, object]:
    """Import `export` into `content`: (summary, what was staged); raises UnreadableExport or
    ContentProblem (nothing written) or ValueError (usage)."""
    summary = Summary()
    plan = Plan(known=known(content), content=content)
    channel, lang = _first_pass(export, content, lang, plan, download, uploads)
    hosts = plan.files_from.hosts if plan.files_from is not None else set()
    staging = Staging(content, dry_run, report, tally=partial(media.old_host_references, hosts=hosts))
    plan.deleted_by_hand = staging.deleted_by_hand
    failed = True
    try:
        places = iter(plan.places)
        unsaid = {plan.places[index].folder for index in plan.untagged} if plan.polylang else set()
        for entry in read_export(export):
            if isinstance(entry, Item) and _placed(entry, lang):
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
                _not_placed(entry, summary, lang, joined=bool(post := _shown_on(entry)) and post in plan.urls,
                            site_languages=plan.languages)
        summary.brought = plan.files_from
        summary.served_already = plan.served_already
        summary.unusable = plan.unusable
        summary.unpaired = plan.unpaired
        summary.languages_left = _languages_left(plan, content, lang)
        summary.shared_ids = plan.shared_ids
        # an old address the build would refuse (a tag named `%2e%2e`, a NUL in a category's name)
        # is left out: written, it would stop the site from building at all
        redirects = {old: new for old, new in plan.redirects.items() if old not in plan.aliases
                     and not addresses.problem(old) and not addresses.problem(new, target=True)}
        # WordPress served `/post.html/feed/` under a `.html` permalink; a static host cannot hold both
        blocked = under_files([*plan.aliases, *redirects])
        # nor under a file the site serves itself (`/sitemap.xml/feed/`): the build would fail
        static = addresses.static_files(content)
        blocked.update((old, above) for old in redirects
                       if (above := addresses.site_file_above(old, static, plan.languages)))
        summary.under_files = [f"{old[:80]} (under {above[:80]})" for old, above in blocked.items()]
        redirects = {old: new for old, new in redirects.items() if old not in blocked}
        menu, menus, summary.menu_left_out = plan.menus.linked(lang)
        site = siteyml.updated(content / "site.yml", channel, lang, plan.tags, redirects, summary,
                               languages=plan.blog_languages, odd_languages=sorted(plan.odd_languages),
                               menu=menu, menus=menus, labels=plan.labels)
        summary.unlinked_pages = _unlinked_pages(summary.page_folders, content / "site.yml", summary.menu_written)
        summary.same_titled = _same_titled(summary.page_titles, content, lang)
        if site is not None:
            plan.files["site.yml"] = Planned(site)
            staging.stage(plan.files, overwrite=True)
        staging.move_in()
        failed = False
    finally:
        staging.close(failed)
    # a private post deleted by hand since an earlier import is not brought back: no warning to remove it
    gone = {path.rsplit("/", 1)[0] for path in staging.done.deleted}
    summary.protected = [folder for folder in summary.protected if folder not in gone]
    return summary, staging.done


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


def _first_pass(export: Path, content: Path, lang: str | None, plan: Plan, download: bool,
                uploads: Path | None) -> tuple[Channel, str]:
    """The blog, its attachments, and the place of every post and page with its old addresses: read
    once before any file is written (only addresses are kept, so memory stays small)."""
    channel = Channel()
    for entry in read_export(export):
        tagged = not isinstance(entry, Channel) and bool(_language_term(entry))
        plan.polylang = plan.polylang or tagged  # an attachment's language says so too
        if tagged and entry.type in KINDS and entry.status == "publish":
            _published_language(entry, channel, plan)
        if tagged and entry.type in KINDS:
            plan.groups.add(entry, _language_term(entry))
        if isinstance(entry, Channel):
            channel = entry
            lang = _language(lang, channel, content, export)
            # a new site.yml declares the plugin's languages too: a page's slug keeps clear of them already
            plan.languages = tuple(siteyml.languages(content / "site.yml")[0]) or (
                lang, *_usable_tags(channel.language_terms))
            plan.redirects.update(addresses.FEEDS)
            plan.lang = lang
            # the blog's terms that translate each other, and site.yml's tags, read once: every post asks
            plan.term_translations = pairing.term_translations(channel)
            if plan.content is not None:
                plan.site_tags = {key.casefold(): key for key in siteyml.tag_keys(plan.content / "site.yml")}
            plan.files_from = media.source_for(channel.link, channel.base_site_url, download, uploads)
            continue
        if (post := _shown_on(entry)) and entry.comments:  # whatever its file's address
            plan.attachment_comments.setdefault(post, []).extend(entry.comments)
        if entry.type == "attachment" and (url := addresses.file_url(entry.attachment_url)):
            entry = replace(entry, attachment_url=url)
            _attachment(entry, plan.media)
            page = addresses.site_path(entry.link, channel.link or channel.base_site_url)
            if page and page != "/":
                plan.attachment_pages[addresses.same_address(page)] = entry.attachment_url  # with media: the file
            plan.shown_on += [(old, entry.parent, entry.post_id)
                              for old in (page, f"/?attachment_id={entry.post_id}") if old]
        elif entry.type == "nav_menu_item" and entry.status == "publish":
            plan.menus.add(entry)
        elif _placed(entry, lang):
            if not tagged:
                plan.untagged.add(len(plan.places))
            if tagged and pairing.group_of(entry):
                # perhaps a translation: its group's other posts, and the images its text shows, may come later
                plan.deferred[len(plan.places)] = entry
                plan.places.append(Place("", "", ()))
                continue
            plan.places.append(_place(entry, channel, plan, len(plan.places)))
            _placed_at(entry, plan.places[-1], plan)
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
    moved = {"/": "", **{old: new.lstrip("/") for old, new in plan.redirects.items()}, **plan.moved}
    plan.moved = {addresses.same_address(old): new for old, new in moved.items()}  # as links are compared
    _keep_clear_of_own_pages(plan)
    return channel, lang


def _placed_at(entry: Item, place: Place, plan: Plan) -> None:
    """What the import keeps of a post's or page's place for the links of others."""
    plan.urls.setdefault(entry.post_id, place.url)  # `?p=ID` leads to the first, as its alias
    if _is_draft(entry):
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
    blog = channel.link or channel.base_site_url
    folder, original = pairing.original_of(item, lang, plan.groups, plan.known, blog)
    if not folder or plan.content is None:
        return None
    named = f"{item.type} {item.post_id} ({shown(title_of(item), 60)})"
    if (own := plan.known.of_post(item.link, item.guid, item.post_id, item.type == "page", blog)) not in ("", folder):
        # an earlier import put it in a folder of its own (a version before pairing, or blocks that did not
        # pair then): it stays there, whole, rather than half moved
        plan.unpaired.append(f"{named}: imported before into {own}, where it stays")
        return None
    if _is_draft(item):  # never shown on the blog beside its original: it comes in as a draft of its own
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
        _translated_terms(item, channel, plan, lang, original)
    return _counted(item, Place(folder, url, (), translation_of=original, language=lang), plan)


def _translated_terms(item: Item, channel: Channel, plan: Plan, lang: str, original: str) -> None:
    """A translation's categories and tags, which its original's tags stand for: each the tag of the term
    Polylang pairs it with in the original's language, labelled in this one (`travel: {en: Travel, fr:
    Voyage}`), its archives leading to that tag's page in this language; another's to this language's home."""
    prefix = _language_prefix(item, channel.link or channel.base_site_url)
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        key = _paired_tag(domain, nicename, plan, original)
        if key and text_of(name):
            plan.labels.setdefault(key, text_of(name))
        target = f"/{lang}/tags/{tag_segment(key)[0]}/" if key else f"/{lang}/"
        for old, new in _archives_sent_to(domain, nicename, channel, prefix, target).items():
            plan.redirects.setdefault(old, new)  # an untranslated post's own archive keeps its redirect


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


def _left_as_imported(item: Item, place: Place, summary: Summary) -> None:
    """Counted, as not imported this time: a post an earlier import brought in another language."""
    summary.skipped_items[f"{item.type}{{s}} an earlier import brought in another language ({place.kept}), "
                          "left as imported then"] += 1
    summary.skipped_comments[f"on {item.type}s an earlier import brought in another language"] += len(item.comments)


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


def _is_draft(item: Item) -> bool:
    """Whether a post or page comes across as a draft: not published, or behind a password."""
    return ESSAY_STATUSES[item.status] or bool(item.password)


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


def _placed(item: Item, lang: str) -> bool:
    """Whether an item becomes an essay or a page (in the import's language)."""
    return item.type in KINDS and item.status in ESSAY_STATUSES and not _other_language(item, lang)


def _other_language(item: Item, lang: str) -> str:
    """The language a multilingual plugin (Polylang) gives a post, when it is not the import's: such a
    post imported as `lang` would be a translation filed as an original in the wrong language."""
    said = _language_term(item)
    return said if said and said.split("-")[0].lower() != lang.split("-")[0].lower() else ""


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


def _language_term(item: Item) -> str:
    """The language a multilingual plugin (Polylang) gives a post, or ""."""
    return next((nicename for domain, nicename, _ in item.terms if domain == "language"), "")


def _shown_on(item: Item) -> str:
    """The id of the post or page an attachment belongs to (its `post_parent`), "" for none (0) or another item."""
    return item.parent if item.type == "attachment" and item.parent not in ("", "0") else ""


def _not_placed(item: Item, summary: Summary, lang: str, joined: bool = False, site_languages=()) -> None:
    """Count an item the import does not bring, and its comments (but those `joined` to its post's thread)."""
    if item.type not in KINDS:
        summary.skipped_items[f"{item.type or 'untyped'} item{{s}} (not posts or pages)"] += 1
        if joined:
            return
        # a comment on an attachment's page or a plugin's item (a portfolio) was not counted at all: the
        # summary said "comments not imported: none" of words no file holds
        if _shown_on(item):  # its post's import brings them
            summary.skipped_comments["on images of posts or pages this import does not bring (the import that brings "
                                     "the post brings them into its thread)"] += len(item.comments)
        else:
            summary.skipped_comments[f"on {item.type or 'untyped'} items (not posts or pages)"] += len(item.comments)
        return
    other = _other_language(item, lang)
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


def _place(item: Item, channel: Channel, plan: Plan, index: int) -> Place:
    """A post's or page's folder and old addresses, and the site's redirects it brings (its archives,
    its terms, its own feed)."""
    page = item.type == "page"
    blog = channel.link or channel.base_site_url
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
        _tags(item, channel, plan, _is_draft(item))
    _old_addresses_sent_on(item, blog, plan, new_url, candidates, aliases)
    return _counted(item, Place(folder, new_url.lstrip("/"), tuple(aliases)), plan)


def _old_addresses_sent_on(item: Item, blog: str, plan: Plan, new_url: str, candidates: list[str],
                           kept: list[str]) -> None:
    """The redirects a published post or page brings besides its own addresses: its date and author
    archives, its language's home (Polylang's `/en/`) and its own comment feed."""
    page, draft = item.type == "page", _is_draft(item)
    prefix = _language_prefix(item, blog)
    lang = _declared(prefix, plan.languages)
    if not draft and not page:  # a language's archives (`/en/2014/05/`) to its home, where the site has one
        archives = addresses.archive_redirects(item.date, slug_of(item.creator))
        plan.redirects.update({**archives, **{f"/{prefix}{old}": f"/{lang}/" if lang else "/"
                                              for old in archives if prefix}})
    plan.redirects.update(_language_home(prefix, lang))
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


def _attachment(entry: Item, found: Media) -> None:
    """An attachment's address, alt text and caption, by its id and under the post it belongs to, so that
    a gallery or a featured image finds it wherever in the export it stands."""
    alt = text_of(dict(entry.meta).get("_wp_attachment_image_alt", ""))
    found.urls[entry.post_id] = entry.attachment_url
    caption = " ".join((entry.excerpt or "").split())  # HTML, as WordPress shows it under the image
    if caption:
        found.captions[entry.post_id] = caption
    if alt:
        found.alts[entry.post_id] = alt
    found.children.setdefault(entry.parent, []).append(entry.post_id)


def _language(asked: str | None, channel: Channel, content: Path, export: Path) -> str:
    """--lang, else the blog's language, else site.yml's main_language; it must be one of site.yml's.

    The result names files and goes into site.yml, so it is a BCP 47 tag before anything else."""
    known, main = siteyml.languages(content / "site.yml")
    if not known and (content / "site.yml").is_file():  # the posts would land in a site that cannot build
        raise ContentProblem(f"{content.name}/site.yml: declares no `languages`: add them there (the blog's "
                             "too) before importing into it")
    if asked is not None:
        wanted = language_tag(asked, "--lang")
    elif channel.language:
        try:
            wanted = language_tag(channel.language, "the export's <language>")
        except ValueError as problem:
            raise ValueError(f"{export}:{line_of(export, 'language')}: {problem}") from None
    elif main:
        wanted = language_tag(main, f"{content.name}/site.yml's main_language")
    else:
        raise ValueError("the export names no language and there is no site.yml: say which with --lang")
    if known and wanted not in known:
        primary = wanted.split("-")[0].lower()
        if asked:
            raise ValueError(f"language `{wanted}` is not in {content}/site.yml languages ({', '.join(known)}); "
                             "add it there or choose one with --lang")
        if primary not in known:  # the blog's setting, which its posts may not all follow: said where it stands
            raise ValueError(f"{export}:{line_of(export, 'language')}: the export's language `{wanted}` is not in "
                             f"{content}/site.yml languages ({', '.join(known)}): add `{primary}` there, or, if the "
                             f"posts are written in one of those, say which with --lang (--lang {known[0]})")
        wanted = primary
    elif not known:
        wanted = wanted if asked else wanted.split("-")[0].lower()
    return wanted


def language_tag(text: str, where: str) -> str:
    """`text` as a BCP 47 tag (`en_US` read as `en-US`), or a ValueError that names `where`."""
    tag = text.strip().replace("_", "-")
    if not LANGUAGE_TAG.fullmatch(tag):
        raise ValueError(f"{where} `{shown(text)}` is not a BCP 47 language tag such as `en` or `pt-BR`: "
                         "choose the site's language with --lang")
    if problem := unregistered(tag):
        raise ValueError(f"{where}: {problem}; or choose the site's language with --lang")
    return tag


def _item(item: Item, place: Place, channel: Channel, lang: str, plan: Plan, summary: Summary,
          pingbacks: bool) -> None:
    """One exported post or page, with its comments, at the place the first pass gave it."""
    page = item.type == "page"
    blog = channel.link or channel.base_site_url
    draft = _is_draft(item)
    item, pictures = pasted.taken_out(item)
    summary.pasted_left += [f"{place.folder} ({why})" for why in dict.fromkeys(pictures.left)]
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
    tags = [] if page or place.translation_of else _tags(item, channel, plan, draft)
    for name in [f"[{code}]" for code in left_out(item.content)] + [f"wp:{b}" for b in blocks_left_out(item.content)]:
        summary.left_out.setdefault(name, []).append(place.folder)
    if _gallery_unfound(item.content, plan.media):  # it vanished, its images not in the export to show
        summary.left_out.setdefault("[gallery] of images the export does not hold", []).append(place.folder)
    summary.clock_offsets.update(filter(None, [clock_offset(item.date, item.date_gmt),
                                               *(clock_offset(c.date, c.date_gmt) for c in item.comments)]))
    author = author_name(text_of(channel.authors.get(item.creator, item.creator)))
    if author == ANONYMOUS and item.creator.strip() and not place.translation_of:  # a login with no display name: told, never written
        summary.unnamed_authors.append(place.folder)
    names: dict[str, str] = {}  # each file brought into the folder, by its address, for all its texts
    within = partial(_within, place=place, blog=blog, plan=plan, names=names)
    planned = partial(_planned, place=place, blog=blog, plan=plan, names=names, beside={})
    flattened: list[str] = []
    identity = _identity(item, blog)
    identity += f" copy {place.copy}" if place.copy > 1 and identity else ""
    if place.guid_taken:
        item = replace(item, guid="")  # the first item's feed_id (see _counted)
    def text(flat: bool = False) -> str:
        if place.translation_of and not flat and place.folder in plan.converted:
            converted, noted = plan.converted.pop(place.folder)  # as the pairing made it, with the same media
            flattened.extend(noted)
            return converted
        if place.translation_of:
            return translation_file(item, place.translation_of, plan.media, flattened, flat=flat)
        return essay_file(item, author, draft, tags, list(place.aliases), page, plan.media, flattened, flat=flat)
    essay = planned(text(), identity=identity)
    if not safe_as_essay(essay.text.partition("\n---\n")[2]):  # made unsafe later, by its links or media brought
        essay = Planned(text(flat=True), identity=identity)
        flattened.append(item.post_id)
    if flattened:
        summary.flattened.append(place.folder)
    plan.files[f"{place.folder}/index.{lang}.md"] = essay
    plan.files.update((f"{place.folder}/{name}", Planned(data, shown_by=f"{place.folder}/index.{lang}.md"))
                      for name, data in pictures.files.items())
    # a page has no thread, but its readers' words are kept: in its comments/, which no build publishes
    counts = Summary() if page else summary
    def deleted(comment_id: str) -> bool:
        return plan.deleted_by_hand(f"{place.folder}/comments/{comment_id}.{lang}.md",
                                    identity and f"{identity} comment {comment_id}")

    for comment, status, parent, earlier in _comments(item.comments, counts, pingbacks, deleted):
        if status is None and _translated(plan, place, comment.id, lang):
            continue  # trashed on the blog, but translated here: the author's now
        file = planned(comment_file(comment, status, parent)) if status else Planned(None)
        if status and (date := stamp(comment.date, comment.date_gmt)) and not written_yet(date):
            summary.future_dates.append(f"{place.folder}/comments/{comment.id}")
        plan.files[f"{place.folder}/comments/{comment.id}.{lang}.md"] = replace(
            file, earlier=tuple(within(text) for text in earlier), if_recorded=True,
            identity=identity and f"{identity} comment {comment.id}")
    for gone, comment_id in _gone(item, place, lang, plan):
        plan.files.setdefault(gone, Planned(None, if_recorded=True,
                                            identity=identity and f"{identity} comment {comment_id}"))
    if page:
        summary.skipped_comments.update(counts.skipped_comments)
        if counts.comments:
            summary.on_pages[place.folder] = sum(counts.comments.values())


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


def _gone(item: Item, place: Place, lang: str, plan: Plan) -> list[tuple[str, str]]:
    """The comment files (and ids) of an earlier import whose comments the blog has deleted since (absent
    from the export, not trashed): removed if they are still as an import wrote them, and not translated."""
    folder = plan.content / place.folder / "comments" if plan.content is not None else None
    if folder is None or not folder.is_dir() or folder.is_symlink():
        return []
    exported = {comment.id for comment in _unique_ids(item.comments)}
    gone = []
    for path in sorted(folder.glob(f"*.{lang}.md")):
        comment_id = path.name[:-len(f".{lang}.md")]
        if COMMENT_ID.fullmatch(comment_id) and comment_id not in exported and not _translated(
                plan, place, comment_id, lang):
            gone.append((f"{place.folder}/comments/{path.name}", comment_id))
    return gone


def _translated(plan: Plan, place: Place, comment_id: str, lang: str) -> bool:
    """Whether a comment has a translation beside it (removing its original would orphan it)."""
    folder = plan.content / place.folder / "comments" if plan.content is not None else None
    return folder is not None and folder.is_dir() and any(
        path.name != f"{comment_id}.{lang}.md" for path in folder.glob(f"{comment_id}.*.md"))


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


def _folder(item: Item, page: bool, plan: Plan, blog: str) -> str:
    """The folder an earlier import gave the item (found by its link, guid or old address, so a renamed
    folder is found again); else its post_name (or title) as a slug, -2, -3... when taken."""
    kind = KINDS[item.type]
    earlier = plan.known.of_post(item.link, item.guid, item.post_id, page, blog)
    if earlier.startswith(f"{kind}/") and earlier not in plan.taken:
        plan.taken.add(earlier)
        return earlier
    spelled = partial(_as_written_in, lang=plan.lang)
    base = slug_of(spelled(unquote(item.name))) or slug_of(spelled(title_of(item))) or f"{'page' if page else 'post'}-" \
        f"{slug_of(item.post_id) or 'untitled'}"
    if page and (base in RESERVED_SEGMENTS or base in plan.languages):
        base = f"{base}-page"  # the site's own first segments are not a page's
    for number in range(1, 10_000):
        folder = f"{kind}/{base}" if number == 1 else f"{kind}/{base}-{number}"
        if folder not in plan.taken and folder not in plan.known.folders:
            plan.taken.add(folder)
            return folder
    raise ValueError(f"no free slug for `{base}`")


def _as_written_in(text: str, lang: str) -> str:
    """A slug's letters as its language spells them in ASCII, as WordPress's German and Danish sites do
    (`über` is `ueber`, not `uber`); other languages' are left to the transliteration."""
    return text.translate(ASCII_SPELLINGS.get(lang.split("-")[0].lower(), {}))


def _tags(item: Item, channel: Channel, plan: Plan, draft: bool) -> list[str]:
    """Tag keys from the post's tags and categories, except the blog's default category, whatever
    its name (term 1: Uncategorized, Sin categoría...)."""
    keys = []
    prefix = _language_prefix(item, channel.link or channel.base_site_url)
    for domain, nicename, name in item.terms:
        if domain not in ("post_tag", "category"):
            continue
        if domain == "category" and nicename in (channel.default_category, "uncategorized"):
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
        key = _own_key(slug_of(unquote(nicename)) or slug_of(text_of(name)), unquote(nicename) or text_of(name), plan)
        if not key:
            continue
        plan.tags.setdefault(key, text_of(name) or key)
        if not draft:
            plan.redirects.update(_in_language(addresses.term_redirects(
                domain, nicename, key, channel.category_parents, channel.category_ids.get(nicename, "")), prefix))
        if key not in keys:
            keys.append(key)
    return keys


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


def _language_prefix(item: Item, blog: str) -> str:
    """The first segment of a post's permalink when it is the language Polylang gives the post (`en` for
    `/en/2019/05/bridge/`): the blog then served that language's archives under it too (`/en/category/x/`)."""
    slug = _language_term(item)
    path = addresses.site_path(item.link, blog)
    return slug if slug and "/" not in slug and path.startswith(f"/{slug}/") else ""


def _language_home(prefix: str, lang: str) -> dict[str, str]:
    """Polylang's addresses of a language the site has (`/en/feed/`, `/en/comments/feed/`, `/?lang=en`), to
    the site's own for it (`lang`, as `_declared` names it); none for a prefix the site does not declare,
    whose pages would not be there."""
    if not lang:
        return {}
    return {f"/{prefix}/feed/": f"/{lang}/feed.xml", f"/{prefix}/comments/feed/": f"/{lang}/comments/feed.xml",
            f"/?lang={prefix}": f"/{lang}/"}


def _declared(prefix: str, languages: tuple[str, ...]) -> str:
    """The site's language a permalink's language prefix names (`pt-br`: `pt-BR`), or ""."""
    return next((code for code in languages if prefix and code.lower() == prefix.lower()), "")


def _in_language(redirects: dict[str, str], prefix: str) -> dict[str, str]:
    """Archive redirects, and with a language's `prefix` each under it too, leading where the plain one
    does; not a query address (`/?cat=5`), which Polylang answered at the root."""
    return {**redirects, **{f"/{prefix}{old}": new for old, new in redirects.items()
                            if prefix and not old.startswith("/?")}}


def _own_key(key: str, term: str, plan: Plan) -> str:
    """A term's tag key, another's already (中文 and 钟文 are both `zhongwen` in Latin letters) made its
    own with a number: two of the blog's terms stay two tags. A category and a tag of one name are one."""
    base, number, term = key, 2, term.casefold()
    while key and plan.tag_terms.setdefault(key, term) != term:
        key, number = f"{base}-{number}", number + 1
    return key


def _comments(comments: tuple[WPComment, ...], summary: Summary, pingbacks: bool,
              deleted: Callable[[str], bool] = lambda comment_id: False):
    """(comment, its status, the id it answers, the files an earlier import may have written for it) for
    each comment that comes across, and for each trashed since (status None: removed if untouched). A
    comment the author `deleted` by hand since an earlier import is answered by none: its replies move up."""
    comments = _unique_ids(comments)
    by_id = {c.id: c for c in comments}
    statuses, trashed = {}, []
    for comment in comments:
        status = _comment_status(comment, pingbacks)
        why = comment_refused(comment.content, status == "spam") if status in COMMENT_STATUSES.values() else ""
        if why:  # its replies then answer the nearest comment that comes across
            status = refusal(f"comment {comment.id}", why)
        if status in COMMENT_STATUSES.values():  # every id is one of ours by now (see _unique_ids)
            statuses[comment.id] = status
            summary.comments[status] += 1
        else:
            summary.skipped_comments[status] += 1
            if comment.approved in NOT_IMPORTED_COMMENTS and comment.type not in PINGS + ("note",):
                trashed.append(comment)
    imported_ancestor = nearest_kept_finder(  # "0" is WordPress's "no parent"
        lambda i: by_id[i].parent if i in by_id and by_id[i].parent != "0" else "",
        lambda i: i in statuses and not deleted(i))
    for comment in comments:
        if comment.id in statuses:
            parent = imported_ancestor(comment.id)
            yield comment, statuses[comment.id], parent, _earlier(comment, parent)
    for comment in trashed:
        yield comment, None, "", _earlier(comment, imported_ancestor(comment.id))


def _earlier(comment: WPComment, parent: str) -> tuple[str, ...]:
    """The files an import writes for `comment` under each status and each parent it may have had then
    (its own, before that was trashed): one of them still there is untouched since."""
    parents = dict.fromkeys([parent, comment.parent if WP_ID.fullmatch(comment.parent) and comment.parent != "0"
                             else "", ""])
    return tuple(comment_file(comment, status, p) for status in COMMENT_STATUSES.values() for p in parents)


def _unique_ids(comments: tuple[WPComment, ...]) -> list[WPComment]:
    """A second comment under an id already taken becomes `<id>-2` (then -3...), and one without an id
    WordPress makes (empty, `../1`) `unnumbered-<n>`, in the post's order: none is lost, a person wrote
    each (Disqus's are kept alike). Replies naming an id answer the first, as WordPress would show them."""
    seen: Counter = Counter()
    unique = []
    for comment in comments:
        given = comment.id if WP_ID.fullmatch(comment.id) else "unnumbered"
        seen[given] += 1
        if given == "unnumbered":
            unique.append(replace(comment, id=f"unnumbered-{seen[given]}"))
        else:
            unique.append(comment if seen[given] == 1 else replace(comment, id=f"{given}-{seen[given]}"))
    return unique


def _comment_status(comment: WPComment, pingbacks: bool) -> str:
    """published, pending or spam; otherwise the reason it is not imported."""
    if comment.type == "note":
        return "editors' note{s} (private)"
    if comment.type in PINGS:
        if not pingbacks:
            return "pingback{s} or trackback{s} (--pingbacks imports them)"
        return "pending" if comment.approved in COMMENT_STATUSES else NOT_IMPORTED_COMMENTS.get(
            comment.approved, f"with status {comment.approved}")
    if comment.approved in COMMENT_STATUSES:
        return COMMENT_STATUSES[comment.approved]
    return NOT_IMPORTED_COMMENTS.get(comment.approved, f"with status {comment.approved or 'none'}")
