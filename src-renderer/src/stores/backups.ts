import { defineStore } from 'pinia'
import { ref } from 'vue'
import { parseBackup } from '@shared/db/backup-format'
import type { BackupEntry, BackupKind } from '@shared/ipc/contract'
import { todayIso } from '@shared/dates'
import { createBackupContent, isDatabaseEmpty, replaceAllTables } from '@/db/backup-tables'
import { useDatabase } from '@/db/instance'
import { useApi } from '@/platform/api'
import { useAppStore } from './app'

/**
 * Backups: the database is read in the renderer (where IndexedDB lives) and the file is written
 * by main into the backup folder. Restoring checks the whole file first, backs up the current data,
 * then replaces every table in one transaction.
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
  async function backup(kind: BackupKind): Promise<BackupEntry> {
    const content = await createBackupContent(useDatabase(), kind, appVersion())
    const entry = await useApi().writeBackup({ kind, content })
    await refresh()
    return entry
  }
  /** Once a day, at start: an automatic backup unless one was already made today. */
  async function autoBackupIfDue(): Promise<BackupEntry | null> {
    await refresh()
    const today = todayIso()
    const doneToday = entries.value.some(
      (e) => e.kind === 'auto' && todayIso(new Date(e.createdAt)) === today,
    )
    if (doneToday || (await isDatabaseEmpty(useDatabase()))) return null
    return backup('auto')
  }
  /** Saves a backup to a file the clerk chooses (a USB stick, a shared folder). */
  async function backupToFile(): Promise<string | null> {
    const content = await createBackupContent(useDatabase(), 'manual', appVersion())
    const result = await useApi().saveFile({
      title: 'Lưu bản sao lưu',
      suggestedName: `ocop-desk-sao-luu-${todayIso()}.json`,
      filters: [{ name: 'Bản sao lưu OCOP Desk', extensions: ['json'] }],
      bytes: new TextEncoder().encode(content),
    })
    return result.saved ? (result.name ?? '') : null
  }
  async function restoreContent(content: string, fileName: string) {
    busy.value = true
    try {
      const checked = parseBackup(content, fileName)
      await backup('pre-restore')
      await replaceAllTables(useDatabase(), checked.tables)
      await refresh()
    } finally {
      busy.value = false
    }
  }
  async function restoreFromList(name: string) {
    const { content } = await useApi().readBackup({ name })
    await restoreContent(content, name)
  }
  /** Asks for a file; null when the clerk cancels. */
  async function pickBackupFile(): Promise<{ name: string; content: string } | null> {
    const picked = await useApi().openFile({
      title: 'Chọn tệp sao lưu để khôi phục',
      filters: [{ name: 'Bản sao lưu OCOP Desk', extensions: ['json'] }],
    })
    if (!picked) return null
    return { name: picked.name, content: new TextDecoder('utf-8').decode(picked.bytes) }
  }
  return {
    entries,
    busy,
    refresh,
    backup,
    autoBackupIfDue,
    backupToFile,
    restoreContent,
    restoreFromList,
    pickBackupFile,
  }
})
