"""What `import wordpress` says when it is done: every count, each skipped item with its reason (so they add
up to the export), the posts and addresses to look at, and what to do next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import counted
from .problems import first_few, reasons_said, shown


@dataclass
class Summary:
    """Every count of an import; the skipped ones with their reasons, so they add up to the export."""

    essays: Counter = field(default_factory=Counter)  # published, drafts
    pages: Counter = field(default_factory=Counter)
    translations: Counter = field(default_factory=Counter)  # post, page: written beside their originals
    comments: Counter = field(default_factory=Counter)  # published, pending, spam
    skipped_items: Counter = field(default_factory=Counter)  # reason -> count
    skipped_comments: Counter = field(default_factory=Counter)
    on_pages: dict = field(default_factory=dict)  # a page's folder -> its comments, kept in its comments/ unpublished
    tags_added: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)  # `key (label)`: a tag's name in the import's language
    redirects_added: list[str] = field(default_factory=list)
    redirects_followed: list[str] = field(default_factory=list)  # to a renamed folder's new address
    protected: list[str] = field(default_factory=list)  # private or password-protected: imported as drafts
    unnamed_authors: list[str] = field(default_factory=list)  # an author with a login and no display name
    page_folders: list[str] = field(default_factory=list)  # every page this import writes
    unlinked_pages: list[str] = field(default_factory=list)  # those site.yml's menu does not link: reached by no link
    flattened: list[str] = field(default_factory=list)  # markup that could run as a script: words kept
    served_already: list[str] = field(default_factory=list)  # aliases a page of the site has: left out
    unusable: list[str] = field(default_factory=list)  # an old address, link or guid the build would refuse
    under_files: list[str] = field(default_factory=list)  # old addresses under one served as a file: left out
    shared_ids: list[str] = field(default_factory=list)  # a guid an earlier post has too: no feed_id of this one
    blog_header: list[str] = field(default_factory=list)  # the blog's title, description and clock site.yml lacks
    clock_offsets: set[str] = field(default_factory=set)  # the blog's offsets from UTC its dates show (`+02:00`)
    sticky: list[str] = field(default_factory=list)  # posts the blog kept at the top of its home page
    no_language: list[str] = field(default_factory=list)  # on a multilingual blog, those its plugin gave none
    future_dates: list[str] = field(default_factory=list)  # comments dated after tomorrow: written undated
    filed_by_letters: list[str] = field(default_factory=list)  # comments in another language than their post's
    menu_written: list[str] = field(default_factory=list)  # the pages a new site.yml's menu links, from the blog's
    menu_left_out: Counter = field(default_factory=Counter)  # the blog's other menu items, by what they lead to
    left_out: dict = field(default_factory=dict)  # `[shortcode]`, `wp:block` only WordPress filled in -> its folders
    page_titles: dict = field(default_factory=dict)  # each page this import writes -> its title, folded
    same_titled: list[str] = field(default_factory=list)  # the site's other pages of such a title (init's About)
    brought: object = None  # the MediaSource of --media or --media-from, for its failures
    unpaired: list[str] = field(default_factory=list)  # in a translation group, but imported on their own: why
    languages_left: list[str] = field(default_factory=list)  # other languages of the blog's posts content/ has none in
    pasted_left: list[str] = field(default_factory=list)  # `folder (why)`: a picture pasted into it, left as its words
    notes_missing: list[str] = field(default_factory=list)  # a footnote's number whose note the export does not hold

    def _named_lists(self) -> list[tuple[list[str], str]]:
        """Each list of posts or addresses the summary names, with the words that introduce it."""
        return [
            (self.protected, "private or password-protected, imported as drafts, whose text a public repository "
                             "would show (remove them before you push, if they must stay private): "),
            (self.notes_missing, "footnote numbers whose note's words the export does not hold (the block editor "
                                 "keeps them beside the text, in the post's `footnotes` meta): "),
            (self.unlinked_pages, "pages no link leads to (a page is listed nowhere: `menu:` in site.yml links it, "
                                  "as `- page: <slug>`): "),
            (self.unnamed_authors, "written by `Anonymous`, their author's display name being empty in the export "
                                   "(a login signs in to the blog and is no name it showed; write `author:` by hand "
                                   "if you know it): "),
            (self.flattened, "markup that could run as a script or stalls the converter, left out (the words kept, with plain formatting): "),
            (self.pasted_left, "pictures pasted into posts (their bytes in the text), left as their words (save one "
                               "beside its post by hand, and show it with `![words](name.png)`): "),
            (self.served_already, "old addresses now served by another page of the site, so not kept: "),
            (self.under_files, "old addresses under another one served as a file, which a static host cannot hold "
                               "beside it, left out: "),
            (self.shared_ids, "posts whose id (guid) an earlier post of the export has too, written without it as "
                              "their feed_id (feed readers take the site's own id for them), their words all kept: "),
            (self.same_titled, "pages of the site titled as an imported page, perhaps the one `tertulia init` wrote "
                               "(remove it, and link the imported one from `menu`, if it replaces it): "),
            (self.filed_by_letters, "comments filed in the language their letters are written in, which their "
                                    "post's language does not write (one in another: rename its file): "),
            (self.sticky, "posts the blog kept at the top of its home page (sticky), listed here by their date "
                          "as every essay is: "),
            (self.no_language, "given no language by the blog's plugin, so imported in the language this import "
                               "brings (one in another: rename its file, and add `translation_of:` if it is a "
                               "translation): "),
            (self.unpaired, "posts and pages the blog's plugin groups with one imported earlier, imported on their "
                            "own, not as its translation (why, beside each; the README says how to pair one by "
                            "hand): "),
            (self.unusable, "old addresses and ids the build would refuse (a quote, a space, a control character) or "
                            "a reader would misread (a direction mark), left out: "),
        ]

    def _left_out(self) -> list[str]:
        """One line naming the shortcodes and blocks left out, each with the posts that had it: a contact
        form gone without a word was found only by a reader."""
        if not self.left_out:
            return []
        return ["shortcodes and blocks only WordPress could run (a plugin's form, a list of posts), left out, any "
                "words inside kept: " + ", ".join(f"{name} ({first_few(folders)})"
                                                  for name, folders in sorted(self.left_out.items()))]

    def lines(self, dry_run: bool, staged) -> list[str]:
        """The summary, a line each: the counts, the posts and addresses to look at, the files written, what next."""
        lines = self._counts()
        lines += [said + ", ".join(names) for names, said in self._named_lists() if names]
        lines += self._files(dry_run, staged)
        return lines + [self._next(dry_run, bool(staged.written))]

    def _counts(self) -> list[str]:
        """What the export held and what came of it: items, comments, tags and redirects."""
        items = sum(self.essays.values()) + sum(self.pages.values()) + sum(self.translations.values()) + sum(
            self.skipped_items.values())
        comments = sum(self.comments.values()) + sum(self.skipped_comments.values()) + sum(self.on_pages.values())
        return [
            f"essays: {sum(self.essays.values())} ({self.essays['published']} published, "
            f"{counted(self.essays['drafts'], 'draft')}) of {counted(items, 'item')} in the export",
            f"pages: {sum(self.pages.values())} ({self.pages['published']} published, "
            f"{counted(self.pages['drafts'], 'draft')})",
            *([f"translations beside their originals, as the blog's plugin groups them: "
               f"{counted(self.translations['post'], 'post')}, {counted(self.translations['page'], 'page')} (once "
               "read, `tertulia translated` records that each follows its original, so that `status` names what "
               "changes in the original after)"] if self.translations else []),
            f"comments: {sum(self.comments.values())} ({self.comments['published']} published, "
            f"{self.comments['pending']} pending, {self.comments['spam']} spam) of {comments} in the export",
            *reasons_said("items not imported", self.skipped_items),
            *self._left_out(),
            *reasons_said("comments not imported", self.skipped_comments),
            *([f"comments dated after today, which no one can have written yet (a wrong clock's), written with no "
               f"date: {first_few(self.future_dates)}"] if self.future_dates else []),
            *(reasons_said("the blog's menu items left out of site.yml's `menu` (it links the imported pages, "
                           "one level deep)", self.menu_left_out) if self.menu_left_out else []),
            *(["comments on pages, kept in the page's comments/ folder but never shown (a page has no thread): "
               + ", ".join(f"{folder} {count}" for folder, count in sorted(self.on_pages.items()))]
              if self.on_pages else []),
            f"tags added to site.yml: {', '.join(self.tags_added) or 'none'}",
            *([f"tags named in this language in site.yml (the blog's plugin pairs their terms): "
               f"{', '.join(self.labels_added)}"] if self.labels_added else []),
            f"redirects added to site.yml: {len(self.redirects_added)}",
            *([f"redirects in site.yml sent on to a post's renamed folder: {len(self.redirects_followed)}"]
              if self.redirects_followed else []),
            *self.blog_header,
        ]

    def _files(self, dry_run: bool, staged) -> list[str]:
        """What this run wrote, and the files as it leaves them: not what an earlier run did."""
        lines = []
        bringing = self.brought is not None and self.brought.active
        if bringing:
            there = f" ({len(staged.media_there)} there already)" if staged.media_there else ""
            brought = len(staged.media) - len(staged.pasted)  # the blog's files; pasted ones came in the export
            lines.append(f"media brought beside their posts: {counted(brought, 'file')}{there}")
            lines += [f"media not brought (its address kept): {shown(url, 200)} ({shown(why, 200)})"
                      for url, why in sorted(self.brought.failures.items())]  # a server's words are anyone's
        if staged.pasted:
            lines.append(f"pictures pasted into posts, saved beside them: {counted(len(staged.pasted), 'file')}")
        if staged.pointed:
            lines.append("pointed at the media brought beside them (an earlier import had left them on the old "
                         "blog's host): " + ", ".join(staged.pointed))
        if staged.tallied:
            lines.append(f"references still on the old blog's host: {staged.tallied}"
                         + ("" if bringing else " (--media or --media-from brings the files along)"))
        verb = "would write" if dry_run else "wrote"
        lines.append(f"{verb} {counted(len(staged.written), 'file')}; kept {len(staged.kept)} that were already there")
        if staged.moved_on or staged.removed:
            lines.append(f"followed the blog: {len(staged.moved_on)} updated, {len(staged.removed)} removed "
                         "(files as an earlier import wrote them)")
        return lines + staged.left_alone()

    def _next(self, dry_run: bool, writes: bool) -> str:
        """What to do next: a dry run's real run; the imports of the blog's languages content/ has no text in
        yet, one by one; else a look at the site."""
        if dry_run and writes:
            return "next: the same command without --dry-run writes these files"
        if self.languages_left:
            return ("next: import the export again with " + ", then ".join(f"`--lang {code}`" for code in self.languages_left)
                    + ", for the blog's posts in " + ("that language" if len(self.languages_left) == 1 else "those languages")
                    + " (translations go beside their originals)")
        return "next: `tertulia check` says what to mend, `tertulia serve` shows the site, `tertulia build` writes it"
