/** What is wrong with a command's options, as typed or sent (src/command-engine/options.ts, parse.ts). */
export const en = {
  "options.has-no-option": "{command} has no option `{option}`. Its options: {known}.",
  "options.takes-none": "{command} takes no options (got `{option}`).",
  "options.must-be.choices": 'Option `{option}` must be one of {choices} (got "{given}").',
  "options.must-be.date": 'Option `{option}` must be a date like 2025-01-19 (got "{given}").',
  "options.must-be.range": 'Option `{option}` must be a whole number from {min} to {max} (got "{given}").',
  "options.must-be.at-least": 'Option `{option}` must be a whole number of at least {min} (got "{given}").',
  "options.must-be.integer": 'Option `{option}` must be a whole number (got "{given}").',
  "options.must-be.number": 'Option `{option}` must be a number (got "{given}").',
  "options.must-be.boolean": 'Option `{option}` must be true or false (got "{given}").',
  "options.must-be.text": 'Option `{option}` must be text (got "{given}").',
  "options.required.choices": "Option `{option}` is required: one of {choices}.",
  "options.required.date": "Option `{option}` is required: a date like 2025-01-19.",
  "options.required.range": "Option `{option}` is required: a whole number from {min} to {max}.",
  "options.required.at-least": "Option `{option}` is required: a whole number of at least {min}.",
  "options.required.integer": "Option `{option}` is required: a whole number.",
  "options.required.number": "Option `{option}` is required: a number.",
  "options.required.boolean": "Option `{option}` is required: true or false.",
  "options.required.text": "Option `{option}` is required: text.",
  "options.unsafe.control-in-option":
    "Option `{option}` contains a control character ({code}), which the bot does not accept: type it again without it.",
  "options.unsafe.surrogate-in-option":
    "Option `{option}` contains a lone surrogate ({code}), which the bot does not accept: type it again without it.",
  "options.unsafe.control-in-command":
    "The command contains a control character ({code}), which the bot does not accept: type it again without it.",
  "options.unsafe.surrogate-in-command":
    "The command contains a lone surrogate ({code}), which the bot does not accept: type it again without it.",
  "options.stale-key":
    "Option `{option}` stands for a value that is no longer in the data. Run the command again.",
  "options.unclosed-quote": "A quote is not closed.",
  "options.not-name-value": 'Options are written name:value, like from:2025-01-01 (got "{token}").',
  "options.given-twice": "Option `{option}` is given twice.",
  "options.no-command": "Type a command, like /captives or /timeline from:2025-01-01.",
} as const;
