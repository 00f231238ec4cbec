from schemas.dictionary import data_dictionary
from tests.conftest import ROOT


def test_committed_data_dictionary_matches_the_schemas():
    committed = (ROOT / "docs" / "DATA_DICTIONARY.md").read_text("utf-8")
    assert committed.strip() == data_dictionary().strip(), "run `make schema` and commit docs/DATA_DICTIONARY.md"
