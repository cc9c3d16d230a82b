import { describe, expect, it } from '@jest/globals';
import { SlotGate } from '../../src/inference/llamaServer/SlotGate.js';

describe('SlotGate (requests waiting for a llama-server slot)', () => {
  it('admits up to its slots at once, then interactive before background, first come first served within each', async () => {
    const gate = new SlotGate(1, 8);
    const order: string[] = [];
    const first = await gate.enter('interactive');
    const wait = (name: string, priority: 'interactive' | 'background') =>
      gate.enter(priority).then((leave) => {
        order.push(name);
        return leave;
      });
    const waiting = [wait('b1', 'background'), wait('i1', 'interactive'), wait('b2', 'background'), wait('i2', 'interactive')];
    expect({ active: gate.activeSequences, waiting: gate.queueDepth }).toEqual({ active: 1, waiting: 4 });
    first();
    first(); // a second call gives nothing back twice
    for (const next of [waiting[1], waiting[3], waiting[0], waiting[2]]) (await next!)();
    expect(order).toEqual(['i1', 'i2', 'b1', 'b2']);
    expect({ active: gate.activeSequences, waiting: gate.queueDepth }).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses past maxQueue with QUEUE_FULL, and a request that leaves while waiting never takes a slot', async () => {
    const gate = new SlotGate(1, 1);
    const held = await gate.enter('interactive');
    const controller = new AbortController();
    const leaving = gate.enter('interactive', controller.signal);
    await expect(gate.enter('background')).rejects.toMatchObject({ code: 'QUEUE_FULL', details: { queueDepth: 1, maxQueue: 1 } });
    controller.abort(new Error('client left'));
    await expect(leaving).rejects.toThrow('client left');
    expect(gate.queueDepth).toBe(0);
    const next = gate.enter('background');
    held();
    (await next)();
    expect(gate.activeSequences).toBe(0);
  });
});
