/** The one function of bpmn-auto-layout (it ships no typings): BPMN XML in, XML with DI out. */
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
