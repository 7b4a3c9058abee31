// The WebAssembly global that Node provides; TypeScript declares it only in the DOM library, which a server
// build does not load. This covers the calls the codecs make.
declare namespace WebAssembly {
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- an opaque handle, as in the DOM typings
  class Module {}
  function compile(bytes: Uint8Array): Promise<Module>;
}
