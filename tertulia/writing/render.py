"""Pages -> bytes through Jinja2, with links that work under any base path."""

from __future__ import annotations

import os
import re
from types import FunctionType, MethodType

from jinja2 import (Environment, StrictUndefined, Template, TemplateError, TemplateNotFound,
                    TemplateSyntaxError, nodes, select_autoescape)
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.runtime import Context, Macro
from markupsafe import Markup, escape

try:  # MarkupSafe's own escaping of a plain string, without wrapping the result in Markup
    from markupsafe import _escape_inner
except ImportError:  # pragma: no cover - a MarkupSafe without it escapes the slower way, alike
    def _escape_inner(text: str) -> str:
        return str(escape(text))

from ..aside import Tickets, forked_workers
from ..site import routes
from ..site.routes import file_path, relative_url
from ..site.structured import og_locale
from ..errors import ContentError, ContentErrors
from ..model import ANONYMOUS, Site
from ..site.pages import Kind
from ..site.plan import Page
from ..site.ui import Interface, digit_sets, list_digit_styles, spaced_comma
from ..site.views import menu_links
from ..theme import DEFAULT_PREFIX, Theme
from .compiled import Compiled, theme_store
from .dependencies import template_closure
from .direction import has_right_to_left, with_directions
from .write import SiteWriter

PARALLEL_PAGES = 300  # below this many pages, one process renders faster than two can start


def escape_once(value) -> str:
    """Markup as it is, anything else escaped. Jinja escapes every `{{ }}` it prints, and MarkupSafe
    wraps each result in a new Markup, a copy even of what is Markup already: a million a build,
    each only to be joined into the page at once."""
    kind = type(value)
    if kind is Markup:
        return value
    if kind is str:
        return _escape_inner(value)
    if kind is int:  # a count, a level, a loop's index: digits need no escaping
        return str(value)
    return escape(value)


DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(Environment):
    """Jinja2's environment, reading `x.key` of a dict without first failing to find an attribute."""

    def getattr(self, obj, attribute):
        # Jinja tries getattr first and catches the AttributeError: thousands of raised errors a build
        # for the dicts pages are made of. A dict's own methods (`items`) still win, as in Jinja.
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            if attribute in obj:
                return obj[attribute]
            return self.undefined(obj=obj, name=attribute)
        try:  # the rest as Jinja does it, inline: this runs a million times a build
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)


class _CodeGenerator(CodeGenerator):
    """Jinja2's compiler, reading `x.name` inline (a dict's key, else the built-in getattr): a million
    times a build, a call into Python (`environment.getattr`) costs more than the lookup. Only what
    is not found (an undefined name) goes on to the environment, which tries the attribute again
    and then the item, exactly as Jinja does; `x` is evaluated once."""

    @optimizeconst
    def visit_Getattr(self, node, frame) -> None:
        if self.environment.is_async:  # pragma: no cover - the site's environment is never async
            return super().visit_Getattr(node, frame)
        name = repr(node.attr)
        if node.attr in DICT_ATTRIBUTES:  # a dict's own method wins over its key, as in Jinja
            self.write("(_found if (_found := getattr((_owner := ")
            self.visit(node.node, frame)
            self.write(f"), {name}, missing)) is not missing else environment.getattr(_owner, {name}))")
            return
        # the dicts pages are made of have no attribute by that name: their key is looked up first
        self.write("(_found if (_found := (_owner.get(" + name + ", missing) if type(_owner := ")
        self.visit(node.node, frame)
        self.write(f") is dict else getattr(_owner, {name}, missing))) is not missing "
                   f"else environment.getattr(_owner, {name}))")

    # Every `{{ }}` escapes what it prints: escape_once's own cases, inline, so that the most common
    # two (Markup as it is, a string escaped) cost no call into Python. The rest goes to escape_once.
    def _output_child_pre(self, node, frame, finalize) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            return super()._output_child_pre(node, frame, finalize)
        self.write("(_shown if (_kind := type(_shown := (")

    def _output_child_post(self, node, frame, finalize) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            return super()._output_child_post(node, frame, finalize)
        self.write("))) is Markup else _escape_inner(_shown) if _kind is str else escape(_shown))")


PLAIN_CALLABLES = (FunctionType, MethodType, Macro)


class _Context(Context):
    """Jinja2's context, calling a plain function or macro straight away: a page calls `_()`, `href()`
    and its macros hundreds of times, and Jinja asks each callee first whether it wants the context."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature, so no keyword clashes
        if type(__obj) in PLAIN_CALLABLES and not hasattr(__obj, "jinja_pass_arg"):
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Jinja does: a StopIteration must not end the page's generator
                return __self.environment.undefined("value was undefined because a callable raised a"
                                                    " StopIteration exception")
        return super().call(__obj, *args, **kwargs)


class _Template(Template):
    """A template whose `{{ }}` escape with `escape_once`: the same bytes, without the copies."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        namespace["escape"] = escape_once  # the name the compiled code calls; module-level in each template
        namespace["_escape_inner"] = _escape_inner  # what _CodeGenerator's output calls for a string
        return super()._from_namespace(environment, namespace, globals)


def compiled_templates(theme: Theme) -> dict[str, bytes]:
    """Every template a page of any kind is drawn with (and those they use), compiled: for another
    process's environment on the same theme (see make_environment), so that it need not compile them."""
    env = make_environment(theme)
    _load_templates(env, {kind.template for kind in Kind})
    return env.bytecode_cache.compiled


def make_environment(theme: Theme, reload: bool = False, *, compiled: dict[str, bytes] | None = None) -> Environment:
    """The Jinja2 environment; `reload` (for the preview) picks up edited templates, at the cost
    of asking the file system about them on every page; `compiled`, from compiled_templates on the
    same theme, spares compiling them again."""
    env = _Environment(
        loader=theme.loader(),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=reload,
        cache_size=-1,  # a theme has a score of templates: a plain dict keeps them, not a locked LRU list
    )
    env.template_class = _Template
    env.code_generator_class = _CodeGenerator
    env.context_class = _Context
    env.theme = theme  # so that an error can name the template as the author knows it
    env.globals["spaced_comma"] = spaced_comma
    env.globals["anonymous"] = ANONYMOUS  # the files' word for a name the source does not give, compared in the macros
    env.bytecode_cache = Compiled(compiled, theme_store(), theme.default / "templates")
    return env


def render_page(env: Environment, site: Site, interface: Interface, page: Page) -> bytes:
    """One page's bytes. The 404 page is served at any depth, so its links are root-absolute. A site's template
    may write `href('/favicon.ico')` from the site's root, as an essay's link is written: the root is the site's."""
    base_path = site.config.base_path
    if page.url == routes.NOT_FOUND:
        href = lambda url: base_path + routes.encoded(url.lstrip("/"))  # noqa: E731 - a two-word helper reads best inline
    else:
        href = lambda url: relative_url(page.url, url.lstrip("/"))  # noqa: E731
    try:
        template = env.get_template(page.template)
        menu = menu_links(site, page.lang, page.scope, page.url) if site.config.menu else ()
        html = template.render(
            page.context(site, interface), site=site, config=site.config, page=page, routes=routes, href=href, menu=menu,
            absolute=lambda url: site.config.base_url + routes.encoded(url), og_locale=og_locale,
            list_digits=list_digit_styles(site.config.language_codes), digit_sets=digit_sets(site.config.language_codes),
            **_interface(interface, page.lang),
        )
    except Exception as problem:  # a site's own template can be wrong: say where, as for content
        error = _template_error(env, problem)
        if error is None:
            raise  # not a template's doing: a bug, to be seen as one
        raise ContentErrors([error]) from None
    if has_right_to_left(site.config.language_codes):
        html = with_directions(html)
    return html.encode("utf-8")


def drawing_errors(theme: Theme, site: Site, interface: Interface, pages: list[Page],
                   every: bool = False) -> list[ContentError]:
    """Pages drawn in memory and thrown away, the first of each template, or `every` one: a site's
    template that fails only when drawn (a name it misspells), or only on some pages (a language, a
    listing's second page), fails `check` as it would fail the build."""
    env = make_environment(theme)
    errors: list[ContentError] = []
    for page in pages if every else {page.template: page for page in reversed(pages)}.values():
        try:
            render_page(env, site, interface, page)
        except ContentErrors as problem:
            errors += problem.errors
    return sorted(set(errors), key=str)


def template_errors(theme: Theme) -> list[ContentError]:
    """The site's own templates that do not compile, each as `templates/x.html:line: message`.
    Checked before anything is drawn, so a broken override fails the build with the output kept."""
    env = make_environment(theme)
    errors = []
    for name in theme.overrides("templates"):
        try:
            env.get_template(name)
            if problem := _missing_parent(env, name) or _extends_ring(env, name):
                errors.append(ContentError(f"templates/{name}", problem[0], problem[1]))
        except TemplateSyntaxError as problem:  # its own, or of a template it extends, read on the way: named there
            where = name if not problem.name or problem.name.startswith(DEFAULT_PREFIX + "/") else problem.name
            errors.append(ContentError(f"templates/{where}", problem.lineno or 0, problem.message or str(problem)))
        except TemplateError as problem:
            errors.append(_template_error(env, problem))
        except UnicodeDecodeError as problem:  # a template saved in another encoding, or not text at all
            line = problem.object[:problem.start].count(b"\n") + 1
            errors.append(ContentError(f"templates/{name}", line, "not valid UTF-8; save it as UTF-8"))
    return sorted(set(errors))


def unknown_blocks(theme: Theme) -> list[ContentError]:
    """A warning for each block a site's template fills that the template it extends does not have: a
    misspelt `{% block foter %}` would otherwise show nowhere, without a word."""
    names = theme.overrides("templates")
    env = make_environment(theme) if names else None
    warnings = []
    for name in names:
        try:
            tree, parent = _parsed(env, name)
            if parent is None:
                continue
            known = _blocks_of(env, parent.template.value, set())
        except (TemplateError, UnicodeDecodeError):
            continue  # template_errors names it
        hidden = _filled_by_every_page(env, name)
        for block in _outermost_blocks(tree):  # a block inside one is new, for templates extending this
            if block.name not in known:
                warnings.append(ContentError(f"templates/{name}", block.lineno, (
                    f"block `{block.name}` is not one of {parent.template.value}'s ({', '.join(sorted(known))}), "
                    "so it shows nowhere; check its name")))
            elif block.name in hidden:
                warnings.append(ContentError(f"templates/{name}", block.lineno, (
                    f"block `{block.name}` is filled by each page's own template ({', '.join(hidden[block.name])}), "
                    f"so what {name} puts there shows on no page; override it in those")))
    return warnings


# An address written from the host's root in a site's template (`href="/assets/club.css"`) or stylesheet
# (`url(/fonts/a.woff2)`, `@import "/base.css"`): under a sub-path it is none of the site's files. A quoted
# value is read whole (`"/{{ page.lang }}/about/"`); each of a srcset's candidates is one
# `url=` is a refresh's target inside `<meta content="0; url=/x">`; `data` an `<object>`'s file
ROOT_ADDRESS = re.compile(r"""\b(?:href|src|action|formaction|poster|data)\s*=\s*(?:"(/(?!/)[^"]*)"|'(/(?!/)[^']*)'|(/(?!/)[^\s>"']*))"""
                          r"""|\burl\(\s*["']?(/(?!/)[^"')\s]*)|@import\s+["'](/(?!/)[^"']*)"""
                          r"""|;\s*url\s*=\s*['"]?(/(?!/)[^"'\s>]*)""", re.IGNORECASE)
SRCSET = re.compile(r"""\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
COMMENTED = {"templates": re.compile(r"\{#.*?#\}|<!--.*?-->", re.DOTALL), "assets": re.compile(r"/\*.*?\*/", re.DOTALL)}


def root_addresses(theme: Theme, base_path: str) -> list[ContentError]:
    """A warning for each address from the host's root in a site's own templates and stylesheets, where
    base_url has a path: the preview sends it on under that path, the published site answers it with
    nothing (a maintainer's walk: the club's stylesheet and logo were gone once published). What a comment
    holds is none."""
    if base_path == "/":
        return []
    warnings = []
    for kind, suffixes in (("templates", (".html", ".xml")), ("assets", (".css",))):
        own = theme.own(kind)
        for relative in theme.overrides(kind):
            if relative.endswith(suffixes):
                text = (own / relative).read_text(encoding="utf-8", errors="replace")
                text = COMMENTED[kind].sub(lambda found: "\n" * found.group().count("\n"), text)
                warnings += [ContentError(f"{kind}/{relative}", number, _root_said(address, kind, base_path))
                             for number, line in enumerate(text.splitlines(), 1) for address in _from_root(line)]
    return warnings


def _from_root(line: str) -> list[str]:
    """The addresses from the host's root a line of a template or stylesheet writes."""
    found = [next(filter(None, match.groups())) for match in ROOT_ADDRESS.finditer(line)]
    for match in SRCSET.finditer(line):
        candidates = (candidate.split()[0] for candidate in (match.group(1) or match.group(2)).split(",") if candidate.split())
        found += [candidate for candidate in candidates if candidate.startswith("/") and not candidate.startswith("//")]
    return found


def _root_said(address: str, kind: str, base_path: str) -> str:
    how = ("an address relative to this stylesheet" if kind == "assets" else "it with `href()`" if "{" in address
           else f"{{{{ href('{address.lstrip('/')}') }}}}")
    return (f"`{address}` starts at the host's root, but the site lives under {base_path}, where it is none of the "
            f"site's files (the preview sends it on; the published site will not): write {how}")


def _filled_by_every_page(env: Environment, name: str) -> dict[str, list[str]]:
    """The blocks every page template extending `name` fills itself, with those templates: `main` and
    `title` of base.html, which a site's base.html would fill in vain."""
    filling: list[tuple[str, set[str]]] = []
    for other in env.list_templates(filter_func=lambda n: n.endswith(".html") and not n.startswith(("_", DEFAULT_PREFIX))):
        try:
            tree, parent = _parsed(env, other)
        except (TemplateError, UnicodeDecodeError):
            continue
        if parent is not None and parent.template.value in (name, f"{DEFAULT_PREFIX}/{name}") and other != name:
            filling.append((other, {block.name for block in _outermost_blocks(tree)}))
    if not filling:
        return {}
    every = set.intersection(*(blocks for _, blocks in filling))
    return {block: sorted(other for other, _ in filling) for block in every}


def _parsed(env: Environment, name: str) -> tuple[nodes.Template, nodes.Extends | None]:
    """A template's tree, and its `{% extends %}` when it names one template as written."""
    tree = env.parse(env.loader.get_source(env, name)[0], name)
    parent = tree.find(nodes.Extends)
    return tree, parent if parent is not None and isinstance(parent.template, nodes.Const) else None


def _missing_parent(env: Environment, name: str) -> tuple[int, str] | None:
    """(line, message) when the template `name` extends is nowhere: Jinja would say so only when drawing,
    naming no file."""
    tree = _parsed(env, name)[0]  # only an extends every drawing reads: one inside an `if` may never be
    parent = next((node for node in tree.body if isinstance(node, nodes.Extends)), None)
    if parent is None or not isinstance(parent.template, nodes.Const):
        return None
    try:
        env.loader.get_source(env, parent.template.value)
    except TemplateNotFound:
        return parent.lineno, f"template error: template `{parent.template.value}` not found"
    return None


def _extends_ring(env: Environment, name: str) -> tuple[int, str] | None:
    """(line, message) when following `{% extends %}` from `name` comes back to it; Jinja would only
    say "maximum recursion depth exceeded" when the first page is drawn."""
    first = _parsed(env, name)[1]
    chain, parent = [name], first
    while parent is not None and parent.template.value != name:
        if parent.template.value in chain:
            return None  # a ring further on, which that template's own check names
        chain.append(parent.template.value)
        try:
            parent = _parsed(env, chain[-1])[1]
        except TemplateNotFound:
            return None  # a template further on extends one that is nowhere: its own check names it
    if parent is None:
        return None
    if len(chain) == 1:
        return first.lineno, (f"template error: extends itself; to build on the default theme's {name}, extend "
                              f"`{DEFAULT_PREFIX}/{name}`")
    return first.lineno, f"template error: templates extend each other in a ring: {' → '.join(chain + [name])}"


def _outermost_blocks(node):
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _outermost_blocks(child)


def _blocks_of(env: Environment, name: str, seen: set) -> set[str]:
    """The blocks a template and the ones it extends define: those a template extending it can fill."""
    if name in seen:
        return set()
    seen.add(name)
    tree, parent = _parsed(env, name)
    inherited = _blocks_of(env, parent.template.value, seen) if parent is not None else set()
    return inherited | {block.name for block in tree.find_all(nodes.Block)}


def _template_error(env: Environment, problem: Exception) -> ContentError | None:
    """Where in which template a render failed: the innermost template frame of its traceback.
    None for an error raised outside any template (`1 // 0` in one is the template's)."""
    theme: Theme = env.theme
    folders = [str(folder) for folder in theme.folders("templates")]
    where, line = (problem.filename or "templates", problem.lineno or 0) if isinstance(
        problem, TemplateSyntaxError) else ("templates", 0)
    trace = problem.__traceback__
    while trace is not None:  # Jinja2 gives its frames the template's file name and line
        name = trace.tb_frame.f_code.co_filename
        if any(name.startswith(folder + os.sep) for folder in folders):
            where, line = name, trace.tb_lineno
        trace = trace.tb_next
    if not isinstance(problem, TemplateError) and where == "templates":
        return None
    for folder in folders:
        if where.startswith(folder + os.sep):
            where = theme.shown("templates", os.path.relpath(where, folder).replace(os.sep, "/"))
    if isinstance(problem, TemplateNotFound):  # its own message names the search path, not the file
        return ContentError(where, line, f"template error: template `{problem.name}` not found")
    said = problem.message if isinstance(problem, TemplateError) and problem.message else str(problem)
    if missing := MISSING_MACRO.fullmatch(said):
        lacking, all_missing = _lacking_macro(env, missing[1])
        if lacking:  # a site's macros file made anew, without ones the theme's templates call: said once, all
            listed = ", ".join(f"`{name}`" for name in all_missing[:12]) + (" …" if len(all_missing) > 12 else "")
            return ContentError(f"templates/{lacking}", 0, (
                f"template error: lacks {len(all_missing)} of the theme's macros ({listed}), which its templates call; "
                f"copy them from the theme's {lacking}"))
    if unknown := NO_ATTRIBUTE.fullmatch(said):  # Jinja names a Python class: `'tertulia.model.Site object'`
        named = unknown[1].lower()
        kind = OBJECT_WORDS.get(unknown[1], f"{'an' if named[:1] in 'aeiou' else 'a'} {named}")
        said = f"`{unknown[2]}` is undefined: {kind} has no such field"
    return ContentError(where, line, f"template error: {said}")


# Jinja's words for a name an imported template does not define: `{{ m.reading_time() }}` on a site's _macros.html
MISSING_MACRO = re.compile(r"'jinja2\.environment\.TemplateModule object' has no attribute '([^']+)'")
# and for a field a value does not have: `{{ site.impressum }}`, said of the value's kind in an author's words
NO_ATTRIBUTE = re.compile(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']+)'")
OBJECT_WORDS = {"dict": "a mapping", "str": "a text", "list": "a list", "int": "a number",
                # site.yml's per-language maps are held as pairs (a maintainer's walk: `config.title.nl`)
                "tuple": "a list (a per-language value of site.yml, such as `config.title`, is read with "
                         "`config.localized(config.title, page.lang)`, which gives its text and its language)",
                "NoneType": "nothing (a value left empty)", "Markup": "a text", "Site": "the site (`site`)"}


def _lacking_macro(env: Environment, macro: str) -> tuple[str, list[str]]:
    """The site's own template (a macros file) that lacks `macro`, which the theme's of that name defines,
    with every macro of the theme's it lacks: a writer mends them all in one go."""
    for name in env.theme.overrides("templates"):
        try:
            own = {node.name for node in _parsed(env, name)[0].find_all(nodes.Macro)}
            theirs = {node.name for node in _parsed(env, f"{DEFAULT_PREFIX}/{name}")[0].find_all(nodes.Macro)}
        except (TemplateError, UnicodeDecodeError):
            continue
        if macro in theirs and macro not in own:
            return name, sorted(theirs - own)
    return "", []


def _interface(interface: Interface, lang: str) -> dict:
    """The names templates use for the interface's words (`_`, `_attr`, `ngettext`: what
    `pybabel extract` looks for) and for dates and language names."""
    words = interface.words(lang)
    return {"_": words.text, "_attr": words.attr, "_attr_lang": words.attr_lang, "ngettext": words.plural,
            "format_date": words.date, "language_name": words.language, "language_in_text": words.language_in_text,
            "language_in_text_parts": words.language_in_text_parts, "autonym": words.autonym,
            "numeral": words.numeral, "digits": words.digit_string, "words_lang": words.stand_in, "dot": words.dot,
            "numbering": words.numbering}


def render_into(writer: SiteWriter, site: Site, interface: Interface, pages: list[Page], templates: Theme,
                workers: int | None = None, progress=None, env: Environment | None = None) -> dict[int, frozenset]:
    """Render pages into files through `writer`, over every core when there are many; returns, by each
    page's place in `pages`, the catalog messages it looked up (see Interface.take_used)."""
    workers = workers or os.cpu_count() or 1
    env = env or make_environment(templates)
    if workers == 1 or len(pages) < PARALLEL_PAGES:
        return dict(_render_range(writer, env, site, interface, pages, range(len(pages))))
    # Forked workers inherit the model, the pages and the environment as they are: nothing is pickled
    # on the way in. Every process, this one too, takes the next chunk when it is done with one, so
    # none waits while another still has pages: chunks of essays and of archives differ in weight.
    _load_templates(env, {page.template for page in pages})  # once, here, not again in each worker
    chunks = _chunks(len(pages), workers)
    with Tickets(len(chunks)) as taken, forked_workers(
            workers - 1, lambda _: [_take_and_render(writer, env, site, interface, pages, chunks, taken)]) as sent:
        drawn = _take_and_render(writer, env, site, interface, pages, chunks, taken)
        if progress:
            progress(f"rendered {len(drawn)}/{len(pages)} pages, waiting for the rest")
        for _, theirs in sent:
            drawn.update(theirs)
    return drawn


def _load_templates(env: Environment, names: set[str]) -> None:
    """Load (compile, or take from the environment's bytecode) the templates these pages use, and
    those they use in turn; one that fails is left for its page to report, naming it."""
    for name in template_closure(env, names):
        try:
            env.get_template(name)
        except TemplateError:
            pass


def _chunks(count: int, workers: int, smallest: int = 10) -> list[range]:
    """Ranges of pages, each a share of what is left, so they shrink towards the end: the processes
    start with big chunks (few tickets taken) and finish within a small one of each other, instead
    of one drawing a last big chunk while the other waits. No more than there are tickets, whatever the count."""
    smallest = max(smallest, Tickets.fewest_each(count))
    chunks, start = [], 0
    while start < count:
        size = max(smallest, (count - start) // (workers * 4))
        chunks.append(range(start, min(start + size, count)))
        start += size
    return chunks


def _take_and_render(writer: SiteWriter, env: Environment, site: Site, interface: Interface, pages: list[Page],
                     chunks: list[range], taken) -> dict[int, frozenset]:
    """Render chunk after chunk, each taken by one process only, until none is left."""
    drawn: dict[int, frozenset] = {}
    while (index := taken.next()) < len(chunks):
        drawn.update(_render_range(writer, env, site, interface, pages, chunks[index]))
    return drawn


def _render_range(writer: SiteWriter, env: Environment, site: Site, interface: Interface, pages: list[Page],
                  indexes) -> list[tuple[int, frozenset]]:
    interface.take_used()  # what was looked up before this page is not this page's
    drawn = []
    for index in indexes:
        writer.write(file_path(pages[index].url), render_page(env, site, interface, pages[index]))
        drawn.append((index, interface.take_used()))
    return drawn
