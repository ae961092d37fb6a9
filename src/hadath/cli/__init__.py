"""The command line: thin commands over library functions.

Each command lives in a module of this package that defines ``register(app)``; the
modules are listed in ``COMMANDS``. Command modules import heavy libraries inside the
command function, so ``hadath --help`` and start-up stay fast.

Exit codes: 0 ok, 1 some inputs failed, 2 bad usage. Errors are one line on stderr,
never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from hadath.errors import HadathError

COMMANDS: tuple[str, ...] = (
    "extract",
    "eval",
    "bench",
    "store",
    "export",
    "serve",
    "watch",
)

app = typer.Typer(
    name="hadath",
    help="Arabic conflict news to ACLED-style event data, with evidence for every field.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

for _name in COMMANDS:
    importlib.import_module(f"hadath.cli.{_name}").register(app)


def main() -> None:
    try:
        app()
    except HadathError as exc:
        print(exc.one_line(), file=sys.stderr)
        raise SystemExit(2 if exc.code == "E_USAGE" else 1) from None
    except KeyboardInterrupt:
        print("hadath: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as exc:
        # a bug, not a bad input: one line for the user, the traceback on request
        if os.environ.get("HADATH_DEBUG"):
            raise
        print(
            f"hadath: internal error: {type(exc).__name__}: {exc} (set HADATH_DEBUG=1 for details)",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
