"""Message templates, one YAML file per language."""

from __future__ import annotations

from importlib import resources

import yaml


def available_languages() -> list[str]:
    folder = resources.files(__name__)
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_messages(language: str) -> dict[str, str]:
    raw = resources.files(__name__).joinpath(f"{language}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(f"config/messages/{language}.yaml must map names to text")
    return data
