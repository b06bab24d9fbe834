"""Write a synthetic bilingual corpus in the content format: N essays x M comments, with replies and tags.

    python benchmarks/generate.py OUT --essays 1000 --comments 20 [--hugo HUGO_OUT]

Every essay is Spanish with an English translation, every comment likewise; every third
comment answers the one before it. With --hugo the same texts are also written as a
multilingual Hugo site, so both tools can be timed on the same words.
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
TAGS = ("verticality", "cluetrain", "values", "agencies", "trust")

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


def essay_texts(number: int) -> tuple[list[str], list[str]]:
    return paragraphs(number, 8, WORDS_ES), paragraphs(number, 8, WORDS_EN)


def comment_texts(number: int, index: int) -> tuple[list[str], list[str]]:
    seed = number * 1000 + index
    count = 1 + seed % 3
    return paragraphs(seed, count, WORDS_ES), paragraphs(seed, count, WORDS_EN)


def write(path: Path, front: str, blocks: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")


def generate(out: Path, essays: int, comments: int) -> None:
    """The corpus in Tertulia's content format."""
    if out.exists():
        shutil.rmtree(out)
    (out).mkdir(parents=True)
    (out / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for number in range(essays):
        slug = f"essay-{number:05d}"
        post = out / "posts" / slug
        date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        tags = ", ".join(TAGS[(number + k) % len(TAGS)] for k in range(1 + number % 3))
        spanish, english = essay_texts(number)
        write(post / "index.es.md", f'title: "Ensayo {number}"\nauthor: Autor {number % 37}\n'
                                    f"date: {date}\ntags: [{tags}]\n", spanish)
        write(post / "index.en.md", f'title: "Essay {number}"\ntranslation_of: es\n', english)
        for index in range(1, comments + 1):
            spanish, english = comment_texts(number, index)
            reply = f'reply_to: "{index - 1}"\n' if index % 3 == 0 else ""
            write(post / "comments" / f"{index}.es.md",
                  f'author: Lector {index}\ndate: "{date} {index % 24:02d}:{index % 60:02d}"\n{reply}', spanish)
            write(post / "comments" / f"{index}.en.md", "translation_of: es\n", english)


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


def generate_hugo(out: Path, essays: int, comments: int, whole: bool = False) -> None:
    """The same words as a multilingual Hugo site: a page per essay and language, showing its comments.
    `whole` also gives the essays their dates and tags, and Hugo its default tag pages, feeds and sitemap."""
    if out.exists():
        shutil.rmtree(out)
    (out / "layouts" / "_default").mkdir(parents=True)
    (out / "hugo.toml").write_text(HUGO_CONFIG_WHOLE if whole else HUGO_CONFIG)
    (out / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (out / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    for number in range(essays):
        post = out / "content" / "posts" / f"essay-{number:05d}"
        spanish, english = essay_texts(number)
        extra = ""
        if whole:
            date = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
            extra = f"date: {date}\ntags: [{', '.join(TAGS[(number + k) % len(TAGS)] for k in range(1 + number % 3))}]\n"
        write(post / "index.es.md", f'title: "Ensayo {number}"\nauthor: Autor {number % 37}\n{extra}', spanish)
        write(post / "index.en.md", f'title: "Essay {number}"\n{extra}', english)
        for index in range(1, comments + 1):
            spanish, english = comment_texts(number, index)
            write(post / "comments" / f"{index}.es.md", f'author: Lector {index}\n', spanish)
            write(post / "comments" / f"{index}.en.md", "", english)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--essays", type=int, default=100)
    parser.add_argument("--comments", type=int, default=20)
    parser.add_argument("--hugo", type=Path, help="also write the corpus as a Hugo site here")
    args = parser.parse_args()
    generate(args.out, args.essays, args.comments)
    if args.hugo:
        generate_hugo(args.hugo, args.essays, args.comments)


if __name__ == "__main__":
    main()
