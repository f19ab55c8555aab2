-- A report's chart is its own message, sent after the report's text: the row holds what to draw (the chart
-- request, plain JSON) until the outbound job draws it, stores the PNG in image_png and sends it. The
-- inbound transaction no longer waits for a chart, nor do the other messages of its batch.
ALTER TABLE outbound_messages ADD COLUMN chart jsonb;
