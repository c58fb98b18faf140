"""The console and the pages over real HTTP: signing in (accounts and the
shared secret), the login limit, CSRF, safety headers and cookies, and the
console's actions in the same audit trail as the chat staff rooms."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from adapters.web.passwords import hash_password
from config.model import StaffAccount
from tests.support.app import running_app
from tests.web.web_setup import (
    OFFICER_NAME,
    OFFICER_PASSWORD,
    STAFF_SECRET,
    Visitor,
    base_url,
    browser,
    events,
    running_web,
    web_config,
)

pytestmark = pytest.mark.timeout(60)


async def test_pages_carry_a_strict_policy_and_safe_cookies(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        async with http.get(base_url(app) + "/") as response:
            csp = response.headers["Content-Security-Policy"]
            assert "default-src 'none'" in csp and "script-src 'self'" in csp
            assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            cookies = response.headers.getall("Set-Cookie")
            page = await response.text()
        assert len(cookies) == 2
        for cookie in cookies:
            assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        # Nothing is loaded from another site.
        assert "http://" not in page.replace(base_url(app), "") and "https://" not in page
        async with http.get(base_url(app) + "/static/feed.js") as response:
            assert response.status == 200
            assert "Content-Security-Policy" in response.headers


async def test_secure_cookies_when_the_site_is_served_over_https(tmp_path: Path) -> None:
    async with (
        running_web(tmp_path, public_url="https://forum.example.police.uk") as app,
        browser() as http,
        http.get(base_url(app) + "/") as response,
    ):
        for cookie in response.headers.getall("Set-Cookie"):
            assert "Secure" in cookie


async def test_a_post_without_a_valid_csrf_token_changes_nothing(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http, browser() as other:
        resident = Visitor(app, http)
        await resident.get("/")
        good = resident.csrf
        resident.csrf = ""
        assert (await resident.post_json("/chat/send", {"text": "no token"}))[0] == 403
        # A token from another visitor's cookie does not fit this one's.
        stranger = Visitor(app, other)
        await stranger.get("/")
        resident.csrf = stranger.csrf
        assert (await resident.post_json("/chat/send", {"text": "wrong token"}))[0] == 403
        # A right token from another site's page is refused too.
        async with http.post(
            base_url(app) + "/chat/send",
            json={"text": "cross-site"},
            headers={"X-CSRF-Token": good, "Origin": "https://evil.example"},
        ) as response:
            assert response.status == 403
        resident.csrf = good
        async with events(resident, "/chat/events") as feed:
            assert (await resident.post_json("/chat/send", {"text": "with the token"}))[0] == 200
            await feed.until("#1")  # the first question to get through is #1


async def test_the_console_needs_a_sign_in(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        async with http.get(base_url(app) + "/staff/bromley", allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/staff/login"
        visitor = Visitor(app, http)
        await visitor.get("/")
        response = await visitor.post_form("/staff/bromley/send", {"text": "open"})
        assert response.status == 303 and response.headers["Location"] == "/staff/login"


async def test_five_failed_sign_ins_lock_the_account_out_for_a_while(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        officer = Visitor(app, http)
        for _ in range(5):
            assert await officer.sign_in(password="wrong password entirely") == 401
        # Even the right password is refused now.
        assert await officer.sign_in() == 429
        _, page = await officer.get("/staff/login")
        assert "Too many" not in page  # the page itself still loads
        response = await officer.post_form(
            "/staff/login", {"username": OFFICER_NAME, "password": OFFICER_PASSWORD}, follow=True
        )
        assert "Too many failed attempts" in await response.text()


async def test_a_sign_in_without_a_name_or_password_is_told_and_not_counted(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        officer = Visitor(app, http)
        for _ in range(6):  # more than the five failures that lock an account out
            assert await officer.sign_in(username="   ", password=STAFF_SECRET) == 400
            assert await officer.sign_in(password="") == 400
        response = await officer.post_form("/staff/login", {"username": " ", "password": "x"})
        assert "Enter your username and your password." in await response.text()
        # Longer than any account's: wrong, not cut to fit.
        assert await officer.sign_in(username=OFFICER_NAME + "x" * 3000) == 401
        assert await officer.sign_in(password=OFFICER_PASSWORD + "x" * 300) == 401
        assert await officer.sign_in() == 303  # none of the above locked the account


async def test_sign_out_ends_the_sign_in(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        assert (await officer.get("/staff/bromley"))[0] == 200
        await officer.post_form("/staff/logout", {})
        async with http.get(base_url(app) + "/staff/bromley", allow_redirects=False) as r:
            assert r.status == 303


async def test_the_shared_secret_signs_in_and_the_audit_names_the_officer(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as r_http, browser() as o_http:
        resident = Visitor(app, r_http)
        await resident.get("/")
        async with events(resident, "/chat/events") as feed:
            await resident.post_json(
                "/chat/send", {"text": "Is the park gate locked at night?", "intent": "ask"}
            )
            await feed.until("#1")
        officer = Visitor(app, o_http)
        assert await officer.sign_in("pc.patel", STAFF_SECRET) == 303
        async with events(officer, "/staff/bromley/events") as room:
            await room.until("Question #1")
            await officer.post_json("/staff/bromley/send", {"button": "approve:1"})
            await room.until("#1", "approved")
    with closing(sqlite3.connect(tmp_path / "forum.sqlite3")) as db:
        rows = db.execute("SELECT actor_platform, actor_id, action FROM audit").fetchall()
    assert ("web", "duty:pc.patel", "approve") in rows


async def test_an_account_limited_to_other_forums_cannot_act_here(tmp_path: Path) -> None:
    from config.model import StaffAccount
    from tests.web.web_setup import _HASH

    accounts = (StaffAccount(OFFICER_NAME, _HASH, forums=("croydon",)),)
    async with running_web(tmp_path, staff_accounts=accounts) as app, browser() as http:
        officer = Visitor(app, http)
        assert await officer.sign_in() == 303
        status, page = await officer.get("/staff")
        assert status == 200 and "not an officer of any forum" in page
        async with http.get(base_url(app) + "/staff/bromley") as r:
            assert r.status == 404


async def test_a_sign_in_ends_when_its_credential_changes_or_goes(tmp_path: Path) -> None:
    """Restarts with the same settings keep officers signed in; a changed or
    unset shared secret signs out those who used it, and a new password hash
    signs out that account's sign-ins."""
    config = web_config(tmp_path)

    async def room_status(env: dict[str, str], cfg: Any, cookies: Any) -> int:
        async with running_app(cfg, env) as app, browser() as http:
            http.cookie_jar.update_cookies(cookies)
            async with http.get(
                base_url(app) + "/staff/bromley", allow_redirects=False
            ) as response:
                return response.status

    async def signed_in_cookies(env: dict[str, str], username: str, password: str) -> Any:
        async with running_app(config, env) as app, browser() as http:
            officer = Visitor(app, http)
            assert await officer.sign_in(username, password) == 303
            return {c.key: c.value for c in http.cookie_jar}

    secret = {"FORUMBOT_STAFF_SECRET": STAFF_SECRET}
    duty = await signed_in_cookies(secret, "pc.patel", STAFF_SECRET)
    assert await room_status(secret, config, duty) == 200  # the same secret: still in
    changed = {"FORUMBOT_STAFF_SECRET": "a different phrase entirely now"}
    assert await room_status(changed, config, duty) == 303  # to the sign-in page
    assert await room_status({}, config, duty) == 303
    assert await room_status(secret, config, duty) == 200  # the secret back: the sign-in too

    account = await signed_in_cookies({}, OFFICER_NAME, OFFICER_PASSWORD)
    assert await room_status({}, config, account) == 200
    new_hash = replace(
        config,
        web=replace(
            config.web,
            staff_accounts=(StaffAccount(OFFICER_NAME, hash_password("another long password")),),
        ),
    )
    assert await room_status({}, new_hash, account) == 303
    removed = replace(config, web=replace(config.web, staff_accounts=()))
    assert await room_status(secret, removed, account) == 303
