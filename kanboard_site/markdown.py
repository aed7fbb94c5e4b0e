"""Kanboard's Markdown, as its notification e-mails and activity stream render it:
Parsedown 1.7.4 with safe mode, HTML escaped and line breaks kept (Kanboard's
TextHelper::markdown), with Kanboard's rule that "#12" starts no header. Kanboard's links to
tasks ("#12") and users ("@name") are left out, as in its public text (the e-mails' own;
its activity stream links them)."""

from __future__ import annotations

import re


def markdown(text) -> str:
    """The HTML of the text. Not made, as a known difference: links to the URL that a
    "[id]: url" line defines ("[text][id]"), kept as text."""
    text = re.sub(r"\r\n?", "\n", str(text or "")).strip("\n")
    return _lines(text.split("\n")).strip("\n")


def _lines(lines: list[str]) -> str:
    """Parsedown's lines(): each line continues the current block, starts a block of its
    first character's types, or is paragraph text."""
    blocks: list[dict | None] = []
    current: dict | None = None
    for body in lines:
        if body.rstrip(" \t\n\r\0\x0b") == "":
            if current is not None:
                current["interrupted"] = True
            continue
        body = body.expandtabs(4)
        text = body.lstrip(" ")
        line = {"body": body, "indent": len(body) - len(text), "text": text}
        if current is not None and current.get("continuable"):
            continued = _BLOCKS[current["type"]][1](line, current)
            if continued is not None:
                current = continued
                continue
            current = _complete(current)
        for block_type in ("Code", *_BLOCK_TYPES.get(text[0], ())):
            block = _BLOCKS[block_type][0](line, current)
            if block is not None:
                block["type"] = block_type
                if not block.get("identified"):
                    blocks.append(current)
                    block["identified"] = True
                block["continuable"] = _BLOCKS[block_type][1] is not None
                current = block
                break
        else:
            if current is not None and "type" not in current and not current.get("interrupted"):
                current["element"]["text"] += "\n" + text
            else:
                blocks.append(current)
                current = {"element": {"name": "p", "text": text, "handler": "line"}}
                current["identified"] = True
    if current is not None and current.get("continuable"):
        current = _complete(current)
    blocks.append(current)
    markup = "".join(
        "\n" + _render(block["element"]) for block in blocks[1:] if not block.get("hidden")
    )
    return markup + "\n"


def _complete(block: dict) -> dict:
    """A list that had blank lines between its items has paragraphs in each item."""
    if block.get("loose"):
        for item in block["element"]["text"]:
            if item["text"][-1] != "":
                item["text"].append("")
    return block


def _render(element: dict) -> str:
    """Parsedown's element(): the tag, its attributes, its content by its handler."""
    name = element["name"]
    attributes = "".join(
        f' {attribute}="{_escape_all(value)}"'
        for attribute, value in element.get("attributes", {}).items()
        if value is not None
    )
    if "text" not in element:
        return f"<{name}{attributes} />"
    handler = element.get("handler")
    if handler:
        content = _HANDLERS[handler](element["text"])
    else:
        content = _escape_all(element["text"], quotes=False)
    return f"<{name}{attributes}>{content}</{name}>"


def _elements(elements: list[dict]) -> str:
    return "".join("\n" + _render(element) for element in elements) + "\n"


def _list_item(lines: list[str]) -> str:
    """A tight list's item shows its text without the paragraph around it."""
    markup = _lines(lines)
    trimmed = markup.strip(" \t\n\r\0\x0b")
    if "" not in lines and trimmed.startswith("<p>"):
        return trimmed[3:].replace("</p>", "", 1)
    return markup


def _code_block(line: dict, current: dict | None) -> dict | None:
    if current is not None and "type" not in current and not current.get("interrupted"):
        return None
    if line["indent"] < 4:
        return None
    code = {"name": "code", "text": line["body"][4:]}
    return {"element": {"name": "pre", "handler": "element", "text": code}}


def _code_block_continue(line: dict, block: dict) -> dict | None:
    if line["indent"] < 4:
        return None
    code = block["element"]["text"]
    if block.pop("interrupted", False):
        code["text"] += "\n"
    code["text"] += "\n" + line["body"][4:]
    return block


def _fenced_code(line: dict, current: dict | None) -> dict | None:
    fence = line["text"][0]
    found = re.match(rf"^[{fence}]{{3,}}[ ]*([^`]+)?[ ]*$", line["text"])
    if found is None:
        return None
    code: dict = {"name": "code", "text": ""}
    if found[1] is not None:
        language = re.split(r"[ \t\n\f\r]", found[1], maxsplit=1)[0]
        code["attributes"] = {"class": f"language-{language}"}
    return {"char": fence, "element": {"name": "pre", "handler": "element", "text": code}}


def _fenced_code_continue(line: dict, block: dict) -> dict | None:
    if block.get("complete"):
        return None
    code = block["element"]["text"]
    if block.pop("interrupted", False):
        code["text"] += "\n"
    if re.match(rf"^{re.escape(block['char'])}{{3,}}[ ]*$", line["text"]):
        code["text"] = code["text"][1:]
        block["complete"] = True
        return block
    code["text"] += "\n" + line["body"]
    return block


def _header(line: dict, current: dict | None) -> dict | None:
    """Kanboard's header: not a line that starts with a task number ("#12")."""
    text = line["text"]
    if re.match(r"^#\d+", text) or len(text) < 2:
        return None
    level = len(text) - len(text.lstrip("#"))
    if level > 6:
        return None
    return {"element": {"name": f"h{level}", "text": text.strip("# "), "handler": "line"}}


def _list(line: dict, current: dict | None) -> dict | None:
    name, pattern = ("ul", "[*+-]") if line["text"][0] <= "-" else ("ol", "[0-9]+[.]")
    found = re.match(rf"^({pattern}[ ]+)(.*)", line["text"])
    if found is None:
        return None
    item = {"name": "li", "handler": "li", "text": [found[2]]}
    element: dict = {"name": name, "handler": "elements", "text": [item]}
    start = found[0].split(".")[0]
    if name == "ol" and start != "1":
        element["attributes"] = {"start": start}
    return {"indent": line["indent"], "pattern": pattern, "element": element, "li": item}


def _list_continue(line: dict, block: dict) -> dict | None:
    found = re.match(rf"^{block['pattern']}(?:[ ]+(.*)|$)", line["text"])
    if block["indent"] == line["indent"] and found:
        if block.pop("interrupted", False):
            block["li"]["text"].append("")
            block["loose"] = True
        block["li"] = {"name": "li", "handler": "li", "text": [found[1] or ""]}
        block["element"]["text"].append(block["li"])
        return block
    if line["text"][0] == "[" and _reference(line, None):
        return block
    text = re.sub(r"^[ ]{0,4}", "", line["body"])
    if not block.get("interrupted"):
        block["li"]["text"].append(text)
        return block
    if line["indent"] > 0:
        block["li"]["text"] += ["", text]
        del block["interrupted"]
        return block
    return None


def _quote(line: dict, current: dict | None) -> dict | None:
    found = re.match(r"^>[ ]?(.*)", line["text"])
    if found is None:
        return None
    return {"element": {"name": "blockquote", "handler": "lines", "text": [found[1]]}}


def _quote_continue(line: dict, block: dict) -> dict | None:
    found = re.match(r"^>[ ]?(.*)", line["text"])
    if found:
        if block.pop("interrupted", False):
            block["element"]["text"].append("")
        block["element"]["text"].append(found[1])
        return block
    if not block.get("interrupted"):
        block["element"]["text"].append(line["text"])
        return block
    return None


def _rule(line: dict, current: dict | None) -> dict | None:
    character = re.escape(line["text"][0])
    if re.match(rf"^({character})([ ]*\1){{2,}}[ ]*$", line["text"]):
        return {"element": {"name": "hr"}}
    return None


def _setext_header(line: dict, current: dict | None) -> dict | None:
    """A line of "=" or "-" under a paragraph makes it a header."""
    if current is None or "type" in current or current.get("interrupted"):
        return None
    if line["text"].rstrip(line["text"][0]) == "":
        current["element"]["name"] = "h1" if line["text"][0] == "=" else "h2"
        return current
    return None


def _table(line: dict, current: dict | None) -> dict | None:
    """A paragraph line with "|" over a line of dashes is a table's header."""
    if current is None or "type" in current or current.get("interrupted"):
        return None
    if "|" not in current["element"]["text"] or line["text"].rstrip(" -:|") != "":
        return None
    alignments = []
    for cell in _php_trim(line["text"]).strip("|").split("|"):
        cell = _php_trim(cell)
        if cell == "":
            continue
        alignment = "left" if cell[0] == ":" else None
        if cell[-1] == ":":
            alignment = "center" if alignment == "left" else "right"
        alignments.append(alignment)
    headers = [
        _table_cell("th", cell, alignments, index)
        for index, cell in enumerate(_php_trim(current["element"]["text"]).strip("|").split("|"))
    ]
    head = {"name": "thead", "handler": "elements", "text": [_row(headers)]}
    body = {"name": "tbody", "handler": "elements", "text": []}
    table = {"name": "table", "handler": "elements", "text": [head, body]}
    return {"alignments": alignments, "identified": True, "element": table}


def _table_continue(line: dict, block: dict) -> dict | None:
    if block.get("interrupted"):
        return None
    if line["text"][0] != "|" and line["text"].find("|") <= 0:
        return None
    row = _php_trim(line["text"]).strip("|")
    cells = re.finditer(r"(?:(\\[|])|[^|`]|`[^`]+`|`)+", row)
    block["element"]["text"][1]["text"].append(
        _row([_table_cell("td", cell[0], block["alignments"], i) for i, cell in enumerate(cells)])
    )
    return block


def _table_cell(name: str, text: str, alignments: list, index: int) -> dict:
    cell = {"name": name, "text": _php_trim(text), "handler": "line"}
    if index < len(alignments) and alignments[index] is not None:
        cell["attributes"] = {"style": f"text-align: {alignments[index]};"}
    return cell


def _row(cells: list[dict]) -> dict:
    return {"name": "tr", "handler": "elements", "text": cells}


def _php_trim(text: str) -> str:
    return text.strip(" \t\n\r\0\x0b")


def _reference(line: dict, current: dict | None) -> dict | None:
    """A link definition: hidden (the links that would use it are not parsed)."""
    pattern = r"""^\[(.+?)\]:[ ]*<?(\S+?)>?(?:[ ]+["'(](.+)["')])?[ ]*$"""
    return {"hidden": True} if re.match(pattern, line["text"]) else None


# Block type: (start, continue or None), and the types each first character may start
# (after an indented code block; Parsedown's HTML blocks are off in safe mode).
_BLOCKS = {
    "Code": (_code_block, _code_block_continue),
    "FencedCode": (_fenced_code, _fenced_code_continue),
    "Header": (_header, None),
    "List": (_list, _list_continue),
    "Quote": (_quote, _quote_continue),
    "Reference": (_reference, None),
    "Rule": (_rule, None),
    "SetextHeader": (_setext_header, None),
    "Table": (_table, _table_continue),
}
_BLOCK_TYPES = {
    "#": ("Header",),
    "*": ("Rule", "List"),
    "+": ("List",),
    "-": ("SetextHeader", "Table", "Rule", "List"),
    **dict.fromkeys("0123456789", ("List",)),
    ":": ("Table",),
    "=": ("SetextHeader",),
    ">": ("Quote",),
    "[": ("Reference",),
    "_": ("Rule",),
    "`": ("FencedCode",),
    "|": ("Table",),
    "~": ("FencedCode",),
}


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


def _inline(text: str, skip: frozenset = frozenset()) -> str:
    """Parsedown's line(): the first marker's rules (but those to ``skip``, inside a link),
    else the marker as text, and on."""
    markup = []
    while match := _MARKERS.search(text):
        position = match.start()
        for rule in _INLINE_RULES.get(text[position], ()):
            found = None if rule in skip else rule(text[position:], text, skip)
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


def _element(name: str, content: str, href: str | None = None, title: str | None = None) -> str:
    if href is None:
        return f"<{name}>{content}</{name}>"
    title_attribute = "" if title is None else f' title="{_escape_all(title)}"'
    return f'<{name} href="{_escape_all(_safe_url(href))}"{title_attribute}>{content}</{name}>'


def _safe_url(url: str) -> str:
    """Safe mode: a URL of another scheme than the safe ones has its colons encoded."""
    return url if url.lower().startswith(_SAFE_SCHEMES) else url.replace(":", "%3A")


def _escape_all(text: str, quotes: bool = True) -> str:
    """htmlspecialchars, encoding again what is already encoded."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#039;") if quotes else text


# Each rule gets the text from its marker on, the whole text and the rules to skip; it
# answers (start, length, html), start -1 for the marker's own place, or None.
def _special_character(excerpt: str, context: str, skip: frozenset):
    if excerpt[0] == "&":
        return None if re.match(r"&#?\w+;", excerpt) else (-1, 1, "&amp;")
    entity = {">": "&gt;", "<": "&lt;", '"': "&quot;"}.get(excerpt[0])
    return (-1, 1, entity) if entity else None


def _escape_sequence(excerpt: str, context: str, skip: frozenset):
    if len(excerpt) > 1 and excerpt[1] in _SPECIAL_CHARACTERS:
        return (-1, 2, excerpt[1])
    return None


def _code(excerpt: str, context: str, skip: frozenset):
    marker = re.escape(excerpt[0])
    found = re.match(rf"^({marker}+)[ ]*(.+?)[ ]*(?<!{marker})\1(?!{marker})", excerpt, re.S)
    if found is None:
        return None
    code = re.sub(r" *\n", " ", found[2])
    return (-1, len(found[0]), _element("code", _escape_all(code, quotes=False)))


def _emphasis(excerpt: str, context: str, skip: frozenset):
    if len(excerpt) < 2:
        return None
    marker = excerpt[0]
    strong = excerpt[1] == marker and _STRONG[marker].match(excerpt)
    found = strong or _EMPHASIS[marker].match(excerpt)
    if not found:
        return None
    return (-1, len(found[0]), _element("strong" if strong else "em", _inline(found[1], skip)))


def _strikethrough(excerpt: str, context: str, skip: frozenset):
    found = len(excerpt) > 1 and re.match(r"^~~(?=\S)(.+?)(?<=\S)~~", excerpt)
    if not found:
        return None
    return (-1, len(found[0]), _element("del", _inline(found[1], skip)))


def _url(excerpt: str, context: str, skip: frozenset):
    if len(excerpt) < 3 or excerpt[2] != "/":
        return None
    found = re.search(r"\bhttps?:[/]{2}[^\s<]+\b/*", context, re.I)
    if found is None:
        return None
    url = found[0]
    return (found.start(), len(url), _element("a", _escape_all(url, quotes=False), url))


def _url_tag(excerpt: str, context: str, skip: frozenset):
    found = ">" in excerpt and re.match(r"^<(\w+:/{2}[^ >]+)>", excerpt, re.I)
    if not found:
        return None
    return (-1, len(found[0]), _element("a", _escape_all(found[1], quotes=False), found[1]))


def _email_tag(excerpt: str, context: str, skip: frozenset):
    found = ">" in excerpt and re.match(r"^<((mailto:)?\S+?@\S+?)>", excerpt, re.I)
    if not found:
        return None
    href = found[1] if found[2] else f"mailto:{found[1]}"
    return (-1, len(found[0]), _element("a", _escape_all(found[1], quotes=False), href))


def _link_parts(excerpt: str):
    """Parsedown's inlineLink: the first bracketed text of the excerpt (wherever it is,
    and its length counted from the excerpt's start, as Parsedown does), then the URL and
    title in parentheses: (length, text, href, title), or None. Links to definitions
    ("[text][id]") are not made."""
    for start in (index for index, char in enumerate(excerpt) if char == "["):
        end = _bracket_end(excerpt, start)
        if end is not None:
            break
    else:
        return None
    text, extent = excerpt[start + 1 : end - 1], end - start
    found = _LINK_TARGET.match(excerpt[extent:])
    if found is None:
        return None
    title = found[2][1:-1] if found[2] is not None else None
    return extent + len(found[0]), text, found[1], title


def _bracket_end(text: str, start: int) -> int | None:
    """The end of the balanced brackets opening at ``start``."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"[": 1, "]": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return None


_SPACE = r"[ \t\n\x0b\f\r]"
_LINK_TARGET = re.compile(
    rf"""^[(]{_SPACE}*+((?:[^ ()]++|[(][^ )]+[)])++)(?:[ ]+("[^"]*"|'[^']*'))?{_SPACE}*[)]"""
)


def _link(excerpt: str, context: str, skip: frozenset):
    parts = _link_parts(excerpt)
    if parts is None:
        return None
    extent, text, href, title = parts
    content = _inline(text, skip | {_url, _link})
    return (-1, extent, _element("a", content, href, title))


def _image(excerpt: str, context: str, skip: frozenset):
    parts = len(excerpt) > 1 and excerpt[1] == "[" and _link_parts(excerpt[1:])
    if not parts:
        return None
    extent, alt, src, title = parts
    attributes = {"src": _safe_url(src), "alt": alt, "title": title}
    shown = "".join(f' {k}="{_escape_all(v)}"' for k, v in attributes.items() if v is not None)
    return (-1, extent + 1, f"<img{shown} />")


_INLINE_RULES = {
    "!": (_image,),
    "[": (_link,),
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


_HANDLERS = {
    "line": _inline,
    "lines": _lines,
    "elements": _elements,
    "element": _render,
    "li": _list_item,
}
