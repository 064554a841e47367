/**
 * A WizardUi that answers from a script, for running the wizard flows in node. Each answer sees the request,
 * so a test can check the step counter, masking and as-you-type validation exactly where the user meets them.
 */
import type {
  ConfirmRequest,
  FileRequest,
  InputRequest,
  ManifestSinks,
  PickRequest,
  SaveResult,
  SinkResult,
  StepResult,
  WizardUi,
} from '../../client/src/wizards/wizardUi';

export type Answer =
  | { input: string | ((req: InputRequest) => string) }
  | { pick: string }
  | { file: string | undefined }
  | { confirm: boolean }
  | 'back'
  | 'cancel';

export interface Shown {
  kind: 'input' | 'pick' | 'file';
  title: string;
  step?: number;
  totalSteps?: number;
  text: string;
  password?: boolean;
  labels?: string[];
  canGoBack?: boolean;
}

export class ScriptedUi implements WizardUi {
  readonly shown: Shown[] = [];
  readonly errors: string[] = [];
  readonly infos: string[] = [];
  readonly inputs: InputRequest[] = [];
  readonly confirms: ConfirmRequest[] = [];

  constructor(private readonly answers: Answer[]) {}

  get remaining(): number {
    return this.answers.length;
  }

  private next(what: string): Answer {
    const a = this.answers.shift();
    if (a === undefined) throw new Error(`unscripted ${what}`);
    return a;
  }

  async input(req: InputRequest): Promise<StepResult<string>> {
    this.inputs.push(req);
    this.shown.push({
      kind: 'input',
      title: req.title,
      step: req.step,
      totalSteps: req.totalSteps,
      text: req.prompt,
      password: req.password,
      canGoBack: req.canGoBack,
    });
    const a = this.next(`input "${req.prompt}"`);
    if (a === 'back' || a === 'cancel') return { kind: a };
    if (!('input' in a)) throw new Error(`input "${req.prompt}" got ${JSON.stringify(a)}`);
    const value = typeof a.input === 'function' ? a.input(req) : a.input;
    const problem = req.validate(value);
    if (problem)
      throw new Error(`the wizard would not accept ${JSON.stringify(value)} for "${req.prompt}": ${problem}`);
    return { kind: 'value', value };
  }

  async pick<T>(req: PickRequest<T>): Promise<StepResult<T>> {
    const labels = req.items.map((i) => i.label);
    this.shown.push({
      kind: 'pick',
      title: req.title,
      step: req.step,
      totalSteps: req.totalSteps,
      text: req.placeholder,
      labels,
      canGoBack: req.canGoBack,
    });
    const a = this.next(`pick "${req.placeholder}" ${JSON.stringify(labels)}`);
    if (a === 'back' || a === 'cancel') return { kind: a };
    if (!('pick' in a)) throw new Error(`pick "${req.placeholder}" got ${JSON.stringify(a)}`);
    const item = req.items.find((i) => i.label.includes(a.pick));
    if (!item) throw new Error(`pick "${req.placeholder}" has no item matching "${a.pick}": ${JSON.stringify(labels)}`);
    return { kind: 'value', value: item.value };
  }

  async chooseFile(req: FileRequest): Promise<string | undefined> {
    this.shown.push({ kind: 'file', title: req.title, text: req.openLabel });
    const a = this.next(`file dialog "${req.title}"`);
    if (typeof a !== 'object' || !('file' in a)) throw new Error(`file dialog "${req.title}" got ${JSON.stringify(a)}`);
    return a.file;
  }

  async confirm(req: ConfirmRequest): Promise<boolean> {
    this.confirms.push(req);
    const a = this.next(`confirm "${req.message}"`);
    if (typeof a !== 'object' || !('confirm' in a))
      throw new Error(`confirm "${req.message}" got ${JSON.stringify(a)}`);
    return a.confirm;
  }

  showError(message: string): void {
    this.errors.push(message);
  }

  showInfo(message: string): void {
    this.infos.push(message);
  }
}

/** Records what reached each output; `create` answers from a list (default: success). */
export class RecordingSinks implements ManifestSinks {
  readonly editors: string[] = [];
  readonly saved: string[] = [];
  readonly created: string[] = [];
  readonly dryRuns: string[] = [];

  /** `saveResults` answer the saves in turn (a path's failure, say); once used up, saves succeed. */
  constructor(
    private readonly createResults: SinkResult[] = [],
    private readonly saveResults: SaveResult[] = [],
  ) {}

  async openEditor(json: string): Promise<void> {
    this.editors.push(json);
  }

  async saveFile(json: string, suggestedName: string): Promise<SaveResult> {
    const scripted = this.saveResults.shift();
    if (scripted) return scripted;
    this.saved.push(json);
    return { kind: 'saved', path: `/chosen/${suggestedName}` };
  }

  async create(json: string): Promise<SinkResult> {
    this.created.push(json);
    return this.createResults.shift() ?? { ok: true, message: 'created' };
  }

  async serverDryRun(json: string): Promise<SinkResult> {
    this.dryRuns.push(json);
    return { ok: true, message: 'the API server accepted it' };
  }
}
