"""The committed check-worthiness model loads from the repository and ranks sensibly."""

import os
import threading

import numpy as np
import onnx
from onnx import numpy_helper

from apps.claims.model.scorer import MODEL_DIR, CheckWorthinessModel


def test_committed_model_loads_with_a_threshold_from_dev():
    model = CheckWorthinessModel.load()

    assert 0.0 < model.threshold < 1.0
    assert model.metadata["max_length"] > 0


def test_load_is_cached_across_threads():
    loaded: list[CheckWorthinessModel] = []
    threads = [threading.Thread(target=lambda: loaded.append(CheckWorthinessModel.load())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(model is loaded[0] for model in loaded)


def test_factual_claim_scores_above_small_talk():
    texts = [
        "Thank you all for coming tonight, it is great to be here.",
        "Unemployment fell to 3.5 percent last year, the lowest rate in fifty years.",
    ]

    small_talk, claim = CheckWorthinessModel.load().predict_proba(texts)

    assert claim > small_talk
    assert CheckWorthinessModel.load().predict(texts) == [False, True]


def test_one_probability_per_text_in_input_order():
    model = CheckWorthinessModel.load()
    texts = ["We have cut taxes for 95 percent of working families.", "Good evening.", "Who knows?"]

    probabilities = model.predict_proba(texts)
    reversed_probabilities = model.predict_proba(texts[::-1])

    assert len(probabilities) == len(texts)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert [round(p, 4) for p in probabilities] == [round(p, 4) for p in reversed_probabilities[::-1]]
    assert model.predict_proba([]) == []


def test_a_process_pinned_to_one_core_runs_the_model_on_one_thread():
    """Two spinning threads on one core ran the model about 4x slower (bench/extraction_speed.py)."""
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        pinned = CheckWorthinessModel.from_directory(MODEL_DIR)
    finally:
        os.sched_setaffinity(0, allowed)

    assert pinned.session.get_session_options().intra_op_num_threads == 1
    assert pinned.predict(["Unemployment fell to 3.5 percent last year."]) == [True]


def test_weights_fit_in_seven_bits_so_cpus_without_vnni_score_alike():
    """Full-range int8 weights saturate in onnxruntime's kernel on CPUs without VNNI, and the
    committed model then scored CT24 differently there (docs/claim-quality.md)."""
    graph = onnx.load(str(MODEL_DIR / "model.onnx")).graph
    initializers = {tensor.name: tensor for tensor in graph.initializer}
    weights = [
        numpy_helper.to_array(initializers[node.input[1]])
        for node in graph.node
        if node.op_type == "MatMulInteger" and node.input[1] in initializers
    ]

    assert len(weights) >= 36  # four attention and two feed-forward matrices in each of six layers
    assert all(w.dtype == np.int8 for w in weights)
    assert min(int(w.min()) for w in weights) >= -64
    assert max(int(w.max()) for w in weights) <= 64


def test_a_sentence_scores_the_same_whatever_is_scored_beside_it():
    sentence = "EFF is yet to respond to Wikinews queries."
    long_neighbours = [
        "The council met on Monday to discuss the plans for the new bridge over the river.",
        "A very long sentence about many different things that goes on and on, with more words than usual, "
        "to see whether the other sentences of an article move this one's score.",
    ] * 10
    model = CheckWorthinessModel.load()

    alone = model.predict_proba([sentence])
    beside_long = model.predict_proba([sentence, *long_neighbours])[:1]
    beside_short = model.predict_proba([sentence, "x y z", "a b c", "It rained."])[:1]

    assert alone == beside_long == beside_short


def test_a_sentence_given_twice_gets_one_score():
    texts = ["Unemployment fell to 3.5 percent last year.", "It rained.", "Unemployment fell to 3.5 percent last year."]

    first, _, again = CheckWorthinessModel.load().predict_proba(texts)

    assert first == again
