/**
 * The main-side service table: one handler per non-dialog channel of the contract. Electron's IPC
 * and the web host both serve exactly this table through `dispatch`.
 */
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import type { Handlers, ServiceChannel } from '../ipc/dispatch'
import type { JobRunner } from '../workers/protocol'

export interface ServiceContext {
  version: string
  host: 'electron' | 'web'
  /** The data folder; backups live in `backupDir` inside it. */
  dataDir: string
  backupDir: string
  jobs: JobRunner
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Opens an allow-listed https URL in the system browser (the host decides how). */
  openExternal(url: string): Promise<boolean>
}

export function createServiceHandlers(ctx: ServiceContext): Handlers<ServiceChannel> {
  void ctx
  throw new Error('not yet built')
}
