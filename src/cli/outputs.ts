import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';

/**
 * The command line's outputs (--json, --docx, --out): which file each names, whether that
 * file is one of the inputs, and the atomic write of all of them once the whole run has
 * succeeded — each to a temporary file beside its target, renamed into place only when every
 * output has been produced and written, and nothing left behind otherwise.
 */

export type OutputOption = '--json' | '--docx' | '--out';
export type InputRole = 'workbook' | 'previous' | 'settings' | 'scheme' | 'draft';

export interface OutputPath {
  readonly option: OutputOption;
  readonly path: string;
}
export interface InputPath {
  readonly role: InputRole;
  readonly path: string;
}

/** The extension each output must have (a device such as /dev/stdout is exempt). */
export const OUTPUT_EXTENSIONS: Readonly<Record<OutputOption, string>> = {
  '--json': '.json',
  '--docx': '.docx',
  '--out': '.xlsx',
};

/** The file system calls the outputs use; tests inject failures (a full disk, EACCES). */
export interface OutputFs {
  readonly stat: typeof nodeFs.stat;
  readonly realpath: typeof nodeFs.realpath;
  readonly access: typeof nodeFs.access;
  readonly mkdir: typeof nodeFs.mkdir;
  readonly writeFile: typeof nodeFs.writeFile;
  readonly chmod: typeof nodeFs.chmod;
  readonly rename: typeof nodeFs.rename;
  readonly rm: typeof nodeFs.rm;
  readonly rmdir: typeof nodeFs.rmdir;
}

export const NODE_FS: OutputFs = {
  stat: nodeFs.stat,
  realpath: nodeFs.realpath,
  access: nodeFs.access,
  mkdir: nodeFs.mkdir,
  writeFile: nodeFs.writeFile,
  chmod: nodeFs.chmod,
  rename: nodeFs.rename,
  rm: nodeFs.rm,
  rmdir: nodeFs.rmdir,
};

const errnoCode = (e: unknown): string | null =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string'
    ? (e as NodeJS.ErrnoException).code!
    : null;

/** A path as the file system sees it: symlinks resolved, and its device and inode if it exists. */
interface Identity {
  readonly canonical: string;
  readonly inode: string | null;
}

/**
 * The real path of `path`: the longest existing prefix resolved through its symlinks, the
 * rest appended (`./a/../a.xlsx`, `a.xlsx/`, a symlinked folder all come to the same).
 */
async function canonicalPath(path: string, fs: OutputFs): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  for (let at = absolute; ;) {
    const real = await fs.realpath(at).catch(() => null);
    if (real !== null) return rest.length === 0 ? real : join(real, ...rest.reverse());
    const parent = dirname(at);
    if (parent === at) return absolute;
    rest.push(basename(at));
    at = parent;
  }
}

async function identify(path: string, fs: OutputFs): Promise<Identity> {
  const canonical = await canonicalPath(path, fs);
  const info = await fs.stat(resolve(path)).catch(() => null);
  return { canonical, inode: info ? `${info.dev}:${info.ino}` : null };
}

const same = (a: Identity, b: Identity) =>
  a.canonical === b.canonical || (a.inode !== null && a.inode === b.inode);

export type PathConflict =
  | { readonly kind: 'outputIsInput'; readonly output: OutputPath; readonly input: InputPath }
  | { readonly kind: 'sameOutput'; readonly first: OutputPath; readonly second: OutputPath };

/**
 * An output naming an input — directly, by another spelling, through a symlink or a hard
 * link — or two outputs naming one file; null when every output is a file of its own.
 */
export async function findPathConflict(
  inputs: readonly InputPath[],
  outputs: readonly OutputPath[],
  fs: OutputFs = NODE_FS,
): Promise<PathConflict | null> {
  const ins = await Promise.all(inputs.map((i) => identify(i.path, fs)));
  const outs = await Promise.all(outputs.map((o) => identify(o.path, fs)));
  for (let o = 0; o < outputs.length; o++) {
    for (let i = 0; i < inputs.length; i++)
      if (same(outs[o]!, ins[i]!))
        return { kind: 'outputIsInput', output: outputs[o]!, input: inputs[i]! };
    for (let p = 0; p < o; p++)
      if (same(outs[o]!, outs[p]!))
        return { kind: 'sameOutput', first: outputs[p]!, second: outputs[o]! };
  }
  return null;
}

/**
 * An output path without the extension its option writes (or `expected`, for a command whose
 * option writes another kind: proofread's --out is a .docx); null when it has it.
 */
export function wrongExtension(
  output: OutputPath,
  expected = OUTPUT_EXTENSIONS[output.option],
): string | null {
  return extname(output.path).toLowerCase() === expected ? null : expected;
}

/** Why an output cannot be written: what the user is told, with the file it concerns. */
export type WriteProblem =
  | { readonly kind: 'folder'; readonly file: string }
  | { readonly kind: 'underFile'; readonly file: string; readonly parent: string }
  | { readonly kind: 'notFile'; readonly file: string }
  | { readonly kind: 'io'; readonly file: string; readonly code: string; readonly detail: string };

/** A write that failed, carrying the problem to tell the user. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly problem: WriteProblem) {
    super(`${problem.kind}: ${problem.file}`);
  }
}

/** Where an output goes: a regular file replaced atomically, or a device written in place. */
export interface OutputTarget {
  readonly option: OutputOption;
  /** The path as the user gave it (for messages). */
  readonly path: string;
  /** The file renamed over: symlinks followed, so a link to a file updates that file. */
  readonly destination: string;
  /** A character device or a pipe (/dev/stdout, /dev/null): written directly, not replaced. */
  readonly device: boolean;
  /** The mode of the file replaced, kept on the new one. */
  readonly mode: number | null;
}

const endsWithSeparator = (p: string) => p.endsWith('/') || p.endsWith(sep);

/**
 * Check before anything is read that an output can be written: not a folder, not under a
 * file, in a folder that exists or can be made and is writable.
 */
export async function prepareOutput(
  output: OutputPath,
  fs: OutputFs = NODE_FS,
): Promise<OutputTarget | WriteProblem> {
  const file = output.path;
  const absolute = resolve(file);
  const info = await fs.stat(absolute).catch(() => null);
  if (info !== null) {
    if (info.isDirectory()) return { kind: 'folder', file };
    if (endsWithSeparator(file)) return { kind: 'underFile', file, parent: absolute };
    if (info.isCharacterDevice() || info.isFIFO())
      return { option: output.option, path: file, destination: absolute, device: true, mode: null };
    if (!info.isFile()) return { kind: 'notFile', file };
    const destination = await fs.realpath(absolute);
    const writable = await fs.access(dirname(destination), nodeFs.constants.W_OK).then(
      () => null,
      (e: unknown) => e,
    );
    if (writable !== null) return ioProblem(file, writable);
    return {
      option: output.option,
      path: file,
      destination,
      device: false,
      mode: info.mode & 0o7777,
    };
  }
  if (endsWithSeparator(file)) return { kind: 'folder', file };
  // A new file: the nearest existing folder above it must be a folder, and writable.
  for (let at = dirname(absolute); ; at = dirname(at)) {
    const above = await fs.stat(at).catch(() => null);
    if (above !== null) {
      if (!above.isDirectory()) return { kind: 'underFile', file, parent: at };
      const writable = await fs.access(at, nodeFs.constants.W_OK).then(
        () => null,
        (e: unknown) => e,
      );
      if (writable !== null) return ioProblem(file, writable);
      break;
    }
    if (dirname(at) === at) break;
  }
  const destination = await canonicalPath(absolute, fs);
  return { option: output.option, path: file, destination, device: false, mode: null };
}

function ioProblem(file: string, e: unknown): WriteProblem {
  const code = errnoCode(e) ?? 'EIO';
  if (code === 'EISDIR') return { kind: 'folder', file };
  const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  return { kind: 'io', file, code, detail };
}

export const isWriteProblem = (x: OutputTarget | WriteProblem): x is WriteProblem => 'kind' in x;

/** A temporary name beside `file`: `.name.xlsx.tongbao-<pid>-<random>.tmp`. */
export function temporaryName(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.tongbao-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Write every output, or none: each goes to a temporary file beside its target, and only
 * when all of them are written are they renamed into place. On any failure the temporary
 * files and the folders made for them are removed, and an OutputError names the file.
 */
export async function commitOutputs(
  outputs: readonly { readonly target: OutputTarget; readonly data: string | Uint8Array }[],
  fs: OutputFs = NODE_FS,
): Promise<void> {
  const temporaries: string[] = [];
  /** Folders this run made (removed, innermost first, on failure). */
  const made: string[] = [];
  let done = false;
  let current: OutputTarget | null = null;
  try {
    const staged: { target: OutputTarget; temporary: string }[] = [];
    for (const { target, data } of outputs) {
      current = target;
      if (target.device) continue;
      const folder = dirname(target.destination);
      const first = await fs.mkdir(folder, { recursive: true });
      if (first !== undefined)
        for (let at = folder; ; at = dirname(at)) {
          made.push(at);
          if (at === first || dirname(at) === at) break;
        }
      const temporary = temporaryName(target.destination);
      temporaries.push(temporary);
      await fs.writeFile(temporary, data, { flag: 'wx' });
      if (target.mode !== null) await fs.chmod(temporary, target.mode);
      staged.push({ target, temporary });
    }
    for (const { target, data } of outputs) {
      current = target;
      if (target.device) await fs.writeFile(target.destination, data);
    }
    for (const { target, temporary } of staged) {
      current = target;
      await fs.rename(temporary, target.destination);
    }
    done = true;
  } catch (e) {
    // A system error (EACCES, ENOSPC, …) is the user's to fix; anything else is a bug.
    if (current === null || errnoCode(e) === null) throw e;
    throw new OutputError(ioProblem(current.path, e));
  } finally {
    if (!done) {
      await Promise.all(temporaries.map((t) => fs.rm(t, { force: true }).catch(() => undefined)));
      const folders = [...new Set(made)].sort((a, b) => b.length - a.length);
      for (const folder of folders) await fs.rmdir(folder).catch(() => undefined);
    }
  }
}
