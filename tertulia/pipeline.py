"""The stages in order: read -> convert -> validate -> plan -> render -> write."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .cache import Cache, PageMemo, content_key, tree_key
from .config import load_config
from .convert import convert_records
from .errors import ContentError
from .model import Site
from .plan import Page, plan_site
from .read import read_content
from .render import make_environment, render_page
from .routes import file_path
from .validate import build_model
from .write import atomic_output

PACKAGE = Path(__file__).resolve().parent
PROJECT = PACKAGE.parent
TEMPLATES = PROJECT / "templates"
ASSETS = PROJECT / "assets"


@dataclass(frozen=True)
class Options:
    """What one build was asked to do."""

    content: Path
    output: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    cache_dir: Path | None = None
    workers: int | None = None
    templates: Path = TEMPLATES
    assets: Path = ASSETS


@dataclass
class Report:
    """What a build did, for its one-line summary."""

    site: Site | None = None
    warnings: list[ContentError] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0
    drawn: int = 0

    def summary(self) -> str:
        essays = len(self.site.essays)
        comments = sum(len(e.comments) for e in self.site.essays)
        return (f"built {self.files} files: {essays} essays, {comments} comments published, "
                f"{self.site.held_back} held back (spam or pending), "
                f"{len(self.warnings)} warnings, in {self.seconds:.2f} s")


@dataclass(frozen=True)
class Loaded:
    """The validated site, its warnings, and the files to copy beside posts."""

    site: Site
    warnings: list[ContentError]
    assets: tuple[tuple[str, Path], ...]
    digests: dict[str, str]  # content file -> hash of its bytes


def load_site(options: Options, progress=None) -> Loaded:
    """Read and validate everything; raise ContentErrors listing every problem."""
    config = load_config(options.content / "site.yml", _shown(options.content / "site.yml", options.content),
                         options.base_url)
    files = read_content(options.content)
    if progress:
        progress(f"read {len(files.records)} files")
    cache = Cache(options.cache_dir / "blocks.pickle" if options.cache_dir else None)
    blocks = convert_records(files.records, cache, options.workers, progress)
    cache.save()
    site, warnings = build_model(config, files, blocks, include_drafts=options.drafts)
    return Loaded(site, warnings, files.assets, {r.path: r.digest for r in files.records})


def build(options: Options, progress=None) -> Report:
    """A full build; output is replaced only if every stage succeeds."""
    started = time.perf_counter()
    loaded = load_site(options, progress)
    site = loaded.site
    when = build_time(site)
    pages = plan_site(site, when)
    memo = PageMemo(options.cache_dir / "pages.pickle" if options.cache_dir else None, options.output)
    with atomic_output(options.output) as out:
        drawn = _write_pages(out, pages, loaded, memo, _site_key(options, when), options.templates, progress)
        _write_extras(out, loaded, options)
    memo.save()
    return Report(site, loaded.warnings, out.count, time.perf_counter() - started, drawn)


def _site_key(options: Options, when: str) -> str:
    """Everything every page depends on: our code, the templates, site.yml and the options."""
    return content_key(tree_key(PACKAGE, options.templates), (options.content / "site.yml").read_text("utf-8"),
                       str(options.base_url), str(options.drafts), when)


def page_fingerprint(site_key: str, page: Page, digests: dict[str, str]) -> str:
    """A page's inputs, named: what it is, where it stands, and the bytes of what it shows."""
    return content_key(site_key, page.url, page.template, page.shape, *(digests[path] for path in page.sources))


def _write_pages(out, pages: list[Page], loaded: Loaded, memo: PageMemo, site_key: str, templates: Path,
                 progress) -> int:
    """Draw the pages whose inputs changed; link the rest from the previous output. Returns how many drawn."""
    env = make_environment(templates)
    drawn = 0
    for done, page in enumerate(pages, 1):
        relative = file_path(page.url)
        fingerprint = page_fingerprint(site_key, page, loaded.digests)
        previous = memo.reusable(relative, fingerprint)
        if previous:
            written = out.link(relative, previous)
        else:
            written = out.write(relative, render_page(env, loaded.site, page))
            drawn += 1
        memo.record(relative, fingerprint, written)
        if progress and done % 500 == 0:
            progress(f"rendered {done}/{len(pages)} pages")
    return drawn


def _write_extras(out, loaded: Loaded, options: Options) -> None:
    """Static assets, files beside published posts, and the GitHub Pages markers."""
    site = loaded.site
    for asset in sorted(options.assets.rglob("*")):
        if asset.is_file():
            out.copy("assets/" + asset.relative_to(options.assets).as_posix(), asset)
    published = {f for e in site.essays for f in e.files}
    for url, source in loaded.assets:
        if url in published:
            out.copy(url, source)
    out.write(".nojekyll", b"")
    if site.config.cname:
        out.write("CNAME", site.config.cname.encode() + b"\n")


def build_time(site: Site) -> str:
    """SOURCE_DATE_EPOCH when set, else the newest date in the content: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [e.date for e in site.essays if e.date] + [c.date for e in site.essays for c in e.comments if c.date]
    return max(d.timestamp for d in dates) if dates else "1970-01-01T00:00:00Z"


def _shown(path: Path, content: Path) -> str:
    return path.resolve().relative_to(content.resolve().parent).as_posix()
