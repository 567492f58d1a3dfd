/**
 * Loads src-main/index.ts (the app's lifecycle) against the fake `electron`, holding `app.ready`
 * back until the test releases it, and capturing the process-wide error handlers instead of
 * installing them in the test runner's own process.
 */
import { vi } from 'vitest'
import { app } from './electron-mock'

export interface LoadedMain {
  /** Resolves `app.whenReady()` and waits for the startup chain to run. */
  ready(): Promise<void>
  processHandlers: Map<string, (...args: unknown[]) => void>
}

export async function loadMain(): Promise<LoadedMain> {
  let release!: () => void
  const whenReady = new Promise<void>((resolve) => (release = resolve))
  app.whenReady.mockReturnValue(whenReady)

  const processHandlers = new Map<string, (...args: unknown[]) => void>()
  const originalOn = process.on.bind(process)
  const spy = vi.spyOn(process, 'on').mockImplementation(((
    event: string,
    listener: (...args: unknown[]) => void,
  ) => {
    if (event === 'uncaughtException' || event === 'unhandledRejection') {
      processHandlers.set(event, listener)
      return process
    }
    return originalOn(event, listener)
  }) as typeof process.on)
  try {
    await import('../../../../src-main/index')
  } finally {
    spy.mockRestore()
  }
  return {
    processHandlers,
    ready: async () => {
      release()
      await whenReady
      // Let the `.then` chain after whenReady() run to completion.
      await new Promise<void>((resolve) => setImmediate(resolve))
    },
  }
}
