import { describe, expect, it } from 'vitest';
import {
  answerOnboarding,
  type OnboardingOutcome,
  startOnboarding,
} from '../../../../src/core/conversation/onboarding.js';
import type { OnboardingState } from '../../../../src/core/conversation/pending.js';
import { findStateCode } from '../../../../src/core/conversation/state-names.js';
import { parseMessage } from '../../../../src/core/parse.js';

const now = new Date('2026-11-24T10:00:00+05:30');

function step(state: OnboardingState, text: string): OnboardingOutcome {
  return answerOnboarding(state, text, parseMessage(text, { now }));
}

function asked(outcome: OnboardingOutcome): OnboardingState {
  if (outcome.kind !== 'ask') throw new Error(`expected a question, got ${JSON.stringify(outcome)}`);
  return outcome.state;
}

describe('onboarding a new number', () => {
  it('asks name, language and state, then hands back the answers', () => {
    const start = startOnboarding('hi-Latn');
    expect(start).toMatchObject({ reply: { key: 'onboarding:ask_name' }, lang: 'hi-Latn' });
    const named = step(asked(start), 'Gupta Kirana');
    expect(named).toMatchObject({ reply: { key: 'onboarding:ask_language' }, lang: 'hi-Latn' });
    const spoken = step(asked(named), '3');
    expect(spoken).toMatchObject({ reply: { key: 'onboarding:ask_state' }, lang: 'en' });
    expect(step(asked(spoken), 'Uttar Pradesh')).toEqual({
      kind: 'done',
      answers: { name: 'Gupta Kirana', language: 'en', languageChosen: true, stateCode: 'UP' },
      replay: false,
    });
  });

  it('lets every question be skipped and keeps the first message’s register', () => {
    let state = asked(startOnboarding('hi'));
    state = asked(step(state, 'skip'));
    state = asked(step(state, 'छोड़ो'));
    expect(step(state, 'baad mein')).toEqual({
      kind: 'done',
      answers: { name: null, language: 'hi', languageChosen: false, stateCode: null },
      replay: false,
    });
  });

  it('takes a language by name as well as by number', () => {
    const state = asked(step(asked(startOnboarding('en')), 'Corner Store'));
    expect(asked(step(state, 'hindi')).language).toBe('hi');
    expect(asked(step(state, '2')).language).toBe('hi');
  });

  it('repeats the question on a greeting, help or a command instead of taking it as an answer', () => {
    const state = asked(startOnboarding('hi-Latn'));
    for (const text of ['namaste', 'help', 'undo', 'alerts band karo']) {
      expect(step(state, text)).toMatchObject({ kind: 'ask', state, reply: { key: 'onboarding:ask_name' } });
    }
  });

  it('ends onboarding with defaults when the message is shop work, to be handled next', () => {
    const state = asked(startOnboarding('hi-Latn'));
    expect(step(state, 'aaj 18 maggi, 2 kilo cheeni')).toMatchObject({ kind: 'done', replay: true });
    expect(step(state, 'maggi kitni bachi hai')).toMatchObject({ kind: 'done', replay: true });
    // A shop named after a product is a name, not a sale of one packet.
    expect(step(state, 'Maggi Point')).toMatchObject({ kind: 'ask', state: { name: 'Maggi Point' } });
  });
});

describe('state names', () => {
  it('reads states as shopkeepers type them', () => {
    expect(findStateCode('UP')).toBe('UP');
    expect(findStateCode('uttar pradesh')).toBe('UP');
    expect(findStateCode('उत्तर प्रदेश')).toBe('UP');
    expect(findStateCode('Maharashtra, Pune')).toBe('MH');
    expect(findStateCode('छत्तीसगढ़')).toBe('CT');
    expect(findStateCode('west bengal')).toBe('WB');
    expect(findStateCode('somewhere')).toBeNull();
  });
});
