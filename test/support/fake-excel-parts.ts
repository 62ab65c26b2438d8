/**
 * A small in-memory fake of the Excel calls functions/workbook-contracts.ts makes (Excel.run's context: custom XML
 * parts, Application.calculate, sync). Like Excel it queues commands and carries them out on sync: a property read
 * before it was loaded and synced, or a result read before a sync, throws, as Office.js does (PropertyNotLoaded).
 * `file` is the workbook as saved: a second fake over the same file is a colleague opening it.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { ExcelRun, PartsContext } from '../../functions/workbook-contracts';

export interface StoredPart { id: string; namespaceUri: string; xml: string }

export class FakeExcel {
  /** every calculate() carried out, by type */
  calculations: string[] = [];
  /** the next sync fails with this message (then clears) */
  failNextSync: string | undefined;
  syncs = 0;

  constructor(readonly file: { parts: StoredPart[]; nextId: number } = { parts: [], nextId: 1 }) {}

  run: ExcelRun = async (batch) => batch(this.context());

  private context(): PartsContext {
    const queue: (() => void)[] = [];
    let syncs = 0;
    const file = this.file;
    const calculations = this.calculations;
    const failure = () => {
      this.syncs++;
      const m = this.failNextSync;
      this.failNextSync = undefined;
      return m;
    };
    const afterSync = <T>(read: () => T, what: string) => {
      const at = syncs;
      return () => {
        if (syncs <= at) throw new Error(`PropertyNotLoaded: ${what} read before context.sync()`);
        return read();
      };
    };
    const partRef = (stored: () => StoredPart | undefined, loadedId?: string) => {
      let idReady: (() => string) | undefined = loadedId === undefined ? undefined : () => loadedId;
      return {
        get id(): string {
          if (!idReady) throw new Error('PropertyNotLoaded: id was not loaded');
          return idReady();
        },
        load(properties: string) {
          if (properties.split(',').map((p) => p.trim()).includes('id')) idReady = afterSync(() => stored()!.id, 'id');
        },
        getXml() {
          const value = afterSync(() => stored()!.xml, 'getXml().value');
          return { get value() { return value(); } };
        },
        delete() {
          queue.push(() => {
            const s = stored();
            if (!s) throw new Error('ItemNotFound: the part was deleted');
            file.parts.splice(file.parts.indexOf(s), 1);
          });
        },
      };
    };
    return {
      workbook: {
        customXmlParts: {
          add(xml: string) {
            const valid = XMLValidator.validate(xml);
            if (valid !== true) throw new Error(`InvalidArgument: the XML is not well formed (${valid.err.msg})`);
            const id = `{part-${file.nextId++}}`;
            const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
            queue.push(() => void file.parts.push({ id, namespaceUri: ns, xml }));
            return partRef(() => file.parts.find((p) => p.id === id));
          },
          getByNamespace(namespaceUri: string) {
            let items: (() => ReturnType<typeof partRef>[]) | undefined;
            return {
              get items() {
                if (!items) throw new Error('PropertyNotLoaded: items were not loaded');
                return items();
              },
              load(properties: string) {
                const withId = /\bid\b/.test(properties);
                items = afterSync(() => file.parts.filter((p) => p.namespaceUri === namespaceUri)
                  .map((p) => partRef(() => file.parts.find((x) => x.id === p.id), withId ? p.id : undefined)), 'items');
              },
            };
          },
        },
        application: {
          calculate(type: 'Full') {
            queue.push(() => void calculations.push(type));
          },
        },
      },
      async sync() {
        const m = failure();
        if (m) {
          queue.length = 0;
          throw new Error(m);
        }
        for (const op of queue.splice(0)) op();
        syncs++;
      },
    };
  }
}
