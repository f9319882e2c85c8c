"""``vidstudio``: the CLI when given a command, the desktop app otherwise."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from vidstudio.cli import COMMANDS


def wants_cli(args: Sequence[str]) -> bool:
    return bool(args) and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version", "--encode-worker"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(args) or not args:
        from vidstudio import cli

        return cli.main(args or ["--help"])
    from vidstudio import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
