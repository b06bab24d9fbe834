#!/usr/bin/env python3
"""This repository's `tertulia` command: `python build.py` builds its example site, content/."""

import sys

from tertulia.commands.args import main

if __name__ == "__main__":
    sys.exit(main(prog="python build.py"))
