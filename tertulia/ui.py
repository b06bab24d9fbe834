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
        "join": "Join the discussion", "reply": "Reply", "reply_to_name": "Reply to",
        "propose_placeholder": "Your comment, in Markdown.", "propose_name_note": "your name, as it should appear",
        "your_comment": "Your comment", "your_name": "Your name",
        "name_hint": "Leave it empty to appear as Anonymous.", "your_website": "Your website (optional)",
        "write_in": "Language you write in", "your_text": "Your comment, in Markdown", "preview": "Preview",
        "remember_name": "Remember my name and website on this device", "send_github": "Propose on GitHub",
        "send_email": "Send by e-mail", "close": "Close",
        "how_it_works": "Your comment is sent as a file for review, and appears here once a moderator accepts it.",
        "too_long": "This comment is too long to send through a link. Copy the file below and add it on GitHub, or send it by e-mail.",
        "copy_file": "Copy the file", "copied": "Copied.", "proposal_file": "The comment file",
        "opened": "The proposal opened in a new tab. If it did not, follow this link:",
        "open_link": "Open the prefilled proposal", "empty_text": "Write your comment first.",
        "pending": "Pending review: not published", "not_yet_in": "Not yet translated into",
        "outdated": "The original of this passage changed after it was translated.",
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
        "join": "Únete a la conversación", "reply": "Contestar", "reply_to_name": "Contestar a",
        "propose_placeholder": "Tu comentario, en Markdown.", "propose_name_note": "tu nombre, tal como debe aparecer",
        "your_comment": "Tu comentario", "your_name": "Tu nombre",
        "name_hint": "Si lo dejas vacío, aparecerás como Anonymous.", "your_website": "Tu sitio web (opcional)",
        "write_in": "Idioma en que escribes", "your_text": "Tu comentario, en Markdown", "preview": "Vista previa",
        "remember_name": "Recordar mi nombre y mi sitio web en este dispositivo", "send_github": "Proponer en GitHub",
        "send_email": "Enviar por correo", "close": "Cerrar",
        "how_it_works": "Tu comentario se envía como un archivo para revisión y aparece aquí cuando un moderador lo acepta.",
        "too_long": "Este comentario es demasiado largo para enviarlo con un enlace. Copia el archivo de abajo y añádelo en GitHub, o envíalo por correo.",
        "copy_file": "Copiar el archivo", "copied": "Copiado.", "proposal_file": "El archivo del comentario",
        "opened": "La propuesta se abrió en otra pestaña. Si no se abrió, sigue este enlace:",
        "open_link": "Abrir la propuesta", "empty_text": "Escribe primero tu comentario.",
        "pending": "Pendiente de revisión: no publicado", "not_yet_in": "Aún no traducido al",
        "outdated": "El original de este pasaje cambió después de traducirse.",
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
        "join": "Alătură-te discuției", "reply": "Răspunde", "reply_to_name": "Răspunde lui",
        "propose_placeholder": "Comentariul tău, în Markdown.", "propose_name_note": "numele tău, așa cum vrei să apară",
        "your_comment": "Comentariul tău", "your_name": "Numele tău",
        "name_hint": "Dacă îl lași gol, vei apărea ca Anonymous.", "your_website": "Site-ul tău (opțional)",
        "write_in": "Limba în care scrii", "your_text": "Comentariul tău, în Markdown", "preview": "Previzualizare",
        "remember_name": "Ține minte numele și site-ul meu pe acest dispozitiv", "send_github": "Propune pe GitHub",
        "send_email": "Trimite prin e-mail", "close": "Închide",
        "how_it_works": "Comentariul tău este trimis ca fișier spre revizuire și apare aici după ce un moderator îl acceptă.",
        "too_long": "Comentariul este prea lung pentru a fi trimis printr-o legătură. Copiază fișierul de mai jos și adaugă-l pe GitHub sau trimite-l prin e-mail.",
        "copy_file": "Copiază fișierul", "copied": "Copiat.", "proposal_file": "Fișierul comentariului",
        "opened": "Propunerea s-a deschis într-o filă nouă. Dacă nu, urmează această legătură:",
        "open_link": "Deschide propunerea", "empty_text": "Scrie mai întâi comentariul.",
        "pending": "În așteptare: nepublicat", "not_yet_in": "Încă netradus în",
        "outdated": "Originalul acestui pasaj s-a schimbat după ce a fost tradus.",
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
