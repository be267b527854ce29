"""Hostile PDFs built by hand, byte for byte, for the tests and benches of the bounded PDF reader
(apps/core/pdf_text.py): reportlab and pypdf would not write them."""

import zlib


def crafted_pdf(content: bytes, *, pages: int = 1, xobject: bytes = b"", fonts: int = 1) -> bytes:
    """A PDF whose pages all draw one Flate-compressed content stream `content`, with a form
    XObject /X0 drawing `xobject`, and each page listing `fonts` font names."""
    stream, form = zlib.compress(content, 9), zlib.compress(xobject, 9)
    font_names = b" ".join(b"/F%d 3 0 R" % index for index in range(1, fonts + 1))
    kids = " ".join(f"{7 + index} 0 R" for index in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Length "
        + str(len(form)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + form
        + b"\nendstream",
        b"<< /Font << " + font_names + b" >> /XObject << /X0 5 0 R >> >>",
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 6 0 R /Contents 4 0 R >>"] * pages,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
