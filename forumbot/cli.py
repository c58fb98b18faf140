"""``forumbot run | check-config | purge | audit | export survey N | --version``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys

import bot
from config.load import ConfigError, load_config
from forumbot import admin
from forumbot.app import run, secrets_in_environment
from forumbot.logs import setup_logging

log = logging.getLogger("forumbot")


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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(
            f"{args.config or 'configuration'}: {len(error.problems)} problem(s):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        if args.command == "run":
            print("forumbot did not start. Fix the problems above and run again.", file=sys.stderr)
        return 1
    if args.command == "check-config":
        print(f"{args.config or 'configuration'}: valid ({len(config.forums)} forum(s))")
        return 0
    if args.command == "purge":
        asyncio.run(admin.purge(config, args.dry_run))
        return 0
    if args.command == "audit":
        try:
            since = admin.parse_since(args.since) if args.since else None
        except ValueError:
            print(f"--since {args.since!r}: expected a date such as 2026-11-01", file=sys.stderr)
            return 2
        asyncio.run(admin.export_audit(config, since, args.format))
        return 0
    if args.command == "export":
        found = asyncio.run(admin.export_survey(config, args.ref, args.format))
        if not found:
            print(f"there is no consultation #{args.ref}", file=sys.stderr)
            return 1
        return 0
    setup_logging(secrets_in_environment(config))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
