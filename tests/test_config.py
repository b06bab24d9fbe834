"""site.yml: required keys, clear messages with line numbers, and compatible extras."""

from __future__ import annotations

import pytest

from tertulia.reading.config import load_config
from tertulia.errors import ContentErrors


def config_errors(tmp_path, text: str) -> list[str]:
    path = tmp_path / "site.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_config(path, "content/site.yml")
    return [str(e) for e in caught.value.errors]


def test_the_contract_example_loads(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text('title: {en: "Clients", es: "Clientes"}\nbase_url: "https://example.github.io/site"\n'
                    "languages:\n  en: English\n  pt-BR: Português\nmain_language: en\ncname: example.org\n")
    config = load_config(path, "content/site.yml")
    assert config.base_url == "https://example.github.io/site/"
    assert config.base_path == "/site/"
    assert config.language_codes == ("en", "pt-BR")
    assert config.localized(config.title, "pt-BR") == ("Clients", "en")
    assert config.cname == "example.org"


def test_missing_required_keys_are_all_named(tmp_path):
    errors = config_errors(tmp_path, "title: x\n")
    assert errors == ["content/site.yml: missing required key `base_url`",
                      "content/site.yml: missing required key `languages`",
                      "content/site.yml: missing required key `main_language`"]


def test_main_language_must_be_one_of_the_languages(tmp_path):
    errors = config_errors(tmp_path, "title: x\nbase_url: https://e.org/\nlanguages: {en: English}\nmain_language: fr\n")
    assert errors == ["content/site.yml:4: main_language `fr` is not one of languages (en)"]


def test_base_url_must_be_absolute(tmp_path):
    errors = config_errors(tmp_path, "title: x\nbase_url: /repo/\nlanguages: {en: English}\nmain_language: en\n")
    assert errors == ["content/site.yml:2: base_url must be an absolute http(s) URL, not `/repo/`"]


def test_an_unknown_key_is_named_with_its_line(tmp_path):
    errors = config_errors(tmp_path, "title: x\nbase_url: https://e.org/\nlanguages: {en: English}\n"
                                     "main_language: en\ntheme: dark\n")
    assert errors[0].startswith("content/site.yml:5: unknown key `theme`")
