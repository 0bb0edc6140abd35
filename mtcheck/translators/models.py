"""Finding translation models on disk: the registry, the lookup order, safety and integrity.

Lookup order for a language pair (each hop of a pivot route on its own):

1. an explicit ``--model PATH_OR_HUB_ID``;
2. the models directory (``--models-dir``, ``$MTCHECK_MODELS`` or the project's ``models/``)
   holding a ``<src>-<tgt>/`` folder;
3. the Hugging Face cache (``$HF_HUB_CACHE``, ``$HF_HOME/hub`` …) by hub id, e.g.
   ``Helsinki-NLP/opus-mt-ar-en``;
4. a download from the hub, only with ``--allow-download`` (or ``mtcheck models pull``).

Nothing here imports torch or touches the network unless step 4 is allowed: a missing model
is found missing in milliseconds, with one line naming the pair and the command that fetches
it. (Handing a hub id to ``from_pretrained`` instead costs ~166 s of retries offline, or a
``TypeError`` under ``HF_HUB_OFFLINE=1``; every load therefore goes through a local path.)
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path

from mtcheck.config import ModelSettings
from mtcheck.errors import ConfigError, MissingDependencyError, ModelError
from mtcheck.read.languages import base_language

PROJECT_MODELS = Path(__file__).resolve().parents[2] / "models"
DEFAULT_HUB_ID = "Helsinki-NLP/opus-mt-{src}-{tgt}"
# Files a Marian checkpoint needs; anything else in a hub repo (TF/Flax weights, READMEs) is not fetched.
SAFE_PATTERNS = ("*.json", "*.spm", "*.safetensors", "*.txt")
PICKLE_PATTERNS = ("pytorch_model.bin",)
DOWNLOAD_TIMEOUT_S = 10.0
MANIFEST = "mtcheck-manifest.json"


class ModelMissingError(ModelError):
    """No model for a pair anywhere mtcheck may look."""

    def __init__(self, src: str, tgt: str, looked: str) -> None:
        pair = f"{src}-{tgt}"
        super().__init__(
            f"no {src}→{tgt} translation model found ({looked}); "
            f"fetch it with `mtcheck models pull {pair}` on a machine with internet, or pass --model PATH"
        )
        self.pair = pair


@dataclass(frozen=True)
class RegistryEntry:
    """One entry of the model registry (mtcheck/data/registry.toml): how to get a model for ``src → tgt``."""

    src: str
    tgt: str
    hub_id: str | None = None
    revision: str = "main"
    target_token: str | None = None
    pivot: tuple[str, ...] = ()
    sha256: Mapping[str, str] = field(default_factory=dict)
    licence: str = ""

    @property
    def pair(self) -> str:
        return f"{self.src}-{self.tgt}"


@dataclass(frozen=True)
class ModelStep:
    """One model on disk that translates ``src → tgt`` (a route has one, or two with a pivot)."""

    src: str
    tgt: str
    path: Path
    model_id: str
    revision: str
    origin: str
    target_token: str | None = None

    def signature(self) -> str:
        token = f" {self.target_token}" if self.target_token else ""
        return f"{self.model_id}@{self.revision}{token}"


def max_positions(path: Path, default: int = 512) -> int:
    """The model's ``max_position_embeddings`` (config.json): how long an input or output may be."""
    try:
        data = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return default  # loading the model reports a broken config, naming the path
    value = data.get("max_position_embeddings") if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 1 else default


def models_dir(settings: ModelSettings) -> Path:
    return Path(settings.models_dir or os.environ.get("MTCHECK_MODELS") or PROJECT_MODELS)


def bundled_registry() -> Traversable:
    """The registry shipped inside the package (read through importlib.resources, so it works from a wheel)."""
    return resources.files("mtcheck").joinpath("data", "registry.toml")


def registry_path(settings: ModelSettings) -> Path | Traversable:
    """A registry.toml in the models directory wins over the one shipped with mtcheck."""
    local = models_dir(settings) / "registry.toml"
    return local if local.is_file() else bundled_registry()


def load_registry(path: Path | Traversable) -> dict[str, RegistryEntry]:
    if not isinstance(path, Path):  # inside a zip or similar: no mtime to key a cache on
        return dict(_parse_registry(path))
    try:
        stat = path.stat()
    except OSError:
        return {}
    return dict(_load_registry(path, stat.st_mtime_ns, stat.st_size))


@cache
def _load_registry(path: Path, _mtime_ns: int, _size: int) -> tuple[tuple[str, RegistryEntry], ...]:
    return _parse_registry(path)


def _parse_registry(path: Path | Traversable) -> tuple[tuple[str, RegistryEntry], ...]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the model registry ({exc})") from None
    entries = []
    for pair, raw in data.get("pairs", {}).items():
        src, sep, tgt = pair.partition("-")
        if not sep or not isinstance(raw, dict) or not isinstance(raw.get("hub_id", ""), str):
            raise ConfigError(f"{path}: bad registry entry {pair!r} (expected [pairs.<src>-<tgt>])")
        entries.append(
            (
                pair,
                RegistryEntry(
                    src=src,
                    tgt=tgt,
                    hub_id=raw.get("hub_id"),
                    revision=str(raw.get("revision", "main")),
                    target_token=raw.get("target_token"),
                    pivot=tuple(raw.get("pivot", ())),
                    sha256=dict(raw.get("sha256", {})),
                    licence=str(raw.get("licence", "")),
                ),
            )
        )
    return tuple(entries)


def registry_entry(src: str, tgt: str, settings: ModelSettings) -> RegistryEntry:
    """The registry's entry for the pair, or the opus-mt default naming when it has none."""
    src, tgt = base_language(src), base_language(tgt)
    entry = load_registry(registry_path(settings)).get(f"{src}-{tgt}")
    return entry or RegistryEntry(src=src, tgt=tgt, hub_id=DEFAULT_HUB_ID.format(src=src, tgt=tgt))


def hf_hub_cache() -> Path:
    """The Hugging Face hub cache, read from the environment at call time (not import time).

    The same precedence as ``huggingface_hub.constants``: ``HF_HUB_CACHE``, the older
    ``HUGGINGFACE_HUB_CACHE``, ``$HF_HOME/hub``, ``$XDG_CACHE_HOME/huggingface/hub``.
    """
    for name in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(name):
            return Path(os.environ[name]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "huggingface" / "hub"


def hf_cached_snapshot(hub_id: str, revision: str) -> Path | None:
    """The cached snapshot folder of ``hub_id`` at ``revision`` (a branch, tag or commit), if any.

    Read by path from the cache layout huggingface_hub writes
    (``models--ORG--NAME/refs/REV`` holding a commit, ``snapshots/COMMIT/``) instead of through
    ``huggingface_hub.try_to_load_from_cache``: importing the hub client and httpx costs more
    than the rest of a model-free check, only to find that no model is there. The hub client
    is imported by :func:`download` alone, which honours ``HF_HUB_OFFLINE`` itself.
    """
    repo = hf_hub_cache() / ("models--" + hub_id.replace("/", "--"))
    try:
        commit = (repo / "refs" / revision).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        commit = revision  # not a branch or tag name: maybe a commit hash itself
    if not commit or "/" in commit or commit in (".", ".."):
        return None
    snapshot = repo / "snapshots" / commit
    return snapshot if (snapshot / "config.json").is_file() else None


def resolve_route(src: str, tgt: str, settings: ModelSettings) -> tuple[ModelStep, ...]:
    """The model(s) that translate ``src → tgt``: one, or two through a registry pivot."""
    src, tgt = base_language(src), base_language(tgt)
    if settings.model:
        return (_explicit(settings.model, src, tgt, settings),)
    entry = registry_entry(src, tgt, settings)
    if not entry.pivot:
        return (locate(entry, settings),)
    langs = (src, *entry.pivot, tgt)
    steps = []
    for a, b in pairwise(langs):
        try:
            steps.append(locate(registry_entry(a, b, settings), settings))
        except ModelMissingError as exc:
            raise ModelMissingError(
                src, tgt, f"{src}→{tgt} goes through {'→'.join(langs)}; {exc.pair} missing"
            ) from None
    return tuple(steps)


def locate(entry: RegistryEntry, settings: ModelSettings) -> ModelStep:
    """Models directory → HF cache → download (when allowed)."""
    folder = models_dir(settings) / entry.pair
    if (folder / "config.json").is_file():
        return _step(entry, folder, str(folder), "models-dir", settings)
    hub_id = entry.hub_id or DEFAULT_HUB_ID.format(src=entry.src, tgt=entry.tgt)
    snapshot = hf_cached_snapshot(hub_id, entry.revision)
    if snapshot is not None:
        return _step(entry, snapshot, hub_id, "hf-cache", settings)
    if settings.allow_download:
        snapshot = download(hub_id, entry.revision, allow_pickle=settings.allow_pickle)
        return _step(entry, snapshot, hub_id, "download", settings)
    looked = f"looked in {folder} and in the Hugging Face cache {hf_hub_cache()} for {hub_id}"
    raise ModelMissingError(entry.src, entry.tgt, looked)


def _explicit(model: str, src: str, tgt: str, settings: ModelSettings) -> ModelStep:
    entry = registry_entry(src, tgt, settings)
    path = Path(model).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"--model {model}: no config.json there; expected a Marian model folder")
        token = entry.target_token if path.name == entry.pair else None
        return _step(RegistryEntry(src=src, tgt=tgt, target_token=token), path, str(path), "explicit", settings)
    if model.count("/") != 1 or path.exists():
        raise ModelError(f"--model {model}: not a model folder nor a hub id like Helsinki-NLP/opus-mt-{src}-{tgt}")
    same = entry.hub_id == model
    pinned = RegistryEntry(
        src=src,
        tgt=tgt,
        hub_id=model,
        revision=entry.revision if same else "main",
        target_token=entry.target_token if same else None,
    )
    snapshot = hf_cached_snapshot(model, pinned.revision)
    if snapshot is None and settings.allow_download:
        snapshot = download(model, pinned.revision, allow_pickle=settings.allow_pickle)
    if snapshot is None:
        looked = f"{model} is not in the Hugging Face cache {hf_hub_cache()}"
        raise ModelError(f"{looked}; fetch it with `mtcheck models pull {src}-{tgt}` or pass --allow-download")
    return _step(pinned, snapshot, model, "hf-cache", settings)


def _step(entry: RegistryEntry, path: Path, model_id: str, origin: str, settings: ModelSettings) -> ModelStep:
    check_weights(path, settings.allow_pickle)
    revision = path.name if origin in ("hf-cache", "download") else "sha256:" + content_hash(path)[:16]
    return ModelStep(entry.src, entry.tgt, path, model_id, revision, origin, entry.target_token)


def weight_files(path: Path) -> tuple[list[Path], list[Path]]:
    """(safetensors files, pickle files) in a model folder."""
    safe = sorted(path.glob("*.safetensors"))
    pickled = sorted(p for p in path.glob("*.bin") if p.name.startswith("pytorch_model"))
    return safe, pickled


def check_weights(path: Path, allow_pickle: bool) -> None:
    """Refuse folders whose only weights are pickles, which can run code when loaded."""
    safe, pickled = weight_files(path)
    if safe:
        return
    if not pickled:
        raise ModelError(f"{path}: no model weights (model.safetensors) found")
    if not allow_pickle:
        raise ModelError(
            f"{path}: only pickle weights ({pickled[0].name}); pickle files can run code when loaded. "
            "Pass --allow-pickle if you trust this model, or use a safetensors copy"
        )


def _tracked(path: Path) -> Iterator[Path]:
    for p in sorted(path.iterdir()):
        if p.is_file() and p.name != MANIFEST and not p.name.startswith("."):
            yield p


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_hash(path: Path) -> str:
    """A hash over the folder's files, memoised by (size, mtime, inode, ctime) so a re-run does not re-read weights."""
    digest = hashlib.sha256()
    for p in _tracked(path):
        digest.update(f"{p.name}\0{_file_sha(p)}\n".encode())
    return digest.hexdigest()


def _file_sha(path: Path) -> str:
    stat = path.stat()
    # inode and ctime too: a file replaced in place with its size and mtime restored
    # (touch -r, cp -p, tar) gets a new inode or ctime, which no user can set back
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ino}|{stat.st_ctime_ns}"
    memo_path = _memo_file()
    memo = _read_memo(memo_path)
    if key not in memo:
        memo[key] = sha256_file(path)
        try:
            memo_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = memo_path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(memo), encoding="utf-8")
            tmp.replace(memo_path)
        except OSError:
            pass  # a read-only cache only costs re-hashing next time
    return memo[key]


def _memo_file() -> Path:
    from mtcheck.translators.cache import default_cache_dir

    return default_cache_dir(None) / "file-hashes.json"


def _read_memo(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def download(hub_id: str, revision: str, *, allow_pickle: bool, local_dir: Path | None = None) -> Path:
    """Fetch a model from the hub into the HF cache (or ``local_dir``): safe files only by default."""
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError
    except ImportError:
        raise MissingDependencyError("huggingface-hub", "marian") from None
    patterns = [*SAFE_PATTERNS, *(PICKLE_PATTERNS if allow_pickle else ())]
    try:
        folder = snapshot_download(
            hub_id,
            revision=revision,
            cache_dir=None if local_dir else hf_hub_cache(),
            local_dir=local_dir,
            allow_patterns=patterns,
            etag_timeout=DOWNLOAD_TIMEOUT_S,
        )
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot download {hub_id}@{revision}: {first}") from None
    path = Path(str(folder))
    safe, _ = weight_files(path)
    if not safe and not allow_pickle:
        raise ModelError(
            f"{hub_id}@{revision} has no safetensors weights; re-run with --allow-pickle to fetch "
            "pytorch_model.bin (loaded with torch's restricted weights-only unpickler)"
        )
    return path


@dataclass(frozen=True)
class FileCheck:
    name: str
    status: str  # "ok", "mismatch", "unpinned"
    detail: str = ""


def verify(step: ModelStep, entry: RegistryEntry) -> list[FileCheck]:
    """Check each file against the registry's sha256 pins, else the folder's manifest, else HF's blob names.

    In the HF cache a large file's blob is named by its sha256 and a small one by its git
    blob sha1, so a cached snapshot can be verified without any pin.
    """
    manifest = _read_manifest(step.path)
    results = []
    for p in _tracked(step.path):
        actual = sha256_file(p)
        expected = entry.sha256.get(p.name) or manifest.get(p.name)
        if expected:
            ok = expected.lower() == actual
            results.append(FileCheck(p.name, "ok" if ok else "mismatch", f"sha256 {actual}"))
            continue
        blob = p.resolve().name
        if len(blob) == 64 and all(c in "0123456789abcdef" for c in blob):
            results.append(FileCheck(p.name, "ok" if blob == actual else "mismatch", "sha256 = HF blob name"))
        elif len(blob) == 40 and all(c in "0123456789abcdef" for c in blob):
            data = p.read_bytes()
            git = hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
            results.append(FileCheck(p.name, "ok" if blob == git else "mismatch", "git sha1 = HF blob name"))
        else:
            results.append(FileCheck(p.name, "unpinned", f"sha256 {actual}"))
    return results


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("sha256", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in files.items()}


def write_manifest(path: Path, hub_id: str, revision: str) -> dict[str, str]:
    """Record the sha256 of every file of a pulled model next to it (``models verify`` reads it)."""
    files = {p.name: sha256_file(p) for p in _tracked(path)}
    data = {"hub_id": hub_id, "revision": revision, "sha256": files}
    (path / MANIFEST).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return files
