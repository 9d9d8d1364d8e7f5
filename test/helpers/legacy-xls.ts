/** The first sector of an Excel 97-2003 file: the OLE compound-file signature, then zeros. */
export const LEGACY_XLS = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);
