"""forumbot behind a real https reverse proxy: Debian's nginx running the
site from docs/web.md, with ``web.trusted_proxies`` listing it.

Through nginx, residents ask and officers sign in and act from a real
browser (its Origin header says https), cookies are Secure, live updates
arrive through the proxy, and the login limit counts each visitor's own
address: visitors connect from different loopback addresses (127.0.0.2,
127.0.0.3), which nginx passes on in X-Forwarded-For. Headers a visitor
forges change nothing, with or without trusted proxies."""

from __future__ import annotations

from ipaddress import ip_network
from pathlib import Path

import aiohttp
import pytest
from playwright.async_api import expect

from forumbot.app import App
from tests.web.browser import chromium
from tests.web.nginx import HOST, Proxy, free_port, nginx_in_front
from tests.web.web_setup import (
    OFFICER_NAME,
    OFFICER_PASSWORD,
    Visitor,
    base_url,
    browser,
    events,
    running_web,
)

pytestmark = pytest.mark.timeout(90)

NGINX_TRUSTED = (ip_network("127.0.0.1/32"),)  # nginx connects to forumbot from here
VISITOR_A = "127.0.0.2"
VISITOR_B = "127.0.0.3"
FORGED = {
    "X-Forwarded-For": "203.0.113.9",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "evil.example",
    "Forwarded": "for=203.0.113.10;proto=https;host=evil.example",
}


def from_address(address: str, proxy: Proxy | None = None) -> aiohttp.ClientSession:
    """A visitor whose connections come from ``address``; over https with
    the test CA when ``proxy`` is given."""
    connector = aiohttp.TCPConnector(
        local_addr=(address, 0), ssl=proxy.client_ssl() if proxy else False
    )
    return browser(connector)


def web_port(app: App) -> int:
    assert app.web is not None
    return app.web.port


def set_cookies(response: aiohttp.ClientResponse) -> list[str]:
    return list(response.headers.getall("Set-Cookie", []))


async def test_through_nginx_a_resident_asks_and_an_officer_answers_in_real_browsers(
    tmp_path: Path,
) -> None:
    async with (
        running_web(tmp_path, trusted_proxies=NGINX_TRUSTED) as app,
        nginx_in_front(tmp_path, web_port(app)) as proxy,
        chromium() as browser_,
    ):
        resident_context = await browser_.new_context(ignore_https_errors=True)
        resident = await resident_context.new_page()
        await resident.goto(proxy.url + "/")
        await resident.get_by_label("Your message").fill(
            "Has anyone reported the broken bus shelter on Elm Road?"
        )
        await resident.get_by_role("button", name="Ask the police team").click()
        messages = resident.locator("#messages")
        await expect(messages).to_contain_text("Your question to Bromley Police Online Forum is #1")

        officer_context = await browser_.new_context(ignore_https_errors=True)
        officer = await officer_context.new_page()
        await officer.goto(proxy.url + "/staff")
        await officer.get_by_label("Username").fill(OFFICER_NAME)
        await officer.get_by_label("Password").fill(OFFICER_PASSWORD)
        await officer.get_by_role("button", name="Sign in").click()
        await expect(officer.get_by_role("heading", level=1)).to_contain_text("staff room")
        room = officer.locator("#messages")
        await expect(room).to_contain_text("Question #1")  # live, through nginx
        await officer.get_by_role("button", name="Approve #1").click()
        await expect(room).to_contain_text("#1 approved")
        await officer.get_by_label("Command").fill("answer 1 Yes: the council fixes it on Monday.")
        await officer.get_by_role("button", name="Send", exact=True).click()
        await expect(room).to_contain_text("#1 answered")
        # The resident's page was not reloaded: the answer came over the
        # event stream, through the proxy.
        await expect(messages).to_contain_text("the council fixes it on Monday")

        for context in (resident_context, officer_context):
            cookies = await context.cookies()
            assert cookies, "the site set no cookies"
            assert all(c["secure"] for c in cookies), cookies
        names = {c["name"] for c in await officer_context.cookies()}
        assert "fb_staff" in names


async def test_through_nginx_the_login_limit_counts_each_visitors_own_address(
    tmp_path: Path,
) -> None:
    async with (
        running_web(tmp_path, trusted_proxies=NGINX_TRUSTED) as app,
        nginx_in_front(tmp_path, web_port(app)) as proxy,
        from_address(VISITOR_A, proxy) as a_http,
        from_address(VISITOR_B, proxy) as b_http,
    ):
        a = Visitor(app, a_http, base=proxy.url)
        b = Visitor(app, b_http, base=proxy.url)
        for visitor in (a, b):
            visitor.headers["Origin"] = proxy.url  # as a browser sends with each form
        # Five wrong guesses from A, each at another username, so only A's
        # address reaches the limit.
        for n in range(5):
            assert await a.sign_in(f"guess{n}", "not the password at all") == 401
        assert await a.sign_in() == 429
        # Headers A writes itself do not make A someone else.
        a.headers.update(FORGED)
        assert await a.sign_in() == 429

        # B comes through the same nginx and signs in.
        await b.get("/staff/login")
        response = await b.post_form(
            "/staff/login", {"username": OFFICER_NAME, "password": OFFICER_PASSWORD}
        )
        assert response.status == 303
        staff_cookie = [c for c in set_cookies(response) if c.startswith("fb_staff=")]
        assert len(staff_cookie) == 1 and "Secure" in staff_cookie[0]
        async with events(b, "/staff/bromley/events") as room:
            assert (await b.post_json("/staff/bromley/send", {"text": "open"}))[0] == 200
            await room.until("is open until")

        # Plain http to the proxy only redirects to https.
        async with (
            aiohttp.ClientSession() as plain,
            plain.get(f"http://{HOST}:{proxy.http_port}/staff", allow_redirects=False) as redirect,
        ):
            assert redirect.status == 301
            assert redirect.headers["Location"].startswith("https://")


@pytest.mark.parametrize("trusted", [(), NGINX_TRUSTED], ids=["no-proxy-trusted", "nginx-trusted"])
async def test_headers_a_direct_visitor_forges_change_nothing(
    tmp_path: Path, trusted: tuple[object, ...]
) -> None:
    async with (
        running_web(tmp_path, trusted_proxies=trusted) as app,
        from_address(VISITOR_A) as a_http,
        from_address(VISITOR_B) as b_http,
    ):
        a = Visitor(app, a_http)
        a.headers.update(FORGED)
        # The page is served as usual, over http, so its cookies are not Secure.
        async with a_http.get(base_url(app) + "/", headers=FORGED) as page:
            assert page.status == 200
            cookies = set_cookies(page)
            assert cookies and not any("Secure" in c for c in cookies)
        # A new forged address for every guess: the limit still counts A's own.
        for n in range(5):
            a.headers["X-Forwarded-For"] = f"198.51.100.{n + 1}"
            a.headers["Forwarded"] = f"for=198.51.100.{n + 1}"
            assert await a.sign_in(f"guess{n}", "not the password at all") == 401
        assert await a.sign_in() == 429
        # A visitor from another address is not affected.
        b = Visitor(app, b_http)
        assert await b.sign_in() == 303


async def test_without_trusted_proxies_public_url_lets_forms_through_but_all_share_one_limit(
    tmp_path: Path,
) -> None:
    https_port = free_port()
    public_url = f"https://{HOST}:{https_port}"
    async with (
        running_web(tmp_path, public_url=public_url) as app,
        nginx_in_front(tmp_path, web_port(app), https_port) as proxy,
        from_address(VISITOR_A, proxy) as a_http,
        from_address(VISITOR_B, proxy) as b_http,
    ):
        a = Visitor(app, a_http, base=proxy.url)
        b = Visitor(app, b_http, base=proxy.url)
        # The resident's form, from the https page: its Origin is public_url's.
        a.headers["Origin"] = public_url
        await a.get("/")
        async with events(a, "/chat/events") as feed:
            a.headers["Origin"] = "https://evil.example"
            assert (await a.post_json("/chat/send", {"text": "from elsewhere"}))[0] == 403
            a.headers["Origin"] = public_url
            status, _ = await a.post_json(
                "/chat/send", {"text": "Is the park lit at night?", "intent": "ask"}
            )
            assert status == 200
            await feed.until("#1")
        # forumbot sees nginx's address for everyone: A's wrong guesses lock B out.
        for n in range(5):
            assert await a.sign_in(f"guess{n}", "not the password at all") == 401
        b.headers["Origin"] = public_url
        assert await b.sign_in() == 429
