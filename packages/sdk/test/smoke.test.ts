import { sdkVersion } from '@ddt/sdk';
import { Type } from '@sinclair/typebox';
import { evaluate } from 'feelin';

test('the toolchain resolves workspace sources and ESM dependencies', () => {
  expect(sdkVersion).toBe('0.1.0');
  expect(Type.String().type).toBe('string');
  expect(evaluate('1 + 2').value).toBe(3);
});
