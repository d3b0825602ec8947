"""Build resources/demo/: a fictional Open Referral HSDS 3.0 directory (CSV + datapackage.json).

    .venv/bin/python tools/build_demo_directory.py [OUT_DIR]     # default: resources/demo

Everything below is fictional except the three national help lines, whose numbers must be
verified before each release. The output is deterministic: ids are uuid5 of readable
slugs, term ids come from the `intake` taxonomy file, and rows are written in data order,
so running the script twice gives the same bytes and the committed files stay reviewable.
"""

import csv
import json
import re
import sys
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from intake.paths import resource_path
from intake.taxonomy import TAXONOMY_NAME, IntakeTaxonomy, load_taxonomy

# =====================================================================================
# The data
# =====================================================================================

TITLE = "Fictional demo directory: Billings, Montana area"
DESCRIPTION = (
    "Fictional demo directory for the intake referral assistant. Every organization, "
    "address, web site and local phone number (406-555-01xx) is invented for "
    "demonstration and training; do not refer anyone to them. Only the three national "
    "help lines are real services; their numbers are to be verified before each release."
)
FICTIONAL = "Fictional organization, invented for the intake demo directory."
NATIONAL = (
    "A fictional grouping made for the intake demo directory: the lines listed under it "
    "are real national services, but this organization record is not."
)
VERIFY = "Number to be verified before each release."
ASSURED = "2026-10-15"  # when the fictional listings were last "verified"
STALE = "2022-03-01"  # one listing left unverified for years, for the stale flag
ASSURER = "demo-directory@example.org"


@dataclass(frozen=True)
class Org:
    slug: str
    name: str
    phone: str  # the main line; "" for none
    about: str  # follows "Fictional organization, ..." in the description


@dataclass(frozen=True)
class Loc:
    slug: str
    org: str
    name: str
    lat: float
    lon: float
    street: str = ""  # "" means a confidential address: no address row at all
    postal_code: str = ""
    city: str = "Billings"
    county: str = "Yellowstone County"
    mailing: str = ""  # a postal address "PO Box 123, 59103" beside the street address
    description: str = ""
    transportation: str = ""


@dataclass(frozen=True)
class Cost:
    option: str
    amount: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Phone:
    number: str
    type: str = "voice"
    description: str = ""


@dataclass(frozen=True)
class Svc:
    slug: str
    org: str
    name: str
    description: str
    codes: str  # `intake` codes, space separated: types first, then features
    at: str = ""  # location slugs, space separated; "" for online and phone services
    hours: tuple[str, ...] = ()  # see schedule_rows() for the notation
    phones: tuple[Phone, ...] = ()
    languages: str = ""  # ISO 639-1, space separated; "" means English only
    interpreted: str = ""  # languages offered through an interpreter
    costs: tuple[Cost, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    eligibility: str = ""
    application: str = ""
    wait: str = ""
    interpretation: str = ""
    alert: str = ""
    status: str = "active"
    assured: str = ASSURED
    url: str = ""


def tel(last_two: str, description: str = "") -> Phone:
    """A fictional local number: 555-0100 to 555-0199 are reserved for fiction."""
    return Phone(f"406-555-01{last_two}", description=description)


FREE = Cost("Cost to you", 0)  # HSDS `option` names who or what the price is for
SLIDING = Cost("Sliding scale", note="based on household income; no one is turned away")
ADULTS = "Adults 18 and older."
BUS = "On a city bus route; free parking."

# fmt: off
ORGANIZATIONS = [
    Org("national-lines", "National help lines", "", NATIONAL),
    Org("magpie-hill", "Magpie Hill Harm Reduction Collective", "406-555-0101",
        "A peer-run harm reduction program for people who use drugs in downtown Billings: "
        "supplies, testing, wound care and a mobile van."),
    Org("cottonwood-bend", "Cottonwood Bend Community Health Center", "406-555-0102",
        "A community health center with primary care, behavioral health and substance use "
        "care for everyone, whatever their insurance."),
    Org("rimview-otp", "Rimview Opioid Treatment Program", "406-555-0103",
        "A licensed opioid treatment program offering methadone and buprenorphine with "
        "counseling."),
    Org("prairie-signal", "Prairie Signal Telehealth", "406-555-0104",
        "Online visits with clinicians licensed in Montana, for people who cannot easily "
        "travel to a clinic."),
    Org("sandstone-ridge", "Sandstone Ridge Recovery Center", "406-555-0105",
        "A treatment center offering every level of care, from medically managed withdrawal "
        "to evening outpatient groups."),
    Org("meadowlark-youth", "Meadowlark Youth and Family Services", "406-555-0106",
        "Counseling and recovery support for young people ages 12 to 17 and their families."),
    Org("ironhorse-veterans", "Ironhorse Veterans Recovery Program", "406-555-0107",
        "Substance use and mental health care for veterans, by veterans."),
    Org("prism-recovery", "Prism Recovery Alliance", "406-555-0108",
        "Recovery support and counseling by and for LGBTQ+ people."),
    Org("second-chance", "Second Chance Re-entry Partnership", "406-555-0109",
        "Support for people coming home from jail or prison and people on probation or "
        "parole."),
    Org("valley-meetings", "Yellowstone Valley Meeting List", "406-555-0110",
        "A volunteer list of local and online mutual aid meetings."),
    Org("riverside-grace", "Riverside Grace Church", "406-555-0111",
        "A church that hosts a Christ-centered recovery program and a weekly community meal "
        "open to all."),
    Org("secular-circle", "Big Sky Secular Recovery Circle", "406-555-0112",
        "Volunteers who host secular, science-based mutual aid meetings in person and "
        "online."),
    Org("balance-point", "Balance Point Moderation Group", "406-555-0113",
        "Peer groups for people who want to drink or use less, in person and online."),
    Org("open-door", "Open Door Recovery Community Center", "406-555-0114",
        "A recovery community organization that welcomes every pathway of recovery, "
        "including medication and harm reduction."),
    Org("crisis-response", "Yellowstone Crisis Response Center", "406-555-0115",
        "A 24-hour crisis center and local crisis line."),
    Org("lantern-house", "Lantern House Community Shelter", "406-555-0116",
        "A low-barrier shelter and day center: no one is turned away for using alcohol or "
        "drugs."),
    Org("keystone-homes", "Keystone Recovery Residences", "406-555-0117",
        "Peer-run recovery homes for people who have chosen not to use alcohol or drugs."),
    Org("nestwood", "Nestwood Family Shelter", "406-555-0118",
        "A safe shelter for pregnant and postpartum people and their young children. Its "
        "address is confidential."),
    Org("community-table", "Community Table Food Pantry", "406-555-0119",
        "Free groceries, no questions asked."),
    Org("clearwater-legal", "Clearwater Legal Aid Clinic", "406-555-0120",
        "Free civil legal help for people with low incomes."),
    Org("valley-rides", "Valley Rides Cooperative", "406-555-0121",
        "Free and Medicaid-covered rides to health care and treatment."),
    Org("crossroads", "Crossroads Community Resource Center", "406-555-0122",
        "Help with benefits, ID and paperwork, in several languages."),
    Org("heights-pharmacy", "Heights Family Pharmacy", "406-555-0123",
        "A neighborhood pharmacy in the Billings Heights."),
    Org("laurel-pharmacy", "Laurel Main Street Pharmacy", "406-555-0124",
        "An independent pharmacy in Laurel."),
    Org("canyon-creek-health", "Canyon Creek Public Health District", "406-555-0125",
        "The local public health department: testing, vaccines and overdose prevention."),
    Org("two-rivers", "Two Rivers Community Wellness", "406-555-0126",
        "A community clinic in Hardin offering medication for opioid and alcohol use "
        "disorders."),
    Org("high-pass", "High Pass Counseling", "406-555-0127",
        "A counseling practice in Red Lodge, in person and by video."),
    Org("stillwater-bend", "Stillwater Bend Counseling", "406-555-0128",
        "A counseling practice in Columbus."),
    Org("bridger-foothills", "Bridger Foothills Recovery Ranch", "406-555-0129",
        "A residential treatment center near Bozeman, about 200 km west of Billings."),
]

# Points are real places in each town (streets near the given numbers); the street
# numbers themselves are made up.
LOCATIONS = [
    #   slug                organization     name
    #   latitude  longitude  street                postal code
    Loc("magpie-downtown", "magpie-hill", "Magpie Hill drop-in center",
        45.7826, -108.5049, "2814 Montana Ave", "59101", mailing="PO Box 1187, 59103",
        transportation="Two blocks from the downtown transit center."),
    Loc("van-heights", "magpie-hill", "Van stop: Heights park lot",
        45.8318, -108.4478, "1501 Lake Elmo Dr", "59105",
        description="The van parks at the north end of the lot."),
    Loc("van-lockwood", "magpie-hill", "Van stop: Lockwood",
        45.8155, -108.4172, "2920 Old Hardin Rd", "59101"),
    Loc("van-laurel", "magpie-hill", "Van stop: Laurel",
        45.6712, -108.7722, "115 W 1st St", "59044", city="Laurel"),
    Loc("cottonwood-south", "cottonwood-bend", "Cottonwood Bend South Side clinic",
        45.7766, -108.4968, "412 S 29th St", "59101", transportation=BUS),
    Loc("cottonwood-heights", "cottonwood-bend", "Cottonwood Bend Heights clinic",
        45.8246, -108.4611, "1020 Main St", "59105", transportation=BUS),
    Loc("rimview", "rimview-otp", "Rimview clinic",
        45.7767, -108.5668, "2326 Central Ave", "59102", transportation=BUS),
    Loc("sandstone", "sandstone-ridge", "Sandstone Ridge campus",
        45.8091, -108.4748, "1455 Bench Blvd", "59105", mailing="PO Box 2290, 59104",
        transportation="Free shuttle from downtown on weekdays; call to book."),
    Loc("meadowlark", "meadowlark-youth", "Meadowlark center",
        45.7896, -108.5531, "1742 Grand Ave", "59102", transportation=BUS),
    Loc("ironhorse", "ironhorse-veterans", "Ironhorse center",
        45.7904, -108.6418, "5610 Grand Ave", "59106", transportation=BUS),
    Loc("prism", "prism-recovery", "Prism house",
        45.7861, -108.5098, "3012 1st Ave N", "59101", transportation=BUS),
    Loc("second-chance", "second-chance", "Second Chance office",
        45.7903, -108.5121, "1008 N 27th St", "59101", transportation=BUS),
    Loc("downtown-room", "valley-meetings", "Downtown community room",
        45.7839, -108.5021, "2602 2nd Ave N", "59101", transportation=BUS,
        description="Meeting room on the lower level."),
    Loc("heights-hall", "valley-meetings", "Heights community hall",
        45.8279, -108.4583, "1210 Main St", "59105"),
    Loc("south-side-hall", "valley-meetings", "South Side neighborhood hall",
        45.7741, -108.4932, "620 S 27th St", "59101"),
    Loc("laurel-hall", "valley-meetings", "Laurel community hall",
        45.6699, -108.7698, "210 E Main St", "59044", city="Laurel"),
    Loc("riverside-grace", "riverside-grace", "Riverside Grace Church",
        45.7992, -108.5689, "2455 Rimrock Rd", "59102",
        description="Use the east door to the fellowship hall."),
    Loc("west-room", "secular-circle", "West End meeting room",
        45.7563, -108.6206, "3150 King Ave W", "59106"),
    Loc("red-lodge-room", "secular-circle", "Red Lodge meeting room",
        45.1856, -109.2466, "118 S Broadway Ave", "59068", city="Red Lodge",
        county="Carbon County"),
    Loc("balance-point", "balance-point", "Balance Point meeting room",
        45.7781, -108.5472, "1530 Broadwater Ave", "59102"),
    Loc("open-door", "open-door", "Open Door center",
        45.7747, -108.4912, "704 S 26th St", "59101", transportation=BUS),
    Loc("crisis-center", "crisis-response", "Crisis center",
        45.7918, -108.5143, "1120 N 29th St", "59101",
        transportation="Walk in, or be brought by a friend, police or an ambulance."),
    Loc("lantern-house", "lantern-house", "Lantern House",
        45.7803, -108.4986, "2520 Minnesota Ave", "59101", transportation=BUS),
    Loc("keystone-mens", "keystone-homes", "Keystone men's house",
        45.8207, -108.4702, "845 Wicks Ln", "59105"),
    Loc("keystone-womens", "keystone-homes", "Keystone women's house",
        45.7719, -108.5521, "1620 Lewis Ave", "59102"),
    # Confidential: no address rows, and the point is only the center of Billings, so that
    # distance filters still work without revealing where the shelter is.
    Loc("nestwood", "nestwood", "Nestwood shelter", 45.7833, -108.5007,
        description="Confidential address: call for address. The map point is the center of "
        "Billings, not the shelter."),
    Loc("pantry-south", "community-table", "South Side pantry",
        45.7752, -108.4950, "515 S 28th St", "59101", transportation=BUS),
    Loc("pantry-heights", "community-table", "Heights pantry",
        45.8262, -108.4535, "1340 Lake Elmo Dr", "59105"),
    Loc("clearwater", "clearwater-legal", "Clearwater office",
        45.7850, -108.5075, "2822 3rd Ave N", "59101", transportation=BUS),
    Loc("valley-rides", "valley-rides", "Valley Rides dispatch office",
        45.7812, -108.5390, "1203 Grand Ave", "59102"),
    Loc("crossroads", "crossroads", "Crossroads center",
        45.7843, -108.5030, "2704 1st Ave N", "59101", transportation=BUS),
    Loc("heights-pharmacy", "heights-pharmacy", "Heights Family Pharmacy",
        45.8229, -108.4637, "905 Main St", "59105"),
    Loc("laurel-pharmacy", "laurel-pharmacy", "Laurel Main Street Pharmacy",
        45.6703, -108.7788, "410 W Main St", "59044", city="Laurel"),
    Loc("health-district", "canyon-creek-health", "Public health building",
        45.7879, -108.5116, "123 N 30th St", "59101", mailing="PO Box 35033, 59103",
        transportation=BUS),
    Loc("two-rivers", "two-rivers", "Two Rivers clinic",
        45.7338, -107.6116, "314 N Center Ave", "59034", city="Hardin",
        county="Big Horn County"),
    Loc("high-pass", "high-pass", "High Pass office",
        45.1881, -109.2472, "27 N Broadway Ave", "59068", city="Red Lodge",
        county="Carbon County"),
    Loc("stillwater-bend", "stillwater-bend", "Stillwater Bend office",
        45.6369, -109.2503, "442 E Pike Ave", "59019", city="Columbus",
        county="Stillwater County"),
    Loc("bridger-foothills", "bridger-foothills", "Bridger Foothills ranch",
        45.6802, -111.0224, "1210 E Main St", "59715", city="Bozeman",
        county="Gallatin County"),
]

# Each service: slug, organization, name, description, then its `intake` codes (service
# types first, then eligibility and features), then where, when, how to reach it and cost.
SERVICES = [
    # -- National lines: real services; verify every number before each release --------
    Svc("line-988", "national-lines", "988 Suicide & Crisis Lifeline",
        "Free, confidential support 24 hours a day for anyone in a suicidal, mental health or "
        f"substance use crisis. Call or text 988, or chat online. {VERIFY}",
        "crisis.hotline format.phone format.online approach.low_barrier payment.free",
        hours=("24/7",),
        phones=(Phone("988", "voice", f"Press 1 for veterans, 2 for Spanish. {VERIFY}"),
                Phone("988", "text", f"Text 988. {VERIFY}")),
        languages="en es", interpreted="vi zh ar",
        interpretation="Interpreters for more than 200 languages by phone.",
        costs=(FREE,), url="https://988lifeline.org"),
    Svc("line-samhsa", "national-lines", "SAMHSA National Helpline",
        "Free, confidential treatment referral and information line run by SAMHSA, the "
        "federal agency for substance use and mental health services, open 24 hours a day, "
        f"every day, in English and Spanish. {VERIFY}",
        "crisis.hotline format.phone payment.free",
        hours=("24/7",),
        phones=(Phone("1-800-662-4357", "voice", f"1-800-662-HELP. {VERIFY}"),
                Phone("1-800-487-4889", "textphone", f"TTY. {VERIFY}")),
        languages="en es", costs=(FREE,),
        url="https://www.samhsa.gov/find-help/helplines/national-helpline"),
    Svc("line-never-use-alone", "national-lines", "Never Use Alone",
        "If you are going to use alone, call and stay on the line: a peer operator asks for "
        "your location and, if you stop responding, sends emergency help to that address. "
        f"Free and confidential, no judgment. {VERIFY}",
        "crisis.overdose_spotting format.phone approach.low_barrier payment.free",
        hours=("24/7",), phones=(Phone("1-800-484-3731", "voice", VERIFY),),
        costs=(FREE,), url="https://neverusealone.com"),
    # -- Harm reduction -----------------------------------------------------------------
    Svc("magpie-syringe", "magpie-hill", "Syringe services program",
        "Sterile syringes and injection supplies, safe disposal, naloxone, fentanyl and "
        "xylazine test strips, and a friendly place to talk. No ID, no names needed.",
        "harm_reduction.syringe_services harm_reduction.naloxone harm_reduction.test_strips "
        "approach.low_barrier approach.walk_in payment.free",
        at="magpie-downtown", hours=("MO-FR 10:00-18:00", "SA 12:00-16:00"),
        phones=(tel("01"),), languages="en es", costs=(FREE,)),
    Svc("magpie-smoking", "magpie-hill", "Safer smoking supplies",
        "Glass pipes, mouthpieces, foil and test strips to lower the risk of burns, cuts and "
        "infections for people who smoke drugs.",
        "harm_reduction.safer_smoking harm_reduction.test_strips approach.low_barrier "
        "approach.walk_in payment.free",
        at="magpie-downtown", hours=("MO-FR 10:00-18:00",), phones=(tel("01"),),
        languages="en es", costs=(FREE,)),
    Svc("magpie-checking", "magpie-hill", "Drug checking",
        "Bring a small sample: staff test it on site and tell you what is in it, including "
        "fentanyl, xylazine and other additives. Anonymous.",
        "harm_reduction.drug_checking approach.low_barrier approach.walk_in payment.free",
        at="magpie-downtown", hours=("WE,FR 13:00-17:00",), phones=(tel("40"),),
        costs=(FREE,)),
    Svc("magpie-wound", "magpie-hill", "Wound care clinic",
        "A nurse cleans and dresses wounds, abscesses and skin infections, without judgment, "
        "and helps arrange more care when it is needed.",
        "harm_reduction.wound_care approach.low_barrier approach.walk_in payment.free",
        at="magpie-downtown", hours=("TU,TH 11:00-15:00",), phones=(tel("01"),),
        costs=(FREE,)),
    Svc("magpie-van", "magpie-hill", "Mobile outreach van",
        "The van brings syringes, naloxone, test strips and rapid HIV and hepatitis C tests "
        "to the Heights, Lockwood and Laurel.",
        "harm_reduction.syringe_services harm_reduction.naloxone harm_reduction.test_strips "
        "harm_reduction.hiv_hcv_testing approach.low_barrier payment.free",
        at="van-heights van-lockwood van-laurel",
        hours=("@van-heights TU 13:00-16:00", "@van-lockwood TH 13:00-16:00",
               "@van-laurel MONTHLY 2SA 10:00-13:00"),
        phones=(tel("41", "Text or call to find the van today."),), languages="en es",
        costs=(FREE,)),
    Svc("magpie-ops", "magpie-hill", "Overdose prevention site (pilot)",
        "A supervised space where people can use with trained staff nearby who respond to an "
        "overdose right away, with naloxone, oxygen and referrals on site. This pilot is "
        "fictional: it shows how the directory lists this kind of service.",
        "harm_reduction.overdose_prevention_site harm_reduction.naloxone approach.low_barrier "
        "approach.walk_in payment.free",
        at="magpie-downtown", hours=("MO-SA 09:00-21:00",), phones=(tel("42"),),
        min_age=18, eligibility=ADULTS, costs=(FREE,)),
    # -- Community health center --------------------------------------------------------
    Svc("cottonwood-primary", "cottonwood-bend", "Primary care",
        "Check-ups, care for illnesses and ongoing conditions, vaccines and lab tests for "
        "people of all ages, including people who use drugs.",
        "health.primary_care payment.sliding_scale payment.medicaid payment.medicare "
        "payment.private",
        at="cottonwood-south cottonwood-heights",
        hours=("MO-FR 08:00-17:00", "TH 17:00-19:00"), phones=(tel("02"),),
        languages="en es vi", costs=(SLIDING, Cost("Minimum fee", 20, "per visit")),
        application="Call or walk in to register; bring proof of income if you have it."),
    Svc("cottonwood-bridge", "cottonwood-bend", "Walk-in buprenorphine clinic",
        "Start buprenorphine the same day you walk in. You do not need to have stopped using "
        "other drugs, and counseling is offered but not required. Help with insurance on site.",
        "medication.buprenorphine approach.low_barrier approach.walk_in substance.opioids "
        "payment.free payment.sliding_scale payment.medicaid payment.medicare payment.private",
        at="cottonwood-south", hours=("MO-FR 08:00-12:00",), phones=(tel("43"),),
        languages="en es", min_age=18, eligibility=ADULTS + " For people who use opioids.",
        costs=(Cost("First visit", 0), SLIDING), wait="Seen the same morning."),
    Svc("cottonwood-testing", "cottonwood-bend", "HIV and hepatitis C testing and PrEP",
        "Free rapid tests for HIV and hepatitis C with results in 20 minutes, PrEP to prevent "
        "HIV, and help starting treatment.",
        "harm_reduction.hiv_hcv_testing harm_reduction.prep approach.walk_in payment.free",
        at="cottonwood-south", hours=("MO-FR 09:00-16:00",), phones=(tel("02"),),
        languages="en es", costs=(FREE,)),
    Svc("cottonwood-behavioral", "cottonwood-bend", "Behavioral health counseling",
        "Counseling and psychiatric care for depression, anxiety, trauma and other mental "
        "health concerns, alongside substance use care when you want it.",
        "health.mental_health payment.sliding_scale payment.medicaid payment.medicare "
        "payment.private",
        at="cottonwood-south cottonwood-heights", hours=("MO-FR 08:00-17:00",),
        phones=(tel("02"),), languages="en es ar",
        interpretation="An Arabic-speaking counselor sees clients on Tuesdays.",
        costs=(SLIDING,), wait="About two weeks for a first appointment."),
    Svc("cottonwood-perinatal", "cottonwood-bend", "Prenatal and postpartum care",
        "Pregnancy and postpartum care that welcomes people who use substances, with a nurse "
        "who coordinates with medication and treatment programs.",
        "health.perinatal population.pregnant payment.sliding_scale payment.medicaid "
        "payment.private",
        at="cottonwood-south", hours=("MO-FR 08:00-17:00",), phones=(tel("44"),),
        languages="en es vi", costs=(SLIDING,),
        eligibility="People who are pregnant or gave birth in the past year."),
    Svc("cottonwood-family-planning", "cottonwood-bend", "Family planning",
        "Birth control, pregnancy tests and reproductive health care, confidential for teens "
        "and adults.",
        "health.family_planning payment.sliding_scale payment.medicaid payment.private",
        at="cottonwood-south", hours=("MO,WE,FR 09:00-16:00",), phones=(tel("44"),),
        languages="en es", costs=(SLIDING,)),
    Svc("cottonwood-tobacco", "cottonwood-bend", "Quit tobacco program",
        "Free nicotine patches, gum and lozenges and a coach, for people who want to cut down "
        "or quit smoking or vaping.",
        "medication.nicotine_replacement substance.tobacco payment.free",
        at="cottonwood-south cottonwood-heights", hours=("MO-FR 08:00-17:00",),
        phones=(tel("02"),), costs=(FREE,)),
    Svc("cottonwood-benzo", "cottonwood-bend", "Benzodiazepine taper clinic",
        "A doctor and a pharmacist help you lower or stop benzodiazepines slowly and safely, "
        "at a pace you agree on.",
        "treatment.outpatient substance.benzodiazepines payment.sliding_scale payment.medicaid "
        "payment.medicare",
        at="cottonwood-south", hours=("TU 13:00-17:00",), phones=(tel("02"),), min_age=18,
        eligibility=ADULTS, costs=(SLIDING,)),
    Svc("cottonwood-alcohol-meds", "cottonwood-bend", "Medication for alcohol use",
        "Naltrexone, acamprosate or disulfiram to reduce cravings and drinking, prescribed by "
        "your primary care team, whether your goal is to drink less or to stop.",
        "medication.naltrexone medication.acamprosate medication.disulfiram substance.alcohol "
        "payment.sliding_scale payment.medicaid payment.medicare payment.private",
        at="cottonwood-south cottonwood-heights", hours=("MO-FR 08:00-17:00",),
        phones=(tel("02"),), languages="en es", min_age=18, eligibility=ADULTS,
        costs=(SLIDING,)),
    # -- Opioid treatment program: the only place with methadone ------------------------
    Svc("rimview-methadone", "rimview-otp", "Methadone treatment",
        "Daily methadone with counseling at a licensed opioid treatment program, with "
        "take-home doses as treatment goes on. Buprenorphine is also available.",
        "medication.methadone medication.buprenorphine substance.opioids payment.sliding_scale "
        "payment.medicaid payment.medicare payment.private",
        at="rimview", hours=("MO-FR 05:30-13:00", "SA,SU 07:00-10:00"), phones=(tel("03"),),
        languages="en es", min_age=18,
        eligibility=ADULTS + " For people with opioid use disorder.",
        application="Walk in before 10 am on a weekday for an intake assessment.",
        costs=(SLIDING, Cost("Weekly fee without insurance", 95, "reduced on the sliding scale"))),
    Svc("rimview-perinatal", "rimview-otp", "Pregnancy and parenting opioid treatment",
        "Priority admission for pregnant people: methadone or buprenorphine, prenatal care "
        "coordination and parenting support. Never stop opioids suddenly while pregnant; call "
        "us first.",
        "medication.methadone medication.buprenorphine population.pregnant substance.opioids "
        "payment.free payment.medicaid",
        at="rimview", hours=("MO-FR 05:30-13:00", "SA,SU 07:00-10:00"),
        phones=(tel("45", "Priority intake line for pregnant patients."),),
        languages="en es", eligibility="Pregnant and postpartum people who use opioids.",
        wait="Admitted within 48 hours.",
        costs=(Cost("Without insurance", 0, "paid by a state grant"),)),
    # -- Telehealth: online, no location ------------------------------------------------
    Svc("prairie-bup", "prairie-signal", "Telehealth buprenorphine",
        "Video visits to start and continue buprenorphine from home, with prescriptions sent "
        "to a pharmacy near you.",
        "medication.buprenorphine format.online substance.opioids payment.sliding_scale "
        "payment.medicaid payment.private",
        hours=("MO-SA 07:00-21:00",), phones=(tel("04"),), languages="en es", min_age=18,
        eligibility=ADULTS + " You must be in Montana at the time of the visit.",
        costs=(SLIDING,), url="https://prairie-signal.example.org/buprenorphine"),
    Svc("prairie-alcohol", "prairie-signal", "Online alcohol medication clinic",
        "Video visits for naltrexone or acamprosate to cut down or stop drinking, with monthly "
        "check-ins.",
        "medication.naltrexone medication.acamprosate format.online substance.alcohol "
        "payment.medicaid payment.private",
        hours=("MO-FR 09:00-19:00",), phones=(tel("04"),), min_age=18, eligibility=ADULTS,
        costs=(Cost("Visit without insurance", 60, "per visit"),)),
    # -- Treatment center ---------------------------------------------------------------
    Svc("sandstone-withdrawal", "sandstone-ridge", "Medically managed withdrawal",
        "Doctors and nurses around the clock help you stop alcohol, benzodiazepines, opioids "
        "or other drugs safely, with medication for withdrawal. Admissions at any hour.",
        "treatment.withdrawal_management approach.walk_in payment.medicaid payment.medicare "
        "payment.private",
        at="sandstone", hours=("24/7",), phones=(tel("05"),), languages="en es", min_age=18,
        eligibility=ADULTS, wait="Usually the same day; call ahead if you can."),
    Svc("sandstone-inpatient", "sandstone-ridge", "Inpatient treatment",
        "A short stay with 24-hour nursing and medical care, for people whose health needs "
        "close watching while they start recovery.",
        "treatment.inpatient payment.medicaid payment.medicare payment.private",
        at="sandstone", hours=("24/7",), phones=(tel("05"),), min_age=18, eligibility=ADULTS),
    Svc("sandstone-residential", "sandstone-ridge", "Residential treatment",
        "A 28-day residential program with daily groups, individual counseling and family "
        "sessions. Medications for opioid and alcohol use disorders are continued.",
        "treatment.residential requirement.abstinence payment.sliding_scale payment.medicaid "
        "payment.private",
        at="sandstone", hours=("24/7",), phones=(tel("05"),), min_age=18,
        eligibility=ADULTS + " Residents agree not to use alcohol or non-prescribed drugs "
        "during the program; withdrawal must be completed first.",
        wait="One to three weeks.", costs=(SLIDING,)),
    Svc("sandstone-php", "sandstone-ridge", "Partial hospitalization",
        "Treatment six hours a day, five days a week, while you sleep at home.",
        "treatment.partial_hospitalization payment.medicaid payment.medicare payment.private",
        at="sandstone", hours=("MO-FR 09:00-15:00",), phones=(tel("05"),), min_age=18,
        eligibility=ADULTS),
    Svc("sandstone-iop", "sandstone-ridge", "Evening intensive outpatient",
        "Groups three evenings a week for eight weeks, so you can keep working.",
        "treatment.intensive_outpatient payment.sliding_scale payment.medicaid payment.private",
        at="sandstone", hours=("MO,TU,TH 17:30-20:30",), phones=(tel("05"),),
        languages="en es", min_age=18, eligibility=ADULTS, costs=(SLIDING,)),
    Svc("sandstone-cm", "sandstone-ridge", "Contingency management for stimulants",
        "Earn gift cards for goals you agree on, such as coming to visits, in a 12-week "
        "program for people who use methamphetamine or cocaine.",
        "treatment.contingency_management substance.methamphetamine substance.cocaine "
        "payment.free",
        at="sandstone", hours=("MO,WE,FR 08:00-18:00",), phones=(tel("46"),), min_age=18,
        eligibility=ADULTS, costs=(FREE,)),
    # -- Programs for one population ----------------------------------------------------
    Svc("meadowlark-outpatient", "meadowlark-youth", "Teen outpatient program",
        "Counseling for young people ages 12 to 17 who use alcohol, cannabis or other drugs, "
        "with sessions for parents and caregivers.",
        "treatment.outpatient population.adolescent payment.sliding_scale payment.medicaid "
        "payment.private",
        at="meadowlark", hours=("MO-TH 15:00-19:00",), phones=(tel("06"),), languages="en es",
        min_age=12, max_age=17, eligibility="Young people ages 12 to 17.",
        application="A parent or guardian joins the first visit.", costs=(SLIDING,)),
    Svc("meadowlark-coach", "meadowlark-youth", "Teen recovery coaching",
        "Young adult peer coaches meet teens at school or in the community to support the "
        "goals they choose.",
        "peer_support.recovery_coach population.adolescent payment.free",
        at="meadowlark", hours=("MO-FR 12:00-18:00",), phones=(tel("06"),), min_age=12,
        max_age=17, eligibility="Young people ages 12 to 17.", costs=(FREE,)),
    Svc("ironhorse-outpatient", "ironhorse-veterans", "Veterans counseling",
        "Substance use and mental health counseling for veterans, including care for PTSD, "
        "from staff who understand military life.",
        "treatment.outpatient health.mental_health population.veteran payment.va payment.free",
        at="ironhorse", hours=("MO-FR 08:00-18:00",), phones=(tel("07"),), min_age=18,
        eligibility="Veterans of any discharge status.", costs=(FREE,)),
    Svc("ironhorse-peers", "ironhorse-veterans", "Veteran peer mentors",
        "Veterans in recovery help other veterans find their footing, with coffee, rides and "
        "a listening ear.",
        "peer_support.recovery_coach population.veteran payment.va payment.free",
        at="ironhorse", hours=("MO-SA 09:00-17:00",), phones=(tel("07"),), min_age=18,
        eligibility="Veterans.", costs=(FREE,)),
    Svc("prism-meeting", "prism-recovery", "LGBTQ+ recovery meeting",
        "A peer-led, secular support meeting for LGBTQ+ people in or seeking recovery, from "
        "any substance and on any pathway.",
        "secular_mutual_aid.meeting population.lgbtq payment.free",
        at="prism", hours=("WE 18:30-19:30",), phones=(tel("08"),), costs=(FREE,)),
    Svc("prism-counseling", "prism-recovery", "LGBTQ+ affirming counseling",
        "Counseling for LGBTQ+ people about substance use, mental health and relationships, "
        "with therapists who share or understand your experience.",
        "health.mental_health population.lgbtq payment.sliding_scale payment.medicaid "
        "payment.private",
        at="prism", hours=("TU-SA 10:00-18:00",), phones=(tel("08"),), costs=(SLIDING,)),
    Svc("second-chance-coach", "second-chance", "Re-entry recovery coaching",
        "Peer coaches who have been through the justice system help you plan the first weeks "
        "home: medication, naloxone, housing, ID and appointments. Tolerance is lower after "
        "time inside, so ask about naloxone.",
        "peer_support.recovery_coach population.justice_involved payment.free",
        at="second-chance", hours=("MO-FR 08:30-17:00",), phones=(tel("09"),),
        languages="en es", min_age=18, costs=(FREE,),
        eligibility="People released in the past year, or on probation or parole."),
    Svc("second-chance-legal", "second-chance", "Re-entry legal help",
        "Help with fines, warrants, record clearing and getting a driver's license back.",
        "basic_needs.legal population.justice_involved payment.free",
        at="second-chance", hours=("TU,TH 09:00-15:00",), phones=(tel("47"),), min_age=18,
        eligibility="People with a criminal record or a court case.", costs=(FREE,)),
    # -- 12-step meetings ---------------------------------------------------------------
    Svc("aa-noon", "valley-meetings", "Noon Serenity AA meeting",
        "An open Alcoholics Anonymous meeting every weekday at noon. Anyone who wants to stop "
        "drinking is welcome; visitors may listen.",
        "twelve_step.meeting substance.alcohol approach.walk_in payment.free",
        at="downtown-room", hours=("MO-FR 12:00-13:00",), phones=(tel("10"),), costs=(FREE,)),
    Svc("na-heights", "valley-meetings", "Heights NA meeting",
        "An open Narcotics Anonymous meeting for anyone who wants to stop using drugs. People "
        "taking medication for opioid use disorder are welcome.",
        "twelve_step.meeting approach.walk_in payment.free",
        at="heights-hall", hours=("TU,TH,SA 19:00-20:00",), phones=(tel("10"),),
        costs=(FREE,)),
    Svc("cma-downtown", "valley-meetings", "Crystal Meth Anonymous meeting",
        "A 12-step meeting for people who want to stop using methamphetamine.",
        "twelve_step.meeting substance.methamphetamine approach.walk_in payment.free",
        at="downtown-room", hours=("WE 18:30-19:30",), phones=(tel("10"),), costs=(FREE,)),
    Svc("ca-south", "valley-meetings", "Cocaine Anonymous meeting",
        "A 12-step meeting for people who want to stop using cocaine, including crack.",
        "twelve_step.meeting substance.cocaine approach.walk_in payment.free",
        at="south-side-hall", hours=("MO 19:00-20:00",), phones=(tel("10"),), costs=(FREE,)),
    Svc("aa-spanish", "valley-meetings", "Grupo Nueva Esperanza (AA en español)",
        "Reunión abierta de Alcohólicos Anónimos en español. An open Alcoholics Anonymous "
        "meeting held in Spanish.",
        "twelve_step.meeting substance.alcohol approach.walk_in payment.free",
        at="south-side-hall", hours=("FR 19:00-20:30",), phones=(tel("48"),),
        languages="es", costs=(FREE,)),
    Svc("ma-online", "valley-meetings", "Online Marijuana Anonymous meeting",
        "A 12-step video meeting for people who want to stop using cannabis.",
        "twelve_step.meeting substance.cannabis format.online payment.free",
        hours=("SU 18:00-19:00",), phones=(tel("10"),), costs=(FREE,),
        url="https://valley-meetings.example.org/ma-online"),
    Svc("aa-laurel", "valley-meetings", "Laurel Saturday AA meeting",
        "An open Alcoholics Anonymous meeting with coffee, Saturday mornings in Laurel.",
        "twelve_step.meeting substance.alcohol approach.walk_in payment.free",
        at="laurel-hall", hours=("SA 10:00-11:00",), phones=(tel("10"),), costs=(FREE,)),
    Svc("grace-recovery", "riverside-grace", "Christ-centered 12-step recovery group",
        "A Christian 12-step program in the style of Celebrate Recovery, for any hurt, habit "
        "or hang-up, with dinner, worship and small groups.",
        "twelve_step.meeting approach.faith_based approach.walk_in payment.free",
        at="riverside-grace", hours=("TH 18:00-21:00",), phones=(tel("11"),), costs=(FREE,)),
    Svc("grace-meal", "riverside-grace", "Sunday community meal",
        "A free hot meal every Sunday evening, open to everyone. A short prayer is offered "
        "before the meal; no one has to take part.",
        "basic_needs.food approach.faith_based approach.walk_in payment.free",
        at="riverside-grace", hours=("SU 17:00-18:30",), phones=(tel("11"),), costs=(FREE,)),
    # -- Secular mutual aid -------------------------------------------------------------
    Svc("smart-downtown", "secular-circle", "SMART Recovery meeting",
        "A science-based, secular self-help meeting with practical tools for changing "
        "substance use. People taking medication are welcome.",
        "secular_mutual_aid.meeting approach.walk_in payment.free",
        at="downtown-room", hours=("TU 18:00-19:30",), phones=(tel("12"),), costs=(FREE,)),
    Svc("lifering-online", "secular-circle", "LifeRing online meeting",
        "A secular, positive online meeting every evening for people who want to live free "
        "of alcohol and drugs.",
        "secular_mutual_aid.meeting format.online payment.free",
        hours=("MO-SU 19:00-20:00",), phones=(tel("12"),), costs=(FREE,),
        url="https://secular-circle.example.org/lifering-online"),
    Svc("wfs-west", "secular-circle", "Women for Sobriety meeting",
        "A peer-led meeting for women in recovery, built on positive thinking and self-worth.",
        "secular_mutual_aid.meeting population.women payment.free",
        at="west-room", hours=("WE 18:00-19:30",), phones=(tel("12"),), costs=(FREE,)),
    Svc("dharma-red-lodge", "secular-circle", "Recovery Dharma meditation meeting",
        "A peer-led meeting that uses Buddhist-inspired meditation and inquiry to support "
        "recovery from any substance.",
        "secular_mutual_aid.meeting approach.walk_in payment.free",
        at="red-lodge-room", hours=("SU 10:00-11:15",), phones=(tel("12"),), costs=(FREE,)),
    Svc("mens-circle", "secular-circle", "Men's recovery circle",
        "A secular peer support meeting for men in or seeking recovery.",
        "secular_mutual_aid.meeting population.men payment.free",
        at="west-room", hours=("MO 18:00-19:30",), phones=(tel("12"),), costs=(FREE,)),
    # -- Moderation ---------------------------------------------------------------------
    Svc("mm-group", "balance-point", "Moderation Management group",
        "A peer group for people who want to drink less. It usually starts with 30 days "
        "without alcohol. Not for people who have had seizures or delirium tremens when "
        "stopping drinking: medically managed withdrawal comes first.",
        "moderation.program substance.alcohol payment.free",
        at="balance-point", hours=("TH 18:00-19:30",), phones=(tel("13"),), min_age=18,
        eligibility=ADULTS, costs=(FREE,)),
    Svc("hams-online", "balance-point", "HAMS harm reduction online group",
        "An online peer group for safer use, reduced use or quitting, for any substance: you "
        "choose your goal, and any positive change counts.",
        "moderation.program format.online payment.free",
        hours=("MO,TH 19:00-20:00",), phones=(tel("13"),), min_age=18, eligibility=ADULTS,
        costs=(FREE,), url="https://balance-point.example.org/hams-online"),
    Svc("stillwater-moderation", "stillwater-bend", "Drinking and drug use management counseling",
        "One-on-one counseling to set your own limits and cut down on alcohol or drugs.",
        "moderation.program payment.sliding_scale payment.medicaid payment.private",
        at="stillwater-bend", hours=("MO-TH 09:00-17:00",), phones=(tel("28"),),
        costs=(SLIDING, Cost("Full fee", 110, "per 50-minute session"))),
    Svc("stillwater-outpatient", "stillwater-bend", "Outpatient counseling",
        "Weekly counseling for substance use and related concerns, in person in Columbus.",
        "treatment.outpatient payment.sliding_scale payment.medicaid payment.medicare "
        "payment.private",
        at="stillwater-bend", hours=("MO-TH 09:00-17:00",), phones=(tel("28"),),
        costs=(SLIDING,)),
    # -- Peer support -------------------------------------------------------------------
    Svc("open-door-center", "open-door", "Recovery community center",
        "Drop in for coffee, groups, computers and support from peers. Every pathway is "
        "welcome: abstinence, medication, moderation and harm reduction.",
        "peer_support.recovery_community approach.low_barrier approach.walk_in payment.free",
        at="open-door", hours=("MO-FR 09:00-19:00", "SA 10:00-14:00"), phones=(tel("14"),),
        languages="en es", costs=(FREE,)),
    Svc("open-door-phone", "open-door", "Recovery coaching by phone",
        "A peer recovery coach calls you each week to check in and help with the next step "
        "toward your goals.",
        "peer_support.recovery_coach format.phone payment.free",
        hours=("MO-FR 09:00-17:00",), phones=(tel("49"),), costs=(FREE,)),
    Svc("open-door-kratom", "open-door", "Kratom and other substances support group",
        "A peer support group for people who use kratom, inhalants, hallucinogens or other "
        "substances that other groups do not focus on.",
        "peer_support.recovery_community substance.other payment.free",
        at="open-door", hours=("TU 17:30-18:30",), phones=(tel("14"),), costs=(FREE,)),
    # -- Crisis -------------------------------------------------------------------------
    Svc("crisis-stabilization", "crisis-response", "Crisis stabilization center",
        "Walk in at any hour in a mental health or substance use crisis. Stay up to 23 hours "
        "with nurses and counselors, then leave with a plan.",
        "crisis.stabilization approach.walk_in approach.low_barrier payment.free "
        "payment.medicaid payment.private",
        at="crisis-center", hours=("24/7",), phones=(tel("15"),), languages="en es",
        min_age=18, eligibility=ADULTS, costs=(FREE,)),
    Svc("crisis-line", "crisis-response", "Yellowstone area crisis line",
        "A local 24-hour line for anyone in crisis or worried about someone. Counselors can "
        "send a mobile crisis team.",
        "crisis.hotline format.phone payment.free",
        hours=("24/7",), phones=(tel("50"),), languages="en es", costs=(FREE,)),
    # -- Basic needs --------------------------------------------------------------------
    Svc("lantern-shelter", "lantern-house", "Low-barrier night shelter",
        "A bed for the night with no sobriety requirement, storage for belongings, and "
        "partners and pets welcome. Naloxone on site.",
        "basic_needs.shelter approach.low_barrier approach.walk_in payment.free",
        at="lantern-house", hours=("MO-SU 19:00-07:00",), phones=(tel("16"),), min_age=18,
        eligibility=ADULTS, costs=(FREE,)),
    Svc("lantern-showers", "lantern-house", "Day center showers and laundry",
        "Hot showers, laundry, a phone and a mailing address.",
        "basic_needs.showers approach.low_barrier approach.walk_in payment.free",
        at="lantern-house", hours=("MO-FR 08:00-12:00",), phones=(tel("16"),), costs=(FREE,)),
    Svc("keystone-mens", "keystone-homes", "Men's recovery residence",
        "A shared house for men in recovery with house meetings and peer support. Residents "
        "agree not to use alcohol or non-prescribed drugs.",
        "basic_needs.recovery_housing requirement.abstinence population.men",
        at="keystone-mens", hours=("MO-FR 09:00-17:00",), phones=(tel("17"),), min_age=18,
        eligibility="Men 18 and older who are not using alcohol or drugs.",
        costs=(Cost("Weekly rent", 150, "per week; the first week can be deferred"),)),
    Svc("keystone-womens", "keystone-homes", "Women's recovery residence",
        "A shared house for women in recovery. Medications for opioid use disorder are "
        "welcome; residents agree not to use alcohol or non-prescribed drugs.",
        "basic_needs.recovery_housing requirement.abstinence population.women",
        at="keystone-womens", hours=("MO-FR 09:00-17:00",), phones=(tel("17"),), min_age=18,
        eligibility="Women 18 and older who are not using alcohol or non-prescribed drugs.",
        costs=(Cost("Weekly rent", 140, "per week"),)),
    Svc("nestwood-shelter", "nestwood", "Shelter for pregnant and postpartum parents",
        "A safe, confidential shelter for pregnant and postpartum people and their young "
        "children, with support for substance use and prenatal care on site. Call for "
        "address.",
        "basic_needs.shelter population.pregnant approach.low_barrier payment.free",
        at="nestwood", hours=("24/7",), phones=(tel("18", "Call for address."),),
        languages="en es", costs=(FREE,),
        eligibility="People who are pregnant or have a baby under one year."),
    Svc("pantry-south", "community-table", "South Side food pantry",
        "Free groceries twice a week, with fresh produce when available. No ID needed.",
        "basic_needs.food approach.walk_in payment.free",
        at="pantry-south", hours=("TU,TH 10:00-14:00", "SA 09:00-12:00"),
        phones=(tel("19"),), languages="en es", costs=(FREE,)),
    Svc("pantry-heights", "community-table", "Heights food pantry",
        "Free groceries every Wednesday.",
        "basic_needs.food approach.walk_in payment.free",
        at="pantry-heights", hours=("WE 10:00-14:00",), phones=(tel("19"),), costs=(FREE,),
        status="temporarily closed",
        alert="Closed for building repairs until further notice; please use the South Side "
        "pantry."),
    Svc("clearwater-legal", "clearwater-legal", "Civil legal aid",
        "Free help with evictions, benefits, family law and debt for people with low incomes.",
        "basic_needs.legal payment.free",
        at="clearwater", hours=("MO,WE 09:00-16:00",), phones=(tel("20"),), languages="en es",
        eligibility="Household income at or below twice the federal poverty level.",
        costs=(FREE,)),
    Svc("valley-rides", "valley-rides", "Rides to treatment and health care",
        "Free or Medicaid-covered rides to appointments, treatment and pharmacies in "
        "Yellowstone County.",
        "basic_needs.transportation payment.free payment.medicaid",
        at="valley-rides", hours=("MO-FR 06:00-18:00",), phones=(tel("21"),),
        application="Call to book a ride at least one day ahead.", costs=(FREE,)),
    Svc("crossroads-benefits", "crossroads", "Benefits and ID help",
        "Help applying for Medicaid, food assistance and other benefits, and getting a state "
        "ID or birth certificate, with staff who speak several languages.",
        "basic_needs.benefits approach.walk_in payment.free",
        at="crossroads", hours=("MO-FR 09:00-16:00",), phones=(tel("22"),),
        languages="en es vi zh ar", costs=(FREE,)),
    # -- Naloxone at pharmacies and the health department -------------------------------
    Svc("heights-pharmacy-naloxone", "heights-pharmacy", "Naloxone without a prescription",
        "Ask at the counter for naloxone nasal spray; no prescription needed. The pharmacist "
        "shows you how to use it.",
        "harm_reduction.naloxone payment.medicaid payment.medicare payment.private",
        at="heights-pharmacy", hours=("MO-FR 09:00-19:00", "SA 09:00-15:00"),
        phones=(tel("23"),), costs=(Cost("Without insurance", 45, "per two-dose box"),)),
    Svc("laurel-pharmacy-naloxone", "laurel-pharmacy", "Naloxone and test strips",
        "Naloxone without a prescription, and free fentanyl test strips at the counter.",
        "harm_reduction.naloxone harm_reduction.test_strips payment.medicaid payment.medicare "
        "payment.private",
        at="laurel-pharmacy", hours=("MO-FR 09:00-18:00",), phones=(tel("24"),),
        costs=(Cost("Naloxone without insurance", 45, "per two-dose box"),
               Cost("Test strips", 0))),
    Svc("health-district-naloxone", "canyon-creek-health", "Free naloxone and overdose training",
        "Free naloxone for anyone, and a 20-minute training on how to recognize and respond "
        "to an overdose.",
        "harm_reduction.naloxone harm_reduction.test_strips approach.walk_in payment.free",
        at="health-district", hours=("MO-FR 08:00-17:00",), phones=(tel("25"),),
        languages="en es zh", costs=(FREE,)),
    Svc("health-district-testing", "canyon-creek-health", "HIV, hepatitis and STI testing",
        "Confidential testing for HIV, hepatitis C and sexually transmitted infections, and "
        "hepatitis A and B vaccines.",
        "harm_reduction.hiv_hcv_testing payment.free payment.sliding_scale",
        at="health-district", hours=("TU,TH 13:00-16:30",), phones=(tel("25"),),
        costs=(FREE,), assured=STALE),
    # -- Outside Billings ---------------------------------------------------------------
    Svc("two-rivers-moud", "two-rivers", "Buprenorphine and naltrexone clinic",
        "Buprenorphine, or monthly naltrexone shots, for opioid use disorder, with a case "
        "manager who helps with rides from across the county.",
        "medication.buprenorphine medication.naltrexone substance.opioids "
        "payment.sliding_scale payment.medicaid",
        at="two-rivers", hours=("MO-TH 08:00-17:00",), phones=(tel("26"),), min_age=18,
        eligibility=ADULTS, interpretation="Some staff speak Crow (Apsáalooke).",
        costs=(SLIDING,)),
    Svc("high-pass-outpatient", "high-pass", "Outpatient counseling",
        "Individual and group counseling for substance use in Red Lodge, or by video from "
        "home.",
        "treatment.outpatient format.online payment.sliding_scale payment.medicaid "
        "payment.private",
        at="high-pass", hours=("MO-TH 09:00-18:00",), phones=(tel("27"),), costs=(SLIDING,)),
    Svc("bridger-residential", "bridger-foothills", "Residential treatment",
        "A 30- to 45-day residential program on a ranch outside Bozeman, with outdoor "
        "activities and family sessions.",
        "treatment.residential requirement.abstinence payment.medicaid payment.private",
        at="bridger-foothills", hours=("24/7",), phones=(tel("29"),), min_age=18,
        eligibility=ADULTS + " Residents agree not to use alcohol or non-prescribed drugs.",
        wait="About two weeks."),
    Svc("bridger-withdrawal", "bridger-foothills", "Medically managed withdrawal",
        "A medical unit where nurses and doctors help you stop alcohol or drugs safely.",
        "treatment.withdrawal_management payment.medicaid payment.medicare payment.private",
        at="bridger-foothills", hours=("24/7",), phones=(tel("29"),), min_age=18,
        eligibility=ADULTS),
]
# fmt: on

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "ar": "Arabic",
}

# How each group of codes is linked from a service (HSDS attribute.link_type).
LINK_TYPES = {
    "population": "eligibility",
    "requirement": "eligibility",
    "substance": "eligibility",
    "approach": "feature",
    "format": "feature",
    "payment": "payment",
}

# =====================================================================================
# The builder
# =====================================================================================

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "intake:demo-directory")
LAST_MODIFIED = "T12:00:00Z"  # appended to each listing's assured date

Row = dict[str, str]

# The tables written, in the order of the official HSDS datapackage.
TABLES = (
    "organization",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "phone",
    "address",
    "schedule",
    "language",
    "taxonomy_term",
    "cost_option",
    "taxonomy",
)

DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
ORDINALS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}


def make_id(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def organization_rows() -> Iterator[Row]:
    for org in ORGANIZATIONS:
        real = org.about == NATIONAL  # a grouping of real lines: no made-up web site
        site = "" if real else f"https://{org.slug}.example.org"
        yield {
            "id": make_id("organization", org.slug),
            "name": org.name,
            "description": org.about if real else f"{FICTIONAL} {org.about}",
            "email": f"info@{org.slug}.example.org" if site else "",
            "website": site,
        }


def service_rows() -> Iterator[Row]:
    for svc in SERVICES:
        yield {
            "id": make_id("service", svc.slug),
            "organization_id": make_id("organization", svc.org),
            "name": svc.name,
            "description": svc.description,
            "url": svc.url,
            "status": svc.status,
            "interpretation_services": svc.interpretation,
            "application_process": svc.application,
            "fees_description": "; ".join(_cost_text(c) for c in svc.costs),
            "wait_time": svc.wait,
            "eligibility_description": svc.eligibility,
            "minimum_age": number_text(svc.min_age),
            "maximum_age": number_text(svc.max_age),
            "assured_date": svc.assured,
            "assurer_email": ASSURER,
            "alert": svc.alert,
            "last_modified": svc.assured + LAST_MODIFIED,
        }


def _cost_text(cost: Cost) -> str:
    if cost.amount is None:
        price = ""
    else:
        price = ": free" if cost.amount == 0 else f": ${number_text(cost.amount)}"
    note = f" ({cost.note})" if cost.note else ""
    return f"{cost.option}{price}{note}"


def attribute_rows(taxonomy: IntakeTaxonomy) -> Iterator[Row]:
    for svc in SERVICES:
        for code in svc.codes.split():
            group = code.split(".", 1)[0]
            yield {
                "id": make_id("attribute", svc.slug, code),
                "link_id": make_id("service", svc.slug),
                "taxonomy_term_id": taxonomy.term_id(code),
                "link_type": LINK_TYPES.get(group, "service_type"),
                "link_entity": "service",
            }


def service_at_location_rows() -> Iterator[Row]:
    for svc in SERVICES:
        for loc in svc.at.split():
            yield {
                "id": make_id("service_at_location", svc.slug, loc),
                "service_id": make_id("service", svc.slug),
                "location_id": make_id("location", loc),
            }


def location_rows() -> Iterator[Row]:
    for loc in LOCATIONS:
        yield {
            "id": make_id("location", loc.slug),
            "location_type": "physical",
            "organization_id": make_id("organization", loc.org),
            "name": loc.name,
            "description": loc.description,
            "transportation": loc.transportation,
            "latitude": f"{loc.lat:.4f}",
            "longitude": f"{loc.lon:.4f}",
        }


def address_rows() -> Iterator[Row]:
    for loc in LOCATIONS:
        if not loc.street:
            continue  # confidential: the location says "call for address"
        common = {
            "location_id": make_id("location", loc.slug),
            "region": loc.county,
            "state_province": "MT",
            "country": "US",
        }
        yield {
            "id": make_id("address", loc.slug),
            "address_1": loc.street,
            "city": loc.city,
            "postal_code": loc.postal_code,
            "address_type": "physical",
            **common,
        }
        if loc.mailing:
            box, postal_code = (part.strip() for part in loc.mailing.split(","))
            yield {
                "id": make_id("address", loc.slug, "mailing"),
                "address_1": box,
                "city": loc.city,
                "postal_code": postal_code,
                "address_type": "postal",
                **common,
            }


def phone_rows() -> Iterator[Row]:
    for org in ORGANIZATIONS:
        if org.phone:
            yield {
                "id": make_id("phone", "organization", org.slug),
                "organization_id": make_id("organization", org.slug),
                "number": org.phone,
                "type": "voice",
                "description": "Main line",
            }
    for svc in SERVICES:
        for index, phone in enumerate(svc.phones):
            yield {
                "id": make_id("phone", svc.slug, str(index)),
                "service_id": make_id("service", svc.slug),
                "number": phone.number,
                "type": phone.type,
                "description": phone.description,
            }


def schedule_rows() -> Iterator[Row]:
    """One row per entry of Svc.hours.

    Notation: "MO-FR 09:00-17:00", "TU,TH 13:00-16:00", "24/7",
    "MONTHLY 2SA 10:00-13:00" (second Saturday), and a leading "@location-slug " for hours
    that hold at one location of a service offered at several.
    """
    for svc in SERVICES:
        for index, entry in enumerate(svc.hours):
            row = {"id": make_id("schedule", svc.slug, str(index)), **_parse_hours(entry)}
            row["service_id"] = make_id("service", svc.slug)
            if entry.startswith("@"):
                loc = entry[1:].split()[0]
                row["location_id"] = make_id("location", loc)
                row["service_at_location_id"] = make_id("service_at_location", svc.slug, loc)
            yield row


def _parse_hours(entry: str) -> Row:
    words = [w for w in entry.split() if not w.startswith("@")]
    if words == ["24/7"]:
        return {
            "freq": "WEEKLY",
            "interval": "1",
            "byday": ",".join(DAY_NAMES),
            "opens_at": "00:00:00",
            "closes_at": "23:59:59",
            "description": "Open 24 hours a day, 7 days a week.",
        }
    freq = words.pop(0) if words[0] == "MONTHLY" else "WEEKLY"
    days, times = words
    opens, closes = times.split("-")
    return {
        "freq": freq,
        "interval": "1",
        "byday": ",".join(_expand_days(days)),
        "opens_at": f"{opens}:00",
        "closes_at": f"{closes}:00",
        "description": f"{_days_text(days, freq)}, {_time_text(opens)} to {_time_text(closes)}.",
    }


def _expand_days(days: str) -> list[str]:
    if "-" in days and not days.startswith("-"):
        first, last = days.split("-")
        order = list(DAY_NAMES)
        return order[order.index(first) : order.index(last) + 1]
    return days.split(",")


def _days_text(days: str, freq: str) -> str:
    if freq == "MONTHLY":
        match = re.fullmatch(r"(-?\d)([A-Z]{2})", days)
        assert match, days
        return f"{ORDINALS[match[1]]} {DAY_NAMES[match[2]]} of each month"
    if days == "MO-SU":
        return "Every day"
    if "-" in days:
        first, last = days.split("-")
        return f"{DAY_NAMES[first]} to {DAY_NAMES[last]}"
    names = [DAY_NAMES[d] for d in days.split(",")]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _time_text(hhmm: str) -> str:
    hour, minute = (int(part) for part in hhmm.split(":"))
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}:{minute:02d} {suffix}" if minute else f"{shown} {suffix}"


def language_rows() -> Iterator[Row]:
    for svc in SERVICES:
        for code in svc.languages.split():
            yield _language_row(svc, code, "")
        for code in svc.interpreted.split():
            yield _language_row(svc, code, "Through a phone interpreter")


def _language_row(svc: Svc, code: str, note: str) -> Row:
    return {
        "id": make_id("language", svc.slug, code),
        "service_id": make_id("service", svc.slug),
        "name": LANGUAGE_NAMES[code],
        "code": code,
        "note": note,
    }


def cost_option_rows() -> Iterator[Row]:
    for svc in SERVICES:
        for index, cost in enumerate(svc.costs):
            yield {
                "id": make_id("cost_option", svc.slug, str(index)),
                "service_id": make_id("service", svc.slug),
                "option": cost.option,
                "currency": "USD" if cost.amount is not None else "",
                "amount": number_text(cost.amount),
                "amount_description": cost.note,
            }


def taxonomy_rows(taxonomy: IntakeTaxonomy) -> Iterator[Row]:
    yield {
        "id": taxonomy.taxonomy_id,
        "name": TAXONOMY_NAME,
        "description": taxonomy.description,
        "version": taxonomy.version,
    }


def taxonomy_term_rows(taxonomy: IntakeTaxonomy) -> Iterator[Row]:
    """Every pathway and code of the taxonomy file; types are children of their pathway."""
    common = {"taxonomy": TAXONOMY_NAME, "language": "en", "taxonomy_id": taxonomy.taxonomy_id}
    for pathway in taxonomy.pathways:
        yield {
            "id": taxonomy.term_id(pathway.code),
            "code": pathway.code,
            "name": pathway.label,
            "description": pathway.description,
            **common,
        }
    for term in taxonomy.terms.values():
        yield {
            "id": taxonomy.term_id(term.code),
            "code": term.code,
            "name": term.label,
            "description": term.description,
            "parent_id": taxonomy.term_id(term.group) if term.is_type else "",
            **common,
        }


# -- checks the data must pass before anything is written ----------------------------


def check_data(taxonomy: IntakeTaxonomy) -> None:
    """Catch slips in the data above: unknown codes, dangling slugs, duplicates."""
    orgs = [o.slug for o in ORGANIZATIONS]
    locs = [loc.slug for loc in LOCATIONS]
    svcs = [s.slug for s in SERVICES]
    for name, slugs in (("organization", orgs), ("location", locs), ("service", svcs)):
        duplicates = {s for s in slugs if slugs.count(s) > 1}
        if duplicates:
            raise SystemExit(f"duplicate {name} slugs: {sorted(duplicates)}")
    for loc in LOCATIONS:
        _require(loc.org in orgs, f"location {loc.slug}: unknown organization {loc.org}")
    for svc in SERVICES:
        _require(svc.org in orgs, f"service {svc.slug}: unknown organization {svc.org}")
        for loc_slug in svc.at.split():
            _require(loc_slug in locs, f"service {svc.slug}: unknown location {loc_slug}")
        for code in svc.codes.split():
            _require(taxonomy.is_known(code), f"service {svc.slug}: unknown code {code}")
        for code in (*svc.languages.split(), *svc.interpreted.split()):
            _require(code in LANGUAGE_NAMES, f"service {svc.slug}: unknown language {code}")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(message)


# -- writing -------------------------------------------------------------------------


def hsds_schema(table: str) -> dict:
    path = resource_path("hsds", "schema", f"{table}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def columns_of(table: str) -> list[str]:
    """The table's HSDS columns, in the schema's order (the CSV header)."""
    return [name for name, spec in hsds_schema(table)["properties"].items() if _is_column(spec)]


def _is_column(spec: dict) -> bool:
    return spec.get("type") != "array" and "$ref" not in spec


def write_csv(path: Path, columns: list[str], rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)  # RFC 4180: CRLF line ends, like the official examples
        writer.writerow(columns)
        for row in rows:
            unknown = set(row) - set(columns)
            _require(not unknown, f"{path.name}: columns not in HSDS: {sorted(unknown)}")
            writer.writerow([row.get(column, "") for column in columns])


def datapackage() -> dict:
    """A tabular data package listing only the tables written, modelled on HSDS's own."""
    return {
        "name": "intake_demo_directory",
        "title": TITLE,
        "description": DESCRIPTION,
        "profile": "tabular-data-package",
        "version": "3.0.0",  # the HSDS version, as in the official package
        "license": {
            "url": "https://creativecommons.org/licenses/by-sa/4.0/",
            "type": "CC-BY-SA-4.0",
            "name": "Creative Commons Attribution-ShareAlike 4.0",
        },
        "resources": [_resource(table) for table in TABLES],
    }


def _resource(table: str) -> dict:
    schema = hsds_schema(table)
    meta = schema["datapackage_metadata"]
    required = {*schema.get("required", []), *schema.get("tabular_required", [])}
    fields = [
        _field(spec, required) for name, spec in schema["properties"].items() if _is_column(spec)
    ]
    table_schema: dict = {"primaryKey": "id", "fields": fields}
    foreign_keys = [
        {"fields": f["name"], "reference": {"resource": f["name"][:-3], "fields": "id"}}
        for f in fields
        if f["name"].endswith("_id") and f["name"][:-3] in TABLES
    ]
    if foreign_keys:
        table_schema["foreignKeys"] = foreign_keys
    return {
        "name": table,
        "path": schema["path"],
        "description": schema["description"],
        "format": meta["format"],
        "mediatype": meta["mediatype"],
        "profile": meta["profile"],
        "schema": table_schema,
    }


def _field(spec: dict, required: set[str]) -> dict:
    """A Table Schema field from a JSON Schema property, as HSDS's own package writes it."""
    field: dict = {
        "name": spec["name"],
        "type": spec.get("datapackage_type", spec["type"]),
        "title": spec.get("title"),
        "description": spec.get("description"),
    }
    if "format" in spec and "datapackage_type" not in spec:
        field["format"] = spec["format"]
    constraints = {"required": spec["name"] in required, "unique": spec["constraints"]["unique"]}
    if "enum" in spec:
        constraints["enum"] = spec["enum"]
    field["constraints"] = constraints
    for key in ("example", "core"):
        if key in spec:
            field[key] = spec[key]
    return field


def build(out_dir: Path) -> list[Path]:
    """Write every table and datapackage.json into out_dir; return the files written."""
    taxonomy = load_taxonomy()
    check_data(taxonomy)
    rows = {
        "organization": organization_rows(),
        "service": service_rows(),
        "attribute": attribute_rows(taxonomy),
        "service_at_location": service_at_location_rows(),
        "location": location_rows(),
        "phone": phone_rows(),
        "address": address_rows(),
        "schedule": schedule_rows(),
        "language": language_rows(),
        "taxonomy_term": taxonomy_term_rows(taxonomy),
        "cost_option": cost_option_rows(),
        "taxonomy": taxonomy_rows(taxonomy),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out_dir / hsds_schema(table)["path"]
        write_csv(path, columns_of(table), rows[table])
        written.append(path)
    package = out_dir / "datapackage.json"
    text = json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n"
    package.write_text(text, encoding="utf-8", newline="\n")
    written.append(package)
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else resource_path("demo")
    written = build(out_dir)
    print(f"wrote {len(written)} files, {len(SERVICES)} services, to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
