//! A store-only ZIP writer (no compression) that hands out its bytes as it goes, so an archive
//! can be appended to a Blob one piece at a time, with the CRC-32 it needs.
//!
//! What it writes: a local header and the data for each entry — either whole ([`ZipWriter::file`])
//! or streamed with a data descriptor ([`ZipWriter::open`], general-purpose flag bit 3: sizes and
//! CRC follow the data) — then the central directory and the end record. Names are UTF-8 (flag
//! bit 11). There is no zip64: an archive that would pass 4 GB or 65,535 entries is refused with
//! [`ExportError::TooLarge`]. Readers that use the central directory (unzip, Python's `zipfile`,
//! 7-Zip, Windows Explorer, libarchive) read streamed entries; Java's `ZipInputStream` refuses a
//! stored entry with a data descriptor.

use crate::model::format::native::ExportError;

/// The CRC-32 (IEEE 802.3, as ZIP uses it) lookup table, built at compile time: 1 KiB.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// A running CRC-32, fed a piece at a time.
#[derive(Debug, Clone, Copy)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Crc32(!0)
    }
}

impl Crc32 {
    /// Adds `bytes`.
    pub fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = CRC_TABLE[usize::from((self.0 as u8) ^ b)] ^ (self.0 >> 8);
        }
    }

    /// The checksum of everything added so far.
    pub fn value(self) -> u32 {
        !self.0
    }
}

/// General-purpose flag bit 11: the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;
/// General-purpose flag bit 3: CRC and sizes follow the data in a data descriptor.
const DATA_DESCRIPTOR: u16 = 1 << 3;
/// "Version needed to extract" and "made by": 2.0 (MS-DOS attributes).
const VERSION: u16 = 20;
/// Most entries an archive without zip64 holds.
const MAX_ENTRIES: usize = 0xFFFF;

/// An archive being written. Every method returns the bytes to append next.
#[derive(Debug)]
pub struct ZipWriter {
    /// Bytes handed out so far: where the next local header starts.
    offset: u64,
    /// The central directory, built as entries are written.
    central: Vec<u8>,
    entries: usize,
    /// MS-DOS modification time and date stamped on every entry.
    time: u16,
    date: u16,
}

/// An entry whose data is being streamed ([`ZipWriter::open`]); feed it with
/// [`OpenEntry::data`] and end it with [`ZipWriter::close`].
#[derive(Debug)]
pub struct OpenEntry {
    name: String,
    offset: u64,
    crc: Crc32,
    size: u64,
}

impl OpenEntry {
    /// Adds `bytes` to the entry's checksum and size; returns them to append, or refuses when
    /// the entry would pass 4 GB.
    pub fn data(&mut self, bytes: Vec<u8>) -> Result<Vec<u8>, ExportError> {
        self.size += bytes.len() as u64;
        fits(self.size, "an entry passes 4 GB")?;
        self.crc.update(&bytes);
        Ok(bytes)
    }

    /// Bytes of data so far.
    pub fn size(&self) -> u64 {
        self.size
    }
}

/// `value` as a 32-bit ZIP field, or [`ExportError::TooLarge`] (`0xFFFFFFFF` means zip64).
fn fits(value: u64, what: &str) -> Result<u32, ExportError> {
    u32::try_from(value)
        .ok()
        .filter(|v| *v != u32::MAX)
        .ok_or_else(|| ExportError::TooLarge(format!("{what}, and zip64 is not written")))
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The MS-DOS time and date of an ISO 8601 stamp (`2026-11-28T01:36:16Z`); 1980-01-01 00:00
/// when it does not parse or lies before 1980.
fn dos_stamp(iso: &str) -> (u16, u16) {
    let field = |range: std::ops::Range<usize>| iso.get(range).and_then(|s| s.parse::<u16>().ok());
    let parts = (
        field(0..4),
        field(5..7),
        field(8..10),
        field(11..13),
        field(14..16),
        field(17..19),
    );
    match parts {
        (Some(y @ 1980..=2107), Some(mo @ 1..=12), Some(d @ 1..=31), h, mi, s) => {
            let (h, mi, s) = (h.unwrap_or(0), mi.unwrap_or(0), s.unwrap_or(0));
            let time = if h < 24 && mi < 60 && s < 60 {
                (h << 11) | (mi << 5) | (s / 2)
            } else {
                0
            };
            (time, ((y - 1980) << 9) | (mo << 5) | d)
        }
        _ => (0, (1 << 5) | 1),
    }
}

impl ZipWriter {
    /// An empty archive whose entries are stamped with `modified` (ISO 8601).
    pub fn new(modified: &str) -> Self {
        let (time, date) = dos_stamp(modified);
        ZipWriter {
            offset: 0,
            central: Vec::new(),
            entries: 0,
            time,
            date,
        }
    }

    /// The fields local and central headers share, from "version needed" to the extra length.
    fn common(&self, out: &mut Vec<u8>, flags: u16, crc: u32, size: u32, name: &str) {
        put16(out, VERSION);
        put16(out, flags);
        put16(out, 0); // stored
        put16(out, self.time);
        put16(out, self.date);
        put32(out, crc);
        put32(out, size); // compressed size: stored, so the same
        put32(out, size);
        // Names are file names made by the writer, far below 64 KiB.
        put16(out, u16::try_from(name.len()).unwrap_or(u16::MAX));
        put16(out, 0); // no extra field
    }

    /// Records the entry in the central directory.
    fn record(
        &mut self,
        flags: u16,
        crc: u32,
        size: u32,
        name: &str,
        offset: u64,
    ) -> Result<(), ExportError> {
        if self.entries >= MAX_ENTRIES {
            return Err(ExportError::TooLarge(format!(
                "more than {MAX_ENTRIES} files, and zip64 is not written"
            )));
        }
        let offset = fits(offset, "the archive passes 4 GB")?;
        let mut central = std::mem::take(&mut self.central);
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, VERSION);
        self.common(&mut central, flags, crc, size, name);
        put16(&mut central, 0); // no comment
        put16(&mut central, 0); // disk 0
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
        self.central = central;
        self.entries += 1;
        Ok(())
    }

    /// A local header.
    fn local(&self, flags: u16, crc: u32, size: u32, name: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(30 + name.len());
        put32(&mut out, 0x0403_4b50);
        self.common(&mut out, flags, crc, size, name);
        out.extend_from_slice(name.as_bytes());
        out
    }

    /// Counts `bytes` as handed out.
    fn advance(&mut self, bytes: &[u8]) -> Result<(), ExportError> {
        self.offset += bytes.len() as u64;
        fits(self.offset, "the archive passes 4 GB").map(|_| ())
    }

    /// A whole entry: its local header followed by `data`.
    pub fn file(&mut self, name: &str, data: &[u8]) -> Result<Vec<u8>, ExportError> {
        let size = fits(data.len() as u64, "an entry passes 4 GB")?;
        let mut crc = Crc32::default();
        crc.update(data);
        let crc = crc.value();
        let offset = self.offset;
        self.record(UTF8_NAME, crc, size, name, offset)?;
        let mut out = self.local(UTF8_NAME, crc, size, name);
        out.extend_from_slice(data);
        self.advance(&out)?;
        Ok(out)
    }

    /// Starts an entry whose data comes later, a piece at a time: its local header (sizes and
    /// CRC zero, flag bit 3) and the handle to feed.
    pub fn open(&mut self, name: &str) -> Result<(OpenEntry, Vec<u8>), ExportError> {
        let entry = OpenEntry {
            name: name.to_string(),
            offset: self.offset,
            crc: Crc32::default(),
            size: 0,
        };
        let header = self.local(UTF8_NAME | DATA_DESCRIPTOR, 0, 0, name);
        self.advance(&header)?;
        Ok((entry, header))
    }

    /// Ends a streamed entry, whose data (already handed out) must be counted here: returns
    /// its data descriptor.
    pub fn close(&mut self, entry: OpenEntry) -> Result<Vec<u8>, ExportError> {
        self.offset += entry.size;
        let size = fits(entry.size, "an entry passes 4 GB")?;
        let crc = entry.crc.value();
        self.record(
            UTF8_NAME | DATA_DESCRIPTOR,
            crc,
            size,
            &entry.name,
            entry.offset,
        )?;
        let mut out = Vec::with_capacity(16);
        put32(&mut out, 0x0807_4b50);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        self.advance(&out)?;
        Ok(out)
    }

    /// The central directory and the end record.
    pub fn finish(self) -> Result<Vec<u8>, ExportError> {
        let start = fits(self.offset, "the archive passes 4 GB")?;
        let size = fits(self.central.len() as u64, "the archive passes 4 GB")?;
        fits(
            self.offset + self.central.len() as u64,
            "the archive passes 4 GB",
        )?;
        // `record` keeps the count at most MAX_ENTRIES.
        let count = u16::try_from(self.entries).unwrap_or(u16::MAX);
        let mut out = self.central;
        put32(&mut out, 0x0605_4b50);
        put16(&mut out, 0); // this disk
        put16(&mut out, 0); // the disk with the central directory
        put16(&mut out, count);
        put16(&mut out, count);
        put32(&mut out, size);
        put32(&mut out, start);
        put16(&mut out, 0); // no comment
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        let mut crc = Crc32::default();
        crc.update(b"1234");
        crc.update(b"56789");
        assert_eq!(crc.value(), 0xCBF4_3926);
        assert_eq!(Crc32::default().value(), 0);
    }

    #[test]
    fn dos_stamps() {
        // 2026-11-28 01:36:16
        assert_eq!(
            dos_stamp("2026-11-28T01:36:16.000Z"),
            ((1 << 11) | (36 << 5) | 8, (46 << 9) | (11 << 5) | 28)
        );
        assert_eq!(dos_stamp("now"), (0, 33));
        assert_eq!(dos_stamp("1970-01-01T00:00:00Z"), (0, 33));
    }

    #[test]
    fn refuses_what_needs_zip64() {
        assert!(fits(u64::from(u32::MAX), "x").is_err());
        assert_eq!(fits(7, "x"), Ok(7));
        let mut zip = ZipWriter::new("now");
        zip.entries = MAX_ENTRIES;
        assert!(matches!(zip.file("a", b""), Err(ExportError::TooLarge(_))));
    }
}
