/**
 * Handlers by id (a slash command's name, a modal's callback id), each id
 * once. One Bolt listener per kind looks the handler up here, instead of one
 * Bolt listener per id: Bolt runs every registered listener's matching on
 * every request, so each listener more adds to the time before any ack.
 */
export class ListenerTable<L> {
  private readonly byId = new Map<string, L>();

  add(id: string, listener: L): void {
    if (this.byId.has(id)) throw new Error(`${id} is registered twice`);
    this.byId.set(id, listener);
  }

  get(id: string): L | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}
