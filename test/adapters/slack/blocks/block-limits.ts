/**
 * Slack's Block Kit limits as a checker, so renderer tests can say "Slack
 * would accept this" without a live workspace: each breach becomes a line
 * naming the block, and a valid message yields none.
 */
const LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  actionsElements: 25,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  options: 100,
  optionText: 75,
  optionValue: 150,
};

type Json = Record<string, unknown>;

export function blockKitProblems(blocks: unknown[], maxBlocks = 50): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  blocks.forEach((raw, i) => {
    const block = raw as Json;
    const at = `block ${i} (${String(block.type)})`;
    if (typeof block.block_id === 'string' && block.block_id.length > LIMITS.blockId)
      problems.push(`${at}: block_id is ${block.block_id.length} chars`);
    const tooLong = (what: string, text: unknown, max: number) => {
      if (typeof text !== 'string' || text.length === 0) problems.push(`${at}: ${what} is empty`);
      else if (text.length > max) problems.push(`${at}: ${what} is ${text.length} chars (max ${max})`);
    };
    switch (block.type) {
      case 'header':
        tooLong('header', (block.text as Json)?.text, LIMITS.headerText);
        if ((block.text as Json)?.type !== 'plain_text') problems.push(`${at}: header is not plain_text`);
        break;
      case 'section': {
        const fields = (block.fields as Json[] | undefined) ?? [];
        if (!block.text && fields.length === 0) problems.push(`${at}: neither text nor fields`);
        if (block.text) tooLong('text', (block.text as Json).text, LIMITS.sectionText);
        if (fields.length > LIMITS.sectionFields) problems.push(`${at}: ${fields.length} fields`);
        for (const field of fields) tooLong('field', field.text, LIMITS.fieldText);
        if (block.accessory) problems.push(...accessoryProblems(at, block.accessory as Json));
        break;
      }
      case 'actions': {
        const elements = block.elements as Json[];
        if (elements.length === 0 || elements.length > LIMITS.actionsElements) {
          problems.push(`${at}: ${elements.length} elements`);
        }
        const ids = elements.map((e) => e.action_id);
        if (new Set(ids).size !== ids.length) problems.push(`${at}: repeated action_id`);
        for (const element of elements) problems.push(...buttonProblems(at, element));
        break;
      }
      case 'context': {
        const elements = block.elements as Json[];
        if (elements.length === 0 || elements.length > LIMITS.contextElements) {
          problems.push(`${at}: ${elements.length} elements`);
        }
        for (const element of elements) tooLong('context text', element.text, LIMITS.sectionText);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}

function accessoryProblems(at: string, accessory: Json): string[] {
  return accessory.type === 'static_select' ? selectProblems(at, accessory) : buttonProblems(at, accessory);
}

function selectProblems(at: string, select: Json): string[] {
  const problems: string[] = [];
  const options = (select.options as Json[] | undefined) ?? [];
  if (options.length === 0 || options.length > LIMITS.options)
    problems.push(`${at}: ${options.length} options`);
  const placeholder = (select.placeholder as Json | undefined)?.text;
  if (typeof placeholder !== 'string' || placeholder.length === 0 || placeholder.length > 150)
    problems.push(`${at}: placeholder ${JSON.stringify(placeholder)}`);
  for (const option of options) {
    const text = (option.text as Json)?.text;
    if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.optionText)
      problems.push(`${at}: option text ${JSON.stringify(text)}`);
    const value = option.value;
    if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.optionValue)
      problems.push(`${at}: option value ${JSON.stringify(value)} (max ${LIMITS.optionValue})`);
  }
  const id = select.action_id;
  if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.actionId)
    problems.push(`${at}: action_id ${JSON.stringify(id)}`);
  return problems;
}

function buttonProblems(at: string, button: Json): string[] {
  const problems: string[] = [];
  if (button.type !== 'button') return [`${at}: element is ${String(button.type)}`];
  const text = (button.text as Json)?.text;
  if (typeof text !== 'string' || text.length === 0 || text.length > LIMITS.buttonText) {
    problems.push(`${at}: button text ${JSON.stringify(text)}`);
  }
  const value = button.value;
  if (typeof value === 'string' && value.length > LIMITS.buttonValue) problems.push(`${at}: value too long`);
  const id = button.action_id;
  if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.actionId) {
    problems.push(`${at}: action_id ${JSON.stringify(id)}`);
  }
  return problems;
}

/** Every mrkdwn string in the blocks, for escaping checks. */
export function mrkdwnTexts(blocks: unknown[]): string[] {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const object = node as Json;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
      Object.values(object).forEach(visit);
    }
  };
  visit(blocks);
  return texts;
}

/** Every button in the blocks, as Slack would send back its action_id and value (selects are not buttons). */
export function buttonsIn(blocks: unknown[]): { actionId: string; value: string; text: string }[] {
  const buttons: { actionId: string; value: string; text: string }[] = [];
  for (const raw of blocks) {
    const block = raw as Json;
    const elements = block.type === 'actions' ? (block.elements as Json[]) : [];
    const all = block.accessory ? [block.accessory as Json, ...elements] : elements;
    for (const element of all.filter((e) => e.type === 'button')) {
      buttons.push({
        actionId: String(element.action_id),
        value: String(element.value),
        text: String((element.text as Json).text),
      });
    }
  }
  return buttons;
}
