export interface Cluster {
  readonly url: string;
  readonly port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}
export function findPostgresBin(): string | null;
export function freePort(): Promise<number>;
export function startCluster(): Promise<Cluster>;
