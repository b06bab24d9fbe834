"""SVGs that would run code where the site serves them, told from pictures."""

from __future__ import annotations

import pytest

from tertulia.reading.active import SCRIPT, UNREADABLE, active_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize("inside", [
    "<script>alert(1)</script>", "<s:script xmlns:s='http://www.w3.org/2000/svg'>alert(1)</s:script>",
    "<SCRIPT>alert(1)</SCRIPT>", '<circle onload="alert(1)" r="1"/>', '<circle\tONCLICK = "alert(1)"/>',
    '<a x:href="javascript:alert(1)"><text>x</text></a>', '<a href="java&#115;cript:alert(1)">x</a>',
    '<set attributeName="href" to="javascript:alert(1)"/>', "<foreignObject><p>x</p></foreignObject>",
])
def test_a_script_an_svg_holds_however_written_is_found(inside):
    assert active_svg(SVG.format(inside).encode()) == SCRIPT


def test_a_page_named_as_a_picture_or_a_page_s_refresh_in_one_is_no_picture():
    """A review: an XHTML page pasted as `data:image/svg+xml` was saved as a picture, and opened on its own its
    `<meta http-equiv=refresh>` sent the reader to another site from the site's own address."""
    page = (b'<html xmlns="http://www.w3.org/1999/xhtml"><body><meta http-equiv="refresh" '
            b'content="0;url=https://evil.example/"/></body></html>')
    assert active_svg(page) == SCRIPT
    assert active_svg(SVG.format("<h:meta xmlns:h='http://www.w3.org/1999/xhtml' http-equiv='refresh' "
                                 "content='0;url=https://evil.example/'/>").encode()) == SCRIPT
    assert active_svg(SVG.format('<metadata>drawn</metadata><text dominant-baseline="middle">x</text>').encode()) == ""


def test_an_svg_in_another_encoding_is_read_before_it_is_called_a_picture():
    """The bytes of UTF-16 or EBCDIC hold no `script` a byte search sees: they are parsed, never passed."""
    assert active_svg(SVG.format("<script>alert(1)</script>").encode("utf-16")) == SCRIPT
    ebcdic = b'<?xml version="1.0" encoding="cp037"?>' + SVG.format("<script>alert(1)</script>").encode("cp037")
    assert active_svg(ebcdic) != ""  # not a picture: the parser cannot even read it


def test_a_dtd_or_entities_are_said_as_what_they_are():
    """A review: Illustrator's entities were "a script"; they are refused for what they could hide."""
    illustrator = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]>' \
                  b'<svg xmlns="&ns_svg;"><circle r="1"/></svg>'
    assert active_svg(illustrator) == UNREADABLE


def test_a_plain_picture_is_a_picture_and_a_big_one_is_told_without_parsing_it(monkeypatch):
    """Parsed whole on every build, a 36 MB map took five seconds and 650 MB: bytes with no sign of a script
    are told from a glance at them. Asked of what is done, not of a clock (a timed bound failed on a busy machine)."""
    import defusedxml.ElementTree
    assert active_svg(SVG.format('<circle r="4"/><!-- drawn by hand -->').encode()) == ""
    parsed, parse = [], defusedxml.ElementTree.fromstring
    monkeypatch.setattr(defusedxml.ElementTree, "fromstring", lambda data: parsed.append(len(data)) or parse(data))
    big = SVG.format('<path d="' + "M1 2 L3 4 " * 3_000_000 + '"/>').encode()  # 30 MB of a map
    assert active_svg(big) == "" and parsed == []
    assert active_svg(SVG.format('<path d="M1 2"/><script>x</script>').encode()) == SCRIPT and len(parsed) == 1
