"""`status`: per essay, per comment thread, per page and per language, which translations are current,
unfinished (blocks still holding the starter's marker), outdated (which blocks, and what changed) or
missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ContentError, counted
from ..model import Comment, Essay, Site, SitePage, Text, Versions
from ..reading.translations import blocks_named, listed, opening_words, still_marked, word_diff, words_of
from ..reading.findings import text_of

MISSING_SHOWN = 8  # ids named per language before "and N more"


@dataclass
class Tally:
    """Translations counted over the whole site, for the last line."""

    current: int = 0
    outdated: int = 0
    blocks: int = 0
    titles: int = 0  # outdated titles: a translation whose title alone is stale is outdated by no block
    summaries: int = 0  # outdated summaries, alike
    missing: int = 0
    unfinished: int = 0  # translations with blocks still holding the starter's marker
    both: int = 0  # of those, the ones outdated too: counted in each, said so, so that the counts add up
    with_errors: int = 0  # translations whose file has a content error: neither current nor missing
    untracked: list[str] = field(default_factory=list)  # translations with no record of the original they follow
    # of the current ones, those untracked: current only as far as anyone can tell, which the summary says
    # (a maintainer's walk: "5 translations current" under a hint naming the same five as untracked)
    current_untracked: int = 0
    details: list[tuple[str, int, str]] = field(default_factory=list)  # (path, line, line of the report)

    def summary(self, essays: int, pages: int, comments: int) -> str:
        """The last line, in the shape scripts already read; pages are named where there are any (their
        translations count in its numbers)."""
        return (f"{counted(essays, 'essay')}, " + (f"{counted(pages, 'page')}, " if pages else "")
                + f"{counted(comments, 'comment')}: "
                f"{counted(self.current, 'translation')} current"
                + (f" ({self.current_untracked} untracked)" if self.current_untracked else "")
                + f", {self.outdated} outdated "
                f"({counted(self.blocks, 'block')}"
                + (f", {counted(self.titles, 'title')}" if self.titles else "")
                + (f", {counted(self.summaries, 'summary', 'summaries')}" if self.summaries else "")
                + f"), {self.missing} missing"
                + (f", {self.unfinished} unfinished" if self.unfinished else "")
                + (f" ({self.both} of them outdated too)" if self.both else "")
                + (f", {self.with_errors} with errors" if self.with_errors else ""))


def status_report(site: Site, gone: list[str] | tuple[str, ...] = (), errors: list[ContentError] = (),
                  content=None, shifted: list[ContentError] | tuple = ()) -> list[str]:
    """The report's lines: a block per essay, the outdated and unfinished blocks as `path:line:`, then
    a summary. `gone`: translations the record names that are no longer there. `errors`: the content's,
    said above the report (the site then holds what could be validated despite them); a file with one
    is said to have errors where its state would be, so that no state of it is guessed. `content`: the folder,
    to tell a post folder gone (renamed?) from a file deleted in one still there."""
    tally = Tally()
    erred = frozenset(error.path for error in errors)
    lines = []
    languages = site.config.language_codes
    for essay in sorted(site.essays, key=lambda e: e.slug):
        lines.append(f"{essay.slug} (original in {essay.original.lang}{_own_errors(essay, erred)})")
        lines.append("  essay:    " + " · ".join(_essay_state(essay, lang, tally, erred)
                                                 for lang in languages if lang != essay.original.lang))
        if essay.comments:
            states = (_thread_state(essay.comments, lang, tally, essay.text(lang) is not None, erred)
                      for lang in languages)
            said = " · ".join(state for state in states if state)
            lines.append(f"  comments ({len(essay.comments)}): "
                         + (said or "nothing to translate (each is in the language of every page that shows it)"))
    for page in sorted(site.pages, key=lambda p: p.slug):  # translated block by block as essays are
        lines.append(f"{page.slug} (page, original in {page.original.lang}{_own_errors(page, erred)})")
        lines.append("  page:     " + " · ".join(_essay_state(page, lang, tally, erred)
                                                 for lang in languages if lang != page.original.lang))
    lines += _left_out(site, erred)
    comments = sum(len(essay.comments) for essay in site.essays)
    hint = ["once a translation follows its original again, `tertulia translated PATH [--block N|title|summary]` records "
            "that"] if tally.outdated else []
    if tally.missing:  # a reply written in the translation's language is translated into the original's too
        hint.append("`tertulia new translation SLUG --lang LANG` starts a missing translation; with `--comments`, "
                    "those of the thread's comments into LANG (the essay's own language too, for replies written "
                    "in another)")
    if tally.untracked:  # written by hand: nothing says which version of its original it follows
        hint.append(_untracked(tally.untracked))
    if gone:  # most often a renamed post folder, whose translations are then the untracked ones above
        folder = _gone_folder(gone, content)
        renamed = (f": a renamed {folder[0]}'s original then lists its old address in `aliases`, e.g. "
                   f"`aliases: [/{folder[1]}/]`, so that its old links still lead to it and the record follows it"
                   if folder else "")
        # a file deleted from a folder still there is no post deleted (a page's translation)
        why = f"a {folder[0]} deleted or its folder renamed{renamed}" if folder else "deleted"
        hint.append(f"the translation record still names {listed(gone, MISSING_SHOWN)}, no longer there ({why}); the "
                    f"next `tertulia translated`, of any translation, drops {'them' if len(gone) > 1 else 'it'}")
    # a translation whose original's blocks moved, came or went (translation_checks's warning): its outdated blocks
    # above are beside other paragraphs, which `--update` mends before anything is recorded
    details = sorted(tally.details) + [(error.path, error.line, str(error)) for error in shifted]
    return lines + [text for *_, text in sorted(details)] + hint + [tally.summary(len(site.essays), len(site.pages), comments)]


def _gone_folder(gone: list[str], content) -> tuple[str, str] | None:
    """("post" or "page", its old address) of the first folder the record names that is wholly gone (a file
    deleted from a folder still there is no rename), or None."""
    for path in gone:
        parts = path.split("/")
        if len(parts) >= 4 and parts[1] in ("posts", "pages") and content is not None \
                and not (content / parts[1] / parts[2]).is_dir():
            return ("page", parts[2]) if parts[1] == "pages" else ("post", f"posts/{parts[2]}")
    return None


def _path_in(versions: Versions, lang: str) -> str:
    """Where the `lang` version of an essay, page or comment is, or would be."""
    return f"{text_of(versions.original.path)}.{lang}.md"


def _own_errors(versions: Versions, erred: frozenset) -> str:
    """Said after the original's language when the original's own file has an error: its translations
    are reported all the same, since they follow its blocks, not its front matter."""
    return "; it has errors, see above" if versions.original.path in erred else ""


def _left_out(site: Site, erred: frozenset) -> list[str]:
    """A line for each essay or page whose errors leave it out of the site (a file that does not
    parse, no original): its translations' states cannot be said, but it must not go unmentioned."""
    shown = {("posts", essay.slug) for essay in site.essays} | {("pages", page.slug) for page in site.pages}
    folders = {tuple(path.split("/")[1:3]) for path in erred if path.count("/") >= 3}
    return [f"{slug} ({'page, ' if kind == 'pages' else ''}left out: it has errors, see above)"
            for kind, slug in sorted(folders) if kind in ("posts", "pages") and (kind, slug) not in shown]


def _essay_state(essay: Essay | SitePage, lang: str, tally: Tally, erred: frozenset) -> str:
    if _path_in(essay, lang) in erred:  # neither current nor missing: what it is waits on its error
        tally.with_errors += 1
        return f"{lang} has errors (see above)"
    text = essay.text(lang)
    if text is None and not essay.translate:  # its writer keeps it in one language: nothing is missing
        return f"{lang} not to translate (translate: false)"
    if text is None:
        tally.missing += 1
        return f"{lang} missing"
    states = []
    if text.unfinished_line:
        states.append(f"unfinished ({_unfinished(text, tally)})")
    if text.stale or text.stale_title is not None or text.stale_summary is not None:
        _outdated(essay.original, text, tally)
        parts = (["title"] if text.stale_title is not None else []) + (
            ["summary"] if text.stale_summary is not None else []) + (
            [blocks_named(index + 1 for index, *_ in text.stale)] if text.stale else [])
        states.append(f"outdated ({', '.join(parts)})")
        tally.both += bool(text.unfinished_line)
    if not states:
        tally.current += 1
        tally.current_untracked += text.untracked
        states.append("translated")
    if text.untracked:  # the state words stay: "translated" is all a translation without a record can be
        tally.untracked.append(text.path)
    return f"{lang} " + ", ".join(states)


def _untracked(paths: list[str]) -> str:
    """The translations nothing records the original's version of, so that a change to it would go unnamed."""
    shown = listed(paths, MISSING_SHOWN)
    return (f"untracked (no record of the original they follow, so a change to it goes unnamed): {shown}; once one "
            "follows its original, "
            "`tertulia translated PATH [PATH ...]` records that (`tertulia new translation` records what it starts)")



def _thread_state(comments: tuple[Comment, ...], lang: str, tally: Tally, essay_in_lang: bool,
                  erred: frozenset) -> str:
    """One language over a thread: how its comments written in other languages are translated into it
    ("" when every comment was written in it). Where the essay itself is not in that language there is no
    page to show the thread in it: its comments are not missing there, the essay is."""
    current, outdated, missing, unfinished, with_errors = 0, [], [], [], []
    for comment in comments:
        if comment.original.lang == lang:
            continue
        if _path_in(comment, lang) in erred:
            with_errors.append(comment.id)
            continue
        text = comment.text(lang)
        if text is None:
            if essay_in_lang:
                missing.append(comment.id)
            continue
        if text.unfinished_line:
            unfinished.append(comment.id)
            _unfinished(text, tally)
        if text.stale:
            outdated.append(comment.id)
            _outdated(comment.original, text, tally)
            tally.both += bool(text.unfinished_line)
        if text.untracked:  # a comment's translation written by hand: a change to its original goes unnamed
            tally.untracked.append(text.path)
        if not (text.unfinished_line or text.stale):
            current += 1
            tally.current_untracked += text.untracked
    if not (current or outdated or missing or unfinished or with_errors):
        return ""
    tally.current += current
    tally.missing += len(missing)
    tally.with_errors += len(with_errors)
    parts = [f"{current} translated"]
    if unfinished:
        parts.append(f"{len(unfinished)} unfinished ({_named(unfinished)})")
    if outdated:
        parts.append(f"{len(outdated)} outdated ({_named(outdated)})")
    if missing:
        parts.append(f"{len(missing)} missing ({_named(missing)})")
    if with_errors:
        parts.append(f"{len(with_errors)} with errors ({_named(with_errors)}; see above)")
    return f"{lang} " + ", ".join(parts)


def _unfinished(text: Text, tally: Tally) -> str:
    """Count a translation still holding the starter's marker, and name where a translator will look."""
    tally.unfinished += 1
    numbers = [index + 1 for index in text.unfinished]
    said = still_marked(text.unfinished_fields, numbers)
    tally.details.append((text.path, text.unfinished_line, f"{text.path}:{text.unfinished_line}: {said}"))
    return ", ".join(text.unfinished_fields + ((blocks_named(numbers),) if numbers else ()))


def _named(ids: list[str]) -> str:
    """`comment 1` or `comments 1, 2`: an id such as `1` alone read as one more count."""
    shown = ("comments " if len(ids) > 1 else "comment ") + ", ".join(ids[:MISSING_SHOWN])
    return shown + (f" and {len(ids) - MISSING_SHOWN} more" if len(ids) > MISSING_SHOWN else "")


def _outdated(original: Text, translation: Text, tally: Tally) -> None:
    """Count a translation with stale blocks, and name each block where a translator will look."""
    tally.outdated += 1
    tally.blocks += len(translation.stale)
    if translation.stale_title is not None:
        tally.titles += 1
        old, line = translation.stale_title
        tally.details.append((translation.path, line, f"{translation.path}:{line}: title outdated; the original's "
                              f"is now “{original.title}”; changed: {word_diff(old, original.title)}"))
    if translation.stale_summary is not None:
        tally.summaries += 1
        old, line = translation.stale_summary
        now = " ".join(original.summary.split())
        said = (f"the original's is now “{now}”; changed: {word_diff(old, now)}" if old and now
                else f"the original has one now: “{now}”" if now else f"the original has none now (it was “{old}”)")
        tally.details.append((translation.path, line, f"{translation.path}:{line}: summary outdated; {said}"))
    current = words_of(original.blocks)
    stale_at = {index: old for index, old, _ in translation.stale}
    for index, old, line in translation.stale:
        now, begins = current[index], opening_words(original.blocks[index])
        # a block the original moved: its words diffed with the paragraph that took its place were noise.
        # Moved to a place whose own block changed too: the same words where they already stood (a second
        # "Fin.") are no move, and this block's edit is shown
        moved_to = next((at for at, words in enumerate(current)
                         if words == old and at != index and at in stale_at and stale_at[at] != words), None)
        said = (f"its original, unchanged, is now block {moved_to + 1} (see the moved blocks)" if moved_to is not None
                else f"the original now begins “{begins}”; changed: {word_diff(old, now)}")
        tally.details.append((translation.path, line, f"{translation.path}:{line}: block {index + 1} outdated; {said}"))
