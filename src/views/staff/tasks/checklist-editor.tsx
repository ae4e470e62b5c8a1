// The staff checklist editor: sections (the firm's or the client's) and items; add, rename, reorder, remove, tick.
// Every control is a small form that works without JavaScript and comes back to the same place.
import type { ChecklistItemView, ChecklistSectionView } from '../../../db/queries/checklists.ts';
import { staffDateTime } from '../components.tsx';

/** A refused editor form: which one, its message, and what was typed. */
export interface EditorError {
  form: string;
  message: string;
  value: string;
}

const ownerOptions = [
  { value: 'client', label: "Client's section (the client ticks it)" },
  { value: 'firm', label: "Firm's section (staff tick it)" },
];

function TextInputForm(props: { action: string; formKey: string; label: string; name: string; value: string; button: string; error?: EditorError; hiddenLabel?: boolean }) {
  const id = `input-${props.formKey}`;
  const failed = props.error?.form === props.formKey;
  return (
    <form method="post" action={props.action} class={failed ? 'inline-form has-error' : 'inline-form'}>
      <label for={id} class={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {failed && (
        <p class="field-error" id={`${id}-error`}>
          {props.error!.message}
        </p>
      )}
      <input type="text" id={id} name={props.name} value={failed ? props.error!.value : props.value} maxlength={500} aria-invalid={failed ? 'true' : undefined} aria-describedby={failed ? `${id}-error` : undefined} />
      <button type="submit" class="secondary">
        {props.button}
      </button>
    </form>
  );
}

function MoveButtons({ action, what, first, last }: { action: string; what: string; first: boolean; last: boolean }) {
  return (
    <>
      {!first && (
        <form method="post" action={action} class="inline-form">
          <input type="hidden" name="direction" value="up" />
          <button type="submit" class="secondary small">
            Up<span class="visually-hidden"> {what}</span>
          </button>
        </form>
      )}
      {!last && (
        <form method="post" action={action} class="inline-form">
          <input type="hidden" name="direction" value="down" />
          <button type="submit" class="secondary small">
            Down<span class="visually-hidden"> {what}</span>
          </button>
        </form>
      )}
    </>
  );
}

function Item({ taskId, item, first, last, error }: { taskId: string; item: ChecklistItemView; first: boolean; last: boolean; error?: EditorError }) {
  const base = `/staff/tasks/${taskId}/items/${item.id}`;
  const who = item.doneByName ? `${item.doneByName}${item.doneByType === 'portal' ? ' (client)' : ''}` : item.doneByType === 'portal' ? 'the client' : 'staff';
  return (
    <li id={`item-${item.id}`} class={item.done ? 'editor-item is-done' : 'editor-item'}>
      <div class="editor-item-head">
        <form method="post" action={`${base}/toggle`} class="inline-form">
          <input type="hidden" name="done" value={item.done ? '0' : '1'} />
          <button type="submit" class="tick" role="checkbox" aria-checked={item.done ? 'true' : 'false'}>
            {item.text}
          </button>
        </form>
        {item.done && (
          <span class="muted tick-by">
            Done by {who}
            {item.doneAt ? `, ${staffDateTime(item.doneAt)}` : ''}
          </span>
        )}
      </div>
      <details class="editor-tools" open={error?.form === `item-${item.id}`}>
        <summary>
          Edit<span class="visually-hidden"> item: {item.text}</span>
        </summary>
        <TextInputForm action={base} formKey={`item-${item.id}`} label="Item text" name="text" value={item.text} button="Rename" error={error} />
        <div class="tool-row">
          <MoveButtons action={`${base}/move`} what={`item: ${item.text}`} first={first} last={last} />
          <form method="post" action={`${base}/delete`} class="inline-form">
            <button type="submit" class="danger small">
              Remove<span class="visually-hidden"> item: {item.text}</span>
            </button>
          </form>
        </div>
      </details>
    </li>
  );
}

function Section({ taskId, section, first, last, error }: { taskId: string; section: ChecklistSectionView; first: boolean; last: boolean; error?: EditorError }) {
  const base = `/staff/tasks/${taskId}/sections/${section.id}`;
  const name = section.title || (section.owner === 'client' ? "Client's checklist" : "Firm's checklist");
  return (
    <section id={`section-${section.id}`} class={`editor-section owner-${section.owner}`} aria-labelledby={`section-title-${section.id}`}>
      <h3 id={`section-title-${section.id}`}>
        {name} <span class="badge">{section.owner === 'client' ? 'Client ticks' : 'Firm ticks'}</span>
      </h3>
      {section.items.length === 0 ? (
        <p class="muted">No items in this section yet.</p>
      ) : (
        <ul class="editor-items">
          {section.items.map((item, i) => (
            <Item taskId={taskId} item={item} first={i === 0} last={i === section.items.length - 1} error={error} />
          ))}
        </ul>
      )}
      <TextInputForm action={`${base}/items`} formKey={`add-${section.id}`} label={`New item in ${name}`} name="text" value="" button="Add item" error={error} />
      <details class="editor-tools">
        <summary>
          Section settings<span class="visually-hidden">: {name}</span>
        </summary>
        <form method="post" action={base} class="stack-form">
          <div class="field">
            <label for={`title-${section.id}`}>Section title</label>
            <input type="text" id={`title-${section.id}`} name="title" value={section.title} maxlength={200} />
          </div>
          <div class="field">
            <label for={`owner-${section.id}`}>Whose section</label>
            <select id={`owner-${section.id}`} name="owner">
              {ownerOptions.map((o) => (
                <option value={o.value} selected={o.value === section.owner}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            Save section
          </button>
        </form>
        <div class="tool-row">
          <MoveButtons action={`${base}/move`} what={`section: ${name}`} first={first} last={last} />
          <form method="post" action={`${base}/delete`} class="inline-form">
            <button type="submit" class="danger small">
              Remove section<span class="visually-hidden">: {name}, with its items</span>
            </button>
          </form>
        </div>
      </details>
    </section>
  );
}

export function ChecklistEditor({ taskId, sections, error }: { taskId: string; sections: ChecklistSectionView[]; error?: EditorError }) {
  const addFailed = error?.form === 'add-section';
  return (
    <section id="checklist" aria-labelledby="checklist-heading" class="card">
      <h2 id="checklist-heading">Checklist</h2>
      {sections.length === 0 && <p class="muted">No checklist yet. Add a section for the client to tick, or one for your team.</p>}
      {sections.map((section, i) => (
        <Section taskId={taskId} section={section} first={i === 0} last={i === sections.length - 1} error={error} />
      ))}
      <form method="post" action={`/staff/tasks/${taskId}/sections`} class={addFailed ? 'stack-form add-section has-error' : 'stack-form add-section'}>
        <h3>Add a section</h3>
        {addFailed && (
          <p class="field-error" id="new-section-error">
            {error!.message}
          </p>
        )}
        <div class="field">
          <label for="new-section-title">Section title</label>
          <input type="text" id="new-section-title" name="title" value={addFailed ? error!.value : ''} maxlength={200} aria-describedby={addFailed ? 'new-section-error' : undefined} />
        </div>
        <div class="field">
          <label for="new-section-owner">Whose section</label>
          <select id="new-section-owner" name="owner">
            {ownerOptions.map((o) => (
              <option value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          Add section
        </button>
      </form>
    </section>
  );
}
