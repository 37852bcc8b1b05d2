// The bpmn-io packages below ship JavaScript without type declarations; we use them only as modules passed
// to bpmn-js (`additionalModules`) and as a translation table.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
  export function useService<T = unknown>(name: string): T;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';

  const module: ModuleDeclaration;
  export default module;
}
declare module 'bpmn-js-i18n/translations/zn' {
  const translations: Record<string, string>;
  export default translations;
}
declare module '@bpmn-io/properties-panel' {
  export const SelectEntry: unknown;
  export function isSelectEntryEdited(node: unknown): boolean;
}
declare module '@bpmn-io/properties-panel/preact' {
  export function h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
}
