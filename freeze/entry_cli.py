"""Entry script of the frozen ``vidstudio-cli`` executable (console): ``vidstudio.cli:main``.

It is also the encoder child of a frozen render (``vidstudio-cli --encode-worker``).
"""

import sys

from vidstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
