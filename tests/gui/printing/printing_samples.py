"""Constants of the printing tests (a module of its own: `conftest` names clash)."""

from datetime import date

from intake.settings import ClinicSettings

TODAY = date.today()
METHADONE = "f0423af4-fc06-5f52-a8c5-daf007a021ea"  # named by the consent
SYRINGE = "98ee9f48-4474-50b9-ad17-949f96485396"  # not named
SETTINGS = ClinicSettings(
    clinic_name="Harbor Light Community Clinic",
    address="410 N 27th St, Suite 200\nBillings, MT 59101",
    phone="406-555-0199",
    counselor_name="Dana Whitcomb",
    counselor_credentials="LCSW, LAC",
    paper_size="a4",
)
