"""Short dates in each interface language's own style (FORMAT_MODULE_PATH): templates name
SHORT_DATE_FORMAT / SHORT_DATETIME_FORMAT and each language says how it writes them. Django looks
here before its own locale formats, so the other named formats stay Django's."""
