"""Every sentence the intake model says, as an English template with {places}.

The checks build a `Wording` (intake.problems) from one of these and its values, so a
problem can be said in English (its `message`, what the command line and JSON files
show) and in the interface's language: resources/messages/<language>.toml gives each
template, written here exactly, its translation (intake.wording_i18n).

Values are the user's input as `fields.show()` renders it, numbers, dates, codes (field
names and enum values, which stay codes in every language), lists of codes joined by
", ", or another Wording: a phrase below that is said inside a sentence ("{expected}",
"{hint}"). A value is never part of a template, so braces in user text cannot break one.

Changing a template here changes the English every caller sees (tests hold it) and drops
its translation until the catalog's key is changed too (a test says which).
"""

# --- how a value the user gave is named when it is not shown ----------------------------
# Said as {value}: objects and lists are only named, not shown.

SHOWN_OBJECT = "an object"
SHOWN_LIST = "a list"

# --- dates (fields.py) ------------------------------------------------------------------

# Said as {expected} in NOT_A_DATE and DATE_AND_TIME.
DATE_EXAMPLE = "a date written YYYY-MM-DD, e.g. 2026-11-23"

DATE_AND_TIME = "{value} is a date and time (expected {expected})"
NOT_A_REAL_DATE = "{value} is not a real date"
NOT_A_DATE = "{value} is not a date (expected {expected})"
IN_THE_FUTURE = "{value} is in the future (today is {today})"
TOO_LONG_AGO = "{value} is more than {years} years ago"
BEFORE_SIGNING = "{value} is before the consent was signed ({signed_on})"

# --- text in a set form (fields.py PATTERN_HELP): said as {expected} in NOT_IN_FORM ------

LANGUAGE_CODE_HELP = 'a two-letter lowercase ISO 639-1 language code, e.g. "en" or "es"'
POSTAL_CODE_HELP = 'a postal code, e.g. "59101"'
PHONE_HELP = 'a phone number, e.g. "+1 406 555 0100" or "(406) 555-0100 ext 12"'
EMAIL_HELP = 'an email address, e.g. "name@example.org"'
# A form the model has no words for: {pattern} is the regular expression itself.
IN_THE_EXPECTED_FORM = "in the expected form ({pattern})"

NOT_IN_FORM = "{value} is not {expected}{hint}"

# --- what a value should have been: said as {expected} in NOT_OF_TYPE -------------------

A_FIELD_NAME = "a field name (field names are text)"
TRUE_OR_FALSE = "true or false"
A_WHOLE_NUMBER = "a whole number"
A_NUMBER = "a number"
A_FINITE_NUMBER = "a finite number"
TEXT = "text"

NOT_OF_TYPE = "{value} is not {expected}"

# --- a near code the user may have meant: said as {hint}, or "" when there is none -------

DID_YOU_MEAN = '; did you mean "{suggestion}"?'

# --- answers that are needed (errors.py) -------------------------------------------------

REQUIRED = "required"
REQUIRED_NOT_NULL = "required; null is not allowed here"
REQUIRED_WITH_HINT = "required ({hint})"
REQUIRED_WITH_HINT_NOT_NULL = "required ({hint}); null is not allowed here"
CONSENT_EXPIRY_REQUIRED = (
    "required: a consent needs an expiry date (expires_on) or event (expires_event)"
)

# What a required answer holds: said as {hint} in REQUIRED_WITH_HINT(_NOT_NULL) and EMPTY_TEXT.
CLIENT_HINT = "an object with at least the client's name"
CLIENT_NAME_HINT = "a name or an alias, 1 to 200 characters"
SIGNED_BY_HINT = "who signed the consent"
SIGNED_ON_HINT = "the date the consent was signed, YYYY-MM-DD"
ONE_OR_MORE_OF = "one or more of {choices}"
AT_LEAST_CHARACTERS = "at least {count} character"

# --- choices, fields, objects and lists (errors.py, fields.py, models.py) ----------------

NOT_ONE_OF = "{value} is not one of {choices}{hint}"
# Said as {choices} in NOT_ONE_OF when the model cannot list them.
THE_ALLOWED_VALUES = "the allowed values"
UNKNOWN_FIELD = "unknown field"
UNKNOWN_FIELD_EXPECTED = "unknown field (expected one of {names}){hint}"
NOT_AN_OBJECT = "{value} is not an object"
NOT_AN_OBJECT_WITH = "{value} is not an object (expected an object with {names})"
NOT_A_LIST = "{value} is not a list (expected a list)"
NOT_A_LIST_OF = "{value} is not a list (expected a list of {choices})"
EMPTY_LIST = "the list is empty (expected at least {count} item)"
EMPTY_LIST_OF = "the list is empty (expected at least one of {choices})"
LISTED_TWICE = "{value} is listed twice"
NONE_STANDS_ALONE = '"none" cannot be listed together with a kind of coverage'

# --- lengths and numbers (errors.py) ------------------------------------------------------

EMPTY_TEXT = "{value} is empty (expected {hint})"
TOO_LONG = "{value} is {length} characters long (expected at most {maximum})"
# Said as {length} in TOO_LONG when the value is not text and so has no length to give.
TOO_MANY = "too many"
LESS_THAN = "{value} is less than {minimum}"
MORE_THAN = "{value} is more than {maximum}"
TOO_SMALL = "{value} is too small (expected more than {limit})"
TOO_LARGE = "{value} is too large (expected less than {limit})"
# A check errors.py has no words for yet: {detail} is pydantic's own English sentence.
NOT_VALID_HERE = "{value} is not valid here ({detail})"

# --- reading an intake file (io.py): said after the file's name ---------------------------

FILE_NOT_FOUND = "file not found (expected an intake JSON file)"
IS_A_FOLDER = "is a folder (expected an intake JSON file)"
PERMISSION_DENIED = "cannot be read: permission denied"
# {reason} is the system's own words for it, or INPUT_OUTPUT_ERROR.
CANNOT_BE_READ = "cannot be read ({reason})"
INPUT_OUTPUT_ERROR = "input/output error"
NOT_UTF8 = "is not UTF-8 text (byte 0x{byte} on line {line}); save it as UTF-8"
EMPTY_FILE = "is empty (expected an intake JSON object)"
# {detail} is Python's json module's English, or CONSTANT_NOT_JSON.
NOT_JSON_AT = "is not valid JSON: {detail} at line {line}, column {column}"
NOT_JSON = "is not valid JSON: {detail}"
CONSTANT_NOT_JSON = "{word} is not valid JSON"
KEY_TWICE = 'the key "{key}" appears twice in one object'


def templates() -> dict[str, str]:
    """Every template above by its constant's name (what a translation must cover)."""
    return {name: value for name, value in globals().items() if name.isupper()}
