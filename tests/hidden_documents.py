"""Documents that hide a personal number in one internal place each, written with the
libraries an office would use (python-docx, openpyxl, pypdf, Pillow) and, where a library
cannot write the part, by editing the package's XML in its zip.

``PLACES[fmt]`` maps a place name to ``(builder, where)``: ``builder(number)`` returns the
file's bytes, ``where`` the location the scanner must name (None when the whole document is
refused instead of a number being reported)."""

from __future__ import annotations

import io
import re
import urllib.parse
import zipfile
from collections.abc import Callable

NUMBER = "13812348000"
MASKED = "138****8000"


# --- zip editing ------------------------------------------------------------------------


def edit_zip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with members replaced, added (new names) or removed (None)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in changes:
                new = changes.pop(info.filename)
                if new is not None:
                    dst.writestr(info.filename, new)
            else:
                dst.writestr(info, src.read(info.filename))
        for name, new in changes.items():
            if new is not None:
                dst.writestr(name, new)
    return out.getvalue()


def read_member(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def add_override(data: bytes, part: str, content_type: str, extra: dict[str, bytes | None] | None = None) -> bytes:
    types = read_member(data, "[Content_Types].xml").replace(
        "</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    )
    return edit_zip(data, {"[Content_Types].xml": types.encode(), **(extra or {})})


def add_relationship(data: bytes, rels: str, rid: str, rel_type: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    xml = read_member(data, rels).replace(
        "</Relationships>", f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/></Relationships>'
    )
    return edit_zip(data, {rels: xml.encode()})


RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def photo(description: str = "", gps: bool = False) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    if description.isascii():
        exif[0x010E] = description  # ImageDescription (ASCII only)
    else:
        exif[0x9C9C] = description.encode("utf-16-le") + b"\0\0"  # XPComment, Windows' 备注
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 2.0), 3: "E", 4: (120.0, 9.0, 1.0)})
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (40, 120, 60)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


# --- Word -------------------------------------------------------------------------------


def docx_base(build: Callable | None = None) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("关于开展文明创建活动的通知")
    if build:
        build(d)
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def docx_core_author(n: str) -> bytes:
    return docx_base(lambda d: setattr(d.core_properties, "author", f"张某 {n}"))


def docx_core_comments(n: str) -> bytes:
    return docx_base(lambda d: setattr(d.core_properties, "comments", f"联系 {n}"))


def docx_app_company(n: str) -> bytes:
    data = docx_base()
    app = read_member(data, "docProps/app.xml").replace("</Properties>", f"<Company>张某 {n}</Company></Properties>")
    return edit_zip(data, {"docProps/app.xml": app.encode()})


CUSTOM_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="联系人">'
    "<vt:lpwstr>{value}</vt:lpwstr></property></Properties>"
)


def with_custom_property(data: bytes, n: str) -> bytes:
    data = add_override(
        data,
        "docProps/custom.xml",
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        {"docProps/custom.xml": CUSTOM_XML.format(value=f"王某 {n}").encode()},
    )
    return add_relationship(
        data,
        "_rels/.rels",
        "rIdCustom",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
        "docProps/custom.xml",
    )


def docx_custom_property(n: str) -> bytes:
    return with_custom_property(docx_base(), n)


def docx_tel_link(n: str) -> bytes:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    def build(d):
        p = d.add_paragraph("咨询请拨打")
        # percent-encoded, as Word stores what it was given: the reader's program decodes it
        rid = d.part.relate_to(f"tel:{urllib.parse.quote(n)}", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        p._p.append(
            parse_xml(
                f'<w:hyperlink xmlns:w="{W_NS}" xmlns:r="{RT}" r:id="{rid}"><w:r><w:t>热线</w:t></w:r></w:hyperlink>'
            )
        )

    return docx_base(build)


def docx_alt_text(n: str) -> bytes:
    def build(d):
        run = d.paragraphs[0].add_run()
        shape = run.add_picture(io.BytesIO(photo()))
        shape._inline.docPr.set("descr", f"志愿者张某 {n}")

    return docx_base(build)


def docx_header(n: str) -> bytes:
    return docx_base(lambda d: setattr(d.sections[0].header.paragraphs[0], "text", f"经办人 {n}"))


def docx_footer(n: str) -> bytes:
    return docx_base(lambda d: setattr(d.sections[0].footer.paragraphs[0], "text", f"经办人 {n}"))


def docx_comment(n: str) -> bytes:
    def build(d):
        d.add_comment(d.paragraphs[0].runs, text=f"请联系 {n}", author="审核人", initials="SH")

    return docx_base(build)


def docx_comment_author(n: str) -> bytes:
    def build(d):
        d.add_comment(d.paragraphs[0].runs, text="请核实", author=f"王某{n}", initials="W")

    return docx_base(build)


FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
)


def docx_footnote(n: str) -> bytes:
    data = add_override(
        docx_base(),
        "word/footnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        {"word/footnotes.xml": FOOTNOTES.format(text=f"资料提供人 {n}").encode()},
    )
    return add_relationship(data, "word/_rels/document.xml.rels", "rIdFn", f"{RT}/footnotes", "footnotes.xml")


def docx_text_box(n: str) -> bytes:
    from docx.oxml import parse_xml

    def build(d):
        run = d.paragraphs[0].add_run()
        run._r.append(
            parse_xml(
                f'<w:pict xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox>'
                f"<w:txbxContent><w:p><w:r><w:t>联系 {n}</w:t></w:r></w:p></w:txbxContent>"
                "</v:textbox></v:shape></w:pict>"
            )
        )

    return docx_base(build)


def docx_photo_exif(n: str) -> bytes:
    return docx_base(lambda d: d.add_picture(io.BytesIO(photo(description=f"摄影 张某 {n}"))))


def docx_photo_gps(n: str) -> bytes:
    return docx_base(lambda d: d.add_picture(io.BytesIO(photo(gps=True))))


def docx_ole_object(n: str, base: bytes | None = None) -> bytes:
    data = edit_zip(
        base or docx_base(), {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)}
    )
    types = read_member(data, "[Content_Types].xml").replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>',
    )
    return edit_zip(data, {"[Content_Types].xml": types.encode()})


def docx_embedded_workbook(n: str) -> bytes:
    inner = xlsx_base(lambda book: book.active.__setitem__("B2", f"联系 {n}"))
    data = edit_zip(docx_base(), {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": inner})
    types = read_member(data, "[Content_Types].xml").replace(
        "</Types>",
        '<Default Extension="xlsx" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/></Types>',
    )
    return edit_zip(data, {"[Content_Types].xml": types.encode()})


def docx_settings_attribute(n: str) -> bytes:
    data = docx_base()
    settings = read_member(data, "word/settings.xml")
    settings = re.sub(
        r"(<w:settings\b[^>]*>)",
        rf'\1<w:docVars><w:docVar w:name="contact" w:val="{n}"/></w:docVars>',
        settings,
        count=1,
    )
    return edit_zip(data, {"word/settings.xml": settings.encode()})


# --- Excel ------------------------------------------------------------------------------


def xlsx_base(build: Callable | None = None) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet["A1"], sheet["B1"] = "活动", "人数"
    sheet["A2"], sheet["B2"] = "植树", 30
    if build:
        build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_comment(n: str) -> bytes:
    from openpyxl.comments import Comment

    return xlsx_base(lambda book: setattr(book.active["B2"], "comment", Comment(f"联系 {n}", "审核人")))


def xlsx_header(n: str) -> bytes:
    return xlsx_base(lambda book: setattr(book.active.oddHeader.center, "text", f"经办人 {n}"))


def xlsx_footer(n: str) -> bytes:
    return xlsx_base(lambda book: setattr(book.active.oddFooter.right, "text", f"经办人 {n}"))


def xlsx_validation(n: str) -> bytes:
    from openpyxl.worksheet.datavalidation import DataValidation

    def build(book):
        dv = DataValidation(type="list", formula1=f'"{n},办公室"')
        dv.add("C2:C10")
        book.active.add_data_validation(dv)

    return xlsx_base(build)


def xlsx_split_formula(n: str) -> bytes:
    return xlsx_base(lambda book: book.active.__setitem__("D2", f'="{n[:3]}"&"{n[3:7]}"&"{n[7:]}"'))


def xlsx_formula(n: str) -> bytes:
    return xlsx_base(lambda book: book.active.__setitem__("D2", f'=IF(B2>0,"{n}","")'))


def xlsx_hidden_sheet(n: str) -> bytes:
    def build(book):
        other = book.create_sheet("备用")
        other["A1"] = f"张某 {n}"
        other.sheet_state = "hidden"

    return xlsx_base(build)


def xlsx_defined_name(n: str) -> bytes:
    from openpyxl.workbook.defined_name import DefinedName

    return xlsx_base(lambda book: book.defined_names.add(DefinedName("联系", attr_text=f'"{n}"')))


def xlsx_properties(n: str) -> bytes:
    return xlsx_base(lambda book: setattr(book.properties, "creator", f"张某 {n}"))


def xlsx_custom_property(n: str) -> bytes:
    from openpyxl.packaging.custom import StringProperty

    return xlsx_base(lambda book: book.custom_doc_props.append(StringProperty(name="联系人", value=f"王某 {n}")))


def xlsx_hyperlink(n: str) -> bytes:
    return xlsx_base(lambda book: setattr(book.active["A2"], "hyperlink", f"tel:{n}"))


def xlsx_cell(n: str) -> bytes:
    # typed as a number where Excel keeps every digit (15); longer ones are kept as text
    return xlsx_base(lambda book: book.active.__setitem__("C2", int(n) if n.isdigit() and len(n) <= 15 else n))


# --- PowerPoint (no library installed: the package is written part by part) ------------

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PPTX_TYPES = "application/vnd.openxmlformats-officedocument.presentationml"


def _slide(text: str, extra: str = "", show: bool = True) -> str:
    hidden = "" if show else ' show="0"'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld xmlns:p="{P_NS}" xmlns:a="{A_NS}" '
        f'xmlns:r="{RT}"{hidden}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
        '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="标题"/><p:cNvSpPr/><p:nvPr/>'
        f"</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
        f"{extra}</p:spTree></p:cSld></p:sld>"
    )


def pptx(
    slides: list[str],
    notes: dict[int, str] | None = None,
    links: dict[int, str] | None = None,
    author: str = "宣传科",
    media: dict[str, bytes] | None = None,
) -> bytes:
    """A presentation with these slides (XML), notes per slide number, external links
    (rId9 of a slide) and a core author."""
    notes, links, media = notes or {}, links or {}, media or {}
    files: dict[str, str | bytes] = {}
    overrides = [
        ("/ppt/presentation.xml", f"{PPTX_TYPES}.presentation.main+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ]
    pres_rels = []
    ids = []
    for k, xml in enumerate(slides, 1):
        files[f"ppt/slides/slide{k}.xml"] = xml
        overrides.append((f"/ppt/slides/slide{k}.xml", f"{PPTX_TYPES}.slide+xml"))
        pres_rels.append(f'<Relationship Id="rId{k}" Type="{RT}/slide" Target="slides/slide{k}.xml"/>')
        ids.append(f'<p:sldId id="{255 + k}" r:id="rId{k}"/>')
        rels = []
        if k in notes:
            files[f"ppt/notesSlides/notesSlide{k}.xml"] = (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notes xmlns:p="{P_NS}" '
                f'xmlns:a="{A_NS}"><p:cSld><p:spTree><p:sp><p:txBody><a:bodyPr/><a:p><a:r><a:t>{notes[k]}</a:t>'
                "</a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:notes>"
            )
            overrides.append((f"/ppt/notesSlides/notesSlide{k}.xml", f"{PPTX_TYPES}.notesSlide+xml"))
            rels.append(f'<Relationship Id="rId8" Type="{RT}/notesSlide" Target="../notesSlides/notesSlide{k}.xml"/>')
        if k in links:
            rels.append(f'<Relationship Id="rId9" Type="{RT}/hyperlink" Target="{links[k]}" TargetMode="External"/>')
        for name in media:
            rels.append(f'<Relationship Id="rId7" Type="{RT}/image" Target="../media/{name}"/>')
        files[f"ppt/slides/_rels/slide{k}.xml.rels"] = _rels(rels)
    for name, data in media.items():
        files[f"ppt/media/{name}"] = data
    files["ppt/presentation.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="{P_NS}" '
        f'xmlns:r="{RT}"><p:sldIdLst>{"".join(ids)}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/>'
        '<p:notesSz cx="6858000" cy="9144000"/></p:presentation>'
    )
    files["ppt/_rels/presentation.xml.rels"] = _rels(pres_rels)
    files["_rels/.rels"] = _rels(
        [
            f'<Relationship Id="rId1" Type="{RT}/officeDocument" Target="ppt/presentation.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/>',
        ]
    )
    files["docProps/core.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{author}</dc:creator></cp:coreProperties>'
    )
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def _rels(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(items)}'
        "</Relationships>"
    )


def pptx_slide(n: str) -> bytes:
    return pptx([_slide("创建工作汇报"), _slide(f"联系人 {n}")])


def pptx_notes(n: str) -> bytes:
    return pptx([_slide("创建工作汇报")], notes={1: f"讲稿：联系 {n}"})


def pptx_hidden_slide(n: str) -> bytes:
    return pptx([_slide("创建工作汇报"), _slide(f"备用 {n}", show=False)])


def pptx_alt_text(n: str) -> bytes:
    picture = (
        f'<p:pic><p:nvPicPr><p:cNvPr id="3" name="图片 1" descr="志愿者 {n}"/><p:cNvPicPr/><p:nvPr/>'
        '</p:nvPicPr><p:blipFill><a:blip r:embed="rId7"/></p:blipFill><p:spPr/></p:pic>'
    )
    return pptx([_slide("活动照片", picture)], media={"image1.jpeg": photo()})


def pptx_link(n: str) -> bytes:
    return pptx([_slide("咨询")], links={1: f"tel:{n}"})


def pptx_author(n: str) -> bytes:
    return pptx([_slide("创建工作汇报")], author=f"张某 {n}")


def pptx_photo_gps(n: str) -> bytes:
    return pptx([_slide("活动照片")], media={"image1.jpeg": photo(gps=True)})


def pptx_video(n: str) -> bytes:
    return pptx([_slide("活动视频")], media={"media1.mp4": b"\x00\x00\x00\x18ftypmp42" + bytes(64)})


# --- PDF ------------------------------------------------------------------------------


def pdf_base() -> bytes:
    from conftest import blank_pdf

    return blank_pdf()


def _pdf_writer():
    import pypdf

    return pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_base())))


def _pdf_bytes(writer) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_author(n: str) -> bytes:
    w = _pdf_writer()
    w.add_metadata({"/Author": f"张某 {n}"})
    return _pdf_bytes(w)


def pdf_custom_info(n: str) -> bytes:
    w = _pdf_writer()
    w.add_metadata({"/Contact": f"王某 {n}"})
    return _pdf_bytes(w)


def pdf_xmp(n: str) -> bytes:
    from pypdf.generic import DecodedStreamObject, NameObject

    w = _pdf_writer()
    stream = DecodedStreamObject()
    stream.set_data(
        (
            '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>张某 {n}</dc:creator></rdf:Description>'
            '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        ).encode()
    )
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    w._root_object[NameObject("/Metadata")] = w._add_object(stream)
    return _pdf_bytes(w)


def pdf_annotation(n: str) -> bytes:
    from pypdf.annotations import Text

    w = _pdf_writer()
    w.add_annotation(0, Text(text=f"请联系 {n}", rect=(50, 550, 200, 650)))
    return _pdf_bytes(w)


def pdf_link(n: str) -> bytes:
    from pypdf.annotations import Link

    w = _pdf_writer()
    w.add_annotation(0, Link(rect=(50, 50, 200, 80), url=f"tel:{n}"))
    return _pdf_bytes(w)


def pdf_attachment(n: str) -> bytes:
    w = _pdf_writer()
    w.add_attachment("名单.txt", f"张某,{n}\n".encode())
    return _pdf_bytes(w)


def pdf_attached_workbook(n: str) -> bytes:
    w = _pdf_writer()
    w.add_attachment("台账.xlsx", xlsx_base(lambda book: book.active.__setitem__("C5", f"联系 {n}")))
    return _pdf_bytes(w)


def pdf_attached_archive(n: str) -> bytes:
    w = _pdf_writer()
    w.add_attachment("资料.zip", b"PK\x05\x06" + bytes(18))
    return _pdf_bytes(w)


def pdf_bookmark(n: str) -> bytes:
    w = _pdf_writer()
    w.add_outline_item(title=f"联系人 {n}", page_number=0)
    return _pdf_bytes(w)


def pdf_form_field(n: str) -> bytes:
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    w = _pdf_writer()
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("phone"),
            NameObject("/V"): TextStringObject(n),
            NameObject("/Rect"): ArrayObject([FloatObject(50), FloatObject(50), FloatObject(200), FloatObject(70)]),
            NameObject("/F"): NumberObject(4),
        }
    )
    ref = w._add_object(field)
    w.pages[0][NameObject("/Annots")] = ArrayObject([ref])
    w._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([ref])})
    return _pdf_bytes(w)


def pdf_photo_gps(n: str) -> bytes:
    """A page showing a JPEG embedded as it was taken (DCTDecode keeps its EXIF)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    w = _pdf_writer()
    jpeg = photo(gps=True)
    image = DecodedStreamObject()
    image._data = jpeg
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(32),
            NameObject("/Height"): NumberObject(24),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): ArrayObject([NameObject("/DCTDecode")]),
        }
    )
    ref = w._add_object(image)
    page = w.pages[0]
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): ref})}
    )
    return _pdf_bytes(w)


# --- the places -------------------------------------------------------------------------

PLACES: dict[str, dict[str, tuple[Callable[[str], bytes], str | None]]] = {
    "docx": {
        "core author": (docx_core_author, "文档属性“作者”"),
        "core comments": (docx_core_comments, "文档属性“备注”"),
        "app company": (docx_app_company, "文档属性“单位”"),
        "custom property": (docx_custom_property, "自定义文档属性“联系人”"),
        "tel link": (docx_tel_link, "正文中的链接地址"),
        "alt text": (docx_alt_text, "第 1 段中图片或图形的替代文字"),
        "header": (docx_header, "页眉"),
        "footer": (docx_footer, "页脚"),
        "comment": (docx_comment, "批注"),
        "comment author": (docx_comment_author, "批注中修订或批注的作者"),
        "footnote": (docx_footnote, "脚注"),
        "text box": (docx_text_box, "文本框"),
        "photo description": (docx_photo_exif, "嵌入的图片 word/media/image1.jpg 的照片信息"),
        "embedded workbook": (
            docx_embedded_workbook,
            "嵌入的文件 word/embeddings/Microsoft_Excel_Worksheet.xlsx 中的表“台账” B2",
        ),
        "settings": (docx_settings_attribute, "文件内部的 word/settings.xml中的内部属性 val"),
    },
    "xlsx": {
        "cell": (xlsx_cell, "表“台账” C2"),
        "comment": (xlsx_comment, "表“台账” B2 的批注"),
        "header": (xlsx_header, "表“台账”的页眉"),
        "footer": (xlsx_footer, "表“台账”的页脚"),
        "validation list": (xlsx_validation, "表“台账” C2:C10 的数据有效性（下拉列表）"),
        "split formula": (xlsx_split_formula, "表“台账” D2 的公式"),
        "formula": (xlsx_formula, "表“台账” D2 的公式"),
        "hidden sheet": (xlsx_hidden_sheet, "表“备用”（隐藏） A1"),
        "defined name": (xlsx_defined_name, "名称“联系”"),
        "properties": (xlsx_properties, "文档属性“作者”"),
        "custom property": (xlsx_custom_property, "自定义文档属性“联系人”"),
        "hyperlink": (xlsx_hyperlink, "表“台账”中的链接地址"),
    },
    "pptx": {
        "slide": (pptx_slide, "第 2 张幻灯片"),
        "notes": (pptx_notes, "第 1 张幻灯片的备注"),
        "hidden slide": (pptx_hidden_slide, "第 2 张幻灯片（隐藏）"),
        "alt text": (pptx_alt_text, "第 1 张幻灯片中图片或图形的替代文字"),
        "link": (pptx_link, "第 1 张幻灯片中的链接地址"),
        "author": (pptx_author, "文档属性“作者”"),
    },
    "pdf": {
        "author": (pdf_author, "文档属性“作者”"),
        "custom info": (pdf_custom_info, "文档属性“Contact”"),
        "xmp": (pdf_xmp, "XMP 元数据"),
        "annotation": (pdf_annotation, "第 1 页的批注"),
        "link": (pdf_link, "第 1 页的链接地址"),
        "attachment": (pdf_attachment, "附件“名单.txt”"),
        "attached workbook": (pdf_attached_workbook, "附件“台账.xlsx”中的表“台账” C5"),
        "bookmark": (pdf_bookmark, "书签"),
        "form field": (pdf_form_field, "表单字段"),
    },
}


# --- decompression bombs ------------------------------------------------------------------


def deflate_zeros(size_mib: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``size_mib`` MiB of zeros, about 1 KB per MiB, and its CRC:
    one fully flushed block repeated (a full flush makes each copy stand alone)."""
    import zlib

    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.flush(zlib.Z_FINISH)
    zeros, crc = bytes(1 << 20), 0
    for _ in range(size_mib):
        crc = zlib.crc32(zeros, crc)
    return block * size_mib + end, crc


def bomb(package: bytes, member: str, size_mib: int) -> bytes:
    """The package with ``member`` replaced by ``size_mib`` MiB of zeros, deflated: a real
    bomb (sizes and CRC are true), written by hand since zipfile would inflate nothing but
    compress everything itself."""
    import struct
    import zlib

    src = zipfile.ZipFile(io.BytesIO(package))
    entries = []
    for info in src.infolist():
        if info.filename == member:
            data, crc = deflate_zeros(size_mib)
            entries.append((member, data, crc, size_mib << 20))
        else:
            raw = src.read(info.filename)
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            entries.append((info.filename, c.compress(raw) + c.flush(), zlib.crc32(raw), len(raw)))
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in entries:
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
        )
        central.write(encoded)
    start = out.tell()
    out.write(central.getvalue())
    n = len(entries)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central.getvalue()), start, 0))
    return out.getvalue()


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for k in range(count):
            z.writestr(f"word/media/x{k}.xml", b"")
    return out.getvalue()
