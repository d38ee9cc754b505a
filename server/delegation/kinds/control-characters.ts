/** Control characters (newlines and tabs included): in a one-line config value they split or hide what follows. */
export const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether a value that lands on one config line would stay on that line and show as typed. */
export const isSingleLine = (value: string) => !controlCharacters.test(value);
