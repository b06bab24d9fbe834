"""A reader proposes a reply from the page, by keyboard, on a phone; the file it sends is published."""

from __future__ import annotations

import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

from helpers import FIXTURE, make_content, read_proposals, run_cli, serving
from tools import AXE_JS, ensure_node_tools
from tertulia.importers.proposal import read_letter
from tertulia.site.proposals import LONGEST_NAME, LONGEST_WEBSITE

CAPTURE_OPEN = "window.open = (url) => { window.__opened = url; return null; };"
ESSAY = "/fixture-repo/posts/alpha/"


def open_reply_form(server, open_page, width=390):
    page = open_page(server["url"] + ESSAY, width=width)
    page.add_init_script(CAPTURE_OPEN)
    page.reload()
    reply = page.locator('#comment-c1 > .comment-actions a.propose')
    reply.focus()
    page.keyboard.press("Enter")
    form = page.locator("#comment-c1 > form.proposal")
    form.wait_for()
    return page, form


def test_a_reader_proposes_a_reply_by_keyboard_and_it_is_published(server, open_page, tmp_path):
    page, form = open_reply_form(server, open_page)
    assert page.evaluate("document.activeElement.className") == "proposal-title"
    assert form.locator(".proposal-title").inner_text() == "Reply to Carla"
    # said before a word is written: an issue or a pull request is public at once (a reader on a phone was not told)
    assert "what you send there is public at once, before any review" in form.locator(".hint").first.inner_text()
    page.keyboard.press("Tab")
    page.keyboard.type("Eve: x --- status: published #")
    page.keyboard.press("Tab")
    page.keyboard.type("https://eve.example.org/")
    page.keyboard.press("Tab")  # the language: English, the side this reader reads
    assert form.locator("select").input_value() == "en"
    page.keyboard.press("Tab")
    page.keyboard.type("I *agree* with <b>Carla</b>.\n\nSecond thought, with [a link](https://example.org/).")
    assert form.locator(".preview-body em").inner_text() == "agree"
    assert form.locator(".preview-body b").inner_text() == "Carla"  # as published: b is in the sanitizer's safe subset
    assert form.locator(".preview-body a").get_attribute("href") == "https://example.org/"
    page.keyboard.press("Tab")  # remember my name: left unticked
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Propose on GitHub
    opened = page.evaluate("window.__opened")
    assert opened and len(opened) < 8000
    assert page.evaluate("window.localStorage.getItem('tertulia.proposer')") is None
    assert "opened in a new tab" in form.locator(".result").inner_text()

    parts = urlsplit(opened)
    assert (parts.netloc, parts.path) == ("github.com", "/example/fixture-repo/new/main")
    query = parse_qs(parts.query)
    filename, text = query["filename"][0], query["value"][0]
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    target = content / filename[len("content/"):]
    assert target.parent == content / "posts/alpha/comments" and target.name.endswith(".en.md")
    target.write_text(text, encoding="utf-8")
    assert run_cli("check", "--content", str(content)).returncode == 0
    out = tmp_path / "out"
    assert run_cli("build", "--content", str(content), "--output", str(out), "--no-cache").returncode == 0
    html = (out / "posts/alpha/index.html").read_text(encoding="utf-8")
    new_id = target.name.split(".")[0]
    carla = html[html.index('id="comment-c1"'):]
    mine = carla[carla.index(f'id="comment-{new_id}"'):]
    head = mine[:mine.index("</header>")]
    assert 'href="https://eve.example.org/"' in head and "Eve: x --- status: published #" in head
    assert "<em>agree</em>" in mine and "<b>Carla</b>" in mine  # b is in the sanitizer's safe subset
    assert read_proposals(out / "posts/alpha/index.html").parents[new_id] == ["c1"]


def test_closing_by_accident_keeps_what_was_typed_and_focus_returns(server, open_page):
    page, form = open_reply_form(server, open_page)
    form.locator("textarea").fill("Half a thought")
    page.keyboard.press("Escape")
    assert form.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('data-reply-to')") == "c1"
    page.keyboard.press("Enter")
    assert form.is_visible() and form.locator("textarea").input_value() == "Half a thought"


def test_an_empty_comment_is_not_sent_and_a_long_one_is_offered_as_a_file(server, open_page):
    page, form = open_reply_form(server, open_page, width=1280)
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened") is None
    assert "Write your comment first" in form.locator(".field-problem").inner_text()
    form.locator("textarea").fill("ä" * 3000)  # 18,000 characters once encoded
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("window.__opened") is None
    assert "too long to send through a link" in form.locator(".result").inner_text()
    offered = form.locator(".result textarea").input_value()
    assert offered.startswith("---\nauthor: \"Anonymous\"\n") and offered.count("ä") == 3000
    # where the file goes, named, and a link there that carries none of it: GitHub's new-file page
    path = form.locator(".result code").inner_text()
    assert path.startswith("content/posts/alpha/comments/") and path.endswith(".en.md")
    query = parse_qs(urlsplit(form.locator(".result a").get_attribute("href")).query, keep_blank_values=True)
    assert query == {"filename": [path], "value": [""]}
    assert form.locator(".result button").inner_text() == "Copy the file"
    # by e-mail, the letter the import reads (the reader's text, then the file between the markers),
    # said to be the text to paste into the e-mail, not a file to add on GitHub
    form.locator("button[type=submit][value=email]").click()
    letter = form.locator(".result textarea").input_value()
    assert letter.startswith("ä" * 3000) and re.search(r"\ncontent/posts/alpha/comments/[^/\n]+\.en\.md\n---\n", letter)
    said = form.locator(".result").inner_text()
    assert "paste it into your e-mail" in said and "GitHub" not in said and "file" not in said
    assert form.locator(".result code").count() == 0 and form.locator(".result button").inner_text() == "Copy the text"
    mailto = form.locator(".result a").get_attribute("href")
    assert mailto.startswith("mailto:talk@example.org?subject=") and mailto.endswith("&body=")


def built_taking_issues(tmp_path, comment: str):
    """A site that takes proposals as issues, its one comment `comment`, built under www/repo/: www to serve."""
    content = make_content(tmp_path, {"posts/hola/comments/c1.es.md": comment})
    (content / "site.yml").write_text((content / "site.yml").read_text()
                                      + "discussion: {repo: example/repo, issues: true}\n")
    result = run_cli("build", "--content", str(content), "--output", str(tmp_path / "www/repo"), "--no-cache")
    assert result.returncode == 0, result.stderr
    return tmp_path / "www"


def issue_form(page, url: str):
    """The form of a site taking proposals as issues, opened, `window.open` caught (see CAPTURE_OPEN)."""
    page.goto(url + "/repo/posts/hola/")
    page.add_init_script(CAPTURE_OPEN)
    page.reload()
    page.locator(".join a.propose").click()
    return page.locator(".join + form.proposal")


def test_a_long_comment_proposed_as_an_issue_is_offered_as_the_text_to_paste(open_page, tmp_path):
    with serving(built_taking_issues(tmp_path, "---\nauthor: Ana\n---\n\nHola.\n")) as url:
        page = open_page(url + "/repo/posts/hola/")
        form = issue_form(page, url)
        form.locator("textarea").fill("ä" * 3000)
        form.locator("button[type=submit][value=github]").click()
        assert page.evaluate("window.__opened") is None
        said = form.locator(".result").inner_text()
        assert "paste it into the new issue" in said and "file" not in said
        assert form.locator(".result textarea").input_value().startswith("ä" * 3000)
        assert form.locator(".result button").inner_text() == "Copy the text"
        issue = urlsplit(form.locator(".result a").get_attribute("href"))
        assert (issue.netloc, issue.path) == ("github.com", "/example/repo/issues/new")
        assert parse_qs(issue.query, keep_blank_values=True)["body"] == [""]
        # past GitHub's 65,536 characters an issue's body is refused, and the letter holds the comment
        # twice: the file alone is offered, which the import reads as it reads the letter
        long_text = "ö" * 40_000
        form.locator("textarea[name=body]").fill(long_text)
        form.locator("button[type=submit][value=github]").click()
        offered = form.locator(".result textarea").input_value()
        assert len(offered) <= 65_536 and offered.count("ö") == 40_000
        assert offered.startswith("-------- Tertulia comment file: keep it as it is --------\ncontent/posts/hola/")
        assert read_letter(offered, mail=False).body == long_text
        assert page.problems == []


def test_a_comment_too_long_for_a_link_twice_goes_to_the_issue_once(open_page, tmp_path):
    """A Thai writer's walk: a letter holds the comment twice, and a Thai letter takes nine characters of a
    link, so a paragraph of 440 letters was "too long to send through a link"; once, in its file, it fits."""
    thai = "ชาเย็นหวานน้อย" * 33  # 462 letters
    with serving(built_taking_issues(tmp_path, "---\nauthor: Ana\n---\n\nHola.\n")) as url:
        page = open_page(url + "/repo/posts/hola/")
        form = issue_form(page, url)
        form.locator("textarea").fill(thai)
        form.locator("button[type=submit][value=github]").click()
        opened = page.evaluate("window.__opened")
        assert opened and len(opened) <= 8000, "offered to copy instead"
        body = parse_qs(urlsplit(opened).query)["body"][0]
        assert body.startswith("-------- Tertulia comment file: keep it as it is --------\ncontent/posts/hola/")
        assert read_letter(body, mail=False).body == thai
        form.locator("textarea").fill("ชา")  # a short one still reads first, above its file
        form.locator("button[type=submit][value=github]").click()
        assert parse_qs(urlsplit(page.evaluate("window.__opened")).query)["body"][0].startswith("ชา\n\n--------")
        assert page.problems == []


def test_remembering_is_only_on_request(server, open_page):
    page, form = open_reply_form(server, open_page, width=1280)
    form.locator("input[name=author]").fill("Ana")
    form.locator("textarea").fill("Hola.")
    form.locator("input[name=remember]").check()
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("JSON.parse(window.localStorage.getItem('tertulia.proposer')).author") == "Ana"
    page.reload()
    page.locator("#discussion ~ .join a.propose").click()
    join = page.locator(".join + form.proposal")
    assert join.locator("input[name=author]").input_value() == "Ana"
    assert join.locator("textarea").input_value() == ""


def test_a_ctrl_click_opens_the_plain_link_not_the_form(server, open_page):
    page = open_page(server["url"] + ESSAY, width=1280)
    link = page.locator(".join a.propose")
    assert link.get_attribute("href").startswith("https://github.com/example/fixture-repo/new/main?filename=")
    page.route("https://github.com/**", lambda route: route.fulfill(body="github", content_type="text/html"))
    with page.context.expect_page() as new_tab:
        link.click(modifiers=["Control"])
    new_tab.value.close()
    assert page.locator("form.proposal").count() == 0


def test_the_open_form_has_no_accessibility_violation_of_any_impact(server, open_page):
    ensure_node_tools()
    page, form = open_reply_form(server, open_page)
    form.locator("textarea").fill("Some *text*.")
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate("""async () => (await axe.run(document.querySelector('#comment-c1'),
        {resultTypes: ['violations']})).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
    assert violations == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert page.problems == []


def test_on_a_phone_the_reason_a_comment_is_refused_stands_above_the_controls(server, open_page):
    page, form = open_reply_form(server, open_page)
    form.locator("button[type=submit][value=github]").click()
    assert page.evaluate("document.activeElement.name") == "body"
    # the reader is back in the form: the bar pinned to the bottom edge has stepped aside, covering nothing
    assert not page.locator(".reader-controls").is_visible()
    reason = form.locator(".field-problem").bounding_box()
    assert reason["y"] >= 0 and reason["y"] + reason["height"] <= page.viewport_size["height"], reason
    assert form.locator("textarea").get_attribute("aria-invalid") == "true"


@pytest.mark.parametrize("width", [390, 1280])
def test_a_comment_refused_from_the_buttons_below_shows_its_box_with_its_label(server, open_page, width):
    """A browser review: sent empty from the buttons under it, the box was scrolled flush with the screen's top,
    its label above the screen and its focus ring cut, on a language's own page (no bar pinned above it)."""
    page = open_page(server["url"] + "/fixture-repo/en/posts/alpha/", width=width)
    page.set_viewport_size({"width": width, "height": 700})
    page.locator(".join a.propose").click()
    form = page.locator(".join + form.proposal")
    form.locator("button[type=submit][value=github]").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "body"
    label = form.locator("textarea").evaluate("e => e.closest('p').getBoundingClientRect().toJSON()")
    reason = form.locator(".field-problem").bounding_box()
    assert label["top"] >= 0 and reason["y"] + reason["height"] <= 700, (label, reason)


def previewed(server, open_page, typed: str):
    """The reply form with `typed` in its box: the form, and the tags of the blocks its preview shows."""
    _, form = open_reply_form(server, open_page, width=1280)
    form.locator("textarea").fill(typed)
    return form, form.locator(".preview-body > *").evaluate_all("blocks => blocks.map(b => b.tagName)")


def test_the_preview_shows_code_blocks_as_the_build_will(server, open_page):
    """A fence (blank lines kept inside) and indented code are code blocks, as the published comment's."""
    form, blocks = previewed(server, open_page, "Look:\n\n```python\nx = 1\n\n**y** = 2\n```\n\n    indented()\n\nAfter *that*.")
    assert blocks == ["P", "PRE", "PRE", "P"]
    assert form.locator(".preview-body pre code").all_inner_texts() == ["x = 1\n\n**y** = 2", "indented()"]
    assert form.locator(".preview-body em").inner_text() == "that"


def test_what_a_reader_writes_takes_its_own_language_and_direction(server, open_page):
    """Typed in another script than the page's, a comment ran the page's way: ".I disagree (strongly)!"
    on an Arabic page (a reviewer, 2026-12). The box and its preview follow the words and the chosen language."""
    page, form = open_reply_form(server, open_page, width=1280)
    form.locator("select[name=lang]").select_option("es")
    assert form.locator("textarea").evaluate("e => e.lang") == "es"
    assert form.locator(".preview-body").evaluate("e => e.lang") == "es"
    form.locator("textarea").fill("لا أوافق (بشدة)!")
    direction = "e => getComputedStyle(e).direction"
    assert form.locator("textarea").evaluate(direction) == "rtl"
    assert form.locator(".preview-body p").evaluate(direction) == "rtl"
    form.locator("input[name=author]").fill("سلمى")
    assert form.locator("input[name=author]").evaluate(direction) == "rtl"


def test_the_preview_shows_lists_as_the_build_will(server, open_page):
    """"- uno\\n- dos" was previewed as one paragraph, "- uno - dos"; the published comment has a list."""
    form, blocks = previewed(server, open_page, "Dos cosas:\n\n- uno\n- *dos*,\n  seguido\n\n1. primero\n2. segundo\n\nFin.")
    assert blocks == ["P", "UL", "OL", "P"]
    assert form.locator(".preview-body ul li").all_inner_texts() == ["uno", "dos, seguido"]
    assert form.locator(".preview-body ul em").inner_text() == "dos"
    assert form.locator(".preview-body ol li").all_inner_texts() == ["primero", "segundo"]


def test_the_preview_shows_a_line_across_as_the_build_will(server, open_page):
    """A maintainer's walk: `---` between blank lines was previewed as a paragraph of dashes, and published
    as a line across the comment. `* * *` and `___` are lines too; a dash in a sentence is not."""
    _, blocks = previewed(server, open_page, "Antes.\n\n---\n\nEntre.\n\n* * *\n\n___\n\n-- no, esto sigue.")
    assert blocks == ["P", "HR", "P", "HR", "HR", "P"]
    # and where text touches it, but for dashes under a line of text (the build underlines that into a heading)
    _, blocks = previewed(server, open_page, "Antes.\n\n---\nTexto\n\nOtro\n***\n\nFin.")
    assert blocks == ["P", "HR", "P", "P", "HR", "P"]


def test_the_preview_draws_the_inline_tags_the_build_keeps(server, open_page):
    """`y <b>html</b> e <em>cursiva</em>` was previewed as its tags' text, and published bold and italic
    (a walk, 2026-12); so was `<span>`, which the build takes out, keeping its words. Nothing typed is
    parsed as HTML: the preview makes each tag by name, without the attributes the build drops too."""
    form, blocks = previewed(server, open_page, "y <b>html</b> e <EM>cursiva</EM>,<br>x <code><i>c</i></code> "
                                                "<b onclick=\"alert(1)\">no</b> <img src=x onerror=alert(1)> "
                                                "<span lang=\"x\">kept</span> <script>alert(2)</script>")
    assert blocks == ["P"]
    body = form.locator(".preview-body p")
    assert body.locator("b").all_inner_texts() == ["html", "no"] and body.locator("em").inner_text() == "cursiva"
    assert body.locator("br").count() == 1 and body.locator("code i").inner_text() == "c"
    assert body.locator("img, span, script, [onclick], [onerror], [lang]").count() == 0
    # as published: `<p>… <b>no</b>  kept &lt;script&gt;alert(2)&lt;/script&gt;</p>`
    assert body.evaluate("e => e.textContent").endswith("no  kept <script>alert(2)</script>")


def test_on_a_phone_the_reading_bar_steps_aside_while_the_reader_writes(server, open_page):
    """The bar pinned to a phone's bottom edge (above its keyboard) covered the comment field being typed in."""
    page, form = open_reply_form(server, open_page)
    form.locator("textarea").focus()
    assert not page.locator(".reader-controls").is_visible()
    page.locator("h1").first.click()  # done writing: the bar is back within reach
    assert page.locator(".reader-controls").is_visible()


def test_the_preview_links_an_address_holding_parentheses_as_the_build_will(server, open_page):
    """`[this](…/People's_Park_(Chengdu))` was cut at the first `)`, a stray `)` left after the link,
    though the published comment links the whole address."""
    form, _ = previewed(server, open_page, "See [this](https://zh.wikipedia.org/wiki/Park_(Chengdu)), then go.")
    assert form.locator(".preview-body a").get_attribute("href") == "https://zh.wikipedia.org/wiki/Park_(Chengdu)"
    assert form.locator(".preview-body p").inner_text() == "See this, then go."


def test_the_preview_links_an_address_typed_as_plain_text_as_the_build_will(server, open_page):
    """A pasted address is a link in the published comment (reading/linkify.py); the preview said it would be text."""
    form, _ = previewed(server, open_page, "Mira https://es.wikipedia.org/wiki/Tertulia_(reunión). Y `https://x.org`, "
                                           "[www.a.org](https://b.org) o www.example.org/about!")
    links = form.locator(".preview-body a")
    assert links.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent, a.rel])") == [
        ["https://es.wikipedia.org/wiki/Tertulia_(reunión)", "https://es.wikipedia.org/wiki/Tertulia_(reunión)",
         "nofollow ugc noopener"],
        ["https://b.org", "www.a.org", "nofollow ugc noopener"],
        ["http://www.example.org/about", "www.example.org/about", "nofollow ugc noopener"]]
    assert form.locator(".preview-body code").inner_text() == "https://x.org"
    assert form.locator(".preview-body p").inner_text().endswith("o www.example.org/about!")


def test_the_preview_shows_a_link_it_will_not_follow_as_its_words_as_the_build_will(server, open_page):
    """`[perigo](javascript:alert(1))` was previewed as typed, Markdown and all; the published comment says "perigo"."""
    form, _ = previewed(server, open_page, "Veja [perigo](javascript:alert(1)) e [aqui](https://ok.example/).")
    assert form.locator(".preview-body p").inner_text() == "Veja perigo e aqui."
    assert form.locator(".preview-body a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://ok.example/"]


def test_the_preview_links_an_address_whole_whatever_underscores_it_holds(server, open_page):
    """`…/wiki/Bertrand_Russell_paradox` was previewed as a link to `…/wiki/Bertrand` and `<em>Russell</em>`:
    the build links the whole address, and an underscore inside a word is no emphasis (a red team, 2026-12)."""
    form, _ = previewed(server, open_page, "Lee https://en.wikipedia.org/wiki/Bertrand_Russell_paradox y snake_case_name, "
                                           "o _esto_.")
    assert form.locator(".preview-body a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://en.wikipedia.org/wiki/Bertrand_Russell_paradox"]
    assert form.locator(".preview-body em").all_inner_texts() == ["esto"]
    assert form.locator(".preview-body p").inner_text() == (
        "Lee https://en.wikipedia.org/wiki/Bertrand_Russell_paradox y snake_case_name, o esto.")


def test_the_preview_ends_an_address_at_a_bracket_it_did_not_open_as_the_build_does(server, open_page):
    form, _ = previewed(server, open_page, "[see https://example.org/z] and (https://example.org/a_[1]).")
    assert form.locator(".preview-body a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://example.org/z", "https://example.org/a_[1]"]
    assert form.locator(".preview-body p").inner_text() == "[see https://example.org/z] and (https://example.org/a_[1])."


def test_the_preview_links_an_address_written_in_angle_brackets_as_the_build_will(server, open_page):
    """`<https://…>` is Markdown's own way to link an address; the preview took it for a tag and dropped it,
    so a reader saw "see ." and may have deleted the link (a reader's walk, 2026-12)."""
    form, _ = previewed(server, open_page, "see <https://example.com/x>. And <b>bold</b>, <span>kept words</span>.")
    links = form.locator(".preview-body a")
    assert links.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent, a.rel])") == [
        ["https://example.com/x", "https://example.com/x", "nofollow ugc noopener"]]
    assert form.locator(".preview-body p").inner_text() == "see https://example.com/x. And bold, kept words."
    form.locator("textarea").fill("[x <https://a.org/in>](https://b.org/out)")  # never a link inside a link
    assert form.locator(".preview-body a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "https://b.org/out"]


def test_the_link_that_opened_the_shared_form_says_so_and_gets_the_focus_back(server, open_page):
    """"Join" and "Send by e-mail" open one form: closing it gave the focus to the first link ever used,
    and left the other saying it was expanded (a reader's walk, 2026-12). Used again, a link closes it."""
    page = open_page(server["url"] + ESSAY, width=1280)
    join, mail = page.locator(".discussion .join a.propose"), page.locator(".discussion .join a.propose-mail")
    mail.focus()
    page.keyboard.press("Enter")
    form = page.locator(".discussion .join + form.proposal")
    form.wait_for()
    page.keyboard.press("Escape")
    join.focus()
    page.keyboard.press("Enter")
    assert form.is_visible()
    assert (join.get_attribute("aria-expanded"), mail.get_attribute("aria-expanded")) == ("true", "false")
    page.keyboard.press("Escape")
    assert form.is_hidden() and page.evaluate("document.activeElement.className") == "propose"
    assert join.get_attribute("aria-expanded") == "false"
    join.click()
    assert form.is_visible()
    join.click()
    assert form.is_hidden() and join.get_attribute("aria-expanded") == "false"


def test_a_website_field_runs_left_to_right_and_a_reply_subject_holds_no_invisible_marks(open_page, tmp_path):
    """On an Arabic page `https://example.org/` showed as "/https://example.org"; the name of the one
    answered came into the issue's title, and the plain link's, with the marks that set it apart on the page."""
    with serving(built_taking_issues(tmp_path, '---\nauthor: "ليلى"\n---\n\nHola.\n')) as url:
        page = open_page(url + "/repo/es/posts/hola/")
        page.add_init_script(CAPTURE_OPEN)
        page.reload()
        reply = page.locator("#comment-c1 a.propose")
        plain = parse_qs(urlsplit(reply.get_attribute("href")).query)["title"][0]
        assert plain == "Respuesta a ليلى sobre «Hola»", plain
        reply.click()
        form = page.locator("#comment-c1 > form.proposal")
        assert form.locator('input[name="url"]').evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert "\u2068ليلى\u2069" in form.locator(".proposal-title").inner_text()  # set apart where it stands in words
        form.locator("textarea").fill("De acuerdo.")
        form.locator("button[type=submit][value=github]").click()
        title = parse_qs(urlsplit(page.evaluate("window.__opened")).query)["title"][0]
        assert title == "Respuesta a ليلى sobre «Hola»", title
        assert page.problems == []


def test_the_form_takes_a_website_and_name_as_long_as_an_import_does(server, open_page):
    """The website field cut a reader's address at 500 characters, where the import takes 2,000."""
    page, form = open_reply_form(server, open_page, width=1280)
    website = "https://example.org/" + "a" * 1480
    form.locator("input[name=url]").fill(website)
    form.locator("input[name=author]").fill("N" * 250)
    page.keyboard.press("Tab")
    assert form.locator("input[name=url]").input_value() == website
    assert form.locator("input[name=author]").input_value() == "N" * LONGEST_NAME
    assert int(form.locator("input[name=url]").get_attribute("maxlength")) == LONGEST_WEBSITE


def test_a_reply_link_is_named_for_whom_it_answers_and_shows_reply(server, open_page):
    """Its name said in the page's words with the name in its own language (a review's: an aria-label
    read "Reply to Carla" all in English); the visible word stays "Reply"."""
    page = open_page(server["url"] + "/fixture-repo/en/posts/alpha/", width=1280)
    link = page.get_by_role("button", name="Reply to Carla", exact=True)  # a button, once the script opens a form
    assert link.count() == 1
    assert link.locator('bdi[lang="es"]').count() == 1  # counted at once: no wait for what is not there
    assert link.locator('[aria-hidden="true"]').inner_text() == "Reply"
    assert link.bounding_box()["width"] < 120  # the hidden words take no room


def test_the_reply_form_s_title_says_the_name_in_its_own_language(server, open_page):
    """"Reply to Carla" in the form's heading held the Spanish name as English text, where the reply link
    that opened it already marked it (found in session 73)."""
    page, form = open_reply_form(server, open_page, width=1280)
    title = form.locator(".proposal-title")
    assert title.inner_text() == "Reply to Carla"
    assert title.locator("bdi").inner_text() == "Carla"
    assert title.locator("bdi").get_attribute("lang") == "es"
    assert page.problems == []
