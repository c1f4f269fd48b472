/**
 * Who is asking. Services take it first and ask their policy what it may do. Dependency-free,
 * so any module (scripts and tests included) can name a viewer without loading sign-in code.
 */
export type Viewer = {
  kind: 'person';
  id: string;
  handle: string;
  isAdmin: boolean;
  /** The sign-in session this request came with: absent for viewers made by scripts and tests. */
  sessionId?: string;
};
/** For background jobs and start-up tasks that act on nobody's behalf. */
export type SystemViewer = { kind: 'system' };
export const systemViewer: SystemViewer = { kind: 'system' };
