"""Full-text search with no server: a Pagefind index of what readers read, built as a stage of the build.

The index is made from the model, not by crawling the pages: one document per essay (or page
of content/pages/) and language, holding its title, author and summary, each paragraph (`id="pN"`, as on the page) and
each published comment in that language with its writer's name (`id="comment-ID"`). So navigation and controls are never indexed,
and drafts, pending comments and spam never reach it. All languages share one index (Pagefind's
`force_language`), so a word finds its essay from any page; a `language` filter narrows it.
The search page's script maps a hit to the paragraph or comment before it and opens the
side-by-side page there.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from html import escape
from pathlib import Path

from ..errors import ToolFailed
from ..interruptions import HELD, PR_SET_PDEATHSIG, scratch_folder
from ..layout import PAGEFIND
from ..site import routes
from ..model import ANONYMOUS, ELISIONS, Essay, Site, Text, elides
from ..reading.markup import images_described
from ..site.ui import english_name
from ..site.views import beside_original

# A footnote's number and its way back (↩) are signs, not words: an excerpt read "minarets 1. What I saw"
NOT_WORDS = ("--exclude-selectors", ".footnote-ref", "--exclude-selectors", ".footnote-backref")
SHARED_LANGUAGE = "en"  # Pagefind needs one language to put every document in one index
# Languages written without spaces between words: Pagefind's extended build cuts their text into words
# when the index is in one of them, and its script cuts a reader's query the same way (Intl.Segmenter)
SEGMENTED = ("ja", "zh", "th")
EXTENDED = "pagefind[extended]>=1.5"  # the build of Pagefind that cuts them, as a requirement


def index_language(site: Site) -> str:
    """The shared index's language: the first declared one whose words need cutting, else English."""
    return next((lang for lang in site.config.language_codes if needs_cutting(lang)), SHARED_LANGUAGE)


def needs_cutting(lang: str) -> bool:
    """Whether a language is written without spaces between its words (Japanese, Chinese, Thai)."""
    return lang.split("-")[0].lower() in SEGMENTED


def unavailable(site: Site) -> str:
    """Why this build makes no search index ("" when it does)."""
    if not site.config.search:
        return "search: false in site.yml"
    if all(item.draft for item in site.essays + site.pages):  # Pagefind refuses to make an empty index
        return "nothing is published yet to index"
    if importlib.util.find_spec("pagefind") is None or not (
            _installed("pagefind_bin", "pagefind") or _installed("pagefind_bin_extended", "pagefind_extended")):
        return "Pagefind is not installed for this platform"
    return ""


def uncut_words(site: Site) -> str:
    """What the summary says when the index's language needs its words cut and the Pagefind
    installed cannot cut them: a reader would find a word only where a sign or space stands before it."""
    lang = index_language(site)
    if lang == SHARED_LANGUAGE or _installed("pagefind_bin_extended", "pagefind_extended"):
        return ""
    return (f"search cannot cut {english_name(lang)} text into words, and finds a word only after a space or a "
            f"sign: install Pagefind's extended build (pip install \"{EXTENDED}\")")


def _installed(module: str, command: str) -> bool:
    """A build of Pagefind, as a Python package or as a command on the PATH."""
    return importlib.util.find_spec(module) is not None or shutil.which(command) is not None


def documents(site: Site) -> list[tuple[str, str]]:
    """(url, html) of every document to index: each published essay and page in each of its languages.
    Its url is from the site's root, not the host's: Pagefind's script puts the folder it is served
    from (`/sub/`) before it, so a url holding the sub-path came out with it twice. The page a hit
    opens (`side`) is a value of ours, which no script touches: it holds the sub-path."""
    base = site.config.base_path
    found = []
    for essay in site.essays:
        if essay.draft:
            continue  # a preview built with --drafts shows them; the index never holds them
        for text in essay.texts:
            side = base + beside_original(site, essay, text)
            found.append((routes.single(text.lang, essay.slug),
                          _document(text, side, _comments(essay, text), essay.original.lang, essay.author)))
    for page in site.pages:
        if page.draft:
            continue
        for text in page.texts:
            side = base + beside_original(site, page, text)
            found.append((routes.page_single(text.lang, page.slug),
                          _document(text, side, [], page.original.lang, page.author, summary=False)))
    return found


def _document(text: Text, side: str, comments: list[str], original: str, author: str = "", summary: bool = True) -> str:
    """One language version as Pagefind reads it; `side` is the page a hit opens, `comments` the thread's parts,
    `original` its original's language, which a hit found in several is shown in when not in the reader's
    (in hexadecimal too: `es`, `de` or `it` as a word would find every translation of a text in them);
    `author` its writer's name, which the page shows under its title and a reader may search for; `summary`,
    whether its summary is shown under its title in a listing (an essay's; a page's is its description alone).

    Pagefind finds a word in a document's metadata too: the page a hit opens and its language are written in
    hexadecimal, words nobody types (search.js reads them back; `ka` found every Georgian page for
    `kakheti`), and an image is its description, not an address
    Pagefind would keep as the `image` field: `chaguan`, a site's sub-path, found every page, and `png`
    an essay with a picture, neither with a word marked."""
    parts = [f'<html lang="{text.lang}"><head><title>{escape(text.title)}</title></head><body><main data-pagefind-body>',
             f'<h1 data-pagefind-meta="title">{words_apart(escape(text.title), text.lang)}</h1>',
             f'<span hidden data-pagefind-meta="language:{text.lang.encode("utf-8").hex()}"></span>',
             f'<span hidden data-pagefind-meta="side:{side.encode("utf-8").hex()}"></span>',
             f'<span hidden data-pagefind-meta="original:{original.encode("utf-8").hex()}"></span>',
             *_byline(author), *(_summary(text) if summary else [])]
    # a block not yet translated holds the original's words, which the original's document holds already:
    # a search in the original's language should not find them a second time, in the translation
    parts += [f'<div id="p{number}">{words_apart(images_described(block), text.lang)}</div>'
              for number, block in enumerate(text.blocks, 1) if number - 1 not in text.unfinished]
    return "".join(parts + comments) + "</main></body></html>"


# Pagefind keeps an elided word and the next one word (`l’hospitalité`), which a search for `hospitalité`
# missed: a hair space after the apostrophe parts them in the index, all but unseen in a result's excerpt.
# The apostrophe is as typed, or as an imported text may write it (`&rsquo;`, `&#8217;`).
APOSTROPHE = r"(?:['’]|&(?:rsquo|apos|#0*39|#[xX]0*27|#0*8217|#[xX]0*2019);)"
ELISION = re.compile(rf"(?<![^\W\d_])((?:{'|'.join(ELISIONS)}){APOSTROPHE})(?=[^\W\d_])", re.IGNORECASE)


# Hebrew's maqaf joins two words as a hyphen does, but Pagefind parts words at a hyphen-minus alone: `ספר`
# found nothing of `בית־ספר`, nor `20` of `ה־20` (a Hebrew writer's walk). A hair space parts them too.
MAQAF = "\u05be"


# Ethiopic's wordspace (፡), full stop and other marks part words as a space does, with none beside them in the
# older style (`አዲስ፡አበባ`): Pagefind kept each such paragraph as one word, which no search found (an Amharic walk)
ETHIOPIC_MARK = re.compile("([\u1361-\u1368])(?=[^\\s\u1361-\u1368])")


def words_apart(html: str, lang: str) -> str:
    """`html` with the words Pagefind would index as one apart: an elided word from the next
    (`l’\u200ahospitalité`) in a language that elides, the two a maqaf joins (`בית־\u200aספר`), those
    Ethiopic's marks part (`አዲስ፡\u200aአበባ`)."""
    if MAQAF in html:
        html = html.replace(MAQAF, MAQAF + "\u200a")
    html = ETHIOPIC_MARK.sub("\\1\u200a", html)
    if not elides(lang):
        return html
    return ELISION.sub("\\1\u200a", html)


def _comments(essay: Essay, text: Text) -> list[str]:
    """The thread as the essay's page in `text`'s language shows it, each comment at its anchor."""
    languages = {t.lang for t in essay.texts}
    parts = []
    for comment in essay.comments:
        version = comment.text(text.lang)
        if version is None and text.is_original and not languages & {t.lang for t in comment.texts}:
            version = comment.original  # in a language the essay has no page in: found from the original's
        if version is None:
            continue
        # each paragraph at its own anchor, as the page numbers it: a hit in a long comment's fourth paragraph
        # opened at the comment's top, a screen or more above (a reader's review). Pages number the rows they
        # show, leaving out a block sanitizing emptied: a comment holding one keeps the comment's anchor alone
        blocks = "".join(f'<div id="comment-{comment.id}-p{number}">{block}</div>'
                         for number, block in enumerate(version.blocks, 1)) if all(version.blocks) else "".join(version.blocks)
        # its writer's name too, as the page shows it above the words: a reader looks for what Bea said
        parts.append(f'<div id="comment-{comment.id}">{"".join(_byline(comment.author))}'
                     f'{words_apart(blocks, version.lang)}</div>')
    return parts


def _summary(text: Text) -> list[str]:
    """A text's summary as a part of its document, or none: the words a reader saw under its title on the
    home page, and looked for. One still the original's, untranslated, is not this
    language's, as a block not yet translated is not (see _document)."""
    if not text.summary or "summary" in text.unfinished_fields:
        return []
    return [f"<p>{words_apart(escape(text.summary), text.lang)}</p>"]


def _byline(author: str) -> list[str]:
    """A writer's name as a part of a document, or none: `Anonymous` is no name anyone searches for."""
    return [f"<p>{escape(author)}</p>"] if author and author != ANONYMOUS else []


# Pagefind's own command (`python -m pagefind`, which becomes its binary), asking Linux first to end it
# when the build that started it dies: a build killed outright left it indexing for minutes, orphaned.
# A subprocess runs none of the fork hooks that tie the build's workers to it (see interruptions.py).
TIED = f"""import os, runpy, signal, sys
parent = int(sys.argv.pop(1))
if sys.platform.startswith("linux"):
    try:
        import ctypes
        ctypes.CDLL(None).prctl({PR_SET_PDEATHSIG}, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # already gone, before the request
        sys.exit(1)
sys.argv[0] = "pagefind"
runpy.run_module("pagefind", run_name="__main__", alter_sys=True)
"""


class Indexing:
    """Pagefind at work on a scratch folder of the documents, each at the path of its URL.

    Pagefind's own command does the work, started before the pages are drawn so both run at
    once (its Python API answers one file per tenth of a second: minutes for a large site).
    Its output goes to a file, not a pipe, so the processes that draw pages hold nothing of it."""

    def __init__(self, site: Site):
        try:
            self.scratch = scratch_folder("tertulia-search-")
        except OSError as problem:
            raise _scratch_failed(problem) from None
        try:
            self._start(site)
        except BaseException as problem:  # a Ctrl-C or a full disk while the documents are written: no folder left in /tmp
            _removed(self.scratch)
            if isinstance(problem, OSError):
                raise _scratch_failed(problem) from None
            raise

    def _start(self, site: Site) -> None:
        documents_folder, self.bundle = self.scratch / "site", self.scratch / PAGEFIND
        for url, html in documents(site):
            page = documents_folder / url.lstrip("/") / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(html, encoding="utf-8")
        self.log = (self.scratch / "pagefind.log").open("w")
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", TIED, str(os.getpid()), "--site", str(documents_folder),
                 "--output-path", str(self.bundle), "--force-language", index_language(site), *NOT_WORDS, "--silent"],
                stdout=self.log, stderr=subprocess.STDOUT)
        except OSError as problem:  # no process to spare
            self.log.close()
            raise ToolFailed(f"search index: Pagefind could not be started: {problem.strerror or problem}") from None

    def files(self) -> dict[str, bytes]:
        """The index's files by their path in the output (under pagefind/), once Pagefind is done."""
        if self.process.wait() != 0:
            self.log.close()
            logged = (self.scratch / "pagefind.log").read_text(errors="replace").splitlines()
            # its last words on one line, as every message of a failed build is one
            said = " / ".join(line.strip() for line in logged if line.strip())[-500:]
            raise ToolFailed(f"search index: Pagefind failed (exit status {self.process.returncode}): {said}")
        return {f"{PAGEFIND}/{path.relative_to(self.bundle).as_posix()}": path.read_bytes()
                for path in sorted(self.bundle.rglob("*")) if path.is_file()}

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()
        _removed(self.scratch)


def _scratch_failed(problem: OSError) -> ToolFailed:
    """A scratch folder that could not be written, said as what it is: a full $TMPDIR was reported as the
    output folder, whose disk had room."""
    where = problem.filename or tempfile.gettempdir()
    return ToolFailed(f"search index: its scratch folder could not be written, in {where}: "
                      f"{problem.strerror or problem} (the TMPDIR environment variable chooses where it goes)")


def _removed(scratch: Path) -> None:
    """The scratch folder removed whole, a Ctrl-C held until it is: one landing in it left the rest in
    $TMPDIR, which nothing ever removed."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        shutil.rmtree(scratch, ignore_errors=True)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


@contextmanager
def indexing(site: Site):
    """An Indexing under way for the whole `with` block (None when this build has no search)."""
    if not site.search:
        yield None
        return
    started = Indexing(site)
    try:
        yield started
    finally:
        started.close()

