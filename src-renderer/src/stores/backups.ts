import { defineStore } from 'pinia'
import { ref } from 'vue'
import { parseBackup, type ParsedBackup } from '@shared/db/backup-format'
import { findDanglingRecords, setDanglingAside, type DanglingRecord } from '@shared/db/references'
import type { BackupEntry, BackupKind } from '@shared/ipc/contract'
import { todayIso } from '@shared/dates'
import { AppError } from '@shared/errors'
import { createBackupContent, isDatabaseEmpty, replaceAllTables } from '@/db/backup-tables'
import { isPracticeRegister, useDatabase } from '@/db/instance'
import { useApi } from '@/platform/api'
import { useAppStore } from './app'

/** A backup file that passed every check, with what the clerk must decide before restoring it. */
export interface CheckedBackup extends ParsedBackup {
  fileName: string
  /** Records whose references are missing: restoring sets them aside, or the clerk cancels. */
  dangling: DanglingRecord[]
}

/**
 * What a write channel is given: the content, and this page's offset from UTC, so the file is named
 * in the clerk's clock even when the web host's main runs in another zone.
 */
export function backupWriteRequest(content: string): { content: string; utcOffset: number } {
  return { content, utcOffset: -new Date().getTimezoneOffset() }
}

/**
 * Backups: the database is read in the renderer (where IndexedDB lives) and the file is written
 * by main into the backup folder, through the channel of its kind. Restoring checks the whole file
 * first, backs up the current data, then replaces every table in one transaction. The practice
 * register is never backed up: its sample data must not sit among the clerk's backups, nor rotate
 * one of them out, nor be restored over the real register by mistake.
 */
export const useBackupsStore = defineStore('backups', () => {
  const entries = ref<BackupEntry[]>([])
  const busy = ref(false)

  function appVersion() {
    return useAppStore().info?.version ?? '0.0.0'
  }
  async function refresh() {
    entries.value = await useApi().listBackups()
  }
  function writeOfKind(
    kind: BackupKind,
  ): (request: ReturnType<typeof backupWriteRequest>) => Promise<BackupEntry> {
    const api = useApi()
    switch (kind) {
      case 'auto':
        return api.writeDailyBackup
      case 'pre-restore':
        return api.writeBackupBeforeRestore
      case 'pre-upgrade':
        return api.writeBackupBeforeUpgrade
      case 'manual':
        return api.writeManualBackup
    }
  }
  /** The content of a backup of the open register; refused in the practice register. */
  async function contentOf(kind: BackupKind): Promise<string> {
    if (isPracticeRegister()) throw new AppError({ code: 'practice.no-backup', params: {} })
    return createBackupContent(useDatabase(), kind, appVersion())
  }
  async function backup(kind: BackupKind): Promise<BackupEntry> {
    const content = await contentOf(kind)
    const entry = await writeOfKind(kind)(backupWriteRequest(content))
    await refresh()
    return entry
  }
  /** Once a day, at start: a daily backup unless today already has one that can be restored. */
  async function autoBackupIfDue(): Promise<BackupEntry | null> {
    await refresh()
    if (isPracticeRegister()) return null
    if (await useApi().hasDailyBackupToday()) return null
    if (await isDatabaseEmpty(useDatabase())) return null
    return backup('auto')
  }
  /** Saves a backup to a file the clerk chooses (a USB stick, a shared folder). */
  async function backupToFile(): Promise<string | null> {
    const content = await contentOf('manual')
    const result = await useApi().saveFile({
      title: 'Lưu bản sao lưu',
      suggestedName: `ocop-desk-sao-luu-${todayIso()}.json`,
      filters: [{ name: 'Bản sao lưu OCOP Desk', extensions: ['json'] }],
      bytes: new TextEncoder().encode(content),
    })
    return result.saved ? (result.name ?? '') : null
  }
  /** Reads and checks a backup without changing anything; throws the refusal in Vietnamese. */
  async function check(content: string, fileName: string): Promise<CheckedBackup> {
    const parsed = await parseBackup(content, fileName)
    return { ...parsed, fileName, dangling: findDanglingRecords(parsed.backup.tables) }
  }
  /** Replaces the register with a checked backup, its dangling records set aside. */
  async function restore(checked: CheckedBackup): Promise<void> {
    busy.value = true
    try {
      const { tables } = checked.backup
      const restored =
        checked.dangling.length === 0
          ? tables
          : setDanglingAside(tables, checked.dangling, {
              backupName: checked.fileName,
              at: new Date().toISOString(),
              newId: () => crypto.randomUUID(),
            })
      await backup('pre-restore')
      await replaceAllTables(useDatabase(), restored)
      await refresh()
    } finally {
      busy.value = false
    }
  }
  /** Reads a backup of the list and checks it. */
  async function checkFromList(name: string): Promise<CheckedBackup> {
    const { content } = await useApi().readBackup({ name })
    return check(content, name)
  }
  /** Asks for a file and checks it; null when the clerk cancels. */
  async function checkFromFile(): Promise<CheckedBackup | null> {
    const picked = await useApi().openFile({
      title: 'Chọn tệp sao lưu để khôi phục',
      filters: [{ name: 'Bản sao lưu OCOP Desk', extensions: ['json'] }],
    })
    if (!picked) return null
    return check(new TextDecoder('utf-8').decode(picked.bytes), picked.name)
  }
  return {
    entries,
    busy,
    refresh,
    backup,
    autoBackupIfDue,
    backupToFile,
    restore,
    checkFromList,
    checkFromFile,
  }
})
