# "30 nov 2026": Spanish writes month names, and their abbreviations, in lower case. "M" would
# capitalise it ("30 Nov 2026"); "b" is the lower-case three-letter abbreviation.
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
