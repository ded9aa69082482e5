/// <reference types="vite/client" />

// tsc sees single-file components only through this shim; keep logic in .ts composables so it is type-checked.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
