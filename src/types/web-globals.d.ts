// Globals that Node provides (or that the jSquash codecs define in Node) but TypeScript declares only in the DOM
// library, which a server build does not load. These cover what the codecs use.
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- an opaque handle, as in the DOM typings
  class Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
  class Instance {
    constructor(module: Module, imports: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
  }
}

/** RGBA pixels as the jSquash codecs return and take them. */
interface ImageData {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  readonly colorSpace?: string;
}
