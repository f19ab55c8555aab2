-- Replies and ledger entries point at the inbound message that caused them, and both are looked up that
-- way: a retried inbound job finds its queued replies, and taking back an unqueued delivery (accept
-- failing with the queue down) makes PostgreSQL check both foreign keys. Without these indexes each of
-- those was a full scan of the table, growing with every message ever answered.

CREATE INDEX outbound_messages_inbound ON outbound_messages (inbound_message_id)
  WHERE inbound_message_id IS NOT NULL;
CREATE INDEX ledger_entries_inbound ON ledger_entries (inbound_message_id)
  WHERE inbound_message_id IS NOT NULL;
