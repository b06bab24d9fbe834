"""The site's own names in output/, declared once: the first segments of its addresses and the files
the build writes at its root. site/routes.py makes every URL from them; reading/ checks authors' page
slugs and old addresses against them (a stage before site/, it may not ask routes); the pipeline writes
the markers among them (`.nojekyll`, `.tertulia-site`, `CNAME`) and writing/ recognises them."""

from __future__ import annotations

# the folder a build writes when not told another (`--output`): the build's by convention, replaced whole
OUTPUT = "output"
CACHE = ".tertulia-cache"  # beside content/: what the last builds parsed and drew, to do less next time
POSTS, TAGS, COMMENTS, SEARCH, PAGED, ASSETS, PAGEFIND = "posts", "tags", "comments", "search", "page", "assets", "pagefind"
# each first segment the site uses itself, with what it holds there (said to a page whose slug would take it)
SEGMENTS = {POSTS: "its essays", TAGS: "its tags", COMMENTS: "its comment archive", SEARCH: "its search",
            PAGED: "its home's later pages", ASSETS: "its styles and scripts", PAGEFIND: "its search index"}

FEED, SITEMAP, NOT_FOUND = "feed.xml", "sitemap.xml", "404.html"
NO_JEKYLL = ".nojekyll"  # GitHub Pages then serves the files as they are (no Jekyll, which hides `_` folders)
CNAME = "CNAME"  # GitHub Pages's custom domain, written from site.yml's `cname`
MARK = ".tertulia-site"  # every build writes it: a folder holding it is ours to sweep
ROOT_FILES = (FEED, SITEMAP, NOT_FOUND, NO_JEKYLL, CNAME, MARK)  # the files at the root the build may write
HOST_ROOT_FILES = {"robots.txt", "ads.txt"}  # read by crawlers at a host's root, and nowhere else
