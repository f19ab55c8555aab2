-- A reply delivered in the inbound job's own statement (the simulator) first checks that nothing of its
-- chat is still queued ahead of it; without this index that check reads every message the chat ever had.
CREATE INDEX outbound_messages_chat_queued ON outbound_messages (channel, chat_id)
  WHERE status = 'queued';
