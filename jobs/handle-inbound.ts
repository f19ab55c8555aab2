import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type HandleInboundDeps, handleInbound } from '../src/app/handle-inbound.js';

export default (deps: HandleInboundDeps) => async (payload: QueuePayloads['inbound']) =>
  handleInbound(deps, payload.inboundMessageId);
