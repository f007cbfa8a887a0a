/** The terminal prompts, rendered with @inquirer/testing from the configs the wizard builds. */
import { confirm, input, search, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { STARTER } from '../../src/cli/commands/init';
import { knownInstanceTypes } from '../../src/pricing/snapshot/catalog';
import { confirmConfig, inputConfig, isPromptExit, searchConfig, searchPromptConfig, selectConfig } from '../../src/wizard/inquirer';
import { searchPrompt } from '../../src/wizard/search-prompt';
import { searchMatches } from '../../src/wizard/prompt';
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

  it('typing fast then Enter at once: @inquirer/search resolves an older highlighted entry; our search prompt never does', async () => {
    const q = { ...Q.instanceType, options: knownInstanceTypes(), default: 'm5.large' };
    // The race, as the wizard had it (issue 16): the screen says c5.xlarge, the answer is m5.large.
    const old = await render(search, searchConfig(q));
    await tick();
    old.events.type('c5.xlarge');
    old.events.keypress('enter');
    const oldAnswer = await old.answer;
    expect(oldAnswer).toBe('m5.large');
    expect(old.getScreen()).toBe('✔ App server instance type c5.xlarge');

    const ours = await render(searchPrompt, searchPromptConfig(q));
    ours.events.type('c5.xlarge');
    ours.events.keypress('enter');
    await expect(ours.answer).resolves.toBe('c5.xlarge');
    expect(ours.getScreen()).toBe('✔ App server instance type c5.xlarge');
  });

  it('our search prompt refuses a text that matches nothing, in place, and takes the highlighted match otherwise', async () => {
    const q = { ...Q.instanceType, options: knownInstanceTypes(), default: 'm5.large' };
    const p = await render(searchPrompt, searchPromptConfig(q));
    p.events.type('m5.superlarge');
    p.events.keypress('enter');
    await tick();
    // (the test screen is 80 columns wide, so the question line wraps)
    expect(p.getScreen()).toMatch(/^\? App server instance type · type to search; Enter picks the highlighted one\s+m5\.superlarge\n> no match; keep typing or clear the search$/);
    for (let i = 0; i < '.superlarge'.length; i++) p.events.keypress('backspace');
    expect(p.getScreen()).toContain('❯ m5.large');
    p.events.keypress('down');
    const second = searchMatches(q.options, 'm5', 'm5.large')[1];
    expect(second).toBe('m5.metal');
    expect(p.getScreen()).toContain(`❯ ${second}`);
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe(second);
  });

  it('Enter on an empty search keeps the default; Tab completes the highlighted entry', async () => {
    const q = { ...Q.instanceType, options: knownInstanceTypes(), default: 'c5.large' };
    const p = await render(searchPrompt, searchPromptConfig(q));
    expect(p.getScreen()).toContain('❯ c5.large');
    p.events.keypress('enter');
    await expect(p.answer).resolves.toBe('c5.large');
    const t = await render(searchPrompt, searchPromptConfig(q));
    t.events.type('r6i.2');
    t.events.keypress('tab');
    expect(t.getScreen()).toMatch(/highlighted one\s+r6i\.2xlarge\n❯ r6i\.2xlarge/);
    // Every prompt rendered here is answered: one left pending is rejected by inquirer's exit hook when the
    // worker ends, an unhandled rejection that fails the whole run (seen in CI).
    t.events.keypress('enter');
    await expect(t.answer).resolves.toBe('r6i.2xlarge');
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
