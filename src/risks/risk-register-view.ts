import { z } from 'zod';
import { PageParameterError } from '../app/page-parameter-error.js';
import { type RiskBanding, ragForScore, rags } from './risk-banding.js';
import type { RiskWithNames } from './risk-repository.js';
import { impactLabels, likelihoodLabels, ragLabels } from './risk-scales.js';

const scale = ['1', '2', '3', '4', '5'] as const;
const sorts = ['score-desc', 'score-asc', 'title', 'updated'] as const;

const registerQuery = z.strictObject({
  programme: z
    .string()
    .regex(/^(none|\d{1,9})$/, 'must be a programme id or none')
    .optional(),
  rag: z.enum(rags).optional(),
  kind: z.enum(['risk', 'issue']).optional(),
  status: z.enum(['open', 'closed', 'all']).optional(),
  likelihood: z.enum(scale).optional(),
  impact: z.enum(scale).optional(),
  view: z.enum(['list', 'programme', 'rag']).optional(),
  sort: z.enum(sorts).optional(),
});

/** The register's filters, view and order, as its address gives them. */
export type RegisterQuery = z.infer<typeof registerQuery>;

/** Reads /risks' query; an empty value (a filter form's "any") is no filter. Unknown or bad ones are a 400. */
export function parseRegisterQuery(query: unknown): RegisterQuery {
  const given = Object.fromEntries(
    Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''),
  );
  const parsed = registerQuery.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const parameter =
    issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'query');
  throw new PageParameterError(
    parameter,
    issue.code === 'unrecognized_keys' ? 'is not a parameter of this page' : issue.message,
  );
}

/** /risks with this query, leaving out what is the default. */
export function registerHref(
  query: RegisterQuery,
  changes: Partial<Record<keyof RegisterQuery, string | undefined>> = {},
): string {
  const merged: Record<string, string | undefined> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ['programme', 'rag', 'kind', 'status', 'likelihood', 'impact', 'view', 'sort'] as const) {
    const value = merged[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `/risks?${text}` : '/risks';
}

const byTitle = (a: RiskWithNames, b: RiskWithNames) =>
  a.title.localeCompare(b.title, 'en-GB') || a.id - b.id;
const order: Record<(typeof sorts)[number], (a: RiskWithNames, b: RiskWithNames) => number> = {
  'score-desc': (a, b) => (b.score ?? 0) - (a.score ?? 0) || byTitle(a, b),
  'score-asc': (a, b) => (a.score ?? 0) - (b.score ?? 0) || byTitle(a, b),
  title: byTitle,
  updated: (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id - b.id,
};

/** One cell of the likelihood × impact matrix. */
export interface MatrixCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rag: string;
  readonly ragText: string;
  readonly ragTag: string;
  readonly count: number;
  readonly href: string;
  readonly selected: boolean;
}

/** What the register page shows: the matrix, the risks (in groups for the programme and RAG views), links. */
export interface RegisterView {
  readonly matrix: readonly {
    readonly likelihood: number;
    readonly label: string;
    readonly cells: readonly MatrixCell[];
  }[];
  readonly impacts: readonly { readonly impact: number; readonly label: string }[];
  readonly groups: readonly { readonly heading: string | null; readonly risks: readonly RiskWithNames[] }[];
  readonly total: number;
  readonly sort: (typeof sorts)[number];
  readonly sortLinks: { readonly score: string; readonly title: string };
  readonly viewLinks: readonly { readonly text: string; readonly href: string; readonly current: boolean }[];
  readonly clearHref: string;
  readonly filtered: boolean;
}

/**
 * Filters, orders and groups a register: status (open by default), programme, RAG and kind apply to the
 * matrix and the list; a matrix cell (likelihood and impact) narrows the list only, so the matrix still shows
 * where the rest sit. The matrix counts the risks in each cell and names its RAG in words.
 */
export function riskRegisterView(
  all: readonly RiskWithNames[],
  query: RegisterQuery,
  banding: RiskBanding,
): RegisterView {
  const status = query.status ?? 'open';
  const base = all.filter(
    (r) =>
      (status === 'all' || r.status === status) &&
      (query.programme === undefined ||
        (query.programme === 'none' ? r.programmeId === null : r.programmeId === Number(query.programme))) &&
      (query.rag === undefined || r.rag === query.rag) &&
      (query.kind === undefined || r.kind === query.kind),
  );
  const listed = base
    .filter(
      (r) =>
        (query.likelihood === undefined || r.likelihood === Number(query.likelihood)) &&
        (query.impact === undefined || r.impact === Number(query.impact)),
    )
    .sort(order[query.sort ?? 'score-desc']);

  const matrix = [5, 4, 3, 2, 1].map((likelihood) => ({
    likelihood,
    label: likelihoodLabels[likelihood]!,
    cells: [1, 2, 3, 4, 5].map((impact) => {
      const score = likelihood * impact;
      const rag = ragForScore(banding, score);
      return {
        likelihood,
        impact,
        score,
        rag,
        ragText: ragLabels[rag]!.text,
        ragTag: ragLabels[rag]!.tag,
        count: base.filter((r) => r.likelihood === likelihood && r.impact === impact).length,
        href: registerHref(query, { likelihood: String(likelihood), impact: String(impact) }),
        selected: query.likelihood === String(likelihood) && query.impact === String(impact),
      };
    }),
  }));

  const view = query.view ?? 'list';
  let groups: RegisterView['groups'];
  if (view === 'programme') {
    const names = [...new Set(listed.map((r) => r.programmeName ?? ''))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB'),
    );
    groups = names.map((name) => ({
      heading: name === '' ? 'No programme' : name,
      risks: listed.filter((r) => (r.programmeName ?? '') === name),
    }));
  } else if (view === 'rag') {
    groups = rags
      .map((rag) => ({ heading: ragLabels[rag]!.text, risks: listed.filter((r) => r.rag === rag) }))
      .filter((g) => g.risks.length > 0);
  } else {
    groups = [{ heading: null, risks: listed }];
  }

  const sort = query.sort ?? 'score-desc';
  return {
    matrix,
    impacts: [1, 2, 3, 4, 5].map((impact) => ({ impact, label: impactLabels[impact]! })),
    groups,
    total: listed.length,
    sort,
    sortLinks: {
      score: registerHref(query, { sort: sort === 'score-desc' ? 'score-asc' : undefined }),
      title: registerHref(query, { sort: 'title' }),
    },
    viewLinks: [
      { text: 'All in one list', href: registerHref(query, { view: undefined }), current: view === 'list' },
      {
        text: 'By programme',
        href: registerHref(query, { view: 'programme' }),
        current: view === 'programme',
      },
      { text: 'By RAG', href: registerHref(query, { view: 'rag' }), current: view === 'rag' },
    ],
    clearHref: registerHref({ view: query.view, sort: query.sort }),
    filtered:
      query.programme !== undefined ||
      query.rag !== undefined ||
      query.kind !== undefined ||
      query.status !== undefined ||
      query.likelihood !== undefined ||
      query.impact !== undefined,
  };
}
