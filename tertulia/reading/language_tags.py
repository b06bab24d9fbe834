"""Language tags: their form (BCP 47), and whether IANA's registry, which browsers go by, has them."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

# BCP 47 as far as a site and an imported body need: a language, then subtags (region, script, variant, private use)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def unregistered(code: str) -> str:
    """Why a well-formed tag is not in IANA's registry ("" when it is): browsers, screen readers and the
    Nu checker know only registered tags, and BCP 47 writes Italian `it`, never ISO 639-2's `ita`."""
    if _cldr_knows(code.lower()):
        return ""
    import langcodes  # the registry itself, for the rare tag CLDR does not name: 50 ms of import otherwise spent

    try:
        if langcodes.Language.get(code, normalize=False).is_valid():
            return ""
        usual = langcodes.standardize_tag(code)
    except (langcodes.LanguageTagError, ValueError):
        usual = ""
    if usual and usual.lower() != code.lower() and langcodes.tag_is_valid(usual):
        return f"`{code}` is not in IANA's language tag registry, which browsers and screen readers go by: write `{usual}`"
    return f"`{code}` is not in IANA's language tag registry, which browsers and screen readers go by"


@cache
def _cldr_knows(code: str) -> bool:
    """A two-letter language CLDR names in English, with a script and a region it names: registered alike."""
    english = Locale("en")
    language, *rest = code.split("-")
    if len(language) != 2 or language not in english.languages or len(rest) > 2:
        return False
    scripts = {script.lower() for script in english.scripts}
    regions = {region.lower() for region in english.territories}
    if rest and len(rest[0]) == 4:
        if rest.pop(0) not in scripts:
            return False
    return all(part in regions for part in rest[:1]) and len(rest) <= 1
