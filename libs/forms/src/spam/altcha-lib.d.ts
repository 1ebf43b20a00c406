// altcha-lib publishes its types through package `exports`, which our `node` module resolution
// does not read; these name the same files (Node itself resolves the exports at run time).
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/pbkdf2' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/pbkdf2';
}
declare module 'altcha-lib/frameworks/shared' {
  export * from 'altcha-lib/dist/cjs/v2/frameworks/shared';
}
