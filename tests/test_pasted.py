"""Pictures pasted into a post (`data:` addresses): saved as files, or named as left words, never lost unsaid."""

from __future__ import annotations

import base64

from tertulia.importers.media import MAX_BYTES
from tertulia.importers.pasted import taken_out
from tertulia.importers.wxr import Item


def post(content: str) -> Item:
    return Item(post_id="5", title="T", link="", creator="", content=content, excerpt="", date="", date_gmt="",
                name="t", status="publish", type="post", guid="", password="", terms=(), comments=())


def test_a_picture_too_large_or_of_no_kind_a_browser_shows_is_left_and_said_why():
    """A review: a picture over the media limit, wrapped as mail wraps base64, was lost without a word."""
    wrapped = "\n".join(["A" * 76] * (MAX_BYTES // 57 + 2))  # just over the limit, in lines of 76
    item, pasted = taken_out(post(f'<img src="data:image/png;base64,{wrapped}"><img src="DATA:image/tiff;base64,AAAA">'))
    assert pasted.files == {} and item.content.count("data:image/png") == 1
    assert pasted.left == ["over 25 MB", "not a picture browsers show (image/tiff)"]


def test_the_same_picture_twice_is_one_file_named_after_its_bytes_and_its_kind():
    data = base64.b64encode(b"GIF89a" + bytes(20)).decode()
    item, pasted = taken_out(post(f"<IMG alt=a SRC='data:image/GIF;base64,{data}'><img src=\"data:image/gif;base64,{data}\">"))
    [name] = pasted.files
    assert name.startswith("pasted-") and name.endswith(".gif") and item.content.count(name) == 2
    assert pasted.files[name] == b"GIF89a" + bytes(20) and pasted.left == []
