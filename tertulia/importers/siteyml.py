"""site.yml for an import: the tags it brings added to an existing file with every comment and
the order kept (ruamel.yaml's round trip), or a new file made from the blog's own header."""

from __future__ import annotations

import io
from pathlib import Path

from ..reading.yamltext import quoted
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
    data = _yaml().load(path.read_text(encoding="utf-8")) or {}
    codes = data.get("languages") if isinstance(data, dict) else None
    return (list(codes) if isinstance(codes, dict) else []), str(data.get("main_language", "")) if data else ""


def updated(path: Path, channel: Channel, lang: str, tags: dict[str, str], added: list[str]) -> str | None:
    """The new text of site.yml, or None when it already has every tag."""
    if not path.is_file():
        added.extend(sorted(tags))
        return new_site(channel, lang, tags)
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    known = data.get("tags")
    if known is None:
        from ruamel.yaml.comments import CommentedMap
        known = data["tags"] = CommentedMap()
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
