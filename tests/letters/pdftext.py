"""Reading PDFs back in tests: text per page, metadata, fonts."""

import io
from typing import Any

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    """All pages' text, lines joined by single spaces (wrapping differs between layouts)."""
    return " ".join(" ".join(page.split()) for page in pages(pdf))


def metadata(pdf: bytes) -> dict[str, Any]:
    meta = reader(pdf).metadata or {}
    return {str(k): str(v) for k, v in meta.items()}


def font_names(pdf: bytes) -> set[str]:
    """BaseFont of every font any page uses (subset prefixes dropped)."""
    names: set[str] = set()
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        fonts = resources.get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", ""))
            names.add(name.lstrip("/").split("+", 1)[-1])
    return names


def embedded(pdf: bytes) -> bool:
    """Every font a page uses is embedded (has a FontFile in its descriptor)."""
    for page in reader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:
                descendants = font.get("/DescendantFonts")
                if descendants is None:
                    return False
                descriptor = descendants[0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object()
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
    return True
