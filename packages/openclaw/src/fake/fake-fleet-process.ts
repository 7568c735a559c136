// The child process behind `startFakeFleet`: runs the fakes it is told to over IPC, so that their
// work does not share an event loop with whatever is being measured against them.

import type { FleetReply, FleetRequest } from './fake-fleet.ts'
import { type FakeGateway, startFakeGateway } from './fake-gateway.ts'
import { startToolTraffic } from './fake-tool-traffic.ts'

const fakes: { healthy: FakeGateway[]; blackholes: FakeGateway[] } = { healthy: [], blackholes: [] }
const reply = (message: FleetReply) => process.send?.(message)
let stopToolTraffic = () => {}

process.on('message', async (request: FleetRequest) => {
  if (request.type === 'start') {
    const { healthy, blackholes, ...options } = request.options
    for (let i = 0; i < healthy; i++) {
      fakes.healthy.push(
        await startFakeGateway({
          token: options.token,
          agents: 2,
          sessions: options.sessionsEach ?? i % 7,
          helloPresence: options.helloPresence,
          methodDelaysMs: { connect: options.helloDelayMs },
        }),
      )
    }
    for (let i = 0; i < blackholes; i++)
      fakes.blackholes.push(await startFakeGateway({ token: options.token, mode: 'blackhole' }))
    reply({
      type: 'started',
      healthyPorts: fakes.healthy.map((fake) => fake.port),
      blackholePorts: fakes.blackholes.map((fake) => fake.port),
    })
  } else if (request.type === 'take-hello-answers') {
    const answers = fakes.healthy.flatMap((fake) =>
      fake.records.helloAnswersMs.map((ms) => ({ port: fake.port, ms })),
    )
    for (const fake of fakes.healthy) fake.clearRecords()
    reply({ type: 'hello-answers', answers })
  } else if (request.type === 'set-mode') {
    for (const fake of fakes.healthy) fake.setMode(request.mode)
    reply({ type: 'mode-set' })
  } else if (request.type === 'create-sessions') {
    const sessions = fakes.healthy.slice(0, request.count).map((fake) => ({
      port: fake.port,
      key: fake.createSession({ label: 'bench-new-session' }).key,
      at: Date.now(),
    }))
    reply({ type: 'sessions-created', sessions })
  } else if (request.type === 'tool-traffic') {
    stopToolTraffic()
    stopToolTraffic = startToolTraffic(fakes.healthy, request.perSecond)
    reply({ type: 'tool-traffic-set' })
  } else {
    stopToolTraffic()
    await Promise.all([...fakes.healthy, ...fakes.blackholes].map((fake) => fake.stop()))
    process.disconnect()
  }
})
