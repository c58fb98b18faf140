"""``platforms.email``: read and checked like the other platforms' keys
(each problem with its path and line), off unless ``host`` is set (and the
log says why), what it still needs named by ``check-config`` and ``run``
with the key, its line and the fix, and the password read only from its
variable and masked."""

from __future__ import annotations

import logging
from pathlib import Path
from textwrap import dedent, indent

import pytest

from adapters.email.platform import PLATFORM as EMAIL
from config.load import ConfigError, load_config
from forumbot.app import build_app, secrets_in_environment
from forumbot.logs import without_addresses
from tests.facebook.test_facebook_config import FORUM, forumbot, free_port, write


def write_with(tmp_path: Path, email: str, web: str) -> str:
    """A file with ``platforms.email`` (the lines under it) and ``web`` (the lines under it)."""
    path = tmp_path / "bot.yaml"
    email_lines = indent(dedent(email), "    ")
    web_lines = indent(dedent(web), "  ")
    text = (
        f"database: {tmp_path / 'f.sqlite3'}\nplatforms:\n  email:\n{email_lines}"
        f"web:\n{web_lines}{FORUM}"
    )
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_keys_are_read_with_their_defaults(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """\
              email:
                host: smtp.example.police.uk
                from_address: Alerts@Forum.Example.Police.UK
            """,
        )
    )
    email = config.platforms.email
    assert email.host == "smtp.example.police.uk"
    assert (email.port, email.security, email.user) == (587, "starttls", "")
    assert email.password_env == "FORUMBOT_SMTP_PASSWORD"
    assert email.from_address == "alerts@forum.example.police.uk"  # lower-cased whole
    assert email.list_identifier == "alerts.forum.example.police.uk"
    assert email.pace == 10.0
    inbound = email.inbound  # the inbound side's keys
    assert (inbound.listen_host, inbound.listen_port, inbound.address) == ("127.0.0.1", 2525, "")


def test_bad_values_are_problems_with_path_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
          email:
            host: smtp.example.police.uk
            port: 99999
            security: ssl
            from_address: not an address
            password_env: "hunter2.secret"
            list_id: "alerts forum"
            pace: 0
            inbound:
              address: "@nowhere"
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    found = "\n".join(caught.value.problems)
    assert "platforms.email.port:" in found and "(line 5)" in found
    assert (
        "platforms.email.security: expected starttls, tls or none; found the text 'ssl' (line 6)"
        in found
    )
    assert "platforms.email.from_address: 'not an address' is not an e-mail address" in found
    assert "platforms.email.password_env: this looks like a secret itself" in found
    assert "hunter2" not in found
    assert "platforms.email.list_id: 'alerts forum' is not a list id" in found
    assert "platforms.email.pace:" in found
    assert "platforms.email.inbound.address:" in found


def test_email_is_off_unless_a_host_is_given_and_the_log_says_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(write(tmp_path, "  telegram: {}\n"))
    off = EMAIL.off(config, {})
    assert off is not None and off.reason == "platforms.email.host is not set"


async def test_the_log_says_email_is_off(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(write(tmp_path, "  telegram: {}\n"))
    caplog.set_level(logging.INFO)
    app = await build_app(config, {})
    await app.core.db.close()
    assert "email off: platforms.email.host is not set" in caplog.text


def test_check_config_names_the_key_its_line_and_the_fix(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
          email:
            host: smtp.example.police.uk
            security: none
            user: forumbot
        """,
    )
    checked = forumbot("check-config", "--config", path, cwd=tmp_path)
    assert checked.returncode == 1
    assert "5 problems" in checked.stderr
    assert (
        "platforms.email.link_secret_env: FORUMBOT_EMAIL_LINK_SECRET is not set: it signs the "
        "links in every e-mail" in checked.stderr
    )
    assert (
        "web.public_url: is not set, but e-mail is on and every e-mail links to the site"
        in checked.stderr
    )
    assert (
        "platforms.email.from_address: is not set, but e-mail is on (platforms.email.host is "
        "set): give the address e-mail is sent from" in checked.stderr
    )
    assert "(line 4)" in checked.stderr  # from_address is not written: host's line
    assert (
        "platforms.email.password_env: FORUMBOT_SMTP_PASSWORD is not set, but "
        "platforms.email.user is" in checked.stderr
    )
    assert (
        "platforms.email.security: is none, so the password would cross the network to "
        "smtp.example.police.uk unencrypted: use starttls (port 587) or tls (port 465) (line 5)"
        in checked.stderr
    )
    ran = forumbot("run", "--config", path, "--web-port", str(free_port()), cwd=tmp_path)
    assert ran.returncode == 1
    assert (
        ran.stderr.strip()
        .splitlines()[-1]
        .startswith("forumbot: platforms.email.from_address: is not set")
    )
    assert "Traceback" not in ran.stderr
    fine = write_with(
        tmp_path,
        """\
          host: smtp.example.police.uk
          user: forumbot
          from_address: alerts@forum.example.police.uk
        """,
        "public_url: https://forum.example.police.uk\n",
    )
    password = "a long SMTP password"
    secret = "0123456789abcdef0123"
    ok = forumbot(
        "check-config",
        "--config",
        fine,
        cwd=tmp_path,
        FORUMBOT_SMTP_PASSWORD=password,
        FORUMBOT_EMAIL_LINK_SECRET=secret,
    )
    assert ok.returncode == 0, ok.stderr
    assert password not in ok.stdout + ok.stderr
    short = forumbot(
        "check-config",
        "--config",
        fine,
        cwd=tmp_path,
        FORUMBOT_SMTP_PASSWORD=password,
        FORUMBOT_EMAIL_LINK_SECRET="short",
    )
    assert "FORUMBOT_EMAIL_LINK_SECRET is 5 characters long" in short.stderr


def test_email_needs_the_web_side(tmp_path: Path) -> None:
    path = write_with(
        tmp_path,
        """\
          host: smtp.example.police.uk
          from_address: alerts@forum.example.police.uk
        """,
        "enabled: false\n",
    )
    checked = forumbot(
        "check-config", "--config", path, cwd=tmp_path, FORUMBOT_EMAIL_LINK_SECRET="x" * 20
    )
    assert checked.returncode == 1
    assert (
        "web.enabled: is false, but e-mail is on (platforms.email.host is set), and residents "
        "subscribe, confirm and unsubscribe on the web site: set web.enabled to true, or remove "
        "platforms.email.host to run without e-mail (line 7)" in checked.stderr
    )


def test_the_password_is_a_secret_masked_in_the_log(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """\
              email:
                host: smtp.example.police.uk
                user: forumbot
                from_address: alerts@forum.example.police.uk
            """,
        )
    )
    assert "pw-0123456789" in secrets_in_environment(
        config, {"FORUMBOT_SMTP_PASSWORD": "pw-0123456789"}
    )


def test_addresses_are_masked_in_log_lines() -> None:
    line = "recipient unreachable chat=email:ann.smith+forum@example.org: refused"
    assert without_addresses(line) == "recipient unreachable chat=email:[address]: refused"
    assert without_addresses("chat=telegram:@bromleyforum") == "chat=telegram:@bromleyforum"


def test_a_bad_smtp_host_is_named_with_an_smtp_example(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
          email:
            host: smtp server!
            from_address: alerts@forum.example.police.uk
        """,
    )
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    said = str(refused.value)
    assert "platforms.email.host" in said
    assert "e.g. mail.example.police.uk, or 127.0.0.1 for a relay on this machine" in said
