-- Owner dashboard login: one-time codes sent on WhatsApp, sessions, and the attempts that rate limits
-- count. Codes and session tokens are stored only as HMAC/SHA-256 digests, never as typed or issued.

CREATE TABLE dashboard_login_codes (
  id bigserial PRIMARY KEY,
  phone text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  failed_attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX dashboard_login_codes_phone ON dashboard_login_codes (phone, id DESC);

CREATE TABLE dashboard_sessions (
  token_hash text PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  phone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);

-- One row per code request or code check; `bucket` is a digest of the phone number or the client address.
CREATE TABLE dashboard_auth_attempts (
  bucket text NOT NULL,
  action text NOT NULL CHECK (action IN ('request', 'verify')),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dashboard_auth_attempts_bucket ON dashboard_auth_attempts (bucket, action, at);

-- A login code goes back on the channel and chat the number last wrote from.
CREATE INDEX inbound_messages_sender_recent ON inbound_messages (sender_phone, id DESC);
