#!/usr/bin/env bash
# Builds of one corpus by an earlier release and by this checkout, side by side.
#
# Run: benchmarks/side_by_side.sh REV RAW [ROUNDS] [EXTRA]
#   REV     a commit of the earlier release (checked out into a temporary worktree)
#   RAW     the articles (e.g. made by `python benchmarks/synth_corpus.py 3000 /tmp/syn/raw`)
#   ROUNDS  rounds, each running the earlier release then this checkout (default 3)
#   EXTRA   the article added (default data/raw/dev-40.txt; the 10,000-article figures
#           of the README add synth_corpus.py's article of seed 10001)
#
# Each round: a clean build, `qpgraph export` of every format (for a release that has
# the command), a rebuild with nothing changed, one article added and a rebuild, then
# that article removed and a rebuild. Every command
# prints its wall and CPU seconds (user + system, of it and every process it started:
# /usr/bin/time) and its stage lines; then `du` of the build folder. Take the median of
# the rounds: this machine moves by a fifth between runs.
set -euo pipefail
rev=$1 raw=$2 rounds=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
extra=${4:-$here/data/raw/dev-40.txt}
python=${PYTHON:-$here/.venv/bin/python}
scratch=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$scratch/old" >/dev/null 2>&1 || true; rm -rf "$scratch"; rm -f "$raw/zz-extra.txt"' EXIT
git -C "$here" worktree add -q --detach "$scratch/old" "$rev"

run() {  # NAME SRC ARGS...
  local name=$1 src=$2
  shift 2
  /usr/bin/time -f "$name wall %e cpu %U+%S" env PYTHONPATH="$src" "$python" -c "from qpgraph.cli import run; run()" "$@" \
    2>&1 | grep -E "wall|^(extract|graph|site|exports and site): .*\([0-9.]+ s\)$" || true
}

for round in $(seq "$rounds"); do
  for who in old new; do
    if [ "$who" = old ]; then src=$scratch/old/src; else src=$here/src; fi
    out=$scratch/out-$who
    rm -rf "$out" "$raw/zz-extra.txt"
    run "$who r$round clean" "$src" build "$raw" --out "$out" --jobs 2 --progress
    grep -q '"export"' "$src/qpgraph/cli.py" && run "$who r$round export" "$src" export --build "$out"
    run "$who r$round no-op" "$src" build "$raw" --out "$out" --jobs 2 --progress
    cp "$extra" "$raw/zz-extra.txt"
    run "$who r$round +1" "$src" build "$raw" --out "$out" --jobs 2 --progress
    rm -f "$raw/zz-extra.txt"
    run "$who r$round -1" "$src" build "$raw" --out "$out" --jobs 2 --progress
    du -sm "$out" | sed "s/^/$who r$round du MB /"
  done
done
