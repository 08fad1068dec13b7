// A small ZIP reader for the tests: the entries of an archive (stored or deflated) by name,
// read through its central directory.
import zlib from 'node:zlib';

export function unzip(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const files = {};
  for (let k = 0; k < count; k += 1) {
    if (buffer.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${k}`);
    const method = buffer.readUInt16LE(p + 10);
    const size = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extra = buffer.readUInt16LE(p + 30);
    const comment = buffer.readUInt16LE(p + 32);
    const offset = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const start = offset + 30 + buffer.readUInt16LE(offset + 26) + buffer.readUInt16LE(offset + 28);
    const data = buffer.subarray(start, start + size);
    files[name] = (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
    p += 46 + nameLength + extra + comment;
  }
  return files;
}
