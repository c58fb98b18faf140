"""Debian's nginx (``apt-get install nginx-light``) in front of a running
forumbot, ending TLS with a certificate made for the test by trustme.

The site is the nginx block in docs/web.md, run as written but for its
ports and certificate paths, so the documented example is the tested one.
Everything nginx writes (pid, logs, temporary files) stays under the test's
own folder; it runs in the foreground and is stopped by its process id. The
tests fail, never skip, without nginx."""

from __future__ import annotations

import asyncio
import os
import pwd
import re
import shutil
import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme

DOCS = Path(__file__).resolve().parents[2] / "docs" / "web.md"
HOST = "127.0.0.1"
START_WITHIN_S = 10.0


def nginx_binary() -> str:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(
        "nginx is not installed; the reverse-proxy tests need it: apt-get install nginx-light",
        pytrace=False,
    )


def documented_site() -> str:
    """The one ```nginx block of docs/web.md."""
    blocks = re.findall(r"```nginx\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "docs/web.md should have exactly one nginx example"
    return str(blocks[0])


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the nginx example in docs/web.md no longer has {old!r}"
    return text.replace(old, new)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Proxy:
    https_port: int
    http_port: int
    ca: trustme.CA
    error_log: Path

    @property
    def url(self) -> str:
        return f"https://{HOST}:{self.https_port}"

    def client_ssl(self) -> ssl.SSLContext:
        """Trusts the test's certificate authority, and nothing else."""
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context


def _site(folder: Path, upstream_port: int, proxy: Proxy) -> str:
    cert = proxy.ca.issue_cert(HOST, "localhost")
    cert.private_key_pem.write_to_path(str(folder / "key.pem"))
    cert.cert_chain_pems[0].write_to_path(str(folder / "cert.pem"))
    for extra in cert.cert_chain_pems[1:]:
        with (folder / "cert.pem").open("ab") as chain:
            chain.write(extra.bytes())
    site = documented_site()
    site = _replace_once(site, "listen 80;", f"listen {HOST}:{proxy.http_port};")
    site = _replace_once(site, "listen 443 ssl;", f"listen {HOST}:{proxy.https_port} ssl;")
    # No IPv6 listeners: the test's sandbox may have no IPv6 at all.
    site = _replace_once(site, "listen [::]:80;", "")
    site = _replace_once(site, "listen [::]:443 ssl;", "")
    site = _replace_once(
        site,
        "/etc/letsencrypt/live/forum.example.police.uk/fullchain.pem",
        str(folder / "cert.pem"),
    )
    site = _replace_once(
        site,
        "/etc/letsencrypt/live/forum.example.police.uk/privkey.pem",
        str(folder / "key.pem"),
    )
    # Every location passes to forumbot (the site, and Facebook's webhook with
    # its own body limit).
    upstream = "proxy_pass http://127.0.0.1:8080;"
    assert site.count(upstream) >= 1, f"the nginx example in docs/web.md no longer has {upstream!r}"
    return site.replace(upstream, f"proxy_pass http://{HOST}:{upstream_port};")


def _main_config(folder: Path, site_file: Path) -> str:
    # As root, the workers would otherwise run as nobody, who cannot write
    # the test's temporary folders.
    user = f"user {pwd.getpwuid(os.getuid()).pw_name};\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        "daemon off;\n"
        f"{user}"
        "worker_processes 1;\n"
        f"pid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} info;\n"
        "events { worker_connections 128; }\n"
        "http {\n"
        f"    access_log {folder / 'access.log'};\n"
        f"{temp}\n"
        f"    include {site_file};\n"
        "}\n"
    )


async def _wait_listening(process: asyncio.subprocess.Process, proxy: Proxy) -> None:
    async with asyncio.timeout(START_WITHIN_S):
        while True:
            if process.returncode is not None:
                log = proxy.error_log.read_text() if proxy.error_log.exists() else ""
                raise AssertionError(f"nginx stopped at start ({process.returncode}):\n{log}")
            try:
                _, writer = await asyncio.open_connection(HOST, proxy.https_port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            await writer.wait_closed()
            return


@asynccontextmanager
async def nginx_in_front(
    tmp_path: Path, upstream_port: int, https_port: int = 0
) -> AsyncIterator[Proxy]:
    """nginx on 127.0.0.1, https (on ``https_port``, or a free one) to
    forumbot's plain http on ``upstream_port``."""
    binary = nginx_binary()
    folder = tmp_path / "nginx"
    folder.mkdir()
    proxy = Proxy(https_port or free_port(), free_port(), trustme.CA(), folder / "error.log")
    site_file = folder / "forumbot.conf"
    site_file.write_text(_site(folder, upstream_port, proxy))
    config = folder / "nginx.conf"
    config.write_text(_main_config(folder, site_file))
    check = await asyncio.create_subprocess_exec(
        binary, "-t", "-q", "-p", str(folder), "-e", str(proxy.error_log), "-c", str(config),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await asyncio.wait_for(check.communicate(), START_WITHIN_S)
    assert check.returncode == 0, f"nginx refused the documented site:\n{output.decode()}"
    process = await asyncio.create_subprocess_exec(
        binary, "-p", str(folder), "-e", str(proxy.error_log), "-c", str(config),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        await _wait_listening(process, proxy)
        yield proxy
    finally:
        if process.returncode is None:
            process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                await asyncio.wait_for(process.wait(), START_WITHIN_S)
            except TimeoutError:
                process.kill()
                await process.wait()
