"""site.yml -> a validated SiteConfig, or every problem in it at once."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote
from dataclasses import MISSING, dataclass, fields
from difflib import get_close_matches
from functools import partial
from pathlib import Path
from typing import Callable

from ..errors import ContentError, ContentErrors, one_line
from .find import SYMLINK
from .language_tags import LANGUAGE_TAG, unregistered
from .markup import clean_text
from .names import tag_segment, tag_text
from ..model import Discussion, MenuEntry, Redirect, SiteConfig, Tag
from . import addresses
from .yamltext import key_lines, load_yaml

REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
BRANCH = re.compile(r"(?!.*\.\.)(?!/)(?!.*/$)[A-Za-z0-9._/-]+")
EMAIL = re.compile(r"[^@\s<>\"',;:()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


@dataclass(frozen=True)
class Reading:
    """What a key's check may need besides its value: where to report, the file, keys checked before it."""

    fail: Callable[..., None]  # (key, message, line=the key's)
    warn: Callable[..., None]  # as `fail`, for a warning
    text: str
    shown_as: str
    lines: dict
    written: dict  # what site.yml says, as it says it, by key
    so_far: dict  # the keys checked already, by name: `languages` before the keys that name languages


# One check per SiteConfig field, in its order: a key of site.yml is that field, its default the
# field's, and it is required when the field has none. A new key is a field and a line here.
CHECKS: dict[str, Callable[[object, Reading], object]] = {
    "title": lambda value, r: _title(value, r.fail),
    "base_url": lambda value, r: _base_url(value, r.fail),
    "languages": lambda value, r: _languages(value, r),
    "main_language": lambda value, r: _main_language(value, r),
    "description": lambda value, r: _per_language(value, "description", r.fail),
    "tags": lambda value, r: _tags(value, r),
    "cname": lambda value, r: _cname(value, r.fail),
    "per_page": lambda value, r: _per_page(value, r.fail),
    "comments_per_page": lambda value, r: _per_page(value, r.fail, "comments_per_page"),
    "discussion": lambda value, r: _discussion(value, r),
    "search": lambda value, r: _search(value, r.fail),
    "menu": lambda value, r: _menu(value, r.text, r.shown_as, r.lines.get("menu", 0), r.fail, r.warn),
    "english_interface": lambda value, r: _english_interface(value, r.so_far["languages"], r.fail),
    "timezone": lambda value, r: _timezone(value, r.fail),
    "redirects": lambda value, r: _redirects(value, r),
}
SETTINGS = fields(SiteConfig)
KNOWN = tuple(setting.name for setting in SETTINGS)
REQUIRED = tuple(setting.name for setting in SETTINGS if setting.default is MISSING)


def load_config(path: Path, shown_as: str, base_url: str | None = None) -> SiteConfig:
    """Read site.yml; raise ContentErrors naming each bad key and its line."""
    config, errors, _ = read_config(path, shown_as, base_url)
    if errors:
        raise ContentErrors(errors)
    return config


def read_config(path: Path, shown_as: str, base_url: str | None = None) -> tuple[SiteConfig | None, list, list]:
    """site.yml's settings, every problem in it, and its warnings. A key that fails its check takes its
    default, so a build can go on to find the content's errors in the same run; the settings are None
    only when the content cannot be read without what failed (the YAML itself, the languages)."""
    text = _text(path, shown_as)
    data, error = load_yaml(text, shown_as, first_line=1)
    if error:
        return None, [error], []
    if not isinstance(data, dict):
        return None, [ContentError(shown_as, 1, "site.yml must be a mapping of settings")], []
    lines = key_lines(text, first_line=1)
    errors: list[ContentError] = []
    failed: set[str] = set()

    def fail(key: str, message: str, line: int | None = None) -> None:
        failed.add(key)
        errors.append(ContentError(shown_as, lines.get(key, 0) if line is None else line, message))

    noted: list[ContentError] = []

    def warn(key: str, message: str, line: int | None = None) -> None:
        noted.append(ContentError(shown_as, lines.get(key, 0) if line is None else line, message))

    for key in REQUIRED:
        if key not in data:  # said where a misspelling of it stands (`langauges:`), as front matter's are
            slip = get_close_matches(key, [str(k) for k in data if k not in KNOWN], n=1, cutoff=0.75)
            meant = f"; is `{slip[0]}` meant to be `{key}`?" if slip else ""
            fail(key, f"missing required key `{key}`{meant}", lines.get(slip[0], 0) if slip else None)
    # an unknown key is ignored with a warning, as in front matter: a site.yml written for a later version,
    # which may add optional keys, still builds here
    unknown = [ContentError(shown_as, lines.get(str(key), 0), f"unknown key `{key}` is ignored{_meant(key)}")
               for key in data if key not in KNOWN]
    if base_url is not None:  # the command line's wins
        data = {**data, "base_url": base_url}
    reading = Reading(fail, warn, text, shown_as, lines, data, {})
    for setting in SETTINGS:  # a key left out takes its field's default, which needs no check
        if setting.name in data or setting.default is MISSING:
            reading.so_far[setting.name] = CHECKS[setting.name](data.get(setting.name), reading)
    for key in REQUIRED:  # `base_url:` with nothing after it, where its check alone would take the default
        if key in data and data[key] is None and key not in failed:
            fail(key, f"`{key}` has no value: it is required")
    if "languages" in failed:
        return None, errors, []
    if "main_language" in failed:
        # The first language stands in, so the content is still validated and its errors said in this
        # run; the build stops on this error all the same.
        reading.so_far["main_language"] = reading.so_far["languages"][0][0]
    config = SiteConfig(**reading.so_far)
    return config, errors, unknown + noted + _unshown_labels(config, reading) + _cname_elsewhere(config, reading, base_url)


def _meant(key) -> str:
    near = get_close_matches(str(key), list(KNOWN), n=1, cutoff=0.75)  # `tag:` for `tags:`
    return f"; is it meant to be `{near[0]}`?" if near else f" (known: {', '.join(KNOWN)})"


def _unshown_labels(config: SiteConfig, reading: Reading) -> list[ContentError]:
    """A title, description, tag or menu label in a language the site does not declare: a slip (`fe:`
    for `fr:`) left the French pages with the main language's label, or the tag's key, silently."""
    declared = set(config.language_codes)
    named = [("title", reading.lines.get("title", 0), config.title),
             ("description", reading.lines.get("description", 0), config.description)]
    named += [(f"tag `{tag.written}`", _key_line(reading.text, reading.lines.get("tags", 0), tag.written), tag.labels)
              for tag in config.tags]
    named += [(f"menu entry `{entry.url}`", entry.line, entry.labels) for entry in config.menu if entry.labels]
    unshown = [ContentError(reading.shown_as, line, f"{what} has a label in `{lang}`, which is not one of languages "
                                                    f"({', '.join(config.language_codes)}): a slip for one of them?")
               for what, line, labels in named for lang, _ in labels if lang and lang not in declared]
    # `tertulia init`, and check's entry for a missing tag, show a label to write as `…`: one left so is published as `…`
    unwritten = [ContentError(reading.shown_as, line, f"{what} still says `…`{f' in `{lang}`' if lang else ''}, the "
                                                      "place `tertulia init` and `check` leave for words: write them, or "
                                                      "take the language out (its pages then show another language's)")
                 for what, line, labels in named for lang, label in labels if label.strip() == "…"]
    return unshown + sorted(unwritten, key=lambda warning: warning.line)


def _text(path: Path, shown_as: str) -> str:
    """site.yml's text; never through a link, which could show any file's lines in its errors."""
    if path.is_symlink():
        raise ContentErrors([ContentError(shown_as, 0, SYMLINK)])
    if not path.is_file():
        raise ContentErrors([ContentError(shown_as, 0, "site.yml is missing")])
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")  # a byte order mark some Windows editors write
    except UnicodeDecodeError as problem:
        raise ContentErrors([ContentError(shown_as, raw.count(b"\n", 0, problem.start) + 1, "not valid UTF-8")])


def _main_language(value, reading: Reading) -> str:
    """One of `languages`."""
    main = "" if value is None else str(value)
    languages = dict(reading.so_far["languages"])
    written = reading.written.get("languages")
    if isinstance(written, dict) and main in map(str, written):
        return main  # a language tag that failed its own check: that error says all there is to say
    if languages and "main_language" in reading.written and main not in languages:
        reading.fail("main_language", f"main_language `{main}` is not one of languages ({', '.join(languages)})")
    return main


def _languages(value, reading: Reading) -> tuple[tuple[str, str], ...]:
    """`languages`: an ordered map of BCP 47 tag -> display name."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        reading.fail("languages", "languages must map language tags to their names, e.g. `en: English`")
        return ()
    result, seen = [], {}
    for code, name in value.items():
        fail = partial(_fail_at_entry, reading, code)
        if isinstance(code, bool):
            fail("languages", f"`{code}` is what YAML reads an unquoted yes, no, on or off as: write the language "
                              "tag in quotes, e.g. `\"no\": Norsk`")
            continue
        if not isinstance(code, str) or not LANGUAGE_TAG.fullmatch(code):
            fail("languages", f"`{code}` is not a BCP 47 language tag such as `en` or `pt-BR`")
            continue
        if problem := unregistered(code):
            fail("languages", problem)
            continue
        if code.lower() in seen:  # tags are case-insensitive: `en` and `EN` are one language, one folder
            fail("languages", f"`{code}` is `{seen[code.lower()]}` again: language tags are the same in any case")
            continue
        seen[code.lower()] = code
        result.append((code, "" if name is None else str(name)))  # no name: CLDR's, in the reader's language
    return tuple(result)


def _fail_at_entry(reading: Reading, entry, key: str, message: str) -> None:
    """Fail `key` at the line of its entry `entry` (`  es_ES: Español` under `languages:`)."""
    start = reading.lines.get(key, 0)
    reading.fail(key, message, _key_line(reading.text, start, str(entry)) if start else 0)


def _per_language(value, key: str, fail) -> tuple[tuple[str, str], ...]:
    """A per-language text: a map of language -> text, or one plain string; without the characters no
    page or feed may carry, as a post's title is (YAML's `\u0001` wrote one into every feed, which no
    feed reader could then read)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (("", clean_text(value)),)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        fail(key, f"`{key}` must be text, or a map of language -> text")
        return ()
    return tuple((str(lang), clean_text(text)) for lang, text in value.items())


def _title(value, fail) -> tuple[tuple[str, str], ...]:
    """The site's name, shown on every page and feed: an empty one would leave them untitled. None, a
    title left out or with nothing after `title:`, is said once, as every required key's is."""
    if value is None:
        return ()
    texts = _per_language(value, "title", fail)
    readable = isinstance(value, str) or isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    if readable and not any(text.strip() for _, text in texts):  # one that is not text is said so, once
        fail("title", "`title` must not be empty: it names the site on every page and feed")
    return texts


# where a site is published (site.yml, --base-url): every address of the site is joined to it, so no query or fragment
BASE_URL = re.compile(r"https?://[^/\s?#]+(/[^\s?#]*)?")


URL_UNSAFE = re.compile(r"[<>\"'`\\{}|^\x00-\x1f\x7f]")
HOST_PORT = re.compile(r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^:@\[\]]+)(?::(?P<port>\d*))?")


def base_url_problem(url: str) -> str:
    """What makes an absolute http(s) URL (one BASE_URL matches) one that no browser would follow, or ""."""
    host, _, path = url.partition("://")[2].partition("/")
    if URL_UNSAFE.search(host + path):
        return "holds a character an address cannot: a quote, `<`, `>`, a backslash or a brace"
    written = HOST_PORT.fullmatch(host)
    if written is None:
        return "names no host that an address can, such as `example.github.io`"
    if written["port"] and int(written["port"]) > 65535:
        return f"has the port {written['port']}; a port is a number from 1 to 65535"
    if addresses.BAD_ESCAPE.search(path):
        return "holds a `%` not followed by two hexadecimal digits; a percent sign is `%25`"
    try:
        unquote(path, errors="strict")
    except UnicodeDecodeError:  # `%FF`: no letter, and a browser asks for another address than the one written
        return "holds `%` escapes that spell no UTF-8 letters; write the letters themselves, or their UTF-8 escapes"
    if any(part in (".", "..") for part in path.split("/")):
        return "holds a `.` or `..` segment: write the folder it leads to"
    return ""


def _base_url(value, fail) -> str:
    """An absolute http(s) URL, always ending in `/` so paths join cleanly."""
    if value is None:
        return "/"
    if not isinstance(value, str) or not BASE_URL.fullmatch(value):
        fail("base_url", f"base_url must be an absolute http(s) URL with no query or fragment, not `{value}`")
        return "/"
    scheme, _, rest = value.partition("://")
    host, _, path = rest.partition("/")
    problem = base_url_problem(value)
    if problem:  # every canonical link, feed and sitemap entry would carry an address no browser can follow
        fail("base_url", f"base_url `{value[:120]}` {problem}")
        return "/"
    # `…/repo//` (a slash typed twice, or --base-url joined to one ending in `/`) is the folder `repo/`:
    # kept, every address of the sitemap and the feeds would hold the doubled slash
    path = re.sub(r"/{2,}", "/", f"/{path}/")
    # a path is sent escaped: `répo` as `r%C3%A9po`, as the sitemap's protocol asks and a browser's location
    # says it, which a page's scripts compare with it (a host in any script stays as written, as a browser shows it)
    return f"{scheme}://{host}{quote(path, safe=URL_PATH_SAFE)}"


URL_PATH_SAFE = "/%!$&'()*+,;=:@-._~"  # RFC 3986's characters of a path, and `%` of escapes already written


def _tags(value, reading: Reading) -> tuple[Tag, ...]:
    """`tags`: key -> labels per language, or one label for every language (a label may be missing);
    keys giving one segment are one tag."""
    if value is None:  # the key left with every entry commented out, as init's site.yml invites
        return ()
    if not isinstance(value, dict):
        reading.fail("tags", "tags must map each tag key to its labels, e.g. `values: {en: values}`")
        return ()
    tags: dict[str, dict] = {}
    written: dict[str, str] = {}  # segment -> the key as first written, the label where none is given
    for written_key, labels in value.items():
        key = tag_text(written_key)
        fail = partial(_fail_at_entry, reading, written_key, "tags")
        segment, problem = tag_segment(key) if key is not None else ("", "must be text")
        if problem:
            fail(f"tag key `{str(written_key)[:60]}` {problem}")
            continue
        if labels is None:
            labels = {}
        if isinstance(labels, str):  # one label, the same in every language (as a menu entry's may be)
            labels = {"": labels}
        if not isinstance(labels, dict):
            fail(f"tag `{key}` must map languages to labels, or be one label")
            continue
        merged = tags.setdefault(segment, {})
        written.setdefault(segment, key)
        for lang, label in labels.items():
            kept = merged.setdefault(str(lang), str(label))
            if kept != str(label):  # one of the two labels would be dropped without a word
                fail(f"tag key `{key}` is the tag `{written[segment]}` (keys alike but for case, spaces or how an "
                     f"accent is encoded are one tag), whose {'label' if not lang else f'`{lang}` label'} is "
                     f"already `{kept[:60]}`, not `{str(label)[:60]}`: give its labels once")
    return tuple(Tag(key=segment, labels=tuple(labels.items()), written=written[segment])
                 for segment, labels in tags.items())


def _cname_elsewhere(config: SiteConfig, reading: Reading, told: str | None) -> list[ContentError]:
    """A custom domain that is not base_url's host, or under a path: GitHub Pages serves the site at that
    domain's root, where every link, feed and sitemap entry made from base_url would lead elsewhere.
    `told`: the --base-url this build was given, which the Pages workflow takes from GitHub's settings."""
    if not config.cname:
        return []
    host = config.base_url.split("://", 1)[-1].split("/", 1)[0].removesuffix(":443").removesuffix(":80")
    if _domain(host) == _domain(config.cname) and config.base_path == "/":
        return []
    if told is not None:  # site.yml is not what to mend: the Pages settings are
        built_for, mend = f"this build is for `{config.base_url}` (--base-url)", \
            "on GitHub, set the custom domain under Settings → Pages"
    else:
        built_for, mend = f"base_url is `{config.base_url}`", f"set base_url to https://{config.cname}/"
    return [ContentError(reading.shown_as, reading.lines.get("cname", 0),
                         f"cname `{config.cname}` serves the site at https://{config.cname}/, but {built_for}, where "
                         f"the pages' links, feeds and sitemap lead: {mend}")]


def _domain(host: str) -> str:
    """A host as DNS compares it: letter case, a final dot and `bücher` against `xn--bcher-kva` aside."""
    host = host.rstrip(".").casefold()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _cname(value, fail) -> str:
    if not isinstance(value, str) or (value and not re.fullmatch(r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}", value)):
        fail("cname", f"cname must be a domain name such as `example.org`, not `{value}`")
        return ""
    return value


def _per_page(value, fail, key: str = "per_page") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10_000:
        fail(key, f"{key} must be a whole number from 1 to 10000, not `{value}`")
        return next(setting.default for setting in SETTINGS if setting.name == key)  # as any key that fails
    return value


DISCUSSION_DEFAULTS = {setting.name: setting.default for setting in fields(Discussion)}  # MISSING: required
DISCUSSION_KEYS = set(DISCUSSION_DEFAULTS)


def _discussion(value, reading: Reading) -> Discussion | None:
    """`discussion`: where readers' proposed comments go; absent, no page offers to propose one."""
    if value is None:
        return None
    if not isinstance(value, dict):
        reading.fail("discussion", "discussion must map `repo` (owner/name), and optionally `branch`, `email` and `issues`")
        return None
    value = _known_only(value, DISCUSSION_KEYS, "discussion", "discussion", reading.text,
                        reading.lines.get("discussion", 0), reading.warn)
    given = {**DISCUSSION_DEFAULTS, "repo": None, **value}  # a key left out takes its field's default
    repo, branch, email, issues = given["repo"], given["branch"], given["email"], given["issues"]
    problems = []  # (the sub-key whose line it is said at, what is wrong)
    if not isinstance(repo, str) or not REPO.fullmatch(repo):
        written = "missing" if repo is None else f"not `{repo}`"  # `None` is no word an author wrote
        problems.append(("repo", f"discussion repo must be a GitHub repository as `owner/name`, {written}"))
    if not isinstance(branch, str) or not BRANCH.fullmatch(branch):
        problems.append(("branch", f"discussion branch `{branch}` is not a branch name"))
    if not isinstance(email, str) or (email and not EMAIL.fullmatch(email)):
        problems.append(("email", f"discussion email `{email}` is not an e-mail address"))
    if not isinstance(issues, bool):
        problems.append(("issues", f"discussion issues must be true or false, not `{issues}`"))
    for sub_key, problem in problems:  # a sub-key left out (repo) is said at `discussion:`
        _fail_at_entry(reading, sub_key, "discussion", problem)
    return None if problems else Discussion(repo=repo, branch=branch, email=email, issues=issues)


def _search(value, fail) -> bool:
    if not isinstance(value, bool):
        fail("search", f"search must be true or false, not `{value}`")
        return SiteConfig.search
    return value


def _english_interface(value, languages, fail) -> tuple[str, ...]:
    """`english_interface`: languages whose pages may use English interface words, for want of a catalog."""
    if value is None:  # the key left with every entry commented out, as init's site.yml invites
        return ()
    if isinstance(value, str):
        value = [value]
    codes = dict(languages)
    if not isinstance(value, list) or not all(isinstance(code, str) and code in codes for code in value):
        fail("english_interface", "english_interface must list languages of `languages` whose pages may use "
                                  f"English interface words, e.g. `[{next(iter(codes), 'eu')}]`")
        return ()
    return tuple(value)


def _known_only(entry: dict, known, setting: str, where: str, text: str, opening: int, warn) -> dict:
    """A map's known keys (of `setting`, the map `where` names), an unknown one ignored with a warning at
    its line in the map that opens on line `opening` (that line itself when the map is written on one), as
    at site.yml's top: a site.yml written for a later version, which may add optional keys here too, still
    builds."""
    for key in sorted(set(entry) - set(known), key=_as_written):
        name = _as_written(key)
        near = get_close_matches(name, sorted(known), n=1, cutoff=0.75)
        meant = f"; is it meant to be `{near[0]}`?" if near else f" (known: {', '.join(sorted(known))})"
        warn(setting, f"{where}: unknown key `{name}` is ignored{meant}",
             _own_key_line(text, opening, name) if opening else 0)
    return {key: value for key, value in entry.items() if key in known}


def _own_key_line(text: str, opening: int, name: str) -> int:
    """The line of the map's own key `name` (not one of the same name deeper in it), else `opening`'s."""
    lines = text.splitlines()
    written = rf"[\"']?{re.escape(name)}[\"']?\s*:"
    if re.match(rf"\s*-\s+{written}", lines[opening - 1]):  # a list item's first key, on its dash's line
        return opening
    inside = [(number, line) for number, line in enumerate(lines[opening:_block_end(lines, opening)], opening + 1)
              if line.strip() and not line.lstrip().startswith("#")]
    own = min((len(line) - len(line.lstrip(" ")) for _, line in inside), default=0)
    return next((number for number, line in inside
                 if len(line) - len(line.lstrip(" ")) == own and re.match(rf"\s*{written}", line)), opening)


def _block_end(lines: list[str], opening: int) -> int:
    """The last line of the map that opens on line `opening` (`discussion:`, a menu's `- url: …`): the lines
    after it that stand further in than it does."""
    indent = len(lines[opening - 1]) - len(lines[opening - 1].lstrip(" "))
    last = opening
    for number, line in enumerate(lines[opening:], opening + 1):
        if line.strip() and not line.lstrip().startswith("#"):
            if len(line) - len(line.lstrip(" ")) <= indent:
                break
            last = number
    return last


def _menu(value, text: str, shown_as: str, menu_line: int, fail, warn) -> tuple[MenuEntry, ...]:
    """`menu`: a list of `page: <slug>` or `url: <address>` with `label: {lang: text}` entries.
    Whether each page exists is checked once the pages are read."""
    if value is None:  # the key left with every entry commented out, as init's site.yml invites
        return ()
    if not isinstance(value, list):
        fail("menu", "menu must be a list of entries such as `- page: about` or `- url: …` with `label:`")
        return ()
    entries = []
    for index, entry in enumerate(value):
        if isinstance(entry, dict) and ("page" in entry) != ("url" in entry):
            entry = _known_only(entry, ("page", "url", "label"), "menu", f"menu entry `{entry.get('page', entry.get('url'))}`",
                                text, _item_line(text, menu_line, index) if menu_line else 0, warn)
        if isinstance(entry, dict) and set(entry) == {"page"} and isinstance(entry["page"], str):
            slug = entry["page"]
            entries.append(MenuEntry(page=slug, path=shown_as, line=_entry_line(text, menu_line, "page", slug)))
        elif isinstance(entry, dict) and set(entry) == {"url", "label"} and _menu_url(entry["url"]):
            labels = entry["label"]
            if isinstance(labels, str):
                labels = {"": labels}
            if not isinstance(labels, dict) or not labels or not all(isinstance(v, str) for v in labels.values()):
                fail("menu", f"menu entry `{entry['url']}`: label must be text, or a map of language -> text",
                     _item_line(text, menu_line, index))
                continue
            empty = [lang for lang, label in labels.items() if not label.strip()]
            if empty:  # a link with no words: a reader sees nothing to click, a screen reader says only "link"
                fail("menu", f"menu entry `{entry['url']}`: its {'label' if empty == [''] else f'`{empty[0]}` label'} "
                             "is empty, which leaves a link with no words", _item_line(text, menu_line, index))
                continue
            entries.append(MenuEntry(url=entry["url"], labels=tuple((str(k), v) for k, v in labels.items()),
                                     path=shown_as, line=_entry_line(text, menu_line, "url", entry["url"])))
        else:
            fail("menu", _menu_entry_problem(entry), _item_line(text, menu_line, index))
    return tuple(entries)


def _menu_entry_problem(entry) -> str:
    """What is wrong with a menu entry, in the words of the YAML the author wrote (not Python's)."""
    rule = "must be `page: <slug>`, or `url:` (http(s) or starting with /) with `label:`"
    if not isinstance(entry, dict):
        return f"menu entry `{_as_written(entry)[:80]}` {rule}"
    written = ", ".join(f"{key}: {_as_written(value)[:40]}" for key, value in entry.items())
    if "page" in entry and "label" in entry:  # a page's label is its title, in each language
        return f"menu entry `{written[:80]}`: a page's entry takes no `label` (the page's title is its label)"
    unknown = sorted(str(key) for key in entry if key not in ("page", "url", "label"))
    if unknown:
        return f"menu entry `{written[:80]}`: unknown key `{unknown[0]}`; an entry {rule}"
    if "url" in entry and "label" in entry:
        return f"menu entry `{written[:80]}`: url must be http(s) or start with /, not `{one_line(str(entry['url']))[:60]}`"
    return f"menu entry `{written[:80]}` {rule}"


def _as_written(value) -> str:
    """A YAML value on one line as YAML would write it inline (`{pt-BR: Colofão}`), not as Python does."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_as_written(k)}: {_as_written(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_as_written(item) for item in value) + "]"
    return "null" if value is None else one_line(str(value).lower() if isinstance(value, bool) else str(value))


def _menu_url(url) -> bool:
    return isinstance(url, str) and (re.fullmatch(r"https?://[^/\s]+(/\S*)?", url) is not None
                                     or re.fullmatch(r"/[^\s\\]*", url) is not None and "//" not in url)


def _entry_line(text: str, menu_line: int, key: str, value: str) -> int:
    """The line of a menu entry, for an error that names it: the first `key: value` after `menu:`."""
    return _line_after(text, menu_line, re.compile(rf"\b{key}:\s*[\"']?{re.escape(value)}[\"']?\s*(#.*)?$"))


def _item_line(text: str, start: int, index: int) -> int:
    """The line of the `index`-th item (`- …`) of the list under the key on line `start`, else `start`."""
    items = 0
    indent = None
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        item = re.match(r"(\s*)- ", line)
        if item and indent in (None, item.group(1)):
            indent = item.group(1)
            if items == index:
                return number
            items += 1
        elif line.strip() and not line.startswith((" ", "\t", "#")):  # the next top-level key: the list is over
            break
    return start


def _line_after(text: str, start: int, pattern: re.Pattern) -> int:
    """The number of the first line after line `start` that `pattern` finds, else `start`."""
    for number, line in enumerate(text.splitlines()[start:], start + 1):
        if pattern.search(line):
            return number
    return start


NO_ZONES = ("localtime", "posixrules", "factory")  # the machine's own zone, or no zone at all


def _zone_meant(value: str) -> str:
    """The zone a misspelt one (`Europe/Helsinky`), one written in other letter case or with spaces
    (`america/sao paulo`) or a city alone (`Madrid`) likely means, or "". None is guessed for an offset or
    an abbreviation (`UTC+2`, `CEST`): a place's clock keeps summer time, an offset does not, and a zone
    guessed from one (`UTC`, `EST`) would move every date by hours."""
    if re.search(r"[0-9+]", value) or re.fullmatch(r"[A-Z]{2,5}", value):
        return ""
    zones = sorted(_zones())
    exact = {zone.casefold(): zone for zone in zones}.get(value.replace(" ", "_").casefold())
    if exact:
        return exact
    # by the city, among the region's: the whole name compared, a shared `Europe/` made any of the region's
    # look close (`Europe/Moskva` was `Europe/Minsk`)
    region, _, city = value.replace(" ", "_").casefold().rpartition("/")
    cities = {zone.rsplit("/", 1)[-1].casefold(): zone for zone in zones
              if "/" in zone and (not region or zone.casefold().startswith(region + "/"))}
    near = get_close_matches(city, sorted(cities), n=1, cutoff=0.75)
    return cities[near[0]] if near else ""


def usable_timezone(value) -> str:
    """site.yml's `timezone` when check takes it, else "": for an import that reads site.yml without
    stopping at its other faults (`check` names them), and must not write dates on a zone check refuses."""
    return _timezone(value, lambda key, message: None)


def _timezone(value, fail) -> str:
    """An IANA time zone (`Europe/Madrid`) that dates written without an offset are in."""
    if value in ("", None):
        return ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+/-]*", value) or ".." in value:
            raise ValueError
        if value.lower() in NO_ZONES:
            raise ValueError
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError, OSError):
        near = _zone_meant(value) if isinstance(value, str) else ""
        meant = f"; is it meant to be `{near}`?" if near else ""
        fail("timezone", f"timezone must be an IANA time zone such as `Europe/Madrid`, not `{str(value)[:60]}`{meant}")
        return ""
    return value


def _redirects(value, reading: Reading) -> tuple[Redirect, ...]:
    """`redirects`: old site-relative address -> new site-relative address, each with its line."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        reading.fail("redirects", "redirects must map old addresses to new ones, e.g. `/about-us/: /about/`")
        return ()
    found, start, served = [], reading.lines.get("redirects", 0), {}
    for old, new in value.items():
        line = _key_line(reading.text, start, str(old))
        wrong = addresses.problem(old)
        wrong_new = "" if wrong else addresses.problem(new, target=True)
        if wrong:
            reading.fail("redirects", f"redirect {wrong}", line)
        elif wrong_new:  # said as the new address's: both stand on the line, and the old one is fine
            reading.fail("redirects", f"redirect `{old[:80]}`: its new address {wrong_new}", line)
        elif (where := addresses.written_at(old)) in served:
            reading.fail("redirects", f"redirect `{old[:80]}` is the address `{served[where][:80]}` names too "
                                      "(a static host serves both from one file); keep one", line)
        else:
            served[where] = old
            found.append(Redirect(old, new, reading.shown_as, line))
    for redirect, through in _loops(found):
        reading.fail("redirects", f"redirect `{redirect.old[:80]}` leads back to itself"
                                  + (f" through {through}" if through else "")
                                  + ": a reader's browser would go round and round; point it at a page", redirect.line)
    return tuple(found)


def _loops(redirects: list[Redirect]) -> list[tuple[Redirect, str]]:
    """Each ring of redirects that lead into one another, said once, at its first: (that redirect,
    the others' old addresses)."""
    by_place = {addresses.written_at(r.old): r for r in redirects}
    rings, seen = [], set()
    for redirect in redirects:
        ring, place = [redirect], addresses.written_at(redirect.new)
        while place in by_place and by_place[place] not in ring:  # each step a new one: it ends
            ring.append(by_place[place])
            place = addresses.written_at(ring[-1].new)
        if by_place.get(place) is redirect and not seen & {r.old for r in ring}:
            seen.update(r.old for r in ring)
            rings.append((redirect, ", ".join(f"`{r.old[:80]}`" for r in ring[1:])))
    return rings


QUOTED_KEY = re.compile(r'^\s+("(?:[^"\\]|\\.)*")\s*:')  # a key in double quotes, escapes and all


def _key_line(text: str, start: int, key: str) -> int:
    r"""The line of `key:` in the mapping that opens on line `start`, for an error that names the entry: as
    written, or in double quotes with YAML's escapes (`"a\\b"`, `"c\x07d"`), read as YAML reads them."""
    line = _line_after(text, start, re.compile(rf"^\s+[\"']?{re.escape(key)}[\"']?\s*:"))
    if line != start or "\\" not in text:
        return line
    for number, written in enumerate(text.splitlines()[start:], start + 1):
        quoted = QUOTED_KEY.match(written)
        if quoted and "\\" in quoted.group(1) and _yaml_string(quoted.group(1)) == key:
            return number
    return start


def _yaml_string(quoted: str) -> str | None:
    """A double-quoted YAML scalar's text, or None when it is not one."""
    import yaml
    try:
        value = yaml.safe_load(quoted)
    except yaml.YAMLError:
        return None
    return value if isinstance(value, str) else None


def _zones() -> set[str]:
    """The IANA zones this machine knows, to name the one a misspelt `timezone` meant (read only then)."""
    from zoneinfo import available_timezones
    return {zone for zone in available_timezones() if zone.lower() not in NO_ZONES}
