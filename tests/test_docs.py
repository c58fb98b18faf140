"""The documentation stands alone: README and docs/ link only to files in
the repository, every such link resolves, and every key of the example
configuration is in the configuration reference."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_docs_link_only_inside_the_repository_and_every_link_resolves() -> None:
    broken = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text, doc.name
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "mailto:", "#")):
                continue
            path = (doc.parent / target.split("#", 1)[0]).resolve()
            if not path.is_relative_to(ROOT) or not path.exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


def _keys(node: object, prefix: str = "") -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(str(key))
            found |= _keys(value, f"{prefix}{key}.")
    elif isinstance(node, list):
        for item in node:
            found |= _keys(item, prefix)
    return found


def test_the_configuration_reference_names_every_key_of_the_example() -> None:
    example = yaml.safe_load((ROOT / "bot.example.yaml").read_text(encoding="utf-8"))
    reference = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(k for k in _keys(example) if not re.search(rf"\b{re.escape(k)}\b", reference))
    assert missing == []


def test_the_architecture_names_every_module_of_the_core() -> None:
    """docs/architecture.md's tree and bot/ agree, module by module."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = text[text.index("## The tree, module by module") :]
    tree = tree[: tree.index("\n## ", 1)]
    modules = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "bot").rglob("*.py")
        if path.name != "__init__.py"
    )
    unnamed = [m for m in modules if Path(m).name not in tree]
    assert unnamed == []
    named = set(re.findall(r"`([a-z_]+\.py)`", tree))
    existing = {Path(m).name for m in modules}
    assert named - existing == set()
    packages = sorted(p.name for p in (ROOT / "bot").iterdir() if (p / "__init__.py").exists())
    assert [p for p in packages if f"`bot/{p}/`" not in tree] == []
