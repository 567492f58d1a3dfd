// The peak resident memory of this process, in MiB. On Linux, getrusage's maxRSS survives exec
// (a child started by the bench would report at least the bench's own RSS at fork time), so
// /proc's VmHWM, which belongs to the process's own memory map, is read instead.
import { readFileSync } from 'node:fs'

export function peakMiB() {
  let kib = process.resourceUsage().maxRSS
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (hwm) kib = Number(hwm[1])
  } catch {
    // Not Linux: maxRSS is the best there is.
  }
  return Math.round((kib / 1024) * 10) / 10
}
