import { onUnmounted, ref } from 'vue'
import { useApi } from '@/platform/api'

/** A main-side job's progress in percent while it runs (null when none runs), for a progress bar. */
export function useJobProgress() {
  const percent = ref<number | null>(null)
  let jobId = ''
  const stop = useApi().on('job.progress', (progress) => {
    if (progress.jobId === jobId && progress.total > 0) {
      percent.value = Math.round((progress.done / progress.total) * 100)
    }
  })
  onUnmounted(stop)

  /** Runs `work` with a fresh job id; the bar shows until it ends, however it ends. */
  async function run<T>(work: (jobId: string) => Promise<T>): Promise<T> {
    jobId = crypto.randomUUID()
    percent.value = 0
    try {
      return await work(jobId)
    } finally {
      percent.value = null
    }
  }
  return { percent, run }
}
