"""Pages -> bytes through Jinja2, with links that work under any base path."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import routes
from .routes import relative_url
from .model import Site
from .plan import Page
from .ui import Words


def make_environment(templates_dir: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(env: Environment, site: Site, page: Page) -> bytes:
    """One page's bytes. The 404 page is served at any depth, so its links are root-absolute."""
    base_path = site.config.base_path
    if page.url == routes.NOT_FOUND:
        href = lambda url: base_path + url  # noqa: E731 - a two-word helper reads best inline
    else:
        href = lambda url: relative_url(page.url, url)  # noqa: E731
    template = env.get_template(page.template)
    html = template.render(
        page.context(), site=site, config=site.config, page=page, routes=routes, href=href,
        absolute=lambda url: site.config.base_url + url, ui=Words(page.lang),
    )
    return html.encode("utf-8")
