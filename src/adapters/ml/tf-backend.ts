import * as tf from '@tensorflow/tfjs';

// Picks the fastest TensorFlow.js backend that loads here: the native tfjs-node binding when its binary
// installed, else WebAssembly, else the pure-JS cpu backend. Loading is attempted once per process.

export type TfModule = typeof tf;

let ready: Promise<string> | undefined;

async function pickBackend(): Promise<string> {
  try {
    const nodeBinding = '@tensorflow/tfjs-node';
    // A variable specifier keeps bundlers and tsc from requiring the optional package at build time.
    await import(nodeBinding);
    if (await tf.setBackend('tensorflow')) return 'tensorflow';
  } catch {
    // The native part does not build on every machine; WebAssembly is the portable fallback.
  }
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return 'wasm';
    }
  } catch {
    // fall through to cpu
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

/** Resolves to the TensorFlow.js module once a backend is active, with the backend's name. */
export async function loadTf(): Promise<{ tf: TfModule; backend: string }> {
  ready ??= pickBackend();
  const backend = await ready;
  return { tf, backend };
}
