/**
 * Store contract, strategic plans: create, read, list, serialised updates
 * that lose nothing, and a failed change that writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../src/core/errors.js';
import { makePlan } from '../../fixtures/plan-factory.js';
import { type ContractContext, expectCode } from './contract-kit.js';

export function describePlanContract(c: ContractContext): void {
  describe('plans', () => {
    it('returns a plan exactly as it was created, and undefined for an unknown id', async () => {
      const plan = makePlan();
      await c.store.createPlan(plan);
      expect(await c.store.getPlan(plan.id)).toEqual(plan);
      expect(await c.store.getPlan('no-such-plan')).toBeUndefined();
    });

    it('refuses a second plan with the same id, with conflict, and keeps the first', async () => {
      await c.store.createPlan(makePlan());
      await expectCode(c.store.createPlan(makePlan({ title: 'Impostor' })), ErrorCode.Conflict);
      expect((await c.store.getPlan('ashfield-2024'))?.title).toBe('Reducing Serious Violence Response Plan');
    });

    it('lists plans by id with their action counts', async () => {
      await c.store.createPlan(makePlan({ id: 'gateshead-2024', title: 'Gateshead' }));
      await c.store.createPlan(makePlan());
      expect(await c.store.listPlans()).toEqual([
        { id: 'ashfield-2024', title: 'Reducing Serious Violence Response Plan', actionCount: 3 },
        { id: 'gateshead-2024', title: 'Gateshead', actionCount: 3 },
      ]);
    });

    it('applies concurrent updates one after another, bumping the version each time', async () => {
      await c.store.createPlan(makePlan());
      await Promise.all(
        ['a', 'b', 'c', 'd'].map((tag) =>
          c.store.updatePlan('ashfield-2024', (p) => ({ ...p, title: `${p.title} ${tag}` })),
        ),
      );
      const stored = await c.store.getPlan('ashfield-2024');
      expect(stored?.version).toBe(5);
      for (const tag of ['a', 'b', 'c', 'd']) expect(stored?.title).toContain(` ${tag}`);
    });

    it('writes nothing when the change throws, and says not_found for an unknown plan', async () => {
      const plan = await c.store.createPlan(makePlan());
      await expect(
        c.store.updatePlan(plan.id, () => {
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await c.store.getPlan(plan.id)).toEqual(plan);
      await expectCode(
        c.store.updatePlan('nope', (p) => p),
        ErrorCode.NotFound,
      );
    });
  });
}
