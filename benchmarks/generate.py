"""Write a synthetic bilingual corpus in the content format: N essays x M comments, with replies and tags.

    python benchmarks/generate.py OUT --essays 1000 --comments 20 [--languages 2|3] [--hugo HUGO_OUT]

With two declared languages (en, es) every essay is Spanish with an English translation, every
comment likewise. With three (en, es, ro) originals alternate between Spanish and Romanian, each
with an English translation, and the site has 30 tags: a corpus shaped like the blogs Tertulia is
for, where every language gets its own listings. Every third comment answers the one before it.
With --hugo the same texts are also written as a multilingual Hugo site, so both tools can be
timed on the same words.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS_ES = ("cliente agencia valor empresa relación diálogo manifiesto mercado verticalidad socio "
            "campaña producto confianza horizontal respeto comunicación proyecto honorarios marca").split()
WORDS_EN = ("client agency value company relationship dialogue manifesto market verticality partner "
            "campaign product trust horizontal respect communication project fees brand").split()
WORDS_RO = ("client agenție valoare companie relație dialog manifest piață verticalitate partener "
            "campanie produs încredere orizontal respect comunicare proiect onorariu marcă").split()
TAGS = ("verticality", "cluetrain", "values", "agencies", "trust")
TAGS_30 = TAGS + tuple(f"topic-{number:02d}" for number in range(25))
WORDS = {"es": WORDS_ES, "ro": WORDS_RO}

SITE_YML = """\
search: false
title: {en: "Benchmark", es: "Prueba"}
base_url: "https://example.github.io/bench/"
languages: {en: English, es: Español}
main_language: en
tags:
  verticality: {en: verticality, es: verticalidad}
  cluetrain: {en: Cluetrain}
  values: {en: values, es: valores}
  agencies: {en: agencies, es: agencias}
  trust: {en: trust, es: confianza}
"""


def sentence(rng: random.Random, words, length: int) -> str:
    picked = [rng.choice(words) for _ in range(length)]
    return " ".join(picked).capitalize() + "."


def paragraphs(seed: int, count: int, words) -> list[str]:
    """The same seed gives the same shape in both languages, so blocks align."""
    rng = random.Random(seed)
    blocks = []
    for index in range(count):
        if index and index % 4 == 0:
            blocks.append("## " + sentence(rng, words, 4)[:-1])
        else:
            blocks.append(" ".join(sentence(rng, words, rng.randint(8, 20)) for _ in range(rng.randint(2, 5))))
    return blocks


SITE_YML_3 = """\
search: false
title: {en: "Benchmark", es: "Prueba", ro: "Test"}
base_url: "https://example.github.io/bench/"
languages: {en: English, es: Español, ro: Română}
main_language: en
tags:
""" + "".join(f"  {tag}: {{en: {tag}, es: {tag}-es, ro: {tag}-ro}}\n" for tag in TAGS_30)


def original_language(number: int, languages: int) -> str:
    """Spanish, or with three languages Spanish and Romanian in turn."""
    return "ro" if languages == 3 and number % 2 else "es"


def essay_texts(number: int, lang: str = "es") -> tuple[list[str], list[str]]:
    return paragraphs(number, 8, WORDS[lang]), paragraphs(number, 8, WORDS_EN)


def comment_texts(number: int, index: int, lang: str = "es") -> tuple[list[str], list[str]]:
    seed = number * 1000 + index
    count = 1 + seed % 3
    return paragraphs(seed, count, WORDS[lang]), paragraphs(seed, count, WORDS_EN)


def essay_tags(number: int, languages: int) -> list[str]:
    tags = TAGS_30 if languages == 3 else TAGS
    return [tags[(number + k) % len(tags)] for k in range(1 + number % 3)]


TITLES = {"es": "Ensayo", "ro": "Eseu"}
READERS = {"es": "Lector", "ro": "Cititor"}


def write(path: Path, front: str, blocks: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")


def generate(out: Path, essays: int, comments: int, languages: int = 2) -> None:
    """The corpus in Tertulia's content format, with two or three declared languages."""
    if out.exists():
        shutil.rmtree(out)
    (out).mkdir(parents=True)
    (out / "site.yml").write_text(SITE_YML_3 if languages == 3 else SITE_YML, encoding="utf-8")
    for number in range(essays):
        slug = f"essay-{number:05d}"
        post = out / "posts" / slug
        lang = original_language(number, languages)
        date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        tags = ", ".join(essay_tags(number, languages))
        original, english = essay_texts(number, lang)
        write(post / f"index.{lang}.md", f'title: "{TITLES[lang]} {number}"\nauthor: Autor {number % 37}\n'
                                         f"date: {date}\ntags: [{tags}]\n", original)
        write(post / "index.en.md", f'title: "Essay {number}"\ntranslation_of: {lang}\n', english)
        for index in range(1, comments + 1):
            original, english = comment_texts(number, index, lang)
            reply = f'reply_to: "{index - 1}"\n' if index % 3 == 0 else ""
            write(post / "comments" / f"{index}.{lang}.md",
                  f'author: {READERS[lang]} {index}\ndate: "{date} {index % 24:02d}:{index % 60:02d}"\n{reply}',
                  original)
            write(post / "comments" / f"{index}.en.md", f"translation_of: {lang}\n", english)


HUGO_CONFIG = """\
baseURL = "https://example.github.io/bench/"
title = "Benchmark"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[pagination]
pagerSize = 20
[languages.en]
weight = 1
[languages.es]
weight = 2
"""
HUGO_RO = """[languages.ro]
weight = 3
"""
# Like Tertulia's pages: each essay page shows its whole discussion; comments are no pages of their own.
HUGO_SINGLE = """<!DOCTYPE html><html lang="{{ .Language.Lang }}"><head><title>{{ .Title }}</title></head><body>
<article><h1>{{ .Title }}</h1>{{ with .Params.author }}<p>{{ . }}</p>{{ end }}{{ .Content }}</article>
<section>{{ range .Resources.Match "comments/*" }}<article id="comment-{{ .Name }}"><p>{{ .Params.author }} {{ .Params.date }}</p>{{ .Content }}</article>{{ end }}</section>
</body></html>
"""
HUGO_LIST = """<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


# Hugo as it comes: tags, their pages, feeds and a sitemap, which Tertulia's build makes too.
HUGO_CONFIG_WHOLE = HUGO_CONFIG.replace('disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]',
                                        'disableKinds = ["robotsTXT"]')


def generate_hugo(out: Path, essays: int, comments: int, whole: bool = False, languages: int = 2) -> None:
    """The same words as a multilingual Hugo site: a page per essay and language, showing its comments.
    `whole` also gives the essays their dates and tags, and Hugo its default tag pages, feeds and sitemap."""
    if out.exists():
        shutil.rmtree(out)
    (out / "layouts" / "_default").mkdir(parents=True)
    config = HUGO_CONFIG_WHOLE if whole else HUGO_CONFIG
    (out / "hugo.toml").write_text(config + (HUGO_RO if languages == 3 else ""))
    (out / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (out / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    for number in range(essays):
        post = out / "content" / "posts" / f"essay-{number:05d}"
        lang = original_language(number, languages)
        original, english = essay_texts(number, lang)
        extra = ""
        if whole:
            date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            extra = f"date: {date}\ntags: [{', '.join(essay_tags(number, languages))}]\n"
        write(post / f"index.{lang}.md", f'title: "{TITLES[lang]} {number}"\nauthor: Autor {number % 37}\n{extra}',
              original)
        write(post / "index.en.md", f'title: "Essay {number}"\n{extra}', english)
        for index in range(1, comments + 1):
            original, english = comment_texts(number, index, lang)
            write(post / "comments" / f"{index}.{lang}.md", f'author: {READERS[lang]} {index}\n', original)
            write(post / "comments" / f"{index}.en.md", "", english)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--essays", type=int, default=100)
    parser.add_argument("--comments", type=int, default=20)
    parser.add_argument("--languages", type=int, choices=(2, 3), default=2, help="declared languages")
    parser.add_argument("--hugo", type=Path, help="also write the corpus as a Hugo site here")
    args = parser.parse_args()
    generate(args.out, args.essays, args.comments, args.languages)
    if args.hugo:
        generate_hugo(args.hugo, args.essays, args.comments, languages=args.languages)


if __name__ == "__main__":
    main()
