"""Files that would run code where the site serves them: an SVG with a script, opened on its own, runs it
at the site's own address. A build asks here of the files beside a post (static/ publishes one on
purpose, as its author put it there), as do `--media` and a picture pasted into an imported post.
"""

from __future__ import annotations

import re


# What lets an SVG opened on its own run code: a script, an event handler, a script URL (set by an
# animation too), embedded HTML or another document. Looked for in the parsed tree, where neither a
# namespace prefix (`<s:script>`) nor a character reference (`javascript&#58;`) hides it.
ACTIVE_ELEMENTS = {"script", "foreignobject", "handler", "iframe", "embed", "object", "listener", "meta", "base"}
XHTML = "{http://www.w3.org/1999/xhtml}"  # a page's elements: a `<meta http-equiv=refresh>` sends the reader away
SCRIPT_URL = re.compile(r"(?:java|vb)script:|data:text/html", re.IGNORECASE)


# Bytes without any of these hold no script, handler, script URL, entity or other encoding: the file is
# read no further (a 36 MB map parsed on every build took five seconds and 650 MB)
SUSPECT = re.compile(rb"script|&|<!|<\?(?!xml[\s?])|foreignobject|iframe|embed|object|handler|listener|data:"
                     rb"|on[a-z0-9_.:-]*\s*=|encoding\s*=\s*[\"'](?!utf-?8[\"'])|\x00|xhtml|meta|base|refresh"
                     rb"|<(?:[a-z0-9_.-]+:)?html", re.IGNORECASE)
SCRIPT = "it holds a script (or markup that could run one)"
UNREADABLE = ("it holds a DTD or entities (as Illustrator writes them), or markup that does not parse, which "
              "could hide a script: save it again as plain SVG")


def active_svg(data: bytes) -> str:
    """Why an SVG could run code where the site serves it, or "": one that does not parse as plain XML
    (a DTD, an entity, broken markup a browser might read otherwise) counts as able to."""
    if not SUSPECT.search(data):
        return ""
    import defusedxml.ElementTree as SafeTree
    try:
        root = SafeTree.fromstring(data)
    except Exception:  # noqa: BLE001 - defusedxml's refusals and expat's errors alike: not taken
        return UNREADABLE
    if _instructions(data):  # `<?xml-stylesheet?>`: an XSLT the browser runs turns the file into a page with a script
        return SCRIPT
    if not isinstance(root.tag, str) or root.tag.rsplit("}", 1)[-1] != "svg":  # a page (XHTML) named .svg: no picture
        return SCRIPT
    for element in root.iter():
        if (not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1].lower() in ACTIVE_ELEMENTS
                or element.tag.startswith(XHTML)):
            return SCRIPT
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or SCRIPT_URL.search(re.sub(r"[\s\x00-\x1f]", "", value)):
                return SCRIPT
    return ""


def _instructions(data: bytes) -> bool:
    """Whether XML holds a processing instruction (the `<?xml …?>` declaration is none), which the tree
    parser drops unseen. Read only after defusedxml took the file: no entity or DTD is left to expand."""
    from xml.etree.ElementTree import ParseError, XMLPullParser

    parser = XMLPullParser(events=("pi",))
    try:
        parser.feed(data)
        parser.close()
    except ParseError:
        return True
    return any(True for _ in parser.read_events())
