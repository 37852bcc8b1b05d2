import { FormatRegistry } from '@sinclair/typebox';

/**
 * TypeBox fails every value whose `format` it does not know, so the store registers the formats its
 * records use. RFC 3339 date-times with an explicit zone, as `new Date().toISOString()` writes them.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function registerFormats(): void {
  if (!FormatRegistry.Has('date-time')) {
    FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  }
}
