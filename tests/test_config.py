"""site.yml: required keys, clear messages with line numbers, and compatible extras."""

from __future__ import annotations

import pytest

from tertulia.reading.config import load_config, read_config
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


def test_one_plain_title_stands_in_every_language_as_that_pages(tmp_path):
    """Written once for all, it is no text of an unknown language (`lang=""`): each page's, unmarked."""
    path = tmp_path / "site.yml"
    path.write_text('title: "Tertulia"\ndescription: Essays\nbase_url: "https://example.org/"\n'
                    "languages: {es: Español, en: English}\nmain_language: es\n")
    config = load_config(path, "content/site.yml")
    assert config.localized(config.title, "en") == ("Tertulia", "en")
    assert config.localized(config.description, "es") == ("Essays", "es")


@pytest.mark.parametrize("title", ['""', "{}", '{en: "", es: "  "}'])
def test_an_empty_site_title_is_an_error_at_its_line(tmp_path, title):
    """Every page's <title> and every feed's would be empty: required means a name, not a key."""
    errors = config_errors(tmp_path, 'base_url: "https://example.org/"\nlanguages: {en: English, es: Español}\n'
                                     f"main_language: en\ntitle: {title}\n")
    assert errors == ["content/site.yml:4: `title` must not be empty: it names the site on every page and feed"]


@pytest.mark.parametrize("written, said", [("title:\n", "content/site.yml:4: `title` has no value: it is required"),
                                           ("title: {en: null}\n", "content/site.yml:4: `title` must be text, or a map of "
                                                                    "language -> text"),
                                           ("", "content/site.yml: missing required key `title`")])
def test_a_title_left_out_or_without_a_value_is_said_once(tmp_path, written, said):
    """A contract audit: a site.yml without `title` was told both that it is missing and that it is empty."""
    errors = config_errors(tmp_path, 'base_url: "https://example.org/"\nlanguages: {en: English, es: Español}\n'
                                     f"main_language: en\n{written}")
    assert errors == [said]


def test_missing_required_keys_are_all_named(tmp_path):
    errors = config_errors(tmp_path, "title: x\n")
    assert errors == ["content/site.yml: missing required key `base_url`",
                      "content/site.yml: missing required key `languages`",
                      "content/site.yml: missing required key `main_language`"]


def test_a_misspelt_required_key_is_said_at_its_line_with_the_key_it_is_meant_to_be(tmp_path):
    """An errors audit: `langauges:` was only "missing required key `languages`", with no line and no hint."""
    errors = config_errors(tmp_path, "title: x\nbase_url: https://e.org/\nlangauges: {en: English}\nmain_language: en\n")
    assert errors == ["content/site.yml:3: missing required key `languages`; is `langauges` meant to be `languages`?"]


@pytest.mark.parametrize("base_url, warned", [("https://ana.github.io/cadernos/", True), ("https://Ensaios.example.pt/", False),
                                               ("https://ensaios.example.pt/blog/", True), ("http://ensaios.example.pt", False),
                                               ("https://ensaios.example.pt:443/", False), ("https://ensaios.example.pt./", False)])
def test_a_custom_domain_base_url_does_not_lead_to_is_warned_of(tmp_path, base_url, warned):
    """A publishing walk: `cname:` set while base_url still named the github.io sub-path built pages whose
    every link left the custom domain, without a word."""
    path = tmp_path / "site.yml"
    path.write_text(f"title: x\nbase_url: {base_url}\nlanguages: {{en: English}}\nmain_language: en\n"
                    "cname: ensaios.example.pt\n", encoding="utf-8")
    config, errors, warnings = read_config(path, "content/site.yml")
    assert errors == []
    said = [str(warning) for warning in warnings]
    assert said == ([f"content/site.yml:5: cname `ensaios.example.pt` serves the site at https://ensaios.example.pt/, "
                     f"but base_url is `{config.base_url}`, where the pages' links, feeds and sitemap lead: set "
                     f"base_url to https://ensaios.example.pt/"] if warned else [])


def test_a_custom_domain_in_punycode_is_base_url_s_in_letters_and_a_base_url_given_is_mended_on_github(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text("title: x\nbase_url: https://bücher.example/\nlanguages: {en: English}\nmain_language: en\n"
                    "cname: xn--bcher-kva.example\n", encoding="utf-8")
    assert read_config(path, "content/site.yml")[2] == []
    told = read_config(path, "content/site.yml", "https://owner.github.io/repo/")[2]
    assert [str(warning) for warning in told] == [
        "content/site.yml:5: cname `xn--bcher-kva.example` serves the site at https://xn--bcher-kva.example/, but this "
        "build is for `https://owner.github.io/repo/` (--base-url), where the pages' links, feeds and sitemap lead: on "
        "GitHub, set the custom domain under Settings → Pages"]


def test_main_language_must_be_one_of_the_languages(tmp_path):
    errors = config_errors(tmp_path, "title: x\nbase_url: https://e.org/\nlanguages: {en: English}\nmain_language: fr\n")
    assert errors == ["content/site.yml:4: main_language `fr` is not one of languages (en)"]


@pytest.mark.parametrize("url", ["/repo/", "https://ex.org/sub?x=1", "https://ex.org/sub/#f", "https://ex.org?x"])
def test_base_url_must_be_absolute_with_no_query_or_fragment(tmp_path, url):
    errors = config_errors(tmp_path, f"title: x\nbase_url: \"{url}\"\nlanguages: {{en: English}}\nmain_language: en\n")
    assert errors == [f"content/site.yml:2: base_url must be an absolute http(s) URL with no query or fragment, not `{url}`"]


@pytest.mark.parametrize("url, problem", [
    ("https://x.org/</script><script>a/", "holds a character an address cannot: a quote, `<`, `>`, a backslash or a brace"),
    ("https://x.org/a\\b/", "holds a character an address cannot: a quote, `<`, `>`, a backslash or a brace"),
    ("https://x.org:99999/", "has the port 99999; a port is a number from 1 to 65535"),
    ("https://x.org/a/../b/", "holds a `.` or `..` segment: write the folder it leads to"),
    ("https://x.org/a%zz/", "holds a `%` not followed by two hexadecimal digits; a percent sign is `%25`"),
    ("https://x.org/a%FF/", "holds `%` escapes that spell no UTF-8 letters; write the letters themselves, or "
                            "their UTF-8 escapes"),  # the preview's every address led to a 404 (a red team's)
    ("https://user@x.org/", "names no host that an address can, such as `example.github.io`")])
def test_a_base_url_no_browser_could_follow_is_an_error_at_its_line(tmp_path, url, problem):
    """These passed, and every canonical link, feed entry and sitemap address carried them (escaped)."""
    errors = config_errors(tmp_path, f"title: x\nbase_url: '{url}'\nlanguages: {{en: English}}\nmain_language: en\n")
    assert errors == [f"content/site.yml:2: base_url `{url}` {problem}"]


@pytest.mark.parametrize("url", ["https://x.org:8080/a/", "https://[::1]:8000/", "https://bücher.example/blog/",
                                 "https://x.org/caf%C3%A9/", "http://localhost:8000/"])
def test_a_base_url_with_a_port_an_ipv6_host_or_an_encoded_path_is_kept(tmp_path, url):
    path = tmp_path / "site.yml"
    path.write_text(f"title: x\nbase_url: \"{url}\"\nlanguages: {{en: English}}\nmain_language: en\n")
    assert load_config(path, "content/site.yml").base_url == url


@pytest.mark.parametrize("url, kept", [("https://x.github.io/repo//", "https://x.github.io/repo/"),
                                       ("https://x.github.io//a//b", "https://x.github.io/a/b/"),
                                       ("http://x.org:8000", "http://x.org:8000/")])
def test_a_slash_typed_twice_in_base_url_is_one_in_every_address(tmp_path, url, kept):
    """The sitemap and the feeds held `https://x.github.io/repo//`: a doubled slash is another address."""
    path = tmp_path / "site.yml"
    path.write_text(f"title: x\nbase_url: \"{url}\"\nlanguages: {{en: English}}\nmain_language: en\n")
    assert load_config(path, "content/site.yml").base_url == kept


def test_an_unknown_key_is_named_with_its_line_and_ignored(tmp_path):
    """An error stopped a site.yml written for a later version, which may add optional keys, from building
    here (a contract audit): it is ignored with a warning, as an unknown key of front matter is."""
    from tertulia.reading.config import read_config
    path = tmp_path / "site.yml"
    path.write_text("title: x\nbase_url: https://e.org/\nlanguages: {en: English}\nmain_language: en\ntheme: dark\n"
                    "tag: [x]\n", encoding="utf-8")
    config, errors, warnings = read_config(path, "content/site.yml")
    assert errors == [] and config.title == (("", "x"),)
    assert [str(w) for w in warnings] == [
        "content/site.yml:5: unknown key `theme` is ignored (known: " + ", ".join(config_keys()) + ")",
        "content/site.yml:6: unknown key `tag` is ignored; is it meant to be `tags`?"]


def config_keys() -> list[str]:
    from tertulia.reading.config import KNOWN
    return list(KNOWN)


def test_every_setting_is_one_field_with_its_check_and_the_fields_default(tmp_path):
    """A key of site.yml is declared once: its SiteConfig field gives the name, the default and whether
    it is required; config.CHECKS gives its check, in the same order."""
    from dataclasses import MISSING, fields
    from tertulia.model import SiteConfig
    from tertulia.reading import config as settings
    assert list(settings.CHECKS) == [f.name for f in fields(SiteConfig)]
    assert settings.REQUIRED == ("title", "base_url", "languages", "main_language")
    path = tmp_path / "site.yml"
    path.write_text('title: T\nbase_url: "https://example.org/"\nlanguages: {en: English}\nmain_language: en\n')
    loaded = load_config(path, "content/site.yml")
    for field in fields(SiteConfig):
        if field.default is not MISSING:
            assert getattr(loaded, field.name) == field.default, field.name


def test_a_null_main_language_is_an_error_not_an_empty_language(tmp_path):
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\nlanguages: {en: English}\n'
                                     "main_language:\n")
    assert errors == ["content/site.yml:4: main_language `` is not one of languages (en)"]


def test_a_language_tag_given_twice_in_another_case_is_an_error(tmp_path):
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\n'
                                     "languages:\n  en: English\n  EN: Shouty\nmain_language: en\n")
    assert errors == ["content/site.yml:5: `EN` is `en` again: language tags are the same in any case"]


def test_a_bad_language_tag_is_named_on_its_own_line_and_not_again_as_the_main_language(tmp_path):
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\n'
                                     'languages:\n  en: English\n  ro: Română\n  es_ES: "Español"\nmain_language: es_ES\n')
    assert errors == ["content/site.yml:6: `es_ES` is not a BCP 47 language tag such as `en` or `pt-BR`"]


def test_a_tag_of_the_right_form_that_no_registry_has_is_refused_with_the_one_browsers_know(tmp_path):
    """`lang="ita"` fails the Nu checker and leaves screen readers guessing: BCP 47 writes Italian `it`."""
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\n'
                                     "languages:\n  ita: Italiano\n  xx: Nothing\n  pt-BR: Português\n  cmn: 中文\n"
                                     "main_language: ita\n")
    assert errors == [
        "content/site.yml:4: `ita` is not a current tag of IANA's language tag registry, which browsers and screen "
        "readers go by: write `it`",
        "content/site.yml:5: `xx` is not in IANA's language tag registry, which browsers and screen readers go by"]
    variants = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\n'
                                       "languages:\n  ca-ES-valencia: Valencià\n  en-US-posix: POSIX\nmain_language: ca-ES-valencia\n")
    assert variants == [  # Babel has a locale of each name; only the first variant is IANA's
        "content/site.yml:5: `en-US-posix` is not in IANA's language tag registry, which browsers and screen readers go by"]



def test_a_deprecated_tag_is_refused_with_its_successor_and_a_tag_for_no_language_is_refused(tmp_path):
    """`iw` and `mo` are in the registry only as withdrawn names of `he` and `ro`; `und` and `zxx` say the
    text has no language a reader's screen reader could read it in. A private-use tag (`qaa`) is a site's own."""
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\n'
                                     "languages:\n  iw: עברית\n  mo-MD: Moldovenească\n  und: Unknown\n  zxx: None\n"
                                     "  agp: Paranan\n  qaa: Ours\nmain_language: qaa\n")
    assert errors == [
        "content/site.yml:4: `iw` is not a current tag of IANA's language tag registry, which browsers and screen "
        "readers go by: write `he`",
        "content/site.yml:5: `mo-MD` is not a current tag of IANA's language tag registry, which browsers and screen "
        "readers go by: write `ro-MD`",
        "content/site.yml:6: `und` names no language (IANA's registry keeps `und` for \"Undetermined\"): "
        "write the tag of the language the text is in",
        "content/site.yml:7: `zxx` names no language (IANA's registry keeps `zxx` for \"No linguistic content; "
        "Not applicable\"): write the tag of the language the text is in",
        "content/site.yml:8: `agp` (Paranan) was withdrawn from IANA's language tag registry, which browsers and "
        "screen readers go by: write the tag of the language the text is in"]

def test_an_old_address_may_hold_a_percent_encoded_space_but_no_encoded_control_or_quote(tmp_path):
    head = 'title: T\nbase_url: "https://example.org/"\nlanguages: {en: English}\nmain_language: en\nredirects:\n'
    path = tmp_path / "site.yml"
    path.write_text(head + "  /my%20old%20post/: /about/\n", encoding="utf-8")
    assert [(r.old, r.new) for r in load_config(path, "content/site.yml").redirects] == [("/my%20old%20post/", "/about/")]
    assert config_errors(tmp_path, head + "  /a%0Ab/: /about/\n  /a b/: /about/\n") == [
        "content/site.yml:6: redirect `/a%0Ab/` holds, percent-encoded, a control character, a quote or a backslash",
        "content/site.yml:7: redirect `/a b/` holds a space, a control character, a quote or a fragment"]


def test_a_list_key_left_with_every_entry_commented_out_means_none(tmp_path):
    """`menu:` with its one entry commented out (as init's site.yml invites) is no menu, not an error."""
    path = tmp_path / "site.yml"
    path.write_text('title: T\nbase_url: "https://example.org/"\nlanguages: {es: Español}\nmain_language: es\n'
                    "menu:\n#  - page: about\ntags:\n#  values: {es: valores}\nenglish_interface:\nredirects:\n")
    config = load_config(path, "content/site.yml")
    assert (config.menu, config.tags, config.english_interface, config.redirects) == ((), (), (), ())


@pytest.mark.parametrize("key, line", [("base_url", 2), ("languages", 3)])
def test_a_required_key_written_with_no_value_is_an_error_at_its_line(tmp_path, key, line):
    """`base_url:` alone passed as `/`, giving feeds and the sitemap relative addresses."""
    text = 'title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español}\nmain_language: es\n'
    text = text.replace('"https://example.org/"' if key == "base_url" else "{es: Español}", "")
    assert config_errors(tmp_path, text) == [f"content/site.yml:{line}: `{key}` has no value: it is required"]


def test_a_bad_tag_menu_entry_or_discussion_key_is_said_at_its_own_line(tmp_path):
    text = ('title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español}\nmain_language: es\n'
            "menu:\n  - page: about\n  - url: \"https://example.org/\"\n  - url: /x/\n    label: 5\n"
            "tags:\n  fine: {es: bien}\n  \"a/b\": {es: x}\n  list: [1]\n"
            "discussion:\n  repo: owner/name\n  email: nobody\n")
    assert sorted(int(error.split(": ", 1)[0].split(":")[1]) for error in config_errors(tmp_path, text)) == [
        7, 8, 12, 13, 16]


def test_one_tag_label_for_every_language_is_each_pages(tmp_path):
    path = tmp_path / "site.yml"
    path.write_text('title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español, en: English}\n'
                    "main_language: es\ntags:\n  cluetrain: Cluetrain-L\n")
    [tag] = load_config(path, "content/site.yml").tags
    assert tag.label("en", "es") == ("Cluetrain-L", "en") and tag.label("es", "es") == ("Cluetrain-L", "es")


def test_redirects_that_lead_round_in_a_ring_are_an_error_once_at_the_first(tmp_path):
    """They wrote pages that refresh into one another forever."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español}\n'
                                     "main_language: es\nredirects:\n  /a/: /a/\n  /b/: /c\n  /c/: /d/#x\n"
                                     "  /d/: /b/\n  /e/: /b/\n  /f/: /about/\n")
    assert errors == [
        "content/site.yml:6: redirect `/a/` leads back to itself: a reader's browser would go round and round; "
        "point it at a page",
        "content/site.yml:7: redirect `/b/` leads back to itself through `/c/`, `/d/`: a reader's browser would go "
        "round and round; point it at a page"]


def test_a_redirects_new_address_that_is_wrong_is_named_as_the_new_one(tmp_path):
    """"redirect `https://example.org/club/` must start with one `/`" read as if the old address were wrong."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español}\n'
                                     "main_language: es\nredirects:\n  /old-club/: https://example.org/club/\n"
                                     "  old/: /new/\n  /x/: new/\n")
    assert errors == [
        "content/site.yml:6: redirect `/old-club/`: its new address `https://example.org/club/` is not on this "
        "site: a redirect leads to one of its pages, such as `/about/` (a link to another site belongs in a page "
        "or the menu)",
        "content/site.yml:7: redirect `old/` must start with one `/`: a site-relative address such as "
        "`/2012/09/10/old-slug/`",
        "content/site.yml:8: redirect `/x/`: its new address `new/` must start with one `/`: a site-relative "
        "address such as `/2012/09/10/old-slug/`"]


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Factory"])
def test_a_time_zone_that_is_the_machines_own_or_none_is_refused(tmp_path, zone):
    """`localtime` read /etc/localtime: the same site dated otherwise on another machine."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://example.org/"\nlanguages: {es: Español}\n'
                                     f"main_language: es\ntimezone: {zone}\n")
    assert errors == [f"content/site.yml:5: timezone must be an IANA time zone such as `Europe/Madrid`, not `{zone}`"]


def test_a_misspelt_key_a_misspelt_zone_and_a_wrong_menu_entry_say_what_was_meant_in_yaml_words(tmp_path):
    base = 'title: t\nbase_url: "https://x.org/"\nlanguages: {pt-BR: P, ca: C}\nmain_language: pt-BR\n'
    errors = config_errors(tmp_path, base + "tags: [x]\ntimezone: America/Sao_Paolo\nmenu:\n  - page: about\n"
                                            "    label: {pt-BR: Colofão}\n  - url: ftp://x.org/\n    label: X\n"
                                            "  - page: club\n    titel: C\n")
    assert errors == [
        "content/site.yml:5: tags must map each tag key to its labels, e.g. `values: {en: values}`",
        "content/site.yml:6: timezone must be an IANA time zone such as `Europe/Madrid`, not `America/Sao_Paolo`; "
        "is it meant to be `America/Sao_Paulo`?",
        "content/site.yml:8: menu entry `page: about, label: {pt-BR: Colofão}`: a page's entry takes no `label` "
        "(the page's title is its label)",
        "content/site.yml:10: menu entry `url: ftp://x.org/, label: X`: url must be http(s) or start with /, not `ftp://x.org/`"]


def test_two_tag_keys_that_are_one_tag_with_different_labels_is_an_error_at_the_second(tmp_path):
    """`values` and `Values` (or `café` written in two encodings) are one tag: the second's labels were dropped."""
    head = 'title: T\nbase_url: "https://example.org/"\nlanguages: {en: English, es: Español}\nmain_language: en\ntags:\n'
    errors = config_errors(tmp_path, head + "  values: {en: values, es: valores}\n  Values: {en: values, es: VV}\n"
                                            "  cafe\u0301: {en: coffee}\n  caf\u00e9: {en: cafe}\n")
    assert errors == [
        "content/site.yml:7: tag key `Values` is the tag `values` (keys alike but for case, spaces or how an accent is "
        "encoded are one tag), whose `es` label is already `valores`, not `VV`: give its labels once",
        "content/site.yml:9: tag key `caf\u00e9` is the tag `cafe\u0301` (keys alike but for case, spaces or how an accent "
        "is encoded are one tag), whose `en` label is already `coffee`, not `cafe`: give its labels once"]
    same = head + "  values: {en: values}\n  Values: {en: values, es: valores}\n"  # no label lost: one tag, both said
    path = tmp_path / "same.yml"
    path.write_text(same, encoding="utf-8")
    assert [(t.key, t.labels) for t in load_config(path, "content/site.yml").tags] == [
        ("values", (("en", "values"), ("es", "valores")))]


def test_a_label_in_a_language_the_site_does_not_declare_is_a_warning_at_its_line(tmp_path):
    """`fe:` for `fr:` left the French pages with the tag's key, and no word said why."""
    from tertulia.reading.config import read_config
    path = tmp_path / "site.yml"
    path.write_text('title: {de: Zwei, xx: Deux}\nbase_url: "https://example.org/"\nlanguages: {de: Deutsch, fr: Français}\n'
                    "main_language: de\ntags:\n  essays: {de: Essays, fr: essais}\n  kunst: {de: Kunst, fe: art}\n"
                    "menu:\n  - url: https://x.org/\n    label: {de: X, FR: Y}\n", encoding="utf-8")
    config, errors, warnings = read_config(path, "content/site.yml")
    assert config is not None and errors == []
    assert [str(w) for w in warnings] == [
        "content/site.yml:1: title has a label in `xx`, which is not one of languages (de, fr): "
        "a slip for one of them?",
        "content/site.yml:7: tag `kunst` has a label in `fe`, which is not one of languages (de, fr): "
        "a slip for one of them?",
        "content/site.yml:9: menu entry `https://x.org/` has a label in `FR`, which is not one of languages (de, fr): "
        "a slip for one of them?"]


def test_a_key_indented_deeper_than_the_one_above_it_is_said_to_be(tmp_path):
    """YAML's "did not find expected key" names no cause; a space too many is the usual one."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://a.example/"\nlanguages:\n  ar: "العربية"\n'
                                     '   en: "English"\nmain_language: ar\n')
    assert errors == ["content/site.yml:5: YAML does not parse: did not find expected key; this line is indented "
                      "deeper than the key above it: keys of one mapping start in one column"]


@pytest.mark.parametrize("written, used", [
    ("https://u.github.io/répo/", "https://u.github.io/r%C3%A9po/"),
    ("https://bücher.example/bücher", "https://bücher.example/b%C3%BCcher/"),
    ("https://example.org/r%C3%A9po/(a)/", "https://example.org/r%C3%A9po/(a)/"),
])
def test_a_base_url_in_letters_beyond_ascii_is_used_as_an_address_sends_it(tmp_path, written, used):
    """The sitemap held `https://u.github.io/répo/`, which its protocol forbids, beside escaped tag
    segments; a browser's location says `/r%C3%A9po/`, as the not-found page's script compares it."""
    path = tmp_path / "site.yml"
    path.write_text(f'title: x\nbase_url: "{written}"\nlanguages: {{en: English}}\nmain_language: en\n')
    assert load_config(path, "content/site.yml").base_url == used


def test_an_unknown_key_in_discussion_or_a_menu_entry_is_ignored_with_a_warning_at_its_line(tmp_path):
    """A contract audit: such a key stopped the build, where one at site.yml's top is only a warning, so a
    site.yml written for a later version (which may add optional keys, the contract says) failed here."""
    from tertulia.reading.config import read_config
    path = tmp_path / "site.yml"
    path.write_text('title: t\nbase_url: "https://x.org/"\nlanguages: {en: E}\nmain_language: en\n'
                    "discussion:\n  repo: owner/name\n  colour: red\n  emial: a@b.org\n"
                    "menu:\n  - page: club\n    titel: C\n  - {url: /x/, label: X, icon: star}\n", encoding="utf-8")
    config, errors, warnings = read_config(path, "content/site.yml")
    assert errors == [] and config.discussion.repo == "owner/name" and config.discussion.email == ""
    assert [entry.page or entry.url for entry in config.menu] == ["club", "/x/"]
    assert [str(w) for w in warnings] == [
        "content/site.yml:7: discussion: unknown key `colour` is ignored (known: branch, email, issues, repo)",
        "content/site.yml:8: discussion: unknown key `emial` is ignored; is it meant to be `email`?",
        "content/site.yml:11: menu entry `club`: unknown key `titel` is ignored (known: label, page, url)",
        "content/site.yml:12: menu entry `/x/`: unknown key `icon` is ignored (known: label, page, url)"]
    # written on one line, each is said at its map's line, not at a later key of its name (a review)
    path.write_text('title: t\nbase_url: "https://x.org/"\nlanguages: {en: E}\nmain_language: en\n'
                    "discussion: {repo: owner/name, label: x, null: z}\nmenu:\n  - {page: about, rel: me}\n"
                    "  - url: /x/\n    label: {en: X}\n    rel: me\n", encoding="utf-8")
    assert [str(w) for w in read_config(path, "content/site.yml")[2]] == [
        "content/site.yml:5: discussion: unknown key `label` is ignored (known: branch, email, issues, repo)",
        "content/site.yml:5: discussion: unknown key `null` is ignored (known: branch, email, issues, repo)",
        "content/site.yml:7: menu entry `about`: unknown key `rel` is ignored (known: label, page, url)",
        "content/site.yml:10: menu entry `/x/`: unknown key `rel` is ignored (known: label, page, url)"]
    # a key of the same name deeper in the entry is not its own (a second review); nor one of a later entry
    path.write_text('title: t\nbase_url: "https://x.org/"\nlanguages: {en: E}\nmain_language: en\n'
                    "menu:\n  - url: /x/\n    label:\n      rel: X\n    rel: me\n  - rel: you\n    page: about\n",
                    encoding="utf-8")
    assert [str(w) for w in read_config(path, "content/site.yml")[2]] == [
        "content/site.yml:9: menu entry `/x/`: unknown key `rel` is ignored (known: label, page, url)",
        "content/site.yml:10: menu entry `about`: unknown key `rel` is ignored (known: label, page, url)",
        "content/site.yml:6: menu entry `/x/` has a label in `rel`, which is not one of languages (en): a slip for "
        "one of them?"]


def test_a_discussion_without_its_repo_says_it_is_missing(tmp_path):
    """A contract audit: `discussion: {issues: true}` was told its repo is "not `None`"."""
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://example.org/"\nlanguages: {en: English, es: Español}\n'
                                     "main_language: en\ndiscussion: {issues: true}\n")
    assert errors == ["content/site.yml:5: discussion repo must be a GitHub repository as `owner/name`, missing"]


def test_a_key_indented_less_than_the_one_above_it_is_not_said_to_be_deeper(tmp_path):
    """A new user's walk: ` es:` under `  en:` was told it is indented deeper than the key above it."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://a.example/"\nlanguages:\n  en: English\n'
                                     ' es: Español\nmain_language: en\n')
    assert errors == ["content/site.yml:5: YAML does not parse: did not find expected key; this line is indented "
                      "1 space, the line above it 2: keys of one mapping start in one column"]


def test_a_bad_tag_key_written_with_yaml_escapes_is_said_at_its_own_line(tmp_path):
    """`"a\\b"` and `"c\x07d"` are written with escapes, so the key's text is not what the line shows."""
    errors = config_errors(tmp_path, 'title: T\nbase_url: "https://e.org/"\nlanguages: {en: English}\n'
                                     'main_language: en\ntags:\n  ok: {en: ok}\n  "a\\\\b": {en: x}\n  "c\\x07d": {en: y}\n'
                                     '  "tab\\there": {en: z}\n')
    assert [error.split(": tag key")[0] for error in errors] == [
        "content/site.yml:7", "content/site.yml:8", "content/site.yml:9"]


@pytest.mark.parametrize("zone, meant", [("Madrid", "Europe/Madrid"), ('"Sao Paulo"', "America/Sao_Paulo"),
                                         ("Lisboa", "Europe/Lisbon"), ("Europe/Helsinky", "Europe/Helsinki")])
def test_a_zone_named_by_its_city_alone_or_misspelt_asks_for_the_one_meant(tmp_path, zone, meant):
    """A Finnish writer's walk: a zone that is no IANA name was told only that, not the one meant."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://example.org/"\nlanguages: {fi: Suomi}\n'
                                     f"main_language: fi\ntimezone: {zone}\n")
    assert errors == [f"content/site.yml:5: timezone must be an IANA time zone such as `Europe/Madrid`, "
                      f"not `{zone.strip(chr(34))}`; is it meant to be `{meant}`?"]


@pytest.mark.parametrize("zone", ['"UTC+2"', "CEST", '"GMT+1"', "Europe/Moskva", "Europe/Münich"])
def test_no_zone_is_guessed_from_an_offset_an_abbreviation_or_a_far_name(tmp_path, zone):
    """A review: `UTC+2` asked for `UTC`, `CEST` for `EST`, `Europe/Moskva` for `Europe/Minsk`: a writer taking
    the guess would move every date by hours."""
    errors = config_errors(tmp_path, 'title: x\nbase_url: "https://example.org/"\nlanguages: {fi: Suomi}\n'
                                     f"main_language: fi\ntimezone: {zone}\n")
    assert len(errors) == 1 and "is it meant" not in errors[0], errors


def test_an_import_takes_the_timezone_check_takes_and_no_other():
    """The Disqus import read site.yml's `timezone` with a rule of its own, which took `localtime` (the
    machine's clock, refused by check): its dates would have been written on whatever clock ran it."""
    from tertulia.reading.config import usable_timezone
    assert usable_timezone("Europe/Madrid") == "Europe/Madrid"
    assert [usable_timezone(zone) for zone in ("localtime", "Factory", "Europe/Nowhere", "../etc", 5, None, "")] == [""] * 7
