"""`python -m tertulia`: the same command as `tertulia`."""

import sys

from .commands.args import main

sys.exit(main(prog="python -m tertulia"))
