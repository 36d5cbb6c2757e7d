import { describePagesInChromium } from '../support/browser-pages.js';

// Every evidence page type of the first slice, on the demonstration data.
describePagesInChromium('evidence pages in Chromium', 'evidence', [
  { name: 'indicators', path: '/indicators', h1: 'Indicators', chart: false },
  { name: 'indicator', path: '/indicators/990003', h1: 'Low birth weight of term babies', chart: true },
  {
    name: 'indicator-icbs',
    path: '/indicators/990010?areaType=icb&benchmark=england',
    h1: null,
    chart: true,
  },
  { name: 'area-profile', path: '/areas/E09000012', h1: 'Hackney', chart: true },
  { name: 'london-profile', path: '/areas/E12000007', h1: 'London', chart: true },
  { name: 'api-docs', path: '/api/v1', h1: null, chart: false },
]);
