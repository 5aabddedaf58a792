"""Executes notebooks top to bottom, headless, and reports what their key cells produced.

    .venv/bin/python notebooks/run_notebooks.py --out test-output/notebooks [notebook.ipynb ...]
    .venv/bin/python notebooks/run_notebooks.py --clear [notebook.ipynb ...]

With no notebook named, runs every notebooks/*.ipynb. --clear instead strips outputs,
execution counts and execution timings in place (keeping cell tags), as notebooks are
committed. Each executed copy is written to
--out (the notebooks in git keep no outputs), together with summary.json: per notebook, any
error, and for every cell tagged in its metadata (e.g. "who-rejected-what") the text it
printed, the rows of the first HTML table it showed and how many images it drew. The
integration test (tests/e2e/notebooks.e2e.test.ts) asserts on that summary.

Exit status: 0 when every cell of every notebook ran, 1 otherwise. The service URL comes from
NEGOTIATION_GRAPH_URL, as in the notebooks themselves.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

NOTEBOOK_DIR = Path(__file__).resolve().parent

# The kernel must be this environment's Python (the one with the pinned packages), not a
# "python3" kernel some other install registered for the user: JUPYTER_PATH is searched first.
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    [str(Path(sys.prefix) / "share" / "jupyter"), *filter(None, [os.environ.get("JUPYTER_PATH")])]
)
# Figures render through the inline backend (Agg underneath): no display needed, and each
# figure lands in the cell's outputs as a PNG that the summary can count.
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"

import nbformat  # noqa: E402  (after the environment above is set)
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError  # noqa: E402

CELL_TIMEOUT_SECONDS = 300


def table_rows(html: str) -> int | None:
    """Rows in the body of the first HTML table (pandas' DataFrame display), or None."""
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    return len(re.findall(r"<tr\b", body.group(1))) if body else None


def summarize_cell(cell: Any) -> dict[str, Any]:
    texts: list[str] = []
    htmls: list[str] = []
    images = 0
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            texts.append(output.get("text", ""))
        data = output.get("data", {})
        if "text/plain" in data:
            texts.append(data["text/plain"])
        if "text/html" in data:
            htmls.append(data["text/html"])
        if "image/png" in data:
            images += 1
    return {
        "text": "\n".join(texts),
        "html": "\n".join(htmls),
        "table_rows": table_rows(htmls[0]) if htmls else None,
        "images": images,
    }


def run(path: Path, out_dir: Path) -> dict[str, Any]:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        # Run where the notebook lives, as Jupyter does, so `import graphql_client` works.
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    error = None
    try:
        client.execute()
    except CellExecutionError as failure:
        error = str(failure)
    except Exception as failure:  # a kernel that died, a timeout: report it like a cell error
        error = f"{failure.__class__.__name__}: {failure}"
    seconds = round(time.monotonic() - started, 1)

    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, out_dir / path.name)

    tagged: dict[str, Any] = {}
    images = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        summary = summarize_cell(cell)
        images += summary["images"]
        for tag in cell.get("metadata", {}).get("tags", []):
            tagged[tag] = {"index": index, **summary}
    return {"notebook": path.name, "error": error, "seconds": seconds, "images": images, "cells": tagged}


def clear(path: Path) -> None:
    """Strips what a run leaves in a notebook: outputs, execution counts, timings."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    print(f"[notebooks] cleared {path.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebooks/*.ipynb")
    parser.add_argument("--out", type=Path, default=Path("test-output/notebooks"), help="where executed copies and summary.json go")
    parser.add_argument("--clear", action="store_true", help="clear the notebooks' outputs in place instead of running them")
    args = parser.parse_args()

    paths = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    if args.clear:
        for path in paths:
            clear(path)
        return 0
    results = []
    for path in paths:
        print(f"[notebooks] running {path.name} ...", flush=True)
        result = run(path, args.out)
        status = "FAILED" if result["error"] else "ok"
        print(f"[notebooks] {path.name}: {status} in {result['seconds']} s, {result['images']} figures", flush=True)
        if result["error"]:
            print(result["error"], file=sys.stderr)
        results.append(result)
    (args.out / "summary.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if any(r["error"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
