"""``platforms.facebook``: read and checked like the other platforms' keys
(each problem with its path and line), the environment it needs checked by
``check-config`` and ``run``, and its secrets masked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from textwrap import dedent, indent

import pytest

from config.load import ConfigError, load_config
from forumbot.app import secrets_in_environment

ROOT = Path(__file__).resolve().parent.parent.parent

FORUM = """\
forums:
  - id: bromley
    name: Bromley Police Online Forum
    phrases: ["Bromley Police Online Forum"]
"""


def write(tmp_path: Path, platforms: str) -> str:
    path = tmp_path / "bot.yaml"
    body = indent(dedent(platforms), "  ")
    text = f"database: {tmp_path / 'f.sqlite3'}\nplatforms:\n{body}{FORUM}"
    path.write_text(text, encoding="utf-8")
    return str(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def forumbot(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.endswith(("_TOKEN", "_SECRET")) and not k.startswith("FACEBOOK")
    }
    return subprocess.run(
        [sys.executable, "-m", "forumbot", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**clean, **env},
    )


def test_the_keys_are_read_with_their_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '  facebook:\n    page_id: "102030405060708"\n'))
    fb = config.platforms.facebook
    assert fb.page_id == "102030405060708"
    assert fb.page_token_env == "FACEBOOK_PAGE_TOKEN"
    assert fb.app_secret_env == "FACEBOOK_APP_SECRET"
    assert fb.verify_token_env == "FACEBOOK_VERIFY_TOKEN"
    assert fb.api_base_url == "https://graph.facebook.com"
    assert fb.api_version == "v21.0"
    assert fb.human_agent_approved is False
    assert (fb.rate_limits.overall_per_s, fb.rate_limits.per_chat_per_s) == (300.0, 1.0)


def test_bad_values_are_problems_with_path_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
          facebook:
            page_id: "@BromleyPolice"
            api_version: "21"
            page_token_env: "EAAGm0PX4ZCpsBAKZCZCxyz.token"
            human_agent_approved: maybe
            publish: true
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    found = "\n".join(caught.value.problems)
    assert "platforms.facebook.page_id: expected the Page id" in found
    assert (
        'page_id: expected the Page id, digits such as "102030405060708", '
        "found the text '@BromleyPolice' (line 4)" in found
    )
    assert "platforms.facebook.api_version: expected a Graph API version such as v21.0" in found
    assert "platforms.facebook.page_token_env: this looks like a secret itself" in found
    assert "EAAGm0PX4ZCpsBAKZCZCxyz" not in found  # a real token is never repeated
    assert "platforms.facebook.human_agent_approved" in found
    assert "platforms.facebook.publish" in found


def test_check_config_lists_what_facebook_still_needs(tmp_path: Path) -> None:
    path = write(tmp_path, "  facebook:\n    api_version: v21.0\n")
    token = "EAAGpagetokenvalue123456"
    checked = forumbot("check-config", "--config", path, cwd=tmp_path, FACEBOOK_PAGE_TOKEN=token)
    assert checked.returncode == 1
    assert "3 problems" in checked.stderr
    assert "platforms.facebook.page_id is not set" in checked.stderr
    assert "FACEBOOK_APP_SECRET is not set (platforms.facebook.app_secret_env)" in checked.stderr
    assert "FACEBOOK_VERIFY_TOKEN is not set" in checked.stderr
    assert token not in checked.stderr + checked.stdout
    ran = forumbot(
        "run",
        "--config",
        path,
        "--web-port",
        str(free_port()),
        cwd=tmp_path,
        FACEBOOK_PAGE_TOKEN=token,
    )
    assert ran.returncode == 1
    assert (
        ran.stderr.strip()
        .splitlines()[-1]
        .startswith("forumbot: platforms.facebook.page_id is not set")
    )
    assert "Traceback" not in ran.stderr
    complete = write(tmp_path, '  facebook:\n    page_id: "102030405060708"\n')
    fine = forumbot(
        "check-config",
        "--config",
        complete,
        cwd=tmp_path,
        FACEBOOK_PAGE_TOKEN=token,
        FACEBOOK_APP_SECRET="s3cret",
        FACEBOOK_VERIFY_TOKEN="verify me",
    )
    assert fine.returncode == 0, fine.stderr


def test_check_config_refuses_facebook_without_the_web_side(tmp_path: Path) -> None:
    path = write(tmp_path, '  facebook:\n    page_id: "102030405060708"\n')
    Path(path).write_text(Path(path).read_text() + "web:\n  enabled: false\n")
    checked = forumbot(
        "check-config",
        "--config",
        path,
        cwd=tmp_path,
        FACEBOOK_PAGE_TOKEN="tok",
        FACEBOOK_APP_SECRET="s3cret",
        FACEBOOK_VERIFY_TOKEN="verify me",
    )
    assert checked.returncode == 1
    line = Path(path).read_text().splitlines().index("  enabled: false") + 1
    # Like every other config problem: the key, what is wrong, the fix, the line.
    said = (
        "web.enabled: is false, but Facebook is on (FACEBOOK_PAGE_TOKEN is set) and its "
        "webhook (/facebook/webhook) is served by the web side: set web.enabled to true "
        f"(docs/web.md), or unset FACEBOOK_PAGE_TOKEN to run without Facebook (line {line})"
    )
    assert said in checked.stderr
    ran = forumbot(
        "run",
        "--config",
        path,
        "--web-port",
        str(free_port()),
        cwd=tmp_path,
        FACEBOOK_PAGE_TOKEN="tok",
        FACEBOOK_APP_SECRET="s3cret",
        FACEBOOK_VERIFY_TOKEN="verify me",
    )
    assert ran.returncode == 1
    assert ran.stderr.strip().splitlines()[-1] == f"forumbot: {said}"
    assert "Traceback" not in ran.stderr


def test_facebooks_secrets_are_masked(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '  facebook:\n    page_id: "1"\n'))
    env = {
        "FACEBOOK_PAGE_TOKEN": "page-token",
        "FACEBOOK_APP_SECRET": "app-secret",
        "FACEBOOK_VERIFY_TOKEN": "verify-token",
        "HOME": "/root",
    }
    assert sorted(secrets_in_environment(config, env)) == [
        "app-secret",
        "page-token",
        "verify-token",
    ]


def test_a_secret_pasted_with_a_line_break_is_one_plain_line(tmp_path: Path) -> None:
    """A token copied with its line break (or a space) would crash the HTTP
    client or fail every signature: refused by name, never echoed."""
    path = write(tmp_path, '  facebook:\n    page_id: "102030405060708"\n')
    token = "EAAGpagetokenvalue123456"
    secrets = {
        "FACEBOOK_PAGE_TOKEN": token + "\n",
        "FACEBOOK_APP_SECRET": " appsecretvalue0123456789",
        "FACEBOOK_VERIFY_TOKEN": "a long verify phrase for meta",
    }
    checked = forumbot("check-config", "--config", path, cwd=tmp_path, **secrets)
    assert checked.returncode == 1
    assert "FACEBOOK_PAGE_TOKEN has spaces, a line break" in checked.stderr
    assert "FACEBOOK_APP_SECRET has spaces, a line break" in checked.stderr
    assert "FACEBOOK_VERIFY_TOKEN has" not in checked.stderr
    assert token not in checked.stderr + checked.stdout
    ran = forumbot("run", "--config", path, "--web-port", str(free_port()), cwd=tmp_path, **secrets)
    assert ran.returncode == 1
    assert ran.stderr.strip().splitlines()[-1].startswith("forumbot: FACEBOOK_PAGE_TOKEN has")
    assert "Traceback" not in ran.stderr
