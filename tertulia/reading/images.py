"""Images an essay or page shows from its own folder that are not there: the page would show them broken."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..errors import ContentError
from .find import is_page
from .parse import ContentFiles

IMAGE_SOURCE = re.compile(r"<img\b[^>]*?\ssrc=\"([^\"]*)\"", re.IGNORECASE)


def missing_images(files: ContentFiles, static: tuple[str, ...]) -> list[ContentError]:
    """A warning at each essay's or page's first block showing an image of its folder that is not in it
    (or of the site's root, not in content/static/); an address with a scheme or a host is not checked."""
    present = {path for path, _ in files.assets} | set(static)
    warnings = []
    for record in files.records:
        blocks = files.blocks.get(record.path, ())
        if record.comment_id or not any("<img" in block for block in blocks):
            continue
        folder = f"{record.slug}/" if is_page(record.path) else f"posts/{record.slug}/"
        for index, block in enumerate(blocks):
            absent = [source for source in IMAGE_SOURCE.findall(block)
                      if (local := _local(source, folder)) is not None and local not in present]
            if absent:
                line = record.block_line(index, len(blocks)) or record.body_line
                where = "content/static/" if absent[0].startswith("/") else record.path.rsplit("/", 1)[0] + "/"
                warnings.append(ContentError(record.path, line, f"the image `{absent[0][:200]}` is not in {where}: "
                                                                "the page would show it broken"))
                break
    return warnings


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
