// The HTML document every page shares: language, title, stylesheet, htmx, skip link.
import type { Child } from 'hono/jsx';
import { assetUrl, assetUrlMatching } from '../assets.ts';

export const MAIN_ID = 'main';

export interface DocumentProps {
  lang: string;
  title: string;
  /** Extra stylesheet (a firm's brand colours). */
  brandCssUrl?: string;
  faviconUrl?: string;
  skipLabel?: string;
  bodyClass?: string;
  scripts?: string[];
  children: Child;
}

const htmxUrl = assetUrlMatching(/^htmx\.[0-9a-f]{10}\.min\.js$/);

export function Document(props: DocumentProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorCSS":false,"defaultTimeout":30000}' />
        <title>{props.title}</title>
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {props.brandCssUrl && <link rel="stylesheet" href={props.brandCssUrl} />}
        {props.faviconUrl && <link rel="icon" href={props.faviconUrl} />}
        <script src={htmxUrl} defer></script>
        {(props.scripts ?? []).map((name) => (
          <script src={assetUrl(name)} defer></script>
        ))}
      </head>
      <body class={props.bodyClass}>
        <a class="skip-link" href={`#${MAIN_ID}`}>
          {props.skipLabel ?? 'Skip to main content'}
        </a>
        {props.children}
      </body>
    </html>
  );
}
