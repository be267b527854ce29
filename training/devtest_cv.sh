#!/usr/bin/env bash
# The committed distillation recipe with CT24 dev-test in the training set, threshold by
# cross-validation (docs/claim-quality.md):
#
#   PYTHON=python3 DEVICE=cuda DATA_ROOT=path/to/data bash training/devtest_cv.sh
#   .venv-train/bin/python -m training.crossval var/devtest-cv/out_of_fold.jsonl
#   .venv-train/bin/python -m training.train ensemble --threshold T --out DIR var/devtest-cv/all/student
#
# Six pipelines run side by side: one per fold of dev-test's stratified 5-fold split, trained on
# the other four folds and scoring the one left out, and one trained on all of dev-test (the model
# to ship). Each is the committed recipe: an all-mpnet-base-v2 teacher (top 4 of 12 layers), its
# scores for the training sentences and the unlabelled debate sentences, then the MiniLM student.
# With dev-test trained on, nothing is left to choose epochs on, so the teacher trains for one
# epoch and the student for two: the epochs dev-test chose for the committed teacher and student.
# On a GPU the steps are short enough that kernel launches, not arithmetic, set their pace, which
# is why the pipelines share the GPU rather than queue for it.
set -euo pipefail

python=${PYTHON:-.venv-train/bin/python}
device=${DEVICE:-cpu}
data_root=${DATA_ROOT:-../shared/data}
root=${ROOT:-var/devtest-cv}
teacher_epochs=${TEACHER_EPOCHS:-1}
student_epochs=${STUDENT_EPOCHS:-2}
parts=${PARTS:-0 1 2 3 4 all}

train() { HF_HUB_OFFLINE=1 "$python" -m training.train --device "$device" --data-root "$data_root" "$@"; }

pipeline() {
    local part=$1
    local dir=$root/$part
    train member --encoder all-mpnet-base-v2 --frozen-layers 8 --lr 4e-5 --epochs "$teacher_epochs" \
        --seed 13 --dev-test "$part" --out "$dir/teacher"
    train transfer --teacher "$dir/teacher" --texts ct24 --dev-test "$part" --out "$dir/ct24.jsonl"
    train transfer --teacher "$dir/teacher" --texts debates --out "$dir/debates.jsonl"
    train member --train-set ct24 --seed 13 --epochs "$student_epochs" --dev-test "$part" \
        --teacher "$dir/ct24.jsonl" --transfer "$dir/debates.jsonl" --out "$dir/student"
}

mkdir -p "$root"
pids=()
for part in $parts; do
    OMP_NUM_THREADS=2 pipeline "$part" > "$root/$part.log" 2>&1 &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
done
if (( failed )); then
    echo "a pipeline failed: see $root/*.log" >&2
    exit 1
fi
cat "$root"/[0-9]/student/out_of_fold.jsonl > "$root/out_of_fold.jsonl" 2>/dev/null || true
