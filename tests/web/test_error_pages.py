"""The site's own pages for an unknown address and for a fault, with the
same security headers as every other page, and the favicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.web.security import HEADERS
from tests.web.web_setup import base_url, browser, running_web

pytestmark = pytest.mark.timeout(60)


async def test_an_unknown_address_gets_the_styled_not_found_page(tmp_path: Path) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        for path in ("/no/such/page", "/archive/no-such-forum", "/static/missing.css"):
            async with http.get(base_url(app) + path) as response:
                page = await response.text()
                assert response.status == 404, path
                assert response.content_type == "text/html"
                for name, value in HEADERS.items():
                    assert response.headers[name] == value
            assert "Page not found" in page
            assert '<link rel="stylesheet" href="/static/site.css">' in page


async def test_a_fault_gets_the_styled_error_page_without_detail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_web(tmp_path) as app, browser() as http:

        def broken(*_args: object) -> None:
            raise RuntimeError("secret detail of the fault")

        monkeypatch.setattr(app.core.sessions, "next_occurrence", broken)
        async with http.get(base_url(app) + "/archive") as response:
            page = await response.text()
            assert response.status == 500
            assert response.content_type == "text/html"
            for name, value in HEADERS.items():
                assert response.headers[name] == value
        # The site still serves other pages after a fault.
        async with http.get(base_url(app) + "/") as response:
            assert response.status == 200
    assert "Something went wrong" in page
    assert "call 999" in page
    assert "secret detail" not in page
    assert "Traceback" not in page
    assert any("web request failed: GET /archive" in r.getMessage() for r in caplog.records)


async def test_the_favicon_is_served_where_browsers_look_and_linked_from_pages(
    tmp_path: Path,
) -> None:
    async with running_web(tmp_path) as app, browser() as http:
        async with http.get(base_url(app) + "/favicon.ico") as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "image/svg+xml"
            icon = await response.text()
        async with http.get(base_url(app) + "/") as response:
            page = await response.text()
    assert icon.startswith("<svg") and "</svg>" in icon
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page


async def test_a_refused_request_gets_a_page_for_browsers_and_text_for_the_script(
    tmp_path: Path,
) -> None:
    html = {"Accept": "text/html,application/xhtml+xml"}
    async with running_web(tmp_path) as app, browser() as http:
        base = base_url(app)
        # A method the address does not take: 405, before any form check.
        async with http.delete(base + "/", headers=html) as response:
            page = await response.text()
            assert response.status == 405
            assert response.headers["Content-Security-Policy"] == HEADERS["Content-Security-Policy"]
        assert "This address does not take that kind of request." in page
        assert "call 999" in page
        # A form posted without its token (an old tab, another site): 403, a page.
        async with http.post(base + "/chat/send", data={"text": "hello"}, headers=html) as response:
            page = await response.text()
            assert response.status == 403
            assert response.content_type == "text/html"
        assert "This form has expired. Go back, reload the page and try again." in page
        assert "Nothing was sent or changed." in page
        # Too much at once.
        big = {"text": "x" * 70_000}
        async with http.post(base + "/chat/send", data=big, headers=html) as response:
            page = await response.text()
            assert response.status == 413
            assert response.content_type == "text/html"
        assert "That was too much to send at once." in page
        # The page's own script asks for JSON and shows the text itself.
        async with http.post(
            base + "/chat/send", json={"text": "hello"}, headers={"Accept": "application/json"}
        ) as response:
            assert response.status == 403
            assert response.content_type == "text/plain"
            assert await response.text() == (
                "This form has expired. Go back, reload the page and try again."
            )
