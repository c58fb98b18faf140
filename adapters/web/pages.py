"""HTML pages from Jinja2 templates (autoescaped: no user text becomes
markup). Every page gets the visitor's CSRF token for its forms."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from adapters.web.security import Security


class Pages:
    def __init__(self, security: Security, site_name: str, email_alerts: bool = False) -> None:
        """``email_alerts``: e-mail is on, so every page links to its
        subscription page (``/email/subscribe``, served for adapters.email)."""
        self.security = security
        self.site_name = site_name
        self.email_alerts = email_alerts
        self.env = Environment(
            loader=PackageLoader("adapters.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def text(self, request: web.Request, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(
            csrf=self.security.csrf_token(request),
            site_name=self.site_name,
            email_alerts=self.email_alerts,
            path=request.path,
            **context,
        )

    def render(
        self, request: web.Request, name: str, *, status: int = 200, **context: Any
    ) -> web.Response:
        return web.Response(
            text=self.text(request, name, **context),
            status=status,
            content_type="text/html",
            charset="utf-8",
        )
