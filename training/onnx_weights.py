"""Read a trained member's float weights back out of the app's int8 ONNX file.

The exported model is all that is kept of a trained student: its fp32 weights stay under
`var/` on the machine that trained it. To train it further, its trainable layers and head are
dequantised from `model.onnx`, named as in `training.train.Scorer`'s state dict. The layers it
shares with the pretrained encoder (embeddings and the frozen bottom layers) are left out: the
pretrained encoder holds them exactly. Needs only numpy and onnx.
"""

import re
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

MEMBER_PREFIX = "members.0."
# Node names of the quantised matrix products, as torch.onnx.export names them from module paths.
LAYER_MATMUL = re.compile(r"^/layer\.(?P<layer>\d+)/(?P<path>.+)/MatMul_quant$")
HEAD_MATMUL = "/head/Gemm_MatMul_quant"
# A quantised weight is stored as three initializers; they are read together by `dequantised`.
QUANTISATION_SUFFIXES = ("_quantized", "_scale", "_zero_point")


def member_weights(model_path: Path) -> dict[str, np.ndarray]:
    """The trained part of a single-member model: float32 arrays keyed by Scorer state-dict name."""
    graph = onnx.load(str(model_path)).graph
    initializers = {tensor.name: tensor for tensor in graph.initializer}
    if any(name.startswith("members.1.") for name in initializers):
        raise ValueError("the model is an ensemble; only a single member can be read back")
    weights = {
        name.removeprefix(MEMBER_PREFIX): numpy_helper.to_array(tensor).astype(np.float32)
        for name, tensor in initializers.items()
        if name.startswith(MEMBER_PREFIX) and not name.endswith(QUANTISATION_SUFFIXES)
    }
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        if node.name == HEAD_MATMUL:
            name = "head.weight"
        elif match := LAYER_MATMUL.match(node.name):
            name = f"encoder.encoder.layer.{match['layer']}.{match['path'].replace('/', '.')}.weight"
        else:
            continue
        weights[name] = dequantised(initializers, node.input[1]).T.copy()
    return weights


def dequantised(initializers: dict[str, onnx.TensorProto], quantized_name: str) -> np.ndarray:
    """A weight matrix (inputs x outputs) from its int8 values and per-output-channel scale and zero point."""
    stem = quantized_name.removesuffix("_quantized")
    quantized = numpy_helper.to_array(initializers[quantized_name]).astype(np.float32)
    scale = numpy_helper.to_array(initializers[f"{stem}_scale"]).astype(np.float32)
    zero_point = numpy_helper.to_array(initializers[f"{stem}_zero_point"]).astype(np.float32)
    return (quantized - zero_point) * scale
