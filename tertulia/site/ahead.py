"""For `check` only (a build never reads the clock): a comment dated after tomorrow, wherever one is on
Earth. A reader's proposal can give any date, and a wrong clock's comes with imports: such a comment
heads the comment archive and its feeds until that day, above every comment written since."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import ContentError
from ..model import Site
from .links import content_lines


def comments_ahead(site: Site, content: Path, today: date) -> list[ContentError]:
    """A warning at the date of each published comment dated after tomorrow."""
    warnings = []
    for essay in site.essays:
        for comment in essay.comments:
            if comment.date and comment.date.after_tomorrow(today):
                path = comment.original.path
                warnings.append(ContentError(path, _date_line(content, path), (
                    f"this comment is dated {comment.date.first_day().isoformat()}, after tomorrow: it would head "
                    "the comment archive and its feeds until then; write the day it was written, or no date")))
    return warnings


def _date_line(content: Path, shown: str) -> int:
    """The line of a file's `date:` key (0 when it cannot be read): where the author mends it."""
    lines = content_lines(shown, content)
    return next((number for number, line in enumerate(lines, 1) if line.startswith("date:")), 0)
