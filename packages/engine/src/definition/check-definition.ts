import { getDate, ISOInterval } from '@0dep/piso';
import type { WorkflowError } from '../errors.js';
import { feelSyntaxError, isFeel } from '../expressions/feel.js';
import type { DefinitionProblem, DefinitionProblemCode } from './definition-problem.js';
import { extensionValues, type ModdleElement, readElementMeta } from './element-meta.js';
import { findGatewayDefects } from './gateway-defects.js';
import { type ParsedBpmn, parseBpmn } from './parse-bpmn.js';

export interface CheckDefinitionOptions {
  /** Registered task handler types; when given, a service task naming another type is a problem. */
  handlerTypes?: Iterable<string>;
  /** The program's form ids; when given, a user task naming another form is a problem. */
  formIds?: Iterable<string>;
}

const UNSUPPORTED: Record<string, string> = {
  'bpmn:ComplexGateway': '不支持复杂网关，请改用排他或并行网关',
  'bpmn:CallActivity': '不支持调用活动，请改用子流程（subProcess）',
  'bpmn:AdHocSubProcess': '不支持临时子流程，请改用子流程（subProcess）',
  'bpmn:Transaction': '不支持事务子流程，请改用子流程（subProcess）',
};

const UNSUPPORTED_EVENTS: Record<string, string> = {
  'bpmn:SignalEventDefinition': '不支持信号事件，请改用消息事件（可按关联键投递）',
  'bpmn:ConditionalEventDefinition': '不支持条件事件，请改用排他网关或消息事件',
  'bpmn:CompensateEventDefinition': '不支持补偿事件',
  'bpmn:CancelEventDefinition': '不支持取消事件',
};

/**
 * Checks a BPMN against the rules of our definition format before it is published: no code (script
 * tasks, `${}` expressions, non-FEEL conditions), FEEL that parses, timers that parse, one school-scope
 * process (and at most one campaign-scope process), service tasks bound to known handlers, and none of
 * the gateway patterns bpmn-elements 17 runs wrongly. Returns every problem found (empty: publishable).
 */
export async function checkDefinition(
  xml: string,
  options: CheckDefinitionOptions = {},
): Promise<DefinitionProblem[]> {
  let parsed: ParsedBpmn;
  try {
    parsed = await parseBpmn(xml);
  } catch (error) {
    return [{ code: 'DEF_PARSE', elementId: null, message: (error as WorkflowError).message }];
  }
  const checker = new Checker(options);
  for (const warning of parsed.warnings)
    checker.add('DEF_UNKNOWN_CONTENT', null, `BPMN 含有无法识别的内容：${warning}`);
  checker.checkScopes(parsed.processes);
  checker.checkExpressionsForbidden(parsed.root, new Set());
  for (const process of parsed.processes) {
    checker.checkContainer(process);
    checker.checkRecurringStart(process);
    checker.problems.push(...findGatewayDefects(process));
  }
  return checker.problems;
}

/** The same check under the name the definitions linter uses. */
export const lintDefinition = checkDefinition;

class Checker {
  readonly problems: DefinitionProblem[] = [];
  readonly #handlerTypes: Set<string> | null;
  readonly #formIds: Set<string> | null;

  constructor(options: CheckDefinitionOptions) {
    this.#handlerTypes = options.handlerTypes ? new Set(options.handlerTypes) : null;
    this.#formIds = options.formIds ? new Set(options.formIds) : null;
  }

  add(code: DefinitionProblemCode, elementId: string | null | undefined, message: string): void {
    this.problems.push({ code, elementId: elementId ?? null, message });
  }

  checkScopes(processes: ModdleElement[]): void {
    const executable = processes.filter((process) => process.isExecutable);
    const scopeOf = (process: ModdleElement) =>
      extensionValues(process)
        .filter((value) => value.$type === 'zeebe:Properties')
        .flatMap((value) => (value.properties as { name?: string; value?: string }[] | undefined) ?? [])
        .find((property) => property.name === 'scope')?.value === 'campaign'
        ? 'campaign'
        : 'school';
    const school = executable.filter((process) => scopeOf(process) === 'school');
    const campaign = executable.filter((process) => scopeOf(process) === 'campaign');
    if (school.length !== 1) {
      this.add(
        'DEF_PROCESS_SCOPE',
        school[1]?.id,
        school.length === 0
          ? '缺少学校级可执行流程（isExecutable="true" 且未标记 scope=campaign）'
          : `学校级可执行流程只能有一个，现有 ${school.map((p) => p.id).join('、')}`,
      );
    }
    if (campaign.length > 1) {
      this.add(
        'DEF_PROCESS_SCOPE',
        campaign[1]?.id,
        `批次级流程（scope=campaign）只能有一个，现有 ${campaign.map((p) => p.id).join('、')}`,
      );
    }
  }

  /** `${}` anywhere in the definition (attributes, timer values, names) is refused. */
  checkExpressionsForbidden(node: unknown, seen: Set<unknown>): void {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const element = node as ModdleElement;
    for (const [key, value] of Object.entries(element)) {
      if (key === '$parent' || key.endsWith('Ref') || key === 'incoming' || key === 'outgoing') continue;
      if (typeof value === 'string' && value.includes('${')) {
        const owner = element.id ?? (element.$parent as ModdleElement | undefined)?.id;
        this.add(
          'DEF_EXPRESSION_FORBIDDEN',
          owner,
          `${owner ?? element.$type} 的 ${key} 含有 \${} 表达式；只支持以 = 开头的 FEEL 表达式`,
        );
      } else if (Array.isArray(value)) {
        for (const item of value) this.checkExpressionsForbidden(item, seen);
      } else if (typeof value === 'object') {
        this.checkExpressionsForbidden(value, seen);
      }
    }
  }

  checkContainer(container: ModdleElement): void {
    for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      this.checkElement(element);
      if (element.flowElements) this.checkContainer(element);
    }
  }

  checkRecurringStart(process: ModdleElement): void {
    const starts = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter(
      (e) => e.$type === 'bpmn:StartEvent',
    );
    const recurring = starts.filter((start) =>
      eventDefinitions(start).some((d) => timerValue(d, 'timeCycle')),
    );
    if (recurring.length > 0 && starts.length > 1) {
      this.add(
        'DEF_RECURRING_START',
        recurring[0]?.id,
        `循环定时启动事件 ${recurring[0]?.id} 必须是流程 ${process.id} 唯一的开始事件`,
      );
    }
  }

  checkElement(element: ModdleElement): void {
    const id = element.id ?? null;
    if (element.$type === 'bpmn:ScriptTask') {
      this.add(
        'DEF_SCRIPT_TASK',
        id,
        `脚本任务 ${id}：流程定义不能包含脚本；请改用服务任务（zeebe:taskDefinition）或 FEEL 输出映射`,
      );
    }
    const unsupported = UNSUPPORTED[element.$type];
    if (unsupported) this.add('DEF_UNSUPPORTED_ELEMENT', id, `${id}：${unsupported}`);
    if (element.$type === 'bpmn:SubProcess' && element.triggeredByEvent) {
      this.add('DEF_UNSUPPORTED_ELEMENT', id, `${id}：不支持事件子流程，请改用边界事件`);
    }
    if (element.$type === 'bpmn:SequenceFlow') this.checkCondition(element);
    for (const definition of eventDefinitions(element)) this.checkEventDefinition(element, definition);

    const meta = readElementMeta(element);
    if (meta?.kind === 'userTask') {
      this.checkFeel(id, '处理人', meta.assignee);
      this.checkFeel(id, '候选组', meta.candidateGroups);
      this.checkFeel(id, '截止时间', meta.dueDate);
      for (const output of meta.outputs) this.checkFeel(id, `输出映射 ${output.target}`, output.source);
      if (meta.formId && this.#formIds && !this.#formIds.has(meta.formId)) {
        this.add('DEF_FORM_UNKNOWN', id, `用户任务 ${id} 引用的表单 ${meta.formId} 不存在`);
      }
    } else if (meta?.kind === 'serviceTask') {
      if (element.implementation !== undefined) {
        this.add(
          'DEF_IMPLEMENTATION',
          id,
          `服务任务 ${id} 使用了 implementation；请删除它，改用 zeebe:taskDefinition 指定处理器类型`,
        );
      }
      if (!meta.taskType) {
        this.add(
          'DEF_TASK_TYPE_MISSING',
          id,
          `服务任务 ${id} 缺少 zeebe:taskDefinition 的 type（处理器类型）`,
        );
      } else if (this.#handlerTypes && !this.#handlerTypes.has(meta.taskType)) {
        this.add('DEF_HANDLER_UNKNOWN', id, `服务任务 ${id} 的处理器类型「${meta.taskType}」没有注册`);
      }
      this.checkFeel(id, '重试次数', meta.retries);
      for (const input of meta.inputs) this.checkFeel(id, `输入映射 ${input.target}`, input.source);
      for (const output of meta.outputs) this.checkFeel(id, `输出映射 ${output.target}`, output.source);
    } else if (meta?.kind === 'messageCatch') {
      if (!meta.messageName) {
        this.add('DEF_MESSAGE_MISSING', id, `${id} 等待的消息未引用带名称的 bpmn:message`);
      }
      this.checkFeel(id, '消息名称', meta.messageName);
      this.checkFeel(id, '关联键', meta.correlationKey);
    }
  }

  checkCondition(flow: ModdleElement): void {
    const condition = flow.conditionExpression as { body?: string; language?: string } | undefined;
    if (!condition) return;
    const body = condition.body?.trim() ?? '';
    if ((condition.language && !/^feel$/i.test(condition.language)) || !isFeel(body)) {
      this.add(
        'DEF_CONDITION_NOT_FEEL',
        flow.id,
        `顺序流 ${flow.id} 的条件必须是以 = 开头的 FEEL 表达式（现为：${body.slice(0, 80)}）`,
      );
      return;
    }
    this.checkFeel(flow.id ?? null, '条件', body);
  }

  checkEventDefinition(element: ModdleElement, definition: ModdleElement): void {
    const id = element.id ?? null;
    const unsupported = UNSUPPORTED_EVENTS[definition.$type];
    if (unsupported) this.add('DEF_UNSUPPORTED_ELEMENT', id, `${id}：${unsupported}`);
    if (definition.$type !== 'bpmn:TimerEventDefinition') return;
    for (const type of ['timeDate', 'timeDuration', 'timeCycle'] as const) {
      const value = timerValue(definition, type);
      if (!value) continue;
      if (isFeel(value)) this.checkFeel(id, '定时', value);
      else if (!validTimer(type, value)) {
        this.add(
          'DEF_TIMER_VALUE',
          id,
          `${id} 的定时值「${value}」不是有效的 ISO 8601 ${type === 'timeDate' ? '日期时间' : type === 'timeCycle' ? '循环' : '时长'}`,
        );
      }
      const cycleAllowed =
        element.$type === 'bpmn:StartEvent' ||
        (element.$type === 'bpmn:BoundaryEvent' && element.cancelActivity === false);
      if (type === 'timeCycle' && !cycleAllowed) {
        this.add(
          'DEF_TIMER_CYCLE_PLACE',
          id,
          `${id}：只有开始事件和非中断边界事件可以使用循环定时（timeCycle）；这里请改用 timeDuration 或 timeDate`,
        );
      }
    }
  }

  checkFeel(elementId: string | null, what: string, expression: string | null): void {
    if (!expression || !isFeel(expression)) return;
    const error = feelSyntaxError(expression);
    if (error)
      this.add(
        'DEF_FEEL_SYNTAX',
        elementId,
        `${elementId} 的${what}不是有效的 FEEL 表达式：${expression}（${error}）`,
      );
  }
}

function eventDefinitions(element: ModdleElement): ModdleElement[] {
  return (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
}

function timerValue(
  definition: ModdleElement,
  type: 'timeDate' | 'timeDuration' | 'timeCycle',
): string | null {
  const body = (definition[type] as { body?: string } | undefined)?.body?.trim();
  return body ? body : null;
}

function validTimer(type: 'timeDate' | 'timeDuration' | 'timeCycle', value: string): boolean {
  try {
    if (type === 'timeDate') return !Number.isNaN(getDate(value).getTime());
    const interval = new ISOInterval(value).parse();
    return Boolean(interval.duration);
  } catch {
    return false;
  }
}
