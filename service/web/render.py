"""Jinja2 environments (one per interface language, with gettext) and the page response helper."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import i18n, words
from .security import CSRF_COOKIE, cookie_args, csrf_token, current_session

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment(lang: str) -> Environment:
    """The templates with ``_``, ``gettext`` and ``ngettext`` bound to ``lang``'s catalogue (newstyle:
    ``_("%(n)s files", n=3)`` formats and escapes its arguments)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    tr = i18n.translations(lang)
    env.install_gettext_callables(tr.gettext, tr.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(words=words, dirs=i18n.DIRS, text_lang=text_lang)
    return env


def lang_of(request: Request) -> str:
    return i18n.negotiate(request.cookies.get(i18n.COOKIE), request.headers.get("accept-language"))


def text_lang(text: str | None) -> str:
    """``lang="..." dir="..."`` for a text of unknown language (titles, file names): Arabic or French by script."""
    t = text or ""
    arabic = sum(1 for ch in t if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    latin = sum(1 for ch in t if ch.isalpha() and ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return Markup('lang="ar" dir="rtl"') if arabic >= latin and arabic else Markup('lang="fr" dir="ltr"') if latin else Markup("")


def render_html(lang: str, template: str, **ctx: Any) -> str:
    """A template rendered in ``lang`` (pages, and fragments the tests render on their own)."""
    t = i18n.Translator(lang)
    base = {"lang": t.lang, "dir": i18n.DIRS[t.lang], "t": t, "size": t.size, "when": t.when, "text_lang": text_lang}
    return environment(t.lang).get_template(template).render({**base, **ctx})


def page(request: Request, template: str, *, status_code: int = 200, title: str = "", **ctx: Any) -> HTMLResponse:
    """``title`` is a msgid (translated here) unless the template sets its own title block."""
    lang = lang_of(request)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    html = render_html(lang, template, title=title, request=request, staff=current_session(request), csrf=csrf_token(request),
                       here=quote(here, safe="/?=&"),
                       other_langs=[(code, i18n.SELF_NAMES[code]) for code in i18n.LANGS if code != lang], **ctx)
    resp = HTMLResponse(html, status_code=status_code)
    new = request.scope.get("taysir.new_csrf")
    if new:
        resp.set_cookie(CSRF_COOKIE, new, **cookie_args(request, None))
    return resp
