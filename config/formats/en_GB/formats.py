# Times as every page writes them (core/templatetags/dates.py `when`): the 24-hour clock, "6 December 2026 at
# 21:42", where Django's en-GB formats gave "9:42 p.m." to a time or a date and time shown without a format.
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j F Y \a\t H:i"
