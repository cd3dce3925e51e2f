"""The command line of the project: `python -m scripts <command> [options]`.

`python -m scripts --help` lists the commands; `python -m scripts <command> --help` tells
each command's options.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command → (module with a main(argv) function, what it does)
COMMANDS = {
    "validate": ("scripts.data.validate", "check data/ and report every problem as path:line: field: message"),
    "generate": ("scripts.render.generate", "write the Markdown pages made from data/ into docs/"),
    "site": ("scripts.publish.site", "build the publishable site into site/, all or nothing (make site)"),
    "search": ("scripts.search.command", "search the initiatives from the command line, in Danish"),
    "coverage": ("scripts.data.coverage", "which bullets and headings of the sources have a record"),
    "schema": ("scripts.data.schema", "write the JSON Schema files for editors into data/schema/"),
    "synthetic": ("scripts.dev.synthetic", "make a data folder at N times the real data, for benchmarks"),
    "ingest": ("scripts.ingest.command", "draft records with proven quotes from a new PDF or text"),
    "bench": ("scripts.dev.bench", "benchmark build and search at 1x-100x the data; writes bench/results.md"),
}


def main(argv: list[str] | None = None) -> int:
    listing = "\n".join(f"  {name:<10} {what}" for name, (_, what) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="python -m scripts",
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"commands:\n{listing}",
    )
    parser.add_argument("command", choices=COMMANDS, metavar="command", help="one of the commands below")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the command's options")
    args = parser.parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command][0])
    return module.main(args.args)


if __name__ == "__main__":
    sys.exit(main())
