"""`import disqus`: a Disqus XML export -> comment files under the essays its threads were on.

A thread belongs to the essay whose `source` or `aliases` name its link. The export is read as
untrusted XML exactly as a WordPress export is (defusedxml, streamed, any encoding), twice: first
the threads and who answers whom, then each comment, written as it comes. Only a commenter's name
is ever read: never an e-mail or IP address. Ids are `disqus-<its Disqus id>`, which no other
comment's id can be; a second comment under one Disqus id is `disqus-<id>-2`, and one without a
usable id `disqus-unnumbered-<n>`: both are kept, as a WordPress comment's are.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import counted
from ..layout import POSTS
from ..model import COMMENT_STATUSES
from ..reading.config import usable_timezone
from ..reading.dates import parse_date
from ..reading.find import SETTINGS
from ..reading.markup import is_safe_url
from . import siteyml
from .addresses import relinked, same_address, site_path
from .clock import in_zone, utc_text, written_yet
from .filing import comment_language, deleted_here, other_names
from .known import Known, known
from .problems import ContentProblem, first_few, reasons_said, refusal, shown
from .private import private_name
from .staging import Planned, Staging
from .threads import nearest_kept_finder
from .twins import Twins
from .wpbody import comment_markdown, comment_markdown_without, comment_refused
from .wpfiles import imported_comment, text_of
from .wxr import DISQUS, not_the_export, safe_events

NS = "{http://disqus.com}"
INTERNALS = "{http://disqus.com/disqus-internals}id"
DISQUS_ID = re.compile(r"[0-9]{1,20}")

# what a share or a reply link adds to an address: Disqus may have named the thread by such a one
TRACKING = re.compile(r"utm_\w+|fbclid|gclid|mc_cid|mc_eid|replytocom|share|amp")
WORDPRESS_IDENTIFIER = re.compile(r"(\d{1,12}) https?://\S+")  # the WordPress plugin's thread <id>
WORDPRESS_COMMENT = re.compile(r"wp_id=([0-9]{1,20})")  # a comment Disqus took in from the blog: its <id>
COPY = "already imported from WordPress (Disqus's copy of the blog's comment)"
# Disqus sends every outside link through its own redirector: `https://disq.us/url?url=<the address,
# escaped>:<a 27-letter signature>&cuid=<forum>`. The address is what the commenter wrote.
WRAPPED_LINK = re.compile(r"""(\bhref\s*=\s*["']?)((?:https?:)?//(?:[a-z0-9-]+\.)*disq\.us/(?:url/?)?\?[^"'\s>]*)""",
                          re.IGNORECASE)
SIGNATURE = re.compile(r":[A-Za-z0-9_-]{27}$")


@dataclass
class Post:
    """What the first pass keeps of a comment: its thread, its parent and whether it comes across."""

    thread: str
    parent: str
    status: str  # published, pending, spam, or why it is not imported
    wp_id: str = ""  # the blog comment it is Disqus's copy of (`<id>wp_id=12</id>`), if any


@dataclass
class DisqusSummary:
    comments: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    unmatched: dict[str, int] = field(default_factory=dict)  # thread link -> its comments
    sent_elsewhere: dict[str, str] = field(default_factory=dict)  # such a link -> where redirects send it
    matched: int = 0  # threads on an essay of the site
    on_pages: Counter = field(default_factory=Counter)  # a page's folder -> its comments, kept unpublished
    future_dates: list[str] = field(default_factory=list)  # comments dated after tomorrow: written undated
    filed_by_letters: list[str] = field(default_factory=list)  # comments in another language than their thread's
    twins: list[str] = field(default_factory=list)  # comments repeating a WordPress comment (see twins.py)

    def unmatched_thread(self, link: str, sent_to: list[str]) -> None:
        """Count a comment on a thread no essay matches, and where site.yml's `redirects` send its address."""
        self.unmatched[link] = self.unmatched.get(link, 0) + 1
        if sent_to:
            self.sent_elsewhere[link] = sent_to[0]
        self.skipped["on threads matching no essay"] += 1

    def brought(self, status: str, path: str, dated_later: bool, by_letters: bool) -> None:
        """Count a comment brought to the file at `path`, and name it where it is worth a look."""
        self.comments[status] += 1
        folder = path.split("/comments/")[0]
        if dated_later:
            self.future_dates.append(path.rsplit(".", 2)[0])
        if folder.startswith("pages/"):  # no thread there, but no reader's words are lost
            self.on_pages[folder] += 1
        if by_letters:
            self.filed_by_letters.append(path)

    def lines(self, dry_run: bool, staged) -> list[str]:
        verb = "would write" if dry_run else "wrote"
        total = sum(self.comments.values()) + sum(self.skipped.values())
        lines = [f"comments: {sum(self.comments.values())} ({self.comments['published']} published, "
                 f"{self.comments['pending']} pending, {self.comments['spam']} spam) of {total} in the export",
                 *reasons_said("comments not imported", self.skipped)]
        if self.future_dates:
            lines.append("comments dated after today, which no one can have written yet (a wrong clock's), written "
                         f"with no date: {first_few(self.future_dates)}")
        if self.filed_by_letters:
            lines.append("comments filed in the language their letters are written in, which their thread's "
                         f"language does not write (one in another: rename its file): {first_few(self.filed_by_letters)}")
        if self.twins:
            lines.append("comments that repeat a WordPress comment of their thread, the same name, minute and words, "
                         "which Disqus does not mark as its copy (`wp_id`); both kept: if they are one comment, "
                         f"delete one: {first_few(self.twins)}")
        if self.on_pages:
            lines.append("of them on pages, kept in the page's comments/ folder but never shown (a page has no thread): "
                         + ", ".join(f"{folder} {count}" for folder, count in sorted(self.on_pages.items())))
        for link, count in sorted(self.unmatched.items()):
            lines.append(f"thread matching no essay ({counted(count, 'comment')}): {shown(link, 200)}" + (
                f", which site.yml's `redirects` send to {shown('/' + self.sent_elsewhere[link], 200)}, a page that "
                "shows no discussion" if link in self.sent_elsewhere else ""))
        if self.unmatched and not self.matched:
            lines.append("no thread matched an essay: import the blog's posts first (`tertulia import wordpress`), "
                         "then this export again")
        elif self.unmatched:  # written nowhere yet, and not lost: the export holds them for the next run
            lines.append("to bring a thread's comments in, add its address to the `aliases` of the essay they belong "
                         "to (or send it there with site.yml's `redirects`), then import this export again")
        lines.append(f"{verb} {counted(len(staged.written), 'file')}; kept {len(staged.kept)} that were already there")
        if staged.moved_on or staged.removed:
            lines.append(f"followed Disqus: {len(staged.moved_on)} updated, {len(staged.removed)} removed")
        lines += staged.left_alone()
        return lines


def import_disqus(export: Path, content: Path, dry_run: bool = False, report=print):
    """Import `export` into the essays of `content`: (summary, what was staged)."""
    if not (content / "posts").is_dir():
        raise ContentProblem(f"{content}: no posts to bring comments to (import the blog's posts first)")
    threads, posts = _first_pass(export)
    summary = DisqusSummary()
    site = _site(content)
    places = {thread: _thread_place(link, identifier, site) for thread, (link, identifier) in threads.items()}
    hosts = {thread: _other_host(link, site) for thread, (link, _) in threads.items() if places[thread][0]}
    summary.matched = sum(1 for folder, _ in places.values() if folder)
    copies = _copies(posts, places, content)
    staging = Staging(content, dry_run, report)

    def deleted(post_id: str) -> bool:  # by hand, since an earlier import: its replies answer the nearest that stays
        folder, lang = places.get(posts[post_id].thread, ("", ""))
        return bool(folder) and deleted_here(content / folder / "comments", f"disqus-{post_id}",
                                             (lang, *site.languages), _deleted_in(folder, post_id, staging, posts))
    finders: dict = {}  # a thread -> where its replies go (see _kept_ancestor)
    twins = Twins(content)
    failed = True
    try:
        for key, element in _posts(export):
            post = posts[key]
            folder, thread_lang = places.get(post.thread, ("", ""))
            lang, by_letters = _filed(element, key, folder, thread_lang, site, staging, posts) if folder else (
                thread_lang, False)
            if post.status not in COMMENT_STATUSES:
                summary.skipped[post.status] += 1
                if post.status == "deleted" and folder:
                    staging.stage(_deleted_since(key, f"{folder}/comments/disqus-{key}.{lang}.md", posts, copies,
                                                 finders, _comment_writer(element, folder, site,
                                                                          hosts.get(post.thread, "")), deleted))
                continue
            if key in copies:
                summary.skipped[COPY] += 1
                continue
            if not folder:
                link = threads.get(post.thread, ("",))[0] or "(a thread missing from the export)"
                summary.unmatched_thread(link, _redirect_targets(_untracked(link) or link, site))
                continue
            path = f"{folder}/comments/disqus-{key}.{lang}.md"
            summary.brought(post.status, path, _dated_later(element, site), by_letters)
            parent = _kept_ancestor(key, posts, copies, finders, deleted)
            written = _comment_writer(element, folder, site, hosts.get(post.thread, ""))
            text = written(post.status, parent)
            if not deleted(key) and (twin := twins.of(folder, text)):
                summary.twins.append(f"{path} ({twin})")
            every_status = tuple(written(status, parent) for status in COMMENT_STATUSES)  # as an earlier import wrote it
            staging.stage({path: Planned(text, every_status, if_recorded=True,
                                         identity=_identity(key, posts),
                                         named_before=other_names(f"disqus-{key}", lang, (lang, *site.languages)))})
        staging.stage(_vanished(content, places, posts, staging))
        staging.move_in()
        failed = False
    finally:
        staging.close(failed)
    return summary, staging.done


def _vanished(content: Path, places: dict[str, tuple[str, str]], posts: dict[str, Post], staging: Staging) -> dict:
    """The comment files an import of one of this export's threads wrote whose comment the export no longer
    holds (deleted on Disqus and dropped from its exports): they go where they are as an import wrote them,
    as the WordPress import removes a comment the blog no longer has. A thread missing from the export loses
    none, nor another forum's thread on the same essay, and a comment translated here none: it is the
    author's now (its translation would answer nothing)."""
    threads: dict[str, list[str]] = {}  # folder -> this export's threads placed there
    for thread, (folder, _) in places.items():
        if folder:
            threads.setdefault(folder, []).append(thread)
    gone = {}
    for folder, placed in sorted(threads.items()):
        by_id: dict[str, list[str]] = {}
        for path in sorted((content / folder / "comments").glob("disqus-*.md")):
            by_id.setdefault(path.name[len("disqus-"):].split(".", 1)[0], []).append(f"{folder}/comments/{path.name}")
        for post_id, paths in by_id.items():
            ours = [identity for thread in placed if staging.wrote(paths[0], identity := _identity(post_id, posts, thread))]
            if post_id not in posts and len(paths) == 1 and ours:
                gone[paths[0]] = Planned(None, if_recorded=True, identity=ours[0])
    return gone


def _site(content: Path) -> Site:
    """What the import needs to know of the site in `content`: its essays, languages, addresses and clock."""
    essays = known(content)
    settings = siteyml.settings(content / SETTINGS)
    return Site(essays, siteyml.languages_in(settings)[0], siteyml.base_url_in(settings), _moved(essays, settings),
                _zone(settings))


def _filed(element, post_id: str, folder: str, lang: str, site: Site, staging: Staging, posts) -> tuple[str, bool]:
    """The language of a comment's file, and whether its letters decided it (see filing.comment_language)."""
    return comment_language(staging.content / folder / "comments", f"disqus-{post_id}",
                            element.findtext(NS + "message") or "", lang, site.languages,
                            _deleted_in(folder, post_id, staging, posts))


def _deleted_in(folder: str, post_id: str, staging: Staging, posts):
    """Whether the author deleted, in a language, the file an earlier import wrote for a comment."""
    return lambda language: staging.deleted_by_hand(f"{folder}/comments/disqus-{post_id}.{language}.md",
                                                    _identity(post_id, posts))


def _copies(posts: dict[str, Post], places: dict[str, tuple[str, str]], content: Path) -> dict[str, str]:
    """Disqus's copies of the blog's own comments (a blog that moved its comments to Disqus, or synced
    them), by key -> the WordPress comment id, where the WordPress import wrote that comment already."""
    copies = {}
    for key, post in posts.items():
        folder = places.get(post.thread, ("", ""))[0]
        comments = content / folder / "comments"
        if post.wp_id and folder and comments.is_dir() and any(comments.glob(f"{post.wp_id}.*.md")):
            copies[key] = post.wp_id
    return copies


def _deleted_since(post_id: str, path: str, posts: dict[str, Post], copies: dict[str, str], finders: dict,
                   written, deleted=lambda post_id: False) -> dict:
    """A comment deleted on Disqus since an earlier import: its file goes, if it is still as `written`
    (_comment_writer's, for its folder) wrote it then."""
    parent = posts[post_id].parent
    parents = dict.fromkeys([_kept_ancestor(post_id, posts, copies, finders, deleted),
                             f"disqus-{parent}" if DISQUS_ID.fullmatch(parent) else "", ""])
    earlier = tuple(written(status, p) for status in COMMENT_STATUSES for p in parents)
    return {path: Planned(None, earlier, if_recorded=True, identity=_identity(post_id, posts))}


def _identity(post_id: str, posts: dict[str, Post], thread: str = "") -> str:
    """What a comment is on Disqus, whatever its text says now: its thread and its own id."""
    return f"disqus thread {thread or posts[post_id].thread} post {post_id}"


def _first_pass(export: Path) -> tuple[dict[str, tuple[str, str]], dict[str, Post]]:
    """Each thread's link and identifier, and each comment's thread, parent and status."""
    threads: dict[str, tuple[str, str]] = {}
    posts: dict[str, Post] = {}
    key_of = _keys()
    started = False
    for event, element in safe_events(export, ("start", "end"), DISQUS):
        if event == "start":
            if not started and element.tag != DISQUS:
                raise not_the_export(export, element.tag, DISQUS)
            started = True
            continue
        if element.tag == NS + "thread" and element.find(NS + "link") is not None:
            threads[element.get(INTERNALS, "")] = ((element.findtext(NS + "link") or "").strip(),
                                                   (element.findtext(NS + "id") or "").strip())
            element.clear()
        elif element.tag == NS + "post":
            key = key_of(element)
            posts[key] = _post(key, element)
            element.clear()
    return threads, posts


def _keys():
    """A function giving each comment, in the export's order, its key: its Disqus id, or (for a second
    comment under one id, or one without a usable id) a key no Disqus id can be. Both passes use one."""
    taken: Counter = Counter()

    def key_of(element) -> str:
        post_id = element.get(INTERNALS, "").strip()
        base = post_id if DISQUS_ID.fullmatch(post_id) else "unnumbered"
        taken[base] += 1
        return base if base != "unnumbered" and taken[base] == 1 else f"{base}-{taken[base]}"
    return key_of


EMPTY = "empty (no words in them)"


def _post(key: str, element) -> Post:
    thread = element.find(NS + "thread")
    parent = element.find(NS + "parent")
    if _flag(element, "isDeleted"):
        status = "deleted"
    elif _flag(element, "isSpam"):
        status = "spam"
    elif (element.findtext(NS + "isApproved") or "true").strip() == "false":
        status = "pending"
    else:
        status = "published"
    message = element.findtext(NS + "message") or ""
    why = comment_refused(message, status == "spam") if status != "deleted" else ""
    if why:  # its replies then answer the nearest comment that comes across
        status = refusal(f"disqus-{key}", why)
    elif status != "deleted" and not comment_markdown(message).strip():
        status = EMPTY  # nothing anyone wrote: a published comment of nothing would be an empty box
    copied = WORDPRESS_COMMENT.fullmatch((element.findtext(NS + "id") or "").strip())
    return Post(thread.get(INTERNALS, "") if thread is not None else "",
                parent.get(INTERNALS, "") if parent is not None else "", status, copied.group(1) if copied else "")


def _flag(element, name: str) -> bool:
    return (element.findtext(NS + name) or "").strip() == "true"


def _posts(export: Path):
    """(key, element) for each comment, in the export's order, each dropped once handed over."""
    key_of = _keys()
    for event, element in safe_events(export, ("end",), DISQUS):
        if element.tag == NS + "post":
            yield key_of(element), element
            element.clear()


@dataclass(frozen=True)
class Site:
    """What a thread's address is compared with: the essays, the site's languages and its base_url; and
    the new URL of each old address the site knows, for the links in comments (see _moved)."""

    essays: Known
    languages: list[str]
    base_url: str
    moved: dict[str, str] = field(default_factory=dict)
    timezone: str = ""  # site.yml's, which dates are written in; "" for UTC


def _moved(essays: Known, settings: dict) -> dict[str, str]:
    """Each old address the site knows (as `same_address` gives it) -> its new URL, no leading `/`: what
    the WordPress import points a post's and a comment's links at (the home, site.yml's redirects, the
    essays' and pages' aliases and sources, an address a page keeps), so that a Disqus comment's links
    lead where theirs do."""
    redirects = settings.get("redirects")
    moved = {"/": ""}
    if isinstance(redirects, dict):
        moved.update((same_address(old), new.lstrip("/")) for old, new in redirects.items()
                     if isinstance(old, str) and isinstance(new, str) and old.startswith("/") and new.startswith("/"))
    moved.update((f"/{_url(folder)}", _url(folder)) for folder in essays.folders)  # `/about/` there and here
    for address, folder in essays.by_address.items():
        olds = [address] if address.startswith("/") else [site_path(address, root) for root in sorted(essays.roots)]
        moved.update((same_address(old), _url(folder)) for old in olds if old)
    return moved


def _url(folder: str) -> str:
    """An essay's or a page's URL on the site, no leading `/`: `posts/<slug>/`, `<slug>/`."""
    return f"{folder}/" if folder.startswith("posts/") else f"{folder.split('/', 1)[1]}/"


def _relinked(body: str, folder: str, site: Site, thread_host: str = "") -> str:
    """A comment's links to the old blog's posts, pages, tags and archives pointed at their new pages,
    relative to its essay's folder, as the WordPress import points them; any other link as written.
    `thread_host`: another host the blog was served at, where the comment's thread was."""
    for root in sorted(site.essays.roots | ({thread_host} if thread_host else set())):
        body = relinked(body, f"{folder}/", root, site.moved)
    return body


def _other_host(link: str, site: Site) -> str:
    """`https://host` of a thread found on an essay at a host none of the essays' sources name (the
    blog's second domain, matched by an alias's path): its comments' links to that host are the
    blog's too. None for a host a source names, whose root (perhaps under a path) is known, and for
    this site's own."""
    try:
        parts = urlsplit(link)
        known_hosts = {urlsplit(root).hostname for root in site.essays.roots} | {urlsplit(site.base_url).hostname}
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.hostname in known_hosts:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def _thread_place(link: str, identifier: str, site: Site) -> tuple[str, str]:
    """The essay a thread was on, and the language its comments are in: the one its address names
    (`/en/…` or `?lang=en` on the old blog, `/en/posts/<slug>/` here), which is a translation's, else the
    essay's original's."""
    said, plain = _language_said(link, site.languages, site.base_url)
    folder = _essay_of(link, site.essays) or (_essay_of(plain, site.essays) if said else "") \
        or _own_page(plain, site) or _post_of(identifier, site.essays) or _page_kept_at(plain, site.essays)
    if not folder:
        folder, named = _redirected(_untracked(link) or link, site, identifier)
        if not folder and said:  # `?p=15&lang=en`: the old address site.yml's redirects name is without it
            folder, named = _redirected(_untracked(plain) or plain, site, identifier)
        said = named or said
    return folder, said or site.essays.languages.get(folder) or "en"


def _redirected(link: str, site: Site, identifier: str = "") -> tuple[str, str]:
    """(the essay, and the language its address names) that site.yml's `redirects` send the thread's
    old address on to (`/en/2014/03/16/coffee/: /en/posts/saudade/`, a translation's own address,
    which no alias can hold), as a path at the blog's root or at the link's own host, whatever it is (the
    blog with or without `www.`: aliases are matched so too), or the WordPress post its `identifier` names
    (`102 https://blog/?p=102`); ("", "") when they send it nowhere such."""
    for target in _redirect_targets(link, site, identifier):
        found = re.fullmatch(rf"(?:([^/]+)/)?{re.escape(POSTS)}/([^/]+)/", target)  # not the home's "" either
        folder = f"posts/{found.group(2)}" if found else ""  # the essay's folder in content/
        if folder in site.essays.folders and (found.group(1) or "") in ("", *site.languages):
            return folder, found.group(1) or ""
        # a page's translation (`/en/about-me/: /en/over-mij/`): its comments are kept, as on the original's address
        if (page := re.fullmatch(r"(?:([^/]+)/)?([^/]+)/", target)) and f"pages/{page.group(2)}" in site.essays.folders \
                and (page.group(1) or "") in ("", *site.languages):
            return f"pages/{page.group(2)}", page.group(1) or ""
    return "", ""


def _redirect_targets(link: str, site: Site, identifier: str = "") -> list[str]:
    """Where site.yml's `redirects` send a thread's old address (see _redirected), first the likeliest."""
    try:
        own_root = "{0.scheme}://{0.netloc}/".format(urlsplit(link))
    except ValueError:
        return []
    olds = [site_path(link, root) for root in dict.fromkeys([*sorted(site.essays.roots), own_root])]
    # with or without the last slash, as an alias is matched: Disqus keeps the address as it was first seen
    olds += [old + "/" for old in olds if old and "?" not in old and not old.endswith("/")]
    if number := WORDPRESS_IDENTIFIER.fullmatch(identifier):
        olds += [f"/?p={number.group(1)}", f"/?page_id={number.group(1)}"]
    return [target for old in olds if old and (target := site.moved.get(same_address(old))) is not None]


def _language_said(link: str, languages: list[str], base_url: str = "") -> tuple[str, str]:
    """(the site's language a link names, as a multilingual blog or this site put it: its first segment
    `/en/…` (on this site, the first under base_url's path) or `?lang=en`; the link without it), or ("", link)."""
    try:
        parts = urlsplit(link)
        query = parse_qsl(parts.query, keep_blank_values=True)
        base = urlsplit(base_url)
    except ValueError:
        return "", link
    by_name = {language.lower(): language for language in languages}
    # a project site's `https://x.github.io/blog/en/posts/…`: its language is under the site's path
    root = base.path.rstrip("/") if parts.hostname and parts.hostname == base.hostname else ""
    within = parts.path[len(root):] if root and parts.path.startswith(root + "/") else parts.path
    first, _, rest = within.lstrip("/").partition("/")
    if first.lower() in by_name:
        return by_name[first.lower()], urlunsplit(parts._replace(path=(root if within != parts.path else "") + "/" + rest))
    said = [by_name[value.lower()] for name, value in query if name == "lang" and value.lower() in by_name]
    if said:
        return said[0], urlunsplit(parts._replace(query=urlencode([(n, v) for n, v in query if n != "lang"])))
    return "", link


def _own_page(link: str, site: Site) -> str:
    """The essay at this site's own address (`<base_url>posts/<slug>/`): a thread on the new site."""
    try:
        base = urlsplit(site.base_url)
        parts = urlsplit(link)
    except ValueError:
        return ""
    if not base.hostname or parts.hostname != base.hostname:
        return ""
    found = re.fullmatch(re.escape(f"{base.path.rstrip('/')}/{POSTS}/") + r"([^/]+)/?", parts.path)
    folder = f"posts/{found.group(1)}" if found else ""  # the essay's folder in content/
    return folder if folder in site.essays.folders else ""


def _page_kept_at(link: str, essays: Known) -> str:
    """The page whose address on the blog it keeps here (`/sobre-mi/`, which WordPress's import gives
    no alias, being the page's own): on a blog its essays came from, or on any host when none says."""
    try:
        parts = urlsplit(link)
    except ValueError:
        return ""
    roots = [urlsplit(root) for root in essays.roots]
    for root in roots or [parts]:
        prefix = root.path.rstrip("/")
        if root.hostname == parts.hostname and parts.path.startswith(prefix + "/"):
            slug = parts.path[len(prefix):].strip("/")
            if "/" not in slug and f"pages/{slug}" in essays.folders:
                return f"pages/{slug}"
    return ""


def _essay_of(link: str, essays: Known) -> str:
    """The essay a thread was on: its source or one of its aliases names the thread's link, as it is
    or, failing that, without what a share or a reply link added to it."""
    if not re.fullmatch(r"https?://\S+", link) or not is_safe_url(link):  # `http://[::1/x/`: no host to read
        return ""
    untracked = _untracked(link)
    folder = essays.find(*_spellings(link), *(_spellings(untracked) if untracked not in ("", link) else ()))
    if not folder and untracked and (same := _same_post(untracked)) != untracked:
        folder = essays.find(*_spellings(same))
    return folder if folder.startswith(("posts/", "pages/")) else ""  # a page keeps its thread, unshown


# What WordPress serves a post under beside its address, where a thread may have been seen first: a page of a
# post split by <!--nextpage--> (`/slug/2/`), its AMP page, a page of its comments (an Italian blog's move)
SAME_POST_SUFFIX = re.compile(r"(?<=/)(?:[0-9]{1,3}|amp|comment-page-[0-9]+)/?$")


def _same_post(link: str) -> str:
    """A thread's link as the post's own address: without what SAME_POST_SUFFIX names, in small letters
    (WordPress finds a post's address in any case)."""
    parts = urlsplit(link)
    return urlunsplit(parts._replace(path=SAME_POST_SUFFIX.sub("", parts.path).lower()))


def _spellings(link: str) -> list[str]:
    """The ways an essay's source or alias may name `link`: http or https, with or without the last
    slash, or as a path on the site."""
    parts = urlsplit(link)
    root = f"{parts.scheme}://{parts.netloc}/"
    other = ("http://" if parts.scheme == "https" else "https://") + link.split("://", 1)[1]
    candidates = [link, other]
    candidates += [c.rstrip("/") if c.endswith("/") else c + "/" for c in (link, other)]
    path = site_path(link, root)
    return candidates + ([path, path.rstrip("/") if path.endswith("/") else path + "/"] if path else [])


def _untracked(link: str) -> str:
    """A thread's link without what a share or a reply link adds to it (`?utm_source=…`,
    `?replytocom=12`, a fragment): Disqus names a thread by the address it was first seen at."""
    try:
        parts = urlsplit(link)
        kept = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)
                if not TRACKING.fullmatch(name)]
    except ValueError:
        return ""
    return urlunsplit(parts._replace(query=urlencode(kept), fragment=""))


def _post_of(identifier: str, essays: Known) -> str:
    """The post or page a WordPress blog's Disqus plugin named its thread after: `123 https://blog/?p=123`,
    `202 https://blog/?page_id=202`."""
    number = WORDPRESS_IDENTIFIER.fullmatch(identifier)
    folder = essays.find(f"/?p={number.group(1)}", f"/?page_id={number.group(1)}") if number else ""
    return folder if folder.startswith(("posts/", "pages/")) else ""


def _kept_ancestor(post_id: str, posts: dict[str, Post], copies: dict[str, str], finders: dict,
                   deleted=lambda post_id: False) -> str:
    """The nearest ancestor in the same thread that comes across, as a comment id (see nearest_kept_finder); a
    copy of a blog comment is there already, under the blog's id; one `deleted` by hand since an earlier
    import is not. `finders`, one per thread, are kept by the caller from one comment to the next."""
    thread = posts[post_id].thread
    if thread not in finders:
        finders[thread] = nearest_kept_finder(
            lambda i: posts[i].parent if i in posts else "",
            lambda i: i in posts and posts[i].status in COMMENT_STATUSES and posts[i].thread == thread and not deleted(i))
    kept = finders[thread](post_id)
    return (copies.get(kept) or f"disqus-{kept}") if kept else ""


def _comment_writer(element, folder: str, site: Site, thread_host: str = ""):
    """A function giving a comment's file under the essay in `folder` for a status and a parent: its date
    on the site's clock, its links to the old blog pointed at the new pages (see _relinked). Its text is
    converted once for all the variants an earlier import may have written."""
    author = element.find(NS + "author")
    email = ((author.findtext(NS + "email") or "") if author is not None else "").strip()
    private = (email,) if "@" in email else ()  # never written: the commenter's own, kept out of what is
    name = private_name(text_of((author.findtext(NS + "name") or "") if author is not None else ""), private)
    date = comment_date(element, site)
    body = _relinked(comment_markdown_without(_unwrapped(element.findtext(NS + "message") or ""), private), folder,
                     site, thread_host)

    def written(status: str, parent: str) -> str:
        return imported_comment(name, date, parent, status, body)
    return written


def _unwrapped(message: str) -> str:
    """A message's links as the commenter wrote them, not through Disqus's redirector (which may not
    outlive the move, and hid a link to the old blog from being pointed at its new page)."""
    return WRAPPED_LINK.sub(lambda found: found.group(1) + html.escape(_target(found.group(2)), quote=True), message)


def _target(wrapped: str) -> str:
    """The address a disq.us link leads to; the link itself when it names none that is http(s)."""
    query = urlsplit(html.unescape(wrapped)).query
    target = SIGNATURE.sub("", dict(parse_qsl(query)).get("url", ""))
    return target if re.match(r"https?://[^\s]+$", target, re.IGNORECASE) else html.unescape(wrapped)


def comment_date(element, site: Site) -> str:
    """A comment's date as its file gives it (see clock.written_yet)."""
    return written_yet(_date(element.findtext(NS + "createdAt") or "", site.timezone))


def _dated_later(element, site: Site) -> bool:
    """Whether a comment has a date comment_date leaves out."""
    return bool(date := _date(element.findtext(NS + "createdAt") or "", site.timezone)) and not written_yet(date)


def _date(created: str, zone: str) -> str:
    """A Disqus date (an instant, in UTC) as `YYYY-MM-DD HH:MM±HH:MM` on the clock of `zone` (the site's
    `timezone`), so that a thread's comments from the blog and from Disqus read on one clock; in UTC
    without one. Nothing for a date the calendar lacks."""
    created = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?",
                           created.strip())
    day, clock, offset = created.groups() if created else ("", "", None)
    if not created or not parse_date(f"{day} {clock}"):
        return ""
    utc = f"{day} {clock}+00:00"
    if offset not in (None, "Z"):  # an offset written out (exports Disqus made give UTC): that instant
        try:
            utc = utc_text(dt.datetime.strptime(f"{day} {clock}{offset}", "%Y-%m-%d %H:%M%z"))
        except (OverflowError, ValueError):
            return ""
    return in_zone(utc, zone)


def _zone(settings: dict) -> str:
    """site.yml's `timezone` when check takes it (it names any other, `localtime` too), else ""."""
    return usable_timezone(settings.get("timezone"))
