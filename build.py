#!/usr/bin/env python3
"""This repository's `tertulia` command: `python build.py` builds its example site, content/."""

import sys

from tertulia.commands.args import main

if __name__ == "__main__":
    if __spec__ is not None:  # `python -m build` here: PyPA's build was meant, which this file hides (a contributor's slip)
        sys.exit("python -m build: in this folder that is Tertulia's build.py, not PyPA's `build`; make the wheel "
                 "with `python -m pip wheel --no-deps -w dist .`, or run `python -m build` from outside this folder")
    sys.exit(main(prog="python build.py"))
