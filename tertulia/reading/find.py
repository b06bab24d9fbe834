"""Find content files under content/posts and content/pages, and the files of content/static; nothing is
parsed here."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..aside import forked_workers
from ..errors import ContentError, counted, readable_name, unpublishable
from ..layout import POSTS
from ..theme import KINDS
from .active import active_svg
from .names import MAX_KEY, is_key, key_problem

ESSAY_FILE = re.compile(r"index\.(?P<lang>[^.]+)\.md")
COMMENT_FILE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")
GOOD_COMMENT_FILE = re.compile(r"(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[^.]+)\.md")  # and a good id
# Files beside a post are published next to it as they are (the contract: anything else), but never
# a page or a script, which would run as the site's own (content/static/ is where an author puts one
# on purpose), Markdown, which is content misnamed, or an editor's backup of a text.
NEVER_BESIDE_A_POST = {"html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "md", "markdown", "mdown", "mkd",
                       "orig", "bak", "rej", "swp",
                       # documents a browser runs, opened on their own: XML with a stylesheet, an archived page
                       "xml", "xsl", "xslt", "mht", "mhtml", "svgz", "swf"}
SYMLINK = ("a symbolic link: refused, so that nothing outside the content folder can be published; "
           "put the file itself here")
NOT_A_FILE = "not a regular file or folder (a pipe, socket or device): refused"


def is_scratch(name: str) -> bool:
    """Editors' hidden, swap and backup files: never content, never published."""
    return name.startswith(".") or is_litter(name)  # a backup's `~` is litter's


# backups and swap or lock files of vim (`.x.swp`, its test file `4913`), Emacs (`#x#`, `.#x`), Kate, LibreOffice
# (`.~lock.x#`) and GNOME (`.goutputstream-…`), and the Finder's notes (`.DS_Store`, `._x` beside a file)
EDITOR_LITTER = re.compile(r".*~|\.#.*|#.*#|\..*\.sw[a-p]|.*\.kate-swp|\.~lock\..*#|\.goutputstream-.*|4913|"
                           r"\.DS_Store|\._.+")


def is_litter(name: str) -> bool:
    """What an editor or a file manager leaves beside a file (a backup, swap or lock file, the Finder's
    notes): never published, even from static/, whose hidden files (`.well-known/`) are copied."""
    return EDITOR_LITTER.fullmatch(name) is not None


def never_read(path: str, content: str) -> bool:
    """Whether find_content leaves out the file at `path` by its name alone, as `_entries` skips it: static/'s
    hidden files (`.htaccess`) are published, only an editor's litter is not; elsewhere every hidden file."""
    name = os.path.basename(path)
    under_static = os.path.abspath(path).startswith(os.path.join(os.path.abspath(content), "static", ""))
    return is_litter(name) if under_static else is_scratch(name)


def shown_path(content: Path, path: Path) -> str:
    """A content file's path as errors and the translation record name it: `content/posts/...`."""
    root = content.resolve()
    where = path.parent.resolve() / path.name  # not through the file itself: a link must be named, not followed
    return f"{root.name}/{where.relative_to(root).as_posix()}"


@dataclass(slots=True)  # not frozen, which makes building one four times slower: 40,000 a build
class Source:
    """A Markdown file found under content/: where it is and what its name says."""

    file: str
    path: str  # as errors show it: relative to the content folder's parent
    slug: str
    comment_id: str  # "" for an essay's own text
    lang: str


@dataclass(frozen=True)
class Found:
    """What a walk of content/ found: Markdown sources, files to copy, misnamed files, and files
    left unpublished (warnings)."""

    sources: tuple[Source, ...]
    assets: tuple[tuple[str, Path], ...]
    errors: tuple[ContentError, ...]
    warnings: tuple[ContentError, ...] = ()
    static: tuple[tuple[str, Path], ...] = ()  # content/static/<path>: copied to the site's root as it is
    root: str = "content"  # the content folder as messages name it (`--content src`: `src`)


def is_page(path: str) -> bool:
    """Whether a content file's shown path (`content/pages/<slug>/index.<lang>.md`) is a page's."""
    return path.split("/", 2)[1] == "pages"


def find_content(content_dir: Path) -> Found:
    """Every post and page folder, and every static file, in a stable order; nothing is read yet but an
    SVG beside a post, which may hold a script."""
    content_dir = content_dir.resolve()
    sources, assets, errors, warnings = [], [], [], []
    for folder in ("posts", "pages"):
        shown = f"{content_dir.name}/{folder}"  # paths as errors show them: from the content folder's parent
        if os.path.lexists(content_dir / folder) and not (content_dir / folder).is_dir():
            errors.append(ContentError(shown, 0, f"must be a folder, holding a folder for each of the site's {folder}"))
        for name, path in _folders(content_dir / folder, shown, errors, warnings=warnings):
            before = len(sources)
            _find_in_post(path, name, f"{shown}/{name}", sources, assets, errors, warnings,
                          "" if folder == "posts" else name + "/")
            if len(sources) == before:  # its files would be copied for no page: say why nothing shows
                warnings.append(ContentError(f"{shown}/{name}", 0, f"not published: no index.<lang>.md in it, so "
                                                                   f"there is no {folder[:-1]} to show"))
    warnings += _strangers(content_dir, errors)
    static = []
    for name, path in _folders(content_dir, content_dir.name, errors, only="static"):
        _collect_static(Path(path), "", f"{content_dir.name}/{name}", static, errors)
    return Found(tuple(sources), tuple(assets), tuple(errors), tuple(warnings), tuple(static), content_dir.name)


# What content/ holds besides posts/, pages/ and static/ (a record's lock and an import's state are hidden)
SETTINGS = "site.yml"  # the site's settings (reading/config.py)
RECORD = "translations.json"  # the translators' record (reading/translations.py), beside site.yml
OWN_FILES = {SETTINGS, RECORD}


def _strangers(content_dir: Path, errors) -> list[ContentError]:
    """A warning for each file or folder of content/ that no build reads: an author who put it there
    meant it to be published, or a theme's folder to be used (those go beside content/)."""
    warnings = []
    for name, kind in _entries(content_dir, content_dir.name, []) if content_dir.is_dir() else []:
        if name in OWN_FILES or name in ("posts", "pages", "static") or is_litter(name):
            continue
        if name in KINDS and kind == "dir":
            said = f"a site's own {name}/ goes beside {content_dir.name}/, not in it, to replace the default theme's"
        else:
            said = f"{content_dir.name}/ holds site.yml, posts/, pages/ and static/ (a file for the site's root goes in static/)"
        warnings.append(ContentError(f"{content_dir.name}/{name}", 0, f"not published: {said}"))
    return warnings


def _folders(parent: Path, shown: str, errors, only: str = "", warnings=None):
    """(name, path) of the slug folders in `parent` (or of its one folder `only`); anything else an error,
    but a file beside the slug folders, which is a warning in `warnings` (it is never published)."""
    if parent.is_symlink():
        errors.append(ContentError(shown, 0, SYMLINK))
        return
    for name, kind in _entries(parent, shown, errors) if parent.is_dir() else []:
        if only and name != only:
            continue
        if kind != "dir":
            if kind == "file" and only:
                errors.append(ContentError(f"{shown}/{name}", 0, "must be a folder: its files are copied to the "
                                                                 "site's root as they are"))
            elif kind == "file" and warnings is not None:
                kind_of = shown.rsplit("/", 1)[-1][:-1]  # post, page
                warnings.append(ContentError(f"{shown}/{name}", 0, f"not published: a {kind_of} is a folder "
                                                                   f"{shown}/<slug>/ holding index.<lang>.md"))
            elif kind != "file":
                errors.append(ContentError(f"{shown}/{name}", 0, SYMLINK if kind == "link" else NOT_A_FILE))
        elif not only and not is_key(name):
            errors.append(ContentError(f"{shown}/{name}", 0, f"bad slug `{name[:60]}`: {key_problem(name)}"))
        else:
            yield name, os.path.join(parent, name)


def _collect_static(path: Path, relative: str, shown: str, static, errors) -> None:
    """content/static/ is the site's root as the author wants it: every file, as it is, links refused."""
    for name, kind in _entries(path, shown, errors, skip=is_litter):
        if kind == "dir":
            _collect_static(path / name, f"{relative}{name}/", f"{shown}/{name}", static, errors)
        elif kind == "file":
            static.append((relative + name, path / name))
        else:
            errors.append(ContentError(f"{shown}/{name}", 0, SYMLINK if kind == "link" else NOT_A_FILE))


def _entries(folder, shown: str, errors, skip=is_scratch) -> list[tuple[str, str]]:
    """(name, kind) of a folder's entries, sorted, those `skip` names left out; kind is file, dir, link or
    other. Links are never followed: a link to /etc/passwd must not be published. A folder that cannot
    be listed is an error of its own, said with the others, and so is a name no address can hold."""
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, _kind(entry)) for entry in entries if not skip(entry.name)]
    except OSError as problem:
        errors.append(ContentError(shown, 0, f"cannot be read: {problem.strerror}"))
        return []
    refused = [(name, why) for name, _ in found if (why := unpublishable(name))]
    if refused:  # said here, once, for content/ and all under it: no later stage can name one that is not UTF-8
        errors += [ContentError(f"{shown}/{readable_name(name)}", 0, why) for name, why in refused]
        found = [(name, kind) for name, kind in found if not unpublishable(name)]
    return sorted(found)


def _kind(entry: os.DirEntry) -> str:
    if entry.is_file(follow_symlinks=False):  # asked first: 40,000 of a build's entries are files, never links
        return "file"
    if entry.is_dir(follow_symlinks=False):
        return "dir"
    return "link" if entry.is_symlink() else "other"


def _find_in_post(folder: str, slug: str, shown: str, sources, assets, errors, warnings, page: str = "") -> None:
    """Sort one post folder's files into essay texts, comments and copied files; a page (`page` is its
    URL folder) has no comments."""
    for name, kind in _entries(folder, shown, errors):
        if kind in ("link", "other"):
            errors.append(ContentError(f"{shown}/{name}", 0, SYMLINK if kind == "link" else NOT_A_FILE))
        elif name == "comments" and kind == "dir" and not page:
            comments = os.path.join(folder, name)
            for comment_name, comment_kind in _entries(comments, f"{shown}/comments", errors):
                _find_comment(comments, comment_name, comment_kind, slug, f"{shown}/comments", sources, errors,
                              warnings)
        elif name == "comments" and kind == "dir":  # a page's: an import keeps its readers' words there
            _page_comments(os.path.join(folder, name), f"{shown}/comments", f"{page}comments", assets, errors,
                           warnings)
        elif name == "comments" and kind == "file" and not page:
            errors.append(ContentError(f"{shown}/{name}", 0, "must be a folder, holding the post's comment files"))
        elif kind == "dir" and name.endswith(".md"):
            errors.append(ContentError(f"{shown}/{name}", 0, "a folder, where a Markdown file is expected"))
        elif kind == "file" and (match := ESSAY_FILE.fullmatch(name)):
            sources.append(Source(os.path.join(folder, name), f"{shown}/{name}", slug, "", match["lang"]))
        elif kind == "file" and name.lower().endswith(".md"):  # `index.de.MD`, from an editor that shouts, too
            # a README or notes beside the text is a writer's own: say how to keep it unpublished
            notes = ("" if name.lower().startswith("index") else
                     f"; a note of your own kept here starts with a dot (`.{name}`), and is never published")
            errors.append(ContentError(f"{shown}/{name}", 0, f"{'a page' if page else 'an essay'} file must be "
                                                             f"named index.<lang>.md{notes}"))
        else:
            _collect_assets(Path(folder, name), kind, f"{page or f'{POSTS}/{slug}/'}{name}", f"{shown}/{name}",
                            assets, errors, warnings)


def _page_comments(folder: str, shown: str, url_path: str, assets, errors, warnings) -> None:
    """A page's comments/: its comment files kept, never published, said once; anything else copied."""
    kept = 0
    for name, kind in _entries(folder, shown, errors):
        if kind == "file" and name.lower().endswith(".md"):
            kept += 1
        else:
            _collect_assets(Path(folder, name), kind, f"{url_path}/{name}", f"{shown}/{name}", assets, errors, warnings)
    if kept:
        warnings.append(ContentError(shown, 0, f"not published: pages take no comments; {counted(kept, 'comment file')} "
                                               "kept here (a blog's import brings them, so that no reader's words are "
                                               "lost), shown by no page"))


def _find_comment(folder: str, name: str, kind: str, slug: str, shown_folder: str, sources, errors,
                  warnings) -> None:
    """A comment file; anything else in comments/ is never published, only named."""
    shown = f"{shown_folder}/{name}"
    good = GOOD_COMMENT_FILE.fullmatch(name) if kind == "file" else None
    if good and len(good["id"]) <= MAX_KEY:  # the usual case: 40,000 times a build
        sources.append(Source(f"{folder}/{name}", shown, slug, good["id"], good["lang"]))
    elif kind in ("link", "other"):
        errors.append(ContentError(shown, 0, SYMLINK if kind == "link" else NOT_A_FILE))
    elif kind == "dir" and name.endswith(".md"):
        errors.append(ContentError(shown, 0, "a folder, where a comment file is expected"))
    elif kind == "file" and (match := COMMENT_FILE.fullmatch(name)):
        errors.append(ContentError(shown, 0, f"bad comment id `{match['id'][:60]}`: {key_problem(match['id'])}"))
    else:
        warnings.append(ContentError(shown, 0, "not published: only comment files named <id>.<lang>.md belong "
                                               "in comments/ (an editor's copy or backup?)"))


def _collect_assets(path: Path, kind: str, url_path: str, shown: str, assets, errors, warnings) -> None:
    """Files beside a post are published next to it, folders included, if they are media or documents."""
    if kind == "dir":
        for child, child_kind in _entries(path, shown, errors):
            _collect_assets(path / child, child_kind, f"{url_path}/{child}", f"{shown}/{child}", assets, errors,
                            warnings)
    elif kind in ("link", "other"):
        errors.append(ContentError(shown, 0, SYMLINK if kind == "link" else NOT_A_FILE))
    elif path.suffix.lower() == ".svg" and (why := _runs_code(path)):  # a pull request "adding a picture"
        warnings.append(ContentError(shown, 0, f"not published: {why}, which would run as the site's own when the "
                                               f"file is opened; {shown.split('/', 1)[0]}/static/ publishes one on purpose"))
    elif path.suffix[1:].lower() not in NEVER_BESIDE_A_POST:
        assets.append((url_path, path))
    else:
        beside = "a post" if url_path.startswith(f"{POSTS}/") else "a page"
        warnings.append(ContentError(shown, 0, f"not published: a `{path.suffix}` file beside {beside} would be a "
                                               f"page, a script or text of the site's own; {shown.split('/', 1)[0]}/static/ "
                                               "publishes one on purpose"))


def _runs_code(path: Path) -> str:
    """Why an SVG could run code where the site serves it, or "" (one that cannot be read could)."""
    try:
        return active_svg(file_bytes(str(path)))
    except OSError as problem:
        return f"it could not be read ({problem.strerror}), so could hold a script"


def file_bytes(path: str, folder: int | None = None) -> bytes:
    """A file's bytes in three system calls (open() would add a stat, a terminal check and seeks);
    `folder`, an open folder's descriptor, spares the kernel walking the whole path again."""
    # never through a link, never waiting on a pipe: find refused both, but a file can change since
    descriptor = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    try:
        chunk = os.read(descriptor, 1 << 16)
        if len(chunk) < 1 << 16:  # a regular file reads short only at its end
            return chunk
        chunks = [chunk]
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


PARALLEL_FILES = 2000  # below this many files, another process costs more than it saves


def digest_files(paths: list[str], workers: int | None = None) -> list[str]:
    """The hash of each file's bytes ("" if it cannot be read), shared out over the cores when many."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < PARALLEL_FILES:
        return _digests(paths)
    share = -(-len(paths) // workers)
    parts = [paths[start:start + share] for start in range(0, len(paths), share)]
    # forked workers take the later parts while this process hashes the first; order is kept
    with forked_workers(len(parts) - 1, lambda index: [_digests(parts[index + 1])]) as sent:
        mine = _digests(parts[0])
        theirs = dict(sent)
    return mine + [digest for index in sorted(theirs) for digest in theirs[index]]


def _digests(paths: list[str]) -> list[str]:
    """Hashes of files' bytes; "" for a file that cannot be read (its parse says why)."""
    return ["" if isinstance(data, OSError) else hashlib.sha256(data).hexdigest() for data in contents(paths)]


def contents(paths: list[str]):
    """Each file's bytes, or the OSError that stopped its reading, in order.

    Content files come folder by folder: each folder is opened once and its files from it,
    which spares the kernel walking the whole path for each of 40,000 files.
    """
    folder, descriptor = None, None
    try:
        for path in paths:
            parent, name = os.path.split(path)
            if parent != folder:
                if descriptor is not None:
                    os.close(descriptor)
                descriptor, folder = None, parent  # so a failed open below leaves nothing to close
                try:
                    descriptor = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
                except OSError as problem:
                    yield problem
                    continue
            try:
                yield file_bytes(name, descriptor) if descriptor is not None else file_bytes(path)
            except OSError as problem:
                yield problem
    finally:
        if descriptor is not None:
            os.close(descriptor)


def static_in_the_way(static: Iterable[str]) -> dict[str, str]:
    """The page slugs files of content/static/ take, each with the file: one named as the slug, where the
    page's folder goes, or that folder's `index.html`, the page itself. Any other file in such a folder
    (`static/about/cv.pdf`) is served beside the page."""
    taken: dict[str, str] = {}
    for path in sorted(static):
        top, _, rest = path.partition("/")
        if rest in ("", "index.html"):
            taken.setdefault(top, path)
    return taken
