"""Safe YAML loading that reports problems at the author's line, and key line lookup."""

from __future__ import annotations

import re

import yaml

from ..errors import ContentError, counted

try:  # the C loader is ten times faster; both refuse tags that would build objects
    SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    SafeLoader = yaml.SafeLoader



class RepeatedKey(yaml.YAMLError):
    """A key given twice in one mapping, at any depth: YAML would silently keep the last."""

    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


class _OnceEach:
    """Construction that refuses a mapping's key given twice, with the second's line."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise RepeatedKey(key_node.value, key_node.start_mark.line)
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)


class _AuthorLoader(_OnceEach, SafeLoader):
    """Safe loading that leaves dates as the author wrote them, for our own date rules."""


_AuthorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}

class _NoAliasLoader(_OnceEach, yaml.SafeLoader):
    """The pure-Python loader, refusing aliases: front matter needs none, and expanding them
    ("billion laughs") can take a minute and all the memory. Used only when `&` or `*` appears."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (`*name`) are not allowed in front matter",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


_NoAliasLoader.yaml_implicit_resolvers = _AuthorLoader.yaml_implicit_resolvers
TOP_LEVEL_KEY = re.compile(r"^([\"']?)([\w-]+)\1[ \t]*:", re.MULTILINE)  # `"draft": x` is `draft`, as YAML reads it
MAYBE_ALIAS = re.compile(r"[&*]")
MAX_DEPTH = 10  # front matter is flat: a list of tags, a map of labels

# Most front matter is a few `key: text` lines. Those are read here without the YAML library,
# which costs 40 us a file; anything else (lists, numbers, comments, odd characters) goes to it.
# A test compares both readings on generated front matter.
# A plain value is taken whole and its trailing spaces cut after: a lazy span before `[ ]*` cost the square
# of a line's length (one line of 100,000 spaces: 32 s).
SIMPLE_ENTRY = re.compile(r"""([A-Za-z_][A-Za-z0-9_]*): (?:"([^"\\]*)"[ ]*|'([^']*)'[ ]*|([^-?:,\[\]{}#&*!|>'"%@`\s][^#]*))""")
ODD_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff]|: |:$")


def simple_mapping(text: str) -> dict | None:
    """`key: text` lines as YAML reads them, or None if YAML might read them otherwise."""
    data = {}
    for line in text.split("\n"):
        if not line:
            continue
        entry = SIMPLE_ENTRY.fullmatch(line)
        if not entry:
            return None
        key, quoted, single, plain = entry.groups()
        value = quoted if quoted is not None else single if single is not None else plain.rstrip(" ")
        if key in data or ODD_CHARACTER.search(value) or _resolves_otherwise(key) or (
                plain is not None and _resolves_otherwise(value)):
            return None  # the full path says what is wrong, or reads it right
        data[key] = value
    return data or None  # YAML reads empty front matter as null, not as a mapping


def _resolves_otherwise(plain: str) -> bool:
    """True when YAML would read this unquoted text as something other than a string (a number, true, null)."""
    return any(pattern.match(plain) for _, pattern in _AuthorLoader.yaml_implicit_resolvers.get(plain[:1], ()))


def load_yaml(text: str, path: str, first_line: int, whole: str = "file"):
    """Parse YAML safely: (data, None) or (None, ContentError at the offending line).

    Refused: tags that build objects, aliases, a key given twice, nesting past MAX_DEPTH and
    numbers too long to read, each with the line it is on; `whole` is what the text is to its author."""
    simple = simple_mapping(text)
    if simple is not None:
        return simple, None
    try:
        data = yaml.load(text, Loader=_NoAliasLoader if MAYBE_ALIAS.search(text) else _AuthorLoader)
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. an integer of 5,000 digits
        return None, ContentError(path, first_line, f"YAML does not parse: {str(exc).split(':')[0]}")
    except RepeatedKey as exc:
        return None, ContentError(path, first_line + exc.line, f"`{exc.key[:60]}` is given twice; keep one")
    except yaml.YAMLError as exc:
        return None, _yaml_error(exc, text, path, first_line, whole)
    if _too_deep(data):
        return None, ContentError(path, first_line, f"front matter nests more than {MAX_DEPTH} levels deep")
    return data, None


def _too_deep(data) -> bool:
    """Nesting past MAX_DEPTH, found without recursion (a deep value would break recursion itself)."""
    pending = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            pending += [(v, depth + 1) for v in value.values()]
        elif isinstance(value, (list, tuple, set)):
            pending += [(v, depth + 1) for v in value]
    return False


# What YAML was reading when it failed, where its start is the line to fix: a quote, a bracket or a
# key left open is found broken only lines later (at the end of the text, for a quote).
OPENED_EARLIER = ("while scanning a quoted scalar", "while parsing a flow", "while scanning a simple key")


def yaml_problem(exc, text: str, whole: str = "file") -> tuple[int | None, str]:
    """(0-based line to point at, or None; what went wrong) of a YAML parser's error (PyYAML's or ruamel's).

    `whole` names what `text` is to the author, for a text that is found broken only at its end."""
    problem = getattr(exc, "problem", None) or str(exc)
    context, opened = getattr(exc, "context", None) or "", getattr(exc, "context_mark", None)
    mark = getattr(exc, "problem_mark", None) or opened
    if opened is not None and context.startswith("while scanning a quoted scalar") and "end of stream" in problem:
        return opened.line, f"a quote opened on this line is never closed: YAML reads on to the end of the {whole}"
    if opened is not None and context.startswith(OPENED_EARLIER) and mark is not None and mark.line != opened.line:
        return opened.line, f"{problem} ({_where(mark, text, whole)}), {context} that starts on this line"
    left_open = _quote_left_open(text, mark) if mark is not None else None
    if left_open is not None:
        return left_open, (f"a quote opened on this line is not closed on it: YAML reads on to the quote on "
                           f"line {mark.line + 1} ({problem})")
    return (mark.line if mark is not None else None), problem


VALUE_START = re.compile(r"(?::|^[ \t]*-)[ \t]*$")  # what stands before a value's opening quote


def _quote_left_open(text: str, mark) -> int | None:
    """The 0-based line of a value whose quote was left open, when the parser stopped right after a
    quote on a later line that it took for the closing one (`title: "Cairo` then `author: "Ana"`)."""
    index = _opening_quote(text, mark.index)
    if index is None:
        return None
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return line if line < mark.line and VALUE_START.search(text[start:index]) else None


def _opening_quote(text: str, end: int) -> int | None:
    """Where the quoted text YAML read as ending at `end` (just past a quote) opened, or None when no quote
    stands before `end`."""
    quote = text[end - 1:end] if end > 0 else ""
    if quote not in ('"', "'"):
        return None
    index = end - 1
    while True:  # back to the quote that opened it; an escaped one (`\"`, or `''`) does not
        index = text.rfind(quote, 0, index)
        if index < 0:
            return None
        if quote == '"' and _escaped(text, index):
            continue
        if quote == "'" and index > 0 and text[index - 1] == "'":
            index -= 1
            continue
        return index


def _escaped(text: str, index: int) -> bool:
    """Whether the character at `index` follows an odd number of backslashes."""
    slashes = len(text[:index]) - len(text[:index].rstrip("\\"))
    return slashes % 2 == 1


def _where(mark, text: str, whole: str) -> str:
    """Where a parser stopped, in an author's words: a mark at or past the text's end is its end."""
    return f"at the end of the {whole}" if mark.index >= len(text.rstrip()) else f"line {mark.line + 1}"


# `title："…"`, as a Chinese or Japanese keyboard types the colon: a key YAML does not see, and the error comes
# a line later, where it advised quotes
WIDE_COLON_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*[：﹕]", re.MULTILINE)


def _yaml_error(exc, text: str, path: str, first_line: int, whole: str) -> ContentError:
    mark = getattr(exc, "problem_mark", None)
    wide = WIDE_COLON_KEY.search(text)
    if wide and mark is not None and text.count("\n", 0, wide.start()) <= mark.line:  # the key before YAML stopped
        return ContentError(path, first_line + text.count("\n", 0, wide.start()), f"YAML does not parse: the colon "
                            f"after `{wide.group(1)}` is a full-width one (：), which YAML does not read as one: type `:`")
    line, problem = yaml_problem(exc, text, whole)
    line = first_line + line if line is not None else first_line
    if "could not determine a constructor" in str(exc):
        problem = "YAML tags that construct objects are not allowed: " + problem.split(" tag ")[-1]
    return ContentError(path, line, f"YAML does not parse: {problem}{_hint(exc, text)}")


def _hint(exc, text: str) -> str:
    """What an author most likely wrote, for the two errors YAML words least helpfully."""
    mark = getattr(exc, "problem_mark", None)
    said = getattr(exc, "problem", None) or ""
    if mark is None or "tab" in said:  # no place to look at, or YAML names the tab itself
        return ""
    if text[mark.index:mark.index + 1] == "\t":
        return "; a tab: indent with spaces"
    if said.startswith("did not find expected ',' or") and (start := _opening_quote(text, mark.index)) is not None:
        # `{ar: "مقالات, en: "Essays"}`: the quote after `en: ` closed the one left open, and `Essays` stands outside
        return f"; YAML read {text[start:mark.index][:60]} as one quoted text: is a quote left open in it?"
    if said.startswith("mapping values are not allowed"):
        return "; a value holding `: ` must be in quotes, as in title: \"Cairo: the streets\""
    if said.startswith(("did not find expected key", "expected <block end>")) and (
            closed := _closed_early(text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else "")):
        return closed
    opened = getattr(exc, "context_mark", None)
    if said.startswith(("did not find expected key", "expected <block end>")) and opened is not None:
        lines = text.split("\n")
        if opened.line < mark.line < len(lines) and _indent(lines[mark.line]) > _indent(lines[opened.line]):
            above = next((line for line in reversed(lines[opened.line + 1:mark.line]) if line.strip()), "")
            if above and _indent(lines[mark.line]) < _indent(above):  # ` es:` under `  en:`: less deep, not more
                return (f"; this line is indented {counted(_indent(lines[mark.line]), 'space')}, the line above it "
                        f"{_indent(above)}: keys of one mapping start in one column")
            return "; this line is indented deeper than the key above it: keys of one mapping start in one column"
    return ""


# `title: "Lettera: "x" dal porto"`: a value in quotes that its own quote closes, text following on the line
CLOSED_EARLY = {'"': re.compile(r'^[ \t]*(?:-[ \t]+)?[^\s#"\'][^#"\']*?:[ \t]+"(?:[^"\\]|\\.)*"[ \t]*([^\s#].*)$'),
                "'": re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s#\"'][^#\"']*?:[ \t]+'(?:[^']|'')*'[ \t]*([^\s#].*)$")}


def _closed_early(line: str) -> str:
    """A hint for a value whose quotes hold a quote of the same kind, which ends it early (YAML says only
    "did not find expected key", a new user's walk), or ""."""
    for quote, pattern in CLOSED_EARLY.items():
        if match := pattern.match(line):
            rest = match.group(1)[:40]
            inside = "as \\\" (or put the whole in single quotes)" if quote == '"' else \
                "twice, as '' (or put the whole in double quotes)"
            return f"; the {quote} before `{rest}` ends the quoted text: write a {quote} inside it {inside}"
    return ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def key_lines(text: str, first_line: int) -> dict[str, int]:
    """Line number of each top-level key, so errors can point at it."""
    lines = {}
    for match in TOP_LEVEL_KEY.finditer(text):
        lines.setdefault(match.group(2), first_line + text.count("\n", 0, match.start()))
    return lines


# Characters YAML will not take raw in a double-quoted scalar, or would read as a line break.
UNSAFE_IN_YAML = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff\"\\\\]")


# Signs that make unquoted text something else to YAML in a block or a flow collection: `rock, pop` two
# items in `{…}`, `Q and A: live` a mapping, `#hash` a comment, `- x` a list
INDICATORS = re.compile(r"[,:{}\[\]#&*!|>'\"%@`]|^[-?\s]|\s$")


def plain_or_quoted(text: str) -> str:
    """`text` as it is where YAML reads it back as that string, in a block or inside `{…}` alike, else
    quoted: `no` (Norwegian) is false, `rock, pop` two items."""
    return quoted(text) if _resolves_otherwise(text) or UNSAFE_IN_YAML.search(text) or INDICATORS.search(text) else text


def quoted(text: str) -> str:
    """`text` as one double-quoted YAML scalar that reads back as exactly `text`."""
    def escaped(match: re.Match) -> str:
        char = match.group()
        return "\\" + char if char in '"\\' else f"\\u{ord(char):04x}"
    return '"' + UNSAFE_IN_YAML.sub(escaped, text) + '"'
