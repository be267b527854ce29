"""Packing an encoder's weights to travel to a GPU machine (the numpy side; no safetensors needed)."""

import numpy as np

from training.transport import GROUP, SCALE_SUFFIX, pack_tensors, unpack_tensors


def weights():
    rng = np.random.default_rng(0)
    matrix = rng.normal(scale=0.05, size=(8, 4 * GROUP)).astype(np.float32)
    matrix[0, 3] = 4.0  # one outlier must not blur the rest of its row
    return {
        "layer.weight": matrix,
        "layer.bias": rng.normal(size=8).astype(np.float32),
        "odd.weight": rng.normal(size=(3, 5)).astype(np.float32),
        "zero.weight": np.zeros((2, GROUP), dtype=np.float32),
    }


def test_int8_packing_rounds_each_value_by_at_most_half_a_step_of_its_group():
    original = weights()

    packed = pack_tensors(original, "int8")
    restored = unpack_tensors(packed)

    assert packed["layer.weight"].dtype == np.int8
    assert set(restored) == set(original)
    groups = np.abs(original["layer.weight"]).reshape(8, -1, GROUP).max(axis=2, keepdims=True)
    error = np.abs(restored["layer.weight"] - original["layer.weight"]).reshape(8, -1, GROUP)
    assert np.all(error <= groups / 254 * 1.01 + 1e-7)
    # The outlier's group is coarse; the row's other groups keep their own fine steps.
    assert np.max(error[0, 1:]) < 1e-3
    assert np.array_equal(restored["zero.weight"], original["zero.weight"])


def test_vectors_and_matrices_of_odd_width_travel_as_float16():
    original = weights()

    packed = pack_tensors(original, "int8")

    assert packed["layer.bias"].dtype == np.float16
    assert packed["odd.weight"].dtype == np.float16
    assert "odd.weight" + SCALE_SUFFIX not in packed
    assert np.allclose(unpack_tensors(packed)["odd.weight"], original["odd.weight"], atol=2e-3)


def test_float16_packing_halves_every_tensor_and_unpacks_to_float32():
    packed = pack_tensors(weights(), "float16")
    restored = unpack_tensors(packed)

    assert all(tensor.dtype == np.float16 for tensor in packed.values())
    assert all(tensor.dtype == np.float32 for tensor in restored.values())
    assert np.allclose(restored["layer.weight"], weights()["layer.weight"], rtol=1e-3, atol=1e-4)


def test_a_tiny_group_keeps_its_precision_and_integers_travel_unchanged():
    tiny = np.full((1, GROUP), 3e-4, dtype=np.float32)
    tiny[0, 0] = -3e-4
    positions = np.arange(514, dtype=np.int64)[None, :]

    restored = unpack_tensors(pack_tensors({"tiny": tiny, "position_ids": positions}, "int8"))

    assert np.max(np.abs(restored["tiny"] - tiny)) <= 3e-4 / 254 * 1.01
    assert restored["position_ids"].dtype == np.int64
    assert np.array_equal(restored["position_ids"], positions)
