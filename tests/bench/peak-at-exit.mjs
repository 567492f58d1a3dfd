// Loaded with --import into a process the bench runs whole: when the process exits, however it
// exits, its peak RSS in MiB is written to the file OCOP_BENCH_PEAK_FILE names.
import { writeFileSync } from 'node:fs'
import { peakMiB } from './peak-rss.mjs'

const file = process.env.OCOP_BENCH_PEAK_FILE
if (file) process.on('exit', () => writeFileSync(file, String(peakMiB())))
