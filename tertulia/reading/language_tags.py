"""Language tags: their form (BCP 47), and whether IANA's registry, which browsers go by, has them."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import localedata

# BCP 47 as far as a site and an imported body need: a language, then subtags (region, script, variant, private use)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def unregistered(code: str) -> str:
    """Why a well-formed tag will not do as a site's language ("" when it will): browsers, screen readers and
    the Nu checker know only registered tags, and BCP 47 writes Italian `it`, never ISO 639-2's `ita`."""
    return _judged(code)[1]


def known_tag(value: str) -> str | None:
    """A `lang` a text gives (an imported body's, a comment's) as browsers know it (see registered), or None
    for a value that is no tag at all (`""`, `en"onclick=…`)."""
    return registered(value) if LANGUAGE_TAG.fullmatch(value) else None


def registered(code: str) -> str | None:
    """A well-formed tag of an imported text as browsers know it: itself when IANA's registry has it (`zxx`,
    for no language, too), the tag it stands for when it is withdrawn (`iw`: `he`) or ISO 639-2's (`ita`:
    `it`), else None: a tag no browser knows says nothing of the text."""
    usual, problem = _judged(code)
    if not problem:
        return code
    if usual:
        return usual
    entry = _deprecated_or_special().get(code.partition("-")[0].lower())
    return code if entry and "Deprecated" not in entry else None


def _judged(code: str) -> tuple[str, str]:
    """(the tag to write instead, or ""; why `code` will not do as a site's language, or "")."""
    if _cldr_has(code):
        return "", ""
    primary, _, rest = code.partition("-")
    if entry := _deprecated_or_special().get(primary.lower()):
        return _withdrawn_or_special(code, primary, rest, entry)
    import langcodes  # the registry itself, for the rare tag CLDR has no locale for: 50 ms of import otherwise spent

    try:
        if langcodes.Language.get(code, normalize=False).is_valid():
            return "", ""
        usual = langcodes.standardize_tag(code)
    except (langcodes.LanguageTagError, ValueError):
        usual = ""
    if usual and usual.lower() != code.lower() and langcodes.tag_is_valid(usual):  # `ita`; `zh-min-nan`, deprecated
        return usual, _not_current(code, usual)
    return "", f"`{code}` is not in IANA's language tag registry, which browsers and screen readers go by"


def _not_current(code: str, usual: str) -> str:
    return (f"`{code}` is not a current tag of IANA's language tag registry, which browsers and screen readers "
            f"go by: write `{usual}`")


def _cldr_has(code: str) -> bool:
    """A locale CLDR has data for (`de`, `pt_BR`, `zh_Hant`), no variant: registered alike. CLDR's own
    variants (`en_US_POSIX`) are not IANA's, so a tag with one is the registry's to judge. A look at
    Babel's file names, not at the data: a build that draws nothing loads no locale."""
    return all(len(part) <= 4 for part in code.split("-")) and localedata.exists(code.replace("-", "_"))


def _withdrawn_or_special(code: str, primary: str, rest: str, entry: dict) -> tuple[str, str]:
    """A registered language subtag that still names no language a site can be written in: withdrawn for
    another (`iw`, Hebrew, is `he`), or kept for "no language" (`und`, `zxx`, `mis`, `mul`), which tells
    a screen reader nothing to read the text with."""
    if preferred := entry.get("Preferred-Value"):
        usual = f"{preferred}-{rest}" if rest else preferred
        return usual, _not_current(code, usual)
    meaning = "; ".join(entry.get("Description", []))
    if "Deprecated" in entry:  # withdrawn with no one successor (`agp`, Paranan)
        return "", (f"`{code}` ({meaning}) was withdrawn from IANA's language tag registry, which browsers and "
                    "screen readers go by: write the tag of the language the text is in")
    return "", (f"`{code}` names no language (IANA's registry keeps `{primary}` for \"{meaning}\"): "
                "write the tag of the language the text is in")


@lru_cache(maxsize=1)
def _deprecated_or_special() -> dict[str, dict]:
    """The registry's language subtags that are deprecated or of special scope, by subtag: read only when
    a tag is not one of CLDR's locales, which every current tag a site is likely to have is."""
    from langcodes.registry_parser import parse_registry  # the registry file langcodes ships, as IANA writes it

    return {entry["Subtag"].lower(): entry for entry in parse_registry()
            if entry.get("Type") == "language" and ("Deprecated" in entry or entry.get("Scope") == "special")}
