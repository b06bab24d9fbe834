"""What an essay page tells search engines and link previews: JSON-LD (schema.org) and Open Graph."""

from __future__ import annotations

import json
from functools import lru_cache

from markupsafe import Markup

from . import routes
from ..reading.markup import CLOSE_SET, cut_to_words, cut_tokens
from ..model import Comment, Essay, SiteConfig, Text, name_alone
from .ui import likely_subtags
from .views import card_summary, excerpt, summary_lang

COMMENTS_DESCRIBED = 10  # JSON-LD describes this many comments, so a long thread does not weigh on its page
COMMENT_WORDS = 20  # fewer than the archive's excerpt holds (markup.first_words): they are cut from it


@lru_cache(maxsize=None)  # every page asks it of its languages
def og_locale(lang: str) -> str:
    """Open Graph's form of a language, `ll_CC` (`es` -> `es_ES`, `pt-BR` -> `pt_BR`, `zh-Hant` -> `zh_TW`),
    from CLDR's likely subtags (ui.likely_subtags); a language CLDR does not know keeps its code."""
    found = likely_subtags(lang)
    if found is None:
        return lang.replace("-", "_")
    language, _, territory = found
    return f"{language}_{territory}" if territory else language


def essay_meta(config: SiteConfig, essay: Essay, shown: list[Text], url: str, dot: str = "·") -> dict:
    """Open Graph and Twitter card values for an essay's page showing `shown` (its first text leads), their
    titles parted by the page's `dot` (see ui.Words.dot)."""
    lead = shown[0]
    # the page's <meta name="description"> picks its own; one still in the original's words is none of the
    # translation's (a description has no language of its own but the page's)
    summaries = {text.lang: card_summary(text) for text in shown if summary_lang(text) == text.lang}
    return {"type": "article", "title": f" {dot} ".join(dict.fromkeys(text.title for text in shown)), "description": summaries.get(lead.lang, ""),
            "summaries": summaries, "url": config.base_url + url, "locale": og_locale(lead.lang),
            "alternates": [og_locale(text.lang) for text in essay.texts if text is not lead]}


def json_ld(data: dict) -> Markup:
    """A JSON-LD script's content: nothing in a comment's text can close the script or open markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def essay_data(config: SiteConfig, essay: Essay, shown: list[Text], url: str, comments: tuple[Comment, ...]) -> Markup:
    """The essay as a schema.org BlogPosting in its first shown language, its translations named as
    `workTranslation` (or the original as `translationOfWork`), and its discussion as Comments."""
    lead = shown[0]
    work = _posting(config, essay, lead, url)
    if lead.is_original:
        others = [t for t in essay.translations]
        if others:
            work["workTranslation"] = [_posting(config, essay, t, routes.single(t.lang, essay.slug)) for t in others]
    else:
        work["translationOfWork"] = _posting(config, essay, essay.original, routes.single(essay.original.lang,
                                                                                         essay.slug))
    work["commentCount"] = len(comments)
    if comments:  # the first few, in their first words: the count says how many there are
        work["comment"] = [_comment(config, url, comment, lead.lang) for comment in comments[:COMMENTS_DESCRIBED]]
    return json_ld({"@context": "https://schema.org", **work})


def _posting(config: SiteConfig, essay: Essay, text: Text, url: str) -> dict:
    posting = {"@type": "BlogPosting", "headline": text.title, "inLanguage": text.lang, "url": config.base_url + url,
               "author": {"@type": "Person", "name": name_alone(essay.author)}}
    if essay.date:
        posting["datePublished"] = essay.date.iso
    if essay.updated:
        posting["dateModified"] = essay.updated.iso
    if text.translator:
        posting["translator"] = {"@type": "Person", "name": text.translator}
    if essay.source and text.is_original:
        posting["sameAs"] = essay.source
    return posting


def _comment(config: SiteConfig, url: str, comment: Comment, lang: str) -> dict:
    """A comment in the page's language where it has that version: its first words, not the whole text,
    so the page stays light."""
    text = comment.text(lang) or comment.original
    if text.unfinished:  # its first words may be the original's, standing where the translation is still to do
        text = comment.original
    data = {"@type": "Comment", "author": {"@type": "Person", "name": name_alone(comment.author)}, "inLanguage": text.lang,
            "text": _first_words(text), "url": config.base_url + routes.comment_on(url, comment.id)}
    if not text.is_original:  # the words are a translator's, not the commenter's: said, with whose words they follow
        data["translationOfWork"] = {"@type": "Comment", "inLanguage": comment.original.lang,
                                     "text": _first_words(comment.original)}
        if text.translator:
            data["translator"] = {"@type": "Person", "name": name_alone(text.translator)}
    if comment.date:
        data["datePublished"] = comment.date.iso
    return data


def _first_words(text: Text) -> str:
    """A comment's first COMMENT_WORDS words, as markup.first_words gives them, cut from its archive
    excerpt (made once, when the file was read) instead of from its blocks on every page that
    describes it. Past COMMENT_WORDS, the excerpt's own closing "…" is among the words left out."""
    shown = excerpt(text)
    if CLOSE_SET.search(shown):  # Chinese or Japanese, whose words no space parts
        cut = cut_to_words(shown.removesuffix("…"), COMMENT_WORDS)
        return cut if cut.endswith("…") else shown
    words = shown.split()
    return shown if len(words) <= COMMENT_WORDS else cut_tokens(words, COMMENT_WORDS)
