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


def test_an_svg_that_runs_nothing_is_saved_and_one_with_a_script_is_left_and_said_why():
    """A walk: a pasted SVG badge was left as words the summary promised, yet showed a broken picture."""
    badge = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>'
    script = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    item, pasted = taken_out(post("".join(f'<img alt="b" src="data:image/svg+xml;base64,{base64.b64encode(data).decode()}">'
                                          for data in (badge, script))))
    [name] = pasted.files
    assert name.endswith(".svg") and pasted.files[name] == badge and f'src="{name}"' in item.content
    assert len(pasted.left) == 1 and pasted.left[0].startswith("an SVG that could run a script")


def test_a_picture_left_as_words_in_a_figure_shows_its_words_not_a_broken_picture():
    from tertulia.importers.wpbody import to_markdown
    assert to_markdown('<figure><img alt="Selo" src="data:image/tiff;base64,AAAA"><figcaption>C</figcaption></figure>') == (
        "<figure>Selo<figcaption>C</figcaption></figure>\n")
