"""Jinja2 environment and the page response helper (language, direction, CSRF token, session)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import i18n
from .security import CSRF_COOKIE, cookie_args, csrf_token, current_session

TEMPLATES = Path(__file__).resolve().parent / "templates"
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def lang_of(request: Request) -> str:
    return i18n.negotiate(request.cookies.get(i18n.COOKIE), request.headers.get("accept-language"))


def human_size(n: int, lang: str) -> str:
    units = ["o", "Ko", "Mo", "Go"] if lang == "fr" else ["بايت", "ك.ب", "م.ب", "ج.ب"]
    size = float(n)
    for unit in units:
        if size < 1024 or unit == units[-1]:
            text = f"{size:.0f}" if unit == units[0] else f"{size:.1f}"
            return f"{text.replace('.', ',') if lang == 'fr' else text}\u00a0{unit}"
        size /= 1024
    return str(n)


def text_lang(text: str | None) -> str:
    """``lang="..." dir="..."`` for a text of unknown language (titles, file names): Arabic or French by script."""
    t = text or ""
    arabic = sum(1 for ch in t if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    latin = sum(1 for ch in t if ch.isalpha() and ch.isascii() or "\u00c0" <= ch <= "\u024f")
    return Markup('lang="ar" dir="rtl"') if arabic >= latin and arabic else Markup('lang="fr" dir="ltr"') if latin else Markup("")


def when(value: float | datetime | None) -> str:
    if value is None:
        return ""
    dt = value if isinstance(value, datetime) else datetime.fromtimestamp(value, UTC)
    return dt.strftime("%Y-%m-%d %H:%M UTC")


def page(request: Request, template: str, *, status_code: int = 200, title: str = "", **ctx: Any) -> HTMLResponse:
    lang = lang_of(request)
    t = i18n.Translator(lang)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    context = {
        "lang": lang, "dir": i18n.DIRS[lang], "t": t, "title": title, "request": request,
        "staff": current_session(request), "csrf": csrf_token(request), "here": quote(here, safe="/?=&"),
        "other_langs": [(code, i18n.SELF_NAMES[code]) for code in i18n.LANGS if code != lang],
        "size": lambda n: human_size(n, lang), "when": when, "text_lang": text_lang, "dirs": i18n.DIRS, **ctx,
    }
    html = _env.get_template(template).render(context)
    resp = HTMLResponse(html, status_code=status_code)
    new = request.scope.get("taysir.new_csrf")
    if new:
        resp.set_cookie(CSRF_COOKIE, new, **cookie_args(request, None))
    return resp
