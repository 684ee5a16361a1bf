/**
 * A loose, read-only view of the objects dmn-moddle builds from DMN XML: one structural
 * interface with the few dozen optional properties the DMN compiler reads.
 */

export interface DmnElement {
  readonly $type: string;
  readonly $parent?: DmnElement;
  readonly $attrs?: Record<string, string>;
  readonly id?: string;
  readonly name?: string;
  readonly label?: string;
  readonly description?: string;
  readonly expressionLanguage?: string;

  // definitions and DRG elements
  readonly drgElement?: DmnElement[];
  readonly variable?: DmnElement;
  readonly decisionLogic?: DmnElement;
  readonly encapsulatedLogic?: DmnElement;
  readonly formalParameter?: DmnElement[];
  readonly informationRequirement?: DmnElement[];
  readonly knowledgeRequirement?: DmnElement[];
  readonly requiredDecision?: DmnElement;
  readonly requiredInput?: DmnElement;
  readonly requiredKnowledge?: DmnElement;
  readonly outputDecision?: DmnElement[];
  readonly href?: string;
  readonly extensionElements?: DmnElement;
  readonly values?: DmnElement[];
  readonly value?: string | DmnElement;

  // expressions
  readonly text?: string;
  readonly hitPolicy?: string;
  readonly aggregation?: string;
  readonly input?: DmnElement[];
  readonly output?: DmnElement[];
  readonly rule?: DmnElement[];
  readonly inputExpression?: DmnElement;
  readonly inputValues?: DmnElement;
  readonly outputValues?: DmnElement;
  readonly defaultOutputEntry?: DmnElement;
  readonly inputEntry?: DmnElement[];
  readonly outputEntry?: DmnElement[];
  readonly calledFunction?: DmnElement;
  readonly binding?: DmnElement[];
  readonly parameter?: DmnElement;
  readonly bindingFormula?: DmnElement;
  readonly contextEntry?: DmnElement[];
  /** `dmn:List` items; `dmn:Relation` columns and rows. */
  readonly elements?: DmnElement[];
  readonly column?: DmnElement[];
  readonly row?: DmnElement[];
  /** `dmn:FunctionDefinition` (a BKM's encapsulated logic): its expression. */
  readonly body?: DmnElement;
}
