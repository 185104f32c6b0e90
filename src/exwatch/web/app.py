"""The application object: routes, static assets, security headers and the mapping of errors to responses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from exwatch import __version__
from exwatch.errors import (
    AuthenticationError,
    ConflictError,
    ExwatchError,
    ForbiddenError,
    InputError,
    NotFoundError,
    RateLimitError,
    StaleError,
)
from exwatch.store.db import Database
from exwatch.web.core import page
from exwatch.web.i18n import best_locale

# No inline script or style, nothing from another origin, never framed (clickjacking), no plugins.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-store",  # case data must not stay in a shared browser's cache
}


def status_of(exc: ExwatchError) -> int:
    for kind, code in (
        (AuthenticationError, 401),
        (RateLimitError, 429),
        (ForbiddenError, 403),
        (NotFoundError, 404),
        (StaleError, 409),
        (ConflictError, 409),
        (InputError, 422),
    ):
        if isinstance(exc, kind):
            return code
    return 500 if not isinstance(exc, ExwatchError) else 503 if type(exc).__name__ == "StorageError" else 400


# Routes are synchronous and run in AnyIO's thread pool (40 threads by default). On two cores more than a few
# threads only share the interpreter's lock, each holding a request's objects in memory (bench/web_load.py).
WORKER_THREADS = 8


class _Security:
    """The reader's locale on every request, the security headers on every response. Plain ASGI: Starlette's
    ``BaseHTTPMiddleware`` runs each request in an extra task with a stream between the two (py-spy: 9 % of the
    server's time under bench/web_load.py)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["locale"] = best_locale(Headers(scope=scope).get("accept-language"))

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, secured)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


def create_app(db: Database) -> FastAPI:
    from exwatch.web.api import router as api_router
    from exwatch.web.pages import router as page_router

    app = FastAPI(
        lifespan=_lifespan,
        title="Extradition Watch",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: no network, and the CSP forbids it
        redoc_url=None,
    )
    app.state.db = db
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(api_router)
    app.include_router(page_router)

    app.add_middleware(_Security)

    @app.exception_handler(ExwatchError)
    async def deliberate(request: Request, exc: ExwatchError) -> Response:
        code = status_of(exc)
        if request.url.path.startswith("/api/"):
            body: dict[str, object] = {"error": str(exc).split("\n")[0], "type": type(exc).__name__}
            if isinstance(exc, InputError) and exc.problems:
                body["problems"] = [{"path": p.path, "message": p.message} for p in exc.problems]
            if isinstance(exc, StaleError):
                body |= {"case": exc.case_id, "your_version": exc.seen, "current_version": exc.now}
            return JSONResponse(body, status_code=code)
        if isinstance(exc, AuthenticationError) and request.method == "GET":
            return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
        return page(request, "error.html", user=None, status=code, message=str(exc), code=code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"path": ".".join(str(p) for p in e.get("loc", ())[1:]), "message": e.get("msg", "")} for e in exc.errors()
        ]
        if request.url.path.startswith("/api/"):
            body = {"error": "the request is incomplete or malformed", "type": "InputError", "problems": problems}
            return JSONResponse(body, 422)
        text = "; ".join(f"{p['path']}: {p['message']}" for p in problems)
        return page(request, "error.html", user=None, status=422, message=f"The form is incomplete: {text}", code=422)

    return app
