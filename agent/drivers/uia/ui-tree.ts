import { z } from "zod";

/** One UI Automation element as the PowerShell helper serialises it. */
export type TUiNode = {
  controlType: string;
  className: string;
  name: string;
  automationId: string;
  runtimeId: string;
  /** left, top, width, height in screen pixels */
  rect: [number, number, number, number];
  /** Set by the helper's pixel probe for WeChat 4.x bubbles, whose tree has no avatar to tell sides apart. */
  direction?: "left" | "right";
  children: TUiNode[];
};

export const ZUiNode: z.ZodType<TUiNode> = z.lazy(() =>
  z.object({
    controlType: z.string(),
    className: z.string().default(""),
    name: z.string().default(""),
    automationId: z.string().default(""),
    runtimeId: z.string().default(""),
    rect: z.tuple([z.number(), z.number(), z.number(), z.number()]).default([0, 0, 0, 0]),
    direction: z.enum(["left", "right"]).optional(),
    children: z.array(ZUiNode).default([]),
  }),
) as z.ZodType<TUiNode>;

export const ZTopWindow = z.object({
  className: z.string(),
  name: z.string(),
  processName: z.string(),
  visible: z.boolean(),
  minimized: z.boolean(),
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type TTopWindow = z.infer<typeof ZTopWindow>;

/** The helper's answer to "snapshot": what is running, which windows exist, and the main window's tree. */
export const ZSnapshot = z.object({
  wechat: z.object({
    running: z.boolean(),
    processName: z.string().optional(),
    version: z.string().optional(),
  }),
  sessionLocked: z.boolean(),
  windows: z.array(ZTopWindow),
  tree: ZUiNode.nullable(),
});
export type TSnapshot = z.infer<typeof ZSnapshot>;

export type TNodeMatch = {
  controlType?: string;
  className?: string;
  classNameIncludes?: string;
  name?: string;
  automationId?: string;
  automationIdEndsWith?: string;
};

export function matches(node: TUiNode, m: TNodeMatch): boolean {
  return (
    (m.controlType === undefined || node.controlType === m.controlType) &&
    (m.className === undefined || node.className === m.className) &&
    (m.classNameIncludes === undefined || node.className.includes(m.classNameIncludes)) &&
    (m.name === undefined || node.name === m.name) &&
    (m.automationId === undefined || node.automationId === m.automationId) &&
    (m.automationIdEndsWith === undefined || node.automationId.endsWith(m.automationIdEndsWith))
  );
}

/** Depth-first, document order (the order UIA lists children, which is top-to-bottom for lists). */
export function* walk(node: TUiNode, depth = 0): Generator<{ node: TUiNode; depth: number }> {
  yield { node, depth };
  for (const child of node.children) yield* walk(child, depth + 1);
}

export function findFirst(root: TUiNode, m: TNodeMatch): TUiNode | undefined {
  for (const { node } of walk(root)) if (matches(node, m)) return node;
  return undefined;
}

export function findAll(root: TUiNode, m: TNodeMatch, maxDepth = Infinity): TUiNode[] {
  const found: TUiNode[] = [];
  for (const { node, depth } of walk(root)) if (depth <= maxDepth && matches(node, m)) found.push(node);
  return found;
}

export function countDescendants(node: TUiNode): number {
  let count = 0;
  for (const _ of walk(node)) count++;
  return count - 1;
}

export function centreX(node: TUiNode): number {
  return node.rect[0] + node.rect[2] / 2;
}
