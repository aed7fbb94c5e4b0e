"""What Kanboard's PHP templates do to values: htmlspecialchars, %s of numbers, date()
with the configured formats (UTC), t() and n() of its messages, and its Markdown (from
kanboard_site.markdown). Shared by the activity stream and the e-mails."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from accounts.config import get_config
from kanboard_site.markdown import markdown  # noqa: F401  (PHP templates' helper, re-exported)

_ENTITY = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")


def escape(value) -> str:
    """PHP's htmlspecialchars(ENT_QUOTES, double_encode=false)."""
    text = _ENTITY.sub("&amp;", "" if value is None else str(value))
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")
    )


def php_text(value) -> str:
    """A value printed by PHP's %s: whole floats without a decimal part."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def datetime_format() -> str:
    """The configured date and time formats, PHP's date() letters (read once per list)."""
    return (
        get_config("application_date_format", "m/d/Y")
        + " "
        + get_config("application_time_format", "H:i")
    )


def format_datetime(timestamp, php_format: str) -> str:
    """PHP's date() for the letters Kanboard's date and time formats use (UTC)."""
    moment = dt.datetime.fromtimestamp(int(timestamp or 0), dt.UTC)
    hour12 = moment.hour % 12 or 12
    letters = {
        "d": f"{moment.day:02}",
        "j": str(moment.day),
        "m": f"{moment.month:02}",
        "n": str(moment.month),
        "Y": str(moment.year),
        "y": f"{moment.year % 100:02}",
        "H": f"{moment.hour:02}",
        "G": str(moment.hour),
        "h": f"{hour12:02}",
        "g": str(hour12),
        "i": f"{moment.minute:02}",
        "s": f"{moment.second:02}",
        "a": "am" if moment.hour < 12 else "pm",
        "A": "AM" if moment.hour < 12 else "PM",
        "M": moment.strftime("%b"),
        "F": moment.strftime("%B"),
        "D": moment.strftime("%a"),
        "l": moment.strftime("%A"),
    }
    return "".join(letters.get(char, char) for char in php_format)


def sprintf(php_format: str, *args) -> str:
    """PHP's sprintf for the conversions of Kanboard's messages: %s, %d and %%."""
    values = iter(args)

    def convert(match: re.Match) -> str:
        if match.group(0) == "%%":
            return "%"
        value = next(values, None)
        return str(_php_int(value)) if match.group(0) == "%d" else php_text(value)

    return re.sub(r"%[sd%]", convert, php_format)


def _php_int(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def translate(php_format: str, *args) -> str:
    """Kanboard's t(): the message and its arguments HTML-escaped, then sprintf."""
    return sprintf(escape(php_format), *(escape(php_text(arg)) for arg in args))


def number(value) -> str:
    """Kanboard's n(): number_format with two decimals, "." and "," (halves away from
    zero, as PHP rounds)."""
    rounded = Decimal(php_text(value) or "0").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded:,.2f}"
