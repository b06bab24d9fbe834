"""`new post|page|translation|comment`: start a file in the right place, never over an existing one."""

from __future__ import annotations

import datetime as dt
import os
import sys
import unicodedata
from pathlib import Path

from ..model import ANONYMOUS
from ..reading.config import load_config
from ..errors import ContentErrors, counted
from ..reading.markup import Converter
from ..reading.find import COMMENT_FILE, ESSAY_FILE, SETTINGS, SYMLINK, shown_path, static_in_the_way
from ..reading.names import as_written_in, is_key, key_problem, slug_of
from ..reading.read import read_parsed
from .translated import record_new, translation_pair
from ..importers.clock import in_zone, utc_text
from ..reading.validate import STARTER_AUTHOR, STARTER_TITLE, page_slug_collision
from ..reading.yamltext import plain_or_quoted, quoted
from .starter import starter
from ..reading.translations import UNFINISHED as PLACEHOLDER
from .translation_starter import starter_markdown


def scaffold(content: Path, kind: str, slug: str, lang: str | None, reply_to: str = "", comments: bool = False,
             page: bool = False, update: bool = False) -> int:
    """Write the new file and say where it is; 2 for a wrong request, 1 when it would overwrite."""
    try:
        config = load_config(content / SETTINGS, str(content / SETTINGS))
    except ContentErrors as problem:
        print("\n".join(str(e) for e in problem.errors), file=sys.stderr)
        return 1
    title = ""
    if kind in ("post", "page") and not is_key(slug) and _a_title(slug) and (
            made := slug_of(as_written_in(slug, lang or config.main_language))):
        # a title where the slug goes (`new post "কলকাতার ট্রাম"`), as a blog takes one: its slug made of it
        title, slug = " ".join(slug.split()), made
    if not is_key(slug):
        return _usage(f"bad slug `{slug[:60]}`: {key_problem(slug, lang or config.main_language)}")
    static = content / "static"
    # the files static/ holds at the slug, or in its folder, for the rule the build judges them by
    beside = [static / slug, *((static / slug).iterdir() if (static / slug).is_dir() else ())]
    present = [path.relative_to(static).as_posix() for path in beside if path.is_file()]
    collision = kind == "page" and page_slug_collision(slug, config, static_in_the_way(present), content.resolve().name)
    if collision:  # the build would refuse the page: say so now, before anything is written
        return _usage(collision)
    if lang is None and kind == "translation":
        others = [code for code in config.language_codes if code != config.main_language]
        if not others:
            return _usage("site.yml declares one language: there is none to translate into")
        return _usage(f"--lang names the translation's language ({', '.join(others)})")
    lang = lang or config.main_language  # a post, a page or a comment: written in the site's main language, unless told
    if lang not in config.language_codes:
        return _usage(f"language `{lang}` is not in site.yml languages ({', '.join(config.language_codes)})")
    if page and kind != "translation":
        return _usage("--page goes with `new translation`")
    if reply_to and kind != "comment":  # else a reply would silently start as a post
        return _usage("--reply-to goes with `new comment`")
    if update and kind != "translation":
        return _usage("--update goes with `new translation`")
    try:
        # now on the site's clock, as the contract writes a time: a new post's day, a new comment's minute
        now = in_zone(utc_text(dt.datetime.now(dt.timezone.utc)), config.timezone)
        status = _scaffolded(content, kind, slug, lang, reply_to, comments, page, update, now, title)
    except ContentErrors as problem:  # a file the new one starts from does not read
        print("\n".join(str(e) for e in problem.errors), file=sys.stderr)
        return 1
    if status == 0 and title:
        print(f"  its slug, `{slug}`, is made of the title: rename its folder to choose another")
    if status == 0 and kind == "page" and not any(entry.page == slug for entry in config.menu):
        print(f"  a `menu` entry in site.yml links it from every page:  - page: {slug}")
    return status


def _a_title(given: str) -> bool:
    """Whether what `new post` was given for a slug is a title: words, or a word in a script other than
    Latin, or a number in its digits (`۱۲۳`, an Urdu walk: refused as a bad slug, `123` given as the one
    to use) or Ethiopic's numerals (`፲፱፻፹፯`, which are no decimal digits); `Bad_Slug` and `ñandú` are slugs
    mistyped, and are said so."""
    return " " in given.strip() or any(char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")
                                       or char.isdecimal() and not char.isascii() or "\u1369" <= char <= "\u137c"
                                       for char in given)


def _scaffolded(content: Path, kind: str, slug: str, lang: str, reply_to: str, comments: bool, page: bool,
                update: bool = False, now: str = "", title: str = "") -> int:
    """scaffold's work once the request is known to be right."""
    post = _folder(content, kind, slug, page)
    link = _link_on_the_way(content, post)
    if link:  # the build refuses it; `new` must not write, or quote, through it either
        print(f"{link}: {SYMLINK}", file=sys.stderr)
        return 1
    if update and comments:
        return _updated_comments(content, post, lang)
    if update:
        return _updated(content, post, slug, lang)
    if comments:
        if kind != "translation":
            return _usage("--comments goes with `new translation`")
        try:
            return _translations_with_comments(content, post, slug, lang)
        except ValueError as problem:
            return _usage(str(problem))
    try:
        path, text = _new_file(post, kind, slug, lang, reply_to, now, title)
    except ValueError as problem:
        return _usage(str(problem))
    if os.path.lexists(path):
        print(f"{path}: already exists; not overwritten{_the_original_note(path, kind) or _update_note(kind, slug, lang)}"
              f"{_made_of_the_title(kind, lang, title)}", file=sys.stderr)
        return 1
    if kind in ("post", "page") and (held := sorted(other.name for other in post.glob("index.*.md"))):
        # another language's text there: a second original, which the build refuses ("two originals")
        page_option = " --page" if kind == "page" else ""  # a post of the same slug is translated without it
        print(f"{shown_path(content, post)}: holds a {kind} already ({', '.join(held)}); a translation of it is "
              f"`tertulia new translation {slug} --lang {lang}{page_option}`{_made_of_the_title(kind, lang, title)}",
              file=sys.stderr)
        return 1
    _write(path, text)
    if kind == "translation":
        _record(content, path, _original_of(post, slug), trusted=True)
    return 0


def _updated(content: Path, post: Path, slug: str, lang: str) -> int:
    """`--update`: the translation into `lang` put in line with its original's blocks (update_translation)."""
    from .update_translation import NOTHING_TO_UPDATE, update_translation
    translation = post / f"index.{lang}.md"
    if not translation.is_file():
        return _usage(f"{shown_path(content, translation)}: no such translation to update; without --update, "
                      "`new translation` starts it")
    _, original_lang, original = _original_of(post, slug)
    if original_lang == lang:
        return _usage(f"{shown_path(content, translation)} is the original; --lang names the translation's language")
    try:
        print(update_translation(content, translation, original))
    except ContentErrors as problem:  # nothing to do is no error (exit 1 is the contract's for content errors)
        if [error.message.startswith(NOTHING_TO_UPDATE) for error in problem.errors] != [True]:
            raise
        print(f"nothing to update: {problem.errors[0]}")
    return 0


def _updated_comments(content: Path, post: Path, lang: str) -> int:
    """`--comments --update`: each comment translation into `lang` whose original gained or lost blocks put in
    line with it; one that cannot be is said, and the others are done all the same."""
    from .update_translation import NOTHING_TO_UPDATE, update_translation
    done, refused = [], []
    for path in sorted((post / "comments").glob(f"*.{lang}.md")) if (post / "comments").is_dir() else []:
        try:  # the original `translated` pairs it with
            translation, original, _ = translation_pair(content, path)
        except (ValueError, ContentErrors):
            continue  # an original itself, or a file `check` says is wrong
        try:
            done.append(update_translation(content, translation, original, trusted=False))
        except ContentErrors as problem:
            refused += [error for error in problem.errors if not error.message.startswith(NOTHING_TO_UPDATE)]
    print("\n".join(done) if done else f"nothing to update: no `{lang}` comment translation of "
                                          f"{shown_path(content, post)} has fewer or more blocks than its original")
    for error in refused:
        print(error, file=sys.stderr)
    return 1 if refused else 0


def _the_original_note(path: Path, kind: str) -> str:
    """What to add when the file asked for as a translation is the original (`--lang` its language)."""
    if kind != "translation":
        return ""
    parsed, _ = read_parsed(path)
    if parsed is None or "translation_of" in parsed.meta:
        return ""
    return f": it is the original, in `{ESSAY_FILE.fullmatch(path.name)['lang']}`; --lang names the translation's language"


def _made_of_the_title(kind: str, lang: str, title: str) -> str:
    """Where a title made the slug, how to give another (two titles may make one slug: `שָׁלוֹם`, `שלום`)."""
    if not title:
        return ""
    return (f"; its slug is made of the title `{title}`: for another {kind}, give its slug yourself "
            f"(`tertulia new {kind} my-{kind} --lang {lang}`) and write the title in its file")


def _update_note(kind: str, slug: str, lang: str) -> str:
    """How to bring an existing translation's blocks in line with its original's."""
    if kind != "translation":
        return ""
    return (f"; when its original has gained or lost blocks, `tertulia new translation {slug} --lang {lang} --update` "
            "adds and takes them out")


def _folder(content: Path, kind: str, slug: str, of_page: bool = False) -> Path:
    """Where the new file goes: a page's folder for a page, and for the translation of a page (asked
    for, or the slug is only a page's); else the post's."""
    post, page = content / "posts" / slug, content / "pages" / slug
    if kind == "page" or of_page or (kind == "translation" and not os.path.lexists(post) and os.path.lexists(page)):
        return page
    return post


def _link_on_the_way(content: Path, post: Path) -> str:
    """The first link (or pipe, device) where `new` would read or write, as errors name it; "" if none."""
    root = content.resolve()
    candidates = [post.parent, post, post / "comments"]
    for folder in (post, post / "comments"):
        if folder.is_dir() and not folder.is_symlink():
            candidates += sorted(folder.iterdir())
    for path in candidates:
        if path.is_symlink() or (os.path.lexists(path) and not (path.is_file() or path.is_dir())):
            return f"{root.name}/{path.relative_to(content).as_posix()}"
    return ""


def _write(path: Path, text: str) -> None:
    """A new file, never through a link and never over a file that appeared meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    print(f"wrote {path}")


def _record(content: Path, path: Path, original, trusted: bool) -> None:
    """A translation starts out following its original as it is now (see translations.py)."""
    parsed, _, original_path = original
    record_new(content, shown_path(content, path), shown_path(content, original_path),
               Converter().blocks(parsed.body, trusted), parsed.meta, trusted)


def _translations_with_comments(content: Path, post: Path, slug: str, lang: str) -> int:
    """The essay's translation into `lang` if it has none, and every comment's that is missing."""
    essay = post / f"index.{lang}.md"
    written = 0
    if not essay.exists():  # when it exists, it is the translation or the original itself
        original = _original_of(post, slug)
        _write(essay, new_translation(original[:2]))
        _record(content, essay, original, trusted=True)
        written += 1
    pending = 0
    for original in _comment_originals(post):
        parsed, original_lang, path = original
        target = path.with_name(f"{path.name.split('.')[0]}.{lang}.md")
        if original_lang == lang or os.path.lexists(target):
            continue
        if parsed.meta.get("status") == "pending":  # words no one has reviewed yet: translated once published
            pending += 1
            continue
        _write(target, new_translation((parsed, original_lang), titled=False))
        _record(content, target, original, trusted=False)
        written += 1
    if not written:
        print(f"nothing to start: post `{slug}` and its published comments already have `{lang}` versions")
    if pending:
        print(f"left for later: {counted(pending, 'pending comment')}, to translate once published")
    return 0


def _comment_originals(post: Path):
    """(parsed, language, path) of each comment's original, in file order; spam is never translated."""
    for path in sorted((post / "comments").glob("*.md")) if (post / "comments").is_dir() else []:
        parsed, _ = read_parsed(path)
        match = COMMENT_FILE.fullmatch(path.name)
        if parsed and match and "translation_of" not in parsed.meta and parsed.meta.get("status") != "spam":
            yield parsed, match["lang"], path


def _usage(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _new_file(post: Path, kind: str, slug: str, lang: str, reply_to: str, now: str,
              title: str = "") -> tuple[Path, str]:
    """The new file's path and text; `now` (`YYYY-MM-DD HH:MM±HH:MM`) dates a post (its day) and a comment;
    `title`, a post's or a page's, where its writer gave one."""
    if kind == "post":
        return post / f"index.{lang}.md", new_post(lang, now[:10], title)
    if kind == "page":
        return post / f"index.{lang}.md", new_page(lang, title)
    if kind == "translation":
        original = _original_of(post, slug)
        return post / f"index.{lang}.md", new_translation(original[:2])
    if not any(post.glob("index.*.md")):
        raise ValueError(f"there is no post `{slug}` to comment on")
    if reply_to and not is_key(reply_to):
        raise ValueError(f"--reply-to `{reply_to[:60]}` is not a comment id ({key_problem(reply_to)})")
    if reply_to and reply_to not in _comment_ids(post / "comments"):
        raise ValueError(f"post `{slug}` has no comment `{reply_to}` to reply to")
    comment_id = next_comment_id(post / "comments")
    return post / "comments" / f"{comment_id}.{lang}.md", new_comment(lang, reply_to, now)


def new_post(lang: str, today: str = "", title: str = "") -> str:
    """A draft, so nothing half-written is published by accident; its placeholder in its own language,
    which the page will say it is in. Dated `today`, the day its writer started it (as `init`'s first
    essay is): an essay published without a date is listed after every dated one."""
    date = f"date: {today}  # the day you started it; write the day you publish it\n" if today else ""
    return (f'---\ntitle: {quoted(title or STARTER_TITLE)}\nauthor: "{STARTER_AUTHOR}"\n{date}'
            f"tags: []\ndraft: true\n---\n\n{starter(lang).placeholders[0]}\n")


def new_page(lang: str, title: str = "") -> str:
    """A draft page (About, Contact): a post's starter without what pages do not have, a date and tags.
    A `menu` entry in site.yml links it once it is published."""
    return (f'---\ntitle: {quoted(title or STARTER_TITLE)}\ndraft: true\n---\n\n{starter(lang).placeholders[0]}\n')


def new_comment(lang: str, reply_to: str, now: str = "") -> str:
    """Pending until someone reviews it: comments come from the public. Dated `now`, when it was started
    (an undated comment is shown last in its thread, with no date)."""
    reply = f'reply_to: "{reply_to}"\n' if reply_to else ""
    date = f'date: "{now}"  # when it was written\n' if now else "# date: YYYY-MM-DD HH:MM\n"
    return (f'---\nauthor: {ANONYMOUS}\n{date}{reply}status: pending\n---\n\n'
            f"{starter(lang).placeholders[1]}\n")


def new_translation(original, titled: bool = True) -> str:
    """The original's blocks in their own Markdown shape, each marked, so blocks align from the start
    and a finished translation differs from its starter in words alone."""
    parsed, lang = original
    blocks = Converter().blocks(parsed.body, trusted=titled)  # only essays have titles; comments are untrusted
    title = f"title: {quoted(PLACEHOLDER + ': ' + str(parsed.meta.get('title', '')))}\n" if titled else ""
    summary = parsed.meta.get("summary")  # listings and feeds show it: left out, they showed the original's words
    if titled and isinstance(summary, str) and summary.strip():
        title += f"summary: {quoted(PLACEHOLDER + ': ' + ' '.join(summary.split()))}\n"
    head = f'---\n{title}translation_of: {plain_or_quoted(lang)}\n# translator: ""\n---\n'
    return "\n".join([head, *(starter_markdown(block, titled) + "\n" for block in blocks)])


def _original_of(post: Path, slug: str):
    """The post's original: the one language file without translation_of."""
    unread = []
    for path in sorted(post.glob("index.*.md")):
        parsed, error = read_parsed(path)
        if parsed and "translation_of" not in parsed.meta:
            return parsed, ESSAY_FILE.fullmatch(path.name)["lang"], path
        unread += [error] * bool(error)
    if unread:  # the original may be among them: its error is the one to fix, said at its line
        raise ContentErrors(unread)
    kind = "page" if post.parent.name == "pages" else "post"
    if not post.is_dir():  # "has no original" read as if the post were there
        raise ValueError(f"there is no {kind} `{slug}` ({post.parent.parent.resolve().name}/{post.parent.name}/{slug}/ does not "
                         f"exist): start it with `tertulia new {kind} {slug}`")
    raise ValueError(f"{kind} `{slug}` has no original to translate")


def _comment_ids(folder: Path) -> set[str]:
    """The ids of the comment files in a folder, read from their names (never a glob of a given id)."""
    names = (COMMENT_FILE.fullmatch(p.name) for p in folder.iterdir()) if folder.is_dir() else ()
    return {name["id"] for name in names if name}


def next_comment_id(folder: Path) -> str:
    """The next free number, since most comment ids are the source's numbering."""
    numbers = [int(i) for i in _comment_ids(folder) if i.isdigit() and len(i) < 30]
    return str(max(numbers, default=0) + 1)
