"""site.yml for an import: the tags it brings added to an existing file with every comment and
the order kept (ruamel.yaml's round trip), or a new file made from the blog's own header."""

from __future__ import annotations

import io
from pathlib import Path

from ..reading.yamltext import quoted
from .problems import ContentProblem
from .wxr import Channel


def _yaml():
    from ruamel.yaml import YAML  # here: only imports need it
    yaml = YAML()  # round-trip: comments, order and quoting stay as the author wrote them
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def languages(path: Path) -> tuple[list[str], str]:
    """The languages of an existing site.yml, and its main language; nothing when there is none."""
    if not path.is_file():
        return [], ""
    data = _load(path, _yaml())
    codes = data.get("languages")
    return [str(code) for code in codes] if isinstance(codes, dict) else [], str(data.get("main_language") or "")


def _load(path: Path, yaml) -> dict:
    """An existing site.yml as ruamel's round-trip map; ContentProblem at the line where it goes wrong."""
    from ruamel.yaml import YAMLError
    where = f"{path.parent.name}/{path.name}"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ContentProblem(f"{where}: is not UTF-8 text; save it as UTF-8") from None
    except YAMLError as problem:
        mark = getattr(problem, "problem_mark", None) or getattr(problem, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ContentProblem(f"{where}{line}: is not valid YAML ({getattr(problem, 'problem', None) or 'unreadable'})"
                             "; the import adds its tags only to a site.yml that reads") from None
    except (OSError, RecursionError, ValueError) as problem:
        raise ContentProblem(f"{where}: cannot be read ({type(problem).__name__})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentProblem(f"{where}:1: is not a map of settings (`title: ...`, `languages: ...`)")
    return data


def updated(path: Path, channel: Channel, lang: str, tags: dict[str, str], added: list[str]) -> str | None:
    """The new text of site.yml, or None when it already has every tag."""
    if not path.is_file():
        added.extend(sorted(tags))
        return new_site(channel, lang, tags)
    yaml = _yaml()
    data = _load(path, yaml)
    known = data.get("tags")
    if known is None:
        from ruamel.yaml.comments import CommentedMap
        known = data["tags"] = CommentedMap()
    elif not isinstance(known, dict):
        line = getattr(getattr(data, "lc", None), "key", lambda key: None)("tags")
        raise ContentProblem(f"{path.parent.name}/{path.name}{f':{line[0] + 1}' if line else ''}: `tags` is not a "
                             "map of tag keys, so the import cannot add its tags")
    missing = [key for key in tags if key not in {str(k).lower() for k in known}]
    if not missing:
        return None
    for key in missing:
        known[key] = {lang: tags[key]}
        added.append(key)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def new_site(channel: Channel, lang: str, tags: dict[str, str]) -> str:
    """A site.yml from the blog's header: its title, description, address and language."""
    base_url = channel.link or channel.base_site_url
    if not base_url.startswith(("http://", "https://")):
        raise ValueError("the export gives no address for the blog (its <link>), which site.yml needs as base_url")
    lines = [f"title: {{{lang}: {quoted(channel.title or base_url)}}}"]
    if channel.description:
        lines.append(f"description: {{{lang}: {quoted(channel.description)}}}")
    lines += [f"base_url: {quoted(base_url.rstrip('/') + '/')}", "languages:",
              f"  {lang}: {quoted(language_name(lang))}", f"main_language: {quoted(lang)}"]
    lines += ["tags:"] + [f"  {key}: {{{lang}: {quoted(name)}}}" for key, name in sorted(tags.items())] if tags \
        else ["tags: {}"]
    return "\n".join(lines) + "\n"


def language_name(lang: str) -> str:
    """The language's name in itself, from CLDR (Babel); the tag itself when CLDR has no name."""
    from babel import Locale, UnknownLocaleError
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(lang.replace("-", "_")) or lang
    except (ValueError, UnknownLocaleError):
        return lang
    return name[:1].upper() + name[1:]
