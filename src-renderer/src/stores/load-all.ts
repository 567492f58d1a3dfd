import { useIdentityStore } from './identity'
import { useIssuedStore } from './issued'
import { usePlansStore } from './plans'
import { useRegisterStore } from './register'
import { useRoundsStore } from './rounds'
import { useSetAsideStore } from './set-aside'
import { useSettingsStore } from './settings'
import { useUnitsStore } from './units'

/** Reads everything the views show from the database: at start and after a restore. */
export async function loadAllStores(): Promise<void> {
  await Promise.all([
    useSettingsStore().load(),
    useIdentityStore().load(),
    useUnitsStore().load(),
    useRegisterStore().load(),
    usePlansStore().load(),
    useSetAsideStore().load(),
    useIssuedStore().load(),
    useRoundsStore().load(),
  ])
}
