"""Language tags: their form (BCP 47), and whether IANA's registry, which browsers go by, has them."""

from __future__ import annotations

import re

from babel import localedata

# BCP 47 as far as a site and an imported body need: a language, then subtags (region, script, variant, private use)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def unregistered(code: str) -> str:
    """Why a well-formed tag is not in IANA's registry ("" when it is): browsers, screen readers and the
    Nu checker know only registered tags, and BCP 47 writes Italian `it`, never ISO 639-2's `ita`."""
    if _cldr_has(code):
        return ""
    import langcodes  # the registry itself, for the rare tag CLDR has no locale for: 50 ms of import otherwise spent

    try:
        if langcodes.Language.get(code, normalize=False).is_valid():
            return ""
        usual = langcodes.standardize_tag(code)
    except (langcodes.LanguageTagError, ValueError):
        usual = ""
    if usual and usual.lower() != code.lower() and langcodes.tag_is_valid(usual):  # `ita`; `zh-min-nan`, deprecated
        return (f"`{code}` is not a current tag of IANA's language tag registry, which browsers and screen readers "
                f"go by: write `{usual}`")
    return f"`{code}` is not in IANA's language tag registry, which browsers and screen readers go by"


def _cldr_has(code: str) -> bool:
    """A locale CLDR has data for (`de`, `pt_BR`, `zh_Hant`), no variant: registered alike. CLDR's own
    variants (`en_US_POSIX`) are not IANA's, so a tag with one is the registry's to judge. A look at
    Babel's file names, not at the data: a build that draws nothing loads no locale."""
    return all(len(part) <= 4 for part in code.split("-")) and localedata.exists(code.replace("-", "_"))
