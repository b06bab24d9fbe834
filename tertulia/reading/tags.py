"""Tags: an essay's keys as written (one folder of the site each), and the site's tags, site.yml's and
those it lacks (warned of, with the one perhaps meant)."""

from __future__ import annotations

import re
from difflib import get_close_matches

from ..model import Essay, SiteConfig, Tag
from .findings import Findings
from .names import (in_capitals, key_as_seen, lowered_from_capitals, same_words, tag_segment, tag_text,
                    without_tonos)
from .read import Record
from .scripts import name_language
from .yamltext import plain_or_quoted


FOLDED_LIST = re.compile(r"\S - \S")  # a list item indented under the one before it, folded into its key


WIDE_COMMA = re.compile("\\s*[，、､﹐﹑]\\s*")  # as Chinese and Japanese keyboards type a comma


def essay_tags(record: Record, found: Findings, declared: tuple[Tag, ...]) -> tuple[str, ...]:
    value = record.meta.get("tags", [])
    if isinstance(value, str) and "," in value:  # `tags: a, b` reads as one key with a comma in it
        found.error(record, "tags", f"tags must be a list of tag keys: write `[{value}]`")
        return ()
    keys = _written_keys(record)
    if None in keys:
        found.error(record, "tags", "tags must be a list of tag keys, e.g. `[values, cluetrain]`")
        return ()
    segments = []
    for key in keys:
        segment, problem = tag_segment(key)
        if problem:  # each becomes a folder of the site: nothing else may
            found.error(record, "tags", f"tag key `{key[:60]}` {problem}")
        else:
            segments.append(_meant_in_capitals(key, segment, declared))
            if FOLDED_LIST.search(key):  # `- a` then `  - b` one step deeper: YAML reads one key, `a - b`
                found.warn(record, "tags", f"tag key `{key[:60]}` reads as one key: if it is two, start each "
                                           "`- ` of the list at the same indentation")
            elif WIDE_COMMA.search(key):  # `[翻译，记忆]`: YAML parts a list only at the ASCII comma
                found.warn(record, "tags", f"tag key `{key[:60]}` reads as one key: if it is several, part them "
                                           f"with `,` (`[{WIDE_COMMA.sub(', ', key)[:60]}]`)")
    return tuple(dict.fromkeys(segments))


def _meant_in_capitals(key: str, segment: str, declared: tuple[Tag, ...]) -> str:
    """The tag of site.yml a key written in capitals means, when it is one (`ILIK` for `ılık`, `ΨΥΧΗ` for
    `ψυχή`: capitals drop the dotless ı and the tonos), else the key's own segment."""
    if not key.isupper() or any(tag.key == segment for tag in declared):
        return segment
    may_be = lowered_from_capitals(key)
    meant = [tag.key for tag in declared if tag.key in may_be or without_tonos(tag.key) in may_be]
    return meant[0] if len(meant) == 1 else segment


def _written_keys(record: Record) -> list[str | None]:
    """The essay's tag keys as text (one written alone is a list of one), None for each that is no key."""
    value = record.meta.get("tags", [])
    return [tag_text(v) for v in (value if isinstance(value, list) else [value])]


def _written_tag(record: Record, segment: str, declared: tuple[Tag, ...]) -> str:
    """The tag key as the essay writes it (`Big Data`), for its label: the first that gives `segment`, without
    the characters no one sees that its segment leaves out (a label or a site.yml line would carry them on)."""
    return next((key_as_seen(key) for key in _written_keys(record) if key is not None
                 and _meant_in_capitals(key, tag_segment(key)[0], declared) == segment), segment)


# The Arabic script's letters that keyboards type for one another: yeh, kaf, heh, teh marbuta (see search.js)
ARABIC_ALIKE = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ہ": "ه", "ھ": "ه", "ۃ": "ة"})
ARABIC_VARIANTS = re.compile("[يىیكکهہھةۃ]")


def _meant_tag(key: str, written: str, declared: tuple[Tag, ...]) -> str:
    """A question after the warning of a tag site.yml lacks: the declared key it spells without marks
    (`Cag` for `Çağ`), or whose label it is in a language (`기억`, the `ko` label of `memory`): a
    bilingual writer types the word of the language they write in."""
    near = [tag.written for tag in declared if in_capitals(tag.key) == in_capitals(key)]
    if near:
        return f"; is it meant to be `{near[0]}`?"
    folded = same_words(written)
    labelled = [(tag, lang) for tag in declared for lang, label in tag.labels if same_words(label) == folded]
    if labelled:
        tag, lang = labelled[0]
        return f"; it is the `{lang}` label of `{tag.written or tag.key}`: is it meant to be `{tag.written or tag.key}`?"
    if ARABIC_VARIANTS.search(key):  # `شهر` typed on an Arabic keyboard for Urdu's `شہر` (an Urdu walk)
        alike = [tag for tag in declared if tag.key.translate(ARABIC_ALIKE) == key.translate(ARABIC_ALIKE)]
        if alike:
            return f"; is it meant to be `{alike[0].written or alike[0].key}`?"
    # a letter more, fewer or other (`cidade` for `cidades`): a typo, as close a word as a key is to a key
    capitals: dict[str, Tag] = {}
    for tag in declared:  # the first declared of a spelling, as the site lists them
        capitals.setdefault(in_capitals(tag.key), tag)
    close = get_close_matches(in_capitals(key), capitals, n=1, cutoff=0.8)
    if close:
        return f"; is it meant to be `{capitals[close[0]].written or capitals[close[0]].key}`?"
    return ""


def site_tags(config: SiteConfig, essays: list[Essay], essay_records, found: Findings) -> tuple[Tag, ...]:
    """The tags of site.yml, plus any an essay uses that site.yml lacks (with a warning)."""
    known = {t.key: t for t in config.tags}
    using: dict[str, list[Essay]] = {}  # each tag site.yml lacks, with the essays that use it
    for essay in essays:
        for key in essay.tags:
            if key not in known:
                using.setdefault(key, []).append(essay)
    unknown, written = {}, {}
    for key, users in using.items():
        unknown[key], written[key] = _spelled_best(key, users, essay_records, config.tags)
    extra = {}
    for key, essay in unknown.items():
        _warn_unknown_tag(config, _original_of(essay, essay_records), key, written[key], found, written.values())
        # in the language of the essay that writes it, unless its letters are another's of the site alone
        extra[key] = Tag(key=key, labels=(), written=written[key],
                         written_lang=name_language(written[key], essay.original.lang, config.language_codes))
    return tuple(known.values()) + tuple(extra[k] for k in sorted(extra))


def _original_of(essay: Essay, essay_records) -> Record:
    """The record of an essay's original, whose `tags` its tags are and where their warnings are said."""
    return essay_records[essay.slug][essay.original.lang]


def _spelled_best(key: str, users: list[Essay], essay_records, declared: tuple[Tag, ...]) -> tuple[Essay, str]:
    """The essay whose spelling of a tag site.yml lacks is its label, with that spelling: the first not in
    capitals, else the first (`đường phố` beside `ĐƯỜNG PHỐ`: a label shouts on every page otherwise)."""
    first = None
    for essay in users:  # most tags are spelled in small letters by their first essay: read no further
        spelled = (essay, _written_tag(_original_of(essay, essay_records), key, declared))
        if not spelled[1].isupper():
            return spelled
        first = first or spelled
    return first


def _warn_unknown_tag(config: SiteConfig, record: Record, key: str, written: str, found: Findings,
                      in_use=()) -> None:
    """Warn, at the `tags` of the essay's `record`, of a tag site.yml lacks, `written` as the essay writes it
    (and the one perhaps meant: of site.yml's, or, for one in capitals, of the tags essays use, `in_use`)."""
    meant = _meant_tag(key, written, config.tags) or _meant_in_use(written, in_use)
    found.warn(record, "tags", f"tag `{written}` is not in site.yml tags; its label is its key" + (meant or (
        f" in every language: add it to site.yml's `tags` with a label for each ({_tag_entry(config, record.lang, written)})")))


def _meant_in_use(written: str, in_use) -> str:
    """A question after the warning of a tag in capitals that site.yml lacks: the tag an essay writes in small
    letters, which capitals spell so (`IŞIK` for `Işık`, `ΠΟΙΗΣΗ` for `ποίηση`): capitals drop the dotless ı
    and the tonos, so the two are two tags until site.yml names one."""
    if not written.isupper():
        return ""
    near = [other for other in in_use if not other.isupper() and in_capitals(other) == in_capitals(written)]
    return f"; is it meant to be `{near[0]}`, which an essay uses? (name it in site.yml's tags)" if near else ""


def _tag_entry(config: SiteConfig, lang: str, written: str) -> str:
    """site.yml's line for a tag, as a writer would start it: `kesä: {fi: kesä, sv: …, et: …}`."""
    shown = plain_or_quoted(written)
    labels = ", ".join(f"{code}: {shown if code == lang else '…'}" for code in config.language_codes)
    return f"`{shown}: {{{labels}}}`"



def warn_drafts_tags(config: SiteConfig, drafts: list[Essay], tags: tuple[Tag, ...], essay_records,
                      found: Findings) -> None:
    """A draft's tag that site.yml lacks is said too, as its misspelt image is: a draft is where an essay is
    written, and the tag would otherwise be said only on the day it is published. It makes no tag page."""
    said = {tag.key for tag in tags}
    for essay in drafts:
        for key in essay.tags:
            if key not in said:
                said.add(key)
                record = _original_of(essay, essay_records)
                _warn_unknown_tag(config, record, key, _written_tag(record, key, config.tags), found)
