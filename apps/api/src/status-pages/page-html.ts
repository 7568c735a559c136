import type { PublicStatusResponse } from '@mc/shared'
import { PAGE_SCRIPT_URL, PAGE_STYLE_URL } from './page-assets.ts'
import { renderStatusMain } from './status-view.ts'

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A whole status page, complete without its script: the script only keeps it current. The slug
 * passed the slug schema (letters, digits, dashes), so it is safe in a URL as it is.
 */
export function renderStatusPage(status: PublicStatusResponse): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeAttribute(status.title)} · status</title>
<link rel="stylesheet" href="${PAGE_STYLE_URL}">
<script src="${PAGE_SCRIPT_URL}" defer></script>
</head>
<body>
<main data-status-url="/api/status/${status.slug}" data-refresh-s="${status.refresh_s}">
${renderStatusMain(status)}
</main>
</body>
</html>
`
}
