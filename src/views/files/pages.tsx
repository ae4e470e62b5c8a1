// Whole pages of the files area: the upload form with its problems (after a refused upload without JavaScript),
// and "not available" for a file still being checked or quarantined. Portal and staff variants.
import type { Child } from 'hono/jsx';
import { PortalLayout, type PortalShell } from '../portal/layout.tsx';
import { StaffLayout, type StaffShell } from '../staff/layout.tsx';
import { TaskFilesPanel, type TaskFilesProps } from './attachments.tsx';

interface UploadPageProps {
  title: string;
  backUrl: string;
  backLabel: string;
  files: TaskFilesProps;
}

function UploadBody(props: UploadPageProps) {
  return (
    <>
      <p class="breadcrumb">
        <a href={props.backUrl}>{props.backLabel}</a>
      </p>
      <h1>{props.title}</h1>
      <section class="card" aria-label={props.files.labels.listLabel}>
        <TaskFilesPanel {...props.files} />
      </section>
    </>
  );
}

interface UnavailableProps {
  title: string;
  message: string;
  backUrl: string;
  backLabel: string;
}

function UnavailableBody(props: UnavailableProps): Child {
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href={props.backUrl}>{props.backLabel}</a>
      </p>
    </>
  );
}

export function PortalUploadPage(props: UploadPageProps & { shell: PortalShell }) {
  return (
    <PortalLayout shell={props.shell} title={props.title}>
      <UploadBody {...props} />
    </PortalLayout>
  );
}

export function StaffUploadPage(props: UploadPageProps & { shell: StaffShell }) {
  return (
    <StaffLayout shell={props.shell} title={props.title}>
      <UploadBody {...props} />
    </StaffLayout>
  );
}

export function PortalFileUnavailablePage(props: UnavailableProps & { shell: PortalShell }) {
  return (
    <PortalLayout shell={props.shell} title={props.title}>
      <UnavailableBody {...props} />
    </PortalLayout>
  );
}

export function StaffFileUnavailablePage(props: UnavailableProps & { shell: StaffShell }) {
  return (
    <StaffLayout shell={props.shell} title={props.title}>
      <UnavailableBody {...props} />
    </StaffLayout>
  );
}
