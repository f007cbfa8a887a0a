/** The terminal prompts, rendered with @inquirer/testing from the configs the wizard builds. */
import { confirm, input, search, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { STARTER } from '../../src/cli/commands/init';
import { knownInstanceTypes } from '../../src/pricing/snapshot/catalog';
import { confirmConfig, inputConfig, isPromptExit, searchConfig, selectConfig } from '../../src/wizard/inquirer';
import { Q } from '../../src/wizard/messages';
import type { Prompt } from '../../src/wizard/prompt';
import { askCount, askDrRegion, draftFrom, type WizardContext } from '../../src/wizard/steps';

const tick = () => new Promise((r) => setTimeout(r, 20));
const ctx = (): WizardContext => ({ doc: draftFrom(STARTER, 'starter'), catalog: { instanceTypes: knownInstanceTypes(), dbClasses: () => [] } });

/** A Prompt that captures the first question a step asks, instead of answering it. */
function capture(): { prompt: Prompt; question: () => unknown } {
  let q: unknown;
  const stop = () => new Promise<never>(() => {});
  return {
    question: () => q,
    prompt: {
      input: (x) => ((q = x), stop()),
      select: (x) => ((q = x), stop()),
      search: (x) => ((q = x), stop()),
      confirm: (x) => ((q = x), stop()),
    },
  };
}

describe('terminal prompts', () => {
  it('shows the explanation line and the default, re-asks with the validation message, then accepts', async () => {
    const c = ctx();
    const cap = capture();
    void askCount(c, cap.prompt);
    const q = cap.question() as Parameters<Prompt['input']>[0];
    const { answer, events, getScreen } = await render(input, inputConfig(q));
    expect(getScreen()).toBe('? Number of app servers · in the primary region (2)');
    events.type('-2');
    events.keypress('enter');
    await tick();
    expect(getScreen()).toBe('? Number of app servers · in the primary region -2\n> compute.count must be a whole number ≥ 1 (got -2)');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('3');
    events.keypress('enter');
    await expect(answer).resolves.toBe('3');
    expect(getScreen()).toBe('✔ Number of app servers 3');
  });

  it('Enter keeps the default', async () => {
    const { answer, events } = await render(input, inputConfig({ ...Q.rto, default: '1h', validate: () => true }));
    events.keypress('enter');
    await expect(answer).resolves.toBe('1h');
  });

  it('the DR list leaves out the primary region, starts on the nearby one, and is searchable by name', async () => {
    const cap = capture();
    void askDrRegion(ctx(), cap.prompt);
    const q = cap.question() as Parameters<Prompt['search']>[0];
    const { answer, events, getScreen } = await render(search, searchConfig(q));
    await tick();
    const screen = getScreen();
    expect(screen).toContain('? DR region · where it recovers; must differ from the primary region');
    expect(screen).toContain('❯ us-west-2       US West (Oregon)');
    expect(screen).not.toContain('us-east-1 ');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('us-east-2');
    expect(getScreen()).toBe('✔ DR region us-east-2');

    const byName = await render(search, searchConfig(q));
    byName.events.type('sydney');
    await tick();
    expect(byName.getScreen()).toContain('❯ ap-southeast-2  Asia Pacific (Sydney)');
    byName.events.keypress('enter');
    await expect(byName.answer).resolves.toBe('ap-southeast-2');
  });

  it('instance types are searchable; Enter on an empty search keeps the default', async () => {
    const q = { ...Q.instanceType, options: knownInstanceTypes(), default: 'm5.large' };
    const first = await render(search, searchConfig(q));
    await tick();
    first.events.keypress('enter');
    await expect(first.answer).resolves.toBe('m5.large');

    const second = await render(search, searchConfig(q));
    second.events.type('c6i.2x');
    await tick();
    expect(second.getScreen()).toContain('❯ c6i.2xlarge');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toBe('c6i.2xlarge');
  });

  it('confirm shows its default', async () => {
    const { answer, events, getScreen } = await render(confirm, confirmConfig({ ...Q.save, default: true }));
    // (the test screen is 80 columns wide, so the line wraps)
    expect(getScreen().replace(/\n/g, ' ')).toBe('? Save these answers as a workload file? · for `dr-advisor estimate -f` and CI checks (Y/n)');
    events.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });

  it('Ctrl-C is recognised as leaving the wizard', async () => {
    const { answer, events } = await render(input, inputConfig({ ...Q.name, default: 'x', validate: () => true }));
    events.keypress({ name: 'c', ctrl: true });
    const err = await answer.catch((e: unknown) => e);
    expect(isPromptExit(err)).toBe(true);
    expect(isPromptExit(new Error('other'))).toBe(false);
  });
});
