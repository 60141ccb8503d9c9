import type { LayoutPreset } from './preset-types.js'

/** Ready-made layouts; `{{ body }}` is where the rendered message goes. */
export const layoutPresets: LayoutPreset[] = [
  {
    id: 'email-basic',
    type: 'email',
    name: 'Simple email',
    description: 'A centred column with the company name and a footer.',
    body: '<!doctype html>\n<html>\n<body style="margin:0;padding:24px;' +
      'background:#f4f5f7;font-family:Helvetica,Arial,sans-serif">\n' +
      '<div style="max-width:560px;margin:0 auto;background:#ffffff;' +
      'padding:32px;border-radius:6px;color:#1f2430;line-height:1.5">\n' +
      '<h2 style="margin-top:0">{{ context.company.name }}</h2>\n' +
      '{{ body }}\n' +
      '</div>\n<p style="text-align:center;color:#8a8f98;font-size:12px">' +
      'Sent by {{ context.company.name }}</p>\n</body>\n</html>'
  },
  {
    id: 'sms-signed',
    type: 'sms',
    name: 'Signed SMS',
    description: 'The message followed by the company name.',
    body: '{{ body }}\n- {{ context.company.name }}'
  },
  {
    id: 'push-plain',
    type: 'push',
    name: 'Plain push',
    description: 'The message as it is, prefixed with the company name.',
    body: '{{ context.company.name }}: {{ body }}'
  }
]
