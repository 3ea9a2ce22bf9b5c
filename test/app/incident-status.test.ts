import { beforeEach, describe, expect, it } from 'vitest';
import { statusFor } from '../../src/app/incident-status.js';
import { openIncident } from '../../src/app/open-incident.js';
import { ErrorCode, isMusterError } from '../../src/core/errors.js';
import { InMemoryStore } from '../fakes/in-memory-store.js';
import { testDeps, validForm } from './harness.js';

const REF = 'SV-2027-0001';
let store: InMemoryStore;
let deps: ReturnType<typeof testDeps>;
let asked: number;
const outsider = () => ({
  contactId: 'nia-nhft',
  isSpaceMember: () => {
    asked += 1;
    return false;
  },
});

beforeEach(async () => {
  store = new InMemoryStore();
  deps = testDeps(store);
  asked = 0;
  await openIncident(deps, validForm());
  await store.updateIncident(REF, (current) => ({
    incident: {
      ...current,
      spaces: { ...current.spaces, slack: { spaceId: 'C42', spaceName: 'sv-2027-0001-corby' } },
    },
    events: [],
  }));
});

describe('statusFor', () => {
  it('finds the incident from the space the command was typed in, without an access check', async () => {
    const answer = await statusFor(deps, { platform: 'slack', spaceId: 'C42', requester: outsider() });
    expect(answer).toMatchObject({ card: { kind: 'incident', reference: REF } });
    expect(asked).toBe(0);
  });

  it('finds a renamed space by scanning, and only on its own platform', async () => {
    const renamed = await statusFor(deps, {
      platform: 'slack',
      spaceId: 'C42',
      spaceName: 'general-chat',
      requester: outsider(),
    });
    expect(renamed).toMatchObject({ card: { reference: REF } });
    await expect(
      statusFor(deps, { platform: 'console', spaceId: 'C42', requester: outsider() }),
    ).rejects.toSatisfy((e) => isMusterError(e, ErrorCode.NotFound));
  });

  it('says the channel is not an incident channel when there is no reference', async () => {
    await expect(
      statusFor(deps, { platform: 'slack', spaceId: 'C-general', requester: outsider() }),
    ).rejects.toThrow(/This is not an incident channel\. Run \/incident status SV-2027-0042/);
  });

  it('by reference from elsewhere: refuses someone who is neither member nor coordinator', async () => {
    const answer = await statusFor(deps, {
      platform: 'slack',
      spaceId: 'C-general',
      reference: REF,
      requester: outsider(),
    });
    expect(answer).toEqual({ refused: expect.stringMatching(/Only members of SV-2027-0001's channel/) });
    expect(asked).toBe(1);
  });

  it('by reference from elsewhere: shows members and coordinators the card', async () => {
    const member = await statusFor(deps, {
      platform: 'slack',
      reference: REF,
      requester: { contactId: 'nia-nhft', isSpaceMember: true },
    });
    expect(member).toMatchObject({ card: { reference: REF } });
    let looked = false;
    const coordinator = await statusFor(deps, {
      platform: 'slack',
      reference: REF,
      requester: async () => {
        looked = true;
        return { contactId: 'cara-csp', isSpaceMember: false };
      },
    });
    expect(coordinator).toMatchObject({ card: { reference: REF } });
    expect(looked).toBe(true);
  });

  it('by reference from elsewhere: shows a configured coordinator outside the channel the card', async () => {
    const configured = { ...deps, coordinators: ['slack:UBOSS'] };
    const boss = await statusFor(configured, {
      platform: 'slack',
      reference: REF,
      requester: { actorId: 'slack:UBOSS', isSpaceMember: false },
    });
    expect(boss).toMatchObject({ card: { reference: REF } });
    const someoneElse = await statusFor(configured, {
      platform: 'slack',
      reference: REF,
      requester: { actorId: 'slack:UOTHER', isSpaceMember: false },
    });
    expect(someoneElse).toEqual({ refused: expect.stringMatching(/Only members of SV-2027-0001's channel/) });
  });

  it('rejects a malformed reference as the person’s input', async () => {
    await expect(
      statusFor(deps, { platform: 'slack', reference: 'nonsense', requester: outsider() }),
    ).rejects.toSatisfy((e) => isMusterError(e, ErrorCode.InvalidInput));
  });
});
