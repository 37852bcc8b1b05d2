import { BPMN_FILE, type LintContext, report } from '../lint-context.js';
import {
  type BpmnElement,
  conditionOf,
  eventDefinitions,
  extension,
  type ProcessInfo,
  SERVICE_TYPES,
  sourceOf,
  targetOf,
  text,
  timerBodies,
} from '../model/bpmn-model.js';

/**
 * Gateways and events: every branch of an exclusive split is conditional or the default, conditions sit
 * on exclusive splits, event-based gateways lead to catch events, timers have one definition, messages
 * a FEEL correlation key, error events a coded error on a service task.
 */
export function checkFlowsAndEvents(ctx: LintContext, process: ProcessInfo): void {
  const flows = process.elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const outgoing = (element: BpmnElement) => flows.filter((flow) => sourceOf(flow).id === element.id);
  for (const flow of flows) {
    const source = sourceOf(flow);
    if (conditionOf(flow) && source.$type !== 'bpmn:ExclusiveGateway') {
      report(
        ctx,
        'LINT_WARN_CONDITION_PLACEMENT',
        { file: BPMN_FILE, elementId: flow.id ?? null },
        `顺序流 ${flow.id} 带条件，但它不是从排他网关出发的；请在 ${source.id} 之后加一个排他网关，把条件放在网关的分支上。`,
        String(flow.id),
      );
    }
  }
  for (const element of process.elements) {
    const id = String(element.id);
    const where = { file: BPMN_FILE, elementId: id };
    if (element.$type === 'bpmn:ExclusiveGateway') {
      const out = outgoing(element);
      const defaultFlow = (element.default as BpmnElement | undefined)?.id;
      if (out.length >= 2) {
        for (const flow of out) {
          const isDefault = flow.id === defaultFlow;
          if (!isDefault && !conditionOf(flow)) {
            report(
              ctx,
              'LINT_ERR_GATEWAY_CONDITION_MISSING',
              { file: BPMN_FILE, elementId: flow.id ?? null },
              `排他网关 ${id} 的分支 ${flow.id}${flow.name ? `（${flow.name}）` : ''} 既没有条件也不是默认分支；请给它写 FEEL 条件，或把它设为网关的 default。`,
              String(flow.id),
            );
          }
          if (isDefault && conditionOf(flow)) {
            report(
              ctx,
              'LINT_WARN_DEFAULT_FLOW_CONDITION',
              { file: BPMN_FILE, elementId: flow.id ?? null },
              `排他网关 ${id} 的默认分支 ${flow.id} 带有条件，默认分支的条件不会被计算；请删除这个条件。`,
              String(flow.id),
            );
          }
        }
      }
    }
    if (element.$type === 'bpmn:EventBasedGateway') {
      for (const flow of outgoing(element)) {
        const target = targetOf(flow);
        if (target.$type !== 'bpmn:IntermediateCatchEvent') {
          report(
            ctx,
            'LINT_ERR_EVENT_GATEWAY_TARGET',
            { file: BPMN_FILE, elementId: flow.id ?? null },
            `事件网关 ${id} 的分支 ${flow.id} 指向 ${target.id}（${target.$type}）；事件网关之后只能是定时或消息中间捕获事件。`,
            String(flow.id),
          );
        }
      }
    }
    for (const definition of eventDefinitions(element)) {
      if (definition.$type === 'bpmn:TimerEventDefinition' && timerBodies(definition).length !== 1) {
        report(
          ctx,
          'LINT_ERR_TIMER_DEFINITION',
          where,
          `定时事件 ${id} 需要且只能有一个 timeDate、timeDuration 或 timeCycle（现有 ${timerBodies(definition).length} 个）。`,
          id,
        );
      }
      if (definition.$type === 'bpmn:MessageEventDefinition') {
        const message = definition.messageRef as BpmnElement | undefined;
        const key = message ? text(extension(message, 'zeebe:Subscription')?.correlationKey) : null;
        if (message && !key?.startsWith('=')) {
          report(
            ctx,
            'LINT_ERR_MESSAGE_CORRELATION',
            where,
            `消息 ${message.name ?? message.id} 没有 FEEL 关联键；请添加 <zeebe:subscription correlationKey="=school.id"/>，平台按关联键把消息投递给对应学校的实例。`,
            String(message.name ?? message.id),
          );
        }
      }
      if (definition.$type === 'bpmn:ErrorEventDefinition') {
        const code = text((definition.errorRef as BpmnElement | undefined)?.errorCode);
        if (!code) {
          report(
            ctx,
            'LINT_ERR_ERROR_CODE',
            where,
            `错误事件 ${id} 没有引用带 errorCode 的 bpmn:error；请定义 <bpmn:error errorCode="…"/> 并在 errorRef 中引用，处理器用这个代码抛出业务错误。`,
            id,
          );
        }
        const attached = element.attachedToRef as BpmnElement | undefined;
        if (element.$type === 'bpmn:BoundaryEvent' && attached && !SERVICE_TYPES.has(attached.$type)) {
          report(
            ctx,
            'LINT_WARN_ERROR_BOUNDARY_PLACE',
            where,
            `错误边界事件 ${id} 附着在 ${attached.id}（${attached.$type}）上，只有服务任务的处理器会抛出业务错误；请把它附着到服务任务上。`,
            id,
          );
        }
      }
    }
  }
}
