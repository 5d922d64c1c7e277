"""Canadian French as IRCC writes it: « 5 août 2026 », « 18 h 34 », 1 234 $ with a no-break
space. Date inputs keep ISO first: an <input type="date"> only understands 2026-08-05, and
Django's French default (05/08/2026) would blank every date field."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y, H \h i T"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = r"j F Y, H \h i \m\i\n s \s T"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = r"H \h i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
