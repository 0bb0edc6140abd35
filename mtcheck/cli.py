"""The command line. Thin: options → Config → pipeline → renderers → exit code.

Exit codes (stable, for CI): 0 passed; 1 findings at or above ``--fail-on``;
2 usage, configuration or input error; 3 internal or model error.
Reports go to stdout (or ``--output``), messages to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import click
import typer

if TYPE_CHECKING:
    from mtcheck.types import Severity

from mtcheck import __version__
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
from mtcheck.errors import EXIT_INPUT, EXIT_INTERNAL, MtcheckError

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

FAIL_ON_CHOICES = ("error", "warning", "info", "never")

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


def _stderr_progress(quiet: bool):  # type: ignore[no-untyped-def]
    if quiet or not sys.stderr.isatty():
        return None

    def say(message: str) -> None:
        typer.echo(f"mtcheck: {message}…", err=True)

    return say


@app.command()
def check(
    targets: Annotated[
        list[Path],
        typer.Argument(help="Translated files to check (text, Markdown). Example: copy.txt", show_default=False),
    ],
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
        str, typer.Option("--format", "-f", help="Report format: text or json. Example: --format json")
    ] = "text",
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding has this severity or worse: error, warning, info or never.",
        ),
    ] = "error",
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Skip back-translation (model-free checks only).")] = False,
    require_mt: Annotated[
        bool, typer.Option("--require-mt", help="Exit 3 when no translation model is available, instead of skipping.")
    ] = False,
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
    from mtcheck.config import Config
    from mtcheck.pipeline import check_files
    from mtcheck.registry import RENDERERS
    from mtcheck.render.base import RenderOptions

    gate = _parse_fail_on(fail_on)
    renderer = RENDERERS.get(output_format)
    config = Config(
        source_lang=source_lang,
        target_lang=target_lang,
        fail_on=gate,
        model=model_settings(
            model=model,
            backend=backend,
            beam=beam,
            threads=threads,
            cache_dir=cache_dir,
            no_cache=no_cache,
            allow_download=allow_download,
            allow_pickle=allow_pickle,
            enabled=not no_mt,
            required=require_mt,
        ),
    )
    report = check_files(targets, config, original=original, progress=_stderr_progress(quiet))
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    text = renderer(report, RenderOptions(color=use_color, width=80, fail_on=gate))
    _emit(text, output)
    raise typer.Exit(report.exit_code(gate))


def _parse_fail_on(value: str) -> Severity | None:
    from mtcheck.types import Severity

    if value.lower() == "never":
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        choices = ", ".join(FAIL_ON_CHOICES)
        raise click.BadParameter(f"{value!r} (choose from {choices})", param_hint="--fail-on") from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MtcheckError(f"cannot write {output}: {exc.strerror or exc}") from None


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app and map every error to an exit code."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="mtcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = EXIT_INPUT
    except click.exceptions.Abort:
        typer.echo("mtcheck: aborted", err=True)
        code = EXIT_INTERNAL
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
