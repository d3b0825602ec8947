"""`intake letter` and `intake disclosures` (contract §5)."""

import io
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake.cli import main
from intake.directory.hsds import import_directory
from intake.store import open_database

REPO = Path(__file__).resolve().parents[2]
INTAKE = REPO / "resources" / "examples" / "intakes" / "consent_named_recipient.json"
SPANISH = REPO / "resources" / "examples" / "intakes" / "spanish_speaker_methamphetamine.json"
METHADONE = "f0423af4-fc06-5f52-a8c5-daf007a021ea"
SYRINGE = "98ee9f48-4474-50b9-ad17-949f96485396"
NO_CONSENT = (
    "No consent on file names Syringe services program (Magpie Hill Harm Reduction "
    "Collective): a provider letter cannot be made. A client handout needs no consent."
)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("letter-cli") / "demo.db"
    database = open_database(f"sqlite:///{path}")
    import_directory(database, REPO / "resources" / "demo")
    database.dispose()
    return path


@pytest.fixture
def url(demo_file: Path, tmp_path: Path) -> str:
    path = tmp_path / "intake.db"
    shutil.copyfile(demo_file, path)
    return f"sqlite:///{path}"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    stdout, stderr = capsys.readouterr()
    return code, stdout, stderr


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_provider_letter_with_consent(
    url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = out / "letter.pdf"
    code, stdout, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(INTAKE),
        "--service",
        METHADONE,
        "--out",
        str(pdf),
    )
    assert code == 0, stderr
    assert stdout == ""
    assert "Not recorded in the accounting of disclosures" in stderr
    content = pdf_text(pdf)
    assert "María López Ruiz" in content and "Opioids" in content
    assert "42 CFR part 2 prohibits unauthorized use or disclosure" in content


def test_provider_letter_without_consent_exits_1_and_writes_nothing(
    url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(INTAKE),
        "--service",
        SYRINGE,
        "--kind",
        "provider",
        "--out",
        str(out / "x.pdf"),
    )
    assert code == 1
    assert NO_CONSENT in stderr
    assert os.listdir(out) == []


def test_sections_limit_the_letter(url: str, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = out / "letter.pdf"
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(INTAKE),
        "--service",
        METHADONE,
        "--sections",
        "identity,goals",
        "--out",
        str(pdf),
    )
    assert code == 0, stderr
    content = pdf_text(pdf)
    assert "María López Ruiz" in content
    assert "Opioids" not in content and "Uses alone" not in content and "Housing" not in content


def test_a_section_the_consent_does_not_cover_exits_1(
    url: str, out: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = INTAKE.read_text(encoding="utf-8").replace(
        '"risks",\n      "circumstances"', '"goals_x"'
    )
    assert '"goals_x"' in data
    narrow = tmp_path / "narrow.json"
    narrow.write_text(data.replace(',\n      "goals_x"', ""), encoding="utf-8")
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(narrow),
        "--service",
        METHADONE,
        "--sections",
        "identity,risks",
        "--out",
        str(out / "x.pdf"),
    )
    assert code == 1
    assert "field sections: error: the consent does not cover risks" in stderr
    assert os.listdir(out) == []


def test_handout_in_spanish_for_several_places(
    url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = out / "handout.pdf"
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(SPANISH),
        "--service",
        METHADONE,
        "--service",
        SYRINGE,
        "--kind",
        "handout",
        "--out",
        str(pdf),
    )
    assert code == 0, stderr
    assert "Wrote the handout (es, 2 place(s))" in stderr
    assert "2 name(s) left off" in stderr
    content = pdf_text(pdf)
    assert "Sus próximos pasos" in content
    assert "1. Un lugar que eligió con su consejero/a" in content
    assert "metanfetamina" not in content.lower() and "Methadone" not in content


def test_recorded_letter_and_the_accounting(
    url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, stderr = run(
        capsys, "--database", url, "record", "--intake", str(INTAKE), "--refer", METHADONE
    )
    assert code == 0, stderr
    intake_id = stdout.strip()
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake-id",
        intake_id,
        "--service",
        METHADONE,
        "--out",
        str(out / "letter.pdf"),
    )
    assert code == 0, stderr
    assert "Recorded it in the client's accounting of disclosures." in stderr
    database = open_database(url)
    try:
        from intake.store.records_tables import Intake as IntakeRow

        with database.session() as session:
            row = session.get(IntakeRow, intake_id)
            assert row is not None
            client_id = str(row.client_id)
    finally:
        database.dispose()
    code, stdout, stderr = run(capsys, "--database", url, "disclosures", "--client", client_id)
    assert code == 0, stderr
    header, line = stdout.strip().splitlines()
    assert header.startswith("when\treference\trecipient")
    assert "Methadone treatment (Rimview Opioid Treatment Program)" in line
    assert "identity,contact,goals,substance_use,risks,circumstances" in line
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "disclosures",
        "--client",
        client_id,
        "--out",
        str(out / "accounting.pdf"),
    )
    assert code == 0, stderr
    assert "Accounting of disclosures" in pdf_text(out / "accounting.pdf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--service", "nope"], "no service 'nope' in the directory"),
        (["--service", METHADONE, "--service", SYRINGE], "a provider letter goes to one service"),
    ],
)
def test_bad_services_exit_1(
    url: str, out: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, stderr = run(
        capsys,
        "--database",
        url,
        "letter",
        "--intake",
        str(INTAKE),
        *args,
        "--out",
        str(out / "x.pdf"),
    )
    assert code == 1 and message in stderr
    assert os.listdir(out) == []


def test_an_intake_is_needed(url: str, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(
        capsys, "--database", url, "letter", "--service", METHADONE, "--out", str(out / "x.pdf")
    )
    assert code == 1 and "give --intake FILE or --intake-id ID" in stderr


def test_missing_out_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["letter", "--intake", str(INTAKE), "--service", METHADONE])
    assert exc.value.code == 2
