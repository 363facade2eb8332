"""Reading an input file into a model.Document: picks the JSON or the XML parser.

The parsers themselves are `jsonparse` and `xmlparse`; this module only decides which one
applies (by content: XML starts with `<`) and gives one entry point to the rest.
"""

from __future__ import annotations

from igkit.validate.model import DefinitionSource, Document, ParseFailure


def looks_like_xml(data: bytes) -> bool:
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<")


def parse(data: bytes, defs: DefinitionSource, source: str = "", xml: bool | None = None) -> Document:
    if xml is None or looks_like_xml(data) != xml:
        xml = looks_like_xml(data)
    if xml:
        try:
            from igkit.validate import xmlparse
        except ImportError:  # pragma: no cover - built in parallel
            raise ParseFailure(
                "XML input is not supported by this build", message_id="XML_NOT_SUPPORTED"
            ) from None
        return xmlparse.parse_xml(data, defs, source)
    try:
        from igkit.validate import jsonparse
    except ImportError:  # pragma: no cover - built in parallel
        return _plain_json(data, source)
    return jsonparse.parse_json(data, source)


def _plain_json(data: bytes, source: str) -> Document:
    import json
    from decimal import Decimal

    try:
        value = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", 1)
        col = getattr(exc, "colno", 1)
        raise ParseFailure(f"The JSON is not valid: {exc}", line, col, "Error_parsing_JSON_") from None
    return Document(data=value, format="json", source=source)
