#!/usr/bin/env bash
# The committed check-worthiness model's recipe, end to end: teachers, their scores, the student.
#
#   DEVICE=cuda bash training/distil.sh        # on a GPU machine: minutes
#   bash training/distil.sh                    # on CPU: hours (each teacher fine-tunes all 12 layers)
#
# Then, on any machine, `training.train ensemble --out apps/claims/model var/members/student`.
# Settings come from the environment so a smoke test can shrink them; the defaults are the recipe
# in docs/claim-quality.md. No teacher is started that would end after TEACHER_BUDGET_S seconds (at
# the pace of those before it), so a run on lent device time ends with fewer teachers rather than
# none; the scores files' .teachers.json records which.
set -euo pipefail

python=${PYTHON:-.venv-train/bin/python}
device=${DEVICE:-cpu}
data_root=${DATA_ROOT:-../shared/data}
members=${MEMBERS:-var/members}
scores=${SCORES:-var/teacher}
teacher_encoder=${TEACHER_ENCODER:-all-mpnet-base-v2}
teacher_seeds=${TEACHER_SEEDS:-13 14 15 16 17}
teacher_epochs=${TEACHER_EPOCHS:-3}
student_epochs=${STUDENT_EPOCHS:-3}
budget=${TEACHER_BUDGET_S:-0}

train() { HF_HUB_OFFLINE=1 "$python" -m training.train --device "$device" --data-root "$data_root" "$@"; }

started=$SECONDS
teachers=()
for seed in $teacher_seeds; do
    train member --encoder "$teacher_encoder" --frozen-layers 0 --lr 2e-5 --epochs "$teacher_epochs" \
        --seed "$seed" --out "$members/teacher-$seed"
    teachers+=(--teacher "$members/teacher-$seed")
    trained=$(( ${#teachers[@]} / 2 ))
    if (( budget > 0 && SECONDS - started + (SECONDS - started) / trained > budget )); then
        echo "teacher budget of ${budget}s: stopping after $trained teachers" >&2
        break
    fi
done

train transfer "${teachers[@]}" --texts ct24 --out "$scores/ct24.jsonl"
train transfer "${teachers[@]}" --texts debates --out "$scores/debates.jsonl"
train member --train-set ct24 --seed 13 --epochs "$student_epochs" \
    --teacher "$scores/ct24.jsonl" --transfer "$scores/debates.jsonl" --out "$members/student"
