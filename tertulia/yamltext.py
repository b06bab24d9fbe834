"""Safe YAML loading that reports problems at the author's line, and key line lookup."""

from __future__ import annotations

import re

import yaml

from .errors import ContentError

try:  # the C loader is ten times faster; both refuse tags that would build objects
    SafeLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    SafeLoader = yaml.SafeLoader



class _AuthorLoader(SafeLoader):
    """Safe loading that leaves dates as the author wrote them, for our own date rules."""


_AuthorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}

TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def load_yaml(text: str, path: str, first_line: int):
    """Parse YAML safely: (data, None) or (None, ContentError at the offending line)."""
    try:
        return yaml.load(text, Loader=_AuthorLoader), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        if "could not determine a constructor" in str(exc):
            problem = "YAML tags that construct objects are not allowed: " + problem.split(" tag ")[-1]
        return None, ContentError(path, line, f"YAML does not parse: {problem}")


def key_lines(text: str, first_line: int) -> dict[str, int]:
    """Line number of each top-level key, so errors can point at it."""
    lines = {}
    for match in TOP_LEVEL_KEY.finditer(text):
        lines.setdefault(match.group(1), first_line + text.count("\n", 0, match.start()))
    return lines
