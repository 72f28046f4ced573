import type { Span } from "./parser/ast";

// The placeholders of the build tools that fill in unit and configuration templates: autoconf
// and meson's @VAR@, Jinja's {{ expr }}, {% statement %} and {# comment #}, and ERB's <% %> forms.
const PLACEHOLDER = /@[A-Za-z_][A-Za-z0-9_]*@|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|<%[\s\S]*?%>/g;

/** Where the placeholders are in a template's text. */
export function placeholderSpans(text: string): Span[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// A line that is only template logic ({% if %}, {# ... #}, <% end %>) or one whole {{ expression }}
// holds no key of the file underneath.
const TEMPLATE_LINE = /^(\{%|\{#|<%)|^\{\{[\s\S]*\}\}$/;

/** Whether a trimmed line is template logic rather than a line of the file underneath. */
export function isTemplateLine(trimmed: string): boolean {
  return TEMPLATE_LINE.test(trimmed);
}

/** Whether a span touches any of the placeholder spans. */
export function touchesPlaceholder(span: Span, placeholders: readonly Span[]): boolean {
  return placeholders.some((p) => span.start < p.end && p.start < span.end);
}
