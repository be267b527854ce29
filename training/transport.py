"""Pack an encoder small enough to travel to a lent GPU machine, and unpack it there.

A call to such a machine carries at most 64 MiB, the working tree included, and the machine
can fetch nothing itself. So an encoder travels in pieces, as few as possible:

- `float16`: every floating-point tensor in half precision (largest rounding about 5e-4 of
  a tensor's largest value). Used for the student's encoder, whose weights end up in the app.
- `int8`: each matrix as int8 with one float16 scale per group of 32 neighbouring values
  in a row, so a value's rounding is at most 1/254 of its group's largest magnitude (a
  scale per whole row let a few large values blur the rest); vectors in float16. A group
  whose largest magnitude is under about 3e-4 rounds more coarsely, its scale being a
  subnormal float16; all-mpnet-base-v2 has one such group in 3.4 million.

Integer tensors (position ids) travel unchanged. Half the size of float16; used
  for a teacher, whose weights never ship and which is fine-tuned after unpacking anyway.

    python -m training.transport pack var/encoders/all-mpnet-base-v2 .gpu/mpnet --precision int8
    python -m training.transport unpack .gpu/mpnet var/encoders/all-mpnet-base-v2

`pack` copies the folder's small files (config, tokenizer) beside `weights.safetensors`;
`unpack` writes a float32 `model.safetensors` that `training.train` loads like any encoder.
Needs only numpy and safetensors, which the GPU machine has.
"""

import argparse
import shutil
from pathlib import Path

import numpy as np

PACKED_WEIGHTS = "weights.safetensors"
SCALE_SUFFIX = ".group_scale"
GROUP = 32
SMALL_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def pack_tensors(tensors: dict[str, np.ndarray], precision: str) -> dict[str, np.ndarray]:
    packed: dict[str, np.ndarray] = {}
    for name, tensor in tensors.items():
        if not np.issubdtype(tensor.dtype, np.floating):
            packed[name] = tensor  # position ids and the like travel as they are
            continue
        values = tensor.astype(np.float32)
        if precision == "int8" and values.ndim == 2 and values.shape[1] % GROUP == 0:
            groups = values.reshape(values.shape[0], -1, GROUP)
            # Rounded to float16 before the zero guard: a tiny scale would otherwise become 0 there.
            scale = (np.abs(groups).max(axis=2, keepdims=True) / 127.0).astype(np.float16)
            scale = np.where(scale == 0, np.float16(1.0), scale)
            quantised = np.clip(np.rint(groups / scale.astype(np.float32)), -127, 127).astype(np.int8)
            packed[name] = quantised.reshape(values.shape)
            packed[name + SCALE_SUFFIX] = scale[:, :, 0]
        else:
            packed[name] = values.astype(np.float16)
    return packed


def unpack_tensors(packed: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    tensors: dict[str, np.ndarray] = {}
    for name, tensor in packed.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = packed.get(name + SCALE_SUFFIX)
        if scale is None and not np.issubdtype(tensor.dtype, np.floating):
            tensors[name] = tensor  # not packed: position ids and the like
            continue
        values = tensor.astype(np.float32)
        if scale is not None:
            values = (values.reshape(values.shape[0], -1, GROUP) * scale.astype(np.float32)[:, :, None]).reshape(
                values.shape
            )
        tensors[name] = values
    return tensors


def pack(source: Path, out: Path, precision: str) -> None:
    # Imported here: the app's virtualenv, which tests the conversions above, has no safetensors.
    from safetensors.numpy import load_file, save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file(pack_tensors(load_file(str(source / "model.safetensors")), precision), str(out / PACKED_WEIGHTS))
    for name in SMALL_FILES:
        if (source / name).exists():
            shutil.copy(source / name, out / name)


def unpack(packed_dir: Path, out: Path) -> None:
    from safetensors.numpy import load_file, save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file(unpack_tensors(load_file(str(packed_dir / PACKED_WEIGHTS))), str(out / "model.safetensors"))
    for name in SMALL_FILES:
        if (packed_dir / name).exists():
            shutil.copy(packed_dir / name, out / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    packing = commands.add_parser("pack", help="an encoder folder into a smaller folder to carry")
    packing.add_argument("source", type=Path)
    packing.add_argument("out", type=Path)
    packing.add_argument("--precision", choices=["float16", "int8"], required=True)
    unpacking = commands.add_parser("unpack", help="a packed folder into an encoder folder")
    unpacking.add_argument("packed", type=Path)
    unpacking.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "pack":
        pack(args.source, args.out, args.precision)
    else:
        unpack(args.packed, args.out)


if __name__ == "__main__":
    main()
