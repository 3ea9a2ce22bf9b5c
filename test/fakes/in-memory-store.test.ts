/**
 * The in-memory store the use-case tests run on must behave as the real
 * stores do, or those tests prove nothing: it passes the same contract
 * (without the restart and damage checks, which need data kept somewhere).
 */
import { describeStoreContract } from '../storage/store-contract.js';
import { InMemoryStore } from './in-memory-store.js';

describeStoreContract('in-memory', async () => {
  const store = new InMemoryStore();
  return { store, cleanup: () => store.close() };
});
