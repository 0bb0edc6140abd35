"""``mtcheck models list|pull|path|verify`` and ``mtcheck translate``.

The model options are declared once here and shared with ``mtcheck check``. Like cli.py this
module stays light: everything heavy is imported inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcheck.config import ModelSettings
from mtcheck.errors import ConfigError, ModelError

ModelOpt = Annotated[
    Optional[str],
    typer.Option(
        "--model",
        "-m",
        help="Model folder or hub id, instead of looking one up by language pair. Example: --model models/en-ar",
    ),
]
BackendOpt = Annotated[
    str,
    typer.Option("--backend", help="Translation backend: torch, or ctranslate2 (faster; pip install 'mtcheck[fast]')."),
]
BeamOpt = Annotated[int, typer.Option("--beam", min=1, max=32, help="Beam size (1 = greedy).")]
ThreadsOpt = Annotated[
    Optional[int], typer.Option("--threads", min=1, help="CPU threads for translation (default: all cores).")
]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", help="Translation cache folder (default: the user cache dir, or $MTCHECK_CACHE_DIR)."),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither read nor write the caches: translations, and (mtcheck check) the per-file results "
        "that let a re-run skip unchanged files.",
    ),
]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option(
        "--workers",
        min=1,
        help="Run on a local Dask cluster of N worker processes, one thread each (pip install 'mtcheck[dask]'). "
        "Also `workers` in mtcheck.toml. Example: --workers 4",
        show_default=False,
    ),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler",
        help="Run on the Dask cluster whose scheduler is at this address (pip install 'mtcheck[dask]'). "
        "Also `scheduler` in mtcheck.toml. Example: --scheduler tcp://head:8786",
        show_default=False,
    ),
]
AllowDownloadOpt = Annotated[
    bool, typer.Option("--allow-download", help="Fetch a missing model from the Hugging Face hub (10 s timeout).")
]
AllowPickleOpt = Annotated[
    bool,
    typer.Option("--allow-pickle", help="Accept models whose only weights are pickles (pytorch_model.bin)."),
]


def model_settings(
    *,
    model: str | None = None,
    backend: str = "torch",
    beam: int = 4,
    threads: int | None = None,
    cache_dir: Path | None = None,
    no_cache: bool = False,
    allow_download: bool = False,
    allow_pickle: bool = False,
    enabled: bool = True,
    required: bool = False,
) -> ModelSettings:
    if backend not in ("torch", "ctranslate2"):
        raise ConfigError(f"--backend {backend!r}: choose torch or ctranslate2")
    return ModelSettings(
        model=model,
        backend=backend,
        beam=beam,
        threads=threads,
        cache_dir=str(cache_dir) if cache_dir else None,
        use_cache=not no_cache,
        allow_download=allow_download,
        allow_pickle=allow_pickle,
        enabled=enabled,
        required=required,
    )


models_app = typer.Typer(
    help="List, fetch, locate and verify translation models (Helsinki-NLP opus-mt).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _pair(value: str) -> tuple[str, str]:
    from mtcheck.read.languages import normalize_language

    src, sep, tgt = value.strip().partition("-")
    if not sep or not src or not tgt:
        raise ConfigError(f"{value!r} is not a language pair; write it as SRC-TGT, e.g. ar-en")
    # a typo ("ar-zz") is a usage error (exit 2), not a model that is missing (exit 3)
    return normalize_language(src).lower(), normalize_language(tgt).lower()


@models_app.command("list")
def list_models(allow_pickle: AllowPickleOpt = False) -> None:
    """List the registry's language pairs and where each model is found (or that it is missing)."""
    from mtcheck.translators.models import ModelMissingError, load_registry, registry_path, resolve_route

    settings = ModelSettings(allow_pickle=allow_pickle)
    entries = load_registry(registry_path(settings))
    for pair, entry in sorted(entries.items()):
        how = f"via {' → '.join(entry.pivot)}" if entry.pivot else f"{entry.hub_id}@{entry.revision}"
        if entry.target_token:
            how += f" {entry.target_token}"
        try:
            steps = resolve_route(entry.src, entry.tgt, settings)
            where = ", ".join(f"{s.origin}: {s.path}" for s in steps)
        except ModelMissingError:
            where = f"missing (mtcheck models pull {pair})"
        except ModelError as exc:
            where = f"unusable ({exc})"
        typer.echo(f"{pair:8} {how}\n         {where}")


@models_app.command("path")
def model_path(
    pair: Annotated[str, typer.Argument(help="Language pair SRC-TGT. Example: ar-en", show_default=False)],
    allow_pickle: AllowPickleOpt = False,
) -> None:
    """Print the folder(s) of the model(s) used for PAIR; exit 3 when missing."""
    from mtcheck.translators.models import resolve_route

    src, tgt = _pair(pair)
    for step in resolve_route(src, tgt, ModelSettings(allow_pickle=allow_pickle)):
        typer.echo(step.path)


@models_app.command("pull")
def pull(
    pair: Annotated[str, typer.Argument(help="Language pair SRC-TGT. Example: ar-en", show_default=False)],
    to: Annotated[
        Optional[Path],
        typer.Option("--to", help="Put the model in DIR/SRC-TGT/ instead of the Hugging Face cache."),
    ] = None,
    allow_pickle: AllowPickleOpt = False,
) -> None:
    """Download the model(s) for PAIR (both legs of a pivot), safetensors only by default.

    Prints each file's sha256, ready to pin in a registry.toml in the models directory.
    """
    from itertools import pairwise

    from mtcheck.translators.models import download, load_registry, registry_entry, registry_path, write_manifest

    src, tgt = _pair(pair)
    settings = ModelSettings(allow_pickle=allow_pickle)
    entry = registry_entry(src, tgt, settings)
    langs = (src, *entry.pivot, tgt)
    load_registry(registry_path(settings))
    for a, b in pairwise(langs):
        leg = registry_entry(a, b, settings)
        hub_id = leg.hub_id or f"Helsinki-NLP/opus-mt-{a}-{b}"
        typer.echo(f"fetching {hub_id}@{leg.revision} …", err=True)
        folder = download(hub_id, leg.revision, allow_pickle=allow_pickle, local_dir=to / leg.pair if to else None)
        files = write_manifest(folder, hub_id, leg.revision) if to else _hashes(folder)
        typer.echo(f"{leg.pair}: {folder}")
        for name, digest in files.items():
            typer.echo(f"  {name} sha256 {digest}")


def _hashes(folder: Path) -> dict[str, str]:
    from mtcheck.translators.models import _tracked, sha256_file

    return {p.name: sha256_file(p) for p in _tracked(folder)}


@models_app.command("verify")
def verify(
    pair: Annotated[str, typer.Argument(help="Language pair SRC-TGT. Example: ar-en", show_default=False)],
    model: ModelOpt = None,
    allow_pickle: AllowPickleOpt = False,
) -> None:
    """Check the sha256 of every model file for PAIR (registry pins, pull manifest, or HF blob names)."""
    from mtcheck.translators.models import registry_entry, resolve_route, verify

    src, tgt = _pair(pair)
    settings = ModelSettings(model=model, allow_pickle=allow_pickle)
    bad = 0
    for step in resolve_route(src, tgt, settings):
        typer.echo(f"{step.src}-{step.tgt}: {step.path}")
        for result in verify(step, registry_entry(step.src, step.tgt, settings)):
            bad += result.status == "mismatch"
            typer.echo(f"  {result.status:9} {result.name} ({result.detail})")
    if bad:
        raise ModelError(f"{bad} model file(s) do not match their expected sha256")


def translate(
    file: Annotated[
        Path, typer.Argument(help="Text file to translate, one segment per line ('-' for stdin).", show_default=False)
    ],
    source: Annotated[str, typer.Option("--from", help="Language of FILE (BCP-47). Example: --from ar")],
    target: Annotated[str, typer.Option("--to", help="Language to translate into. Example: --to en")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    model: ModelOpt = None,
    backend: BackendOpt = "torch",
    beam: BeamOpt = 4,
    threads: ThreadsOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    allow_download: AllowDownloadOpt = False,
    allow_pickle: AllowPickleOpt = False,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
) -> None:
    """Translate FILE line by line: one output line per input line, empty lines kept.

    \b
    Examples:
      mtcheck translate article.ar.txt --from ar --to en
      mtcheck translate copy.txt --from en --to ar --backend ctranslate2 -o back.ar.txt
      mtcheck translate archive.txt --from uk --to en --workers 4
    """
    from mtcheck.read.files import check_writable, refuse_overwriting_inputs, write_atomic
    from mtcheck.read.languages import normalize_language
    from mtcheck.read.textio import decode, read_text
    from mtcheck.translators.backtranslate import make_translator

    settings = model_settings(
        model=model,
        backend=backend,
        beam=beam,
        threads=threads,
        cache_dir=cache_dir,
        no_cache=no_cache,
        allow_download=allow_download,
        allow_pickle=allow_pickle,
    )
    src, tgt = normalize_language(source), normalize_language(target)
    if output is not None:
        if str(file) != "-":
            refuse_overwriting_inputs([output], [file])
        check_writable(output)  # before the model loads, not after the translation
    # stdin is decoded strictly, like a file, before the model loads
    text = decode(sys.stdin.buffer.read(), "<stdin>") if str(file) == "-" else read_text(file)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start an empty one
    if workers is not None or scheduler is not None:
        _translate_on_cluster(lines, src, tgt, settings, output, workers, scheduler)
        return
    translator = make_translator(settings)
    outputs = translator.translate(lines, src, tgt)
    result = "".join(line.replace("\n", " ") + "\n" for line in outputs)  # keep one line per line
    if output is None:
        sys.stdout.write(result)
    else:
        write_atomic(output, result)
    note = getattr(translator, "note", None)
    if note:
        typer.echo(f"mtcheck: note: {note}", err=True)
    stats = getattr(translator, "stats", None)
    if stats:
        typer.echo(f"mtcheck: cache {stats['cache_hits']} hits, {stats['cache_misses']} misses", err=True)


def _translate_on_cluster(
    lines: list[str], src: str, tgt: str, settings: ModelSettings, output: Path | None, workers: int | None,
    scheduler: str | None,
) -> None:  # fmt: skip
    """``mtcheck translate --workers/--scheduler``: chunks of lines as Dask tasks, output in input order."""
    from mtcheck.execute.dask import DaskExecutor, open_client
    from mtcheck.read.files import write_atomic

    if workers is not None and scheduler is not None:
        raise typer.BadParameter("give --workers (a local cluster) or --scheduler (a running one), not both")
    with open_client(workers=workers, scheduler=scheduler) as client:
        outputs, stats = DaskExecutor(client).translate(lines, src, tgt, settings)
    result = "".join(line.replace("\n", " ") + "\n" for line in outputs)
    if output is None:
        sys.stdout.write(result)
    else:
        write_atomic(output, result)
    if stats:
        typer.echo(f"mtcheck: cache {stats['cache_hits']} hits, {stats['cache_misses']} misses", err=True)
