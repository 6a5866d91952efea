import { describe, expect, it } from 'vitest';
import { helpCommand } from '../../scripts/playground.js';

describe('Answers that mislead: npm run playground tells the command in the chosen language', () => {
  it.each([
    [undefined, 'help'],
    ['en-US', 'help'],
    ['pt-BR', 'ajuda'],
    ['pt_BR.UTF-8', 'ajuda'],
    ['es-ES', 'ayuda'],
    ['es', 'ayuda'],
  ])('--lang %s: type "%s"', (lang, command) => {
    expect(helpCommand(lang)).toBe(command);
  });
});
