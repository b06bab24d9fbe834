"""Pictures pasted into a post as `data:` addresses, saved beside it as files of their own.

A picture pasted into WordPress's editor can stay in the post's text as its bytes, base64
(`<img src="data:image/png;base64,…">`). The export holds it whole, so nothing needs fetching; no
essay holds such an address (an essay's pictures are files beside it), so it becomes one: named
after its bytes, the same picture pasted twice, or in an original and its translation, is one file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import replace

from .media import MAX_BYTES
from .wxr import Item

# a raster picture only: an SVG is a document that can hold scripts, and stays the words it stood for
KINDS = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "gif": "gif", "webp": "webp", "avif": "avif", "bmp": "bmp"}
PASTED = re.compile(r"""(\ssrc\s*=\s*)(["'])\s*data:image/([a-z]{3,4});base64,([A-Za-z0-9+/=\s]{1,%d})\2"""
                    % (MAX_BYTES * 4 // 3 + 4), re.IGNORECASE)


def taken_out(item: Item) -> tuple[Item, dict[str, bytes]]:
    """`item` with each pasted picture its text holds pointed at a file beside it, and those files by name."""
    if "data:" not in item.content:
        return item, {}
    files: dict[str, bytes] = {}

    def saved(match: re.Match) -> str:
        kind = KINDS.get(match.group(3).lower())
        try:
            data = base64.b64decode(re.sub(r"\s+", "", match.group(4)), validate=True)
        except (binascii.Error, ValueError):
            return match.group()  # not a picture's bytes: left as written, and shown as its words
        if kind is None or not data:
            return match.group()
        name = f"pasted-{hashlib.sha256(data).hexdigest()[:12]}.{kind}"
        files[name] = data
        return f"{match.group(1)}{match.group(2)}{name}{match.group(2)}"

    return replace(item, content=PASTED.sub(saved, item.content)), files
