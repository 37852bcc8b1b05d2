// bpmn-moddle 10 ships its typings under a subpath its `exports` map does not point "." to.
declare module 'bpmn-moddle' {
  export interface ParseResult {
    rootElement: unknown;
    warnings: { message: string }[];
    elementsById: Record<string, unknown>;
    references: unknown[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<ParseResult>;
  }
}
