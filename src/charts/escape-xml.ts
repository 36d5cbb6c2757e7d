const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text made safe to put in SVG markup, in element content and in attribute values alike: every chart builds
 * its SVG as a string, and labels, area names and sources come from imported files, so all of them pass
 * through here. Both quotes are escaped so that the result can go in either kind of quoted attribute.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
