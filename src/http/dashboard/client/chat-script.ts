// Browser module for the chat page: talks to the bot through the simulator API (POST a message, poll
// the conversation), as any WhatsApp number would. The number is remembered in this browser only.

export const CHAT_SCRIPT = `
const root = document.querySelector('[data-chat]');
if (root) {
  const log = root.querySelector('[data-log]');
  const form = root.querySelector('form');
  const input = form.querySelector('input[name=text]');
  const numberInput = root.querySelector('input[name=from]');
  const stored = localStorage.getItem('billmitra-chat-number');
  if (!numberInput.value) {
    numberInput.value = stored || '+91' + (7000000000 + Math.floor(Math.random() * 999999999));
  }
  let shown = '';
  const render = (messages) => {
    const key = messages.map((m) => m.id).join(',');
    if (key === shown) return;
    shown = key;
    log.replaceChildren(
      ...messages.map((message) => {
        const bubble = document.createElement('div');
        bubble.className = 'bubble ' + message.direction;
        bubble.textContent = message.text;
        return bubble;
      }),
    );
    log.scrollTop = log.scrollHeight;
  };
  const refresh = async () => {
    const response = await fetch('/api/sim/messages?chat=' + encodeURIComponent(numberInput.value));
    if (response.ok) render((await response.json()).messages);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    localStorage.setItem('billmitra-chat-number', numberInput.value);
    input.value = '';
    const response = await fetch('/api/sim/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: numberInput.value, text }),
    });
    const error = root.querySelector('[data-error]');
    error.hidden = response.ok;
    if (!response.ok) error.textContent = (await response.json()).error;
    refresh();
  });
  numberInput.addEventListener('change', () => { shown = ''; refresh(); });
  refresh();
  setInterval(refresh, 1500);
}
`;
