const silent = { debug() {}, error() {}, warn() {} };

/** bpmn-elements' logger factory, silenced: its debug logger costs a few percent per step for nothing. */
export function silentLogger() {
  return silent;
}
