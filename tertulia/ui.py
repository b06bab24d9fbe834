"""The interface's own words in each language, and dates as a reader of that language writes them."""

from __future__ import annotations

from markupsafe import Markup, escape

from .model import PartialDate

MESSAGES = {
    "en": {
        "skip": "Skip to content", "essays": "Essays", "tags": "Tags", "comments": "Comments",
        "site_nav": "Site", "by": "by", "translated_by": "translated by", "original": "original",
        "translation": "translation", "both": "Both", "only": "only", "swap": "Swap sides",
        "view": "Reading view", "other_translations": "Other translations",
        "discussion": "Discussion", "no_comments": "No comments yet.", "reply_to": "in reply to",
        "permalink": "Permalink", "passage": "Link to this passage", "read_in": "Read in",
        "side_by_side": "Side by side", "languages": "Languages", "newer": "Newer", "older": "Older",
        "newer_essay": "Newer essay", "older_essay": "Older essay", "pages": "Pages",
        "page": "Page", "not_translated": "Not yet translated; shown in its original language.",
        "comment_on": "on", "all_tags": "All tags", "essays_tagged": "Essays tagged",
        "not_found": "Page not found", "not_found_text": "There is no page at this address.",
        "back_home": "Back to the essays", "feed": "Atom feed", "comments_feed": "Comments feed",
        "source": "First published at", "comment_count": "comments", "website": "website",
        "page_nav": "Pages", "essay_nav": "Essay", "neighbours": "More essays",
        "archive": "All comments, newest first", "tagged": "Tags", "no_essays": "No essays have this tag yet.",
        "written_in": "written in",
    },
    "es": {
        "skip": "Saltar al contenido", "essays": "Ensayos", "tags": "Etiquetas", "comments": "Comentarios",
        "site_nav": "Sitio", "by": "por", "translated_by": "traducido por", "original": "original",
        "translation": "traducción", "both": "Ambos", "only": "solo", "swap": "Intercambiar lados",
        "view": "Vista de lectura", "other_translations": "Otras traducciones",
        "discussion": "Conversación", "no_comments": "Aún no hay comentarios.", "reply_to": "en respuesta a",
        "permalink": "Enlace permanente", "passage": "Enlace a este pasaje", "read_in": "Leer en",
        "side_by_side": "Lado a lado", "languages": "Idiomas", "newer": "Más recientes",
        "older": "Más antiguos", "newer_essay": "Ensayo más reciente", "older_essay": "Ensayo anterior",
        "pages": "Páginas", "page": "Página",
        "not_translated": "Aún sin traducir; se muestra en su idioma original.",
        "comment_on": "en", "all_tags": "Todas las etiquetas", "essays_tagged": "Ensayos con la etiqueta",
        "not_found": "Página no encontrada", "not_found_text": "No hay ninguna página en esta dirección.",
        "back_home": "Volver a los ensayos", "feed": "Canal Atom", "comments_feed": "Canal de comentarios",
        "source": "Publicado originalmente en", "comment_count": "comentarios", "website": "sitio web",
        "page_nav": "Páginas", "essay_nav": "Ensayo", "neighbours": "Más ensayos",
        "archive": "Todos los comentarios, los más recientes primero", "tagged": "Etiquetas",
        "no_essays": "Aún no hay ensayos con esta etiqueta.", "written_in": "escrito en",
    },
    "ro": {
        "skip": "Salt la conținut", "essays": "Eseuri", "tags": "Etichete", "comments": "Comentarii",
        "site_nav": "Site", "by": "de", "translated_by": "tradus de", "original": "original",
        "translation": "traducere", "both": "Ambele", "only": "doar", "swap": "Inversează coloanele",
        "view": "Mod de citire", "other_translations": "Alte traduceri",
        "discussion": "Discuție", "no_comments": "Niciun comentariu încă.", "reply_to": "ca răspuns lui",
        "permalink": "Legătură permanentă", "passage": "Legătură către acest pasaj", "read_in": "Citește în",
        "side_by_side": "Alăturat", "languages": "Limbi", "newer": "Mai noi", "older": "Mai vechi",
        "newer_essay": "Eseul mai nou", "older_essay": "Eseul mai vechi", "pages": "Pagini",
        "page": "Pagina", "not_translated": "Încă netradus; afișat în limba originală.",
        "comment_on": "la", "all_tags": "Toate etichetele", "essays_tagged": "Eseuri cu eticheta",
        "not_found": "Pagina nu a fost găsită", "not_found_text": "Nu există nicio pagină la această adresă.",
        "back_home": "Înapoi la eseuri", "feed": "Flux Atom", "comments_feed": "Fluxul comentariilor",
        "source": "Publicat inițial la", "comment_count": "comentarii", "website": "site",
        "page_nav": "Pagini", "essay_nav": "Eseu", "neighbours": "Alte eseuri",
        "archive": "Toate comentariile, cele mai noi întâi", "tagged": "Etichete",
        "no_essays": "Încă niciun eseu cu această etichetă.", "written_in": "scris în",
    },
}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie".split(),
}
DATE_FORMS = {  # (day month year, month year)
    "en": ("{d} {m} {y}", "{m} {y}"),
    "es": ("{d} de {m} de {y}", "{m} de {y}"),
    "ro": ("{d} {m} {y}", "{m} {y}"),
}


class Words:
    """The interface's words in a page's language; a missing one is English, marked lang="en"."""

    def __init__(self, lang: str):
        self.lang = lang
        self._base = lang.split("-")[0]

    def __call__(self, key: str) -> Markup:
        messages = MESSAGES.get(self.lang) or MESSAGES.get(self._base)
        if messages and key in messages:
            return escape(messages[key])
        return Markup('<span lang="en">{}</span>').format(MESSAGES["en"][key])

    def attr(self, key: str) -> str:
        """The word as plain text, for attributes, where no element can mark a fallback's language."""
        messages = MESSAGES.get(self.lang) or MESSAGES.get(self._base) or {}
        return messages.get(key, MESSAGES["en"][key])

    def date(self, date: PartialDate) -> Markup:
        """A <time> element at the precision the source gave, in this language's form."""
        lang = self.lang if self.lang in MONTHS else self._base if self._base in MONTHS else "en"
        month = MONTHS[lang][date.month - 1] if date.month else ""
        full, month_only = DATE_FORMS[lang]
        if date.day:
            text = full.format(d=date.day, m=month, y=date.year)
        elif date.month:
            text = month_only.format(m=month, y=date.year)
        else:
            text = str(date.year)
        if date.hour >= 0:
            text += f", {date.hour:02d}:{date.minute:02d}"
        attrs = f' lang="{lang}"' if lang != self.lang else ""
        # An f-string, not Markup.format: this runs for every comment on every page.
        return Markup(f'<time datetime="{date.iso}"{attrs}>{escape(text)}</time>')
