/**
 * A ceiling on each WebAssembly codec's memory. The codecs define their own memory, which grows on demand: up to
 * 2 GiB for the jSquash builds (mozjpeg, libwebp) and, having no declared maximum, up to 4 GiB for libjpeg-turbo.
 * That memory lives outside the V8 heap, so a worker's `resourceLimits` do not bound it. The maximum is part of the
 * module's binary, so it is lowered there, before compiling: past it `memory.grow` fails, the codec's `malloc`
 * returns null, and the decode fails as that one job's error instead of taking the process's memory.
 */

const PAGE = 64 * 1024;

/** Ceiling applied to codecs compiled from now on, in bytes; set once per thread by its owner. */
let ceilingBytes = 1024 * 1024 * 1024;

/** Sets the ceiling for codecs compiled after this call (the photo worker calls it at start-up). */
export function setWasmMemoryCeiling(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 16 * 1024 * 1024)
    throw new RangeError('wasm memory ceiling too low');
  ceilingBytes = bytes;
}

/** The ceiling in bytes. */
export function wasmMemoryCeiling(): number {
  return ceilingBytes;
}

function readLeb(bytes: Uint8Array, start: number): { value: number; end: number } {
  let value = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('truncated wasm module');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, end: at };
  }
}

function writeLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    out.push(byte);
  } while (rest > 0);
  return out;
}

/**
 * A copy of a WebAssembly binary whose (first) defined memory may grow to at most `maxBytes`, or to its own
 * maximum if that is lower. A module that defines no memory (one that imports it) is returned as it is.
 */
export function withMemoryMaximum(wasm: Uint8Array, maxBytes: number = ceilingBytes): Uint8Array {
  let at = 8; // magic and version
  while (at < wasm.length) {
    const id = wasm[at] ?? 0;
    const size = readLeb(wasm, at + 1);
    const body = size.end;
    const next = body + size.value;
    if (id === 5) {
      const count = readLeb(wasm, body);
      if (count.value === 0) return wasm;
      const flags = wasm[count.end] ?? 0;
      if (flags > 1) return wasm; // shared or 64-bit memory: not what these codecs use
      const initial = readLeb(wasm, count.end + 1);
      const declared = flags === 1 ? readLeb(wasm, initial.end) : null;
      const pages = Math.max(
        initial.value,
        Math.min(Math.floor(maxBytes / PAGE), declared ? declared.value : 65_536),
      );
      const limits = [1, ...writeLeb(initial.value), ...writeLeb(pages)];
      const rest = wasm.subarray(declared ? declared.end : initial.end, next);
      const section = [...writeLeb(count.value), ...limits, ...rest];
      const patched = new Uint8Array(
        at + 1 + writeLeb(section.length).length + section.length + wasm.length - next,
      );
      patched.set(wasm.subarray(0, at + 1));
      let out = at + 1;
      for (const part of [writeLeb(section.length), section]) {
        patched.set(part, out);
        out += part.length;
      }
      patched.set(wasm.subarray(next), out);
      return patched;
    }
    at = next;
  }
  return wasm;
}

let refusedGrowths = 0;
let watching = false;

/** `WebAssembly.Memory.prototype.grow`, called on a memory. */
type GrowMethod = (this: unknown, pages: number) => number;

/**
 * Counts, from now on, the WebAssembly memory growths this thread refuses. The Emscripten codecs (mozjpeg, libwebp)
 * grow their memory from JavaScript and, when that fails at the ceiling, only report a failed decode, which would
 * otherwise read as a broken file. Only the owner of a thread calls this (the photo worker).
 */
export function watchMemoryGrowth(): void {
  if (watching) return;
  watching = true;
  // The server-side typings declare no `grow`; this is the standard WebAssembly.Memory method.
  const prototype = (WebAssembly as unknown as { Memory: { prototype: { grow: GrowMethod } } }).Memory
    .prototype;
  const grow = prototype.grow;
  prototype.grow = function (this: unknown, pages: number): number {
    try {
      return grow.call(this, pages);
    } catch (error) {
      refusedGrowths += 1;
      throw error;
    }
  };
}

/** How many growths were refused since {@link watchMemoryGrowth}: compare before and after a job. */
export function refusedGrowthCount(): number {
  return refusedGrowths;
}
