/**
 * A fake of the Word API subset the Word adapter uses, with office-js semantics: calls are
 * queued and reach the document at sync(); every sync is counted with its request bytes;
 * reading an unloaded property throws; insertOoxml rejects what is not a flat OPC package.
 */
import {
  PropertyNotLoadedError,
  REQUEST_LIMIT,
  RequestPayloadSizeLimitExceededError,
} from './excel-fake';

export interface Insertion {
  readonly ooxml: string;
  readonly location: string;
}

export class FakeDocument {
  /** What the selection held before, then each insertion in order. */
  selectionText = '';
  readonly insertions: Insertion[] = [];
  syncs = 0;
  readonly requestBytes: number[] = [];

  run<T>(batch: (context: FakeWordContext) => Promise<T>): Promise<T> {
    return batch(new FakeWordContext(this));
  }
}

type Op = { readonly op: string; readonly payload: unknown; readonly apply: () => void };

export class FakeWordContext {
  private queue: Op[] = [];
  readonly document: { getSelection: () => FakeWordRange };
  constructor(readonly data: FakeDocument) {
    this.document = { getSelection: () => new FakeWordRange(this) };
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  sync(): Promise<void> {
    const bytes = new TextEncoder().encode(
      JSON.stringify(this.queue.map(({ op, payload }) => ({ op, payload }))),
    ).length;
    this.data.syncs++;
    this.data.requestBytes.push(bytes);
    const queue = this.queue;
    this.queue = [];
    if (bytes > REQUEST_LIMIT)
      return Promise.reject(new RequestPayloadSizeLimitExceededError(`request of ${bytes} bytes`));
    try {
      for (const op of queue) op.apply();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve();
  }
}

const LOCATIONS = ['Replace', 'Start', 'End', 'Before', 'After'];

export class FakeWordRange {
  private loaded = new Map<string, unknown>();
  constructor(private readonly ctx: FakeWordContext) {}

  get text(): string {
    if (!this.loaded.has('text'))
      throw new PropertyNotLoadedError("The property 'text' is not available.");
    return this.loaded.get('text') as string;
  }

  load(props: string): this {
    this.ctx.enqueue({
      op: 'load',
      payload: props,
      apply: () => {
        if (props.split(',').includes('text')) this.loaded.set('text', this.ctx.data.selectionText);
      },
    });
    return this;
  }

  insertOoxml(ooxml: string, location: string): void {
    if (!LOCATIONS.includes(location))
      throw new Error(`InvalidArgument: insert location ${location}`);
    this.ctx.enqueue({
      op: 'insertOoxml',
      payload: { ooxml, location },
      apply: () => {
        if (
          !/^<pkg:package [\s\S]*<\/pkg:package>$/.test(ooxml) ||
          !ooxml.includes('pkg:name="/word/document.xml"')
        ) {
          throw new Error(
            'InvalidArgument: insertOoxml needs a flat OPC package with /word/document.xml',
          );
        }
        this.ctx.data.insertions.push({ ooxml, location });
      },
    });
  }
}
