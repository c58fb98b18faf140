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
