"""``forumbot run | check-config | purge | audit | export survey N | hash-password | --version``."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import getpass
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import bot
from adapters.email.platform import setup_problems as email_problems
from adapters.email.platform import setup_warnings as email_warnings
from adapters.facebook.platform import setup_problems as facebook_problems
from adapters.web.platform import shared_secret_problem
from bot.edge.startup import StartupFailure
from config.load import DEFAULT_PATH, ConfigError, load_config, same_lines
from config.model import Config
from forumbot import admin
from forumbot.app import run, secrets_in_environment
from forumbot.counted import counted
from forumbot.logs import setup_logging
from forumbot.startup import MEMORY, check_database_place

log = logging.getLogger("forumbot")

# Exit statuses: 0 stopped cleanly; 1 a problem an administrator must fix
# (configuration, start-up); 2 a wrong command line; EXIT_FAULT an unexpected
# fault, worth a restart by the supervisor (sysexits' EX_SOFTWARE).
EXIT_FAULT = 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="forumbot", description="Police online Q&A forums on Telegram and Discord."
    )
    parser.add_argument("--version", action="version", version=f"forumbot {bot.__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    subs = {}
    for name, text in (
        ("run", "run the bot"),
        ("check-config", "check a configuration file and list every problem"),
        ("purge", "erase personal data kept longer than the retention period, now"),
        ("audit", "export the audit trail of officers' actions"),
        ("export", "export a consultation's answers: forumbot export survey 3"),
        (
            "email-unsuppress",
            "send e-mail to an address a mail server refused for good again "
            "(run it with forumbot stopped)",
        ),
    ):
        sub = subs[name] = commands.add_parser(name, help=text, description=text)
        sub.add_argument(
            "--config",
            metavar="FILE",
            default=None,
            help="configuration file (default: ./bot.yaml, else built-in defaults)",
        )
    subs["purge"].add_argument(
        "--dry-run", action="store_true", help="only say what would be erased"
    )
    subs["audit"].add_argument(
        "--since", metavar="DATE", help="from this date (YYYY-MM-DD) or ISO 8601 instant"
    )
    subs["audit"].add_argument("--format", choices=("text", "csv"), default="text")
    subs["export"].add_argument("what", choices=("survey",), help="what to export")
    subs["export"].add_argument("ref", type=int, help="the consultation's number")
    subs["export"].add_argument("--format", choices=("text", "csv"), default="csv")
    subs["email-unsuppress"].add_argument("address", help="the e-mail address")
    subs["run"].add_argument(
        "--web-port",
        type=int,
        metavar="PORT",
        help="serve the web side on PORT (default: web.port)",
    )
    subs["run"].add_argument(
        "--web-listen",
        metavar="ADDRESS",
        help="serve the web side on this address, e.g. 0.0.0.0 (default: web.listen)",
    )
    commands.add_parser(
        "hash-password",
        help="make a password hash for web.staff_accounts",
        description=(
            "Reads a password (twice, not echoed; or one line from standard input) and "
            "prints the hash to paste into web.staff_accounts[].password_hash."
        ),
    )
    return parser


def hash_password_command() -> int:
    from adapters.web.passwords import MIN_LENGTH, hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("The two passwords differ; nothing was made.", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_LENGTH:
        print(
            f"Use at least {MIN_LENGTH} characters (three random words work well).",
            file=sys.stderr,
        )
        return 1
    print(hash_password(password))
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``forumbot audit | head``): stop quietly, and
        # point stdout at nothing so flushing it at exit cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "hash-password":
        return hash_password_command()
    config = _config(args)
    if config is None:
        return 1
    if args.command in ("purge", "audit", "export") and not database_exists(config.database):
        print(
            f"forumbot: there is no database {config.database} in {Path.cwd()}: run this in "
            "the folder forumbot runs in, or pass --config with its configuration file",
            file=sys.stderr,
        )
        return 1
    command: Callable[[argparse.Namespace, Config], int] = COMMANDS[args.command]
    return command(args, config)


def _config(args: argparse.Namespace) -> Config | None:
    """The configuration, or None once every problem with it is printed."""
    try:
        return load_config(args.config)
    except ConfigError as error:
        count = counted(len(error.problems), "problem")
        print(f"{args.config or 'configuration'}: {count}:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        if args.command == "run":
            print("forumbot did not start. Fix the problems above and run again.", file=sys.stderr)
        return None


def check_config_command(args: argparse.Namespace, config: Config) -> int:
    source = args.config or (
        DEFAULT_PATH if Path(DEFAULT_PATH).exists() else "built-in example settings"
    )
    # The environment is part of what `run` will use.
    secret = shared_secret_problem(config, os.environ) if config.web.enabled else None
    problems = [secret] if secret is not None else []
    problems += facebook_problems(config, os.environ)
    problems += email_problems(config, os.environ)
    if problems:
        lines = "".join(f"\n  {problem}" for problem in problems)
        print(f"{source}: {counted(len(problems), 'problem')}:{lines}", file=sys.stderr)
        return 1
    print(f"{source}: valid ({counted(len(config.forums), 'forum')})")
    for warning in email_warnings(config):
        print(f"warning: {warning}")
    try:
        check_database_place(config.database)
    except StartupFailure as here:  # may differ on the machine that runs it
        print(f"note: on this machine, {here}")
    return 0


def email_unsuppress_command(args: argparse.Namespace, config: Config) -> int:
    asyncio.run(admin.email_unsuppress(config, args.address))
    return 0


def purge_command(args: argparse.Namespace, config: Config) -> int:
    asyncio.run(admin.purge(config, args.dry_run))
    return 0


def audit_command(args: argparse.Namespace, config: Config) -> int:
    try:
        since = admin.parse_since(args.since) if args.since else None
    except ValueError:
        print(f"--since {args.since!r}: expected a date such as 2026-11-01", file=sys.stderr)
        return 2
    asyncio.run(admin.export_audit(config, since, args.format))
    return 0


def export_command(args: argparse.Namespace, config: Config) -> int:
    found = asyncio.run(admin.export_survey(config, args.ref, args.format))
    if not found:
        print(f"there is no consultation #{args.ref}", file=sys.stderr)
        return 1
    return 0


def run_command(args: argparse.Namespace, config: Config) -> int:
    """``forumbot run``: 0 stopped on request, 1 a start-up problem, 2 a
    wrong option, EXIT_FAULT an unexpected fault."""
    loaded = config
    if args.web_port is not None:
        if not 1 <= args.web_port <= 65535:
            print(f"--web-port {args.web_port}: expected a port from 1 to 65535", file=sys.stderr)
            return 2
        config = dataclasses.replace(
            config, web=dataclasses.replace(config.web, port=args.web_port)
        )
    if args.web_listen is not None:
        config = dataclasses.replace(
            config, web=dataclasses.replace(config.web, listen=args.web_listen)
        )
    config = same_lines(loaded, config)  # problems found at start still name their lines
    setup_logging(secrets_in_environment(config))
    try:
        asyncio.run(run(config, config_source(args.config)))
    except StartupFailure as failure:
        print(f"forumbot: {failure}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # before the signal handlers were in place
        return 0
    except Exception as error:
        # The traceback goes to the log (folded onto one line) for whoever
        # investigates; the administrator's last line is the plain one.
        log.error("unexpected fault", exc_info=error)
        print(f"forumbot stopped: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_FAULT
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Config], int]] = {
    "check-config": check_config_command,
    "purge": purge_command,
    "audit": audit_command,
    "export": export_command,
    "email-unsuppress": email_unsuppress_command,
    "run": run_command,
}


def database_exists(database: str) -> bool:
    """Admin commands read an existing database; they never make a new one."""
    return database == MEMORY or Path(database).is_file()


def config_source(path: str | None) -> str:
    """Which configuration ``load_config(path)`` used, for the start-up log."""
    if path is not None:
        return f"loaded {path}"
    if Path(DEFAULT_PATH).exists():
        return f"loaded {DEFAULT_PATH}"
    return f"built-in example settings (no --config given and no ./{DEFAULT_PATH})"


if __name__ == "__main__":
    sys.exit(main())
