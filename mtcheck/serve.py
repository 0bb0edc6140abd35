"""``mtcheck serve``: the review page and a JSON API for a desk or a CMS, in one warm process.

Starlette on uvicorn (``pip install 'mtcheck[serve]'``), imported only by this command.
Each request writes its texts to a private temporary folder and runs the same
:func:`~mtcheck.pipeline.check_files` as ``mtcheck check``, so a request and a command
give the same findings and scores. What stays loaded: the translator (its models load
on first use per language pair and are kept), the gazetteer and the server's termbases.
Checks run in a bounded pool of threads; the translator is shared behind a lock (one
model call at a time), everything else a check builds belongs to its request.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import ipaddress
import json
import tempfile
import threading
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.config import Config, parse_fail_on
from mtcheck.errors import EXIT_INPUT, ConfigError, MissingDependencyError, MtcheckError
from mtcheck.gate.root import relative_to_root
from mtcheck.pipeline import check_files
from mtcheck.render.base import RenderOptions
from mtcheck.translators.backtranslate import decode_outputs
from mtcheck.translators.decoded import Decoded
from mtcheck.types import Finding, Location, Report

if TYPE_CHECKING:
    from mtcheck.names.gazetteer import Gazetteer
    from mtcheck.names.termbase import Termbase
    from mtcheck.translators.base import Translator

TOKEN_ENV = "MTCHECK_SERVE_TOKEN"
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8750
    token: str | None = None
    workers: int = 2
    max_bytes: int = 2_000_000  # request body; a long feature is ~100 kB
    timeout_s: float = 120.0
    config: Config = field(default_factory=Config)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LockedTranslator:
    """The shared translator, one call at a time: a torch or CTranslate2 model is not
    assumed safe to call from several threads, and one call already uses every core."""

    def __init__(self, inner: Translator) -> None:
        self._inner = inner
        self._lock = threading.Lock()

    @property
    def signature(self) -> Mapping[str, str]:
        return self._inner.signature

    @property
    def stats(self) -> Mapping[str, int]:
        return dict(getattr(self._inner, "stats", {}))

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        with self._lock:
            return list(self._inner.translate(texts, src, tgt))

    def decode(self, texts: Sequence[str], src: str, tgt: str) -> list[Decoded]:
        """The outputs and whether each ended, so a degenerate one is treated as the CLI treats it."""
        with self._lock:
            return decode_outputs(self._inner, list(texts), src, tgt)


class RequestError(Exception):
    """A bad request: answered with ``status`` and the message, never a traceback."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CheckRequest:
    """One check as the API and the form describe it (the options of ``mtcheck check``)."""

    text: str
    source_lang: str
    target_lang: str | None = None
    original: str | None = None
    termbase: str | None = None  # content of a TBX, CSV or TSV file
    termbase_name: str = "termbase.tbx"  # its file name: the extension says the format
    filename: str = "input.txt"
    no_mt: bool = False
    no_gazetteer: bool = False
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    fail_on: str = "error"

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> CheckRequest:
        if not isinstance(body, Mapping):
            raise RequestError(422, "the body must be a JSON object")
        unknown = set(body) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise RequestError(422, f"unknown field(s): {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in body or body[f.name] is None:
                continue
            value = body[f.name]
            if f.name in ("enable", "disable"):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise RequestError(422, f"{f.name} must be a list of check ids")
                value = tuple(value)
            elif f.name in ("no_mt", "no_gazetteer"):
                if not isinstance(value, bool):
                    raise RequestError(422, f"{f.name} must be true or false")
            elif not isinstance(value, str):
                raise RequestError(422, f"{f.name} must be a string")
            values[f.name] = value
        for required in ("text", "source_lang"):
            if not values.get(required):
                raise RequestError(422, f"{required} is required")
        return cls(**values)


def _safe_name(name: str, default: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip()
    return base if base and base not in (".", "..") else default


class Service:
    """The warm state: base config, shared translator, gazetteer and termbases, thread pool."""

    def __init__(self, settings: ServeSettings) -> None:
        from mtcheck.pipeline import load_name_resources

        self.settings = settings
        config = settings.config
        self.termbase: Termbase
        self.gazetteer: Gazetteer | None
        self.termbase, self.gazetteer = load_name_resources(config)
        self.base = dataclasses.replace(config, termbases=())
        self.termbase_paths = tuple(config.termbases)
        self.termbase_names = tuple(Path(p).name for p in config.termbases)
        self.translator: LockedTranslator | None = None
        if config.model.enabled:
            from mtcheck.translators.backtranslate import make_translator

            try:
                self.translator = LockedTranslator(make_translator(config.model))
            except MtcheckError:
                self.translator = None  # each check then says why back-translation was skipped
        self.pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="mtcheck-check")
        # a check that timed out still holds its thread; at most this many wait or run
        self.slots = threading.BoundedSemaphore(settings.workers * 4)

    def config_for(self, request: CheckRequest, termbase_path: Path | None) -> Config:
        try:
            fail_on = parse_fail_on(request.fail_on)
        except ValueError as exc:
            raise RequestError(422, str(exc)) from None
        base = self.base
        model = dataclasses.replace(base.model, enabled=base.model.enabled and not request.no_mt)
        return dataclasses.replace(
            base,
            source_lang=request.source_lang,
            target_lang=request.target_lang or None,
            fail_on=fail_on,
            use_gazetteer=base.use_gazetteer and not request.no_gazetteer,
            enable=base.enable | set(request.enable) - set(request.disable),
            disable=base.disable - set(request.enable) | set(request.disable),
            termbases=(str(termbase_path),) if termbase_path else (),
            model=model,
        )

    def run(self, request: CheckRequest) -> tuple[Report, Config]:
        """Check one request in a private folder; paths in the report are the names the client gave."""
        with tempfile.TemporaryDirectory(prefix="mtcheck-serve-") as tmp:
            folder = Path(tmp)
            filename = _safe_name(request.filename, "input.txt")
            target = folder / "target" / filename
            target.parent.mkdir()
            target.write_text(request.text, encoding="utf-8")
            original = None
            if request.original:
                original = folder / "original" / f"original-{filename}"
                original.parent.mkdir()
                original.write_text(request.original, encoding="utf-8")
            termbase_path = None
            if request.termbase:
                termbase_path = folder / "termbase" / _safe_name(request.termbase_name, "termbase.tbx")
                termbase_path.parent.mkdir()
                termbase_path.write_text(request.termbase, encoding="utf-8")
            # report paths start at the request's folder, so none names the server's disk
            config = dataclasses.replace(self.config_for(request, termbase_path), root=str(target.parent))
            report = check_files(
                [target], config, original=original, translator=self.translator if config.model.enabled else None,
                termbase=self.termbase, gazetteer=self.gazetteer,
            )  # fmt: skip
            names = {relative_to_root(str(target), target.parent) or filename: filename}
            if original is not None:
                names[relative_to_root(str(original), target.parent) or original.name] = original.name
            termbases = [*self.termbase_paths, *([termbase_path.name] if termbase_path else [])]
            return relabel(report, names, termbases), config


def relabel(report: Report, names: Mapping[str, str], termbases: Sequence[str] = ()) -> Report:
    """The report with the request's temporary paths replaced by the names the client gave.

    The signature names the termbases used: the server's and the request's (by name).
    """

    def name(path: str | None) -> str | None:
        return names.get(path, path) if path is not None else None

    def finding(f: Finding) -> Finding:
        loc = f.location
        return dataclasses.replace(f, location=Location(name(loc.path), loc.line, loc.column, loc.unit_id))

    details = {
        key: ({name(k) or "": v for k, v in value.items()} if key in ("back_translations", "alignment", "round_trips")
              else value)
        for key, value in report.details.items()
    }  # fmt: skip
    return dataclasses.replace(
        report,
        findings=tuple(finding(f) for f in report.findings),
        documents=tuple(
            dataclasses.replace(d, path=name(d.path), original_path=name(d.original_path)) for d in report.documents
        ),
        details=details,
        signature={**report.signature, "config": {**report.signature.get("config", {}), "termbases": list(termbases)}},
    )


class BodyLimit:
    """ASGI middleware: a clear 413 for a body over ``max_bytes``, declared or streamed."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _TooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLargeError:
            if not started:
                await _too_large(send, self.max_bytes)


class _TooLargeError(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": f"request body over the limit of {limit} bytes"}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def create_app(settings: ServeSettings) -> Any:
    """The ASGI application (Starlette), with its warm :class:`Service`."""
    try:
        from starlette.applications import Starlette
        from starlette.middleware import Middleware
        from starlette.requests import Request
        from starlette.responses import HTMLResponse, JSONResponse, Response
        from starlette.routing import Route
    except ImportError:
        raise MissingDependencyError("starlette, uvicorn and python-multipart", "serve") from None
    from mtcheck.render.json_report import report_to_dict
    from mtcheck.serve_pages import api_docs_page, form_page, openapi, render_report_page

    service = Service(settings)

    def authorised(request: Request, form_token: str | None = None) -> bool:
        if not settings.token:
            return True
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip() or form_token or ""
        given = given or request.query_params.get("token", "")
        return hmac.compare_digest(given.encode(), settings.token.encode())

    def denied() -> Response:
        return JSONResponse({"error": "missing or wrong token (Authorization: Bearer …)"}, status_code=401)

    async def run(check: CheckRequest) -> tuple[Report, Config]:
        if not service.slots.acquire(blocking=False):
            raise RequestError(503, "too many checks waiting; try again shortly")

        def job() -> tuple[Report, Config]:
            try:
                return service.run(check)
            finally:
                service.slots.release()

        future = asyncio.get_running_loop().run_in_executor(service.pool, job)
        try:
            return await asyncio.wait_for(asyncio.shield(future), settings.timeout_s)
        except TimeoutError:
            raise RequestError(504, f"the check took longer than {settings.timeout_s:g} s") from None
        except MtcheckError as exc:
            status = 400 if exc.exit_code == EXIT_INPUT else 500
            raise RequestError(status, str(exc)) from None

    async def api_check(request: Request) -> Response:
        if not authorised(request):
            return denied()
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"error": "the body is not valid JSON"}, status_code=400)
        try:
            report, config = await run(CheckRequest.from_json(body))
        except RequestError as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        return JSONResponse(report_to_dict(report, RenderOptions(fail_on=config.fail_on)))

    async def page(request: Request) -> Response:
        if not authorised(request):
            return denied()
        return HTMLResponse(form_page(service.termbase_names, request.query_params.get("token", "")))

    async def form_check(request: Request) -> Response:
        form = await request.form()
        if not authorised(request, str(form.get("token") or "")):
            return denied()
        try:
            check = await _from_form(form)
            report, config = await run(check)
        except RequestError as exc:
            return HTMLResponse(f"<!DOCTYPE html><title>mtcheck: error</title><p role=alert>{_escape(str(exc))}</p>",
                                status_code=exc.status)  # fmt: skip
        return HTMLResponse(render_report_page(report, RenderOptions(fail_on=config.fail_on)))

    async def openapi_json(_request: Request) -> Response:
        return JSONResponse(openapi())

    async def docs(_request: Request) -> Response:
        return HTMLResponse(api_docs_page())

    async def health(_request: Request) -> Response:
        return JSONResponse({"status": "ok", "model_loaded": service.translator is not None})

    app = Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/check", form_check, methods=["POST"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/openapi.json", openapi_json, methods=["GET"]),
            Route("/docs", docs, methods=["GET"]),
            Route("/healthz", health, methods=["GET"]),
        ],
        middleware=[Middleware(BodyLimit, max_bytes=settings.max_bytes)],
    )
    app.state.service = service
    return app


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


async def _from_form(form: Any) -> CheckRequest:
    """The page's form: pasted text or an uploaded file for the translation, original and termbase."""

    async def text_of(field_name: str, upload_name: str) -> tuple[str, str | None]:
        upload = form.get(upload_name)
        filename = None if upload is None or isinstance(upload, str) else upload.filename
        if filename:
            raw = await upload.read()
            try:
                return raw.decode("utf-8-sig"), str(filename)
            except UnicodeDecodeError:
                raise RequestError(422, f"{filename}: not UTF-8 text") from None
        return str(form.get(field_name) or ""), None

    text, text_name = await text_of("text", "text_file")
    original, _ = await text_of("original", "original_file")
    termbase, termbase_name = await text_of("termbase", "termbase_file")
    body: dict[str, Any] = {
        "text": text.replace("\r\n", "\n"),
        "original": original.replace("\r\n", "\n") or None,
        "source_lang": str(form.get("source_lang") or ""),
        "target_lang": str(form.get("target_lang") or "") or None,
        "termbase": termbase or None,
        "termbase_name": termbase_name or str(form.get("termbase_name") or "") or None,
        "filename": text_name or None,
        "no_mt": bool(form.get("no_mt")),
        "no_gazetteer": bool(form.get("no_gazetteer")),
        "fail_on": str(form.get("fail_on") or "error"),
    }
    return CheckRequest.from_json(body)


def serve(settings: ServeSettings) -> None:
    """Run the server until interrupted (the ``mtcheck serve`` command)."""
    if not is_loopback(settings.host) and not settings.token:
        raise ConfigError(
            f"--host {settings.host} is reachable from other machines: give --token (or ${TOKEN_ENV}) as well"
        )
    try:
        import uvicorn
    except ImportError:
        raise MissingDependencyError("uvicorn", "serve") from None
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
