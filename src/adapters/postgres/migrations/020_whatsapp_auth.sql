-- Baileys (WhatsApp Web) login state: the creds document and every Signal key, one row each. Values are
-- AES-256-GCM ciphertext made with WHATSAPP_AUTH_KEY; the database never holds them in the clear.
CREATE TABLE whatsapp_auth_state (
  session text NOT NULL,
  kind text NOT NULL,
  key_id text NOT NULL,
  value bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session, kind, key_id)
);
