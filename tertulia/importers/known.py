"""The posts and pages already in content/, found by the addresses they came from (`source`, `aliases`,
`feed_id`), so that a post whose folder was renamed is found again and a thread finds its essay."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..reading.read import parse_text
from .addresses import same_address, site_path

WP_ID = re.compile(r"[0-9]{1,20}")  # WordPress's ids are 64-bit numbers: 20 digits at most
ROOT = re.compile(r"https?://[^/?#\s]+(/[^?#\s]*[^/?#\s])?")  # a blog's address: no query, no last `/`


@dataclass
class Known:
    """Folder (`posts/<slug>`, `pages/<slug>`) by each address its original names."""

    by_address: dict[str, str] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)
    languages: dict[str, str] = field(default_factory=dict)  # folder -> its original's language
    roots: set[str] = field(default_factory=set)  # the blogs their aliases are on (`https://host/path`)

    def find(self, *addresses: str) -> str:
        """The folder one of `addresses` belongs to, or ""; an empty address is nobody's, and a
        site-relative one is found however it is percent-encoded."""
        for address in addresses:
            for form in (address, same_address(address) if address.startswith("/") else ""):
                if form and form in self.by_address:
                    return self.by_address[form]
        return ""

    def of_post(self, link: str, guid: str, post_id: str, page: bool, blog: str) -> str:
        """The folder an earlier import gave a post (or, with `page`, a page) of `blog`, found by its link,
        its guid, its old address or `/?p=ID` (`/?page_id=ID`), so a renamed folder is found again; or ""."""
        by_id = f"/?{'page_id' if page else 'p'}={post_id}" if WP_ID.fullmatch(post_id) else ""
        return self.find(link, guid, site_path(link, blog), by_id)


def known(content: Path) -> Known:
    """Every post and page of content/ by its addresses; files that do not read are passed over."""
    found = Known()
    for kind in ("posts", "pages"):
        base = content / kind
        if not base.is_dir() or base.is_symlink():
            continue
        for folder in sorted(base.iterdir()):
            if folder.is_dir() and not folder.is_symlink():
                found.folders.add(f"{kind}/{folder.name}")
                lang, addresses, roots = _original(folder)
                found.languages[f"{kind}/{folder.name}"] = lang
                found.roots.update(roots)
                for address in addresses:
                    found.by_address.setdefault(address, f"{kind}/{folder.name}")
                    if address.startswith("/"):
                        found.by_address.setdefault(same_address(address), f"{kind}/{folder.name}")
    return found


def _original(folder: Path) -> tuple[str, list[str], set[str]]:
    """The language of a folder's original (the file without translation_of), the addresses it names
    (its source, feed_id and aliases), and the blog its aliases are on (see _roots)."""
    for path in sorted(folder.glob("index.*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # a link is never followed out of content/; the build refuses it anyway
        parsed, _ = parse_text(path.read_bytes(), str(path))
        meta = parsed.meta if parsed is not None and isinstance(parsed.meta, dict) else {}
        if not meta or "translation_of" in meta:
            continue
        aliases = meta.get("aliases") if isinstance(meta.get("aliases"), list) else []
        aliases = [alias.strip() for alias in aliases if isinstance(alias, str) and alias.strip()]
        source = meta["source"].strip() if isinstance(meta.get("source"), str) else ""
        values = [source, meta.get("feed_id"), *aliases]
        return (path.name[len("index."):-len(".md")], [v.strip() for v in values if isinstance(v, str) and v.strip()],
                _roots(source, aliases))
    return "", [], set()


def _roots(source: str, aliases: list[str]) -> set[str]:
    """The blog an original's aliases are addresses on: its source less the alias it ends with
    (`https://blog.example/2012/09/10/slug/` less `/2012/09/10/slug/`), so that a blog under a path
    (`https://example.org/blog`) keeps it; none for a source that is no alias's (a hand-written one)."""
    found = set()
    for alias in aliases:
        if alias.startswith("/") and len(source) > len(alias) and source.endswith(alias):
            root = source[:-len(alias)]
            if ROOT.fullmatch(root):
                found.add(root)
    return found
