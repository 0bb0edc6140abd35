"""Model resolution order, the registry, pickle safety, verification and the missing-model path."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.config import ModelSettings
from mtcheck.errors import ConfigError, ModelError
from mtcheck.translators.marian import MarianTranslator
from mtcheck.translators.models import (
    ModelMissingError,
    bundled_registry,
    hf_cached_snapshot,
    load_registry,
    registry_entry,
    resolve_route,
    verify,
)
from tests.tiny_marian import tiny_marian_dir

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
REVISION = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_marian_dir(tmp_path_factory.getbasetemp())


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    dirs = {"cache": tmp_path / "cache", "models": tmp_path / "models", "hf": tmp_path / "hf"}
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(dirs["cache"]))
    monkeypatch.setenv("MTCHECK_MODELS", str(dirs["models"]))
    monkeypatch.setenv("HF_HOME", str(dirs["hf"]))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return dirs


def model_files(tiny: Path) -> list[Path]:
    return [p for p in sorted(tiny.iterdir()) if p.is_file()]


def populate_hf_cache(hf_home: Path, hub_id: str, tiny: Path) -> Path:
    """The layout huggingface_hub writes: blobs named by content hash, snapshot symlinks, refs/main."""
    repo = hf_home / "hub" / ("models--" + hub_id.replace("/", "--"))
    snapshot = repo / "snapshots" / REVISION
    (repo / "blobs").mkdir(parents=True)
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(REVISION)
    for f in model_files(tiny):
        data = f.read_bytes()
        if f.suffix == ".safetensors":
            blob = hashlib.sha256(data).hexdigest()
        else:
            blob = hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
        (repo / "blobs" / blob).write_bytes(data)
        (snapshot / f.name).symlink_to(Path("../../blobs") / blob)
    return snapshot


def copy_model(tiny: Path, dest: Path) -> Path:
    shutil.copytree(tiny, dest, ignore=shutil.ignore_patterns("ctranslate2-*"))
    return dest


def test_models_dir_folder_is_found_by_pair(tiny: Path, env: dict[str, Path]) -> None:
    copy_model(tiny, env["models"] / "de-fr")
    (step,) = resolve_route("de", "fr", ModelSettings())
    assert step.origin == "models-dir" and step.path == env["models"] / "de-fr"
    assert step.revision.startswith("sha256:")


def test_hub_id_loads_from_an_offline_hf_cache(tiny: Path, env: dict[str, Path]) -> None:
    snapshot = populate_hf_cache(env["hf"], "Helsinki-NLP/opus-mt-de-fr", tiny)
    (step,) = resolve_route("de", "fr", ModelSettings())
    assert (step.origin, step.path, step.revision) == ("hf-cache", snapshot, REVISION)
    assert step.model_id == "Helsinki-NLP/opus-mt-de-fr"
    by_id = MarianTranslator(ModelSettings(model="Helsinki-NLP/opus-mt-de-fr", beam=1, use_cache=False, threads=1))
    by_path = MarianTranslator(ModelSettings(model=str(tiny), beam=1, use_cache=False, threads=1))
    texts = ["War", "Ministers met in paris."]
    assert by_id.translate(texts, "de", "fr") == by_path.translate(texts, "de", "fr")
    assert REVISION in by_id.signature["model"]


@pytest.mark.parametrize("variable", ["HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME", "XDG_CACHE_HOME"])
def test_hf_cache_is_found_by_path_where_the_environment_puts_it(
    tiny: Path, env: dict[str, Path], monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """The cache layout read by path, without the hub client, wherever its variables point."""
    monkeypatch.delenv("HF_HOME")
    base = env["cache"] / "elsewhere"
    hub = {"HF_HOME": base / "hub", "XDG_CACHE_HOME": base / "huggingface" / "hub"}.get(variable, base / "hub")
    monkeypatch.setenv(variable, str(hub if variable.endswith("_CACHE") else base))
    snapshot = populate_hf_cache(hub.parent, "Helsinki-NLP/opus-mt-de-fr", tiny)
    assert hf_cached_snapshot("Helsinki-NLP/opus-mt-de-fr", "main") == snapshot
    assert hf_cached_snapshot("Helsinki-NLP/opus-mt-de-fr", REVISION) == snapshot  # a commit hash as revision
    assert hf_cached_snapshot("Helsinki-NLP/opus-mt-de-fr", "v2") is None  # no such branch or tag
    assert hf_cached_snapshot("Helsinki-NLP/opus-mt-fr-de", "main") is None
    (step,) = resolve_route("de", "fr", ModelSettings())
    assert (step.origin, step.path, step.revision) == ("hf-cache", snapshot, REVISION)


def test_hf_cache_lookup_imports_no_hub_client(tiny: Path, env: dict[str, Path]) -> None:
    snapshot = populate_hf_cache(env["hf"], "Helsinki-NLP/opus-mt-de-fr", tiny)
    probe = (
        "import sys; from mtcheck.config import ModelSettings; from mtcheck.translators.models import resolve_route; "
        "print(resolve_route('de', 'fr', ModelSettings())[0].path); "
        "print(sorted(m for m in ('huggingface_hub', 'httpx', 'httpx2', 'torch', 'transformers') if m in sys.modules))"
    )
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], env=environ, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [str(snapshot), "[]"], done.stderr


def test_lookup_order_explicit_then_models_dir_then_hf_cache(tiny: Path, env: dict[str, Path]) -> None:
    populate_hf_cache(env["hf"], "Helsinki-NLP/opus-mt-de-fr", tiny)
    assert resolve_route("de", "fr", ModelSettings())[0].origin == "hf-cache"
    copy_model(tiny, env["models"] / "de-fr")
    assert resolve_route("de", "fr", ModelSettings())[0].origin == "models-dir"
    elsewhere = copy_model(tiny, env["cache"] / "mine")
    (step,) = resolve_route("de", "fr", ModelSettings(model=str(elsewhere)))
    assert (step.origin, step.path) == ("explicit", elsewhere)


def test_content_hash_revision_follows_the_weights(tiny: Path, env: dict[str, Path]) -> None:
    folder = copy_model(tiny, env["models"] / "de-fr")
    before = resolve_route("de", "fr", ModelSettings())[0].revision
    config = folder / "config.json"
    config.write_text(config.read_text().replace('"d_model": 32', '"d_model": 32 '))
    assert resolve_route("de", "fr", ModelSettings())[0].revision != before


def test_registry_target_token_and_pivot(tiny: Path, env: dict[str, Path]) -> None:
    entries = load_registry(bundled_registry())
    assert entries["en-ar"].target_token == ">>ara<<"
    assert entries["uk-ar"].pivot == ("en",)
    copy_model(tiny, env["models"] / "uk-en")
    copy_model(tiny, env["models"] / "en-ar")
    steps = resolve_route("uk", "ar", ModelSettings())
    assert [(s.src, s.tgt, s.target_token) for s in steps] == [("uk", "en", None), ("en", "ar", ">>ara<<")]
    pivot = MarianTranslator(ModelSettings(beam=1, use_cache=False, threads=1))
    hop1 = pivot.translate(["War", "Ministers met."], "uk", "en")
    assert pivot.translate(["War", "Ministers met."], "uk", "ar") == pivot.translate(hop1, "en", "ar")
    assert ">>ara<<" in pivot.signature["model"]


def test_pivot_with_a_missing_leg_names_the_pair_and_the_pull_command(tiny: Path, env: dict[str, Path]) -> None:
    copy_model(tiny, env["models"] / "uk-en")
    with pytest.raises(ModelMissingError, match=r"en-ar missing.*mtcheck models pull uk-ar"):
        resolve_route("uk", "ar", ModelSettings())


def test_a_models_dir_registry_overrides_the_projects(env: dict[str, Path]) -> None:
    env["models"].mkdir()
    (env["models"] / "registry.toml").write_text('[pairs.ar-en]\nhub_id = "Org/mine"\nrevision = "v2"\n')
    entry = registry_entry("ar", "en", ModelSettings())
    assert (entry.hub_id, entry.revision) == ("Org/mine", "v2")
    (env["models"] / "registry.toml").write_text("[pairs.bad]\nhub_id = 1\n")
    with pytest.raises(ConfigError, match="bad registry entry"):
        registry_entry("de", "en", ModelSettings())


def test_missing_model_names_pair_and_command() -> None:
    with pytest.raises(ModelMissingError, match=r"no en→ar .*mtcheck models pull en-ar"):
        resolve_route("en", "ar", ModelSettings())


def test_unknown_explicit_model_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="not in the Hugging Face cache"):
        resolve_route("en", "ar", ModelSettings(model="Org/absent"))
    with pytest.raises(ModelError, match="not a model folder"):
        resolve_route("en", "ar", ModelSettings(model="no/such/folder"))


def test_pickle_only_model_in_models_dir_is_refused(tiny: Path, env: dict[str, Path]) -> None:
    folder = copy_model(tiny, env["models"] / "de-fr")
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")  # only the name matters here
    with pytest.raises(ModelError, match="pickle"):
        resolve_route("de", "fr", ModelSettings())
    assert resolve_route("de", "fr", ModelSettings(allow_pickle=True))[0].path == folder


def test_download_only_when_allowed_and_safe_files_only(
    tiny: Path, env: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub

    calls: list[dict[str, object]] = []

    def fake_snapshot_download(repo_id: str, **kw: object) -> str:
        calls.append({"repo_id": repo_id, **kw})
        return str(populate_hf_cache(env["hf"], repo_id, tiny))

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    with pytest.raises(ModelMissingError):
        resolve_route("de", "fr", ModelSettings())
    assert calls == []
    (step,) = resolve_route("de", "fr", ModelSettings(allow_download=True))
    assert step.origin == "download"
    (call,) = calls
    assert call["repo_id"] == "Helsinki-NLP/opus-mt-de-fr"
    assert not any(p.endswith(".bin") for p in call["allow_patterns"])  # type: ignore[attr-defined]
    assert call["etag_timeout"] == 10.0


def test_verify_checks_hf_blob_hashes_and_registry_pins(tiny: Path, env: dict[str, Path]) -> None:
    snapshot = populate_hf_cache(env["hf"], "Helsinki-NLP/opus-mt-de-fr", tiny)
    (step,) = resolve_route("de", "fr", ModelSettings())
    entry = registry_entry("de", "fr", ModelSettings())
    assert {r.status for r in verify(step, entry)} == {"ok"}
    weights = (snapshot / "model.safetensors").resolve()
    data = bytearray(weights.read_bytes())
    data[-1] ^= 0xFF
    weights.write_bytes(bytes(data))
    bad = [r.name for r in verify(step, entry) if r.status == "mismatch"]
    assert bad == ["model.safetensors"]
    env["models"].mkdir()
    good = hashlib.sha256((snapshot / "config.json").read_bytes()).hexdigest()
    pins = f'[pairs.de-fr]\nhub_id = "Helsinki-NLP/opus-mt-de-fr"\n[pairs.de-fr.sha256]\n"config.json" = "{good}"\n'
    (env["models"] / "registry.toml").write_text(pins)
    assert {r.name: r.status for r in verify(step, registry_entry("de", "fr", ModelSettings()))}["config.json"] == "ok"
    (env["models"] / "registry.toml").write_text(pins.replace(good, "0" * 64))
    pinned = {r.name: r.status for r in verify(step, registry_entry("de", "fr", ModelSettings()))}
    assert pinned["config.json"] == "mismatch"


def run_cli(*args: str, env: dict[str, Path]) -> subprocess.CompletedProcess[str]:
    environ = {
        **os.environ,
        "MTCHECK_CACHE_DIR": str(env["cache"]),
        "MTCHECK_MODELS": str(env["models"]),
        "HF_HOME": str(env["hf"]),
    }
    # No HF_HUB_OFFLINE here: mtcheck must not go to the network on its own. The timeout
    # turns the known 166-second hub retry into a failure instead of a slow pass.
    environ.pop("HF_HUB_OFFLINE", None)
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", *args], env=environ, capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_cli_missing_model_is_one_line_exit_3_no_traceback(env: dict[str, Path]) -> None:
    done = run_cli("check", str(SEED), "--source-lang", "ar", "--require-mt", env=env)
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "mtcheck models pull en-ar" in lines[0]


def test_cli_without_model_runs_model_free_checks_and_says_why(env: dict[str, Path]) -> None:
    done = run_cli("check", str(SEED), "--source-lang", "ar", "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    assert '"skipped' not in done.stderr
    import json

    report = json.loads(done.stdout)
    (note,) = [n for n in report["notes"] if "back-translation skipped" in n]
    assert "no en→ar translation model" in note and "mtcheck models pull en-ar" in note
    assert report["scores"]["segments"] == 23


def test_cli_models_path_and_verify(tiny: Path, env: dict[str, Path]) -> None:
    populate_hf_cache(env["hf"], "Helsinki-NLP/opus-mt-de-fr", tiny)
    done = run_cli("models", "path", "de-fr", env=env)
    assert done.returncode == 0 and done.stdout.strip().endswith(REVISION)
    assert run_cli("models", "verify", "de-fr", env=env).returncode == 0
    missing = run_cli("models", "path", "fr-de", env=env)
    assert missing.returncode == 3 and "mtcheck models pull fr-de" in missing.stderr
