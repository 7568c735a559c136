import { describe, expect, it } from 'vitest'
import { makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { deleteGateway } from './gateways.ts'
import { findReadCursor, saveLogCursor, saveToolCallsSeenUntil } from './read-cursors.ts'

const t = useMigratedDatabase()

describe('read cursors', () => {
  it('remembers the log cursor and moves the tool calls seen forward only', async () => {
    const gw = await makeGateway(t.db, 'cursors')
    expect(await findReadCursor(t.db, gw.id)).toEqual({ logCursor: null, toolCallsSeenUntil: null })
    await saveLogCursor(t.db, gw.id, 1234)
    await saveToolCallsSeenUntil(t.db, gw.id, new Date(2_000_000))
    await saveToolCallsSeenUntil(t.db, gw.id, new Date(1_000_000))
    expect(await findReadCursor(t.db, gw.id)).toEqual({
      logCursor: 1234,
      toolCallsSeenUntil: new Date(2_000_000),
    })
    await saveLogCursor(t.db, gw.id, 10)
    expect((await findReadCursor(t.db, gw.id)).logCursor).toBe(10)
  })

  it('keeps nothing for a deleted gateway', async () => {
    const gw = await makeGateway(t.db, 'cursors-gone')
    await deleteGateway(t.db, gw.id)
    await saveLogCursor(t.db, gw.id, 5)
    expect(await findReadCursor(t.db, gw.id)).toEqual({ logCursor: null, toolCallsSeenUntil: null })
  })
})
