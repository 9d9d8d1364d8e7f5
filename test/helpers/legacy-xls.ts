/** The first sector of an Excel 97-2003 file: the OLE compound-file signature, then zeros. */
export const LEGACY_XLS = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);

/** A password-protected .xlsx as Office saves it: the same container, an EncryptedPackage stream. */
export const ENCRYPTED_XLSX = Buffer.concat([
  LEGACY_XLS,
  Buffer.from('EncryptedPackage', 'utf16le'),
  Buffer.alloc(64),
]);
