"""Score several versions of the coder on the same gold set, each from its own commit.

How the README's "every coder on the same texts" tables are made: for each commit, a git
worktree is checked out in a temporary folder and that version's own ``loaders`` package scores
the gold set (the gold is read from this checkout, so a batch committed after an old coder is
scored by it all the same). Nothing is installed; the current virtual environment runs every
version.

Usage (from the project root)::

    python tools/score_coders.py corpus/blind12 eb46086 298562f HEAD

prints one line per commit: the coder version it reports, precision, recall, F1, tp, fp, fn.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SCORE = """
import json, sys
from pathlib import Path
from loaders.coder import CODER_VERSION
from loaders.evaluate import evaluate
r = evaluate([Path(sys.argv[1])])
print(json.dumps({"version": CODER_VERSION, "p": r.precision, "r": r.recall, "f1": r.f1,
                  "tp": r.tp, "fp": r.fp, "fn": r.fn, "files": r.files}))
"""


def score(commit: str, gold: Path) -> dict:
    """The scores of the coder at ``commit`` on the gold folder ``gold``."""
    with tempfile.TemporaryDirectory(prefix="aigov-coder-") as tmp:
        wt = Path(tmp) / "wt"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(wt), commit], check=True)
        try:
            out = subprocess.run(
                [sys.executable, "-c", _SCORE, str(gold)], cwd=wt, check=True, capture_output=True, text=True
            ).stdout
            return json.loads(out.strip().splitlines()[-1])
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], check=False)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().split("\n\n")[-2], file=sys.stderr)
        return 2
    gold = Path(argv[0]).resolve()
    if not gold.is_dir():
        print(f"{argv[0]}: not a folder of gold files", file=sys.stderr)
        return 2
    for commit in argv[1:]:
        s = score(commit, gold)
        print(
            f"{commit:>10}  coder {s['version']:<8} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  "
            f"tp {s['tp']}  fp {s['fp']}  fn {s['fn']}  ({s['files']} files)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
