# "30 Nov 2026": day first, so that no reader mistakes 11/30 for 30/11.
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
