"""The command line. Thin: options → Config → pipeline → renderers → exit code.

Exit codes (stable, for CI): 0 passed; 1 findings at or above ``--fail-on``;
2 usage, configuration or input error; 3 internal or model error.
Reports go to stdout (or ``--output``), messages to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

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
    SchedulerOpt,
    ThreadsOpt,
    WorkersOpt,
    model_settings,
    models_app,
    translate,
)
from mtcheck.errors import EXIT_INPUT, EXIT_INTERNAL, MtcheckError
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
names_app = typer.Typer(help="Name knowledge from your own published copy.", no_args_is_help=True)
app.add_typer(names_app, name="names")


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


def _use_color(flag: bool | None, path: Path | None) -> bool:
    """--color/--no-color, else NO_COLOR (no-color.org), else FORCE_COLOR, else: a terminal on stdout."""
    import os

    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return path is None and sys.stdout.isatty()


def _width(path: Path | None) -> int:
    """$COLUMNS, else the terminal's width on stdout, else 80 (files and pipes: stable output)."""
    import os
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    if path is None and sys.stdout.isatty():
        return max(shutil.get_terminal_size((80, 24)).columns, 20)
    return 80


def _stderr_progress(quiet: bool) -> Callable[[str], None] | None:
    """On a terminal only: one line, redrawn in place, with a bar for "file i of N"; nothing on a pipe."""
    import re

    if quiet or not sys.stderr.isatty():
        return None
    counter = re.compile(r"file (\d+) of (\d+)")

    def say(message: str) -> None:
        width = min(_width(None), 100)
        match = counter.search(message)
        bar = ""
        if match:
            done, total = int(match.group(1)), max(int(match.group(2)), 1)
            filled = round(20 * (done - 1) / total)
            bar = "[" + "#" * filled + "-" * (20 - filled) + "] "
        line = f"mtcheck: {bar}{message}"[: width - 1]
        sys.stderr.write("\r\x1b[K" + line)
        sys.stderr.flush()

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
SelectOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--select",
        help="Run only these checks: ids or prefixes, comma-separated or repeated (as ruff). Example: --select name-",
    ),
]
IgnoreOpt = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", help="Leave out these checks: ids or prefixes (as ruff). Example: --ignore repeated-word"),
]


IncludeOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--include", help="Also read files a directory holds that match this pattern (e.g. '*.txt'); repeatable."
    ),
]
ExcludeOpt = Annotated[
    Optional[list[str]],
    typer.Option("--exclude", help="Skip files that match this pattern (e.g. 'po/obsolete/*'); repeatable."),
]


def _with_patterns(config: Config, include: list[str] | None, exclude: list[str] | None) -> Config:
    """The command line's --include / --exclude added to the file's."""
    import dataclasses

    return dataclasses.replace(
        config, include=(*config.include, *(include or ())), exclude=(*config.exclude, *(exclude or ()))
    )


def _split(values: list[str] | None) -> tuple[str, ...]:
    """``--select a,b --select c`` → ``("a", "b", "c")``, as ruff reads its rule lists."""
    return tuple(part.strip() for value in values or () for part in value.split(",") if part.strip())


def _with_rules(config: Config, select: list[str] | None, ignore: list[str] | None) -> Config:
    """The command line's --select replaces the file's select; its --ignore adds to the file's ignore."""
    import dataclasses

    chosen, left_out = _split(select), _split(ignore)
    if chosen:
        config = dataclasses.replace(config, select=chosen)
    if left_out:
        config = dataclasses.replace(config, ignore=(*config.ignore, *left_out))
    return config


JobsOpt = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Check files on N local processes; the report is the same as with one. Default: one a core "
        "when back-translation is off (--no-mt), else 1, as the model already uses every core and each "
        "process would load its own copy. Also `jobs` in mtcheck.toml. Example: --jobs 2",
        show_default=False,
    ),
]
MaxFileSizeOpt = Annotated[
    Optional[float],
    typer.Option("--max-file-size", help="Refuse input files larger than this many MB [default: 200]. Example: 500"),
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
            "--output-format",
            "-f",
            help="Report format (--output-format, as in ruff): text, concise, json, sarif, junit, markdown, "
            "github, gitlab or html; repeat it with one "
            "--output each. "
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
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the gate (errors still exit 2 or 3).")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each check made, instead of the findings.")
    ] = False,
    write_failing: Annotated[
        Optional[Path],
        typer.Option(
            "--write-failing",
            help="Write the units with findings to this folder as PO/XLIFF files to fix and merge back "
            "(as pofilter; merge with pomerge). Example: --write-failing to-fix/",
        ),
    ] = None,
    model: ModelOpt = None,
    backend: BackendOpt = "torch",
    beam: BeamOpt = 4,
    threads: ThreadsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    allow_download: AllowDownloadOpt = False,
    allow_pickle: AllowPickleOpt = False,
    max_file_size: MaxFileSizeOpt = None,
    names_db: Annotated[
        Optional[Path],
        typer.Option(
            "--names-db",
            help="Names learned from your published copy (mtcheck names learn). Example: --names-db names.db",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress messages on stderr.")] = False,
    color: Annotated[
        Optional[bool], typer.Option("--color/--no-color", help="Colour the text report (default: when a terminal).")
    ] = None,
    jobs: JobsOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Check translated files and report suspect renderings.

    \b
    Examples:
      mtcheck check copy.txt --source-lang ar
      mtcheck check copy.txt --original original.ar.txt -s ar -t en --format json -o report.json
    """
    import dataclasses

    from mtcheck.execute import check_files, cluster, default_jobs
    from mtcheck.registry import RENDERERS
    from mtcheck.render.base import RenderOptions

    config = _project_config(config_file, source_lang, target_lang, fail_on, no_mt, require_mt)
    config = _with_selection(config, termbase, no_gazetteer, enable, disable)
    config = _with_rules(config, select, ignore)
    config = _with_patterns(config, include, exclude)
    config = _with_size_limit(config, max_file_size)
    config = _with_names_db(config, names_db)
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
    config = dataclasses.replace(config, jobs=jobs or config.jobs or default_jobs(config))
    config = _with_cluster(config, workers, scheduler)
    gate = config.fail_on
    outputs = _pair_outputs(output_format or ["text"], output or [])
    renderers = [(RENDERERS.get(name), path) for name, path in outputs]
    baseline_path = baseline or (Path(config.baseline) if config.baseline else None)
    inputs = _inputs(targets, config)
    _guard_outputs([p for _name, p in outputs if p is not None], inputs, config, original, baseline_path)
    from mtcheck.runtime import gc_paused

    progress = _stderr_progress(quiet)
    try:
        # the command owns its process: hold the collector for the run (see check_files)
        with cluster(config) as client, gc_paused():
            report = check_files(inputs, config, original=original, progress=progress, cache=not no_cache,
                                 client=client)  # fmt: skip
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")  # the progress line goes; the report stands alone
    if baseline is None and baseline_path is not None and not baseline_path.exists():
        # configured but not made yet: a project adopting the gate runs `mtcheck baseline` next
        note = f"baseline {baseline_path} not found: all findings are reported (make it with: mtcheck baseline)"
        report = dataclasses.replace(report, notes=(*report.notes, note))
        baseline_path = None
    if baseline_path is not None:
        from mtcheck.gate.baseline import apply_baseline

        report = apply_baseline(report, baseline_path)
    for renderer, path in renderers:
        if statistics and path is None:
            from mtcheck.render.annotations import render_statistics

            _emit(render_statistics(report), None)
            continue
        use_color = _use_color(color, path)
        options = RenderOptions(color=use_color, width=_width(path), fail_on=gate, notes=not quiet)
        chunks = getattr(renderer, "chunks", None)  # a renderer that can, writes its report as it makes it
        _emit(chunks(report, options) if chunks is not None else renderer(report, options), path)
    if write_failing is not None:
        from mtcheck.gate.failing import write_failing_units

        for written in write_failing_units(report, write_failing):
            if not quiet:
                typer.echo(f"mtcheck: units to fix written to {written}", err=True)
    failed = report.details.get("failed")
    if failed:  # a file the cluster could not check: the report is incomplete, whatever the gate says
        typer.echo(f"mtcheck: error: {len(failed)} file(s) not checked: {', '.join(failed)} (see the report's notes)",
                   err=True)  # fmt: skip
        raise typer.Exit(EXIT_INTERNAL)
    raise typer.Exit(0 if exit_zero else report.exit_code(gate))


def _with_cluster(config: Config, workers: int | None, scheduler: str | None) -> Config:
    """The command line's --workers / --scheduler over the file's (either replaces both of the file's)."""
    import dataclasses

    if workers is not None and scheduler is not None:
        raise typer.BadParameter("give --workers (a local Dask cluster) or --scheduler (a running one), not both")
    if workers is not None or scheduler is not None:
        return dataclasses.replace(config, workers=workers, scheduler=scheduler)
    return config


def _with_names_db(config: Config, path: Path | None) -> Config:
    """The config with ``--names-db`` on top, the database checked before any work starts."""
    import dataclasses

    from mtcheck.names.namesdb import open_names_db

    if path is not None:
        config = dataclasses.replace(config, names_db=str(path))
    if config.names_db:
        open_names_db(config.names_db)  # a missing or foreign file is exit 2, at once
    return config


@names_app.command("learn")
def names_learn(
    archive: Annotated[
        list[Path],
        typer.Argument(help="Approved copy: text files, or directories of .txt/.md files.", show_default=False),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The names database to create or update.")] = Path(
        "names.db"
    ),
    lang: Annotated[
        Optional[str],
        typer.Option("--lang", "-l", help="Language of the copy (BCP-47); detected per file when omitted."),
    ] = None,
) -> None:
    """Count the name forms your published copy uses, for `check --names-db`.

    Learning is incremental: new files add to the counts; a file learned before (same
    content) is skipped.

    \b
    Example:
      mtcheck names learn archive/2025/ -o names.db --lang en
      mtcheck check copy.txt --original orig.uk.txt -s uk -t en --names-db names.db
    """
    from mtcheck.names.namesdb import learn

    result = learn(output, archive, lang, progress=_stderr_progress(False))
    typer.echo(
        f"mtcheck: learned {result.learned} file(s), skipped {result.skipped} already learned; "
        f"{result.mentions} name mention(s); {result.forms} forms in {output}",
        err=True,
    )


@app.command("checks")
def list_checks(
    explain: Annotated[
        Optional[str],
        typer.Option("--explain", help="Explain one check (as ruff's rule --explain). Example: --explain tags"),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every check: id, default severity, on by default or not, title, what it needs (pofilter's --listfilters)."""
    import json

    from mtcheck.registry import CHECKS
    from mtcheck.render.checks_doc import all_checks, check_info
    from mtcheck.render.checks_doc import explain as explain_check

    if output_format not in ("text", "json"):
        raise typer.BadParameter(f"{output_format!r}: choose text or json", param_hint="--format")
    if explain is not None:
        CHECKS.get(explain)  # an unknown id: a ConfigError that lists the known ones
        if output_format == "json":
            typer.echo(json.dumps(check_info(explain).as_dict(), ensure_ascii=False, indent=2))
        else:
            typer.echo(explain_check(explain), nl=False)
        return
    if output_format == "json":
        typer.echo(json.dumps([info.as_dict() for info in all_checks()], ensure_ascii=False, indent=2))
        return
    for check_id, chk in CHECKS.items():
        state = "" if chk.enabled_by_default else " (off by default)"
        needs = f" [needs: {', '.join(sorted(chk.needs))}]" if chk.needs else ""
        typer.echo(f"{check_id:26} {chk.severity!s:8} {chk.title}{state}{needs}")


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
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    max_file_size: MaxFileSizeOpt = None,
) -> None:
    """Record today's findings, so that `check --baseline` reports only new ones.

    \b
    Example:
      mtcheck baseline po/ -o .mtcheck-baseline.json
      mtcheck check po/ --baseline .mtcheck-baseline.json
    """
    from mtcheck.execute import check_files, default_jobs
    from mtcheck.gate.baseline import write_baseline

    config = _project_config(config_file, source_lang, target_lang, None, no_mt, False)
    config = _with_selection(config, termbase, no_gazetteer, enable, disable)
    config = _with_rules(config, select, ignore)
    config = _with_patterns(config, include, exclude)
    config = _with_size_limit(config, max_file_size)
    inputs = _inputs(targets, config)
    _guard_outputs([output], inputs, config, None, None)
    report = check_files(inputs, config, jobs=config.jobs or default_jobs(config))  # as `check` runs
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
    from mtcheck.gate.root import find_root

    config, origin = load_project_config(path)
    changes: dict[str, object] = {"root": str(find_root(origin))}
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


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    from mtcheck.read.files import write_atomic

    if output is None:
        sys.stdout.writelines([text] if isinstance(text, str) else text)
        return
    write_atomic(output, text)


def _with_size_limit(config: Config, max_file_size: float | None) -> Config:
    import dataclasses
    import math

    if max_file_size is None:
        return config
    if not math.isfinite(max_file_size) or max_file_size <= 0:
        raise typer.BadParameter(f"{max_file_size} is not a positive number of MB", param_hint="--max-file-size")
    return dataclasses.replace(config, max_file_mb=max_file_size)


def _guard_outputs(
    outputs: list[Path], inputs: list[str | Path], config: Config, original: Path | None, baseline: Path | None
) -> None:
    """Before any analysis: no output may replace an input, and every output must be writable."""
    from mtcheck.pipeline import expand_paths
    from mtcheck.read.files import check_writable, refuse_overwriting_inputs

    if not outputs:
        return
    read: list[str | Path] = [*expand_paths(inputs, config.exclude), *config.termbases]
    read += [p for p in (original, baseline) if p is not None]
    refuse_overwriting_inputs(outputs, read)
    for output in outputs:
        check_writable(output)


def _one_line(exc: BaseException) -> str:
    # library messages may quote a multi-line cause (a model loader's); CI logs want one line
    return " ".join(str(exc).split())


def quiet_libraries() -> None:
    """The command line owns its process, so it, not the library, sets these defaults.

    Environment defaults (a user's own setting wins) read when transformers,
    huggingface_hub and numpy are imported: warnings and load progress bars would bury the
    report. numpy's OpenBLAS starts a thread per core when numpy is imported, which spins
    for about 0.13 CPU s, a quarter of a model-free check of one article; mtcheck's numpy
    work (language identification, the aligner's dynamic programme) is small vector work
    that gains nothing from BLAS threads. torch and CTranslate2 use MKL, which this leaves alone.
    """
    import os
    import warnings

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


def lean_coercion(command: Any) -> None:
    """Let typer take plain option values without building pydantic adapters.

    Typer (0.2x) converts every value of every parameter, the defaults of options left out
    included, through a pydantic ``TypeAdapter`` built as the command line is parsed:
    importing pydantic and building them was a quarter of the CPU of a model-free check of
    one article. A string, a path, a whole number in its range given in plain digits, and
    lists of them, need none of it: each such parameter gets a converter that makes what
    typer's adapter makes, with typer's own path function, and hands any other value to
    typer's adapter, built then. Other parameters keep typer's way. On a typer without
    this machinery it does nothing. An option left out is None, which typer's base class
    takes before any adapter: every parameter gets a converter, so that none is built for it.
    """
    import dataclasses
    import typing

    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path, routes_to_path
        from typer.core import _TyperParameter
    except ImportError:
        return

    def plain(value: Any, kind: str, info: Any) -> bool:
        if kind == "int":  # plain digits are read alike by int() and pydantic; "+1", "1_0", " 1" go to it
            return (type(value) is int or (isinstance(value, str) and value.isascii() and value.isdigit()
                    and value == str(int(value)))) and not info.clamp  # fmt: skip
        if kind == "path":
            return isinstance(value, str | Path)
        return kind == "str" and isinstance(value, str)

    def convert(value: Any, kind: str, desc: Any, param: Any, ctx: Any) -> Any:
        info = desc.parameter_info
        if kind == "int":
            number = int(value)
            below, above = info.min is not None and number < info.min, info.max is not None and number > info.max
            return None if below or above else number  # out of range: typer's adapter says so
        if kind == "str":
            return value
        # pydantic reads a string as a Path the way Path() does
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)

    @dataclasses.dataclass(frozen=True)
    class Plain(RuntimeParam):
        kind: str
        listed: bool

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            desc = param.type_descriptor
            items = list(value) if self.listed and isinstance(value, list | tuple) else [value]
            if (not self.listed or isinstance(value, list | tuple)) and all(plain(v, self.kind, desc.parameter_info)
                                                                             for v in items):  # fmt: skip
                done = [convert(v, self.kind, desc, param, ctx) for v in items]
                if None not in done:
                    return done if self.listed else done[0]
            param._runtime_param = build_runtime_param(desc)  # typer's own, from now on
            return param._runtime_param._coerce_value(value, param=param, ctx=ctx)

    def kind_of(annotation: Any, info: Any) -> str:
        """How a value is taken without pydantic: "other" takes none (but None, which RuntimeParam.coerce takes)."""
        if info.parser is not None or info.path_type is not None:
            return "other"
        if annotation is str:
            return "str"
        if annotation is int:
            return "int"
        return "path" if annotation is Path and routes_to_path(annotation, info) else "other"

    def install(param: Any) -> None:
        if not isinstance(param, _TyperParameter) or param._runtime_param is not None:
            return
        desc = param.type_descriptor
        if desc.file_annotation is not None:
            return
        annotation, listed = desc.annotation, desc.is_list
        if listed:
            annotation = typing.get_args(annotation)[0] if len(typing.get_args(annotation)) == 1 else None
        param._runtime_param = Plain(desc.parameter_info, desc.annotation, kind_of(annotation, desc.parameter_info),
                                     listed)  # fmt: skip

    def visit(cmd: Any) -> None:
        for sub in getattr(cmd, "commands", {}).values():
            visit(sub)
        for param in cmd.params:
            install(param)
        made = cmd.get_help_option  # the --help option is made when a command line is parsed

        def get_help_option(ctx: Any) -> Any:
            option = made(ctx)
            install(option)
            return option

        cmd.get_help_option = get_help_option

    try:
        visit(command)
    except AttributeError:  # a typer whose internals moved: parameters not reached keep typer's own way
        return


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the app and map every error to an exit code."""
    args = sys.argv[1:] if argv is None else argv
    quiet_libraries()
    debug = "--debug" in args
    command = typer.main.get_command(app)
    lean_coercion(command)
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
        typer.echo(f"mtcheck: error: {_one_line(exc)}", err=True)
        code = exc.exit_code
    except KeyboardInterrupt:
        typer.echo("mtcheck: interrupted", err=True)
        code = 130
    except Exception as exc:
        if debug:
            raise
        typer.echo(
            f"mtcheck: internal error: {type(exc).__name__}: {_one_line(exc)} (run with --debug for details)", err=True
        )
        code = EXIT_INTERNAL
    sys.exit(code if isinstance(code, int) else 0)
