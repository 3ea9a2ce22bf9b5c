/**
 * The plan's coordinator checks know the configured coordinators
 * (MUSTER_COORDINATORS, coordinator groups' members) by actor id, as the
 * incident checks do; anyone else is still refused.
 */
import { describe, expect, it } from 'vitest';
import { requireCoordinator, requireLeadOrCoordinator } from '../../../src/app/plans/plan-access.js';
import type { Action } from '../../../src/core/actions/action.js';
import { testDirectory } from '../../fakes/test-directory.js';

const directory = testDirectory();
const configured = ['slack:UBOSS'];
const boss = { id: 'slack:UBOSS', name: 'Bo Boss' };
const other = { id: 'slack:UOUT', name: 'Someone Else' };
const action = { number: '1.2', owner: { id: 'slack:UPAT', name: 'Pat Police' } } as Action;

describe('plan access', () => {
  it('lets a configured coordinator whom the directory does not list import and run rounds', () => {
    expect(() => requireCoordinator(directory, boss, {}, 'import a plan', configured)).not.toThrow();
    expect(() => requireLeadOrCoordinator(directory, action, boss, {}, configured)).not.toThrow();
  });

  it('still refuses someone who is neither', () => {
    expect(() => requireCoordinator(directory, other, {}, 'import a plan', configured)).toThrow(
      /Only CSP coordinators can import a plan/,
    );
    expect(() => requireLeadOrCoordinator(directory, action, other, {}, configured)).toThrow(
      /Only Pat Police \(the lead for 1\.2\)/,
    );
  });
});
