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
import io
import re

from babel.messages.pofile import PoFileError, read_po

PERCENT = re.compile(r"%\((\w+)\)([sd])")  # the Python messages' placeholders: `%(author)s`, `%(num)d`
BRACES = re.compile(r"\{(\w+)\}")  # the scripts' messages' placeholders: `{count}`
WRITTEN = re.compile(r'(?:msg(?:id|id_plural|str|str\[\d+\]|ctxt)\s+)?"(?:[^"\\]|\\.)*"')  # one line of a .po file
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')  # a line's string, from its opening quote to its closing one


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
        if why:
            problems.append((message.lineno, f"the translation of “{name}” {why}; pages show the theme's "
                                             "translation instead, or the English phrase where it has none", name))
    return problems


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
