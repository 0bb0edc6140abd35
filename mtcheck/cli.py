"""The command line. Thin: options → Config → pipeline → renderers → exit code.

Exit codes (stable, for CI): 0 passed; 1 findings at or above ``--fail-on``;
2 usage, configuration or input error; 3 internal or model error.
Reports go to stdout (or ``--output``), messages to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from collections.abc import Callable

    from mtcheck.config import Config
    from mtcheck.types import Severity

from mtcheck.cli_models import (
    AllowDownloadOpt,
    AllowPickleOpt,
    BackendOpt,
    BeamOpt,
    CacheDirOpt,
    ModelOpt,
    NoCacheOpt,
    ThreadsOpt,
    model_settings,
    models_app,
    translate,
)
from mtcheck.errors import EXIT_INPUT, EXIT_INTERNAL, InputError, MtcheckError
from mtcheck.version import __version__

app = typer.Typer(
    name="mtcheck",
    help=(
        "Check translations: back-translate with MarianMT, align with the original, and flag "
        "mangled names, deprecated terms and other suspect renderings.\n\n"
        "Example: mtcheck check copy.txt --source-lang ar"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.add_typer(models_app, name="models")
app.command("translate")(translate)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    """mtcheck: a multilingual translation-quality checker."""


def _stderr_progress(quiet: bool) -> Callable[[str], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def say(message: str) -> None:
        typer.echo(f"mtcheck: {message}…", err=True)

    return say


# Options that `check` and `baseline` share: a baseline must be made with the same selection.
TermbaseOpt = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--termbase", help="Termbase or glossary (TBX, CSV, TSV); repeat for several. Example: --termbase house.tbx"
    ),
]
NoGazetteerOpt = Annotated[
    bool, typer.Option("--no-gazetteer", help="Do not use the bundled gazetteer of place names.")
]
EnableOpt = Annotated[
    Optional[list[str]],
    typer.Option("--enable", help="Turn on a check that is off by default; repeatable. See: mtcheck checks"),
]
DisableOpt = Annotated[
    Optional[list[str]],
    typer.Option("--disable", help="Turn off a check; repeatable. Example: --disable repeated-word"),
]


def _with_selection(
    config: Config, termbase: list[Path] | None, no_gazetteer: bool, enable: list[str] | None, disable: list[str] | None
) -> Config:
    """The config with the command line's termbases, gazetteer switch and check selection on top."""
    import dataclasses

    if termbase:
        config = dataclasses.replace(config, termbases=(*config.termbases, *(str(p) for p in termbase)))
    if no_gazetteer:
        config = dataclasses.replace(config, use_gazetteer=False)
    if enable or disable:
        config = dataclasses.replace(
            config,
            enable=config.enable | set(enable or ()) - set(disable or ()),
            disable=config.disable - set(enable or ()) | set(disable or ()),
        )
    return config


@app.command()
def check(
    targets: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Translated files, directories or globs (text, Markdown, PO, XLIFF, TMX, CSV/TSV); "
            "default: `files` of mtcheck.toml. Example: po/",
            show_default=False,
        ),
    ] = None,
    source_lang: Annotated[
        Optional[str],
        typer.Option("--source-lang", "-s", help="Language translated FROM, as BCP-47. Example: --source-lang ar"),
    ] = None,
    target_lang: Annotated[
        Optional[str],
        typer.Option(
            "--target-lang",
            "-t",
            help="Language translated INTO (BCP-47). Detected from the text when omitted. Example: -t en",
        ),
    ] = None,
    original: Annotated[
        Optional[Path],
        typer.Option("--original", help="The source-language original, to align with. Example: --original orig.ar.txt"),
    ] = None,
    output_format: Annotated[
        Optional[list[str]],
        typer.Option(
            "--format",
            "-f",
            help="Report format: text, json, sarif, junit, markdown or html; repeat it with one --output each. "
            "Example: -f sarif -o mtcheck.sarif -f markdown -o summary.md",
        ),
    ] = None,
    output: Annotated[
        Optional[list[Path]],
        typer.Option("--output", "-o", help="Write the report to this file instead of stdout (one per --format)."),
    ] = None,
    fail_on: Annotated[
        Optional[str],
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding has this severity or worse: error, warning, info or never [default: error].",
        ),
    ] = None,
    config_file: Annotated[
        Optional[Path],
        typer.Option("--config", help="Project configuration (default: mtcheck.toml or [tool.mtcheck] nearby)."),
    ] = None,
    baseline: Annotated[
        Optional[Path],
        typer.Option("--baseline", help="Report only findings not recorded in this baseline (mtcheck baseline)."),
    ] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Skip back-translation (model-free checks only).")] = False,
    require_mt: Annotated[
        bool, typer.Option("--require-mt", help="Exit 3 when no translation model is available, instead of skipping.")
    ] = False,
    termbase: TermbaseOpt = None,
    no_gazetteer: NoGazetteerOpt = False,
    enable: EnableOpt = None,
    disable: DisableOpt = None,
    model: ModelOpt = None,
    backend: BackendOpt = "torch",
    beam: BeamOpt = 4,
    threads: ThreadsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    allow_download: AllowDownloadOpt = False,
    allow_pickle: AllowPickleOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages on stderr.")] = False,
    color: Annotated[
        Optional[bool], typer.Option("--color/--no-color", help="Colour the text report (default: when a terminal).")
    ] = None,
) -> None:
    """Check translated files and report suspect renderings.

    \b
    Examples:
      mtcheck check copy.txt --source-lang ar
      mtcheck check copy.txt --original original.ar.txt -s ar -t en --format json -o report.json
    """
    import dataclasses

    from mtcheck.pipeline import check_files
    from mtcheck.registry import RENDERERS
    from mtcheck.render.base import RenderOptions

    config = _project_config(config_file, source_lang, target_lang, fail_on, no_mt, require_mt)
    config = _with_selection(config, termbase, no_gazetteer, enable, disable)
    settings = model_settings(
        model=model,
        backend=backend,
        beam=beam,
        threads=threads,
        cache_dir=cache_dir,
        no_cache=no_cache,
        allow_download=allow_download,
        allow_pickle=allow_pickle,
        enabled=config.model.enabled,
        required=config.model.required,
    )
    config = dataclasses.replace(config, model=settings)
    gate = config.fail_on
    outputs = _pair_outputs(output_format or ["text"], output or [])
    renderers = [(RENDERERS.get(name), path) for name, path in outputs]
    from mtcheck.runtime import gc_paused

    with gc_paused():  # the command owns its process: hold the collector for the run (see check_files)
        report = check_files(_inputs(targets, config), config, original=original, progress=_stderr_progress(quiet))
    baseline_path = baseline or (Path(config.baseline) if config.baseline else None)
    if baseline is None and baseline_path is not None and not baseline_path.exists():
        # configured but not made yet: a project adopting the gate runs `mtcheck baseline` next
        note = f"baseline {baseline_path} not found: all findings are reported (make it with: mtcheck baseline)"
        report = dataclasses.replace(report, notes=(*report.notes, note))
        baseline_path = None
    if baseline_path is not None:
        from mtcheck.gate.baseline import apply_baseline

        report = apply_baseline(report, baseline_path)
    for renderer, path in renderers:
        use_color = color if color is not None else (path is None and sys.stdout.isatty())
        _emit(renderer(report, RenderOptions(color=use_color, width=80, fail_on=gate)), path)
    raise typer.Exit(report.exit_code(gate))


@app.command("checks")
def list_checks() -> None:
    """List every check: id, default severity, whether it is on by default, title."""
    from mtcheck.registry import CHECKS

    for check_id, chk in CHECKS.items():
        state = "" if chk.enabled_by_default else " (off by default)"
        typer.echo(f"{check_id:26} {chk.severity!s:8} {chk.title}{state}")


@app.command("baseline")
def baseline_command(
    targets: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Files, directories or globs, as for `check`.", show_default=False),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the baseline.")] = Path(
        ".mtcheck-baseline.json"
    ),
    source_lang: Annotated[Optional[str], typer.Option("--source-lang", "-s", help="Language translated FROM.")] = None,
    target_lang: Annotated[Optional[str], typer.Option("--target-lang", "-t", help="Language translated INTO.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Project configuration file.")] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Skip back-translation (model-free checks only).")] = False,
    termbase: TermbaseOpt = None,
    no_gazetteer: NoGazetteerOpt = False,
    enable: EnableOpt = None,
    disable: DisableOpt = None,
) -> None:
    """Record today's findings, so that `check --baseline` reports only new ones.

    \b
    Example:
      mtcheck baseline po/ -o .mtcheck-baseline.json
      mtcheck check po/ --baseline .mtcheck-baseline.json
    """
    from mtcheck.gate.baseline import write_baseline
    from mtcheck.pipeline import check_files

    config = _project_config(config_file, source_lang, target_lang, None, no_mt, False)
    config = _with_selection(config, termbase, no_gazetteer, enable, disable)
    report = check_files(_inputs(targets, config), config)
    write_baseline(report.findings, output)
    typer.echo(f"mtcheck: recorded {len(report.findings)} finding(s) in {output}", err=True)


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; other than localhost needs --token.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8750,
    token: Annotated[
        Optional[str],
        typer.Option("--token", envvar="MTCHECK_SERVE_TOKEN", help="Require 'Authorization: Bearer TOKEN'."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Checks run at the same time.")] = 2,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1024, help="Largest request body (413 above).")] = (
        2_000_000
    ),
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds a check may take (504 after).")] = 120.0,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Project configuration file.")] = None,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Never back-translate (model-free checks only).")] = False,
    termbase: TermbaseOpt = None,
    no_gazetteer: NoGazetteerOpt = False,
    model: ModelOpt = None,
    backend: BackendOpt = "torch",
    beam: BeamOpt = 4,
    threads: ThreadsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    allow_pickle: AllowPickleOpt = False,
) -> None:
    """Serve the review page and a JSON API (POST /api/check) from one warm process.

    \b
    Needs: pip install 'mtcheck[serve]'. Example:
      mtcheck serve --termbase house-style.tbx        # then open http://127.0.0.1:8750/
    """
    import dataclasses

    from mtcheck.serve import ServeSettings, serve

    config = _with_selection(_project_config(config_file, None, None, None, no_mt, False), termbase, no_gazetteer,
                             None, None)  # fmt: skip
    settings = model_settings(model=model, backend=backend, beam=beam, threads=threads, cache_dir=cache_dir,
                              no_cache=no_cache, allow_pickle=allow_pickle, enabled=config.model.enabled)  # fmt: skip
    config = dataclasses.replace(config, model=settings)
    typer.echo(f"mtcheck: serving on http://{host}:{port}/ (API: POST /api/check, docs: /docs)", err=True)
    serve(ServeSettings(host, port, token, workers, max_bytes, timeout, config))


def _project_config(
    path: Path | None, source_lang: str | None, target_lang: str | None, fail_on: str | None, no_mt: bool,
    require_mt: bool,
) -> Config:  # fmt: skip
    """The project file's settings with the command-line flags that were given on top."""
    import dataclasses

    from mtcheck.gate.project_config import load_project_config

    config, _origin = load_project_config(path)
    changes: dict[str, object] = {}
    if source_lang is not None:
        changes["source_lang"] = source_lang
    if target_lang is not None:
        changes["target_lang"] = target_lang
    if fail_on is not None:
        changes["fail_on"] = _parse_fail_on(fail_on)
    model = config.model
    if no_mt:
        model = dataclasses.replace(model, enabled=False)
    if require_mt:
        model = dataclasses.replace(model, required=True)
    return dataclasses.replace(config, model=model, **changes)  # type: ignore[arg-type]


def _inputs(targets: list[Path] | None, config: Config) -> list[str | Path]:
    if targets:
        return list(targets)
    if config.files:
        return list(config.files)
    raise typer.BadParameter("no files given (name them, or set `files` in mtcheck.toml)")


def _pair_outputs(formats: list[str], outputs: list[Path]) -> list[tuple[str, Path | None]]:
    """Pair each --format with its --output in order; one format may go to stdout."""
    if len(outputs) > len(formats) or len(formats) - len(outputs) > 1:
        raise typer.BadParameter(
            f"{len(formats)} --format and {len(outputs)} --output: give one --output per --format "
            "(one format may go to stdout)"
        )
    paired: list[tuple[str, Path | None]] = list(zip(formats, outputs, strict=False))
    if len(formats) > len(outputs):
        paired.append((formats[-1], None))
    return paired


def _parse_fail_on(value: str) -> Severity | None:
    from mtcheck.config import parse_fail_on

    try:
        return parse_fail_on(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fail-on") from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None


def quiet_libraries() -> None:
    """The command line owns its process, so it, not the library, quietens transformers.

    Environment defaults (a user's own setting wins) read when transformers and
    huggingface_hub are imported: warnings and load progress bars would bury the report.
    """
    import os
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app and map every error to an exit code."""
    args = sys.argv[1:] if argv is None else argv
    quiet_libraries()
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="mtcheck", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        typer.echo("mtcheck: aborted", err=True)
        code = EXIT_INTERNAL
    except typer.TyperException as exc:  # usage errors: bad option, missing argument, unknown command
        exc.show()  # type: ignore[attr-defined]
        code = EXIT_INPUT
    except MtcheckError as exc:
        if debug:
            raise
        typer.echo(f"mtcheck: error: {exc}", err=True)
        code = exc.exit_code
    except KeyboardInterrupt:
        typer.echo("mtcheck: interrupted", err=True)
        code = 130
    except Exception as exc:
        if debug:
            raise
        typer.echo(f"mtcheck: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else 0)
