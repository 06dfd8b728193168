"""Where the shared corpus is: ``corpus/`` in the repo, or ``shared/corpus`` beside the clone."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    for cand in (ROOT / "corpus", ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if (cand / "dev").is_dir() and (cand / "seed").is_dir():
            return cand
    return None
