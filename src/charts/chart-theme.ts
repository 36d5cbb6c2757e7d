/**
 * Fonts and colours shared by every chart. The font stack is the system's own sans-serif, not GDS Transport:
 * healthhub is not a GOV.UK service and may not use that typeface. Sizes are at least 12px so that text
 * stays legible; the text colour is GOV.UK's near-black, 19.5:1 on white.
 */
export const chartTheme = {
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  background: '#ffffff',
  grid: '#dee0e2',
  axis: '#505a5f',
  titleSize: 19,
  fontSize: 14,
  smallSize: 12,
  margin: 16,
} as const;
