"""Where templates, assets and catalogs come from: a site's own files over the default theme's, file by file.

The default theme is this repository's top-level templates/, assets/ and locales/; a wheel
carries them as tertulia/default_theme/<kind>/ (see pyproject.toml). A site is the folder holding
content/; its own templates/, assets/ and locales/ replace the theme's files of the same
relative path, and a template can still reach the one it replaces as `default/<name>`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, is_utf8_name, readable_name, unpublishable

PACKAGE = Path(__file__).resolve().parent  # the installed tertulia: its code, and the theme a wheel carries in it
KINDS = ("templates", "assets", "locales")
CATALOG = "LC_MESSAGES/messages.po"  # a language's words under locales/<lang>/ (gettext's layout)
ENGLISH = "en"  # the language of the theme's own words, which needs no catalog
LINKED = ("a symbolic link: refused, so that nothing outside the site's folder can be published or read into "
          "a page; put the file itself here")
DEFAULT_PREFIX = "default"  # `{% extends "default/base.html" %}` in a site's own base.html


THEME_IN_PACKAGE = "default_theme"  # the folder of the package that a wheel carries the theme in


def _default_folder() -> Path:
    """The installed package's copy of the theme, else (a source checkout) the repository's top level."""
    shipped = PACKAGE / THEME_IN_PACKAGE
    return shipped if (shipped / "templates").is_dir() else PACKAGE.parent


DEFAULT = _default_folder()


@dataclass(frozen=True)
class Theme:
    """The default theme's folder and the site's, whose same-named files win."""

    site: Path | None = None
    default: Path = DEFAULT

    @classmethod
    def of(cls, content: Path) -> "Theme":
        """The theme of the site whose content folder is `content`."""
        return cls(content.resolve().parent)

    def own(self, kind: str) -> Path | None:
        """The site's own folder of this kind; none when it is missing, a link (refused, see refused)
        or the default theme itself (as in this repository, whose example site sits beside the theme)."""
        if self.site is None:
            return None
        folder = self.site / kind
        if folder.is_symlink() or not folder.is_dir() or folder.resolve() == (self.default / kind).resolve():
            return None
        return folder

    def folders(self, kind: str) -> list[Path]:
        """The folders a file of this kind is looked for in, the site's first."""
        own = self.own(kind)
        return [own, self.default / kind] if own else [self.default / kind]

    def files(self, kind: str) -> dict[str, Path]:
        """Every file of this kind by its relative path, the site's replacing the theme's, in path order."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders(kind)):
            found.update(_tree(folder))
        return dict(sorted(found.items()))

    def overrides(self, kind: str) -> list[str]:
        """The relative paths of the site's own files of this kind (but one not UTF-8: see refused)."""
        own = self.own(kind)
        return [relative for relative in _tree(own) if is_utf8_name(relative)] if own else []

    def unknown_overrides(self) -> list[ContentError]:
        """A warning for each of the site's files that replaces nothing in the theme: a misspelt name
        would otherwise be silently unused. New catalogs are additions, not mistakes, and so is a
        stylesheet or a template that one of the site's own templates names, or a font or an image
        that one of its own stylesheets or scripts names."""
        warnings = []
        named = self.own_text("templates", "")
        named_by_assets = self.own_text("assets", (".css", ".js"))
        for kind in KINDS:
            theirs = _tree(self.default / kind)
            for relative in self.overrides(kind):
                if kind == "templates" and relative.startswith(DEFAULT_PREFIX + "/"):
                    warnings.append(ContentError(f"templates/{relative}", 0, (
                        f"`{DEFAULT_PREFIX}/` names the default theme's own templates, so this file is never read; "
                        f"to replace the theme's {_without_prefix(relative)}, put it in templates/ itself")))
                    continue
                added_language = kind == "locales" and relative.endswith("/" + CATALOG)
                added_file = kind != "locales" and (relative if kind == "templates" else f"{kind}/{relative}") in named
                added_file = added_file or (kind == "assets" and relative.rsplit("/", 1)[-1] in named_by_assets)
                if relative not in theirs and not (added_language or added_file) and not relative.startswith("."):
                    warnings.append(ContentError(f"{kind}/{relative}", 0, f"the default theme has no {kind}/"
                                                 f"{relative}, so this file replaces nothing; check its name"))
        return warnings

    def refused(self) -> list[ContentError]:
        """An error for each symbolic link among the site's own templates, assets and catalogs (as in
        content/, nothing outside the site may be published or read into a page through one), and for
        each of their folders named as a theme file."""
        return sorted(self._links() + self._folders_named_as_files(), key=str)

    def _folders_named_as_files(self) -> list[ContentError]:
        """A folder where the theme has a file (`templates/home.html/`, made by a mistaken `mkdir`): it
        replaces nothing, and the files in it would be written where the theme's file goes."""
        errors = []
        for kind in KINDS:
            own = self.own(kind)
            if own is not None:
                errors += [ContentError(f"{kind}/{relative}", 0, "is a folder where the default theme has a file "
                                        "of that name: make it a file to replace the theme's, or rename it")
                           for relative in _tree(self.default / kind)
                           if (own / relative).is_dir() and not (own / relative).is_symlink()]
        return errors

    def _links(self) -> list[ContentError]:
        """An error for each symbolic link among the site's own templates, assets and catalogs, and for
        each name no address can hold (see errors.unpublishable)."""
        if self.site is None:
            return []
        errors = []
        for kind in KINDS:
            folder = self.site / kind
            if folder.is_symlink():
                errors.append(ContentError(kind, 0, LINKED))
                continue
            if self.own(kind) is None:
                continue
            for parent, folders, files in os.walk(folder):  # os.walk does not follow a link to a folder
                for name in sorted(folders + files):
                    relative = readable_name(Path(parent, name).relative_to(folder).as_posix())
                    if os.path.islink(os.path.join(parent, name)):
                        errors.append(ContentError(f"{kind}/{relative}", 0, LINKED))
                    elif why := unpublishable(name):
                        errors.append(ContentError(f"{kind}/{relative}", 0, why))
        return errors

    def own_text(self, kind: str, suffixes) -> str:
        """The text of the site's own files of this kind (those ending in one of `suffixes`)."""
        own = self.own(kind)
        return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in _tree(own).values()
                         if path.name.endswith(suffixes)) if own else ""

    def loader(self):
        """A Jinja2 loader: `default/<name>` is the theme's, any other name the site's first."""
        from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
        theirs = FileSystemLoader(str(self.default / "templates"))
        own = self.own("templates")
        return ChoiceLoader([PrefixLoader({DEFAULT_PREFIX: theirs}),
                             *([FileSystemLoader(str(own))] if own else []), theirs])

    @staticmethod
    def tree(folder: Path) -> dict[str, Path]:
        """Every file under one of the theme's folders, by its relative path (links are not followed)."""
        return _tree(folder)

    def shown(self, kind: str, relative: str) -> str:
        """A theme file's path as an author reads it: `templates/x.html` for the site's own."""
        own = self.own(kind)
        if own and (own / relative).is_file():
            return f"{kind}/{relative}"
        return (self.default / kind / relative).as_posix()


def _without_prefix(relative: str) -> str:
    """`default/default/base.html` is the theme's `base.html`, as the file is meant to replace."""
    while relative.startswith(DEFAULT_PREFIX + "/"):
        relative = relative[len(DEFAULT_PREFIX) + 1:]
    return relative


def _tree(folder: Path) -> dict[str, Path]:
    return {path.relative_to(folder).as_posix(): path for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts}
