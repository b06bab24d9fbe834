"""The language an imported comment's file takes: the one its original file has already (an earlier
import's, or the author's rename), else the one its letters name (reading/scripts.py), else its post's.
A second import must never write a second original of one comment: that stops the build."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..reading.scripts import language_of_letters

TRANSLATION = re.compile(r"^translation_of\s*:", re.MULTILINE)
HEAD = 4096  # a comment file's front matter, and more: where `translation_of` is written


def comment_language(folder: Path | None, name: str, text: str, lang: str, languages,
                     deleted: Callable[[str], bool]) -> tuple[str, bool]:
    """(the language of the comment's file, whether its letters decided it): `name` is its file's name
    without `.<lang>.md` (`12`, `disqus-12`), `folder` its post's comments/, `text` its words on the
    blog, `lang` its post's language; `deleted(language)`, whether the author deleted the file an
    earlier import wrote in that language (it stays so, under that name)."""
    candidates = tuple(dict.fromkeys((lang, *languages)))
    if folder is not None and (there := original_there(folder, name, candidates)):
        return there, False
    for language in candidates:
        if deleted(language):
            return language, False
    other = language_of_letters(text, lang, languages)
    return (other, True) if other else (lang, False)


def deleted_here(folder: Path | None, name: str, languages, deleted: Callable[[str], bool]) -> bool:
    """Whether the author deleted the comment's file an earlier import wrote, in whichever language it
    was filed (`deleted(language)`), and has not renamed it to another (its replies then move up)."""
    return not original_there(folder, name, languages) and any(map(deleted, dict.fromkeys(languages)))


def original_there(folder: Path | None, name: str, languages) -> str:
    """The language of the comment's original file in `folder` (one not a translation), "" if none."""
    for language in (dict.fromkeys(languages) if folder is not None else ()):
        path = folder / f"{name}.{language}.md"
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                head = file.read(HEAD)
        except OSError:  # not there (or not a file): the usual case
            continue
        front = head.split("\n---", 1)[0] if head.startswith("---") else ""
        if not TRANSLATION.search(front):
            return language
    return ""


def other_names(name: str, filed: str, languages) -> tuple[str, ...]:
    """The names the comment's file may have had in the site's other languages (see staging.Planned)."""
    return tuple(f"{name}.{language}.md" for language in dict.fromkeys(languages) if language != filed)
