/** Whether a Form.io component list has its own submit button somewhere (in columns, panels…). */
export function hasSubmitButton(components: unknown): boolean {
  if (!Array.isArray(components)) return false;
  return components.some((item) => {
    if (!item || typeof item !== 'object') return false;
    const component = item as Record<string, unknown>;
    if (component.type === 'button' && (component.action ?? 'submit') === 'submit') return true;
    const nested = [component.components, ...(Array.isArray(component.columns) ? component.columns : [])];
    return nested.some((child) =>
      hasSubmitButton(Array.isArray(child) ? child : (child as Record<string, unknown> | null)?.components),
    );
  });
}
