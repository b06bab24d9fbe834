"""What a translator got wrong in a catalog, said at its line: a page would otherwise quietly show English.

A translation that names a placeholder its message does not give (`por %(nope)s`), gives one the
wrong type (`%(author)d`) or leaves a `%` unpaired cannot be filled, so the page falls back to the
English phrase: a warning with the catalog's path and line. A line Babel cannot parse it skips with
a note on standard output, where nobody reads it, and a string without its closing quote it reads a
letter short, without a word: pages would show words the translator did not write, so these are
errors, as they are for gettext's own msgfmt.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.pofile import PoFileError, read_po

from ..theme import ENGLISH

if TYPE_CHECKING:
    from .ui import Interface

PERCENT = re.compile(r"%\((\w+)\)([sd])")  # the Python messages' placeholders: `%(author)s`, `%(num)d`
BRACES = re.compile(r"\{(\w+)\}")  # the scripts' messages' placeholders: `{count}`
WRITTEN = re.compile(r'(?:msg(?:id|id_plural|str|str\[\d+\]|ctxt)\s+)?"(?:[^"\\]|\\.)*"')  # one line of a .po file
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')  # a line's string, from its opening quote to its closing one


def pybabel_folder(lang: str) -> str:
    """The folder a language's catalog goes in as `pybabel init -l` names it (`pt_BR`, `zh_Hant`: Babel
    refuses `zh-Hant`); the build reads either spelling."""
    return lang.replace("-", "_")


def read_catalog(file) -> tuple[object, list[tuple[int, str]]]:
    """The catalog in a .po file, and (line, why) for the first line Babel could not parse: it is read
    again leniently (Babel's note to stdout silenced), for the other errors a run says."""
    raw = file.read().removeprefix(b"\xef\xbb\xbf")  # a byte order mark, which some editors write: not a word
    unclosed = _unclosed(raw)  # Babel reads `msgstr "Etiquetas` as "Etiqueta", and says nothing
    try:
        return read_po(io.BytesIO(raw), abort_invalid=True), unclosed
    except PoFileError as problem:
        with contextlib.redirect_stdout(io.StringIO()):
            catalog = read_po(io.BytesIO(raw))
        said = str(problem).rsplit(" on ", 1)[0]
        line = problem.lineno + 1
        return catalog, unclosed + ([] if any(at == line for at, _ in unclosed) else [(line, f"cannot be read here ({said})")])


def _unclosed(raw: bytes) -> list[tuple[int, str]]:
    """(line, why) for each line of the catalog that Babel would read wrong without a word. Lines as
    Babel and gettext count them, at each \\n: a line separator or a form feed inside a string is text."""
    found = []
    for number, line in enumerate(raw.decode("utf-8", "replace").split("\n"), 1):
        text = line.strip(" \t\r")
        if not text.startswith(("msg", '"')) or WRITTEN.fullmatch(text):
            continue
        if '"' in text and not QUOTED.search(text):
            found.append((number, "a string without its closing quote (\"): Babel would read it a letter short"))
        else:
            found.append((number, 'not as a catalog writes it (msgid "…", msgstr "…", or a "…" line continuing one)'))
    return found


def placeholder_problems(catalog) -> list[tuple[int, str, str]]:
    """(line, why, message id) for each translation that cannot be filled with its message's values: it is
    left out, so a page shows the phrase as the next catalog has it (the theme's, under a site's own)."""
    problems = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        plural = isinstance(message.id, tuple)
        source, name = (message.id[-1], message.id[0]) if plural else (message.id, message.id)
        forms = message.string if plural else (message.string,)
        why = next((why for form in forms if form and (why := _unfillable(source, form))), None)
        # a plural's form may leave its number out ("تعليق واحد", one comment); a phrase that leaves out a value
        # has lost it (`Essays tagged %(tag)s` as "Stukken met dit trefwoord": the tag's page named no tag)
        why = why or (not plural and message.string and _left_out(source, message.string))
        if why:
            problems.append((message.lineno, f"the translation of “{name}” {why}; pages show the theme's "
                                             "translation instead, or the English phrase where it has none", name))
    return problems


def _left_out(source: str, translation: str) -> str | None:
    """Why `translation` shows less than `source` gives: a placeholder of it left out, or None."""
    lacking = [f"%({name})s" for name, _ in PERCENT.findall(source) if f"%({name})" not in translation]
    lacking += [f"{{{name}}}" for name in BRACES.findall(source) if f"{{{name}}}" not in translation]
    return f"leaves out {lacking[0]}, which the message gives" if lacking else None


def _unfillable(source: str, translation: str) -> str | None:
    """Why `translation` cannot be filled as `source` is, or None."""
    given = {name: 1 if kind == "d" else "x" for name, kind in PERCENT.findall(source)}
    if given:
        try:
            translation % given
        except KeyError as missing:
            return f"names %({missing.args[0]})s, which the message does not give"
        except ValueError as problem:  # `%(author` or a lone `%`
            return f"has a placeholder that cannot be filled ({problem}; a % of the text is written %%)"
        except TypeError as problem:  # `%(author)d` for a name, `%s` where the message names its values
            return f"has a placeholder that cannot be filled ({problem}); write them as the message does"
    unknown = sorted(set(BRACES.findall(translation)) - set(BRACES.findall(source)))
    if unknown:
        return f"names {{{unknown[0]}}}, which the message does not give"
    return None


def unreadable(interface: Interface) -> list[tuple[str, int, str]]:
    """(its path under locales/, line, why) for each catalog the site's languages use that cannot be read: a file
    saved in another encoding, a plural rule that is no C expression, a line Babel cannot parse."""
    found: list[tuple[str, int, str]] = []
    for path, shown in interface.used_catalogs():
        try:
            found += [(shown, line, why) for line, why in interface.catalog(path).unparsed]
        except UnicodeDecodeError:
            raw = path.read_bytes()
            found.append((shown, _first_bad_line(raw), "not valid UTF-8; save it as UTF-8"))
        except LookupError as problem:  # its header's charset, which Python does not know
            found.append((shown, _line_holding(path, "charset="),
                          f"its charset is not one Python knows ({problem}); write charset=UTF-8"))
        except (ValueError, SyntaxError, RecursionError) as problem:  # gettext's verdict on Plural-Forms
            found.append((shown, _line_holding(path, "Plural-Forms"), f"its Plural-Forms cannot be read ({problem})"))
    return found

def problems(interface: Interface) -> list[tuple[str, int, str]]:
    """(its path under locales/, line, why) for each line of the catalogs the site's languages use
    that a page cannot use as written (see catalog_check)."""
    return [(shown, line, why) for path, shown in interface.used_catalogs() for line, why in interface.catalog(path).problems]

def missing(interface: Interface) -> list[str]:
    """The site's languages with no catalog, whose pages use English words (unless site.yml accepts it)."""
    return [lang for lang in interface.config.language_codes
            if lang.split("-")[0] != ENGLISH and interface.catalog_path(lang) is None
            and lang not in interface.config.english_interface]

def unknown_messages(interface: Interface, wanted: frozenset[str], own: Path | None, own_templates: str) -> list[tuple[str, int, str]]:
    """(path under locales/, line, why) for each message of the site's own catalogs (under `own`) that
    neither the theme (`wanted`, see template_messages) nor the site's own templates ask for: a misspelt
    msgid (`Serch`) is never shown, and nothing said so."""
    if own is None or not wanted:
        return []
    found = []
    for path, shown in interface.used_catalogs():
        if own not in path.parents:
            continue
        with path.open("rb") as file:
            po, _ = read_catalog(file)
        for message in po:
            name = message.id if isinstance(message.id, str) else (message.id or ("",))[0]
            # as a template writes it: `_("Say \"hi\"")` holds the msgid `Say "hi"`
            written = (name, name.replace('"', '\\"'), name.replace("'", "\\'"))
            if not name or name in wanted or any(form in own_templates for form in written):
                continue
            near = difflib.get_close_matches(name, sorted(wanted), n=1, cutoff=0.8)
            meant = f"; is it meant to be “{near[0]}”?" if near else ""
            found.append((shown, message.lineno, f"no template asks for the message “{name}”, so its "
                                                 f"translation is never shown{meant}"))
    return found

def incomplete(interface: Interface, wanted: frozenset[str]) -> list[tuple[str, str, int]]:
    """(language, its catalog's path under locales/, how many messages it lacks) for each catalog the
    site's languages use that lacks messages of the theme's (`wanted`, see template_messages); each
    catalog once."""
    if not wanted:
        return []
    found, seen = [], set()
    for lang in interface.config.language_codes:
        path = interface.catalog_path(lang)
        if path is None or path in seen or lang in interface.config.english_interface:
            continue
        seen.add(path)
        catalog = interface.words(lang).catalog
        lacking = len(wanted - catalog.texts.keys() - catalog.plurals.keys())
        if lacking:
            found.append((lang, path.relative_to(path.parents[2]).as_posix(), lacking))
    return found


def template_messages(template: Path) -> frozenset[str]:
    """The messages the theme's templates ask for, by their singular, from its messages.pot (none without one)."""
    if not template.is_file():
        return frozenset()
    with template.open("rb") as file:
        return frozenset(m.id if isinstance(m.id, str) else m.id[0] for m in read_po(file) if m.id)


def _line_holding(path: Path, words: str) -> int:
    """The first line of a catalog holding `words` (a header's), counted as gettext counts lines, else 1."""
    text = path.read_bytes().decode("utf-8", "replace")
    return next((number for number, line in enumerate(text.split("\n"), 1) if words in line), 1)


def _first_bad_line(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        return raw.count(b"\n", 0, problem.start) + 1
    return 1
