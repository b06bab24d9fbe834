"""Pictures pasted into a post as `data:` addresses, saved beside it as files of their own.

A picture pasted into WordPress's editor can stay in the post's text as its bytes, base64
(`<img src="data:image/png;base64,…">`). The export holds it whole, so nothing needs fetching; no
essay holds such an address (an essay's pictures are files beside it), so it becomes one: named
after its bytes, the same picture pasted twice, or in an original and its translation, is one file.
Only a picture the blog showed is saved: an `<img>` tag's address, not words that look like one in a
sentence or a code sample (`&lt;img src="data:…"&gt;`), nor a picture an HTML comment hid.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass, field, replace

from ..reading.active import active_svg
from .media import MAX_BYTES
from .wxr import Item

KINDS = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "gif": "gif", "webp": "webp", "avif": "avif", "bmp": "bmp",
         "svg+xml": "svg"}  # an SVG is a document, saved only if it can run nothing (see _file)
DATA = r"data:image/([a-z0-9.+-]{1,20})((?:;[a-z0-9-]{1,40}=[^;,\s\"'<>]{0,200})*);base64,"
# an HTML comment, kept as it is, or an <img> tag up to its address, which is quoted or not
PASTED = re.compile(r"<!--.*?(?:-->|$)|(<img\b[^<>]*?\ssrc\s*=\s*)(?:([\"'])\s*" + DATA + r"([^\"'<>]*)\2"
                    r"|" + DATA + r"([A-Za-z0-9+/=]+)(?=[\s>]|/>))", re.IGNORECASE | re.DOTALL)
HINT = re.compile(r"data:image/", re.IGNORECASE)


@dataclass
class Pasted:
    """What one post's pasted pictures became: the files by name, and why any stayed words."""

    files: dict[str, bytes] = field(default_factory=dict)
    left: list[str] = field(default_factory=list)  # `too large`, `an SVG`… one per picture left as its words


def taken_out(item: Item) -> tuple[Item, Pasted]:
    """`item` with each picture pasted into its text pointed at a file beside it, and what they became."""
    pasted = Pasted()
    if not HINT.search(item.content):
        return item, pasted

    def saved(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group()  # an HTML comment: what it hides stays hidden, and unpublished
        kind, encoded = (match.group(3), match.group(5)) if match.group(2) else (match.group(6), match.group(8))
        name, why = _file(kind.lower(), encoded, pasted.files)
        if not name:
            pasted.left.append(why)
            return match.group()
        quote = match.group(2) or '"'
        return f"{match.group(1)}{quote}{name}{quote}"

    return replace(item, content=PASTED.sub(saved, item.content)), pasted


def _file(kind: str, encoded: str, files: dict[str, bytes]) -> tuple[str, str]:
    """The name a picture's bytes are saved under (added to `files`), or "" and why they are not."""
    extension = KINDS.get(kind)
    if extension is None:
        return "", f"not a picture browsers show (image/{kind})"
    encoded = re.sub(r"\s+", "", encoded)
    if len(encoded) * 3 // 4 > MAX_BYTES:
        return "", f"over {MAX_BYTES // (1024 * 1024)} MB"
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        data = b""
    if not data:
        return "", "not a picture's bytes"
    if extension == "svg" and active_svg(data):
        return "", "an SVG that could run a script, or no SVG at all"
    name = f"pasted-{hashlib.sha256(data).hexdigest()[:12]}.{extension}"
    files[name] = data
    return name, ""
