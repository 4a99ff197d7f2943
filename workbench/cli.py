"""The ``workbench`` command: one explicit table of subcommands.

Each subcommand lives in the module named in :data:`COMMANDS`, which exposes
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only
when their command runs, so ``workbench match`` does not pay for pandas.

Bad input never shows a traceback: :class:`~workbench.errors.InputError` is
printed as its list of problems and the exit status is 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from workbench.errors import InputError
from workbench.output_text import printable

#: name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "lists": ("workbench.lists.cli", "load screening lists and print their load reports"),
    "template": ("workbench.questionnaire.cli", "write the Excel questionnaire template"),
    "works": ("workbench.openalex.cli", "fetch the team's works from OpenAlex"),
    "match": ("workbench.matching.cli", "match affiliation strings (stdin) against lists"),
    "screen": ("workbench.screening_cli", "screen one proposal against the FAQ's checks"),
    "demo": ("workbench.demo.cli", "generate the demo proposals and works"),
    "store": ("workbench.store.cli", "migrate, inspect and export the judgments store"),
    "portfolio": ("workbench.portfolio.cli", "screen and analyse a folder of proposals"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or only == name:
            module = importlib.import_module(module_name)
            module.add_arguments(sp)
            sp.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    only = argv[0] if argv and argv[0] in COMMANDS else None
    parser = build_parser(only) if only else build_parser("")
    args = parser.parse_args(argv)
    try:
        return int(args._module.run(args) or 0)
    except InputError as exc:
        print(printable(str(exc)), file=sys.stderr)  # names from data: no terminal escapes
        return 2
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        print(f"error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
