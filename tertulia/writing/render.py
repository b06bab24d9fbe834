"""Pages -> bytes through Jinja2, with links that work under any base path."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from pathlib import Path

from jinja2 import (Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound,
                    TemplateSyntaxError, select_autoescape)

from ..errors import ContentError, ContentErrors

from ..site import routes
from ..site.routes import file_path, relative_url
from ..model import Site
from ..site.plan import Page
from ..site.ui import Interface
from .write import SiteWriter

PARALLEL_PAGES = 300  # below this many pages, one process renders faster than two can start
_worker: dict = {}  # what a forked render worker was handed at its start; empty in the main process


def make_environment(templates_dir: Path, reload: bool = False) -> Environment:
    """The Jinja2 environment; `reload` (for the preview) picks up edited templates, at the cost
    of asking the file system about them on every page."""
    return Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=reload,
    )


def render_page(env: Environment, site: Site, interface: Interface, page: Page) -> bytes:
    """One page's bytes. The 404 page is served at any depth, so its links are root-absolute."""
    base_path = site.config.base_path
    if page.url == routes.NOT_FOUND:
        href = lambda url: base_path + routes.encoded(url)  # noqa: E731 - a two-word helper reads best inline
    else:
        href = lambda url: relative_url(page.url, url)  # noqa: E731
    template = env.get_template(page.template)
    html = template.render(
        page.context(), site=site, config=site.config, page=page, routes=routes, href=href,
        absolute=lambda url: site.config.base_url + routes.encoded(url), **_interface(interface, page.lang),
    )
    return html.encode("utf-8")


def _interface(interface: Interface, lang: str) -> dict:
    """The names templates use for the interface's words (`_`, `_attr`, `ngettext`: what
    `pybabel extract` looks for) and for dates and language names."""
    words = interface.words(lang)
    return {"_": words.text, "_attr": words.attr, "ngettext": words.plural, "format_date": words.date,
            "language_name": words.language, "autonym": words.autonym}


def render_into(writer: SiteWriter, site: Site, interface: Interface, pages: list[Page], templates: Path,
                workers: int | None = None, progress=None, env: Environment | None = None) -> int:
    """Render pages into files through `writer`, over every core when there are many; returns the count."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(pages) < PARALLEL_PAGES:
        env = env or make_environment(templates)
        return _render_range(writer, env, site, interface, pages, range(len(pages)))
    # Forked workers inherit the model and the pages as they are: nothing is pickled on the way in.
    # This process renders a share too, so one fewer copy of the model is made.
    context = multiprocessing.get_context("fork")
    share = len(pages) // workers
    theirs = range(share, len(pages))
    step = max(20, len(theirs) // (workers * 4))
    chunks = [range(start, min(start + step, len(pages))) for start in range(share, len(pages), step)]
    with context.Pool(workers - 1, initializer=_start_worker, initargs=(writer, site, interface, pages, templates)) as pool:
        waiting = pool.map_async(_render_chunk, chunks)
        done = _render_range(writer, make_environment(templates), site, interface, pages, range(share))
        if progress:
            progress(f"rendered {done}/{len(pages)} pages, waiting for the rest")
        done += sum(waiting.get())
    return done


def _start_worker(writer: SiteWriter, site: Site, interface: Interface, pages: list[Page], templates: Path) -> None:
    _worker.update(writer=writer, env=make_environment(templates), site=site, interface=interface, pages=pages)


def _render_chunk(indexes: range) -> int:
    return _render_range(_worker["writer"], _worker["env"], _worker["site"], _worker["interface"], _worker["pages"],
                         indexes)


def _render_range(writer: SiteWriter, env: Environment, site: Site, interface: Interface, pages: list[Page],
                  indexes) -> int:
    for index in indexes:
        try:
            html = render_page(env, site, interface, pages[index])
        except Exception as problem:
            raise template_problem(problem, env) from None
        writer.write(file_path(pages[index].url), html)
    return len(indexes)


def template_problem(problem: Exception, env: Environment) -> Exception:
    """A template's error as `templates/x.html:line: message` (a ContentErrors, which crosses from a
    worker process whole); any other exception as it is."""
    folder = Path(env.loader.searchpath[0]) if isinstance(env.loader, FileSystemLoader) else Path(".")
    if isinstance(problem, TemplateSyntaxError):
        where, line = problem.filename or problem.name or "?", problem.lineno
    else:  # Jinja puts a template's own file and line in the traceback frames of its code
        frames = [(frame.f_code.co_filename, line) for frame, line in traceback.walk_tb(problem.__traceback__)]
        inside = [(name, line) for name, line in frames if name.startswith(str(folder))]
        if not inside:
            return problem
        where, line = inside[-1]
    if isinstance(problem, TemplateNotFound):  # its own message names the search path, not the file
        message = f"template `{problem.name}` not found"
    else:
        message = problem.message if isinstance(problem, TemplateError) and problem.message else str(problem)
    shown = os.path.relpath(where, folder.parent) if os.path.isabs(where) else f"{folder.name}/{where}"
    return ContentErrors([ContentError(shown, line or 0, f"{message} ({type(problem).__name__})")])
