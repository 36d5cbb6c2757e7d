import { describePagesInChromium } from '../support/browser-pages.js';

// The inequalities page, on the demonstration data (loaded into the empty database at start).
const pages = [
  { name: 'inequalities-sex', path: '/indicators/990007/inequalities', h1: 'Suicide rate', chart: true },
  {
    name: 'inequalities-hackney',
    path: '/indicators/990007/inequalities?area=E09000012',
    h1: 'Suicide rate',
    chart: true,
  },
];

describePagesInChromium('inequalities page in Chromium', 'inequalities', pages);
