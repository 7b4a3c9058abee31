import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { withMemoryMaximum } from '../../src/photo/wasm-memory.js';

const require = createRequire(import.meta.url);

/** The parts of WebAssembly this test uses, which the project's minimal server-side typings leave out. */
interface GrowableMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = WebAssembly as unknown as {
  Module: { new (bytes: Uint8Array): object; exports(module: object): unknown[] };
  Instance: new (module: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
};
const PAGE = 64 * 1024;
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** Exports its memory as `m`. */
const EXPORT_MEMORY = [0x07, 0x05, 0x01, 0x01, 0x6d, 0x02, 0x00];

/** A module defining one memory with `limits` (flags, initial pages, maximum pages if flagged). */
function moduleWithMemory(...limits: number[]): Uint8Array {
  return new Uint8Array([...HEADER, 0x05, limits.length + 1, 0x01, ...limits, ...EXPORT_MEMORY]);
}

function memoryOf(bytes: Uint8Array): GrowableMemory {
  const instance = new wasm.Instance(new wasm.Module(bytes));
  return instance.exports.m as GrowableMemory;
}

describe('withMemoryMaximum', () => {
  it('lowers a declared maximum, so growing past it fails', () => {
    const memory = memoryOf(withMemoryMaximum(moduleWithMemory(0x01, 0x01, 0x64), 4 * PAGE)); // 1 to 100 pages
    memory.grow(3);
    expect(memory.buffer.byteLength).toBe(4 * PAGE);
    expect(() => memory.grow(1)).toThrow(RangeError);
    // Unpatched, the same module grows on.
    const original = memoryOf(moduleWithMemory(0x01, 0x01, 0x64));
    original.grow(10);
    expect(original.buffer.byteLength).toBe(11 * PAGE);
  });

  it('gives a memory without a maximum one, and keeps a lower maximum of its own', () => {
    const unbounded = memoryOf(withMemoryMaximum(moduleWithMemory(0x00, 0x01), 2 * PAGE));
    expect(() => unbounded.grow(2)).toThrow(RangeError);
    const tighter = memoryOf(withMemoryMaximum(moduleWithMemory(0x01, 0x01, 0x02), 100 * PAGE));
    expect(() => tighter.grow(2)).toThrow(RangeError);
  });

  it('leaves a module that imports its memory as it is', () => {
    const imports = [0x02, 0x0c, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x01];
    const bytes = new Uint8Array([...HEADER, ...imports]);
    expect(withMemoryMaximum(bytes, 2 * PAGE)).toBe(bytes);
  });

  it.each([
    '@cwasm/jpeg-turbo/jpeg-turbo.wasm',
    '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm',
    '@jsquash/webp/codec/dec/webp_dec.wasm',
  ])('keeps %s a valid module', async (file) => {
    const bytes = new Uint8Array(await readFile(require.resolve(file)));
    const patched = withMemoryMaximum(bytes, 256 * 1024 * 1024);
    expect(patched).not.toBe(bytes);
    expect(wasm.validate(patched)).toBe(true);
    expect(wasm.Module.exports(new wasm.Module(patched))).toEqual(
      wasm.Module.exports(new wasm.Module(bytes)),
    );
  });
});
