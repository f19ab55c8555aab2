import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type SendOutboundDeps, sendOutbound } from '../src/app/send-outbound.js';

export default (deps: SendOutboundDeps) => async (payload: QueuePayloads['outbound']) =>
  sendOutbound(deps, payload.outboundMessageId);
