"""The blog's navigation menus (WordPress's nav_menu_item items) as site.yml's `menu`: the top-level items
that lead to a page the import brings, in each menu's order; what else they held is only counted, since
site.yml's menu links pages of the site and labelled addresses, one level deep."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .wpfiles import text_of
from .wxr import Item


@dataclass
class Menus:
    """The blog's published menu items, read in the first pass; the pages the import brings, by id."""

    items: list[tuple[int, int, int, dict]] = field(default_factory=list)  # menu's place, order, export's, meta
    names: dict[str, str] = field(default_factory=dict)  # a menu's slug -> its name, in the export's order
    pages: dict[str, str] = field(default_factory=dict)  # a published page's id -> its slug (pages/<slug>)

    def add(self, item: Item) -> None:
        """A published menu item, kept with its menu and its place there (`menu_order`)."""
        slug, name = next(((slug, name) for domain, slug, name in item.terms if domain == "nav_menu"), ("", ""))
        self.names.setdefault(slug, text_of(name))
        order = int(item.menu_order) if item.menu_order.isascii() and item.menu_order.isdigit() else 0
        self.items.append((list(self.names).index(slug), order, len(self.items), dict(item.meta)))

    def linked(self, lang: str) -> tuple[list[str], list[str], Counter]:
        """The slugs of the pages the menus link at their top level, menu by menu in their order; the names
        of the menus that gave any; the other items, counted by what they lead to."""
        slugs, menus, left = [], [], Counter()
        for menu, _, _, meta in sorted(self.items, key=lambda found: found[:3]):
            why = self._left_out(meta, lang)
            if why:
                left[why] += 1
                continue
            slug = self.pages[meta["_menu_item_object_id"].strip()]
            if slug not in slugs:
                slugs.append(slug)
            name = list(self.names.values())[menu]
            if name and name not in menus:
                menus.append(name)
        return slugs, menus, left

    def _left_out(self, meta: dict, lang: str) -> str:
        """Why a menu item gives no `- page:` entry ("" when it does), as a summary counts it (`{s}`: plural)."""
        if meta.get("_menu_item_menu_item_parent", "0").strip() not in ("", "0"):
            return "item{s} under another (the site's menu has one level)"
        kind, target = meta.get("_menu_item_type", "").strip(), meta.get("_menu_item_object", "").strip()
        if kind == "custom":
            return "custom link{s}"
        if kind == "taxonomy":
            return {"category": "category link{s}", "post_tag": "tag link{s}"}.get(target, "archive link{s}")
        if kind != "post_type":
            return "item{s} of another kind"
        if target != "page":
            return "link{s} to a post" if target == "post" else "link{s} to another kind of content"
        if meta.get("_menu_item_object_id", "").strip() not in self.pages:
            return f"link{{s}} to a page this import does not bring (it brings published pages in `{lang}` only)"
        return ""
