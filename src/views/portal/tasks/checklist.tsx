// The client's checklist on the task page: tickable items, read-only firm items, and the completion panel.
import type { Translate } from '../../../i18n/index.ts';

export const COMPLETION_ID = 'completion';
export const TASK_ALERT_ID = 'task-alert';

export function itemDomId(itemId: string): string {
  return `item-${itemId}`;
}

export interface ItemView {
  id: string;
  text: string;
  done: boolean;
  doneByName: string | null;
}

/** One tickable item: a real form (works without JS), enhanced by htmx to swap only itself. */
export function ClientItem({ taskId, item, t }: { taskId: string; item: ItemView; t: Translate }) {
  const action = `/tasks/${taskId}/items/${item.id}/toggle`;
  return (
    <li id={itemDomId(item.id)} class={item.done ? 'check-item is-done' : 'check-item'}>
      <form method="post" action={action} hx-post={action} hx-target="closest li" hx-swap="outerMorph">
        <input type="hidden" name="done" value={item.done ? '0' : '1'} />
        <button type="submit" id={`tick-${item.id}`} class="tick" role="checkbox" aria-checked={item.done ? 'true' : 'false'}>
          {item.text}
        </button>
      </form>
      {item.done && item.doneByName && <span class="tick-by">{t('task.tickedBy', { name: item.doneByName })}</span>}
    </li>
  );
}

/** An item the client cannot change (the firm's, or any item once the task is done): its state in words. */
export function ReadOnlyItem({ item, t }: { item: ItemView; t: Translate }) {
  return (
    <li id={itemDomId(item.id)} class={item.done ? 'check-item readonly is-done' : 'check-item readonly'}>
      <span class="state">{item.done ? t('task.firmItemDone') : t('task.firmItemOpen')}</span>
      <span class="item-text">{item.text}</span>
    </li>
  );
}

export interface SectionView {
  id: string;
  owner: 'firm' | 'client';
  title: string;
  items: ItemView[];
}

export function ChecklistSections({ taskId, sections, interactive, trademark, t }: { taskId: string; sections: SectionView[]; interactive: boolean; trademark: string; t: Translate }) {
  if (sections.length === 0) return <p class="empty">{t('task.noChecklist')}</p>;
  return (
    <>
      {sections.map((section) => {
        const title = section.title || (section.owner === 'client' ? t('task.sectionClient') : t('task.sectionFirm', { trademark }));
        return (
          <section class={`checklist-section owner-${section.owner}`} aria-labelledby={`section-${section.id}`}>
            <h3 id={`section-${section.id}`}>{title}</h3>
            {section.owner === 'firm' && <p class="hint">{t('task.firmItemsHint', { trademark })}</p>}
            <ul class="checklist">
              {section.items.map((item) =>
                section.owner === 'client' && interactive ? <ClientItem taskId={taskId} item={item} t={t} /> : <ReadOnlyItem item={item} t={t} />,
              )}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export type CompletionState =
  | { kind: 'reference' }
  | { kind: 'closed'; date: string }
  | { kind: 'client-done'; by: string; date: string }
  | { kind: 'ready'; hasItems: boolean }
  | { kind: 'open'; clientOpen: number; firmOpen: number };

/** What the client can do next with the whole task: the inside of the #completion live region. */
export function CompletionPanel({ taskId, state, trademark, t }: { taskId: string; state: CompletionState; trademark: string; t: Translate }) {
  switch (state.kind) {
    case 'reference':
      return <p>{t('task.reference', { trademark })}</p>;
    case 'closed':
      return <p class="done-note">{t('task.closedOn', { trademark, date: state.date })}</p>;
    case 'client-done':
      return (
        <>
          <p class="done-note">{t('task.completedBy', { name: state.by, date: state.date })}</p>
          <p>{t('task.waitingForFirm', { trademark })}</p>
          <form method="post" action={`/tasks/${taskId}/undo`} class="inline-form">
            <button type="submit" class="secondary">
              {t('task.undo')}
            </button>
            <span class="hint">{t('task.undoHint', { trademark })}</span>
          </form>
        </>
      );
    case 'ready':
      return (
        <>
          <p>{state.hasItems ? t('task.readyToFinish') : t('task.readyNoChecklist')}</p>
          <form method="post" action={`/tasks/${taskId}/complete`}>
            <button type="submit">{t('task.markDone')}</button>
          </form>
        </>
      );
    case 'open':
      return (
        <p>
          {state.clientOpen > 0 ? t('task.itemsLeft', { count: state.clientOpen }) : t('task.firmItemsLeft', { trademark, count: state.firmOpen })}
        </p>
      );
  }
}

/** The htmx answer to a tick: the item itself, and the completion panel as a partial swap. */
export function TickResponse({ taskId, item, state, trademark, t }: { taskId: string; item: ItemView; state: CompletionState; trademark: string; t: Translate }) {
  return (
    <>
      <ClientItem taskId={taskId} item={item} t={t} />
      <hx-partial hx-target={`#${COMPLETION_ID}`} hx-swap="innerHTML">
        <CompletionPanel taskId={taskId} state={state} trademark={trademark} t={t} />
      </hx-partial>
    </>
  );
}
