// Public face of lib/twenty. Nothing outside this folder sees GraphQL shapes.
export { createTwentyClient, type TwentyClient, type TwentyClientOptions } from '@/lib/twenty/client';
export { createCallBudget, type CallBudget, type CallBudgetStats } from '@/lib/twenty/budget';
export { TwentyError, isTwentyError, type TwentyErrorKind } from '@/lib/twenty/errors';
export type { Capabilities } from '@/lib/twenty/capabilities';
export type { StageOptionsResult } from '@/lib/twenty/stage-options';
