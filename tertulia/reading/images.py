"""Images an essay or page shows from its own folder that are not there: the page would show them broken."""

from __future__ import annotations

import difflib
import posixpath
import re
from urllib.parse import quote, unquote, urlsplit

from ..errors import ContentError
from ..layout import POSTS
from .find import is_page
from .parse import ContentFiles

IMAGE_SOURCE = re.compile(r"<img\b[^>]*?\ssrc=\"([^\"]*)\"", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # an image set aside in one is shown by no page


def missing_images(files: ContentFiles, static: tuple[str, ...]) -> list[ContentError]:
    """A warning for each image an essay or page shows from its folder that is not in it (or from the
    site's root, not in content/static/), at its block, once a file: every one in one run, not one per
    fix. An address with a scheme or a host is not checked."""
    present = {path for path, _ in files.assets} | set(static)
    warnings = []
    for record in files.records:
        blocks = files.blocks.get(record.path, ())
        if record.comment_id or not any("<img" in block for block in blocks):
            continue
        folder = f"{record.slug}/" if is_page(record.path) else f"{POSTS}/{record.slug}/"
        said = set()
        for index, block in enumerate(blocks):
            for source in IMAGE_SOURCE.findall(HTML_COMMENT.sub("", block) if "<!--" in block else block):
                local = _local(source, folder)
                if local is None or local in present or source in said:
                    continue
                said.add(source)
                line = record.block_line(index, len(blocks)) or record.body_line
                where = f"{files.root}/static/" if source.startswith("/") else record.path.rsplit("/", 1)[0] + "/"
                warnings.append(ContentError(record.path, line, f"the image `{source[:200]}` is not in {where}: "
                                                                "the page would show it broken" + _meant(source, local, present)))
    return warnings


def _meant(source: str, local: str, present: set[str]) -> str:
    """`; is it meant to be `x.png`?` for a file beside the one named that differs only in letter case or a
    letter or two (`Mangueira.PNG`, `mangeira.png` for `mangueira.png`), written as `source` was, else ""."""
    folder, _, name = local.rpartition("/")
    beside = sorted(path.rpartition("/")[2] for path in present if path.rpartition("/")[0] == folder)
    same = [other for other in beside if other.casefold() == name.casefold()]
    close = same or difflib.get_close_matches(name, beside, n=1, cutoff=0.85)
    if not close:
        return ""
    written = quote(close[0]) if "%" in source else close[0]  # as the address was written: `Foto%20Rio.png`
    return f"; is it meant to be `{''.join(source.rpartition('/')[:2])}{written}`?"


def _local(source: str, folder: str) -> str | None:
    """The site path an image address names, or None (not checked) for one elsewhere."""
    parts = urlsplit(source.replace("&amp;", "&"))
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else folder + path)
    while resolved.startswith("../"):  # a browser stops at the root: /a/../../b is /b
        resolved = resolved[3:]
    return resolved
