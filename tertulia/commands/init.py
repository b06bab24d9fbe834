"""`tertulia init DIR`: a new site that builds at once, and tells its author what to do next."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import quote, urlsplit
from urllib.request import url2pathname

from .. import __version__
from ..layout import CACHE, OUTPUT
from ..model import Discussion, SiteConfig
from ..reading.language_tags import LANGUAGE_TAG, unregistered
from ..reading.read import parse_text
from .scaffold import new_translation
from .starter import has_starter, starter
from ..reading.translations import UNFINISHED as PLACEHOLDER
from ..reading.yamltext import plain_or_quoted, quoted
from ..importers.proposal import TEMPLATE_HINT
from ..site.proposals import CONTENT_FOLDER, ISSUE_LABEL, ISSUE_TEMPLATE, LETTER_BEGIN, LETTER_END
from ..theme import KINDS

EXIT_OK, EXIT_USAGE = 0, 2
ESSAY, PAGE = "welcome", "about"


def init_site(folder: Path, lang: str, translations: list[str], title: str | None, base_url: str | None) -> int:
    """Write every file of a new site into `folder`, which must be new or empty; nothing at all otherwise."""
    problem = _problem(folder, lang, translations, title)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    name = folder.resolve().name
    wheel = installed_wheel()  # kept in the site, as what its workflows install (see installed_wheel)
    requirement, portable = (f"./{WHEELS}/{wheel.name}", True) if wheel else installed_requirement()
    # a clone of a GitHub repository is published at that repository's address: a build's feeds and sitemap
    # name it from the start, where example.github.io would stand until the writer changed it
    files = site_files(name, lang, translations, title,
                       base_url or pages_address(folder) or f"https://example.github.io/{quote(name)}/",
                       requirement, dt.date.today().isoformat())
    existed = folder.is_dir()
    try:
        own = _repository_files(folder) if existed else {}
    except OSError as error:
        print(f"{error.filename or folder}: cannot be read: {error.strerror or error}; no site was started",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        for relative, text in _added_to(files, own).items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            # a repository's own README in another encoding keeps its bytes (see _added_to)
            path.write_text(text, encoding="utf-8", errors="surrogateescape")
        if wheel:  # what requirements.txt names: a workflow installs it from the site's own repository
            (folder / WHEELS).mkdir(exist_ok=True)
            shutil.copyfile(wheel, folder / WHEELS / wheel.name)
            _never_ignored(folder, f"{WHEELS}/{wheel.name}")
        recorded = _record_starters(folder / "content", lang, translations)
    except OSError as error:  # a read-only place, a path through a file, a full disk: said, and nothing left
        _clear(folder, existed, own)
        print(f"{error.filename or folder}: cannot be written: {error.strerror or error}; no site was started",
              file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote a new site in {folder}: {len(files) + recorded + bool(wheel)} files")
    if wheel:
        print(f"note: {WHEELS}/{wheel.name} is the Tertulia you installed, kept in the site for its workflows to "
              "install: commit it with the rest")
    for note in _language_notes(lang, translations):
        print(f"note: {note}")
    if not portable:
        print(f"note: requirements.txt asks for `{requirement}`, which a workflow installs only from a package index "
              "that has it; if yours came from elsewhere, write that there (see the comment in it)")
    print(f"next: cd {folder} && tertulia serve   (then read README.md there)")
    return EXIT_OK


# What an empty folder may already hold: a clone of a new, empty GitHub repository is its .git alone
KEPT = frozenset({".git"})
# ... and the files GitHub offers to start a repository with: kept, the README and .gitignore added to
REPOSITORY_FILES = frozenset({"README.md", "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING", ".gitignore",
                              ".gitattributes"})


def _repository_file(child: Path) -> bool:
    """Whether a folder's entry is one of the files a new repository starts with (not a link to one)."""
    return child.name in REPOSITORY_FILES and child.is_file() and not child.is_symlink()


def _repository_files(folder: Path) -> dict[str, bytes]:
    """The files a new repository started with, as they are, to add to and to put back on a failure."""
    return {child.name: child.read_bytes() for child in folder.iterdir() if _repository_file(child)}


def _added_to(files: dict[str, str], own: dict[str, bytes]) -> dict[str, str]:
    """The site's files, its README after the repository's own and its .gitignore's lines after those the
    repository's lacks; a file the repository has and the site does not write (a licence) stays as it is."""
    merged = dict(files)
    for name in ("README.md", ".gitignore"):
        if name in own and name in files:
            theirs = own[name].decode("utf-8", errors="surrogateescape")  # written back as they were
            # the README's title is the repository's own already
            ours = files[name].split("\n", 1)[1].lstrip("\n") if name == "README.md" else "".join(
                line + "\n" for line in files[name].splitlines() if line.startswith("#") or line not in theirs.splitlines())
            if "\r\n" in theirs:  # the lines added end as the file's own do
                ours = ours.replace("\n", "\r\n")
            merged[name] = theirs.rstrip("\r\n") + ("\r\n\r\n" if "\r\n" in theirs else "\n\n") + ours \
                if theirs.strip() else ours
    return merged


def _clear(folder: Path, existed: bool, own: dict[str, bytes] | None = None) -> None:
    """Take away what a failed init wrote: the folder it made, or what it put in the empty one it was
    given, whose repository's own files (`own`) are put back as they were."""
    if not existed:
        shutil.rmtree(folder, ignore_errors=True)
        return
    own = own or {}
    for child in folder.iterdir():
        if child.name in KEPT or child.name in own:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    for name, data in own.items():  # written over in place, not made anew: each keeps its mode (a script's x)
        with contextlib.suppress(OSError):
            (folder / name).write_bytes(data)


def _language_notes(lang: str, translations: list[str]) -> list[str]:
    """What the author should know of a language Tertulia has no words in: before a build warns of it."""
    from ..site.ui import catalog_paths
    from ..theme import DEFAULT
    notes = []
    if not has_starter(lang):
        notes.append(f"the first essay and the About page are in English, though marked `{lang}`: rewrite them "
                     "in your language")
    untranslated = [code for code in translations if not has_starter(code)]
    if untranslated:
        notes.append(f"the first essay's and the About page's {_listed(untranslated)} versions are the original's "
                     f"paragraphs marked `{PLACEHOLDER}`, to translate: until then the site shows the original's, "
                     "with a note")
    no_words = [code for code in [lang, *translations]
                if code.split("-")[0] != "en" and not catalog_paths([DEFAULT / "locales"], code)]
    if no_words:
        codes = ", ".join(plain_or_quoted(code) for code in no_words)
        notes.append(f"Tertulia's menus and buttons have no words in {_listed(no_words)}: those pages use English "
                     f"ones until you write a catalog (see README.md) or accept them with "
                     f"`english_interface: [{codes}]` in content/site.yml")
    return notes


def _listed(codes: list[str]) -> str:
    return ", ".join(f"`{code}`" for code in codes)


def _record_starters(content: Path, lang: str, translations: list[str]) -> int:
    """Record that the starter's translations follow their originals as written, as `new translation`
    does: when the author rewrites the first essay or the About page, `status` and `check` then name
    the translations left saying the starter's words. The number of files written (0 or 1)."""
    from ..reading.markup import Converter
    from ..reading.read import read_parsed
    from ..reading.find import shown_path
    from .translated import record_new
    for folder in (content / "posts" / ESSAY, content / "pages" / PAGE):
        original = folder / f"index.{lang}.md"
        parsed, _ = read_parsed(original)
        blocks = Converter().blocks(parsed.body, trusted=True)
        for code in translations:
            record_new(content, shown_path(content, folder / f"index.{code}.md"), shown_path(content, original),
                       blocks, parsed.meta)
    return 1 if translations else 0


# the folder of a site that keeps the wheel its Tertulia was installed from: not `wheels/`, which GitHub's
# .gitignore for Python repositories leaves out of every commit
WHEELS = "tertulia-wheel"


def _installed_from() -> dict | None:
    """pip's record of where it installed this Tertulia from (PEP 610's direct_url.json), if any."""
    try:
        recorded = metadata.distribution("tertulia").read_text("direct_url.json")
        direct = json.loads(recorded) if recorded else None
    except (metadata.PackageNotFoundError, ValueError):
        return None
    return direct if isinstance(direct, dict) and isinstance(direct.get("url"), str) else None


def installed_wheel() -> Path | None:
    """The wheel file on this machine pip installed this Tertulia from, still there and unchanged, else
    None: a site keeps a copy, which its workflows install where no package index has this version."""
    direct = _installed_from()
    if not direct or not direct["url"].startswith("file://") or not direct["url"].endswith(".whl"):
        return None
    wheel = Path(url2pathname(urlsplit(direct["url"]).path))
    archive = direct.get("archive_info") if isinstance(direct.get("archive_info"), dict) else {}
    hashes = archive.get("hashes") if isinstance(archive.get("hashes"), dict) else {}  # PEP 610's newer field
    recorded = str(hashes.get("sha256") or str(archive.get("hash", "")).removeprefix("sha256="))
    try:  # without a recorded hash, there is no telling: the file is not taken
        if not wheel.is_file() or hashlib.sha256(wheel.read_bytes()).hexdigest() != recorded:
            return None  # rebuilt since: another Tertulia than this one
    except OSError:
        return None
    return wheel


def installed_requirement() -> tuple[str, bool]:
    """What installs this very Tertulia on another machine (a workflow's), and whether it surely does: the
    repository or archive pip installed it from (its record, PEP 610), else its version, which only a
    package index holding that version can serve. (A wheel pip installed from a file is kept in the site
    instead: see installed_wheel.)"""
    direct = _installed_from()
    if direct:
        url, vcs = direct["url"], direct.get("vcs_info")
        if isinstance(vcs, dict) and vcs.get("vcs") == "git" and url.startswith("https://"):
            return f"tertulia @ git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision') or 'HEAD'}", True
        if url.startswith("https://") and "archive_info" in direct:
            return f"tertulia @ {url}", True
        if url.startswith("file://") and "dir_info" in direct:  # the README's way: pip install path/to/clone
            cloned = _cloned_from(Path(url2pathname(urlsplit(url).path)))
            if cloned:
                return cloned, True
    return f"tertulia=={__version__}", False


def _never_ignored(folder: Path, relative: str) -> None:
    """Make sure git commits `relative`: a clone's own .gitignore, or the user's, may leave out every wheel
    (`*.whl`), and the workflows would then find none. The site's .gitignore says otherwise when it must."""
    if not (folder / ".git").exists() or not _git(folder, "check-ignore", relative):
        return
    with (folder / ".gitignore").open("a", encoding="utf-8") as ignored:
        ignored.write(f"# the wheel requirements.txt names, which the workflows install: committed\n"
                      f"!{WHEELS}/\n!{relative}\n")


def _cloned_from(folder: Path) -> str:
    """`tertulia @ git+https://…@<commit>` for a clone whose commit its `origin` has (as the clone last
    heard from it), so a workflow installs the same Tertulia; "" when it cannot be told (no git, no
    such remote, a commit of one's own), and the version stands in."""
    remote = _git(folder, "remote", "get-url", "origin")
    if remote.startswith("git@github.com:"):  # the form GitHub shows for SSH: the same repository by https
        remote = "https://github.com/" + remote.removeprefix("git@github.com:")
    commit = _git(folder, "rev-parse", "HEAD")
    if not (remote.startswith("https://") and re.fullmatch(r"[0-9a-f]{40}", commit)):
        return ""
    if not _git(folder, "branch", "--remotes", "--contains", commit):  # a local commit no workflow could fetch
        return ""
    return f"tertulia @ git+{remote}@{commit}"


def _git(folder: Path, *args: str) -> str:
    """What git says in `folder`, or "" when it cannot say (no git, no repository, an error)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


GITHUB_REMOTE = re.compile(r"(?:https://github\.com/|git@github\.com:)([A-Za-z0-9-]{1,39})/([A-Za-z0-9._-]{1,100}?)(?:\.git)?/?")


def pages_address(folder: Path) -> str:
    """Where GitHub Pages publishes the repository a clone came from (its `origin` on GitHub):
    `https://owner.github.io/name/`, or the owner's own address for `owner.github.io`; "" otherwise."""
    if not (folder / ".git").exists():
        return ""
    found = GITHUB_REMOTE.fullmatch(_git(folder, "remote", "get-url", "origin"))
    if not found:
        return ""
    owner, name = found.group(1).lower(), found.group(2)
    return f"https://{owner}.github.io/" if name.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{quote(name)}/"


def _problem(folder: Path, lang: str, translations: list[str], title: str | None) -> str:
    """Why the request cannot be done, before anything is written; "" when it can."""
    if folder.exists() and (not folder.is_dir() or any(
            child.name not in KEPT and not _repository_file(child) for child in folder.iterdir())):
        return (f"{folder}: not an empty folder; `tertulia init` starts a site only in a new or empty one "
                "(or a clone of a new repository: its README, licence and .gitignore are kept)")
    for code in [lang, *translations]:
        if not LANGUAGE_TAG.fullmatch(code):
            return f"`{code}` is not a BCP 47 language tag such as `en` or `pt-BR`"
        if problem := unregistered(code):
            return problem
        if code != _usual_case(code):  # file names and `lang` take it as written: `DE` would find no catalog
            return f"write the language `{code}` as `{_usual_case(code)}`"
    if title is not None and not title.strip():
        return "--title must not be empty: leave it out, and the folder's name stands for the title"
    if lang in translations or len(set(translations)) != len(translations):
        return "each language may be given once: --lang for the original, --translation for each other one"
    return ""


def _usual_case(code: str) -> str:
    """A language tag in its usual letter case: `de`, `pt-BR`, `zh-Hant`."""
    first, *rest = code.split("-")
    return "-".join([first.lower(), *(part.upper() if len(part) == 2 else part.title() if len(part) == 4
                                      else part.lower() for part in rest)])


def _word_cutting(languages: list[str]) -> str:
    """The Pagefind that search needs to cut Japanese, Chinese or Thai into words, when the site has one."""
    from ..site.ui import english_name
    from ..writing.search import EXTENDED, needs_cutting
    cut = [english_name(code) for code in languages if needs_cutting(code)]
    return f"# search cuts {' and '.join(cut)} text into words with Pagefind's extended build\n{EXTENDED}\n" if cut else ""


def _requirements(requirement: str) -> str:
    """requirements.txt's Tertulia, with how to upgrade it: a version raised, or a wheel kept in the site replaced."""
    if requirement.startswith(f"./{WHEELS}/"):
        return (f"# the Tertulia this site is built with: the wheel it was installed from, kept in {WHEELS}/;\n"
                f"# to upgrade, put the new one there and name it here (`tertulia guide --changes`); a new build with the\n"
                f"# same version number is installed only by `python -m pip install --force-reinstall --no-deps <its file>`.\n"
                f"{requirement}\n")
    return ("# the Tertulia this site is built with; raise it to upgrade (`tertulia guide --changes`: what changed).\n"
            "# Installing from a repository instead of a package index, write for example\n"
            f"#   tertulia @ git+https://github.com/OWNER/tertulia@v{__version__}\n{requirement}\n")


def site_files(name: str, lang: str, translations: list[str], title: str | None, base_url: str,
               requirement: str, today: str = "") -> dict[str, str]:
    """Every file of a new site by its path: content, workflows, .gitignore, requirements (`requirement`,
    what installs this Tertulia), README; without a title, the folder's name stands for one. The first
    essay is dated `today`, the day its words were written into the site: a site with no date at all
    gives its feeds 1970 as the time they were updated."""
    languages = [lang, *translations]
    files = {"content/site.yml": _site_yml(title, name, base_url, languages)}
    # a translation the starter has no words in is the original's, marked: English labelled Polish would lie
    unworded = [code for code in translations if not has_starter(code)]
    for code in [code for code in languages if code not in unworded]:
        words = starter(code)
        translation_of = "" if code == lang else f"translation_of: {plain_or_quoted(lang)}\n"
        # an original in a language Tertulia has no starter words in is English: its file says so, where the
        # writer looks, not only init's note, which scrolls away
        english = "" if has_starter(code) else f"# Tertulia has no words of its own in {code}: this starter is in English, to rewrite\n"
        author = "author: Anonymous  # your name, as readers should see it\n" if code == lang else ""
        author += f"date: {today}\n" if code == lang and today else ""
        files[f"content/posts/{ESSAY}/index.{code}.md"] = _markdown(
            f"{english}title: {quoted(words.essay_title)}\n{author}{translation_of}", words.essay, lang)
        files[f"content/pages/{PAGE}/index.{code}.md"] = _markdown(
            f"{english}title: {quoted(words.about_title)}\n{translation_of}", words.about, lang)
    for code in unworded:
        for kind in (f"posts/{ESSAY}", f"pages/{PAGE}"):
            original, _ = parse_text(files[f"content/{kind}/index.{lang}.md"].encode("utf-8"), kind)
            files[f"content/{kind}/index.{code}.md"] = new_translation((original, lang))
    files.update({
        ".gitignore": f"# what builds make; never commit it\n{OUTPUT}/\n{CACHE}/\n"
                      "# what an import stopped outright leaves in content/ (the next import clears it)\n.import-*/\n",
        "requirements.txt": _requirements(requirement) + _word_cutting(languages),
        ".github/workflows/pages.yml": PAGES_WORKFLOW,
        ".github/workflows/check.yml": CHECK_WORKFLOW,
        ".github/workflows/proposals.yml": proposals_workflow(),
        f".github/ISSUE_TEMPLATE/{ISSUE_TEMPLATE}": ISSUE_TEMPLATE_TEXT,
        "README.md": README.format(title=title or name, name=name, lang=lang),
    })
    return files


def _markdown(front: str, blocks: tuple[str, ...], lang: str) -> str:
    return f"---\n{front}---\n\n" + "\n\n".join(block.format(lang=lang) for block in blocks) + "\n"


def _site_yml(title: str | None, name: str, base_url: str, languages: list[str]) -> str:
    """site.yml; a title the writer gave is in their main language (pages mark it so), the folder's
    name stands in no language."""
    from ..site.ui import autonym
    names = "".join(f"  {plain_or_quoted(code)}: {quoted(autonym(code))}\n" for code in languages)
    lang = plain_or_quoted(languages[0])
    shown = f"{{{lang}: {quoted(title)}}}" if title is not None else quoted(name)
    others = "".join(f', {plain_or_quoted(code)}: "…"' for code in languages[1:])
    hint = (f"one per language: {{{lang}: {quoted(title)}{others}}}" if title is not None
            else f'or one per language: {{{lang}: "…"{others}}}')
    # English words under another language's key would be published as that language's, once uncommented
    english = languages[0].split("-")[0].lower() == "en"

    def labels(in_english: str) -> str:  # one per language, each to write: `check` warns of one left `…`
        to_write = '"…"'
        said = [f"{plain_or_quoted(code)}: {in_english if index == 0 and english else to_write}"
                for index, code in enumerate(languages)]
        return "{" + ", ".join(said) + "}"
    return SITE_YML.format(title=shown, title_hint=hint, base_url=quoted(base_url), languages=names,
                           main=lang, lang=lang, about=labels('"What this site is about"'),
                           elsewhere=labels('"Elsewhere"'), essays=labels('"essays"'),
                           per_page=SiteConfig.per_page, branch=Discussion.branch,  # the defaults, as the model has them
                           search=str(SiteConfig.search).lower())


SITE_YML = """\
# The settings of this site. Only title, base_url, languages and main_language are required;
# every other key is shown commented out: remove the `# ` before it (the hash and its space) to use one.

title: {title}            # {title_hint}
# description: {about}   # what this site is about, for search engines and feeds
base_url: {base_url}   # where the site is published; the Pages workflow uses GitHub's own
languages:                # the languages of the site, in the order readers see them
{languages}main_language: {main}         # the language listings and the root pages speak

menu:                     # links in every page's masthead, in this order
  - page: about           # content/pages/about/, labelled with its title in each language
#   - url: "https://example.org/"
#     label: {elsewhere}   # the link's words

# tags:                   # key -> label per language
#   essays: {essays}   # a tag's name in each language
# per_page: {per_page}            # essays on each page of a listing
# search: {search}            # full-text search at /search/ (false to leave it out)
# cname: essays.example.org   # a custom domain for GitHub Pages
# english_interface: [xx]     # languages with no catalog whose pages may use English words
# timezone: Europe/Madrid     # the zone dates with a time are written in (default UTC)
# redirects:                  # old address -> new address, both site-relative
#   /about-us/: /about/
# discussion:                 # readers propose comments as pull requests (see `tertulia guide`)
#   repo: owner/name
#   branch: {branch}
#   email: talk@example.org
#   issues: true              # readers with a GitHub account propose through an issue, no fork
"""

_SETUP = """\
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
"""
_INSTALL = """\
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
          cache: pip
      - name: Install Tertulia, the version requirements.txt pins
        run: python -m pip install --quiet -r requirements.txt
"""

PAGES_WORKFLOW = """\
# Publish the site to GitHub Pages on every push to main (or master, an older git's first branch)
# (Settings -> Pages -> Build and deployment: GitHub Actions, chosen before the first push).
name: Publish to GitHub Pages

on:
  push:
    branches: [main, master]
  workflow_dispatch:

# each job only what it needs: the build runs the site's own code and content, so it cannot deploy
permissions:
  contents: read

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: read   # configure-pages reads the Pages site's address
    steps:
      - uses: actions/checkout@v4
""" + _INSTALL + """\
      - id: pages
        uses: actions/configure-pages@v5
      - name: Build with the Pages site's URL
        env:
          BASE_URL: ${{ steps.pages.outputs.base_url }}
        run: tertulia build --base-url "$BASE_URL/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: """ + OUTPUT + """

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

CHECK_WORKFLOW = """\
# Check every pull request that touches what the build reads (content/, and the site's own
# templates, assets and catalogs): a malformed file fails here with its
# `path:line: message`, before anyone merges it. Warnings do not fail it, so a reader's comment
# proposed in one language passes; to have a warning fail it too (a missing or unfinished
# translation), as Tertulia's own repository does, write `tertulia check --strict` below.
name: Check content

on:
  pull_request:
    paths:
""" + "".join(f'      - "{folder}/**"\n' for folder in (CONTENT_FOLDER, *KINDS)) + f"""\
      - "requirements.txt"
      - "{WHEELS}/**"

""" + """\
permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
""" + _INSTALL + """\
      - name: Check the content as the build would
        run: tertulia check
"""

# Readers with a GitHub account propose through an issue (`discussion: {issues: true}`); this
# workflow turns it into a pull request. One text serves this repository's own copy and every
# site's: tests/test_workflow.py checks that the repository's file is this, as `python build.py`.
PROPOSALS_WORKFLOW = """\
# A reader proposed a comment through a new issue (site.yml: `discussion: {{issues: true}}`): write
# its comment file, open a pull request with it (the review: merging it publishes the comment),
# and answer the issue with the pull request's link, or with why nothing could be taken from it. The issue's text is never
# put into a command line: the import reads the event file GitHub gives the job. An edited issue
# proposes again: its pull request, if it has one, then holds the corrected comment.
name: Comment proposed in an issue

on:
  issues:
    types: [opened, edited]

permissions:
  contents: write
  pull-requests: write
  issues: write

concurrency:
  group: proposal-${{{{ github.event.issue.number }}}}

jobs:
  propose:
    # the template labels it; a reader's edit of the labels cannot hide a letter from the workflow. A closed
    # issue (answered, or turned down) proposes nothing more when someone edits it.
    if: github.event.issue.state == 'open' && (contains(github.event.issue.labels.*.name, '{label}') || contains(github.event.issue.body, '{marker}'))
    runs-on: ubuntu-latest
    env:
      GH_TOKEN: ${{{{ github.token }}}}
      NUMBER: ${{{{ github.event.issue.number }}}}
    steps:
      - uses: actions/checkout@v4
{setup}      - name: Write the proposed comment file
        id: import
        run: |
{install_line}          if {command} import issue "$GITHUB_EVENT_PATH" > import.log 2>&1 && {command} check >> import.log 2>&1; then
            echo "written=true" >> "$GITHUB_OUTPUT"
          else
            echo "written=false" >> "$GITHUB_OUTPUT"
          fi
          # the log quotes what the issue says: no line of it may act as a workflow command
          token=$(python -c "import secrets; print(secrets.token_hex(16))")
          echo "::stop-commands::$token"
          cat import.log
          echo "::$token::"
      - name: Open a pull request and answer the issue with its link
        if: steps.import.outputs.written == 'true'
        run: |
          branch="comment/issue-$NUMBER"
          git config user.name "github-actions[bot]"
          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
          git switch --create "$branch"
          git add content/posts
          if git diff --cached --quiet; then
            gh issue comment "$NUMBER" --body "This proposal is already in the repository; nothing new to review."
            exit 0
          fi
          git commit --quiet --message "Comment proposed in issue #$NUMBER"
          # an edited issue's proposal replaces the one its pull request holds
          git push --quiet --force origin "$branch"
          # what the import noted (a name cut short, a website left out, a second comment not read) is
          # for the reviewer: said in the pull request, not in a log no one opens; an edit's notes replace the last
          {{
            echo "The comment proposed in #$NUMBER. Read it in context with \\`{serve}\\`; merging publishes it (\\`status: spam\\` in its file keeps it hidden instead) and closes #$NUMBER, so that later edits of the issue propose nothing more."
            echo
            echo "What the import said:"
            echo
            echo '```'
            sed "s/\\`/'/g" import.log | head -n 40
            echo '```'
            lines=$(wc -l < import.log)
            if [ "$lines" -gt 40 ]; then echo "($((lines - 40)) more lines in the job's log.)"; fi
          }} > pull-request.md
          # an open one only: a moderator may have closed (turned down) the last, leaving the issue open
          url=$(gh pr list --head "$branch" --state open --json url --jq '.[0].url // empty')
          if [ -n "$url" ]; then
            gh pr edit "$url" --body-file pull-request.md
            # a reader's edit replaces what a moderator may have read and approved already: said where they look
            gh pr comment "$url" --body "#$NUMBER was edited: this pull request now holds the edited proposal. Read it again before merging; an approval given before this does not cover it."
            gh issue comment "$NUMBER" --body "Thank you. $url now holds your corrected comment."
            exit 0
          fi
          url=$(gh pr create --base "$GITHUB_REF_NAME" --head "$branch" \\
            --title "Comment proposed in issue #$NUMBER" --body-file pull-request.md)
          gh issue comment "$NUMBER" --body "Thank you. Your comment is proposed for review in $url; it appears on the site once a moderator publishes it."
      - name: Answer the issue with why nothing was taken
        if: steps.import.outputs.written != 'true'
        run: |
          {{
            echo "No comment could be taken from this issue:"
            echo
            echo '```'
            grep -v '^nothing was written$' import.log | sed "s/\\`/'/g" | head -n 20
            echo '```'
            echo
            echo "Open the page's form again to send a new proposal, or edit this issue: its text is read again."
          }} > answer.md
          gh issue comment "$NUMBER" --body-file answer.md
"""

ISSUE_TEMPLATE_TEXT = f"""\
---
name: Comment on an essay
about: Propose a comment; the site's pages fill this in for you ("Join the discussion", "Reply")
title: "Comment on "
labels: {ISSUE_LABEL}
---

Your comment, in Markdown.

{LETTER_BEGIN}
{TEMPLATE_HINT}
{LETTER_END}
"""


# how the workflow tells a letter from any issue: the label the issue template gives it, or the marker it holds
_LETTER = {"label": ISSUE_LABEL, "marker": LETTER_BEGIN.strip("- ").split(":")[0]}


def proposals_workflow(in_this_repository: bool = False) -> str:
    """The issue-proposal workflow for a site (the tool from requirements.txt) or for this repository."""
    if in_this_repository:
        return PROPOSALS_WORKFLOW.format(setup=_SETUP, install_line="          python -m pip install --quiet .\n", **_LETTER,
                                         command="python build.py", serve="build.py serve")
    return PROPOSALS_WORKFLOW.format(setup=_INSTALL, install_line="", command="tertulia", serve="tertulia serve", **_LETTER)


README = """\
# {title}

A bilingual site built with Tertulia (the version `requirements.txt` names): every essay beside its
translations, paragraph by paragraph.

## Writing

```sh
python -m pip install -r requirements.txt   # once: the Tertulia version this site pins
tertulia serve                              # preview at http://127.0.0.1:8000/ + base_url's path, rebuilt as you save; drafts shown
tertulia serve --host 0.0.0.0               # the same preview on a phone on this network too (it says the address)
tertulia new post my-essay --lang {lang}    # a new essay, a draft until you delete `draft: true`
tertulia new translation my-essay --lang …  # once the original is written: it starts from its paragraphs
tertulia new page contact --lang {lang}     # a page (About, Contact); link it from `menu` in site.yml
tertulia status                             # translations: current, unfinished, outdated (which paragraphs), missing
tertulia check                              # every problem as `path:line: message`
tertulia build                              # the site, into output/
tertulia guide | less                       # the author's guide: every file and key this site can hold
```

- `content/site.yml`: the site's settings (commented).
- `content/posts/<slug>/index.<lang>.md`: an essay, one file per language; a translation says
  `translation_of:` and keeps its original's paragraphs one to one. `tertulia status` names each
  paragraph (and title) whose original changed after it was translated; once the translation follows it again,
  `tertulia translated content/posts/<slug>/index.<lang>.md` records that.
- `content/pages/<slug>/`: pages such as About, linked from `menu` in `site.yml`, translated as essays are.
- `content/translations.json`: which version of its original each translation follows, written by
  `new translation` and `translated`; commit it, never edit it by hand.
- `content/static/`: files copied to the site's root as they are (`favicon.svg`, `.png` or `.ico`; `robots.txt` where the site is
  its host's root, as on a custom domain: crawlers read it nowhere else).
- `templates/`, `assets/`, `locales/` (beside `content/`, optional): your own files replace the
  theme's of the same name; a `templates/base.html` can start with
  `{{% extends "default/base.html" %}}` and replace one block (`head`, `feeds`, `masthead`, `site_title`, `menu`, `footer`).
- `locales/<lang>/LC_MESSAGES/messages.po`: the words of the menus and buttons in a language Tertulia's
  theme has none for (or your own for one it has). Start one from the theme's list of them, then fill in
  each `msgstr` and run `tertulia check`:
  `pybabel init -i "$(python -c 'from tertulia.theme import DEFAULT; print(DEFAULT)')/locales/messages.pot" -d locales -l <lang>`
  (with `_` for `-`: `-l pt_BR`, `-l zh_Hant`)

## Publishing

Make a GitHub repository and under its **Settings → Pages → Build and deployment** choose **GitHub
Actions** first, then push this folder to it (the workflow's first run fails while Pages is not on):
`.github/workflows/pages.yml` publishes every push to `main` (or `master`), and
`.github/workflows/check.yml` checks every pull request that touches `content/`.
With `discussion: {{issues: true}}` in `site.yml`, readers propose comments through a new issue:
`.github/workflows/proposals.yml` turns each into a pull request and answers the issue with its
link (allow it under **Settings → Actions → General: Allow GitHub Actions to create pull
requests**). With an `email:` in `discussion` too (beside its `repo`), readers without GitHub send the comment by mail: save
those messages (an mbox, `.eml` files or a maildir) and run `tertulia import mail PATH …`
(`--dry-run` first says what it would write); each becomes a comment file marked `status: pending`,
shown by `tertulia serve` and published once you delete that line. A message is imported once.

## Upgrading Tertulia

Raise the version in `requirements.txt` (or, where it names a wheel kept in `tertulia-wheel/`, put the new
wheel there, name that and delete the old one), run `python -m pip install -r requirements.txt`, then
`tertulia check`; its CHANGELOG says what changed (`tertulia guide --changes` prints it). A new wheel with the same version number as the one
installed (built from a later commit) is kept out by pip, which says so in one line: install it with
`python -m pip install --force-reinstall --no-deps ./tertulia-wheel/<its file>`.
"""
