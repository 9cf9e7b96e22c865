"""`python -m spoorwijzer_settings check|shell|env-example` — the settings for the shell scripts and people.

check [rasa|web|all]      every problem with the settings that process reads, in Dutch; exit 2 if any
shell [--check P] NAME…   `NAME=value` lines for `eval` in a script, with the defaults of this package
                          (after `check P` when given); secrets are never printed
env-example               the text of .env.example
"""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Dict, List

from pydantic import SecretStr

from spoorwijzer_settings import PROCESSES, Section, SettingsError, check, declared
from spoorwijzer_settings.env_example import env_example
from spoorwijzer_settings.shell import shell_value


def shell_lines(names: List[str]) -> List[str]:
    known = declared()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SettingsError(f"Geen instelling van Spoorwijzer: {' '.join(unknown)}")
    loaded: Dict[type, Section] = {}
    lines = []
    for name in names:
        section, field = known[name]
        if section not in loaded:
            loaded[section] = section.from_environment()
        value = getattr(loaded[section], field.name)
        if isinstance(value, SecretStr):
            raise SettingsError(f"{name} is geheim en gaat niet via de uitvoer; lees hem uit de omgeving.")
        lines.append(f"{name}={shlex.quote(shell_value(value))}")
    return lines


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spoorwijzer_settings", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check")
    checking.add_argument("process", nargs="?", default="all", choices=sorted(PROCESSES))
    printing = commands.add_parser("shell")
    printing.add_argument("--check", choices=sorted(PROCESSES))
    printing.add_argument("names", nargs="+")
    commands.add_parser("env-example")
    args = parser.parse_args(argv)

    if args.command == "env-example":
        sys.stdout.write(env_example())
        return 0
    if args.command == "check":
        problems = check(args.process)
    else:
        problems = check(args.check) if args.check else []
    if args.command == "shell" and not problems:
        try:
            print("\n".join(shell_lines(args.names)))
        except SettingsError as error:
            problems = str(error).splitlines()
    for problem in problems:
        print(f"FOUT: {problem}", file=sys.stderr)
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
