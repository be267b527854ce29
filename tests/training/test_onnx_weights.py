"""Reading the committed model's trained weights back out of its int8 ONNX file (numpy and onnx only)."""

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from apps.claims.model.scorer import MODEL_DIR
from training.head import find_head
from training.onnx_weights import member_weights

MODEL = MODEL_DIR / "model.onnx"
LINEAR_SHAPES = {
    "attention.self.query.weight": (384, 384),
    "attention.self.key.weight": (384, 384),
    "attention.self.value.weight": (384, 384),
    "attention.output.dense.weight": (384, 384),
    "intermediate.dense.weight": (1536, 384),
    "output.dense.weight": (384, 1536),
}


@pytest.fixture(scope="module")
def weights():
    return member_weights(MODEL)


def test_every_trained_layer_and_the_head_come_back_in_the_scorers_names_and_shapes(weights):
    for layer in range(1, 6):
        for name, shape in LINEAR_SHAPES.items():
            assert weights[f"encoder.encoder.layer.{layer}.{name}"].shape == shape
            assert weights[f"encoder.encoder.layer.{layer}.{name.removesuffix('weight')}bias"].shape == (shape[0],)
        assert weights[f"encoder.encoder.layer.{layer}.output.LayerNorm.weight"].shape == (384,)
    assert weights["head.weight"].shape == (1, 384)
    assert weights["head.bias"].shape == (1,)
    assert all(array.dtype == np.float32 for array in weights.values())


def test_the_frozen_layer_and_embeddings_are_left_to_the_pretrained_encoder(weights):
    assert not any(name.startswith(("encoder.encoder.layer.0.", "encoder.embeddings.")) for name in weights)
    assert not any(name.endswith(("_scale", "_zero_point", "_quantized")) for name in weights)


def test_the_head_matches_the_one_the_head_refit_reads(weights):
    head = find_head(onnx.load(str(MODEL)).graph)

    assert np.allclose(weights["head.weight"][0], head.weight, atol=1e-7)
    assert weights["head.bias"][0] == pytest.approx(head.bias)


def test_dequantised_weights_quantise_back_to_the_stored_int8_values(weights):
    graph = onnx.load(str(MODEL)).graph
    initializers = {tensor.name: numpy_helper.to_array(tensor) for tensor in graph.initializer}
    (node,) = [node for node in graph.node if node.name == "/layer.3/intermediate/dense/MatMul_quant"]
    stem = node.input[1].removesuffix("_quantized")

    weight = weights["encoder.encoder.layer.3.intermediate.dense.weight"].T
    requantised = np.round(weight / initializers[f"{stem}_scale"]) + initializers[f"{stem}_zero_point"]

    assert np.array_equal(requantised.astype(np.int8), initializers[node.input[1]])
    # 7-bit weights: the export's reduce_range keeps every value within [-64, 63].
    assert np.abs(initializers[node.input[1]]).max() <= 64


def test_an_ensemble_is_refused_because_its_members_cannot_be_told_apart(tmp_path):
    model = onnx.load(str(MODEL))
    model.graph.initializer.append(numpy_helper.from_array(np.zeros(1, dtype=np.float32), "members.1.head.bias"))
    path = tmp_path / "ensemble.onnx"
    onnx.save(model, str(path))

    with pytest.raises(ValueError, match="ensemble"):
        member_weights(path)
