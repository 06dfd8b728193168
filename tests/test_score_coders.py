"""tools/score_coders.py: an older coder scored from its own commit, as the README's tables are."""

import subprocess
import sys
from pathlib import Path

import pytest

from loaders.evaluate import evaluate
from tests.corpus_paths import corpus_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = corpus_dir()


def _git_ok() -> bool:
    try:
        subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True)
        return True
    except (OSError, subprocess.CalledProcessError):
        return False


@pytest.mark.skipif(CORPUS is None or not _git_ok(), reason="needs the corpus and a git checkout")
def test_the_committed_coder_scores_what_the_working_coder_scores_on_dev():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import score_coders
    finally:
        sys.path.remove(str(ROOT / "tools"))
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "loaders"], capture_output=True, text=True
    ).stdout.strip()
    if dirty:
        pytest.skip("loaders/ has uncommitted changes: HEAD is not the working coder")
    got = score_coders.score("HEAD", CORPUS / "dev")
    here = evaluate([CORPUS / "dev"])
    assert (got["tp"], got["fp"], got["fn"], got["files"]) == (here.tp, here.fp, here.fn, here.files)
    assert abs(got["f1"] - here.f1) < 1e-9
