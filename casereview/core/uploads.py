"""How large an upload may be, per kind, from settings (CASEREVIEW_UPLOAD_MAX_MB), and the one way of
saying a file is too large, so every limit and its message agree.

Also the two checks every upload path shares:
- `BoundedUploadHandler` (settings FILE_UPLOAD_HANDLERS) streams each file to a temporary file on disk and
  stops writing once it passes the largest limit of any kind, while still counting its size, so a form
  can refuse it by `upload.size` with the usual message and neither memory nor disk holds more than the
  limit. A form then checks its own kind's limit by `upload.size` before reading a byte.
- `inspect_zip` inflates every member of a zip (a DOCX, XLSX or PPTX) a chunk at a time and counts what it
  really becomes, because a zip's directory can lie about its sizes."""

import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadhandler import FileUploadHandler, TemporaryFileUploadHandler


def max_megabytes(kind):
    return settings.CASEREVIEW_UPLOAD_MAX_MB[kind]


def max_bytes(kind):
    return max_megabytes(kind) * 1024 * 1024


def largest_bytes():
    return max(settings.CASEREVIEW_UPLOAD_MAX_MB.values()) * 1024 * 1024


def too_large(kind, size, advice=""):
    """The message for a file of `size` bytes over the `kind` limit, or None when it fits."""
    if size <= max_bytes(kind):
        return None
    message = f"The selected file must be smaller than {max_megabytes(kind)} MB (it is {size / 1024 / 1024:.1f} MB)"
    return f"{message}. {advice}" if advice else message


def size_of(data):
    """Bytes, or an uploaded file (whose size is known before it is read)."""
    return data.size if hasattr(data, "chunks") else len(data)


def as_file(data):
    """Something storage can save a chunk at a time: the upload itself, or bytes wrapped."""
    return data if hasattr(data, "chunks") else ContentFile(data)


def copy_to(data, path):
    """Write bytes or an upload to `path` a chunk at a time."""
    with open(path, "wb") as handle:
        for chunk in as_file(data).chunks():
            handle.write(chunk)


class CutOffUploadHandler(FileUploadHandler):
    """Notices a file whose part of the request never ended: the body stopped mid-file (a connection cut,
    a Content-Length that lies). Django then drops the file without a word and keeps the fields, so a
    progress update was saved without its evidence (probe 15). First in FILE_UPLOAD_HANDLERS; it only
    watches, passing every chunk on; core.middleware.RefuseCutOffUploadMiddleware refuses the request."""

    def new_file(self, field_name, *args, **kwargs):
        super().new_file(field_name, *args, **kwargs)
        self.unfinished = field_name

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        self.unfinished = None

    def upload_complete(self):
        if getattr(self, "unfinished", None):
            self.request.upload_cut_off = self.unfinished


class BoundedUploadHandler(TemporaryFileUploadHandler):
    """Every file goes to a temporary file on disk; past the largest limit the rest is counted, not kept.
    The truncated file is never read: its size alone (the real size) makes every form refuse it."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received <= largest_bytes() + 1:
            self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        self.file.size = self.received
        return self.file


# --- zips ---------------------------------------------------------------------------------------------

CHUNK = 64 * 1024
MAX_ZIP_ENTRIES = 5000


class UnsafeZip(Exception):
    """The zip inflates past the limit, has too many parts, or cannot be read; str() says which, plainly."""


@dataclass
class ZipContents:
    names: set = field(default_factory=set)
    inflated: int = 0
    # names of the XML parts that declare a DTD (<!DOCTYPE or <!ENTITY): entity expansion is how a small
    # spreadsheet becomes a huge one inside the parser, and no genuine Office file needs one.
    with_dtd: set = field(default_factory=set)


_DTD_MARKERS = (b"<!doctype", b"<!entity")


def inspect_zip(fileobj, *, max_inflated):
    """Inflate every member of the zip in `fileobj` from its raw compressed bytes, counting what it really
    becomes, and stop with UnsafeZip as soon as the total passes `max_inflated`. The directory's sizes are
    not trusted: a member that inflates to anything but its declared size is refused (Python's zipfile
    would stop at the declared size, but Word or an unzip program would not). Memory stays at one chunk."""
    contents = ZipContents()
    try:
        archive = zipfile.ZipFile(fileobj)
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsafeZip("damaged") from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UnsafeZip(f"it has {len(entries):,} parts")
    for entry in entries:
        contents.names.add(entry.filename)
        xml = entry.filename.lower().endswith((".xml", ".rels", ".vml"))
        tail = b""
        produced = 0
        for chunk in _inflated_chunks(fileobj, entry):
            produced += len(chunk)
            contents.inflated += len(chunk)
            if contents.inflated > max_inflated:
                raise UnsafeZip(f"it would unpack to more than {max_inflated // 1024 // 1024} MB")
            if xml and entry.filename not in contents.with_dtd:
                if any(marker in (tail + chunk).lower() for marker in _DTD_MARKERS):
                    contents.with_dtd.add(entry.filename)
                tail = chunk[-16:]
        if produced != entry.file_size:
            raise UnsafeZip("its list of contents does not match what is inside")
    return contents


def _inflated_chunks(fileobj, entry):
    if entry.flag_bits & 0x1:
        raise UnsafeZip("it is password-protected")
    if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise UnsafeZip("damaged")
    fileobj.seek(entry.header_offset)
    header = fileobj.read(zipfile.sizeFileHeader)
    if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        raise UnsafeZip("damaged")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    fileobj.seek(name_length + extra_length, 1)
    left = entry.compress_size
    inflater = zlib.decompressobj(-15) if entry.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0:
        raw = fileobj.read(min(CHUNK, left))
        if not raw:
            raise UnsafeZip("damaged")
        left -= len(raw)
        if inflater is None:
            yield raw
            continue
        try:
            while raw:
                # max_length keeps each step to one chunk however well the data compresses
                out = inflater.decompress(raw, CHUNK)
                raw = inflater.unconsumed_tail
                if out:
                    yield out
                if inflater.eof:
                    break
        except zlib.error as exc:
            raise UnsafeZip("damaged") from exc
        if inflater.eof:
            break
    if inflater is not None:
        while not inflater.eof and (out := inflater.decompress(b"", CHUNK)):
            yield out
        if not inflater.eof:
            raise UnsafeZip("damaged")
