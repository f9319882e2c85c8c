"""Entry script of the frozen ``vidstudio`` executable (windowed): ``vidstudio.app:main``."""

import sys

from vidstudio.app import main

if __name__ == "__main__":
    sys.exit(main())
