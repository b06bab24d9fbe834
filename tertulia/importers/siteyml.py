"""site.yml for an import: the tags it brings added to an existing file with every comment and
the order kept (ruamel.yaml's round trip), or a new file made from the blog's own header."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..reading.config import BASE_URL, base_url_problem
from ..reading.yamltext import plain_or_quoted, quoted, yaml_problem
from .problems import ContentProblem, shown
from .wpfiles import text_of
from .wxr import Channel


def _yaml():
    from ruamel.yaml import YAML  # here: only imports need it
    yaml = YAML()  # round-trip: comments, order and quoting stay as the author wrote them
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def settings(path: Path) -> dict:
    """An existing site.yml's settings, read once for all that an import asks of them; {} when there is none."""
    return _load(path, _yaml())[0] if path.is_file() else {}


def languages(path: Path) -> tuple[list[str], str]:
    """The languages of an existing site.yml, and its main language; nothing when there is none."""
    return languages_in(settings(path))


def languages_in(data: dict) -> tuple[list[str], str]:
    codes = data.get("languages")
    return [str(code) for code in codes] if isinstance(codes, dict) else [], str(data.get("main_language") or "")


def base_url_in(data: dict) -> str:
    """The base_url of the settings, "" when they give none."""
    found = data.get("base_url")
    return found.strip() if isinstance(found, str) else ""


def _load(path: Path, yaml) -> tuple[dict, str]:
    """An existing site.yml as ruamel's round-trip map, and its text; ContentProblem at the line where
    it goes wrong."""
    from ruamel.yaml import YAMLError
    where = f"{path.parent.name}/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text)
    except UnicodeDecodeError:
        raise ContentProblem(f"{where}: is not UTF-8 text; save it as UTF-8") from None
    except YAMLError as problem:
        at, said = yaml_problem(problem, text)
        line = f":{at + 1}" if at is not None else ""
        raise ContentProblem(f"{where}{line}: is not valid YAML ({said or 'unreadable'})"
                             "; the import adds its tags only to a site.yml that reads") from None
    except (OSError, RecursionError, ValueError) as problem:
        raise ContentProblem(f"{where}: cannot be read ({type(problem).__name__})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentProblem(f"{where}:1: is not a map of settings (`title: ...`, `languages: ...`)")
    return data, text


def updated(path: Path, channel: Channel, lang: str, tags: dict[str, str], redirects: dict[str, str],
            summary, languages: dict[str, str] | None = None, odd_languages: list[str] = (),
            menu: list[str] = (), menus: list[str] = (), labels: dict[str, str] | None = None) -> str | None:
    """The new text of site.yml, or None when it already has every tag and redirect; what is added is
    named in `summary` (its tags_added and redirects_added). `languages` are those the blog's plugin
    gives its published posts and pages (tag -> the blog's name for it), `menu` the slugs of the pages the
    blog's `menus` linked: a new site.yml declares and links them all, an existing one is only told of them.
    `labels` are its tags' names in `lang` (a translation's terms): each added where the tag has none in it."""
    if not path.is_file():
        summary.tags_added.extend(sorted(tags))
        summary.redirects_added.extend(sorted(redirects))
        summary.menu_written = list(menu)
        declared = site_languages(lang, languages or {})
        summary.blog_header = (languages_declared(declared, lang) + languages_odd(odd_languages)
                               + menu_written(menu, menus) + unsaid_clock({}, summary.clock_offsets, path)
                               + unpublishable(path))
        return new_site(channel, lang, tags, redirects, declared, menu)
    yaml = _yaml()
    data, text = _load(path, yaml)
    summary.blog_header = (unsaid(data, channel, lang, path) + unsaid_languages(data, languages or {}, path)
                           + languages_odd(odd_languages) + unsaid_menu(data, menu, menus, path)
                           + unsaid_clock(data, summary.clock_offsets, path))
    written = {key for key in ("tags", "redirects") if key in data}
    known_tags, known_redirects = _map(data, "tags", path), _map(data, "redirects", path)
    lower = {key.lower() for key in tag_keys(path)}
    for key in tags:
        if key not in lower:
            known_tags[_key(key)] = {_key(lang): _text(tags[key])}
            summary.tags_added.append(key)
    for key, label in sorted((labels or {}).items()):
        entry = next((k for k in known_tags if str(k) == key), None)  # as the build reads it (see tag_keys)
        names = known_tags.get(entry) if entry is not None else None
        if entry is not None and names is None:  # a key with no labels yet
            names = known_tags[entry] = {}
        if isinstance(names, dict) and lang.casefold() not in {str(code).casefold() for code in names}:
            names[_key(lang)] = _text(label)
            summary.labels_added.append(f"{shown(key, 60)} ({shown(label, 60)})")
    followed = []
    for old in sorted(redirects):
        if old not in known_redirects:  # quoted, as a new site.yml has them
            known_redirects[_text(old)] = _text(redirects[old])
            summary.redirects_added.append(old)
        elif known_redirects[old] != redirects[old] and _gone(str(known_redirects[old]), path.parent):
            known_redirects[old] = _text(redirects[old])  # its post's folder was renamed since: the redirect follows it
            followed.append(old)
    summary.redirects_followed = followed
    if not summary.tags_added and not summary.redirects_added and not followed and not summary.labels_added:
        return None
    for key, known in (("tags", known_tags), ("redirects", known_redirects)):
        if not known and key not in written:  # made by `_map`, and left empty: nothing to say
            del data[key]
    yaml.indent(**_indents(text))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _text(value: str):
    """A name as YAML keeps it text, in double quotes: plain, `No` or `on` would be read as false or true."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString
    return DoubleQuotedScalarString(value)


def _key(key: str):
    """A tag key or language as YAML reads it back as that text: plain where it can be, else quoted (`"no"`,
    `"2014"`, `"1e3"`: a number to the YAML 1.2 this module reads with, text to the build's 1.1)."""
    return key if plain(key) else _text(key)


def plain(key: str) -> bool:
    """Whether a key reads back as itself, written plain, to both YAML 1.1 and 1.2."""
    return plain_or_quoted(key) == key and not NUMBER_LIKE.match(key)


NUMBER_LIKE = re.compile(r"[-+.0-9]")  # a key starting so may be a number to one YAML or the other


def tag_keys(path: Path) -> list[str]:
    """site.yml's tag keys as the build reads them (YAML 1.1: `1e3` is text there, a number to ruamel)."""
    from ..reading.yamltext import load_yaml
    try:
        data, error = load_yaml(path.read_text(encoding="utf-8"), str(path), 1) if path.is_file() else ({}, None)
    except (OSError, UnicodeDecodeError):
        return []
    tags = data.get("tags") if error is None and isinstance(data, dict) else None
    return [str(key) for key in tags] if isinstance(tags, dict) else []


def _gone(target: str, content: Path) -> bool:
    """Whether a redirect leads to a post's or page's folder that content/ no longer has (renamed since)."""
    found = FOLDER_TARGET.match(target)
    return bool(found) and not (content / found.group(1) / found.group(2)).is_dir()


FOLDER_TARGET = re.compile(r"/(?:[^/]+/)?(posts|pages)/([^/#?]+)/")  # `/posts/x/`, `/en/posts/x/`


LIST_KEY = re.compile(r" *[^\s#-][^#]*: *(?:#.*)?")  # `menu:`, with or without a comment after it


def _indents(text: str) -> dict:
    """ruamel writes every list one way: the way of the file's first (`tertulia init` writes `menu`'s
    items two spaces in, `  - page: about`), so that a list the import does not touch keeps its place."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        item = line.lstrip(" ")
        if item.startswith("- ") and number and LIST_KEY.fullmatch(lines[number - 1]):
            above = lines[number - 1]
            offset = len(line) - len(item) - (len(above) - len(above.lstrip(" ")))
            if offset > 0:
                return {"mapping": 2, "sequence": offset + 2, "offset": offset}
            break
    return {"mapping": 2, "sequence": 2, "offset": 0}


# The tagline WordPress gave every new blog (until 6.1): its words, not the blogger's (a migration walk found
# it as every page's description), in English and as its translations for the languages most met said it
STOCK_TAGLINES = frozenset({"just another wordpress site", "just another wordpress.com site",
                            "just another wordpress weblog", "just another wordpress.com weblog",
                            "otro sitio realizado con wordpress", "un site utilisant wordpress",
                            "eine weitere wordpress-website", "eine weitere wordpress-seite", "un altro sito wordpress",
                            "só mais um site wordpress", "zomaar een wordpress website", "încă un site wordpress",
                            "un altre lloc de wordpress"})


def own_description(channel: Channel) -> str:
    """The blog's description as its blogger wrote it; none where it is WordPress's stock tagline."""
    description = text_of(channel.description)
    return "" if description.strip().rstrip(".!…").strip().casefold() in STOCK_TAGLINES else description


def unsaid(data, channel: Channel, lang: str, path: Path) -> list[str]:
    """The summary's lines for the blog's title and description that site.yml lacks (its title still the
    folder's name, as `tertulia init` writes it without --title): each with the key to set, since
    site.yml is the author's and the import adds only tags and redirects to it."""
    where = f"{path.parent.name}/{path.name}"
    lines = []
    lang = _blog_language(data, channel, lang)
    title, description = text_of(channel.title), own_description(channel)
    standing = data.get("title")
    folder = path.resolve().parent.parent.name
    if title and (not standing or standing == folder):
        now = f"its `title` is `{shown(folder)}`, the folder's name that `tertulia init` put there" if standing \
            else "it has no `title`"
        lines.append(f"the blog's title, which site.yml does not have ({now}): to use it, set "
                     f"`title: {{{lang}: {quoted(title)}}}` in {where}")
    if description and not data.get("description"):
        lines.append(f"the blog's description, which site.yml does not have: to use it, set "
                     f"`description: {{{lang}: {quoted(description)}}}` in {where}")
    return lines


def site_languages(lang: str, found: dict[str, str]) -> dict[str, str]:
    """The languages a new site.yml declares, tag -> label: the import's first, then, by tag, each other one
    the blog's plugin gives its published posts and pages (one sharing a primary subtag with one already
    declared is that one, as the import reads it). Labels are the blog's own names, else CLDR's."""
    def primary(tag: str) -> str:
        return tag.split("-")[0].lower()
    named = {tag.lower(): name for tag, name in found.items()}
    declared = {lang: _label(lang, named.get(lang.lower(), ""))}
    for tag in sorted(found):
        if all(primary(tag) != primary(known) for known in declared):
            declared[tag] = _label(tag, found[tag])
    return declared


def _label(tag: str, name: str) -> str:
    """A language's label: the blog's name for it, else (none, or only its tag again) CLDR's."""
    return name if name and name.casefold() != tag.casefold() else language_name(tag)


def unpublishable(path: Path) -> list[str]:
    """The summary's line for a new site.yml in a folder without `tertulia init`'s workflows: a new user's
    imported blog had no way onto GitHub Pages, and `init` refuses a folder that is not empty."""
    if (path.parent.parent / ".github" / "workflows").is_dir():
        return []
    return ["a new site: its base_url is the old blog's address; to publish it on GitHub Pages, start a site with "
            "`tertulia init DIR --lang ...` (its workflows build and publish it) and move this content/ into it "
            "in place of the one init wrote, or import there"]


def languages_declared(declared: dict[str, str], lang: str) -> list[str]:
    """The summary's line for a new site.yml declaring the blog's other languages: how their posts come in."""
    others = [tag for tag in declared if tag != lang]
    if not others:
        return []
    return ["languages declared in site.yml, as the blog's plugin (Polylang, WPML) marks its published posts and pages: "
            + ", ".join(f"{tag} ({declared[tag]})" for tag in declared) + f"; those in languages other than "
            f"`{lang}` were left out: import the export again for them, "
            + ", then ".join(f"with `--lang {tag}`" for tag in others)]


def unsaid_languages(data, found: dict[str, str], path: Path) -> list[str]:
    """The summary's line for the languages the blog's plugin gives published posts and pages that an existing
    site.yml does not declare (none sharing their primary subtag): site.yml is the author's, so it says how."""
    known = data.get("languages") if isinstance(data.get("languages"), dict) else {}
    primaries = {str(tag).split("-")[0].lower() for tag in known}
    missing = {tag: _label(tag, name) for tag, name in sorted(found.items())
               if tag.split("-")[0].lower() not in primaries}
    if not missing:
        return []
    return ["languages the blog's plugin (Polylang, WPML) gives published posts and pages, which site.yml does not "
            "declare: " + ", ".join(f"{tag} ({name})" for tag, name in missing.items()) + "; to import them, add "
            + ", ".join(f"`{tag}: {quoted(name)}`" for tag, name in missing.items())
            + f" under `languages:` in {path.parent.name}/{path.name}, then import the export again with "
            + ", then ".join(f"`--lang {tag}`" for tag in missing)]


def languages_odd(slugs: list[str]) -> list[str]:
    """The summary's line for the plugin's languages that are no BCP 47 tag: no site.yml can declare them."""
    if not slugs:
        return []
    return ["languages the blog's plugin gives published posts and pages that are not BCP 47 language tags, so "
            "not declared (import their posts with --lang and the tag they stand for): "
            + ", ".join(f"`{shown(slug)}`" for slug in slugs)]


def menu_written(menu: list[str], menus: list[str]) -> list[str]:
    """The summary's line for the menu a new site.yml has from the blog's."""
    if not menu:
        return []
    return [f"menu written to site.yml from the blog's {_menus_named(menus)}: " + ", ".join(menu)]


def unsaid_menu(data, menu: list[str], menus: list[str], path: Path) -> list[str]:
    """The summary's line for the pages the blog's menu linked that an existing site.yml's `menu` does not:
    site.yml is the author's, so it gives the entries to add."""
    standing = data.get("menu") if isinstance(data.get("menu"), list) else []
    linked = {str(entry.get("page")) for entry in standing if isinstance(entry, dict)}
    missing = [slug for slug in menu if slug not in linked]
    if not missing:
        return []
    return [f"pages the blog's {_menus_named(menus)} linked, which site.yml's `menu` does not: to link them, add "
            + ", ".join(f"`- page: {quoted(slug)}`" for slug in missing)
            + f" under `menu:` in {path.parent.name}/{path.name}"]


def _menus_named(menus: list[str]) -> str:
    """`menu (Main menu)`, `menus (Main menu, Footer)`: the blog's names for them."""
    names = [shown(name) for name in menus]
    return f"menu{'s' if len(names) > 1 else ''}" + (f" ({', '.join(names)})" if names else "")


def unsaid_clock(data, offsets: set[str], path: Path) -> list[str]:
    """The summary's line for the blog's clock, when its dates show one other than UTC and site.yml has no
    `timezone` (so the times other imports write, Disqus's, readers' proposals, are in UTC beside the blog's):
    the offsets seen, never a zone's name, which the export does not hold (one offset fits many zones)."""
    seen = sorted(offsets - {"+00:00"})
    if not seen or data.get("timezone"):
        return []
    return [f"the blog's clock, which site.yml does not have: the export's times are at {' and '.join(seen)} "
            "from UTC (WordPress's local times against their UTC twins), while Disqus's comments and readers' "
            "proposals come in UTC; to keep one clock, set `timezone: Region/City` in "
            f"{path.parent.name}/{path.name}, the IANA name of the blog's zone (WordPress's Settings → General)"]


def _blog_language(data, channel: Channel, lang: str) -> str:
    """The language the blog's title and description are in: the export's <language>, the blog's own
    setting, when site.yml has it (as written or as its primary subtag); else the one the posts are
    imported in. A German blog's French posts imported with --lang fr leave its description German."""
    known = data.get("languages")
    said = channel.language.strip().replace("_", "-")
    for candidate in (said, said.split("-")[0].lower()):
        if candidate and isinstance(known, dict) and candidate in known:
            return candidate
    return lang


def _map(data, key: str, path: Path):
    """The map under `key`, made empty when there is none; ContentProblem when it is something else."""
    from ruamel.yaml.comments import CommentedMap
    found = data.get(key)
    if found is None:
        found = data[key] = CommentedMap()
    elif not isinstance(found, dict):
        line = getattr(getattr(data, "lc", None), "key", lambda name: None)(key)
        raise ContentProblem(f"{path.parent.name}/{path.name}{f':{line[0] + 1}' if line else ''}: `{key}` is not a "
                             f"map, so the import cannot add its {key}")
    return found


def site_address(channel: Channel) -> tuple[str, str]:
    """(the blog's address as a new site.yml's `base_url` takes it, "") or ("", why the export gives none): its
    scheme in lower case, without a query or fragment, and one a browser follows, as `check` asks of base_url."""
    written = channel.address.strip()
    if not written:
        return "", "the export gives no address for the blog (the channel's <link>)"
    try:
        parts = urlsplit(written)
    except ValueError:  # `https://[::1`: no host a browser could ask
        parts = None
    address = urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, "", "")) if parts else ""
    http = parts and parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"\s", written)
    problem = base_url_problem(address) if http and BASE_URL.fullmatch(address) else "is no http(s) address"
    return ("", f"the blog's address `{shown(written)}` (the channel's <link>) {problem}") if problem else (address, "")


def new_site(channel: Channel, lang: str, tags: dict[str, str], redirects: dict[str, str],
             languages: dict[str, str], menu: list[str] = ()) -> str:
    """A site.yml from the blog's header: its title, description, address and `languages` (tag -> label),
    and a `menu` of the pages its own menu linked (their slugs)."""
    base_url, problem = site_address(channel)
    assert not problem, "the first pass refuses an export without one"
    code = lang if plain(lang) else quoted(lang)  # `no`, Norwegian, is false to YAML
    lines = [f"title: {{{code}: {quoted(text_of(channel.title) or base_url)}}}"]
    description = own_description(channel)
    if description:
        lines.append(f"description: {{{code}: {quoted(description)}}}")
    lines += [f"base_url: {quoted(base_url.rstrip('/') + '/')}", "languages:"]
    lines += [f"  {tag if plain(tag) else quoted(tag)}: {quoted(label)}" for tag, label in languages.items()] + [
        f"main_language: {quoted(lang)}"]
    if menu:
        lines += ["menu:  # the pages the blog's own menu linked"] + [f"  - page: {quoted(slug)}" for slug in menu]
    lines += ["tags:"] + [f"  {key if plain(key) else quoted(key)}: {{{code}: {quoted(name)}}}"
                          for key, name in sorted(tags.items())] if tags \
        else ["tags: {}"]
    if redirects:
        lines += ["redirects:  # the old blog's addresses -> their new ones"]
        lines += [f"  {quoted(old)}: {quoted(new)}" for old, new in sorted(redirects.items())]
    return "\n".join(lines) + "\n"


def language_name(lang: str) -> str:
    """The language's name in itself, from CLDR (Babel); the tag itself when CLDR has no name."""
    from babel import Locale, UnknownLocaleError
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(lang.replace("-", "_")) or lang
    except (ValueError, UnknownLocaleError):
        return lang
    return name[:1].title() + name[1:]  # title case: Georgian has none, and upper case is Mtavruli
