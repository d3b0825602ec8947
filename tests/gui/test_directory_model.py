"""The directory table model and its filter proxy, without any widget."""

import pytest

from PySide6.QtCore import QPersistentModelIndex, Qt

from intake.directory.snapshot import DirectorySnapshot
from intake.gui.directory_model import (
    COL_LANGUAGES,
    COL_PATHWAYS,
    COL_SERVICE,
    COL_TYPES,
    SERVICE_ROLE,
    ServiceFilterProxy,
    ServiceTableModel,
)
from intake.taxonomy import IntakeTaxonomy


@pytest.fixture
def proxy(snapshot: DirectorySnapshot, taxonomy: IntakeTaxonomy) -> ServiceFilterProxy:
    proxy = ServiceFilterProxy()
    model = ServiceTableModel(proxy)  # owned by the proxy: both live while a test holds it
    model.set_directory(snapshot.services, taxonomy)
    proxy.setSourceModel(model)
    return proxy


def shown_ids(proxy: ServiceFilterProxy) -> set[str]:
    return {proxy.index(r, 0).data(SERVICE_ROLE).id for r in range(proxy.rowCount())}


def test_model_passes_the_model_tester(qtmodeltester, snapshot, taxonomy) -> None:
    model = ServiceTableModel()
    model.set_directory(snapshot.services, taxonomy)
    qtmodeltester.check(model, force_py=True)


def test_proxy_passes_the_model_tester(qtmodeltester, proxy) -> None:
    proxy.set_search("recovery")
    proxy.sort(COL_SERVICE)
    qtmodeltester.check(proxy, force_py=True)


def test_cells_show_labels_not_codes(snapshot, taxonomy) -> None:
    model = ServiceTableModel()
    model.set_directory(snapshot.services, taxonomy)
    row = [s.id for s in snapshot.services].index("svc-syringe")
    assert model.index(row, COL_PATHWAYS).data() == "Harm reduction"
    assert model.index(row, COL_TYPES).data() == "Syringe services, Naloxone (Narcan)"
    assert model.index(row, COL_LANGUAGES).data() == "English, Spanish"


def test_a_service_without_languages_is_listed_in_english(snapshot, taxonomy) -> None:
    model = ServiceTableModel()
    model.set_directory(snapshot.services, taxonomy)
    row = [s.id for s in snapshot.services].index("svc-smart")
    assert model.index(row, COL_LANGUAGES).data() == "English"


def test_a_closed_service_says_so_in_its_name(snapshot, taxonomy) -> None:
    model = ServiceTableModel()
    model.set_directory(snapshot.services, taxonomy)
    row = [s.id for s in snapshot.services].index("svc-meeting")
    assert model.index(row, COL_SERVICE).data() == "Tuesday Night AA (temporarily closed)"
    assert model.index(row, COL_SERVICE).data(Qt.ItemDataRole.FontRole).italic()


def test_search_narrows_by_name_organization_description_and_type(proxy) -> None:
    assert len(shown_ids(proxy)) == 6
    proxy.set_search("harbor")
    assert shown_ids(proxy) == {"svc-housing"}
    proxy.set_search("collective")  # organization
    assert shown_ids(proxy) == {"svc-syringe"}
    proxy.set_search("test strips")  # description, every word
    assert shown_ids(proxy) == {"svc-syringe"}
    proxy.set_search("narcan")  # a type label
    assert shown_ids(proxy) == {"svc-syringe"}
    proxy.set_search("")
    assert len(shown_ids(proxy)) == 6


def test_search_ignores_case_and_accents(proxy) -> None:
    proxy.set_search("CLINICA")
    assert shown_ids(proxy) == {"svc-clinic"}
    proxy.set_search("Clínica")
    assert shown_ids(proxy) == {"svc-clinic"}


def test_pathway_type_and_language_filters_narrow_the_rows(proxy) -> None:
    proxy.set_pathway("harm_reduction")
    assert shown_ids(proxy) == {"svc-syringe"}
    proxy.set_pathway("medication")
    proxy.set_type("medication.buprenorphine")
    assert shown_ids(proxy) == {"svc-clinic"}
    proxy.set_type("medication.methadone")
    assert shown_ids(proxy) == set()
    proxy.set_pathway(None)
    proxy.set_type(None)
    proxy.set_language("es")
    assert shown_ids(proxy) == {"svc-syringe", "svc-clinic"}
    proxy.set_language("en")  # no language rows means English
    assert "svc-smart" in shown_ids(proxy)
    assert "svc-clinic" not in shown_ids(proxy)


def test_filters_combine(proxy) -> None:
    proxy.set_language("es")
    proxy.set_search("syringe")
    assert shown_ids(proxy) == {"svc-syringe"}
    proxy.set_pathway("medication")
    assert shown_ids(proxy) == set()


def test_sorting_descending_and_by_another_column(proxy) -> None:
    proxy.sort(COL_SERVICE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_SERVICE).data(SERVICE_ROLE).id == "svc-meeting"
    proxy.sort(COL_LANGUAGES, Qt.SortOrder.AscendingOrder)
    languages = [proxy.index(r, COL_LANGUAGES).data() for r in range(proxy.rowCount())]
    assert languages == sorted(languages, key=str.lower)


def test_sorting_keeps_the_filter_and_persistent_indexes(proxy) -> None:
    proxy.set_language("es")
    kept = QPersistentModelIndex(proxy.index(0, COL_SERVICE))
    service = kept.data(SERVICE_ROLE)
    proxy.sort(COL_SERVICE, Qt.SortOrder.DescendingOrder)
    assert shown_ids(proxy) == {"svc-syringe", "svc-clinic"}
    assert kept.isValid() and kept.data(SERVICE_ROLE) is service


def test_sorting_by_name_ignores_case(proxy) -> None:
    proxy.sort(COL_SERVICE, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_SERVICE).data(SERVICE_ROLE).name for r in range(proxy.rowCount())]
    assert names[0] == "<b>x</b>"
    assert names[1:3] == ["Clínica Esperanza buprenorphine clinic", "Northside Syringe Services"]
