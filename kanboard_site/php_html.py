"""What Kanboard's PHP templates do to values: htmlspecialchars, %s of numbers, date()
with the configured formats (UTC), and the paragraphs and line breaks of its Markdown.
Shared by the activity stream and the e-mails."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from accounts.config import get_config

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


def markdown(text) -> str:
    """Kanboard's Markdown (Parsedown 1.7.4 in safe mode, HTML escaped, line breaks kept,
    its links to tasks and users left out as in public text) for paragraphs: blank lines
    split them, a line break is ``<br />``, a line's indentation goes (tabs as 4 columns),
    and inside a paragraph Parsedown's code spans, emphasis, strikethrough, escapes and
    links to URLs. Blocks (lists, headers, quotes, code blocks, tables) and ``[links]`` are
    not parsed: their text stays in the paragraph, a known difference from Kanboard."""
    text = re.sub(r"\r\n?", "\n", str(text or "")).strip("\n")
    lines = [line.expandtabs(4) for line in text.split("\n")]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip(" ") == "":
            paragraphs.append([])
        else:
            paragraphs[-1].append(line.lstrip(" "))
    return "\n".join(f"<p>{_inline(chr(10).join(part))}</p>" for part in paragraphs if part)


# Parsedown's inline markers (Kanboard adds "#" and "@", whose task and user links public
# text leaves out) and its rules, in its order for each marker.
_MARKERS = re.compile(r'[!"*_&\[:<>`~\\#@]')
_SPECIAL_CHARACTERS = set("\\`*_{}[]()>#+-.!|")
_STRONG = {
    "*": re.compile(r"^[*]{2}((?:\\\*|[^*]|[*][^*]*[*])+?)[*]{2}(?![*])", re.S),
    "_": re.compile(r"^__((?:\\_|[^_]|_[^_]*_)+?)__(?!_)", re.S),
}
_EMPHASIS = {
    "*": re.compile(r"^[*]((?:\\\*|[^*]|[*][*][^*]+?[*][*])+?)[*](?![*])", re.S),
    "_": re.compile(r"^_((?:\\_|[^_]|__[^_]*__)+?)_(?!_)\b", re.S),
}
_SAFE_SCHEMES = (
    "http://", "https://", "ftp://", "ftps://", "mailto:", "data:image/png;base64,",
    "data:image/gif;base64,", "data:image/jpeg;base64,", "irc:", "ircs:", "git:", "ssh:",
    "news:", "steam:",
)  # fmt: skip


def _inline(text: str) -> str:
    """Parsedown's line(): the first marker's rules, else the marker as text, and on."""
    markup = []
    while match := _MARKERS.search(text):
        position = match.start()
        for rule in _INLINE_RULES.get(text[position], ()):
            found = rule(text[position:], text)
            if found is None or found[0] > position:
                continue
            start, extent, html = found if found[0] >= 0 else (position, *found[1:])
            markup.append(_unmarked(text[:start]) + html)
            text = text[start + extent :]
            break
        else:
            markup.append(_unmarked(text[: position + 1]))
            text = text[position + 1 :]
    return "".join(markup) + _unmarked(text)


def _unmarked(text: str) -> str:
    return re.sub(r" *\n", "<br />\n", text)


def _element(name: str, content: str, href: str | None = None) -> str:
    if href is None:
        return f"<{name}>{content}</{name}>"
    if not href.lower().startswith(_SAFE_SCHEMES):
        href = href.replace(":", "%3A")
    return f'<{name} href="{_escape_all(href)}">{content}</{name}>'


def _escape_all(text: str, quotes: bool = True) -> str:
    """htmlspecialchars, encoding again what is already encoded."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#039;") if quotes else text


# Each rule gets the text from its marker on and the whole text; it answers (start, length,
# html), start -1 for the marker's own place, or None.
def _special_character(excerpt: str, context: str):
    if excerpt[0] == "&":
        return None if re.match(r"&#?\w+;", excerpt) else (-1, 1, "&amp;")
    entity = {">": "&gt;", "<": "&lt;", '"': "&quot;"}.get(excerpt[0])
    return (-1, 1, entity) if entity else None


def _escape_sequence(excerpt: str, context: str):
    if len(excerpt) > 1 and excerpt[1] in _SPECIAL_CHARACTERS:
        return (-1, 2, excerpt[1])
    return None


def _code(excerpt: str, context: str):
    marker = re.escape(excerpt[0])
    found = re.match(rf"^({marker}+)[ ]*(.+?)[ ]*(?<!{marker})\1(?!{marker})", excerpt, re.S)
    if found is None:
        return None
    code = re.sub(r" *\n", " ", found[2])
    return (-1, len(found[0]), _element("code", _escape_all(code, quotes=False)))


def _emphasis(excerpt: str, context: str):
    if len(excerpt) < 2:
        return None
    marker = excerpt[0]
    strong = excerpt[1] == marker and _STRONG[marker].match(excerpt)
    found = strong or _EMPHASIS[marker].match(excerpt)
    if not found:
        return None
    return (-1, len(found[0]), _element("strong" if strong else "em", _inline(found[1])))


def _strikethrough(excerpt: str, context: str):
    found = len(excerpt) > 1 and re.match(r"^~~(?=\S)(.+?)(?<=\S)~~", excerpt)
    if not found:
        return None
    return (-1, len(found[0]), _element("del", _inline(found[1])))


def _url(excerpt: str, context: str):
    if len(excerpt) < 3 or excerpt[2] != "/":
        return None
    found = re.search(r"\bhttps?:[/]{2}[^\s<]+\b/*", context, re.I)
    if found is None:
        return None
    url = found[0]
    return (found.start(), len(url), _element("a", _escape_all(url, quotes=False), url))


def _url_tag(excerpt: str, context: str):
    found = ">" in excerpt and re.match(r"^<(\w+:/{2}[^ >]+)>", excerpt, re.I)
    if not found:
        return None
    return (-1, len(found[0]), _element("a", _escape_all(found[1], quotes=False), found[1]))


def _email_tag(excerpt: str, context: str):
    found = ">" in excerpt and re.match(r"^<((mailto:)?\S+?@\S+?)>", excerpt, re.I)
    if not found:
        return None
    href = found[1] if found[2] else f"mailto:{found[1]}"
    return (-1, len(found[0]), _element("a", _escape_all(found[1], quotes=False), href))


_INLINE_RULES = {
    '"': (_special_character,),
    "&": (_special_character,),
    "*": (_emphasis,),
    ":": (_url,),
    "<": (_url_tag, _email_tag, _special_character),
    ">": (_special_character,),
    "_": (_emphasis,),
    "`": (_code,),
    "~": (_strikethrough,),
    "\\": (_escape_sequence,),
}


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
