"""Write JSON Schema files for editors, generated from the data model.

    python -m scripts schema

Editors with YAML support (e.g. VS Code's YAML extension, see .vscode/settings.json) then
complete and check fields while a maintainer types. A test keeps the files in step with
scripts/data/model.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts.data.kinds import MODELS

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def schemas() -> dict[str, str]:
    """File name → JSON text for every record kind."""
    out = {}
    for kind, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"Vækstaftaler: data/{kind}/<id>.yml"
        out[f"{kind}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m scripts schema", description=__doc__.splitlines()[0]).parse_args(argv)
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
    print(f"{len(MODELS)} schema files written to {SCHEMA_DIR}")
    return 0
