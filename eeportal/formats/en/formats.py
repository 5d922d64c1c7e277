"""English dates as the site has always written them: ISO, unambiguous for clients from any
country. Templates use the format names, never a literal format, so French gets its own:
``|date:"DATE_FORMAT"`` for a day, ``"DATETIME_FORMAT"`` for a time to the minute and
``"SHORT_DATETIME_FORMAT"`` for one to the second (a round's tie-breaking rule)."""

DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i T"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i:s T"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
