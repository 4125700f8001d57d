import type { Rng } from '../random.js';

/** What every event's realism starts from. */
export interface SceneContext {
  /** The clock the event is near (ms since the epoch, whole seconds). */
  nowMs: number;
  /** One organization per run: every event of a seed comes from the same organization. */
  organizationId: string;
}

/** The facts shared by an event's fields, decided once before its fields are built. */
export interface BaseScene {
  /** When the Console emitted the event (whole seconds). */
  eventMs: number;
  micros: number;
  organizationId: string;
}

/** Builds the value of one field (a path inside `details`, or inside the flat payload). */
export type FieldFn<S> = (scene: S, rng: Rng) => unknown;

/**
 * Realism a schema cannot express, for one event type: a scene (the related facts) and the
 * fields it fills. Fields not listed fall back to what the schema alone allows.
 */
export interface TypeRealism<S extends BaseScene = BaseScene> {
  scene(rng: Rng, context: SceneContext): S;
  fields: Readonly<Record<string, FieldFn<S>>>;
}

/** Erases the scene type so the registry can hold every type's realism in one table. */
export function realism<S extends BaseScene>(r: TypeRealism<S>): TypeRealism<BaseScene> {
  return r as unknown as TypeRealism<BaseScene>;
}
