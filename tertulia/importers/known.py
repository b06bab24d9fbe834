"""The posts and pages already in content/, found by the addresses they came from (`source`, `aliases`,
`feed_id`), so that a post whose folder was renamed is found again and a thread finds its essay."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..reading.read import parse_text
from .addresses import same_address


@dataclass
class Known:
    """Folder (`posts/<slug>`, `pages/<slug>`) by each address its original names."""

    by_address: dict[str, str] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)
    languages: dict[str, str] = field(default_factory=dict)  # folder -> its original's language

    def find(self, *addresses: str) -> str:
        """The folder one of `addresses` belongs to, or ""; an empty address is nobody's, and a
        site-relative one is found however it is percent-encoded."""
        for address in addresses:
            for form in (address, same_address(address) if address.startswith("/") else ""):
                if form and form in self.by_address:
                    return self.by_address[form]
        return ""


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
                lang, addresses = _original(folder)
                found.languages[f"{kind}/{folder.name}"] = lang
                for address in addresses:
                    found.by_address.setdefault(address, f"{kind}/{folder.name}")
                    if address.startswith("/"):
                        found.by_address.setdefault(same_address(address), f"{kind}/{folder.name}")
    return found


def _original(folder: Path) -> tuple[str, list[str]]:
    """The language of a folder's original (the file without translation_of), and the addresses it
    names: its source, feed_id and aliases."""
    for path in sorted(folder.glob("index.*.md")):
        if path.is_symlink() or not path.is_file():
            continue  # a link is never followed out of content/; the build refuses it anyway
        parsed, _ = parse_text(path.read_bytes(), str(path))
        meta = parsed.meta if parsed is not None and isinstance(parsed.meta, dict) else {}
        if not meta or "translation_of" in meta:
            continue
        aliases = meta.get("aliases") if isinstance(meta.get("aliases"), list) else []
        values = [meta.get("source"), meta.get("feed_id"), *aliases]
        return path.name[len("index."):-len(".md")], [v.strip() for v in values if isinstance(v, str) and v.strip()]
    return "", []
