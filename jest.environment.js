/**
 * The Node environment, with the host's typed-array constructors inside the test sandbox. Native addons
 * (onnxruntime-node) and host APIs return typed arrays made by the host realm; without this, `x instanceof
 * Float32Array` in the code under test is false for them (Jest already shares Uint8Array and ArrayBuffer for Buffer).
 */
import { TestEnvironment } from 'jest-environment-node';

const HOST_TYPED_ARRAYS = {
  ArrayBuffer,
  SharedArrayBuffer,
  DataView,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

export default class HostTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, HOST_TYPED_ARRAYS);
  }
}
