import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ChangeBatch, ChangeBatchOf, OfficeRecord, PackageLogRecord } from '@shared/db/records'
import { AppError } from '@shared/errors'
import { writesNothing } from '@shared/exchange/apply'
import { fingerprintOf } from '@shared/exchange/identity'
import { proposeLinks, type LinkProposal } from '@shared/exchange/links'
import { planMerge, type MergePlan } from '@shared/exchange/merge'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import type { ExchangeTables } from '@shared/exchange/register-tables'
import { checkSender, type SenderStatus } from '@shared/exchange/sender'
import { useApi } from '@/platform/api'
import { isPracticeRegister, useDatabase } from '@/db/instance'
import { listChangeBatches, undoChangeBatch } from '@/db/change-batches'
import {
  commitPackageMerge,
  lastSentTo,
  readExchangeTables,
  recordSentPackage,
  writeRegisterPackage,
} from '@/db/exchange-repo'
import { identityStatus, installIdOf, loadIdentity } from '@/db/identity-repo'
import { useAppStore } from './app'
import { loadAllStores } from './load-all'

/** A received package under preview: checked, its sender known or met for the first time. */
export interface PackagePreview {
  pkg: ReceivedPackage
  status: SenderStatus
  fingerprint: string
  links: LinkProposal[]
  /** This office's id ('' without an identity: then nothing here is "own"). */
  selfId: string
  /** The register the plan was made against (the commit refuses if it moved since). */
  register: ExchangeTables
}

export interface SendOrder {
  recipientId: string | null
  kind: 'full' | 'changes'
  includeHeld: boolean
}

/**
 * Sending and receiving data packages: the offices heard of and the packages sent and merged, a
 * package being previewed (with the links the clerk confirms), and the merges with their undo.
 */
export const useExchangeStore = defineStore('exchange', () => {
  const api = useApi()
  const offices = shallowRef<OfficeRecord[]>([])
  const packages = shallowRef<PackageLogRecord[]>([])
  const merges = shallowRef<ChangeBatchOf<'package-merge'>[]>([])
  const preview = shallowRef<PackagePreview | null>(null)
  /** Ids of the proposed links the clerk unticked. */
  const refusedLinks = ref<ReadonlySet<string>>(new Set())
  const busy = ref(false)

  const linkKey = (link: LinkProposal) => `${link.table}:${link.wireId}`

  async function load() {
    const db = useDatabase()
    const [officeList, packageList, mergeList] = await Promise.all([
      db.offices.toArray(),
      db.packages.toArray(),
      listChangeBatches(db, 'package-merge'),
    ])
    offices.value = officeList
    packages.value = packageList.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    merges.value = mergeList
  }

  /** The last package sent to an office (or to none in particular), that a change package builds on. */
  const lastSent = (recipientId: string | null) => lastSentTo(packages.value, recipientId)

  /** Writes a package and saves it where the clerk chooses; kept as sent once saved. */
  async function send(order: SendOrder): Promise<{ name: string; log: PackageLogRecord } | null> {
    if (isPracticeRegister()) throw new AppError({ code: 'package.practice', params: {} })
    const self = await loadIdentity(useDatabase())
    if (self === null) throw new AppError({ code: 'package.no-identity', params: {} })
    // Two PCs must never sign under one identity: the clerk chooses which keeps it first.
    if (identityStatus(self, installIdOf()) === 'other-install') {
      throw new AppError({ code: 'package.other-install', params: {} })
    }
    busy.value = true
    try {
      const db = useDatabase()
      const recipient = offices.value.find((office) => office.id === order.recipientId)
      const written = await writeRegisterPackage(db, {
        identity: self,
        recipient:
          recipient === undefined ? null : { officeId: recipient.id, name: recipient.name },
        kind: order.kind,
        includeHeld: order.includeHeld,
        appVersion: useAppStore().info?.version ?? '',
        now: new Date().toISOString(),
      })
      const saved = await api.saveFile({
        title: 'Lưu gói dữ liệu',
        suggestedName: written.fileName,
        filters: [{ name: 'Gói dữ liệu OCOP Desk', extensions: ['ocop'] }],
        bytes: written.bytes,
      })
      if (!saved.saved) return null
      await recordSentPackage(db, written.log)
      await load()
      return { name: saved.name ?? written.fileName, log: written.log }
    } finally {
      busy.value = false
    }
  }

  /** Checks a package read by the worker against the register, and shows what merging it does. */
  async function open(pkg: ReceivedPackage): Promise<void> {
    const self = await loadIdentity(useDatabase())
    const register = await readExchangeTables(useDatabase())
    const status = checkSender(pkg.manifest, pkg.fileName, {
      selfId: self?.officeId ?? '',
      offices: register.offices,
      packages: register.packages,
    })
    preview.value = {
      pkg,
      status,
      fingerprint: await fingerprintOf(pkg.manifest.sender.publicKey),
      links: proposeLinks(register, pkg),
      register,
      selfId: self?.officeId ?? '',
    }
    refusedLinks.value = new Set()
  }

  /** The merge as the clerk's link choices make it; recomputed when a link is ticked or not. */
  const plan = computed<MergePlan | null>(() => {
    const current = preview.value
    if (current === null) return null
    return planMerge(current.register, current.pkg, {
      selfId: current.selfId,
      stamp: new Date().toISOString(),
      newId: () => crypto.randomUUID(),
      links: current.links.filter((link) => !refusedLinks.value.has(linkKey(link))),
    })
  })
  const alreadyMerged = computed(
    () =>
      preview.value !== null &&
      preview.value.register.packages.some((p) => p.id === preview.value!.pkg.manifest.id),
  )
  const nothingToWrite = computed(() => plan.value !== null && writesNothing(plan.value))

  function setLink(link: LinkProposal, confirmed: boolean) {
    const next = new Set(refusedLinks.value)
    if (confirmed) next.delete(linkKey(link))
    else next.add(linkKey(link))
    refusedLinks.value = next
  }
  const isLinked = (link: LinkProposal) => !refusedLinks.value.has(linkKey(link))

  function close() {
    preview.value = null
  }

  /** Writes the previewed merge as one change batch. */
  async function commit(): Promise<ChangeBatchOf<'package-merge'>> {
    const current = preview.value
    const planned = plan.value
    if (current === null || planned === null) throw new Error('no package to merge')
    busy.value = true
    try {
      const batch = await commitPackageMerge(
        useDatabase(),
        planned,
        current.register,
        current.pkg.manifest,
        useAppStore().info?.user ?? '',
      )
      preview.value = null
      await Promise.all([loadAllStores(), load()])
      return batch
    } finally {
      busy.value = false
    }
  }

  async function undo(batchId: string): Promise<ChangeBatch> {
    busy.value = true
    try {
      const batch = await undoChangeBatch(useDatabase(), batchId, new Date().toISOString())
      await Promise.all([loadAllStores(), load()])
      return batch
    } finally {
      busy.value = false
    }
  }

  return {
    offices,
    packages,
    merges,
    preview,
    plan,
    busy,
    alreadyMerged,
    nothingToWrite,
    load,
    lastSent,
    send,
    open,
    setLink,
    isLinked,
    close,
    commit,
    undo,
  }
})
