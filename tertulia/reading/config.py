"""site.yml -> a validated SiteConfig, or every problem in it at once."""

from __future__ import annotations

import re
from pathlib import Path


from ..errors import ContentError, ContentErrors
from .find import SYMLINK
from .names import tag_segment
from ..model import Discussion, MenuEntry, SiteConfig, Tag
from . import addresses
from .yamltext import key_lines, load_yaml

LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
REQUIRED = ("title", "base_url", "languages", "main_language")
KNOWN = REQUIRED + ("description", "tags", "cname", "per_page", "comments_per_page", "discussion", "search", "menu",
                    "english_interface", "timezone", "redirects")
REPO = re.compile(r"[A-Za-z0-9-]+/[A-Za-z0-9._-]+")
BRANCH = re.compile(r"(?!.*\.\.)(?!/)(?!.*/$)[A-Za-z0-9._/-]+")
EMAIL = re.compile(r"[^@\s<>\"',;:()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def load_config(path: Path, shown_as: str, base_url: str | None = None) -> SiteConfig:
    """Read site.yml; raise ContentErrors naming each bad key and its line."""
    if path.is_symlink():  # read through, it could show any file's lines in its errors
        raise ContentErrors([ContentError(shown_as, 0, SYMLINK)])
    if not path.is_file():
        raise ContentErrors([ContentError(shown_as, 0, "site.yml is missing")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise ContentErrors([ContentError(shown_as, raw.count(b"\n", 0, problem.start) + 1, "not valid UTF-8")])
    data, error = load_yaml(text, shown_as, first_line=1)
    if error:
        raise ContentErrors([error])
    if not isinstance(data, dict):
        raise ContentErrors([ContentError(shown_as, 1, "site.yml must be a mapping of settings")])
    lines = key_lines(text, first_line=1)
    errors: list[ContentError] = []

    def fail(key: str, message: str) -> None:
        errors.append(ContentError(shown_as, lines.get(key, 0), message))

    for key in REQUIRED:
        if key not in data:
            fail(key, f"missing required key `{key}`")
    for key in data:
        if key not in KNOWN:
            fail(str(key), f"unknown key `{key}` (known: {', '.join(KNOWN)})")
    languages = _languages(data.get("languages"), fail)
    main = str(data.get("main_language", ""))
    if languages and "main_language" in data and main not in dict(languages):
        fail("main_language", f"main_language `{main}` is not one of languages ({', '.join(dict(languages))})")
    url = _base_url(base_url if base_url is not None else data.get("base_url"), fail)
    config = SiteConfig(
        title=_per_language(data.get("title"), "title", fail),
        description=_per_language(data.get("description", {}), "description", fail),
        base_url=url,
        languages=languages,
        main_language=main,
        tags=_tags(data.get("tags", {}), fail),
        cname=_cname(data.get("cname", ""), fail),
        per_page=_per_page(data.get("per_page", 20), fail),
        comments_per_page=_per_page(data.get("comments_per_page", 50), fail, "comments_per_page"),
        discussion=_discussion(data.get("discussion"), fail),
        search=_search(data.get("search", True), fail),
        menu=_menu(data.get("menu", []), text, shown_as, lines.get("menu", 0), fail),
        english_interface=_english_interface(data.get("english_interface", []), languages, fail),
        timezone=_timezone(data.get("timezone", ""), fail),
        redirects=_redirects(data.get("redirects", {}), tuple(dict(languages)), fail),
    )
    if errors:
        raise ContentErrors(errors)
    return config


def _languages(value, fail) -> tuple[tuple[str, str], ...]:
    """`languages`: an ordered map of BCP 47 tag -> display name."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not value:
        fail("languages", "languages must map language tags to their names, e.g. `en: English`")
        return ()
    result = []
    for code, name in value.items():
        if not isinstance(code, str) or not LANGUAGE_TAG.fullmatch(code):
            fail("languages", f"`{code}` is not a BCP 47 language tag such as `en` or `pt-BR`")
            continue
        result.append((code, "" if name is None else str(name)))  # no name: CLDR's, in the reader's language
    return tuple(result)


def _per_language(value, key: str, fail) -> tuple[tuple[str, str], ...]:
    """A per-language text: a map of language -> text, or one plain string."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (("", value),)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        fail(key, f"`{key}` must be text, or a map of language -> text")
        return ()
    return tuple((str(lang), text) for lang, text in value.items())


def _base_url(value, fail) -> str:
    """An absolute http(s) URL, always ending in `/` so paths join cleanly."""
    if value is None:
        return "/"
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^/\s]+(/\S*)?", value):
        fail("base_url", f"base_url must be an absolute http(s) URL, not `{value}`")
        return "/"
    return value if value.endswith("/") else value + "/"


def _tags(value, fail) -> tuple[Tag, ...]:
    """`tags`: key -> labels per language (a label may be missing); keys giving one segment are one tag."""
    if not isinstance(value, dict):
        fail("tags", "tags must map each tag key to its labels, e.g. `values: {en: values}`")
        return ()
    tags: dict[str, dict] = {}
    for key, labels in value.items():
        segment, problem = tag_segment(key) if isinstance(key, str) else ("", "must be text")
        if problem:
            fail("tags", f"tag key `{str(key)[:60]}` {problem}")
            continue
        if labels is None:
            labels = {}
        if not isinstance(labels, dict):
            fail("tags", f"tag `{key}` must map languages to labels")
            continue
        merged = tags.setdefault(segment, {})
        for lang, label in labels.items():
            merged.setdefault(str(lang), str(label))  # the first key written wins a language's label
    return tuple(Tag(key=segment, labels=tuple(labels.items())) for segment, labels in tags.items())


def _cname(value, fail) -> str:
    if not isinstance(value, str) or (value and not re.fullmatch(r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}", value)):
        fail("cname", f"cname must be a domain name such as `example.org`, not `{value}`")
        return ""
    return value


def _per_page(value, fail, key: str = "per_page") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10_000:
        fail(key, f"{key} must be a whole number from 1 to 10000, not `{value}`")
        return 20
    return value


def _discussion(value, fail) -> Discussion | None:
    """`discussion`: where readers' proposed comments go; absent, no page offers to propose one."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"repo", "branch", "email", "issues"}:
        fail("discussion", "discussion must map `repo` (owner/name), and optionally `branch`, `email` and `issues`")
        return None
    repo, branch, email = value.get("repo"), value.get("branch", "main"), value.get("email", "")
    issues = value.get("issues", False)
    problems = []
    if not isinstance(repo, str) or not REPO.fullmatch(repo):
        problems.append(f"discussion repo must be a GitHub repository as `owner/name`, not `{repo}`")
    if not isinstance(branch, str) or not BRANCH.fullmatch(branch):
        problems.append(f"discussion branch `{branch}` is not a branch name")
    if not isinstance(email, str) or (email and not EMAIL.fullmatch(email)):
        problems.append(f"discussion email `{email}` is not an e-mail address")
    if not isinstance(issues, bool):
        problems.append(f"discussion issues must be true or false, not `{issues}`")
    for problem in problems:
        fail("discussion", problem)
    return None if problems else Discussion(repo=repo, branch=branch, email=email, issues=issues)


def _search(value, fail) -> bool:
    if not isinstance(value, bool):
        fail("search", f"search must be true or false, not `{value}`")
        return True
    return value


def _english_interface(value, languages, fail) -> tuple[str, ...]:
    """`english_interface`: languages whose pages may use English interface words, for want of a catalog."""
    if isinstance(value, str):
        value = [value]
    codes = dict(languages)
    if not isinstance(value, list) or not all(isinstance(code, str) and code in codes for code in value):
        fail("english_interface", "english_interface must list languages of `languages` whose pages may use "
                                  f"English interface words, e.g. `[{next(iter(codes), 'eu')}]`")
        return ()
    return tuple(value)


def _menu(value, text: str, shown_as: str, menu_line: int, fail) -> tuple[MenuEntry, ...]:
    """`menu`: a list of `page: <slug>` or `url: <address>` with `label: {lang: text}` entries.
    Whether each page exists is checked once the pages are read."""
    if not isinstance(value, list):
        fail("menu", "menu must be a list of entries such as `- page: about` or `- url: …` with `label:`")
        return ()
    entries = []
    for entry in value:
        if isinstance(entry, dict) and set(entry) == {"page"} and isinstance(entry["page"], str):
            slug = entry["page"]
            entries.append(MenuEntry(page=slug, path=shown_as, line=_entry_line(text, menu_line, "page", slug)))
        elif isinstance(entry, dict) and set(entry) == {"url", "label"} and _menu_url(entry["url"]):
            labels = entry["label"]
            if isinstance(labels, str):
                labels = {"": labels}
            if not isinstance(labels, dict) or not labels or not all(isinstance(v, str) for v in labels.values()):
                fail("menu", f"menu entry `{entry['url']}`: label must be text, or a map of language -> text")
                continue
            entries.append(MenuEntry(url=entry["url"], labels=tuple((str(k), v) for k, v in labels.items()),
                                     path=shown_as, line=_entry_line(text, menu_line, "url", entry["url"])))
        else:
            fail("menu", f"menu entry `{str(entry)[:80]}` must be `page: <slug>`, or `url:` (http(s) or "
                         "starting with /) with `label:`")
    return tuple(entries)


def _menu_url(url) -> bool:
    return isinstance(url, str) and (re.fullmatch(r"https?://[^/\s]+(/\S*)?", url) is not None
                                     or re.fullmatch(r"/[^\s\\]*", url) is not None and "//" not in url)


def _entry_line(text: str, menu_line: int, key: str, value: str) -> int:
    """The line of a menu entry, for an error that names it: the first `key: value` after `menu:`."""
    pattern = re.compile(rf"\b{key}:\s*[\"']?{re.escape(value)}[\"']?\s*(#.*)?$")
    for number, line in enumerate(text.splitlines()[menu_line:], menu_line + 1):
        if pattern.search(line):
            return number
    return menu_line


def _timezone(value, fail) -> str:
    """An IANA time zone (`Europe/Madrid`) that dates written without an offset are in."""
    if value in ("", None):
        return ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_+/-]*", value) or ".." in value:
            raise ValueError
        ZoneInfo(value)
    except (ValueError, ZoneInfoNotFoundError, OSError):
        fail("timezone", f"timezone must be an IANA time zone such as `Europe/Madrid`, not `{str(value)[:60]}`")
        return ""
    return value


def _redirects(value, languages: tuple[str, ...], fail) -> tuple[tuple[str, str], ...]:
    """`redirects`: old site-relative address -> new site-relative address."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        fail("redirects", "redirects must map old addresses to new ones, e.g. `/about-us/: /about/`")
        return ()
    found = []
    for old, new in value.items():
        wrong = addresses.problem(old, languages) or addresses.problem(new, languages, target=True)
        if wrong:
            fail("redirects", f"redirect {wrong}")
        else:
            found.append((old, new))
    return tuple(found)
