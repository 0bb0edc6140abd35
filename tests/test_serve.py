"""`mtcheck serve` on 127.0.0.1: the API and the form give what `mtcheck check` gives; limits and token hold."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")

from mtcheck.cli import main  # noqa: E402
from mtcheck.config import Config  # noqa: E402
from mtcheck.errors import ConfigError  # noqa: E402
from mtcheck.serve import ServeSettings, create_app, serve  # noqa: E402
from tests.test_render_html import ORIGINAL_AR, TERMBASE, TRANSLATION_EN  # noqa: E402

NO_MT = Config().model.__class__(enabled=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn in a thread on a free port of 127.0.0.1."""

    def __init__(self, **settings: Any) -> None:
        self.port = free_port()
        app = create_app(ServeSettings(host="127.0.0.1", port=self.port, **settings))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def post(
        self, path: str, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url(path), data=body, method="POST",
                                         headers={"Content-Type": content_type, **(headers or {})})  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def api(self, payload: dict[str, Any], headers: dict[str, str] | None = None) -> tuple[int, Any]:
        status, body = self.post("/api/check", json.dumps(payload).encode(), "application/json", headers)
        return status, json.loads(body)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    config = Config(model=NO_MT)
    with Server(config=config, workers=2, max_bytes=200_000) as running:
        yield running


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    with pytest.raises(SystemExit):
        main(["check", *args, "--no-mt", "-f", "json"])
    return dict(json.loads(capsys.readouterr().out))


def essentials(report: dict[str, Any]) -> tuple[Any, ...]:
    """What must agree: every finding (but its path and fingerprint) and the scores."""
    findings = [
        {**{k: v for k, v in f.items() if k not in ("location", "fingerprint")},
         "where": (f["location"]["line"], f["location"]["column"], f["location"]["unit_id"])}
        for f in report["findings"]
    ]  # fmt: skip
    return findings, report["scores"], report["counts"], report["passed"]


def test_api_gives_the_findings_and_scores_of_the_command(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "orig.ar.txt").write_text(ORIGINAL_AR, encoding="utf-8")
    (tmp_path / "termbase.tbx").write_bytes(TERMBASE.read_bytes())
    copy = tmp_path / "copy.en.txt"
    copy.write_text(TRANSLATION_EN, encoding="utf-8")
    expected = cli_json(capsys, str(copy), "--original", str(tmp_path / "orig.ar.txt"), "-s", "ar", "-t", "en",
                        "--termbase", str(tmp_path / "termbase.tbx"))  # fmt: skip
    status, got = server.api({
        "text": TRANSLATION_EN, "original": ORIGINAL_AR, "source_lang": "ar", "target_lang": "en",
        "termbase": TERMBASE.read_text(encoding="utf-8"), "termbase_name": "termbase.tbx", "no_mt": True,
    })  # fmt: skip
    assert status == 200
    assert {"unaligned", "deprecated-term", "suspect-rendering"} <= {f["check"] for f in got["findings"]}
    assert essentials(got) == essentials(expected)
    assert got["documents"][0]["path"] == "input.txt"


def test_the_form_shows_the_same_findings_as_a_page(
    server: Server, capsys: pytest.CaptureFixture[str], seed: Path
) -> None:
    expected = cli_json(capsys, str(seed), "-s", "ar", "-t", "en")
    form = urllib.parse.urlencode({"text": seed.read_text(encoding="utf-8"), "source_lang": "ar", "target_lang": "en",
                                   "no_mt": "1"}).encode()  # fmt: skip
    status, page = server.post("/check", form, "application/x-www-form-urlencoded")
    assert status == 200
    html = page.decode()
    assert html.count('<li class="finding') == len(expected["findings"]) > 0
    for finding in expected["findings"]:
        assert f'data-check="{finding["check"]}"' in html
        if finding["text"]:
            assert f"“<bdi>{finding['text']}</bdi>”" in html


def test_a_file_upload_through_the_form(server: Server) -> None:
    boundary = "mtcheckboundary"
    parts = [
        ('name="text_file"; filename="story.txt"', "The the minister spoke in Kiev.\n"),
        ('name="source_lang"', "ar"),
        ('name="target_lang"', "en"),
        ('name="no_mt"', "1"),
    ]
    body = (
        "".join(
            f"--{boundary}\r\nContent-Disposition: form-data; {disposition}\r\n\r\n{value}\r\n"
            for disposition, value in parts
        )
        + f"--{boundary}--\r\n"
    )
    status, page = server.post("/check", body.encode(), f"multipart/form-data; boundary={boundary}")
    assert status == 200
    assert "story.txt" in page.decode() and 'data-check="repeated-word"' in page.decode()


def test_a_body_over_the_limit_is_a_413(server: Server) -> None:
    status, body = server.post("/api/check", b'{"text": "' + b"a" * 300_000 + b'"}', "application/json")
    assert status == 413 and b"limit" in body


def test_bad_requests_say_what_is_wrong(server: Server) -> None:
    assert server.api({"text": "Hello."})[0] == 422
    status, body = server.api({"text": "Hello.", "source_lang": "ar", "colour": "red"})
    assert status == 422 and "colour" in body["error"]
    assert server.post("/api/check", b"{not json", "application/json")[0] == 400


def test_two_concurrent_requests_each_get_their_own_findings(server: Server) -> None:
    texts = {
        "a": "The minister said the the aid was late. " * 40,
        "b": "Officials in Kiev said the aid was late. " * 40,
    }
    results: dict[str, Any] = {}

    def ask(key: str) -> None:
        results[key] = server.api({"text": texts[key], "source_lang": "ar", "target_lang": "en", "no_mt": True})

    threads = [threading.Thread(target=ask, args=(key,)) for key in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    (status_a, a), (status_b, b) = results["a"], results["b"]
    assert status_a == status_b == 200
    assert {f["check"] for f in a["findings"]} == {"repeated-word"}
    assert {f["check"] for f in b["findings"]} == {"deprecated-term"}
    assert all(f["context"] in texts["a"] for f in a["findings"])
    assert all(f["context"] in texts["b"] for f in b["findings"])


def test_a_token_is_required_when_the_server_has_one() -> None:
    with Server(config=Config(model=NO_MT), token="s3cret") as running:
        payload = {"text": "The the minister spoke.", "source_lang": "ar", "target_lang": "en", "no_mt": True}
        assert running.api(payload)[0] == 401
        assert running.api(payload, {"Authorization": "Bearer wrong"})[0] == 401
        status, report = running.api(payload, {"Authorization": "Bearer s3cret"})
        assert status == 200 and report["findings"]


def test_binding_beyond_localhost_needs_a_token() -> None:
    with pytest.raises(ConfigError, match="--token"):
        serve(ServeSettings(host="0.0.0.0", port=free_port()))


def test_openapi_and_docs_are_served(server: Server) -> None:
    with urllib.request.urlopen(server.url("/openapi.json"), timeout=30) as response:
        spec = json.loads(response.read())
    assert spec["components"]["schemas"]["Report"]["$id"].endswith("report-1.schema.json")
    assert "text" in spec["components"]["schemas"]["CheckRequest"]["required"]
    with urllib.request.urlopen(server.url("/docs"), timeout=30) as response:
        assert b"/api/check" in response.read()


def test_a_check_over_the_time_limit_is_a_504() -> None:
    with Server(config=Config(model=NO_MT), timeout_s=0.001) as running:
        status, body = running.api({"text": "The the minister spoke. " * 200, "source_lang": "ar", "target_lang": "en"})
        assert status == 504 and "longer than" in body["error"]
