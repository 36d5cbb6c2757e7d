import type { FastifyReply } from 'fastify';
import { svgToPng } from '../charts/svg-to-png.js';

/**
 * A chart download: the SVG as it is, or rendered to PNG. Inline with a file name, so that a browser shows
 * the image and "save as" proposes a name that says which chart it is.
 */
export function sendChartImage(reply: FastifyReply, svg: string, format: 'svg' | 'png', name: string) {
  if (format === 'png') {
    return reply
      .type('image/png')
      .header('content-disposition', `inline; filename="${name}.png"`)
      .send(svgToPng(svg));
  }
  return reply
    .type('image/svg+xml; charset=utf-8')
    .header('content-disposition', `inline; filename="${name}.svg"`)
    .send(svg);
}
