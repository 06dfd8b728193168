"""Where the shared corpus is: ``corpus/`` in the repo, or ``shared/corpus`` beside the clone."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    # (no absolute fallback: a path that exists on one machine only hides a missing corpus)
    for cand in (ROOT / "corpus", ROOT.parent / "shared" / "corpus"):
        if (cand / "dev").is_dir() and (cand / "seed").is_dir():
            return cand
    return None
