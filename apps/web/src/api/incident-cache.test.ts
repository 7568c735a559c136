import type { Incident, IncidentStatus } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import {
  cacheIncidents,
  gatewaysWithIncidents,
  type IncidentPages,
  newerIncident,
  withIncidents,
} from './incident-cache.ts'
import { queryKeys } from './queries.ts'

function makeIncident(id: number, status: IncidentStatus, overrides: Partial<Incident> = {}): Incident {
  return {
    id,
    rule_id: 1,
    rule_name: 'Down',
    kind: 'gateway_down',
    severity: 'critical',
    subject_type: 'gateway',
    subject_id: id * 10,
    subject_name: `gateway-${id * 10}`,
    status,
    summary: `gateway-${id * 10} is offline`,
    opened_at: 1_000 + id,
    acknowledged_at: status === 'open' ? null : 1_100,
    acknowledged_by: status === 'open' ? null : 'admin',
    resolved_at: status === 'resolved' ? 1_200 : null,
    resolved_by: null,
    in_maintenance: false,
    last_notified_at: null,
    ...overrides,
  }
}

const pagesOf = (...pages: Incident[][]): IncidentPages => ({
  pages: pages.map((incidents) => ({ incidents, next_before: null })),
  pageParams: pages.map(() => undefined),
})

const listed = (client: QueryClient, status: IncidentStatus) =>
  client
    .getQueryData<IncidentPages>(queryKeys.incidentList(status))
    ?.pages.map((page) => page.incidents.map((incident) => incident.id))

describe('newerIncident', () => {
  it('takes the incident as reported unless the cached one is further along', () => {
    const open = makeIncident(1, 'open')
    const acknowledged = makeIncident(1, 'acknowledged')
    const resolved = makeIncident(1, 'resolved')
    expect(newerIncident(open, acknowledged)).toBe(acknowledged)
    expect(newerIncident(acknowledged, open)).toBe(acknowledged)
    expect(newerIncident(resolved, acknowledged)).toBe(resolved)
    const notified = { ...open, last_notified_at: 1_050 }
    expect(newerIncident(open, notified)).toBe(notified)
  })
})

describe('withIncidents', () => {
  it('puts a new incident of the status on the first page, newest first, and leaves the rest as they were', () => {
    const data = pagesOf([makeIncident(5, 'open'), makeIncident(3, 'open')], [makeIncident(2, 'open')])
    const next = withIncidents(data, 'open', new Map([[4, makeIncident(4, 'open')]]))
    expect(next.pages.map((page) => page.incidents.map((incident) => incident.id))).toEqual([[5, 4, 3], [2]])
    expect(next.pages[1]).toBe(data.pages[1])
    expect(withIncidents(data, 'open', new Map([[9, makeIncident(9, 'resolved')]]))).toBe(data)
  })
})

describe('cacheIncidents', () => {
  it('moves an incident from the open list to the acknowledged one and into its page', () => {
    const client = new QueryClient()
    client.setQueryData(
      queryKeys.incidentList('open'),
      pagesOf([makeIncident(2, 'open'), makeIncident(1, 'open')]),
    )
    client.setQueryData(queryKeys.incidentList('acknowledged'), pagesOf([]))
    client.setQueryData(queryKeys.incidentDetail(2), { incident: makeIncident(2, 'open'), timeline: [] })

    cacheIncidents(client, [makeIncident(2, 'acknowledged')])

    expect(listed(client, 'open')).toEqual([[1]])
    expect(listed(client, 'acknowledged')).toEqual([[2]])
    expect(client.getQueryData<{ incident: Incident }>(queryKeys.incidentDetail(2))?.incident.status).toBe(
      'acknowledged',
    )
    expect(client.getQueryData(queryKeys.incidentList('resolved'))).toBeUndefined()
  })

  it('never brings back an earlier stage that another list has already moved past', () => {
    const client = new QueryClient()
    client.setQueryData(queryKeys.incidentList('open'), pagesOf([]))
    client.setQueryData(queryKeys.incidentList('resolved'), pagesOf([makeIncident(3, 'resolved')]))

    cacheIncidents(client, [makeIncident(3, 'open')])

    expect(listed(client, 'open')).toEqual([[]])
    expect(listed(client, 'resolved')).toEqual([[3]])
  })
})

describe('gatewaysWithIncidents', () => {
  it('maps each gateway with an unresolved incident to its gravest one, agents and resolved ones aside', () => {
    const open = makeIncident(1, 'open', { subject_id: 7 })
    const acknowledged = makeIncident(2, 'acknowledged', { subject_id: 7 })
    const other = makeIncident(3, 'acknowledged', { subject_id: 8 })
    const agent = makeIncident(4, 'open', { subject_type: 'agent', subject_id: 9 })
    const gateways = gatewaysWithIncidents([
      pagesOf([open, agent]),
      pagesOf([acknowledged, other]),
      undefined,
    ])
    expect([...gateways.entries()].map(([id, incident]) => [id, incident.id])).toEqual([
      [7, 1],
      [8, 3],
    ])
  })
})
