import { describe, expect, it } from 'vitest'
import { subjectPath } from './incident-subject.ts'

describe('subjectPath', () => {
  it('links each subject type to its own page', () => {
    expect(subjectPath({ subject_type: 'gateway', subject_id: 3 })).toBe('/gateways/3')
    expect(subjectPath({ subject_type: 'agent', subject_id: 4 })).toBe('/agents/4')
    expect(subjectPath({ subject_type: 'session', subject_id: 5 })).toBe('/sessions/5')
    expect(subjectPath({ subject_type: 'tool', subject_id: 6 })).toBe('/tools')
  })
})
