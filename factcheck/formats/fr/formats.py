# "30 nov. 2026", "28 juil. 2026", "1 mai 2026": French abbreviates a month with a full stop and keeps
# short ones whole ("N"); three letters ("b") would make June and July "jui" and "jul".
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y H:i"
